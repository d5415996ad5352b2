import { z } from 'zod';
import { HANDOVER_STATUSES } from '../enums';
import { HandoverSummary } from './handovers';

/**
 * What HR's console reads besides the handovers themselves: the directory
 * search behind its person pickers, and the handover list in the order HR
 * works through it (what needs attention first).
 */

/** `GET /api/directory?q=&limit=`: HR looks people up by a piece of text. */
export const DirectoryQuery = z.object({
  q: z.string().trim().min(1, 'type at least one character').max(50),
  limit: z.coerce.number().int().min(1).max(50).default(20),
}).strict();
export type DirectoryQuery = z.infer<typeof DirectoryQuery>;

/**
 * One member as a picker shows them. Deliberately no more than this: the
 * directory holds no contact details, and a search must not become one.
 */
export const DirectoryPerson = z.object({
  userid: z.string(),
  name: z.string(),
  position: z.string(),
  /** The name of their main department; null when it is not known. */
  department: z.string().nullable(),
});
export type DirectoryPerson = z.infer<typeof DirectoryPerson>;

/** Members still with the company first, then those who have left. */
export const DirectoryResponse = z.object({
  items: z.array(DirectoryPerson),
});
export type DirectoryResponse = z.infer<typeof DirectoryResponse>;

/**
 * Why a running handover needs looking at: `overdue` when a milestone is
 * past due, `stuck` when nothing moved (no item or milestone change) for
 * `STUCK_AFTER_DAYS` days since it started; null when it is on track or
 * not running.
 */
export const ATTENTION_REASONS = ['overdue', 'stuck'] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

/** Days without an item or milestone change after which a handover is stuck. */
export const STUCK_AFTER_DAYS = 3;

export const Attention = z.object({
  reason: z.enum(ATTENTION_REASONS).nullable(),
  /** Whole days since the last item or milestone change (or the start). */
  idleDays: z.number().int().min(0).nullable(),
});
export type Attention = z.infer<typeof Attention>;

/**
 * `GET /api/handovers?sort=attention[&status=a,b]`: query of the list in
 * attention order; `status` keeps only those statuses.
 */
export const HandoverListQuery = z.object({
  sort: z.enum(['newest', 'attention']).default('newest'),
  status: z.string().optional().transform((s, ctx) => {
    if (s === undefined || s === '') return undefined;
    const list = s.split(',');
    const bad = list.find((x) => !(HANDOVER_STATUSES as readonly string[]).includes(x));
    if (bad !== undefined) {
      ctx.addIssue({ code: 'custom',
        message: `status must be a comma-separated list of ${HANDOVER_STATUSES.join(', ')}` });
      return z.NEVER;
    }
    return list as (typeof HANDOVER_STATUSES)[number][];
  }),
  cursor: z.string().optional(),
}).strict();
export type HandoverListQuery = z.input<typeof HandoverListQuery>;

/** A handover in the attention-ordered list, with why it is where it is. */
export const AttentionSummary = HandoverSummary.extend({ attention: Attention });
export type AttentionSummary = z.infer<typeof AttentionSummary>;

/**
 * Overdue first (most overdue milestones first), then stuck (longest idle
 * first), then the other running ones (nearest last working day first),
 * drafts, and the rest newest first. Paginated by an opaque cursor.
 */
export const AttentionListResponse = z.object({
  items: z.array(AttentionSummary),
  nextCursor: z.string().nullable(),
});
export type AttentionListResponse = z.infer<typeof AttentionListResponse>;
