import cron, { ScheduledTask } from 'node-cron';
import { customerTransferPoller } from './commands/customerTransferPoller';
import { remindAndSend } from './reminders/job';
import { Services } from './services';
import { expireDepartingSessions } from './services/access-expiry';
import { syncDirectory } from './services/directory-sync';
import { sweepAbandonedUploads } from './services/upload-sweeper';

/**
 * Recurring work. Each job is safe with several processes running: the
 * outbox claims rows, each reminder claims its key; the directory sync and
 * session expiry are idempotent.
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
    cron.schedule('23 * * * * *', () => {
      services.callbackTasks.kick().then(() => services.outbox.kick())
        .catch((err: unknown) => logger.error({ err }, 'callback tasks failed'));
    }, { name: 'callback-tasks', noOverlap: true }),
    cron.schedule('*/10 * * * *', () => {
      remindAndSend(services)
        .catch((err: unknown) => logger.error({ err }, 'reminder scan failed'));
    }, { name: 'reminders', noOverlap: true }),
    cron.schedule('17 */6 * * *', () => {
      syncDirectory(services.db, services.wecom, services.clock, logger)
        .catch((err: unknown) => logger.error({ err }, 'directory sync failed'));
    }, { name: 'directory', noOverlap: true }),
    cron.schedule('47 * * * * *', () => {
      customerTransferPoller({ db: services.db, client: services.wecom,
        clock: services.clock, logger })
        .catch((err: unknown) => logger.error({ err }, 'customer transfer poll failed'));
    }, { name: 'customer-transfers', noOverlap: true }),
    cron.schedule('53 * * * *', () => {
      sweepAbandonedUploads({ db: services.db, storage: services.storage,
        clock: services.clock, logger, abandonDays: services.env.uploadAbandonDays })
        .catch((err: unknown) => logger.error({ err }, 'upload sweep failed'));
    }, { name: 'abandoned-uploads', noOverlap: true }),
  ];
  return async () => {
    for (const task of tasks) await task.destroy();
  };
}
