import crypto from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ParticipantRole, StartHandoverRequest } from '@baton/shared';
import { copy } from '../copy/zh-CN';
import { Employee, Handover, HandoverParticipant, Milestone } from '../entities';
import { audit } from '../domain/audit';
import { addBusinessDays, instantAt } from '../domain/calendar';
import { loadHandover } from '../domain/handover-record';
import { DEFAULT_MILESTONES } from '../domain/milestone-plan';
import { welcomeMessage } from '../domain/wecom-messages';
import { validationError } from '../errors';
import { enqueue } from '../outbox/outbox';
import { CommandContext } from './context';
import { milestoneCardSender } from './milestoneCardSender';

export interface HandoverStarterProps {
  db: DataSource;
  context: CommandContext;
  /** The HR member starting it; becomes the handover's HR. */
  actor: string;
  input: StartHandoverRequest;
}

/** Milestones fall due at the end of the business day. */
const DUE_HOUR = 18;

/**
 * Starts a handover: people checked against the directory, participants
 * and milestones created, and (in the same transaction) the group chat,
 * its welcome message and the first milestone's card queued.
 */
export async function handoverStarter(props: HandoverStarterProps): Promise<Handover> {
  const { db, context, actor, input } = props;
  const people = await checkPeople(db, input);
  const managerUserid = input.managerUserid ?? people.departing.directLeader[0];
  const now = new Date(context.clock.now());

  const id = await db.transaction(async (manager) => {
    const ref = crypto.randomBytes(6).toString('hex');
    const handover = await manager.save(manager.create(Handover, {
      ref,
      title: input.title ?? copy.chatName(people.departing.name),
      status: 'active',
      departingUserid: input.departingUserid,
      successorUserid: input.successorUserid,
      lastWorkingDay: input.lastWorkingDay,
      chatId: `baton${ref}`,
      createdBy: actor,
      createdAt: now,
      updatedAt: now,
    }));

    const roles: [string | undefined, ParticipantRole][] = [
      [input.departingUserid, 'departing'], [input.successorUserid, 'successor'],
      [actor, 'hr'], [managerUserid, 'manager'],
    ];
    for (const [userid, role] of roles) {
      if (userid) {
        await manager.insert(HandoverParticipant,
          { handoverId: handover.id, userid, role, createdAt: now });
      }
    }
    await manager.insert(Milestone, DEFAULT_MILESTONES.map((plan, position) => ({
      handoverId: handover.id, key: plan.key, title: plan.title,
      ownerRole: plan.ownerRole, position, reminderCount: 0,
      dueAt: instantAt(addBusinessDays(input.lastWorkingDay, plan.dueOffset),
        DUE_HOUR, 0, context.tzBusiness),
    })));
    await audit(manager, {
      actor, action: 'handover.started', targetType: 'handover',
      targetId: handover.id, handoverId: handover.id,
      details: { departing: input.departingUserid, successor: input.successorUserid,
        lastWorkingDay: input.lastWorkingDay },
    }, now);

    const record = (await loadHandover(manager, handover.id))!;
    const members = [...new Set(record.participants.map((p) => p.userid))];
    await enqueue(manager, {
      kind: 'appchat.create', handoverId: handover.id,
      dedupeKey: `handover:${handover.id}:chat`,
      payload: { chatid: handover.chatId, name: handover.title, owner: actor,
        userlist: members },
    }, now);
    await enqueue(manager, welcomeMessage({
      handover, departing: people.departing.name,
      successor: people.successor.name, publicUrl: context.publicUrl,
    }), now);
    await milestoneCardSender({ manager, record, milestone: record.milestones[0], context });
    return handover.id;
  });
  return db.getRepository(Handover).findOneByOrFail({ id });
}

/** Everyone named must be a current member, and two different people. */
async function checkPeople(db: DataSource, input: StartHandoverRequest) {
  const find = async (userid: string | undefined, field: string) => {
    if (userid === undefined) return undefined;
    const person = await db.getRepository(Employee).findOneBy({ userid });
    if (!person || person.departedAt !== null) {
      throw validationError(`${userid} is not a member of the directory`, field);
    }
    return person;
  };
  const departing = (await find(input.departingUserid, 'departingUserid'))!;
  const successor = (await find(input.successorUserid, 'successorUserid'))!;
  await find(input.managerUserid, 'managerUserid');
  if (departing.userid === successor.userid) {
    throw validationError('the successor must be someone else', 'successorUserid');
  }
  return { departing, successor };
}
