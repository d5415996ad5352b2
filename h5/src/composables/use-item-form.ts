import { reactive, ref, type ShallowRef } from 'vue';
import type { ItemView } from '@baton/shared';
import { ApiError } from '@/api';
import {
  formFields, toApiValue, toFormValue, type FormValue,
} from '@/components/item/item-form';
import {
  draftError, fieldOfServerError, submitErrors, type FieldErrors,
} from '@/components/item/item-validation';

/**
 * The item form's values and the problems shown under its fields. Values
 * start from the stored fields (with edits the phone still holds laid on
 * top); each edit is checked as a draft may hold it, and `check` runs the
 * whole schema as submitting will.
 */
export function useItemForm(item: Readonly<ShallowRef<ItemView | null>>) {
  const values = reactive<Record<string, FormValue>>({});
  const errors = ref<FieldErrors>({});

  /** Fills the form from the item, with `edits` (API values) on top. */
  function fill(current: ItemView, edits: Record<string, unknown>): void {
    for (const field of formFields(current.kind)) {
      const raw = field.name in edits ? edits[field.name] : current.fields[field.name];
      values[field.name] = toFormValue(field.input, raw);
    }
    errors.value = {};
  }

  function setError(field: string, message: string | null): void {
    const next = { ...errors.value };
    if (message) next[field] = message;
    else delete next[field];
    errors.value = next;
  }

  /**
   * Takes an edit and returns what to send for it (`null` clears the
   * field), or undefined when the item has no such field.
   */
  function edit(field: string, value: FormValue): unknown {
    const current = item.value;
    const spec = current && formFields(current.kind).find((f) => f.name === field);
    if (!current || !spec) return undefined;

    values[field] = value;
    const sent = toApiValue(spec.input, value);
    setError(field, draftError(current.kind, field, sent));
    return sent;
  }

  /** The fields as submitting will see them: stored, then edited values. */
  function merged(current: ItemView): Record<string, unknown> {
    const fields: Record<string, unknown> = { ...current.fields };
    for (const field of formFields(current.kind)) {
      if (current.hiddenFields.includes(field.name)) continue;
      const sent = toApiValue(field.input, values[field.name]);
      if (sent === null) delete fields[field.name];
      else fields[field.name] = sent;
    }
    return fields;
  }

  /**
   * Runs the kind's whole schema over the form and shows every problem;
   * returns the fields with one, in form order (empty: it may be submitted).
   */
  function check(): string[] {
    const current = item.value;
    if (!current) return [];
    const problems = submitErrors(current.kind, merged(current));
    errors.value = problems;
    return formFields(current.kind).map((f) => f.name).filter((f) => problems[f]);
  }

  /**
   * Shows a server 400 that names a field under that field, in the form's
   * words when our own check finds the problem too. False when the error
   * names no field of this item.
   */
  function showServerError(failure: unknown): boolean {
    const current = item.value;
    if (!(failure instanceof ApiError) || failure.status !== 400 || !current) {
      return false;
    }
    const field = fieldOfServerError(current.kind, failure.field);
    if (!field) return false;
    const ours = submitErrors(current.kind, merged(current))[field];
    setError(field, ours ?? failure.message);
    return true;
  }

  return { values, errors, fill, edit, check, showServerError };
}
