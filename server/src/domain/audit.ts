import { EntityManager } from 'typeorm';
import { AuditEvent } from '../entities';

/** One entry of the audit trail. */
export interface AuditEntry {
  actor: string;
  action: string;
  targetType: string;
  targetId: string | number;
  handoverId?: number | null;
  details?: Record<string, unknown>;
}

/** Appends to the audit trail inside the caller's transaction. */
export async function audit(manager: EntityManager, entry: AuditEntry,
  now: Date): Promise<AuditEvent> {
  return manager.save(manager.create(AuditEvent, {
    actor: entry.actor,
    action: entry.action,
    targetType: entry.targetType,
    targetId: String(entry.targetId),
    handoverId: entry.handoverId ?? null,
    details: entry.details ?? {},
    createdAt: now,
  }));
}
