import { reactive, type Ref, type ShallowRef } from 'vue';
import type {
  HandoverDetail, MeResponse, MilestoneView, Progress,
} from '@baton/shared';
import { completeMilestone, signMilestone } from '@/api';
import { isPast } from '@/utils/format';

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
    milestones: handover.milestones.map((m) => (m.id === milestone.id
      ? { ...m, doneAt, doneBy, actions: [] }
      : m)),
  };
}

/**
 * What can be done to the milestones of the handover in `detail`. Which
 * buttons to offer is the server's call (each milestone's `actions`); this
 * only carries them out. `pending` holds the ids of milestones waiting for
 * the server; failures are rethrown for the caller to show.
 */
export function useMilestoneActions(
  detail: ShallowRef<HandoverDetail | null>,
  me: Readonly<Ref<MeResponse | null>>,
) {
  const pending = reactive(new Set<string>());

  /**
   * Completes a milestone optimistically: it shows as done at once, then
   * takes the server's answer, or goes back to how it was if the server
   * refuses.
   */
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

  /**
   * Signs a sign-off milestone in my signer roles, then shows the handover
   * as the server now has it (who signed; done once everyone has).
   */
  async function sign(milestone: MilestoneView): Promise<void> {
    const handover = detail.value;
    if (!handover || pending.has(milestone.id)) return;

    pending.add(milestone.id);
    try {
      const after = await signMilestone(handover.id, milestone.id);
      if (detail.value?.id === after.id) detail.value = after;
    } finally {
      pending.delete(milestone.id);
    }
  }

  return { pending, complete, sign };
}
