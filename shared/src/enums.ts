/** Where a handover is in its life. */
export const HANDOVER_STATUSES = [
  'draft', 'active', 'completed', 'evaluating', 'closed', 'cancelled',
] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

/** What a person is to one handover. */
export const PARTICIPANT_ROLES = [
  'departing', 'successor', 'hr', 'manager', 'stakeholder',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
