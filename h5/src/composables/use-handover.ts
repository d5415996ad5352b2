import { ref, shallowRef, type Ref } from 'vue';
import type { HandoverDetail } from '@baton/shared';
import { fetchHandover, isMissing, startHandover } from '@/api';

/** Where the detail page is: skeleton, content, missing or failed. */
export type HandoverState = 'loading' | 'ready' | 'not-found' | 'error';

/**
 * One handover with its participants and milestones, loaded by id. The
 * detail is writable so that an action (completing a milestone) can put the
 * server's answer, or a rolled-back copy, in place. `start` starts a draft
 * (HR only; the server decides) and shows the handover as it then is.
 */
export function useHandover(id: Ref<string>) {
  const detail = shallowRef<HandoverDetail | null>(null);
  const state = ref<HandoverState>('loading');
  const error = shallowRef<unknown>(null);
  const starting = ref(false);
  let generation = 0;

  async function refresh(): Promise<void> {
    const mine = ++generation;
    if (!detail.value) state.value = 'loading';

    try {
      const result = await fetchHandover(id.value);
      if (mine !== generation) return;
      detail.value = result;
      state.value = 'ready';
      error.value = null;
    } catch (failure) {
      if (mine !== generation) return;
      error.value = failure;
      if (isMissing(failure)) {
        detail.value = null;
        state.value = 'not-found';
      } else if (!detail.value) {
        state.value = 'error';
      }
      throw failure;
    }
  }

  async function start(): Promise<void> {
    if (!detail.value || starting.value) return;

    starting.value = true;
    try {
      const after = await startHandover(detail.value.id);
      if (after.id === id.value) detail.value = after;
    } finally {
      starting.value = false;
    }
  }

  return { detail, state, error, starting, refresh, start };
}
