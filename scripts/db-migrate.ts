// npm run db:migrate — brings the database (DATABASE_URL, or PGlite under DATA_DIR) to the latest
// schema. `npm run db:migrate -- down` reverts the latest migration.
import { databaseUrl, dataDir } from '../src/lib/server/config';
import { connect } from '../src/lib/server/db/connect';
import { migrateDown, migrateToLatest } from '../src/lib/server/db/migrate';

const handle = await connect({ databaseUrl: databaseUrl(), dataDir: dataDir() });
try {
	const applied =
		process.argv[2] === 'down' ? await migrateDown(handle.db) : await migrateToLatest(handle.db);
	console.log(applied.length ? applied.join('\n') : 'The database is up to date');
} catch (error) {
	console.error(error);
	process.exitCode = 1;
} finally {
	await handle.close();
}
