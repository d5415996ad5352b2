import { ref, shallowRef, type Ref } from 'vue';
import type { TimelineEvent } from '@baton/shared';
import { ApiError } from '@/api';
import { fetchTimeline } from '@/api/hr';

/** Where the first page is: skeleton, events, not allowed, failed. */
export type TimelineState = 'loading' | 'ready' | 'forbidden' | 'error';

/**
 * A handover's audit trail, newest first, page by page: `refresh` starts
 * again from the newest, `loadMore` appends older events while there are.
 */
export function useTimeline(id: Ref<string>) {
  const events = shallowRef<TimelineEvent[]>([]);
  const state = ref<TimelineState>('loading');
  const error = shallowRef<unknown>(null);
  const finished = ref(false);
  let cursor: string | null = null;
  let generation = 0;

  async function refresh(): Promise<void> {
    const mine = ++generation;
    if (state.value !== 'ready') state.value = 'loading';

    try {
      const page = await fetchTimeline(id.value);
      if (mine !== generation) return;
      events.value = page.items;
      cursor = page.nextCursor;
      finished.value = cursor === null;
      state.value = 'ready';
      error.value = null;
    } catch (failure) {
      if (mine !== generation) return;
      error.value = failure;
      const refused = failure instanceof ApiError
        && (failure.status === 403 || failure.status === 404);
      if (refused) state.value = 'forbidden';
      else if (events.value.length === 0) state.value = 'error';
      throw failure;
    }
  }

  async function loadMore(): Promise<void> {
    if (cursor === null) {
      finished.value = true;
      return;
    }
    const mine = generation;
    const page = await fetchTimeline(id.value, cursor);
    if (mine !== generation) return;
    events.value = [...events.value, ...page.items];
    cursor = page.nextCursor;
    finished.value = cursor === null;
  }

  return { events, state, error, finished, refresh, loadMore };
}
