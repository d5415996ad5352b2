/**
 * `npm run test:browser`: starts a real Baton server in sandbox mode on a
 * free port over a fresh database (SQLite, or MariaDB when
 * TEST_DATABASE_URL is set), seeds the demo, runs the browser tests in
 * headless Chromium against it, and exits non-zero on any failure.
 */
import { startServer } from '../../server/src/server';
import { testDatabaseUrl } from '../support/database';
import dropTestDatabases from '../support/global-teardown';
import { runBrowserTest, setBaseUrl } from './browser';
import { customers } from './customers';
import { handoverFlow } from './handover-flow';
import { smoke } from './smoke';
import { templates } from './templates';

async function main(): Promise<void> {
  const server = await startServer({
    PORT: '0',
    DATABASE_URL: await testDatabaseUrl('browser'),
    SESSION_SECRET: 'browser-test-session-secret-0123456789',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
  }, { seed: true, jobs: true });
  // The browser must use the public URL: cookies and OAuth redirects are on it.
  setBaseUrl(server.services.env.publicUrl);
  const results: boolean[] = [];
  try {
    // The flow goes first: the smoke test presses a card button the flow
    // does not need, and both read the same seeded demo.
    results.push(await runBrowserTest('handover-flow', handoverFlow));
    results.push(await runBrowserTest('smoke', smoke));
    results.push(await runBrowserTest('customers', customers));
    results.push(await runBrowserTest('templates', templates));
  } finally {
    await server.close();
    await dropTestDatabases();
  }
  const passed = results.filter(Boolean).length;
  console.log(`${passed} passed, ${results.length - passed} failed`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
