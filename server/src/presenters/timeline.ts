import type { TimelineEvent } from '@baton/shared';
import { AuditEvent } from '../entities';
import { person } from './handover';

/** One audit entry as the timeline shows it. */
export function presentTimelineEvent(names: Map<string, string>,
  event: AuditEvent): TimelineEvent {
  return {
    id: String(event.id),
    actor: person(names, event.actor),
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    details: event.details,
    at: event.createdAt.toISOString(),
  };
}
