// When the server read the data of an on-site page (docs/offline.md "What the screen shows"): a record the
// device sent after this moment may be missing from that data, so the page keeps showing it from the
// device and reads the data again once online.
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = () => ({ dataAt: Date.now() });
