import { Actor } from './handover';

export const TEMPLATE_ACTIONS = ['clone', 'update', 'retire'] as const;
export type TemplateAction = (typeof TEMPLATE_ACTIONS)[number];

/** What a template's rules look at. */
export interface TemplateFacts {
  builtin: boolean;
  status: 'active' | 'retired';
}

interface TemplateRule {
  who: (a: Actor, t: TemplateFacts) => boolean;
  when: (t: TemplateFacts) => boolean;
}

/**
 * Everyone may read templates (they hold no secrets); HR clones them, and
 * edits and retires its own copies. Built-in ones change only by release.
 */
export const TEMPLATE_RULES: Record<TemplateAction, TemplateRule> = {
  clone: { who: (a) => a.isHr, when: () => true },
  update: { who: (a, t) => a.isHr && !t.builtin, when: (t) => t.status === 'active' },
  retire: { who: (a) => a.isHr, when: (t) => t.status === 'active' },
};

/** Every template action the actor may take on this template. */
export function templateActions(actor: Actor, t: TemplateFacts): Set<TemplateAction> {
  return new Set(TEMPLATE_ACTIONS.filter((action) =>
    TEMPLATE_RULES[action].who(actor, t) && TEMPLATE_RULES[action].when(t)));
}
