import { reactive, ref, shallowRef } from 'vue';
import type { MaterialView } from '@baton/shared';
import { fetchHandover } from '@/api';
import { fetchMaterials, shareMaterial } from '@/api/materials';

/** Where the list is: skeleton, content or failed. */
export type MaterialsState = 'loading' | 'ready' | 'error';

/** What the list is of. */
export interface UseMaterialsOptions {
  handoverId: () => string;
  itemId: () => string | undefined;
}

/**
 * The complete materials of a handover (or one of its items), oldest
 * first. A finished upload is added in place without a reload; `share`
 * sends one to the handover's group chat. Whether sharing is allowed is
 * the handover's `shareMaterial` action, read here when the embedding page
 * did not pass it.
 */
export function useMaterials(options: UseMaterialsOptions) {
  const materials = shallowRef<MaterialView[]>([]);
  const state = ref<MaterialsState>('loading');
  const error = shallowRef<unknown>(null);
  const sharing = reactive(new Set<string>());
  const handoverActions = shallowRef<string[] | null>(null);
  let generation = 0;

  async function refresh(): Promise<void> {
    const mine = ++generation;
    if (state.value !== 'ready') state.value = 'loading';
    try {
      const { items } = await fetchMaterials(options.handoverId(),
        options.itemId());
      if (mine !== generation) return;
      materials.value = items;
      state.value = 'ready';
      error.value = null;
    } catch (failure) {
      if (mine !== generation) return;
      error.value = failure;
      if (state.value !== 'ready') state.value = 'error';
      throw failure;
    }
  }

  /** Adds a material that just completed, unless it is there already. */
  function added(material: MaterialView): void {
    if (material.status !== 'complete') return;
    if (materials.value.some((m) => m.id === material.id)) return;
    materials.value = [...materials.value, material];
  }

  /** Reads the handover's actions once (for `shareMaterial`). */
  async function loadHandoverActions(): Promise<void> {
    if (handoverActions.value) return;
    const detail = await fetchHandover(options.handoverId());
    handoverActions.value = detail.actions;
  }

  /** Shares one material to the group; rethrows the server's refusal. */
  async function share(material: MaterialView): Promise<void> {
    if (sharing.has(material.id)) return;
    sharing.add(material.id);
    try {
      await shareMaterial(options.handoverId(), material.id);
    } finally {
      sharing.delete(material.id);
    }
  }

  return {
    materials, state, error, sharing, handoverActions, refresh, added,
    loadHandoverActions, share,
  };
}
