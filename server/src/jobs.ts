import cron, { ScheduledTask } from 'node-cron';
import { Services } from './services';
import { expireDepartingSessions } from './services/access-expiry';
import { syncDirectory } from './services/directory-sync';

/**
 * Recurring work. Each job is safe with several processes running: the
 * outbox claims rows; the directory sync and session expiry are idempotent.
 */
export function startJobs(services: Services): () => Promise<void> {
  const { logger } = services;
  const tasks: ScheduledTask[] = [
    cron.schedule('*/5 * * * * *', () => {
      services.outbox.kick().catch((err: unknown) =>
        logger.error({ err }, 'outbox tick failed'));
    }, { name: 'outbox', noOverlap: true }),
    cron.schedule('41 * * * *', () => {
      expireDepartingSessions(services.db, services.clock,
        services.env.departingReadDays, logger)
        .catch((err: unknown) => logger.error({ err }, 'session expiry failed'));
    }, { name: 'departing-sessions', noOverlap: true }),
    cron.schedule('17 */6 * * *', () => {
      syncDirectory(services.db, services.wecom, services.clock, logger)
        .catch((err: unknown) => logger.error({ err }, 'directory sync failed'));
    }, { name: 'directory', noOverlap: true }),
  ];
  return async () => {
    for (const task of tasks) await task.destroy();
  };
}
