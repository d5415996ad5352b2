import { ref, shallowRef, watch, type Ref } from 'vue';
import type { AttentionSummary, HandoverStatus } from '@baton/shared';
import { fetchAttentionList } from '@/api/hr';

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

/** Where the first page is: drives skeleton, list and error. */
export type HrListState = 'loading' | 'ready' | 'error';

/**
 * Every handover for HR, those needing attention first (overdue, then
 * stuck: the server decides), in the statuses of the chosen tab. A new tab
 * starts again from its first page; `loadMore` appends the next.
 */
export function useHrHandovers(tab: Ref<HrTab>) {
  const items = shallowRef<AttentionSummary[]>([]);
  const state = ref<HrListState>('loading');
  const error = shallowRef<unknown>(null);
  const finished = ref(false);
  let cursor: string | null = null;
  let generation = 0;

  async function refresh(): Promise<void> {
    const mine = ++generation;
    if (state.value === 'error') state.value = 'loading';

    try {
      const page = await fetchAttentionList(TAB_STATUSES[tab.value]);
      if (mine !== generation) return;
      items.value = page.items;
      cursor = page.nextCursor;
      finished.value = cursor === null;
      state.value = 'ready';
      error.value = null;
    } catch (failure) {
      if (mine !== generation) return;
      error.value = failure;
      // A failed refresh keeps what is shown; only an empty list errors.
      if (items.value.length === 0) state.value = 'error';
      throw failure;
    }
  }

  async function loadMore(): Promise<void> {
    if (cursor === null) {
      finished.value = true;
      return;
    }
    const mine = generation;
    const page = await fetchAttentionList(TAB_STATUSES[tab.value], cursor);
    if (mine !== generation) return;
    // The order is recomputed on every page: skip any already shown.
    const shown = new Set(items.value.map((h) => h.id));
    items.value = [...items.value, ...page.items.filter((h) => !shown.has(h.id))];
    cursor = page.nextCursor;
    finished.value = cursor === null;
  }

  watch(tab, () => {
    items.value = [];
    state.value = 'loading';
    finished.value = false;
    refresh().catch(() => undefined);
  });

  return { items, state, error, finished, refresh, loadMore };
}
