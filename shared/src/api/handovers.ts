import { z } from 'zod';
import { HANDOVER_STATUSES, PARTICIPANT_ROLES } from '../enums';
import { PersonRef } from './me';

/** A calendar date in the business time zone, `YYYY-MM-DD`. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`))
    && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a real date');

/** Progress as the dashboard shows it: `已完成 80%，剩余 2 项`. */
export const Progress = z.object({
  percent: z.number().int().min(0).max(100),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  remaining: z.number().int().min(0),
  overdue: z.number().int().min(0),
});
export type Progress = z.infer<typeof Progress>;

export const MilestoneView = z.object({
  id: z.string(),
  key: z.string(),
  title: z.string(),
  ownerRole: z.enum(PARTICIPANT_ROLES),
  dueAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  doneBy: PersonRef.nullable(),
});
export type MilestoneView = z.infer<typeof MilestoneView>;

/** One handover as lists show it. Ids are strings. */
export const HandoverSummary = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(HANDOVER_STATUSES),
  departing: PersonRef,
  successor: PersonRef,
  lastWorkingDay: IsoDate,
  /** The caller's role in this handover; null for HR who is not a participant. */
  myRole: z.enum(PARTICIPANT_ROLES).nullable(),
  progress: Progress,
  nextMilestone: MilestoneView.nullable(),
  createdAt: z.string(),
});
export type HandoverSummary = z.infer<typeof HandoverSummary>;

/** `GET /api/handovers`: newest first, paginated by an opaque cursor. */
export const HandoverListResponse = z.object({
  items: z.array(HandoverSummary),
  nextCursor: z.string().nullable(),
});
export type HandoverListResponse = z.infer<typeof HandoverListResponse>;

/** `GET /api/handovers/:id`. */
export const HandoverDetail = HandoverSummary.extend({
  participants: z.array(PersonRef.extend({ role: z.enum(PARTICIPANT_ROLES) })),
  milestones: z.array(MilestoneView),
  chatId: z.string().nullable(),
});
export type HandoverDetail = z.infer<typeof HandoverDetail>;

/** `POST /api/handovers`: HR starts one. */
export const StartHandoverRequest = z.object({
  departingUserid: z.string().min(1).max(64),
  successorUserid: z.string().min(1).max(64),
  managerUserid: z.string().min(1).max(64).optional(),
  lastWorkingDay: IsoDate,
  title: z.string().min(1).max(100).optional(),
}).strict();
export type StartHandoverRequest = z.infer<typeof StartHandoverRequest>;
