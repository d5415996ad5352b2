import type { ItemStatus, Progress } from '@baton/shared';

/** What progress is counted from. */
export interface ProgressInput {
  milestones: { doneAt: Date | null; dueAt: Date | null }[];
  items: { required: boolean; status: ItemStatus }[];
}

/** An item counts as handed over once acknowledged, or not applicable. */
export function itemSettled(item: { status: ItemStatus }): boolean {
  return item.status === 'acknowledged' || item.status === 'not_applicable';
}

/**
 * The one place progress is computed: required items settled plus
 * milestones done, out of both; what is left; and how many milestones are
 * overdue at `now`. Optional items do not hold a handover back.
 */
export function computeProgress(input: ProgressInput, now: number): Progress {
  const required = input.items.filter((i) => i.required);
  const total = required.length + input.milestones.length;
  const done = required.filter(itemSettled).length
    + input.milestones.filter((m) => m.doneAt !== null).length;
  const overdue = input.milestones.filter((m) => m.doneAt === null
    && m.dueAt !== null && m.dueAt.getTime() < now).length;
  return {
    percent: total === 0 ? 0 : Math.floor((done * 100) / total),
    done,
    total,
    remaining: total - done,
    overdue,
  };
}
