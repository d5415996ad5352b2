import type { HandoverStatus, ParticipantRole } from '@baton/shared';
import { completionBlocker } from '../domain/completion';
import type { HandoverRecord } from '../domain/handover-record';

/**
 * Who may do what to a handover, as data: each action is a rule over the
 * facts below. Routes load the record, ask `handoverActions`, and answer
 * 404 when `read` is missing (outsiders cannot learn a handover exists) and
 * 403 when only the action is. The allowed actions go to the H5 with the
 * record, so it shows only the buttons that will work.
 */

/** Who is asking. */
export interface Actor {
  userid: string;
  /** HR in general (HR_USERIDS): sees and runs every handover. */
  isHr: boolean;
}

/** What a handover's policy looks at. */
export interface HandoverFacts {
  status: HandoverStatus;
  participants: { userid: string; role: ParticipantRole }[];
  /** When it closed, for the departing executive's read window. */
  closedAt?: Date | null;
  /** Why it cannot be completed yet; null when it can. */
  completionBlocker?: string | null;
}

/** What the policies need besides the record. */
export interface PolicyContext {
  now: number;
  /** Days after close during which the departing executive may still read. */
  departingReadDays: number;
}

export const HANDOVER_ACTIONS = [
  'read', 'update', 'manageParticipants', 'start', 'complete', 'evaluate',
  'close', 'cancel', 'readTimeline', 'createItem', 'readSensitive',
  'postUpdate', 'readCustomers', 'transferCustomers', 'uploadMaterial',
  'readMaterials', 'shareMaterial', 'readQuestions', 'askQuestion',
] as const;
export type HandoverAction = (typeof HANDOVER_ACTIONS)[number];

/** The facts every rule reads, worked out once. */
export interface Subject {
  userid: string;
  status: HandoverStatus;
  roles: Set<ParticipantRole>;
  /** Global HR, or this handover's HR participant. */
  hr: boolean;
  /** Still preparing or running: the departing executive may write. */
  open: boolean;
  /** Closed long enough ago that the departing executive lost access. */
  departingExpired: boolean;
  /** Why completing would be refused now; null when it would not. */
  completionBlocker: string | null;
}

/**
 * A rule in two halves: `who` may do it at all (else 403) and `when` the
 * record's state allows it (else 409). The action is allowed when both hold.
 */
export interface Rule<T = void> {
  who: (s: Subject, target: T) => boolean;
  when: (s: Subject, target: T) => boolean;
  /** What the 409 says when `when` fails, if more than the state. */
  why?: (s: Subject, target: T) => string | null;
}

const always = () => true;
const is = (s: Subject, role: ParticipantRole) => s.roles.has(role);
const departingMayWrite = (s: Subject) => is(s, 'departing') && s.open;

/** Reading: HR and participants; the departing executive until the window ends. */
const mayRead = (s: Subject) => s.hr || [...s.roles].some((role) =>
  role !== 'departing' || !s.departingExpired);

