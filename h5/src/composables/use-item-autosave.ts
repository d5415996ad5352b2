import {
  computed, onBeforeUnmount, onMounted, reactive, ref, shallowRef, type Ref,
} from 'vue';
import type { ItemView } from '@baton/shared';
import { ApiError, updateItem } from '@/api';
import { t } from '@/locale';
import { ITEM_EDITS_PREFIX } from '@/utils/local-work';

/** What the autosave line says. */
export type AutosaveStatus =
  | 'idle' | 'pending' | 'saving' | 'saved' | 'failed' | 'offline' | 'invalid';

/** Wait after the last keystroke before saving. */
const DEBOUNCE_MS = 800;

/** What is kept on the phone for one item until the server has it. */
interface StoredEdits {
  fields: Record<string, unknown>;
  at: string;
}

function storageKey(handoverId: string, itemId: string): string {
  return `${ITEM_EDITS_PREFIX}${handoverId}.${itemId}`;
}

function readStored(key: string): StoredEdits | null {
  try {
    const raw = window.localStorage.getItem(key);
    const stored = raw ? JSON.parse(raw) as StoredEdits : null;
    return stored && typeof stored.fields === 'object' ? stored : null;
  } catch {
    return null; // private mode, or someone else's junk under our key
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Options of useItemAutosave. */
export interface AutosaveOptions {
  handoverId: Ref<string>;
  itemId: Ref<string>;
  /** Whether a value may be sent yet (the draft schema accepts it). */
  sendable: (field: string, value: unknown) => boolean;
  /** Each server answer, so the page shows the item as saved. */
  onSaved: (item: ItemView) => void;
  /** A save the server refused; the page shows a field's error under it. */
  onRefused: (error: unknown) => void;
}

/**
 * Saves a draft as it is typed: each change is kept on the phone at once
 * (localStorage, by item), and the changed fields are PATCHed 800 ms after
 * the last keystroke, one save at a time. Offline, the edits wait for the
 * browser's `online` event; a reload finds them with `stored()`. `flush`
 * saves now and resolves once nothing is left unsaved (or throws).
 */
export function useItemAutosave(options: AutosaveOptions) {
  const unsaved = reactive(new Map<string, unknown>());
  const status = ref<AutosaveStatus>('idle');
  const savedAt = ref<Date | null>(null);
  const lastError = shallowRef<unknown>(null);
  const saving = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;

  const key = () => storageKey(options.handoverId.value, options.itemId.value);
  const pending = computed(() => unsaved.size > 0 || saving.value);

  function persist(): void {
    try {
      if (unsaved.size === 0) window.localStorage.removeItem(key());
      else {
        const stored: StoredEdits = {
          fields: Object.fromEntries(unsaved), at: new Date().toISOString(),
        };
        window.localStorage.setItem(key(), JSON.stringify(stored));
      }
    } catch (failure) {
      // Storage full or disabled: the edit is still in memory and queued.
      console.warn('item edits not kept on this phone', failure);
    }
  }

  function idleStatus(): AutosaveStatus {
    if (unsaved.size > 0) return 'invalid';
    return savedAt.value ? 'saved' : 'idle';
  }

  async function saveBatch(): Promise<void> {
    const batch = [...unsaved].filter(([f, v]) => options.sendable(f, v));
    if (batch.length === 0) {
      status.value = idleStatus();
      return;
    }
    if (!navigator.onLine) {
      status.value = 'offline';
      throw new ApiError('network_error', t.errors.network, 0);
    }

    saving.value = true;
    status.value = 'saving';
    try {
      const item = await updateItem(options.handoverId.value,
        options.itemId.value, Object.fromEntries(batch));
      // Keep what changed again while the save was on its way.
      for (const [field, value] of batch) {
        if (same(unsaved.get(field), value)) unsaved.delete(field);
      }
      persist();
      savedAt.value = new Date();
      lastError.value = null;
      options.onSaved(item);
      status.value = idleStatus();
    } catch (failure) {
      lastError.value = failure;
      const offline = failure instanceof ApiError && failure.status === 0;
      status.value = offline ? 'offline' : 'failed';
      if (!offline) options.onRefused(failure);
      throw failure;
    } finally {
      saving.value = false;
    }
  }

  /**
   * Saves what is unsaved now, after any save under way; resolves when
   * the server has every sendable change, throws when it did not take
   * them.
   */
  async function flush(): Promise<void> {
    clearTimeout(timer);
    while (running) await running.catch(() => undefined);
    running = saveBatch();
    try {
      await running;
    } finally {
      running = null;
    }
    // Edits typed during that save go out too.
    const more = [...unsaved].some(([f, v]) => options.sendable(f, v));
    if (more) await flush();
  }

  function schedule(): void {
    clearTimeout(timer);
    status.value = 'pending';
    timer = setTimeout(() => {
      flush().catch(() => undefined); // shown by `status`
    }, DEBOUNCE_MS);
  }

  /** Records an edited field (`null` clears it) and saves it soon. */
  function change(field: string, value: unknown): void {
    unsaved.set(field, value);
    persist();
    schedule();
  }

  /** Edits a reload or a dropped connection left on the phone. */
  function stored(): Record<string, unknown> | null {
    return readStored(key())?.fields ?? null;
  }

  /** Takes stored edits back into the queue and saves them. */
  function resume(fields: Record<string, unknown>): void {
    for (const [field, value] of Object.entries(fields)) unsaved.set(field, value);
    flush().catch(() => undefined);
  }

  /** Forgets unsaved edits, here and on the phone (the item moved on). */
  function discard(): void {
    clearTimeout(timer);
    unsaved.clear();
    persist();
    status.value = 'idle';
    savedAt.value = null;
  }

  function onOnline(): void {
    if (unsaved.size > 0) flush().catch(() => undefined);
  }

  function onOffline(): void {
    if (unsaved.size > 0) status.value = 'offline';
  }

  // Phones rarely fire beforeunload: save when the page is put away.
  function onHidden(): void {
    if (document.visibilityState === 'hidden' && unsaved.size > 0) {
      flush().catch(() => undefined);
    }
  }

  function onBeforeUnload(event: BeforeUnloadEvent): void {
    if (!pending.value) return;
    event.preventDefault();
    event.returnValue = ''; // older webviews need it set to ask
  }

  onMounted(() => {
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onHidden);
  });

  onBeforeUnmount(() => {
    // Leaving mid-debounce: try now; the phone keeps the edits either way.
    if (unsaved.size > 0) flush().catch(() => undefined);
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
    window.removeEventListener('beforeunload', onBeforeUnload);
    document.removeEventListener('visibilitychange', onHidden);
  });

  return {
    status, savedAt, lastError, pending, unsaved,
    change, flush, stored, resume, discard,
  };
}
