import { ref, shallowRef } from 'vue';
import { isMissing } from '@/api';

/**
 * Where a paged list's first page is: the skeleton, the rows, a refusal
 * (`forbidden`, only with `refusalIsState`), or the error state.
 */
export type PagedListState = 'loading' | 'ready' | 'forbidden' | 'error';

/** One page as the API's list routes answer. */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** How a paged list treats what comes back. */
export interface PagedListOptions<T> {
  /**
   * Leaves out rows already shown, by key: for lists whose order the
   * server works out again on every page, so a row can come twice.
   */
  keyOf?: (item: T) => string | number;
  /** A 403 or 404 becomes the `forbidden` state rather than an error. */
  refusalIsState?: boolean;
}

/**
 * A list fetched page by page from a cursor. `refresh` starts again from
 * the first page (pull to refresh, retry) and rethrows its failure, which
 * stays in `error`; a failed refresh keeps the rows shown, and only a
 * first load with nothing to show becomes the error state. `loadMore`
 * appends the next page while the server has one; `onLoadMore`, with
 * `loadingMore` and `loadMoreFailed`, is the same for van-list. An answer
 * that arrives after a newer refresh started is dropped.
 */
export function usePagedList<T>(
  fetchPage: (cursor?: string) => Promise<ListPage<T>>,
  options: PagedListOptions<T> = {},
) {
  const items = shallowRef<T[]>([]);
  const state = ref<PagedListState>('loading');
  const error = shallowRef<unknown>(null);
  const finished = ref(false);
  let cursor: string | null = null;
  let generation = 0;

  function take(page: ListPage<T>, rows: T[]): void {
    items.value = rows;
    cursor = page.nextCursor;
    finished.value = cursor === null;
  }

  async function refresh(): Promise<void> {
    const mine = ++generation;
    if (state.value !== 'ready') state.value = 'loading';

    try {
      const page = await fetchPage();
      if (mine !== generation) return;
      take(page, page.items);
      state.value = 'ready';
      error.value = null;
    } catch (failure) {
      if (mine !== generation) return;
      error.value = failure;
      if (options.refusalIsState && isMissing(failure)) state.value = 'forbidden';
      else if (items.value.length === 0) state.value = 'error';
      throw failure;
    }
  }

  async function loadMore(): Promise<void> {
    if (cursor === null) {
      finished.value = true;
      return;
    }
    const mine = generation;
    const page = await fetchPage(cursor);
    if (mine !== generation) return;
    const { keyOf } = options;
    const shown = keyOf && new Set(items.value.map(keyOf));
    const fresh = shown
      ? page.items.filter((item) => !shown.has(keyOf(item)))
      : page.items;
    take(page, [...items.value, ...fresh]);
  }

  // van-list's `loading` and `error` models: it sets `loading` itself
  // before asking for more; a failed page shows its tap-to-retry line.
  const loadingMore = ref(false);
  const loadMoreFailed = ref(false);

  /** van-list's `load` handler: the next page, never throwing. */
  async function onLoadMore(): Promise<void> {
    try {
      await loadMore();
    } catch {
      loadMoreFailed.value = true;
    } finally {
      loadingMore.value = false;
    }
  }

  /** Forgets every row and shows the skeleton, for a list asked anew. */
  function reset(): void {
    generation += 1;
    items.value = [];
    cursor = null;
    state.value = 'loading';
    finished.value = false;
  }

  return {
    items, state, error, finished, refresh, loadMore, reset,
    loadingMore, loadMoreFailed, onLoadMore,
  };
}
