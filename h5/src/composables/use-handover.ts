import { ref, type Ref } from 'vue';
import { fetchHandover, startHandover } from '@/api';
import { useRecord, type RecordState } from './use-record';

/** Where the detail page is: skeleton, content, missing or failed. */
export type HandoverState = RecordState;

/**
 * One handover with its participants and milestones, loaded by id. The
 * detail is writable so that an action (completing a milestone) can put the
 * server's answer, or a rolled-back copy, in place. `start` starts a draft
 * (HR only; the server decides) and shows the handover as it then is.
 */
export function useHandover(id: Ref<string>) {
  const { record: detail, state, error, refresh } = useRecord(
    () => fetchHandover(id.value), (handover) => handover.id === id.value);
  const starting = ref(false);

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
