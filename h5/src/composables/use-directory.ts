import { onScopeDispose, ref, shallowRef, watch } from 'vue';
import type { DirectoryPerson } from '@baton/shared';
import { searchDirectory } from '@/api/hr';

/** Where a search is: nothing typed, waiting, answered, failed. */
export type DirectoryState = 'idle' | 'searching' | 'ready' | 'error';

/** How long typing must pause before a search goes out. */
const DEBOUNCE_MS = 300;

/**
 * Searches the directory as HR types into `query`: waits for a pause, and
 * cancels a search still on its way when the text changes again, so a slow
 * answer for "张" never replaces the one for "张伟" on a weak network.
 */
export function useDirectory() {
  const query = ref('');
  const results = shallowRef<DirectoryPerson[]>([]);
  const state = ref<DirectoryState>('idle');
  const error = shallowRef<unknown>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | null = null;

  async function search(text: string): Promise<void> {
    inFlight?.abort();
    const mine = new AbortController();
    inFlight = mine;
    state.value = 'searching';
    try {
      const answer = await searchDirectory(text, mine.signal);
      if (inFlight !== mine) return;
      results.value = answer.items;
      state.value = 'ready';
      error.value = null;
    } catch (failure) {
      if (inFlight !== mine) return;
      error.value = failure;
      state.value = 'error';
    }
  }

  function schedule(text: string): void {
    clearTimeout(timer);
    const trimmed = text.trim();
    if (!trimmed) {
      inFlight?.abort();
      inFlight = null;
      results.value = [];
      state.value = 'idle';
      return;
    }
    state.value = 'searching';
    timer = setTimeout(() => void search(trimmed.slice(0, 50)), DEBOUNCE_MS);
  }

  /** Searches the current text again at once (after a failure). */
  function retry(): void {
    const trimmed = query.value.trim();
    if (trimmed) void search(trimmed.slice(0, 50));
  }

  watch(query, schedule);
  onScopeDispose(() => {
    clearTimeout(timer);
    inFlight?.abort();
  });

  return { query, results, state, error, retry };
}
