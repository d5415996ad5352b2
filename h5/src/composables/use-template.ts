import { computed, ref, type Ref } from 'vue';
import type { TemplateDefinition, TemplateView } from '@baton/shared';
import {
  cloneTemplate, fetchTemplate, retireTemplate, updateTemplate,
} from '@/api/templates';
import { useRecord, type RecordState } from './use-record';

/** Where the template page is: skeleton, content, missing or failed. */
export type TemplateState = RecordState;

/** What the server may let the reader do to a template. */
export type TemplateAction = 'clone' | 'update' | 'retire';

/**
 * One role template, loaded by id, and HR's changes to it. Nothing is
 * shown changed before the server answers: `retire` and `save` then put
 * its answer in place, `clone` resolves to the new copy. Failures are
 * rethrown for the page to show. `can` follows the server's `actions`.
 */
export function useTemplate(id: Ref<string>) {
  const { record: template, state, error, refresh } = useRecord(
    () => fetchTemplate(id.value), (current) => current.id === id.value);
  const busy = ref<TemplateAction | null>(null);

  const allowed = computed(() => new Set(template.value?.actions ?? []));
  const can = (action: TemplateAction) => allowed.value.has(action);

  /** Runs one change at a time; a second tap while one runs does nothing. */
  async function run<T>(action: TemplateAction,
    change: (current: TemplateView) => Promise<T>): Promise<T | null> {
    const current = template.value;
    if (!current || busy.value) return null;
    busy.value = action;
    try {
      return await change(current);
    } finally {
      busy.value = null;
    }
  }

  /** Shows a changed template, unless the page moved to another meanwhile. */
  function show(after: TemplateView): TemplateView {
    if (after.id === id.value) template.value = after;
    return after;
  }

  /** Copies the template as `name`; resolves to the copy (null if busy). */
  function clone(name?: string): Promise<TemplateView | null> {
    return run('clone', (current) => cloneTemplate(current.id, name));
  }

  /** Retires the template and shows it retired. */
  function retire(): Promise<TemplateView | null> {
    return run('retire', async (current) =>
      show(await retireTemplate(current.id)));
  }

  /** Saves `definition` as the next version and shows it. */
  function save(definition: TemplateDefinition): Promise<TemplateView | null> {
    return run('update', async (current) =>
      show(await updateTemplate(current.id, definition)));
  }

  return { template, state, error, busy, can, refresh, clone, retire, save };
}
