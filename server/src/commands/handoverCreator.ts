import crypto from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { CreateHandoverRequest, ParticipantRole } from '@baton/shared';
import { copy } from '../copy/zh-CN';
import {
  Employee, Handover, HandoverItem, HandoverParticipant, HandoverTemplate,
  Milestone,
} from '../entities';
import { audit } from '../domain/audit';
import { dateInZone } from '../domain/calendar';
import { dueAt } from '../domain/due-dates';
import { validationError } from '../errors';
import { CommandContext } from './context';

export interface HandoverCreatorProps {
  db: DataSource;
  context: CommandContext;
  /** The HR member preparing it; becomes the handover's HR. */
  actor: string;
  input: CreateHandoverRequest;
}

/**
 * Prepares a handover as a draft from a role template: people checked
 * against the directory, the template's version kept with it, its prompts
 * turned into draft items and its milestones dated. Nothing goes to WeCom
 * until it is started.
 */
export async function handoverCreator(props: HandoverCreatorProps): Promise<Handover> {
  const { db } = props;
  const id = await db.transaction((manager) => draftCreator({ ...props, manager }));
  return db.getRepository(Handover).findOneByOrFail({ id });
}

/**
 * handoverCreator inside the caller's transaction (e.g. with the record of
 * what proposed it); resolves with the new handover's id.
 */
export async function draftCreator(props: Omit<HandoverCreatorProps, 'db'> & {
  manager: EntityManager;
}): Promise<number> {
  const { manager, context, actor, input } = props;
  const template = await manager.findOneBy(HandoverTemplate,
    { id: Number(input.templateId) });
  if (!template || template.status !== 'active') {
    throw validationError('no active template with this id', 'templateId');
  }
  const people = await checkPeople(manager, input);
  const managerUserid = input.managerUserid ?? people.departing.directLeader[0];
  const now = new Date(context.clock.now());

  const ref = crypto.randomBytes(6).toString('hex');
  const handover = await manager.save(manager.create(Handover, {
    ref,
    title: input.title ?? copy.chatName(people.departing.name),
    status: 'draft',
    departingUserid: input.departingUserid,
    successorUserid: input.successorUserid,
    lastWorkingDay: input.lastWorkingDay,
    chatId: `baton${ref}`,
    templateId: template.id,
    templateVersion: template.version,
    templateSnapshot: template.definition,
    createdBy: actor,
    createdAt: now,
    updatedAt: now,
  }));
  await addParticipants(manager, handover.id, now, [
    [input.departingUserid, 'departing'], [input.successorUserid, 'successor'],
    [actor, 'hr'], [managerUserid, 'manager'],
  ]);
  await addMilestones(manager, handover, template, context);
  await addItems(manager, handover, template, actor, now);
  await audit(manager, {
    actor, action: 'handover.created', targetType: 'handover',
    targetId: handover.id, handoverId: handover.id,
    details: { template: template.key, templateVersion: template.version,
      departing: input.departingUserid, successor: input.successorUserid,
      lastWorkingDay: input.lastWorkingDay },
  }, now);
  return handover.id;
}

/** Dates every milestone, counting from today for those due from the start. */
export async function addMilestones(manager: EntityManager, handover: Handover,
  template: Pick<HandoverTemplate, 'definition'>, context: CommandContext): Promise<void> {
  const start = dateInZone(context.clock.now(), context.tzBusiness);
  await manager.insert(Milestone, template.definition.milestones.map((m, position) => ({
    handoverId: handover.id, key: m.key, title: m.title, ownerRole: m.ownerRole,
    position, reminderCount: 0, rule: m.rule ?? null, signers: m.signers ?? null,
    signatures: null,
    dueAt: dueAt(m, { start, lastDay: handover.lastWorkingDay }, context.calendar,
      context.tzBusiness),
  })));
}

async function addItems(manager: EntityManager, handover: Handover,
  template: HandoverTemplate, actor: string, now: Date): Promise<void> {
  const prompts = template.definition.sections.flatMap((s) =>
    s.prompts.map((p) => ({ section: s.key, ...p })));
  if (prompts.length === 0) return;
  await manager.insert(HandoverItem, prompts.map((p, position) => ({
    handoverId: handover.id, promptKey: p.key, section: p.section, kind: p.kind,
    title: p.title, hint: p.hint ?? null, required: p.required, fields: {},
    status: 'draft' as const, position, createdBy: actor, createdAt: now,
    updatedAt: now,
  })));
}

async function addParticipants(manager: EntityManager, handoverId: number, now: Date,
  roles: [string | undefined, ParticipantRole][]): Promise<void> {
  for (const [userid, role] of roles) {
    if (userid) {
      await manager.insert(HandoverParticipant, { handoverId, userid, role, createdAt: now });
    }
  }
}

/** Everyone named must be a current member, and two different people. */
async function checkPeople(manager: EntityManager, input: CreateHandoverRequest) {
  const find = async (userid: string | undefined, field: string) => {
    if (userid === undefined) return undefined;
    const person = await manager.findOneBy(Employee, { userid });
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
  if (input.managerUserid === departing.userid || input.managerUserid === successor.userid) {
    throw validationError('the manager must be neither the departing executive nor the successor',
      'managerUserid');
  }
  return { departing, successor };
}
