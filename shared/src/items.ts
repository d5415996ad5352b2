import { z } from 'zod';
import { IsoDate } from './dates';

/**
 * The structured entries of a handover. Each kind has its own fields,
 * validated here for the server and the H5 alike.
 */

/** Where an item sits in the handover. */
export const SECTIONS = [
  'strategic_projects', 'core_resources', 'team', 'risks',
  'documents_assets', 'system_access',
] as const;
export type Section = (typeof SECTIONS)[number];

export const ITEM_KINDS = [
  'project', 'client', 'supplier', 'team_member', 'contract', 'dispute',
  'receivable', 'audit', 'document', 'asset', 'system_access',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Which kinds belong in which section. */
export const SECTION_KINDS: Record<Section, readonly ItemKind[]> = {
  strategic_projects: ['project'],
  core_resources: ['client', 'supplier'],
  team: ['team_member'],
  risks: ['contract', 'dispute', 'receivable', 'audit'],
  documents_assets: ['document', 'asset'],
  system_access: ['system_access'],
};

export const ITEM_STATUSES = [
  'draft', 'submitted', 'acknowledged', 'not_applicable',
] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP'] as const;

/**
 * Money as a decimal string with its currency, never a float:
 * `{ amount: "1250000.00", currency: "CNY" }`. Not negative.
 */
export const Money = z.object({
  amount: z.string().regex(/^(0|[1-9]\d{0,14})(\.\d{1,2})?$/,
    'a non-negative amount with at most 2 decimals, e.g. 1250000.00'),
  currency: z.enum(CURRENCIES),
}).strict();
export type Money = z.infer<typeof Money>;

const short = (max = 100) => z.string().trim().min(1).max(max);
const text = (max = 2000) => z.string().max(max);
const userid = z.string().regex(/^[\w.@-]{1,64}$/, 'a WeCom userid');

const KeyDate = z.object({ date: IsoDate, what: short(200) }).strict();

const MoneyMatter = {
  counterparty: short(),
  amount: Money,
  dueDate: IsoDate.optional(),
  status: short(50),
  notes: text().optional(),
};

/** Every kind's fields; `required()` is what submitting needs. */
export const ITEM_FIELDS = {
  project: z.object({
    goal: short(500),
    progress: z.number().int().min(0).max(100),
    nextKeyDates: z.array(KeyDate).max(20).optional(),
    team: text(500).optional(),
    openProblems: text(4000).optional(),
  }).strict(),
  client: z.object({
    name: short(),
    externalUserid: z.string().regex(/^[\w-]{1,64}$/, 'a WeCom external userid')
      .optional(),
    preferences: text(2000).optional(),
    communicationStyle: text(1000).optional(),
    history: text(4000).optional(),
    openOrders: text(2000).optional(),
    afterSalesIssues: text(2000).optional(),
  }).strict(),
  supplier: z.object({
    name: short(),
    terms: text(1000).optional(),
    unsettled: Money.optional(),
    dueDate: IsoDate.optional(),
    risk: z.enum(['low', 'medium', 'high']),
    notes: text().optional(),
  }).strict(),
  team_member: z.object({
    userid,
    recentPerformance: text(2000).optional(),
    workingStyle: text(1000).optional(),
    strengths: text(1000).optional(),
    weaknesses: text(1000).optional(),
    currentFocus: text(1000).optional(),
  }).strict(),
  contract: z.object(MoneyMatter).strict(),
  dispute: z.object(MoneyMatter).strict(),
  receivable: z.object(MoneyMatter).strict(),
  audit: z.object({
    firm: short(),
    stage: short(100),
    openQuestions: text(4000).optional(),
  }).strict(),
  document: z.object({
    name: short(200),
    location: text(500).optional(),
    notes: text().optional(),
  }).strict(),
  asset: z.object({
    name: short(200),
    assetTag: z.string().max(64).optional(),
    returned: z.boolean(),
    notes: text().optional(),
  }).strict(),
  system_access: z.object({
    system: short(),
    permission: short(200),
    action: z.enum(['revoke', 'transfer', 'keep']),
    notes: text().optional(),
  }).strict(),
} satisfies Record<ItemKind, z.ZodObject>;

/**
 * Team-member fields only the successor, the manager and HR may read (and
 * the departing executive who writes them, while they still can).
 */
export const SENSITIVE_FIELDS: Partial<Record<ItemKind, readonly string[]>> = {
  team_member: ['recentPerformance', 'weaknesses'],
};

/**
 * Fields that hold a colleague's WeCom userid: the H5 picks them from the
 * directory, and the API names the person beside the id.
 */
export const PERSON_FIELDS: Partial<Record<ItemKind, readonly string[]>> = {
  team_member: ['userid'],
};

/** A draft may hold any subset of its kind's fields, each still valid. */
export function draftFieldsSchema(kind: ItemKind) {
  return ITEM_FIELDS[kind].partial();
}
