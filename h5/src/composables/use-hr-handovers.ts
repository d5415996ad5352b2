import { watch, type Ref } from 'vue';
import type { AttentionSummary, HandoverStatus } from '@baton/shared';
import { fetchAttentionList } from '@/api/hr';
import { usePagedList } from './use-paged-list';

/** The console's tabs. */
export const HR_TABS = ['active', 'draft', 'done', 'all'] as const;
export type HrTab = (typeof HR_TABS)[number];

/** Which statuses each tab lists; null for all of them. */
const TAB_STATUSES: Record<HrTab, readonly HandoverStatus[] | null> = {
  active: ['active'],
  draft: ['draft'],
  done: ['completed', 'evaluating', 'closed'],
  all: null,
};

/**
 * Every handover for HR, those needing attention first (overdue, then
 * stuck: the server decides), in the statuses of the chosen tab. A new tab
 * starts again from its first page; `loadMore` appends the next.
 */
export function useHrHandovers(tab: Ref<HrTab>) {
  const list = usePagedList<AttentionSummary>(
    (cursor) => fetchAttentionList(TAB_STATUSES[tab.value], cursor),
    // The order is worked out again for every page: skip any already shown.
    { keyOf: (handover) => handover.id },
  );

  watch(tab, () => {
    list.reset();
    list.refresh().catch(() => undefined);
  });

  return list;
}
