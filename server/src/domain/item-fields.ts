import {
  draftFieldsSchema, ITEM_FIELDS, type ItemKind, SECTION_KINDS, type Section,
} from '@baton/shared';
import { validationError } from '../errors';

/** Throws a 400 naming `kind` unless it belongs in the section. */
export function checkKindInSection(section: Section, kind: ItemKind): void {
  if (!SECTION_KINDS[section].includes(kind)) {
    throw validationError(`${kind} does not belong in ${section}`, 'kind');
  }
}

/**
 * Checks a kind's fields: a draft may leave any out, a submission needs
 * them whole. The 400 names the field, e.g. `fields.amount.amount`.
 */
export function checkFields(kind: ItemKind, fields: Record<string, unknown>,
  whole: boolean): Record<string, unknown> {
  const schema = whole ? ITEM_FIELDS[kind] : draftFieldsSchema(kind);
  const parsed = schema.safeParse(fields);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const issue = parsed.error.issues[0];
  const field = ['fields', ...issue.path.map(String)].join('.');
  if (issue.code === 'unrecognized_keys') {
    const path = [field, issue.keys[0]].join('.');
    throw validationError(`${kind} has no field ${path.slice('fields.'.length)}`, path);
  }
  throw validationError(`${field}: ${issue.message}`, field);
}

/** Merges a patch into fields; `null` clears a field. */
export function mergeFields(current: Record<string, unknown>,
  patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current };
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) delete merged[name];
    else merged[name] = value;
  }
  return merged;
}
