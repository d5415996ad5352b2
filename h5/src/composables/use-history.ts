import { computed, ref, shallowRef, type Ref } from 'vue';
import type {
  HandoverDetail, ItemView, MaterialView, TimelineEvent,
} from '@baton/shared';
import { fetchHandover, isMissing } from '@/api';
import { fetchTimeline } from '@/api/hr';
import { fetchAllItems } from '@/api/item-list';
import { fetchMaterials } from '@/api/materials';
import {
  groupByDay, historyEntries,
} from '@/components/browse/history-entries';
import type { ListState } from './use-items';

/** The parts of a handover the history is made of, loaded together. */
interface Loaded {
  handover: HandoverDetail;
  items: ItemView[];
  materials: MaterialView[];
  /** Null when the caller may not read the audit trail. */
  events: TimelineEvent[] | null;
  nextCursor: string | null;
}

async function loadAll(id: string): Promise<Loaded> {
  const handover = await fetchHandover(id);
  const may = (action: string) => handover.actions.includes(action);

  const [items, materials, page] = await Promise.all([
    fetchAllItems(id),
    may('readMaterials')
      ? fetchMaterials(id).then((r) => r.items) : Promise.resolve([]),
    may('readTimeline') ? fetchTimeline(id) : Promise.resolve(null),
  ]);
  return {
    handover, items, materials,
    events: page?.items ?? null,
    nextCursor: page?.nextCursor ?? null,
  };
}

/**
 * A handover's history, grouped by day, newest first: its audit trail
 * (page by page, see `loadMore`) with the items, files and milestones it
 * refers to, and the team members' performance notes when the caller may
 * read them.
 */
export function useHistory(handoverId: Ref<string>) {
  const loaded = shallowRef<Loaded | null>(null);
  const state = ref<ListState>('loading');
  const error = shallowRef<unknown>(null);
  const loadingMore = ref(false);
  let generation = 0;

  const finished = computed(() => !loaded.value?.nextCursor);

  const days = computed(() => {
    const sources = loaded.value;
    if (!sources) return [];
    // While older pages remain, records older than the last event wait.
    const events = sources.events;
    const oldest = events && sources.nextCursor && events.length > 0
      ? events[events.length - 1].at : null;
    return groupByDay(historyEntries(sources, oldest));
  });

  async function refresh(): Promise<void> {
    const mine = ++generation;
    if (loaded.value?.handover.id !== handoverId.value) {
      loaded.value = null;
      state.value = 'loading';
    }

    try {
      const result = await loadAll(handoverId.value);
      if (mine !== generation) return;
      loaded.value = result;
      state.value = 'ready';
      error.value = null;
    } catch (failure) {
      if (mine !== generation) return;
      error.value = failure;
      if (isMissing(failure)) state.value = 'not-found';
      else if (!loaded.value) state.value = 'error';
      throw failure;
    }
  }

  /** Appends the next page of the audit trail; rethrows a failure. */
  async function loadMore(): Promise<void> {
    const before = loaded.value;
    if (!before?.nextCursor || !before.events || loadingMore.value) return;
    const mine = generation;

    loadingMore.value = true;
    try {
      const page = await fetchTimeline(before.handover.id, before.nextCursor);
      if (mine !== generation || loaded.value !== before) return;
      loaded.value = {
        ...before,
        events: [...before.events, ...page.items],
        nextCursor: page.nextCursor,
      };
    } finally {
      loadingMore.value = false;
    }
  }

  return { days, state, error, finished, loadingMore, refresh, loadMore };
}
