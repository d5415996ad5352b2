import fs from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';

/**
 * Drops the databases this jest run made on MySQL/MariaDB (see
 * testDatabaseUrl: `baton_t_<test>_<pid>`) and the sandbox emulator state
 * kept beside them in data/. Tests run in band, so they share this
 * process's pid; other runs' databases are left alone.
 */
export default async function dropTestDatabases(): Promise<void> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base || base.startsWith('sqlite:')) return;
  const url = new URL(base.replace(/^mariadb:/, 'mysql:'));
  const conn = await mysql.createConnection({
    host: url.hostname, port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
  try {
    const [rows] = await conn.query('SHOW DATABASES LIKE ?', [`baton\\_t\\_%\\_${process.pid}`]);
    for (const row of rows as Record<string, string>[]) {
      await conn.query(`DROP DATABASE \`${Object.values(row)[0]}\``);
    }
  } finally {
    await conn.end();
  }
  removeEmulatorState();
}

function removeEmulatorState(): void {
  const dir = path.resolve('data');
  const ours = new RegExp(`^sandbox-wecom-baton_t_.*_${process.pid}\\.json`);
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (ours.test(name)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}
