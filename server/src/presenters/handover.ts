import type { HandoverDetail, HandoverSummary, MilestoneView } from '@baton/shared';
import { HandoverRecord } from '../domain/handover-record';
import { computeProgress } from '../domain/progress';
import { Milestone } from '../entities';
import { Actor, rolesOf, factsOf } from '../policies/handover';

const ROLE_ORDER = ['departing', 'successor', 'manager', 'hr', 'stakeholder'] as const;

/** A handover as lists show it to `actor`. */
export function presentSummary(record: HandoverRecord, actor: Actor,
  now: number): HandoverSummary {
  const { handover, names } = record;
  const roles = rolesOf(factsOf(record), actor.userid);
  const next = record.milestones.find((m) => m.doneAt === null) ?? null;
  return {
    id: String(handover.id),
    title: handover.title,
    status: handover.status,
    departing: person(names, handover.departingUserid),
    successor: person(names, handover.successorUserid),
    lastWorkingDay: handover.lastWorkingDay,
    myRole: ROLE_ORDER.find((role) => roles.includes(role)) ?? null,
    progress: computeProgress(record, now),
    nextMilestone: next ? presentMilestone(record, next) : null,
    createdAt: handover.createdAt.toISOString(),
  };
}

/** A handover with its people and milestones. */
export function presentDetail(record: HandoverRecord, actor: Actor,
  now: number): HandoverDetail {
  return {
    ...presentSummary(record, actor, now),
    participants: record.participants.map((p) => ({
      ...person(record.names, p.userid), role: p.role,
    })),
    milestones: record.milestones.map((m) => presentMilestone(record, m)),
    chatId: record.handover.chatId,
  };
}

function presentMilestone(record: HandoverRecord, m: Milestone): MilestoneView {
  return {
    id: String(m.id),
    key: m.key,
    title: m.title,
    ownerRole: m.ownerRole,
    dueAt: m.dueAt ? m.dueAt.toISOString() : null,
    doneAt: m.doneAt ? m.doneAt.toISOString() : null,
    doneBy: m.doneBy ? person(record.names, m.doneBy) : null,
  };
}

function person(names: Map<string, string>, userid: string) {
  return { userid, name: names.get(userid) ?? userid };
}
