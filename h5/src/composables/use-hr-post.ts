import { ref } from 'vue';
import { ProgressPostRequest, type ProgressPostResponse } from '@baton/shared';
import { postProgress } from '@/api/hr';

/**
 * HR's progress post to a handover's group. `send` checks the text with
 * the shared schema first (false when there is nothing to send) and lets
 * the server's refusal through for the caller to show.
 */
export function useHrPost() {
  const sending = ref(false);

  /** True when the text is worth sending (not blank, within 500 characters). */
  function isValid(text: string): boolean {
    return ProgressPostRequest.safeParse({ text }).success;
  }

  async function send(handoverId: string,
    text: string): Promise<ProgressPostResponse | null> {
    if (sending.value || !isValid(text)) return null;
    sending.value = true;
    try {
      return await postProgress(handoverId, text.trim());
    } finally {
      sending.value = false;
    }
  }

  return { sending, isValid, send };
}
