import { EntityManager, In } from 'typeorm';
import { PERSON_FIELDS } from '@baton/shared';
import {
  Employee, Handover, HandoverItem, HandoverParticipant, Milestone,
} from '../entities';

/** A handover with what policies, presenters and commands need. */
export interface HandoverRecord {
  handover: Handover;
  participants: HandoverParticipant[];
  milestones: Milestone[];
  /** In section order, then by position. */
  items: HandoverItem[];
  /** Names by userid for everyone mentioned. */
  names: Map<string, string>;
}

/** Loads one handover and its parts, or null when there is none. */
export async function loadHandover(manager: EntityManager,
  id: number): Promise<HandoverRecord | null> {
  const handover = await manager.findOneBy(Handover, { id });
  if (!handover) return null;
  const [participants, milestones, items] = await Promise.all([
    manager.find(HandoverParticipant, { where: { handoverId: id }, order: { id: 'ASC' } }),
    manager.find(Milestone, { where: { handoverId: id }, order: { position: 'ASC' } }),
    manager.find(HandoverItem,
      { where: { handoverId: id }, order: { position: 'ASC', id: 'ASC' } }),
  ]);
  const userids = new Set([handover.departingUserid, handover.successorUserid,
    ...participants.map((p) => p.userid),
    ...milestones.flatMap((m) => (m.doneBy ? [m.doneBy] : [])),
    ...items.flatMap((i) => (i.acknowledgedBy ? [i.acknowledgedBy] : [])),
    ...items.flatMap(personFieldValues)]);
  return {
    handover, participants, milestones, items,
    names: await namesOf(manager, userids),
  };
}

/** The userids an item's person fields hold. */
export function personFieldValues(item: HandoverItem): string[] {
  return (PERSON_FIELDS[item.kind] ?? []).flatMap((field) => {
    const value = item.fields[field];
    return typeof value === 'string' && value !== '' ? [value] : [];
  });
}

/** Display names for userids; unknown ids map to themselves. */
export async function namesOf(manager: EntityManager,
  userids: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(userids)];
  const rows = ids.length
    ? await manager.find(Employee, { where: { userid: In(ids) } }) : [];
  const names = new Map(ids.map((id) => [id, id]));
  for (const row of rows) names.set(row.userid, row.name);
  return names;
}

/** The userids holding a role in the handover. */
export function holdersOf(record: HandoverRecord, role: string): string[] {
  return record.participants.filter((p) => p.role === role).map((p) => p.userid);
}
