import { ref, shallowRef } from 'vue';
import type { HandoverSummary } from '@baton/shared';
import { fetchHandovers } from '@/api';

/** Where the first page of the list is: drives skeleton, list and error. */
export type ListState = 'loading' | 'ready' | 'error';

/**
 * My handovers, page by page. `refresh` starts again from the first page
 * (pull to refresh, retry); `loadMore` appends the next page while the
 * server has one. Failures are kept in `error` for the page to show.
 */
export function useHandoverList() {
  const items = shallowRef<HandoverSummary[]>([]);
  const state = ref<ListState>('loading');
  const error = shallowRef<unknown>(null);
  const finished = ref(false);
  let cursor: string | null = null;
  let generation = 0;

  async function refresh(): Promise<void> {
    const mine = ++generation;
    if (state.value === 'error') state.value = 'loading';

    try {
      const page = await fetchHandovers();
      if (mine !== generation) return;
      items.value = page.items;
      cursor = page.nextCursor;
      finished.value = cursor === null;
      state.value = 'ready';
      error.value = null;
    } catch (failure) {
      if (mine !== generation) return;
      error.value = failure;
      // Keep showing what we had if a refresh fails; only a first load
      // with nothing to show becomes the error state.
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
    const page = await fetchHandovers(cursor);
    if (mine !== generation) return;
    items.value = [...items.value, ...page.items];
    cursor = page.nextCursor;
    finished.value = cursor === null;
  }

  return { items, state, error, finished, refresh, loadMore };
}
