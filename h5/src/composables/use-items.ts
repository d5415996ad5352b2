import { ref, shallowRef, type Ref } from 'vue';
import type { ItemView } from '@baton/shared';
import { isMissing } from '@/api';
import { fetchAllItems } from '@/api/item-list';

/** Where a list page is: skeleton, content, missing or failed. */
export type ListState = 'loading' | 'ready' | 'not-found' | 'error';

/**
 * All items of one handover, every page of them, for browsing and search.
 * A refresh that fails keeps the items already shown and rethrows, so the
 * page can toast instead of blanking.
 */
export function useItemList(handoverId: Ref<string>) {
  const items = shallowRef<ItemView[]>([]);
  const state = ref<ListState>('loading');
  const error = shallowRef<unknown>(null);
  let generation = 0;
  let shown: string | null = null;

  async function refresh(): Promise<void> {
    const mine = ++generation;
    // Another handover's items must not stand in while this one loads.
    if (shown !== handoverId.value) {
      items.value = [];
      state.value = 'loading';
    }

    try {
      const result = await fetchAllItems(handoverId.value);
      if (mine !== generation) return;
      items.value = result;
      shown = handoverId.value;
      state.value = 'ready';
      error.value = null;
    } catch (failure) {
      if (mine !== generation) return;
      error.value = failure;
      if (isMissing(failure)) state.value = 'not-found';
      else if (state.value !== 'ready') state.value = 'error';
      throw failure;
    }
  }

  return { items, state, error, refresh };
}
