import { openDatabase } from '../server/src/db/data-source';
import { loadEnv } from '../server/src/env';

/** `npm run migrate`: apply pending migrations to DATABASE_URL and stop. */
async function migrate(): Promise<void> {
  const env = loadEnv();
  const db = await openDatabase(env.databaseUrl);
  const applied = await db.query(
    'SELECT name FROM migrations ORDER BY id');
  process.stdout.write(`migrations applied: ${applied.length}\n`);
  await db.destroy();
}

migrate().catch((error: unknown) => {
  process.stderr.write(`migrate failed: ${(error as Error).message}\n`);
  process.exit(1);
});
