import { z } from 'zod';
import { HANDOVER_STATUSES, PARTICIPANT_ROLES } from '../enums';
import { SECTIONS } from '../items';
import { MILESTONE_RULES } from '../templates';
import { IsoDate, WorkingDay } from '../dates';
import { PersonRef } from './me';

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
  /** What completes it by itself, if anything. */
  rule: z.enum(MILESTONE_RULES).nullable(),
  /** For a sign-off: who must sign, and who has. */
  signers: z.array(z.enum(PARTICIPANT_ROLES)).nullable(),
  signatures: z.array(z.object({
    role: z.enum(PARTICIPANT_ROLES), by: PersonRef, at: z.string(),
  })),
  /** What the caller may do to it: `complete`, `sign`. */
  actions: z.array(z.string()),
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
  /** What the caller may do: `update`, `start`, `complete`, `cancel`, ... */
  actions: z.array(z.string()),
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
  participants: z.array(PersonRef.extend({
    id: z.string(), role: z.enum(PARTICIPANT_ROLES),
  })),
  milestones: z.array(MilestoneView),
  chatId: z.string().nullable(),
  template: z.object({ id: z.string(), name: z.string(), version: z.number() })
    .nullable(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** Item counts by section and status, for the dashboard. */
  sections: z.array(z.object({
    section: z.enum(SECTIONS), total: z.number(), settled: z.number(),
  })),
});
export type HandoverDetail = z.infer<typeof HandoverDetail>;

const Userid = z.string().regex(/^[\w.@-]{1,64}$/, 'a WeCom userid');

/** `POST /api/handovers`: HR prepares one as a draft from a template. */
export const CreateHandoverRequest = z.object({
  templateId: z.string().regex(/^\d{1,12}$/, 'a template id'),
  departingUserid: Userid,
  successorUserid: Userid,
  managerUserid: Userid.optional(),
  lastWorkingDay: WorkingDay,
  title: z.string().trim().min(1).max(100).optional(),
}).strict();
export type CreateHandoverRequest = z.infer<typeof CreateHandoverRequest>;

/** `PATCH /api/handovers/:id`: HR corrects a running or draft handover. */
export const UpdateHandoverRequest = z.object({
  title: z.string().trim().min(1).max(100).optional(),
  lastWorkingDay: WorkingDay.optional(),
}).strict();
export type UpdateHandoverRequest = z.infer<typeof UpdateHandoverRequest>;

/** `POST /api/handovers/:id/participants`. */
export const AddParticipantRequest = z.object({
  userid: Userid,
  role: z.enum(['manager', 'stakeholder']),
}).strict();
export type AddParticipantRequest = z.infer<typeof AddParticipantRequest>;

/** A required explanation: cancel, not applicable, send back. */
export const ReasonRequest = z.object({
  reason: z.string().trim().min(1, 'say why').max(1000),
}).strict();
export type ReasonRequest = z.infer<typeof ReasonRequest>;

/** `GET /api/handovers/:id/timeline`: the audit trail, newest first. */
export const TimelineEvent = z.object({
  id: z.string(),
  actor: PersonRef,
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  details: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const TimelineResponse = z.object({
  items: z.array(TimelineEvent),
  nextCursor: z.string().nullable(),
});
export type TimelineResponse = z.infer<typeof TimelineResponse>;

/** `POST /api/handovers/:id/posts`: HR's update to the group. */
export const ProgressPostRequest = z.object({
  text: z.string().trim().min(1, 'write something').max(500),
}).strict();
export type ProgressPostRequest = z.infer<typeof ProgressPostRequest>;

export const ProgressPostResponse = z.object({
  /** The markdown as it goes to the group. */
  content: z.string(),
  progress: Progress,
});
export type ProgressPostResponse = z.infer<typeof ProgressPostResponse>;
