/**
 * Where each unfinished upload's material id is remembered, so that after
 * a reload (or a crash, or the webview being killed) picking the same file
 * again continues it instead of starting over. A file is recognised by
 * name, size and modification time, within one handover and item.
 */

import { UPLOAD_PREFIX as PREFIX } from '@/utils/local-work';

/** What identifies one file's upload to one place. */
export interface ResumeKey {
  handoverId: string;
  itemId?: string;
  file: Pick<File, 'name' | 'size' | 'lastModified'>;
}

function keyOf({ handoverId, itemId, file }: ResumeKey): string {
  return [PREFIX, handoverId, itemId ?? '-', file.size, file.lastModified,
    file.name].join(':');
}

/** The remembered material id, if any (storage may be off: then none). */
export function recallUpload(key: ResumeKey): string | null {
  try {
    return window.localStorage.getItem(keyOf(key));
  } catch {
    return null;
  }
}

/** Remembers the material id of an upload just announced. */
export function rememberUpload(key: ResumeKey, materialId: string): void {
  try {
    window.localStorage.setItem(keyOf(key), materialId);
  } catch {
    // Private mode or full: the upload still works, only not after a reload.
  }
}

/** Forgets an upload once complete, cancelled or gone from the server. */
export function forgetUpload(key: ResumeKey): void {
  try {
    window.localStorage.removeItem(keyOf(key));
  } catch {
    // Nothing was stored.
  }
}
