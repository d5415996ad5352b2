import type { ItemStatus } from '@baton/shared';
import { allowed, Rule, Subject } from './handover';

/** What may be done to one item; see policies/handover.ts for the shape. */
export const ITEM_ACTIONS = [
  'update', 'submit', 'acknowledge', 'return', 'markNotApplicable', 'reopen',
  'delete',
] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];

/** What an item's rules look at. */
export interface ItemFacts {
  status: ItemStatus;
  /** Items from the template's prompts cannot be deleted, only marked N/A. */
  fromTemplate: boolean;
  /** Who added it: only they may delete it. */
  createdBy: string;
}

/** The departing executive writes the handover; HR may help. */
const writer = (s: Subject) => s.hr || s.roles.has('departing');
const receiver = (s: Subject) => s.roles.has('successor');
const running = (s: Subject) => s.status === 'active';
const statusIs = (...statuses: ItemStatus[]) =>
  (s: Subject, i: ItemFacts) => s.open && statuses.includes(i.status);

export const ITEM_RULES: Record<ItemAction, Rule<ItemFacts>> = {
  update: { who: writer, when: statusIs('draft') },
  submit: { who: writer, when: statusIs('draft') },
  acknowledge: { who: receiver, when: (s, i) => running(s) && i.status === 'submitted' },
  return: { who: receiver, when: (s, i) => running(s) && i.status === 'submitted' },
  markNotApplicable: { who: writer, when: statusIs('draft', 'submitted') },
  reopen: { who: writer, when: statusIs('not_applicable') },
  // Only whoever added an item deletes it; template prompts stay, marked
  // not applicable instead.
  delete: {
    who: (s, i) => writer(s) && (i.fromTemplate || i.createdBy === s.userid),
    when: (s, i) => statusIs('draft')(s, i) && !i.fromTemplate,
    why: (_, i) => (i.fromTemplate
      ? 'items the template asks for cannot be deleted; mark them not applicable' : null),
  },
};

/** Every item action the subject may take on this item now. */
export function itemActions(subject: Subject, item: ItemFacts): Set<ItemAction> {
  return allowed(ITEM_RULES, ITEM_ACTIONS, subject, item);
}
