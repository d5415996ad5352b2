import type { TemplateMilestone } from '../templates';

/**
 * Milestones the built-in templates share. Their order is the order they
 * fall due in: the first days after the start belong to drafting and to
 * meeting clients, the last week before the last working day to documents,
 * the team and access, and the day after it to the sign-off.
 */

/**
 * The shortest notice, in business days from the start to the last working
 * day, for which every built-in plan stays in that order. Shorter handovers
 * still work, but their early milestones crowd the later ones.
 */
export const MIN_LEAD_BUSINESS_DAYS = 10;

/** The departing executive's first pass over every prompt. */
export const DRAFT: TemplateMilestone = {
  key: 'draft',
  title: '填写交接清单初稿',
  ownerRole: 'departing',
  due: { from: 'start', businessDays: 2 },
};

/** Clients are what leaves first, so the successor meets them early. */
export const CLIENTS: TemplateMilestone = {
  key: 'clients',
  title: '完成客户对接',
  ownerRole: 'departing',
  due: { from: 'start', businessDays: 3 },
  rule: 'clients_acknowledged',
};

/** Done when the successor has acknowledged every document and asset. */
export const DOCUMENTS: TemplateMilestone = {
  key: 'documents',
  title: '完成文件交接',
  ownerRole: 'departing',
  due: { from: 'last_day', businessDays: -5 },
  rule: 'documents_acknowledged',
};

/** Done when the successor has acknowledged every team member's entry. */
export const TEAM_BRIEFING: TemplateMilestone = {
  key: 'team',
  title: '完成团队情况交接',
  ownerRole: 'departing',
  due: { from: 'last_day', businessDays: -4 },
  rule: 'team_acknowledged',
};

/** The manager introduces the successor to the team while both are there. */
export const TEAM_MEETING: TemplateMilestone = {
  key: 'team_meeting',
  title: '召开团队交接会',
  ownerRole: 'manager',
  due: { from: 'last_day', businessDays: -3 },
};

/** Access ends on the last working day, not a day later. */
export const ACCESS: TemplateMilestone = {
  key: 'access',
  title: '完成权限转移',
  ownerRole: 'hr',
  due: { from: 'last_day', businessDays: 0 },
  rule: 'access_acknowledged',
};

/** Always last: the people who stay confirm the handover is complete. */
export const SIGN_OFF: TemplateMilestone = {
  key: 'signoff',
  title: '三方签字确认',
  ownerRole: 'hr',
  due: { from: 'last_day', businessDays: 1 },
  rule: 'signed_off',
  signers: ['successor', 'manager', 'hr'],
};
