import {
  type HandoverDetail, type HandoverSummary, type MilestoneView,
  type ParticipantRole, SECTIONS,
} from '@baton/shared';
import { HandoverRecord } from '../domain/handover-record';
import { computeProgress, itemSettled } from '../domain/progress';
import { Milestone } from '../entities';
import { HandoverAccess } from '../policies/access';

const ROLE_ORDER = ['departing', 'successor', 'manager', 'hr', 'stakeholder'] as const;

/** A handover as lists show it, with what the caller may do. */
export function presentSummary(access: HandoverAccess, now: number): HandoverSummary {
  const { record } = access;
  const { handover, names } = record;
  const next = record.milestones.find((m) => m.doneAt === null) ?? null;
  return {
    id: String(handover.id),
    title: handover.title,
    status: handover.status,
    departing: person(names, handover.departingUserid),
    successor: person(names, handover.successorUserid),
    lastWorkingDay: handover.lastWorkingDay,
    myRole: ROLE_ORDER.find((role) => access.subject.roles.has(role)) ?? null,
    progress: computeProgress(record, now),
    nextMilestone: next ? presentMilestone(access, next) : null,
    createdAt: handover.createdAt.toISOString(),
    actions: [...access.actions],
  };
}

/** A handover with its people, milestones and section counts. */
export function presentDetail(access: HandoverAccess, now: number): HandoverDetail {
  const { record } = access;
  const { handover } = record;
  return {
    ...presentSummary(access, now),
    participants: record.participants.map((p) => ({
      ...person(record.names, p.userid), id: String(p.id), role: p.role,
    })),
    milestones: record.milestones.map((m) => presentMilestone(access, m)),
    chatId: handover.chatId,
    template: handover.templateId !== null && handover.templateSnapshot
      ? { id: String(handover.templateId), name: handover.templateSnapshot.name,
        version: handover.templateVersion ?? 1 }
      : null,
    startedAt: iso(handover.startedAt),
    completedAt: iso(handover.completedAt),
    closedAt: iso(handover.closedAt),
    cancelledAt: iso(handover.cancelledAt),
    cancelReason: handover.cancelReason,
    sections: SECTIONS.map((section) => {
      const items = record.items.filter((i) => i.section === section);
      return { section, total: items.length, settled: items.filter(itemSettled).length };
    }).filter((s) => s.total > 0),
  };
}

function presentMilestone(access: HandoverAccess, m: Milestone): MilestoneView {
  const { names } = access.record;
  return {
    id: String(m.id),
    key: m.key,
    title: m.title,
    ownerRole: m.ownerRole,
    dueAt: iso(m.dueAt),
    doneAt: iso(m.doneAt),
    doneBy: m.doneBy ? person(names, m.doneBy) : null,
    rule: m.rule,
    signers: m.signers,
    signatures: Object.entries(m.signatures ?? {}).map(([role, s]) => ({
      role: role as ParticipantRole, by: person(names, s!.userid), at: s!.at,
    })),
    actions: [...access.milestoneActions(m)],
  };
}

/** `{ userid, name }` with the directory's name when known. */
export function person(names: Map<string, string>, userid: string) {
  return { userid, name: names.get(userid) ?? userid };
}

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Loaded records in the shape presenters take. */
export type { HandoverRecord };
