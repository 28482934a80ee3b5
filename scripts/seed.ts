// `npm run seed` (also run by `npm start` unless SEED=0 or --no-seed): fills the demo province of Cửu An
// and prints the demo logins. Idempotent. Needs PB_URL, PB_SUPERUSER_EMAIL, PB_SUPERUSER_PASSWORD
// (npm start passes them).
import { getConfig } from '../src/lib/server/config';
import { createPb } from '../src/lib/server/pb/create';
import { seedDemo } from '../src/lib/server/seed';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/lib/server/seed/org';

if (process.env.SEED === '0' || process.argv.includes('--no-seed')) {
	console.log('Seed skipped (SEED=0).');
	process.exit(0);
}

const c = getConfig();
const pb = await createPb(c.PB_URL, c.PB_SUPERUSER_EMAIL, c.PB_SUPERUSER_PASSWORD);
const t0 = Date.now();
await seedDemo(pb, (l) => console.log(l));
console.log(`Seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s. Demo accounts (password ${DEMO_PASSWORD}):`);
for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(10)} ${u.email}`);
