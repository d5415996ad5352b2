import { z } from 'zod';
import { PersonRef } from './me';

export const MATERIAL_STATUSES = ['uploading', 'complete', 'failed'] as const;
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];

/** The longest file name kept, in characters. */
export const MATERIAL_NAME_MAX = 200;

/** Chunk sizes a client may ask for, and the default, in bytes. */
export const CHUNK_SIZE_MIN = 64 * 1024;
export const CHUNK_SIZE_MAX = 64 * 1024 * 1024;
export const CHUNK_SIZE_DEFAULT = 1024 * 1024;
/** At most this many chunks, so their hashes fit one row. */
export const CHUNKS_MAX = 512;

/**
 * A file name safe to store and show: the part after the last `/` or `\`,
 * without control or bidirectional-override characters, leading dots or
 * characters Windows refuses, trimmed and cut to MATERIAL_NAME_MAX.
 * May be empty, which callers refuse.
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = base.normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .trim()
    .replace(/^\.+/, '')
    .trim();
  return [...cleaned].slice(0, MATERIAL_NAME_MAX).join('').trim();
}

/** A MIME type as sent: lower-cased, parameters dropped. */
const ContentType = z.string().max(128)
  .transform((s) => s.split(';')[0].trim().toLowerCase())
  .pipe(z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'not a MIME type'));

/** `POST /api/handovers/:id/materials`: announce an upload. */
export const CreateMaterialRequest = z.object({
  name: z.string().max(1000).transform(sanitizeFileName)
    .pipe(z.string().min(1, 'the file name is empty')),
  size: z.number().int().min(1),
  contentType: ContentType,
  itemId: z.string().regex(/^[1-9]\d{0,14}$/, 'not an item id').optional(),
  chunkSize: z.number().int().min(CHUNK_SIZE_MIN).max(CHUNK_SIZE_MAX)
    .optional(),
}).strict();
export type CreateMaterialRequest = z.infer<typeof CreateMaterialRequest>;

/** `POST .../materials/:mid/complete`: the whole file's hex SHA-256. */
export const CompleteMaterialRequest = z.object({
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'expected 64 hex digits')
    .transform((s) => s.toLowerCase()),
}).strict();
export type CompleteMaterialRequest = z.infer<typeof CompleteMaterialRequest>;

/** One material as the API shows it. */
export const MaterialView = z.object({
  id: z.string(),
  itemId: z.string().nullable(),
  name: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string().nullable(),
  status: z.enum(MATERIAL_STATUSES),
  chunkSize: z.number(),
  /** How many chunks the file is cut into. */
  chunkCount: z.number(),
  /** Indexes of the chunks received so far, ascending. */
  received: z.array(z.number()),
  uploadedBy: PersonRef,
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  /** `read`, `upload`, `complete`. */
  actions: z.array(z.string()),
});
export type MaterialView = z.infer<typeof MaterialView>;

export const MaterialListResponse = z.object({
  items: z.array(MaterialView),
});
export type MaterialListResponse = z.infer<typeof MaterialListResponse>;
