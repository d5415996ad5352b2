import { HandoverRecord } from '../domain/handover-record';
import { conflict, forbidden, notFound } from '../errors';
import { HandoverItem, Milestone } from '../entities';
import {
  Actor, factsOf, HANDOVER_RULES, HandoverAction, handoverActions, PolicyContext,
  Refusal, refusal, Subject, subjectOf,
} from './handover';
import { ITEM_RULES, ItemAction, itemActions } from './item';
import {
  MILESTONE_RULES, MilestoneAction, milestoneActions, MilestoneFacts,
} from './milestone';

/**
 * One actor's access to one loaded handover: the subject worked out once,
 * and the allowed actions of the handover, its items and its milestones.
 */
export class HandoverAccess {
  readonly subject: Subject;
  readonly actions: Set<HandoverAction>;

  constructor(readonly actor: Actor, readonly record: HandoverRecord,
    context: PolicyContext) {
    this.subject = subjectOf(actor, factsOf(record), context);
    this.actions = handoverActions(this.subject);
  }

  /**
   * 404 unless the actor may read the handover; then 403 unless they may
   * ever do `action`, 409 unless its state allows it now.
   */
  require(action: HandoverAction, message?: string): void {
    if (!this.actions.has('read')) throw notFound('handover');
    refuse(refusal(HANDOVER_RULES[action], this.subject, undefined), action, message);
  }

  itemActions(item: HandoverItem): Set<ItemAction> {
    return itemActions(this.subject, itemFacts(item));
  }

  /** 403 / 409 unless the actor may do `action` to the item now. */
  requireItem(item: HandoverItem, action: ItemAction, message?: string): void {
    refuse(refusal(ITEM_RULES[action], this.subject, itemFacts(item)), action, message);
  }

  milestoneActions(m: Milestone): Set<MilestoneAction> {
    return milestoneActions(this.subject, milestoneFacts(m));
  }

  /** 403 / 409 unless the actor may do `action` to the milestone now. */
  requireMilestone(m: Milestone, action: MilestoneAction, message?: string): void {
    refuse(refusal(MILESTONE_RULES[action], this.subject, milestoneFacts(m)), action, message);
  }
}

/** Turns a refusal into its error: 403 names no state, 409 says it is the state. */
function refuse(refused: Refusal, action: string, message?: string): void {
  if (refused?.status === 403) throw forbidden(message);
  if (refused?.status === 409) {
    throw conflict(refused.reason ?? `${action} is not possible in the current state`);
  }
}

function itemFacts(item: HandoverItem) {
  return { status: item.status, fromTemplate: item.promptKey !== null,
    createdBy: item.createdBy };
}

/** The facts the milestone policy reads. */
export function milestoneFacts(m: Milestone): MilestoneFacts {
  return {
    ownerRole: m.ownerRole,
    done: m.doneAt !== null,
    signers: m.signers,
    signed: Object.keys(m.signatures ?? {}) as MilestoneFacts['signed'],
    signedBy: Object.values(m.signatures ?? {}).map((s) => s!.userid),
  };
}

/** Finds a record's child by its id from the URL, or 404. */
export function childById<T extends { id: number }>(list: T[], raw: string | undefined,
  what: string): T {
  const found = list.find((x) => String(x.id) === raw);
  if (!found) throw notFound(what);
  return found;
}
