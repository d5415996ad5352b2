import type { ParticipantRole } from '@baton/shared';

/** One planned milestone, due a number of business days from the last day. */
export interface PlannedMilestone {
  key: string;
  title: string;
  ownerRole: ParticipantRole;
  /** Business days relative to the last working day (negative: before). */
  dueOffset: number;
}

/**
 * The plan every handover gets until role templates arrive (issue 3), when
 * it moves into the templates in shared/.
 */
export const DEFAULT_MILESTONES: PlannedMilestone[] = [
  { key: 'documents', title: '完成文件交接', ownerRole: 'departing', dueOffset: -5 },
  { key: 'clients', title: '完成客户对接', ownerRole: 'departing', dueOffset: -3 },
  { key: 'team_meeting', title: '召开团队交接会', ownerRole: 'manager', dueOffset: -2 },
  { key: 'access', title: '完成权限转移', ownerRole: 'hr', dueOffset: 0 },
  { key: 'signoff', title: '三方签字确认', ownerRole: 'successor', dueOffset: 1 },
];
