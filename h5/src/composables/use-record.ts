import { ref, shallowRef } from 'vue';
import { isMissing } from '@/api';

/** Where a one-record page is: skeleton, content, missing or failed. */
export type RecordState = 'loading' | 'ready' | 'not-found' | 'error';

/**
 * One record loaded from the API. `refresh` shows the skeleton only while
 * there is nothing current to show (`isCurrent` says whether the record in
 * hand is still the one asked for, e.g. after the route's id changed); a
 * failed refresh keeps the record shown and rethrows, a 403 or 404 becomes
 * `not-found`. An answer that arrives after a newer refresh is dropped.
 * `record` is writable so that actions can put the server's answer, or a
 * rolled-back copy, in place.
 */
export function useRecord<T>(
  fetchRecord: () => Promise<T>,
  isCurrent: (record: T) => boolean = () => true,
) {
  const record = shallowRef<T | null>(null);
  const state = ref<RecordState>('loading');
  const error = shallowRef<unknown>(null);
  let generation = 0;

  async function refresh(): Promise<void> {
    const mine = ++generation;
    if (record.value === null || !isCurrent(record.value)) {
      record.value = null;
      state.value = 'loading';
    }

    try {
      const result = await fetchRecord();
      if (mine !== generation) return;
      record.value = result;
      state.value = 'ready';
      error.value = null;
    } catch (failure) {
      if (mine !== generation) return;
      error.value = failure;
      if (isMissing(failure)) {
        record.value = null;
        state.value = 'not-found';
      } else if (record.value === null) {
        state.value = 'error';
      }
      throw failure;
    }
  }

  return { record, state, error, refresh };
}
