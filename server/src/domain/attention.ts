import { EntityManager, In } from 'typeorm';
import {
  type Attention, type HandoverStatus, STUCK_AFTER_DAYS,
} from '@baton/shared';
import { HandoverItem, Milestone } from '../entities';

const DAY_MS = 86_400_000;

/** What HR's attention order is worked out from, for one handover. */
export interface AttentionFacts {
  id: number;
  status: HandoverStatus;
  startedAt: Date | null;
  lastWorkingDay: string;
  milestones: Pick<Milestone, 'dueAt' | 'doneAt' | 'signatures'>[];
  /** When each of its items last changed (written, submitted, acknowledged). */
  itemChanges: Date[];
}

/** A handover's place in the order: its attention and what sorts it. */
export interface Ranked {
  id: number;
  attention: Attention;
  /** 0 overdue, 1 stuck, 2 running, 3 draft, 4 everything else. */
  group: number;
  overdue: number;
  lastWorkingDay: string;
}

/**
 * Why a handover needs HR now. Only running handovers can: `overdue` when
 * a milestone is past due and not done; `stuck` when no item or milestone
 * has changed (an edit, a submission, an acknowledgement, a completion, a
 * signature) for STUCK_AFTER_DAYS whole days, counting from the start.
 */
export function rankOf(facts: AttentionFacts, now: number): Ranked {
  const base = { id: facts.id, lastWorkingDay: facts.lastWorkingDay, overdue: 0 };
  if (facts.status !== 'active') {
    const group = facts.status === 'draft' ? 3 : 4;
    return { ...base, group, attention: { reason: null, idleDays: null } };
  }

  const overdue = facts.milestones.filter((m) => m.doneAt === null
    && m.dueAt !== null && m.dueAt.getTime() < now).length;
  const idleDays = Math.max(0, Math.floor((now - lastChange(facts)) / DAY_MS));
  const stuck = idleDays >= STUCK_AFTER_DAYS;
  const reason = overdue > 0 ? 'overdue' : stuck ? 'stuck' : null;
  const group = reason === 'overdue' ? 0 : reason === 'stuck' ? 1 : 2;
  return { ...base, overdue, group, attention: { reason, idleDays } };
}

/** The latest time anything moved in a running handover. */
function lastChange(facts: AttentionFacts): number {
  const times = [facts.startedAt?.getTime() ?? 0,
    ...facts.itemChanges.map((d) => d.getTime())];
  for (const m of facts.milestones) {
    if (m.doneAt) times.push(m.doneAt.getTime());
    for (const signature of Object.values(m.signatures ?? {})) {
      if (signature) times.push(Date.parse(signature.at) || 0);
    }
  }
  return Math.max(...times);
}

/**
 * Orders for HR: overdue first (more overdue milestones first), then stuck
 * (longest idle first), then the other running ones (nearest last working
 * day first), then drafts, then the rest; newest first within a tie.
 */
export function byAttention(a: Ranked, b: Ranked): number {
  if (a.group !== b.group) return a.group - b.group;
  if (a.group === 0 && a.overdue !== b.overdue) return b.overdue - a.overdue;
  const idle = (b.attention.idleDays ?? 0) - (a.attention.idleDays ?? 0);
  if (a.group <= 1 && idle !== 0) return idle;
  if (a.group === 2 && a.lastWorkingDay !== b.lastWorkingDay) {
    return a.lastWorkingDay < b.lastWorkingDay ? -1 : 1;
  }
  return b.id - a.id;
}

/**
 * Ranks handovers (their rows as `AttentionFacts` without the parts),
 * reading only the milestone and item columns the ranking needs, and only
 * for those running.
 */
export async function rankHandovers(manager: EntityManager,
  handovers: Omit<AttentionFacts, 'milestones' | 'itemChanges'>[],
  now: number): Promise<Ranked[]> {
  const active = handovers.filter((h) => h.status === 'active').map((h) => h.id);
  const [milestones, items] = active.length === 0 ? [[], []] : await Promise.all([
    manager.find(Milestone, { where: { handoverId: In(active) },
      select: { handoverId: true, dueAt: true, doneAt: true, signatures: true } }),
    manager.find(HandoverItem, { where: { handoverId: In(active) },
      select: { handoverId: true, updatedAt: true } }),
  ]);
  const milestonesOf = groupBy(milestones, (m) => m.handoverId);
  const itemsOf = groupBy(items, (i) => i.handoverId);
  return handovers.map((h) => rankOf({
    ...h,
    milestones: milestonesOf.get(h.id) ?? [],
    itemChanges: (itemsOf.get(h.id) ?? []).map((i) => i.updatedAt),
  }, now)).sort(byAttention);
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
