import {
  draftFieldsSchema, ITEM_FIELDS, type ItemKind,
} from '@baton/shared';
import { t } from '@/locale';
import { ITEM_FORM, type FieldInput } from './item-form';

/**
 * Field checks with the shared schemas, the same ones the server runs, so
 * the form flags what the server would refuse before it is sent. Messages
 * are the locale's words for each kind of problem; a problem we have no
 * words for shows the schema's own message.
 */

/** What zod reports about one problem (the parts we read). */
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
}

/** Messages by field name; a field with no problem is absent. */
export type FieldErrors = Record<string, string>;

function inputOf(kind: ItemKind, field: string): FieldInput | undefined {
  return (ITEM_FORM[kind] as Record<string, FieldInput>)[field];
}

function formatMessage(kind: ItemKind, field: string, inner: PropertyKey[]) {
  const errors = t.items.errors;
  const input = inputOf(kind, field);
  if (input?.type === 'money' || inner.includes('amount')) return errors.amount;
  if (input?.type === 'date' || inner.includes('date')) return errors.date;
  if (input?.type === 'userid') return errors.userid;
  if (field === 'externalUserid') return errors.externalUserid;
  return null;
}

function describe(kind: ItemKind, issue: Issue, missing: boolean): string {
  const errors = t.items.errors;
  const [field, ...inner] = issue.path.map((p) => String(p));
  const limit = Number(issue.maximum ?? issue.minimum ?? 0);

  if (missing) return inputOf(kind, field)?.type === 'choice'
    || inputOf(kind, field)?.type === 'boolean'
    ? errors.choose : errors.required;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number') return errors.tooSmall(limit);
      return errors.required;
    case 'too_big':
      if (issue.origin === 'number') return errors.tooBig(limit);
      if (issue.origin === 'array') return errors.tooMany(limit);
      return errors.tooLong(limit);
    case 'invalid_value':
      return errors.choose;
    case 'invalid_type':
      if (inputOf(kind, field)?.type === 'percent') return errors.whole;
      if (inner.length > 0) return errors.required;
      return issue.message;
    case 'invalid_format':
    case 'custom':
      return formatMessage(kind, field, inner) ?? issue.message;
    default:
      return issue.message;
  }
}

function collect(kind: ItemKind, issues: Issue[],
  fields: Record<string, unknown>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (!field || errors[field]) continue;
    const missing = issue.path.length === 1 && fields[field] === undefined;
    let message = describe(kind, issue, missing);
    // A problem inside a key date row says which row.
    if (typeof issue.path[1] === 'number') {
      message = t.items.errors.row(issue.path[1] + 1, message);
    }
    errors[field] = message;
  }
  return errors;
}

/**
 * Problems with a kind's fields as submitting sees them (every required
 * field present and valid), by field name; empty when it may be submitted.
 */
export function submitErrors(kind: ItemKind,
  fields: Record<string, unknown>): FieldErrors {
  const parsed = ITEM_FIELDS[kind].safeParse(fields);
  return parsed.success ? {} : collect(kind, parsed.error.issues, fields);
}

/**
 * The problem with one field's value as a draft may hold it (it may be
 * left out, not be wrong), or null when the draft may be saved with it.
 */
export function draftError(kind: ItemKind, field: string,
  value: unknown): string | null {
  if (value === null) return null;
  const fields = { [field]: value };
  const parsed = draftFieldsSchema(kind).safeParse(fields);
  if (parsed.success) return null;
  return collect(kind, parsed.error.issues, fields)[field] ?? null;
}

/**
 * The field a server 400 names (`fields.amount.amount` names `amount`), if
 * it is one of this kind's.
 */
export function fieldOfServerError(kind: ItemKind,
  path: string | undefined): string | null {
  const [root, field] = (path ?? '').split('.');
  if (root !== 'fields' || !field) return null;
  return inputOf(kind, field) ? field : null;
}
