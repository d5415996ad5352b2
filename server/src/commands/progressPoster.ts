import { EntityManager } from 'typeorm';
import { audit } from '../domain/audit';
import { HandoverRecord } from '../domain/handover-record';
import { computeProgress } from '../domain/progress';
import { progressPostMarkdown } from '../domain/progress-post';
import { enqueue } from '../outbox/outbox';
import { CommandContext } from './context';

/**
 * HR posts an update to the handover's group: their text, the progress
 * and what is left or overdue, as markdown. Returns what was queued.
 */
export async function progressPoster(props: {
  manager: EntityManager; context: CommandContext; record: HandoverRecord;
  actor: string; text: string;
}): Promise<{ content: string }> {
  const { manager, context, record, actor, text } = props;
  const now = new Date(context.clock.now());
  const progress = computeProgress(record, now.getTime());
  const content = progressPostMarkdown({
    record, text, progress, now: now.getTime(), timeZone: context.tzBusiness,
    author: record.names.get(actor) ?? actor,
  });

  const post = await audit(manager, {
    actor, action: 'handover.posted', targetType: 'handover',
    targetId: record.handover.id, handoverId: record.handover.id,
    details: { text, percent: progress.percent },
  }, now);
  await enqueue(manager, {
    kind: 'appchat.send', handoverId: record.handover.id,
    dedupeKey: `post:${post.id}`,
    payload: { chatid: record.handover.chatId, msgtype: 'markdown', markdown: { content } },
  }, now);
  return { content };
}
