import { DataSource, EntityManager } from 'typeorm';
import { reminderSettings, type ReminderSettings } from '@baton/shared';
import { CommandContext } from '../commands/context';
import { dateInZone } from '../domain/calendar';
import { HandoverRecord, holdersOf, loadHandover } from '../domain/handover-record';
import {
  dueSoonReminder, escalationReminder, groupOverdueLine, overdueReminder,
  type ReminderCardProps,
} from '../domain/reminder-messages';
import { Handover, Milestone } from '../entities';
import type { Logger } from '../logger';
import { enqueue } from '../outbox/outbox';
import { claimReminder, type ReminderClaim } from './claim';
import {
  type BusinessTime, isOverdue, mayRemindAt, minuteOfDay, remindersDue,
} from './schedule';

/** What sendDueReminders needs. */
export interface ReminderScanProps {
  db: DataSource;
  context: CommandContext;
  /** Defaults to the context's clock. */
  now?: Date;
  logger?: Logger;
}

/** How many reminders of each kind this scan queued. */
export interface ReminderScanResult {
  dueSoon: number;
  overdue: number;
  escalations: number;
  groupLines: number;
}

/** One handover's scan: its record and settings. */
interface Scan {
  db: DataSource;
  context: CommandContext;
  record: HandoverRecord;
  settings: ReminderSettings;
  time: BusinessTime;
  now: Date;
  result: ReminderScanResult;
  logger?: Logger;
}

/**
 * Queues the reminders that are due now for every active handover's open
 * milestones: the due-soon notice, overdue reminders with their
 * escalation, and the group's overdue line of the day (see schedule.ts).
 * Each reminder is claimed by its unique key in the transaction that
 * queues its outbox rows, so with several processes scanning at once
 * each goes out once. A handover that fails is logged and tried again at
 * the next scan; the others go on.
 */
export async function sendDueReminders(
  props: ReminderScanProps): Promise<ReminderScanResult> {
  const { db, context, logger } = props;
  const now = props.now ?? new Date(context.clock.now());
  const result: ReminderScanResult = {
    dueSoon: 0, overdue: 0, escalations: 0, groupLines: 0,
  };
  const time = { calendar: context.calendar, timeZone: context.tzBusiness };

  for (const handoverId of await handoversWithOpenMilestones(db)) {
    try {
      const record = await loadHandover(db.manager, handoverId);
      if (!record || record.handover.status !== 'active') continue;
      const settings = reminderSettings(record.handover.templateSnapshot?.reminders);
      // Held back, not dropped: the first scan in working hours sends it.
      if (!mayRemindAt(now.getTime(), settings, time)) continue;
      await remindHandover({ db, context, record, settings, time, now, result, logger });
    } catch (err) {
      logger?.error({ err, handoverId }, 'reminder scan failed for a handover');
    }
  }
  const total = result.dueSoon + result.overdue + result.escalations + result.groupLines;
  if (total > 0) logger?.info({ ...result }, 'reminders queued');
  return result;
}

/** Ids of active handovers with a dated milestone still open. */
async function handoversWithOpenMilestones(db: DataSource): Promise<number[]> {
  const rows = await db.getRepository(Milestone).createQueryBuilder('m')
    .select('m.handoverId', 'handoverId').distinct(true)
    .innerJoin(Handover, 'h', 'h.id = m.handoverId')
    .where('h.status = :active', { active: 'active' })
    .andWhere('m.doneAt IS NULL').andWhere('m.dueAt IS NOT NULL')
    .getRawMany<{ handoverId: number | string }>();
  return rows.map((r) => Number(r.handoverId)).sort((a, b) => a - b);
}

async function remindHandover(scan: Scan): Promise<void> {
  const { record, now } = scan;
  for (const milestone of record.milestones) {
    const due = remindersDue(milestone, now.getTime(), scan.settings, scan.time);
    if (due.dueSoon) await remindDueSoon(scan, milestone);
    if (due.overdue !== null) {
      await remindOverdue(scan, milestone, due.overdue, due.escalate);
    }
  }
  const overdue = record.milestones.filter((m) => isOverdue(m, now.getTime()));
  if (overdue.length > 0 && record.handover.chatId) {
    await postGroupLine(scan, overdue);
  }
}

/** Thrown inside a claim's transaction to undo it: nothing is owed now. */
class NoLongerOwed extends Error {}

/**
 * Runs `queue` in a transaction that first claims `claim`; false (and
 * nothing queued) when the key was used already, here or elsewhere, or
 * when the milestone was done or the handover ended since the scan read
 * them. Trying a used key costs one ignored insert, so there is no check
 * first.
 */
async function once(scan: Scan, claim: ReminderClaim,
  queue: (manager: EntityManager) => Promise<unknown>): Promise<boolean> {
  try {
    return await scan.db.transaction(async (manager) => {
      if (!(await claimReminder(manager, claim, scan.now))) return false;
      if (!(await stillOwed(manager, claim))) throw new NoLongerOwed();
      await queue(manager);
      return true;
    });
  } catch (err) {
    if (err instanceof NoLongerOwed) return false;
    throw err;
  }
}

/** Read after the claim, so a completion that committed first is seen. */
async function stillOwed(manager: EntityManager, claim: ReminderClaim) {
  const handover = await manager.findOneBy(Handover, { id: claim.handoverId });
  if (handover?.status !== 'active') return false;
  if (claim.milestoneId === null) return true;
  const milestone = await manager.findOneBy(Milestone, { id: claim.milestoneId });
  return milestone !== null && milestone.doneAt === null;
}

