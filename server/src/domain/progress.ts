import type { Progress } from '@baton/shared';

/** What progress is counted from; items join in issue 3. */
export interface ProgressInput {
  milestones: { doneAt: Date | null; dueAt: Date | null }[];
}

/**
 * The one place progress is computed: share of milestones done, what is
 * left, and how much of it is overdue at `now`.
 */
export function computeProgress(input: ProgressInput, now: number): Progress {
  const total = input.milestones.length;
  const done = input.milestones.filter((m) => m.doneAt !== null).length;
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
