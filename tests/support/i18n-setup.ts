// Tests translate in every locale as the server does: English registered up front (src/lib/server/i18n.ts).
import '../../src/lib/server/i18n';
