import type { ToastOptions } from 'vant';
import { errorMessage } from '@/api';

async function show(options: ToastOptions): Promise<void> {
  try {
    const { showToast } = await import('./vant-toast');
    showToast(options);
  } catch (failure) {
    // The chunk did not load (offline): nowhere to show it but the console.
    console.error('toast unavailable', options.message, failure);
  }
}

/** Shows why something failed, in a short toast. */
export function toastError(error: unknown): void {
  void show({ message: errorMessage(error), wordBreak: 'break-word' });
}

/** Shows a short success note. */
export function toastSuccess(message: string): void {
  void show({ message, type: 'success' });
}
