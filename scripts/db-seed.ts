// npm run db:seed — migrates, then seeds the demo municipality into an empty database.
// With --force it seeds even when data exists (only useful on a throwaway database).
import { databaseUrl, dataDir, isProduction } from '../src/lib/server/config';
import { loadCprKeys } from '../src/lib/server/crypto/cpr';
import { connect } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { isDatabaseEmpty, seedDemo } from '../src/lib/server/seed/demo';

const keys = loadCprKeys({
	envKey: process.env.CPR_KEY,
	dataDir: dataDir(),
	allowGenerated: !isProduction()
});
const handle = await connect({ databaseUrl: databaseUrl(), dataDir: dataDir() });
try {
	await migrateToLatest(handle.db);
	if (!(await isDatabaseEmpty(handle.db)) && !process.argv.includes('--force')) {
		console.log('The database already holds data: nothing seeded (use --force on a throwaway one)');
	} else {
		await seedDemo(handle.db, keys);
		console.log('Demo municipality seeded');
	}
} catch (error) {
	console.error(error);
	process.exitCode = 1;
} finally {
	await handle.close();
}
