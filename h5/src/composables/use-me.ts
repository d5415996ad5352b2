import { readonly, shallowRef } from 'vue';
import type { MeResponse } from '@baton/shared';
import { fetchMe } from '@/api';

// One copy for the whole app: who is logged in does not change while the
// page is open (logging out leaves the page).
const me = shallowRef<MeResponse | null>(null);
const error = shallowRef<unknown>(null);
let pending: Promise<MeResponse | null> | null = null;

function load(): Promise<MeResponse | null> {
  pending ??= fetchMe()
    .then((result) => {
      me.value = result;
      error.value = null;
      return result;
    })
    .catch((failure: unknown) => {
      error.value = failure;
      pending = null;
      return null;
    });
  return pending;
}

/**
 * The logged-in person. Loads `/api/me` once per page load, on first use;
 * `me` stays null until it arrives (or if it failed: see `error`).
 */
export function useMe() {
  void load();
  return { me: readonly(me), error: readonly(error), reload: load };
}
