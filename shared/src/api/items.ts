import { z } from 'zod';
import { ITEM_KINDS, ITEM_STATUSES, SECTIONS } from '../items';
import { PersonRef } from './me';

/** One item as the API shows it; sensitive fields left out where hidden. */
export const ItemView = z.object({
  id: z.string(),
  section: z.enum(SECTIONS),
  kind: z.enum(ITEM_KINDS),
  title: z.string(),
  hint: z.string().nullable(),
  required: z.boolean(),
  fromTemplate: z.boolean(),
  status: z.enum(ITEM_STATUSES),
  fields: z.record(z.string(), z.unknown()),
  /** Field names withheld from this caller (team-member performance notes). */
  hiddenFields: z.array(z.string()),
  /** The colleague each filled person field (PERSON_FIELDS) names. */
  people: z.record(z.string(), PersonRef),
  naReason: z.string().nullable(),
  returnComment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: PersonRef.nullable(),
  updatedAt: z.string(),
  /** `update`, `submit`, `acknowledge`, `return`, `markNotApplicable`, ... */
  actions: z.array(z.string()),
});
export type ItemView = z.infer<typeof ItemView>;

export const ItemListResponse = z.object({
  items: z.array(ItemView),
  nextCursor: z.string().nullable(),
});
export type ItemListResponse = z.infer<typeof ItemListResponse>;

/**
 * `POST /api/handovers/:id/items`. `fields` is checked against the kind
 * (partially: a draft may be incomplete; submitting needs it whole).
 */
export const CreateItemRequest = z.object({
  section: z.enum(SECTIONS),
  kind: z.enum(ITEM_KINDS),
  title: z.string().trim().min(1).max(100),
  required: z.boolean().optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
}).strict();
export type CreateItemRequest = z.infer<typeof CreateItemRequest>;

/** `PATCH .../items/:itemId`: fields are merged into the draft. */
export const UpdateItemRequest = z.object({
  title: z.string().trim().min(1).max(100).optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
}).strict();
export type UpdateItemRequest = z.infer<typeof UpdateItemRequest>;
