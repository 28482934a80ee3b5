// zod 4 probes for `new Function` (its JIT) the first time a schema parses in the browser; under the
// CSP (no 'unsafe-eval', issue #11 point 8) the probe fails harmlessly but is reported as a violation.
// Jitless parsing is the same parsing without the probe.
import { config } from 'zod/v4/core';

config({ jitless: true });
