import { reactive, type Ref, type ShallowRef } from 'vue';
import type {
  HandoverDetail, MeResponse, MilestoneView, Progress,
} from '@baton/shared';
import { completeMilestone } from '@/api';
import { isPast } from '@/utils/format';

// Handovers in these states take no more milestone changes.
const FROZEN = new Set<HandoverDetail['status']>(['closed', 'cancelled']);

/**
 * Whether to offer 标记完成 for a milestone: it is not done, the handover is
 * still open, and I own it (by role) or am HR or the manager. Only a hint
 * for the UI; the server decides and may still refuse.
 */
export function mayComplete(
  handover: HandoverDetail,
  milestone: MilestoneView,
  me: MeResponse | null,
): boolean {
  if (milestone.doneAt || FROZEN.has(handover.status)) return false;
  const role = handover.myRole;
  return role === milestone.ownerRole
    || role === 'hr'
    || role === 'manager'
    || me?.isHr === true;
}

function progressAfter(progress: Progress, wasOverdue: boolean): Progress {
  const done = Math.min(progress.total, progress.done + 1);
  const percent = progress.total
    ? Math.round((done / progress.total) * 100)
    : progress.percent;
  return {
    ...progress,
    done,
    percent,
    remaining: Math.max(0, progress.remaining - 1),
    overdue: Math.max(0, progress.overdue - (wasOverdue ? 1 : 0)),
  };
}

function markedDone(
  handover: HandoverDetail,
  milestone: MilestoneView,
  me: MeResponse | null,
): HandoverDetail {
  const doneBy = me ? { userid: me.user.userid, name: me.user.name } : null;
  const doneAt = new Date().toISOString();
  return {
    ...handover,
    progress: progressAfter(handover.progress, isPast(milestone.dueAt)),
    milestones: handover.milestones.map((m) =>
      (m.id === milestone.id ? { ...m, doneAt, doneBy } : m)),
  };
}

/**
 * Completes milestones of the handover in `detail` optimistically: the step
 * shows as done at once, then takes the server's answer, or goes back to
 * how it was if the server refuses (the error is rethrown for the caller to
 * show). `pending` holds the ids of milestones waiting for the server.
 */
export function useMilestoneCompletion(
  detail: ShallowRef<HandoverDetail | null>,
  me: Readonly<Ref<MeResponse | null>>,
) {
  const pending = reactive(new Set<string>());

  async function complete(milestone: MilestoneView): Promise<void> {
    const before = detail.value;
    if (!before || pending.has(milestone.id)) return;

    const optimistic = markedDone(before, milestone, me.value);
    detail.value = optimistic;
    pending.add(milestone.id);

    try {
      const after = await completeMilestone(before.id, milestone.id);
      if (detail.value?.id === after.id) detail.value = after;
    } catch (failure) {
      // Roll back unless something newer (a refresh) replaced our copy.
      if (detail.value === optimistic) detail.value = before;
      throw failure;
    } finally {
      pending.delete(milestone.id);
    }
  }

  return { pending, complete };
}
