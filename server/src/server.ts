import http from 'node:http';
import { AddressInfo } from 'node:net';
import { buildApp } from './app';
import { AdjustableClock } from './clock';
import { loadEnv } from './env';
import { startJobs } from './jobs';
import { createLogger } from './logger';
import { seedDemoApproval } from './sandbox/demo-approval';
import { seedDemoHandover } from './sandbox/seed';
import { createServices, Services } from './services';
import { syncDirectory } from './services/directory-sync';
import { seedBuiltinTemplates } from './services/template-seeder';

/** A running Baton server. */
export interface RunningServer {
  url: string;
  services: Services;
  close(): Promise<void>;
}

/**
 * Starts Baton from environment variables: listens (PORT=0 picks a free
 * port, for tests), migrates, syncs the directory, seeds the sandbox
 * and starts the jobs. `jobs: false` leaves the outbox to explicit kicks.
 */
export async function startServer(source: NodeJS.ProcessEnv,
  options: { jobs?: boolean; seed?: boolean; clock?: AdjustableClock } = {}):
  Promise<RunningServer> {
  const server = http.createServer();
  const requested = loadEnv(source);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(requested.port, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const env = requested.port === port ? requested : loadEnv({ ...source, PORT: String(port) });
  const logger = createLogger(env.logLevel);

  let services: Services;
  try {
    services = await createServices(env, logger, options.clock);
  } catch (error) {
    server.close();
    throw error;
  }
  server.on('request', buildApp(services).callback());
  server.keepAliveTimeout = 5_000;

  await seedBuiltinTemplates(services.db, services.clock, logger);
  await syncDirectory(services.db, services.wecom, services.clock, logger)
    .catch((err: unknown) => logger.error({ err }, 'directory sync failed at start'));
  if (services.emulator) seedDemoApproval(services.emulator);
  if (env.mode === 'sandbox' && options.seed !== false) {
    await seedDemoHandover(services);
    await services.outbox.kick();
  }
  const stopJobs = options.jobs === false ? async () => {} : startJobs(services);

  logger.info({ url: env.publicUrl, port, mode: env.mode }, 'baton is listening');
  return {
    url: `http://127.0.0.1:${port}`,
    services,
    async close() {
      await stopJobs();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // A send or task started by the last request still needs the database.
      await services.outbox.idle();
      await services.callbackTasks.idle();
      await services.emulator?.flush();
      await services.db.destroy();
    },
  };
}
