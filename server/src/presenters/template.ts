import type { TemplateView } from '@baton/shared';
import { HandoverTemplate } from '../entities';
import { Actor } from '../policies/handover';
import { templateActions } from '../policies/template';

/** A role template, with what the caller may do to it. */
export function presentTemplate(actor: Actor, t: HandoverTemplate): TemplateView {
  return {
    id: String(t.id),
    key: t.key,
    name: t.name,
    builtin: t.builtin,
    version: t.version,
    status: t.status,
    basedOn: t.basedOnId === null ? null : String(t.basedOnId),
    definition: t.definition,
    updatedAt: t.updatedAt.toISOString(),
    actions: [...templateActions(actor, t)],
  };
}