const HANDOVER_RULES: Record<HandoverAction, Rule> = {
  read: { who: mayRead, when: always },
  update: { who: (s) => s.hr, when: (s) => s.open },
  manageParticipants: { who: (s) => s.hr, when: (s) => s.open },
  start: { who: (s) => s.hr, when: (s) => s.status === 'draft' },
  complete: {
    who: (s) => s.hr || is(s, 'manager'),
    when: (s) => s.status === 'active' && s.completionBlocker === null,
    why: (s) => (s.status === 'active' ? s.completionBlocker : null),
  },
  evaluate: { who: (s) => s.hr, when: (s) => s.status === 'completed' },
  close: { who: (s) => s.hr,
    when: (s) => s.status === 'completed' || s.status === 'evaluating' },
  cancel: { who: (s) => s.hr, when: (s) => s.open },
  readTimeline: { who: (s) => mayRead(s) && (s.hr || is(s, 'manager')
    || is(s, 'successor') || is(s, 'departing')), when: always },
  createItem: { who: (s) => s.hr || is(s, 'departing'), when: (s) => s.open },
  postUpdate: { who: (s) => s.hr, when: (s) => s.status === 'active' },
  // Customer transfer (客户继承): HR and the manager choose and move the
  // customers; the successor follows how it goes, and so does the departing
  // executive while the handover is open.
  readCustomers: { who: (s) => s.hr || is(s, 'manager') || is(s, 'successor')
    || departingMayWrite(s), when: always },
  transferCustomers: { who: (s) => s.hr || is(s, 'manager'),
    when: (s) => s.status === 'active' },
  // Team-member performance notes: successor, manager and HR; the departing
  // executive writes them, so sees them while still writing.
  readSensitive: { who: (s) => s.hr || is(s, 'successor') || is(s, 'manager')
    || departingMayWrite(s), when: always },
  // Materials (files): added like items, read by everyone who reads.
  uploadMaterial: { who: (s) => s.hr || is(s, 'departing'), when: (s) => s.open },
  readMaterials: { who: mayRead, when: always },
  // Any participant may put a file in front of the group while it runs.
  shareMaterial: { who: (s) => s.hr || s.roles.size > 0, when: (s) => s.status === 'active' },
  // Questions: the receiving side asks while it runs (never the departing
  // executive, who answers); threads stay readable to every reader, so the
  // successor keeps them after the departing executive's window ends.
  readQuestions: { who: mayRead, when: always },
  askQuestion: {
    who: (s) => !is(s, 'departing') && (s.hr || is(s, 'successor') || is(s, 'manager')),
    when: (s) => s.status === 'active',
  },
};

/** The actions whose rules hold, and a check that says which half failed. */
export function allowed<A extends string, T>(rules: Record<A, Rule<T>>,
  actions: readonly A[], s: Subject, target: T): Set<A> {
  return new Set(actions.filter((a) => rules[a].who(s, target) && rules[a].when(s, target)));
}

/** Why an action is refused: 403 when `who` fails, 409 when only `when` does. */
export type Refusal = { status: 403 } | { status: 409; reason: string | null } | null;

/** The refusal of `rule` for this subject and target; null when allowed. */
export function refusal<T>(rule: Rule<T>, s: Subject, target: T): Refusal {
  if (!rule.who(s, target)) return { status: 403 };
  if (!rule.when(s, target)) return { status: 409, reason: rule.why?.(s, target) ?? null };
  return null;
}

export { HANDOVER_RULES };

/** The facts of the actor in this handover. */
export function subjectOf(actor: Actor, facts: HandoverFacts,
  context: PolicyContext): Subject {
  const roles = new Set(facts.participants
    .filter((p) => p.userid === actor.userid).map((p) => p.role));
  const expiresAt = facts.closedAt
    ? facts.closedAt.getTime() + context.departingReadDays * 86_400_000 : null;
  return {
    userid: actor.userid,
    status: facts.status,
    roles,
    hr: actor.isHr || roles.has('hr'),
    open: facts.status === 'draft' || facts.status === 'active',
    departingExpired: expiresAt !== null && context.now >= expiresAt,
    completionBlocker: facts.completionBlocker ?? null,
  };
}

/** Every handover action the actor may take now. */
export function handoverActions(subject: Subject): Set<HandoverAction> {
  return allowed(HANDOVER_RULES, HANDOVER_ACTIONS, subject, undefined);
}

/** The caller's roles in the handover (possibly several, possibly none). */
export function rolesOf(facts: HandoverFacts, userid: string): ParticipantRole[] {
  return facts.participants.filter((p) => p.userid === userid).map((p) => p.role);
}

/** The facts of a loaded handover record. */
export function factsOf(record: HandoverRecord): HandoverFacts {
  return {
    status: record.handover.status,
    participants: record.participants,
    closedAt: record.handover.closedAt ?? null,
    completionBlocker: record.handover.status === 'active'
      ? completionBlocker(record) : null,
  };
}
