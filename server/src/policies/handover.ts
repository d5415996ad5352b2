import type { ParticipantRole } from '@baton/shared';

/** Who is asking. */
export interface Actor {
  userid: string;
  isHr: boolean;
}

/** What a handover's policy looks at. */
export interface HandoverFacts {
  status: string;
  participants: { userid: string; role: ParticipantRole }[];
}

/** The caller's roles in the handover (possibly several, possibly none). */
export function rolesOf(facts: HandoverFacts, userid: string): ParticipantRole[] {
  return facts.participants.filter((p) => p.userid === userid).map((p) => p.role);
}

/**
 * May the actor see the handover at all? HR sees every one; others only
 * their own. Routes answer 404 when this is false, so outsiders cannot
 * even learn that a handover exists.
 */
export function canRead(actor: Actor, facts: HandoverFacts): boolean {
  return actor.isHr || rolesOf(facts, actor.userid).length > 0;
}

/**
 * May the actor complete a milestone owned by `ownerRole`? Its owner, HR
 * or the manager, while the handover is running.
 */
export function canCompleteMilestone(actor: Actor, facts: HandoverFacts,
  ownerRole: ParticipantRole): boolean {
  if (facts.status !== 'active') return false;
  const roles = rolesOf(facts, actor.userid);
  return actor.isHr || roles.includes(ownerRole) || roles.includes('manager');
}

/** The facts of a loaded handover record. */
export function factsOf(record: {
  handover: { status: string };
  participants: { userid: string; role: ParticipantRole }[];
}): HandoverFacts {
  return { status: record.handover.status, participants: record.participants };
}
