/**
 * What the H5 keeps on the phone between visits: item edits not yet saved
 * (they can hold confidential notes) and which material an unfinished
 * upload continues. Both are the logged-in person's, so they go when that
 * person logs out of this browser.
 */

/** Prefix of unsaved item edits, by handover and item. */
export const ITEM_EDITS_PREFIX = 'baton.item-edits.';

/** Prefix of unfinished uploads' material ids. */
export const UPLOAD_PREFIX = 'baton.upload.v1';

function keptKeys(prefix: string): string[] {
  try {
    const keys: string[] = [];
    for (let i = 0; i < window.localStorage.length; i += 1) {
      const key = window.localStorage.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    return keys;
  } catch {
    return []; // storage is off: nothing was kept
  }
}

/** How many items have edits that never reached the server. */
export function unsavedEditCount(): number {
  return keptKeys(ITEM_EDITS_PREFIX).length;
}

/** Removes everything the H5 kept on this phone for the person. */
export function forgetLocalWork(): void {
  for (const key of [...keptKeys(ITEM_EDITS_PREFIX), ...keptKeys(UPLOAD_PREFIX)]) {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // Already gone, or storage turned off meanwhile.
    }
  }
}
