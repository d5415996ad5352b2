import type { ParticipantRole } from '@baton/shared';
import { allowed, Rule, Subject } from './handover';

export const MILESTONE_ACTIONS = ['complete', 'sign'] as const;
export type MilestoneAction = (typeof MILESTONE_ACTIONS)[number];

/** What a milestone's rules look at. */
export interface MilestoneFacts {
  ownerRole: ParticipantRole;
  done: boolean;
  /** Roles that must sign it, for a sign-off; null otherwise. */
  signers: ParticipantRole[] | null;
  /** Roles that have signed. */
  signed: ParticipantRole[];
  /** People who have signed. */
  signedBy: string[];
}

/** The signer roles the subject holds (HR signs as hr). */
function signerRoles(s: Subject, m: MilestoneFacts): ParticipantRole[] {
  return (m.signers ?? []).filter((role) => s.roles.has(role) || (role === 'hr' && s.hr));
}

/**
 * The signer role the subject may still sign as: one per person, so three
 * signatures always mean three people (HR who is also the manager signs
 * once).
 */
export function signableRoles(s: Subject, m: MilestoneFacts): ParticipantRole[] {
  if (m.signedBy.includes(s.userid)) return [];
  return signerRoles(s, m).filter((role) => !m.signed.includes(role)).slice(0, 1);
}

const open = (s: Subject, m: MilestoneFacts) => s.status === 'active' && !m.done;

export const MILESTONE_RULES: Record<MilestoneAction, Rule<MilestoneFacts>> = {
  // Its owner, HR or the manager; a sign-off completes by its signatures.
  complete: {
    who: (s, m) => !m.signers && (s.hr || s.roles.has(m.ownerRole) || s.roles.has('manager')),
    when: open,
  },
  sign: {
    who: (s, m) => signerRoles(s, m).length > 0,
    when: (s, m) => open(s, m) && signableRoles(s, m).length > 0,
  },
};

/** Every milestone action the subject may take now. */
export function milestoneActions(subject: Subject, m: MilestoneFacts): Set<MilestoneAction> {
  return allowed(MILESTONE_RULES, MILESTONE_ACTIONS, subject, m);
}