async function remindDueSoon(scan: Scan, milestone: Milestone): Promise<void> {
  const { handover } = scan.record;
  const dueDay = dateInZone(milestone.dueAt!.getTime(), scan.time.timeZone);
  const claim: ReminderClaim = {
    kind: 'due_soon', handoverId: handover.id, milestoneId: milestone.id,
    sequence: 1, dedupeKey: `milestone:${milestone.id}:due-soon:${dueDay}`,
  };
  const owners = holdersOf(scan.record, milestone.ownerRole);
  const won = await once(scan, claim, async (manager) => {
    if (owners.length === 0) return;
    await enqueue(manager, dueSoonReminder(cardProps(scan, milestone, owners,
      claim.dedupeKey)), scan.now);
  });
  if (!won) return;
  scan.result.dueSoon++;
  scan.logger?.info({ handoverId: handover.id, milestoneId: milestone.id,
    owners }, 'due-soon reminder queued');
}

/**
 * Overdue reminder number `sequence` to the owners and, when it is time,
 * the escalation to the manager and HR, in one transaction with the
 * milestone's count and dates.
 */
async function remindOverdue(scan: Scan, milestone: Milestone,
  overdue: { sequence: number; at: Date }, escalate: boolean): Promise<void> {
  const { sequence } = overdue;
  const { record } = scan;
  const owners = holdersOf(record, milestone.ownerRole);
  const claim: ReminderClaim = {
    kind: 'overdue', handoverId: record.handover.id, milestoneId: milestone.id,
    sequence, dedupeKey: `milestone:${milestone.id}:overdue:${sequence}`,
  };
  let escalated = false;
  const won = await once(scan, claim, async (manager) => {
    if (owners.length > 0) {
      await enqueue(manager, overdueReminder({
        ...cardProps(scan, milestone, owners, claim.dedupeKey), sequence,
      }), scan.now);
    }
    await manager.update(Milestone, { id: milestone.id },
      { reminderCount: sequence, lastRemindedAt: overdue.at });
    if (escalate) escalated = await queueEscalation(scan, manager, milestone, owners);
  });
  if (!won) return;
  scan.result.overdue++;
  if (escalated) scan.result.escalations++;
  scan.logger?.info({ handoverId: record.handover.id, milestoneId: milestone.id,
    sequence, escalated, owners }, 'overdue reminder queued');
  if (owners.length === 0) {
    scan.logger?.warn({ handoverId: record.handover.id, milestoneId: milestone.id,
      role: milestone.ownerRole }, 'overdue milestone has nobody in its role');
  }
}

async function queueEscalation(scan: Scan, manager: EntityManager,
  milestone: Milestone, owners: string[]): Promise<boolean> {
  const { record } = scan;
  const claim: ReminderClaim = {
    kind: 'escalation', handoverId: record.handover.id, milestoneId: milestone.id,
    sequence: 1, dedupeKey: `milestone:${milestone.id}:escalation`,
  };
  if (!(await claimReminder(manager, claim, scan.now))) return false;
  const touser = [...new Set([
    ...holdersOf(record, 'manager'), ...holdersOf(record, 'hr'),
  ])];
  if (touser.length > 0) {
    await enqueue(manager, escalationReminder({
      ...cardProps(scan, milestone, touser, claim.dedupeKey),
      owners: namesOf(record, owners), reminders: milestone.reminderCount,
    }), scan.now);
  }
  await manager.update(Milestone, { id: milestone.id }, { escalatedAt: scan.now });
  return true;
}

/** At most one line a business day, listing every overdue milestone. */
async function postGroupLine(scan: Scan, overdue: Milestone[]): Promise<void> {
  const { record } = scan;
  const today = dateInZone(scan.now.getTime(), scan.time.timeZone);
  const claim: ReminderClaim = {
    kind: 'group_overdue', handoverId: record.handover.id, milestoneId: null,
    sequence: 1, dedupeKey: `handover:${record.handover.id}:group-overdue:${today}`,
  };
  const won = await once(scan, claim, (manager) => enqueue(manager, groupOverdueLine({
    handover: record.handover, reminderKey: claim.dedupeKey,
    overdue: overdue.map((m) => ({
      title: m.title, owners: namesOf(record, holdersOf(record, m.ownerRole)),
      dueLabel: dueLabel(m.dueAt!, scan.time.timeZone),
    })),
  }), scan.now));
  if (!won) return;
  scan.result.groupLines++;
  scan.logger?.info({ handoverId: record.handover.id, overdue: overdue.length },
    'group overdue line queued');
}

function cardProps(scan: Scan, milestone: Milestone, touser: string[],
  reminderKey: string): ReminderCardProps {
  return {
    handover: scan.record.handover, milestone, touser, reminderKey,
    dueLabel: dueLabel(milestone.dueAt!, scan.time.timeZone),
    publicUrl: scan.context.publicUrl,
  };
}

function namesOf(record: HandoverRecord, userids: string[]): string {
  return userids.map((id) => record.names.get(id) ?? id).join('、') || '-';
}

/** `YYYY-MM-DD HH:MM` in business time. */
export function dueLabel(dueAt: Date, timeZone: string): string {
  const minute = minuteOfDay(dueAt.getTime(), timeZone);
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return `${dateInZone(dueAt.getTime(), timeZone)} ${hh}:${mm}`;
}
