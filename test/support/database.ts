import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';

/**
 * A fresh, empty database for one test file. With TEST_DATABASE_URL set to
 * `mysql://...` a new database is created on that server (named after the
 * test and the process, dropped first if a crashed run left it); otherwise
 * a new SQLite file in the temp folder.
 */
export async function testDatabaseUrl(name: string): Promise<string> {
  const base = process.env.TEST_DATABASE_URL;
  const safe = name.replace(/[^a-z0-9]/gi, '_').slice(0, 30);
  if (!base || base.startsWith('sqlite:')) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-test-'));
    return `sqlite:${path.join(dir, `${safe}.sqlite`)}`;
  }
  const url = new URL(base.replace(/^mariadb:/, 'mysql:'));
  const database = `baton_t_${safe}_${process.pid}`;
  const conn = await mysql.createConnection({
    host: url.hostname, port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await conn.query(`CREATE DATABASE \`${database}\`
      CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
  url.pathname = `/${database}`;
  return url.toString();
}
