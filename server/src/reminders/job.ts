import type { Services } from '../services';
import { type ReminderScanResult, sendDueReminders } from './sender';

/**
 * One reminder run: scan at the services' clock, then send what it
 * queued. The cron job runs it every 10 minutes; in the sandbox, moving
 * the clock runs it too.
 */
export async function remindAndSend(services: Pick<Services,
  'db' | 'commands' | 'outbox' | 'logger'>): Promise<ReminderScanResult> {
  const result = await sendDueReminders({
    db: services.db, context: services.commands,
    logger: services.logger.child({ part: 'reminders' }),
  });
  await services.outbox.kick();
  return result;
}
