import fs from 'node:fs';
import path from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations';
import { entities } from '../entities';
import { serializeSqlite } from './sqlite-serial';

/**
 * Builds the DataSource from DATABASE_URL: `mysql://` (or `mariadb://`) goes
 * to mysql2, `sqlite:path` to better-sqlite3 (`sqlite::memory:` for memory).
 */
export function createDataSource(databaseUrl: string): DataSource {
  return new DataSource({
    ...driverOptions(databaseUrl),
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    logging: false,
  } as DataSourceOptions);
}

function driverOptions(databaseUrl: string): Partial<DataSourceOptions> {
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    if (file !== ':memory:') {
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    }
    return {
      type: 'better-sqlite3',
      database: file,
      // WAL lets readers go on while the one writer writes.
      prepareDatabase: (db: { pragma(s: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
      },
    } as Partial<DataSourceOptions>;
  }
  return {
    type: 'mysql',
    url: databaseUrl.replace(/^mariadb:/, 'mysql:'),
    // Store and read instants as UTC whatever the server's zone.
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    supportBigNumbers: true,
    bigNumberStrings: true,
    extra: { connectionLimit: 10 },
  };
}

/** Connects and applies pending migrations; returns their names. */
export async function openDatabase(databaseUrl: string): Promise<DataSource> {
  const db = createDataSource(databaseUrl);
  await db.initialize();
  if (databaseUrl.startsWith('sqlite:')) serializeSqlite(db);
  await db.runMigrations({ transaction: 'each' });
  return db;
}
