import {
  CURRENCIES, ITEM_FIELDS, type ItemKind, type Money,
} from '@baton/shared';
import { t } from '@/locale';

/**
 * The one description of the item form: for every kind, every field of its
 * schema (shared/src/items.ts) with the input that edits it. The mapped
 * type makes a field missing here, or one the schema does not have, a
 * compile error; labels live in the locale area under the same names.
 */

/** Field names of a kind, as its schema has them. */
export type FieldName<K extends ItemKind> =
  keyof (typeof ITEM_FIELDS)[K]['shape'] & string;

/** Choice fields take one of these groups of options. */
export type OptionGroup = keyof typeof t.items.options;

/** How one field is edited. */
export type FieldInput =
  | { type: 'text' | 'textarea' | 'userid' | 'date' | 'money' | 'boolean' }
  | { type: 'percent' }
  | { type: 'choice'; options: OptionGroup }
  | { type: 'keyDates' };

/** The input type names, for components switching on them. */
export type FieldInputType = FieldInput['type'];

const text = { type: 'text' } as const;
const textarea = { type: 'textarea' } as const;
const date = { type: 'date' } as const;
const money = { type: 'money' } as const;

const moneyMatter = {
  counterparty: text, amount: money, dueDate: date, status: text,
  notes: textarea,
} as const;

export const ITEM_FORM: {
  [K in ItemKind]: { [F in FieldName<K>]: FieldInput };
} = {
  project: {
    goal: textarea,
    progress: { type: 'percent' },
    nextKeyDates: { type: 'keyDates' },
    team: textarea,
    openProblems: textarea,
  },
  client: {
    name: text,
    externalUserid: text,
    preferences: textarea,
    communicationStyle: textarea,
    history: textarea,
    openOrders: textarea,
    afterSalesIssues: textarea,
  },
  supplier: {
    name: text,
    terms: textarea,
    unsettled: money,
    dueDate: date,
    risk: { type: 'choice', options: 'risk' },
    notes: textarea,
  },
  team_member: {
    userid: { type: 'userid' },
    recentPerformance: textarea,
    workingStyle: textarea,
    strengths: textarea,
    weaknesses: textarea,
    currentFocus: textarea,
  },
  contract: moneyMatter,
  dispute: moneyMatter,
  receivable: moneyMatter,
  audit: {
    firm: text,
    stage: text,
    openQuestions: textarea,
  },
  document: {
    name: text,
    location: textarea,
    notes: textarea,
  },
  asset: {
    name: text,
    assetTag: text,
    returned: { type: 'boolean' },
    notes: textarea,
  },
  system_access: {
    system: text,
    permission: text,
    action: { type: 'choice', options: 'access' },
    notes: textarea,
  },
};

// Every field has a label in the locale area: a missing one fails here.
const LABELS: { [K in ItemKind]: Record<FieldName<K>, string> } = t.items.fields;

/** A key date row as the form edits it. */
export interface KeyDateRow {
  date: string;
  what: string;
}

export type Currency = Money['currency'];

/**
 * A field's value while it is edited: text as typed (numbers too), money
 * with its currency, a yes/no not yet answered as null, key dates as rows.
 */
export type FormValue = string | boolean | null | Money | KeyDateRow[];

/** One field of one item, ready to render. */
export interface FormField {
  name: string;
  label: string;
  input: FieldInput;
  /** Submitting needs it (the whole schema does not accept it missing). */
  required: boolean;
  /** The schema's length limit for text, if any. */
  maxLength: number | null;
}

interface SchemaLike {
  safeParse(value: unknown): { success: boolean };
  maxLength?: number | null;
  unwrap?: () => SchemaLike;
}

function shapeOf(kind: ItemKind): Record<string, SchemaLike> {
  return ITEM_FIELDS[kind].shape as Record<string, SchemaLike>;
}

function maxLengthOf(schema: SchemaLike): number | null {
  const inner = schema.unwrap && !('maxLength' in schema) ? schema.unwrap() : schema;
  return typeof inner.maxLength === 'number' ? inner.maxLength : null;
}

const built = new Map<ItemKind, FormField[]>();

/** The fields of a kind in form order, with labels and limits. */
export function formFields(kind: ItemKind): FormField[] {
  const known = built.get(kind);
  if (known) return known;

  const shape = shapeOf(kind);
  const labels = LABELS[kind] as Record<string, string>;
  const fields = Object.entries(ITEM_FORM[kind] as Record<string, FieldInput>)
    .map(([name, input]) => ({
      name,
      label: labels[name],
      input,
      required: !shape[name].safeParse(undefined).success,
      maxLength: maxLengthOf(shape[name]),
    }));
  built.set(kind, fields);
  return fields;
}

/** The default currency of a new amount. */
export const DEFAULT_CURRENCY: Currency = 'CNY';

/** Currencies an amount may be in, as the schema lists them. */
export const CURRENCY_CODES: readonly Currency[] = CURRENCIES;

function isMoney(value: unknown): value is Money {
  return typeof value === 'object' && value !== null
    && typeof (value as Money).amount === 'string';
}

/** A stored field value as the form edits it. */
export function toFormValue(input: FieldInput, value: unknown): FormValue {
  switch (input.type) {
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'percent':
      return typeof value === 'number' ? String(value) : '';
    case 'money':
      return isMoney(value)
        ? { amount: value.amount, currency: value.currency }
        : { amount: '', currency: DEFAULT_CURRENCY };
    case 'keyDates':
      return Array.isArray(value)
        ? value.map((row: Partial<KeyDateRow>) => ({
          date: row.date ?? '', what: row.what ?? '',
        }))
        : [];
    default:
      return typeof value === 'string' ? value : '';
  }
}

/**
 * What the API is sent for an edited value: `null` clears the field (an
 * emptied input, an amount with no figure, key dates with no rows). Rows
 * left wholly blank are dropped; half-filled ones are kept, for the
 * schema to flag.
 */
export function toApiValue(input: FieldInput, value: FormValue): unknown {
  switch (input.type) {
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'percent': {
      const typed = typeof value === 'string' ? value.trim() : '';
      if (!typed) return null;
      const number = Number(typed);
      return Number.isFinite(number) ? number : typed;
    }
    case 'money':
      return isMoney(value) && value.amount.trim()
        ? { amount: value.amount.trim(), currency: value.currency } : null;
    case 'keyDates': {
      const rows = (Array.isArray(value) ? value : [])
        .filter((row) => row.date || row.what.trim());
      return rows.length ? rows : null;
    }
    default:
      return typeof value === 'string' && value.trim() ? value : null;
  }
}
