import { DataSource, EntityManager } from 'typeorm';
import { copy } from '../copy/zh-CN';
import { CommandContext } from '../commands/context';
import { audit } from '../domain/audit';
import { handoverUrl, textTo } from '../domain/wecom-messages';
import {
  Employee, Handover, HandoverItem, HandoverParticipant,
  Milestone, Session,
} from '../entities';
import type { Logger } from '../logger';
import { enqueue } from '../outbox/outbox';
import { syncOneUser } from '../services/directory-sync';
import { WecomClient } from '../wecom/client';
import { WecomApiError } from '../wecom/errors';
import { queueTask, TaskRunner, TaskSkipped } from './tasks';
import { field, XmlNode } from './xml';

/** WeCom userids: letters, digits and `_ . @ -`, up to 64. */
const USERID = /^[\w.@-]{1,64}$/;
/**
 * Fields of a full user event. Since 2022-08 new callback URLs get none of
 * them (only UserID and Department); update_user carries changed ones.
 */
const DETAIL_FIELDS = ['Name', 'Position', 'MainDepartment', 'DirectLeader',
  'Status', 'IsLeaderInDept', 'Alias', 'Mobile', 'Email', 'Gender'];
/** WeCom's status for a member who left. */
const LEFT = 5;

export interface ContactDeps {
  context: CommandContext;
  logger: Logger;
}

/**
 * `change_contact` for members (D:96302): create_user and update_user
 * upsert the employee from the event's fields, delete_user marks them
 * departed. Party and tag changes are left to the directory sync.
 */
export async function contactChanged(event: XmlNode, manager: EntityManager,
  deps: ContactDeps): Promise<void> {
  const change = field(event, 'ChangeType');
  const userid = field(event, 'UserID');
  if (field(event, 'FromUserName') !== 'sys' || !USERID.test(userid)) {
    deps.logger.warn({ change }, 'contact change without sys sender or UserID');
    return;
  }
  if (change === 'create_user' || change === 'update_user') {
    await memberChanged(event, manager, deps, userid, change === 'create_user');
  } else if (change === 'delete_user') {
    await memberDeleted(manager, deps, userid);
  } else {
    deps.logger.info({ change }, 'contact change left to the directory sync');
  }
}

/**
 * Upserts what the event carries. URLs configured since 2022-08 get only
 * UserID and Department; for those, and for a new member without a name,
 * the member is fetched with user/get after this transaction commits (a
 * `directory.user` task), never inside it.
 */
async function memberChanged(event: XmlNode, manager: EntityManager,
  deps: ContactDeps, oldUserid: string, created: boolean): Promise<void> {
  const newUserid = field(event, 'NewUserID');
  if (newUserid && !USERID.test(newUserid)) {
    deps.logger.warn({ userid: oldUserid }, 'contact change with a bad NewUserID');
    return;
  }
  let userid = oldUserid;
  if (newUserid && newUserid !== oldUserid) {
    await renameMember(manager, deps, oldUserid, newUserid);
    userid = newUserid;
  }
  const now = new Date(deps.context.clock.now());
  const existing = await manager.findOneBy(Employee, { userid });
  const name = field(event, 'Name');

  if (name || existing) {
    const has = (key: string) => key in event;
    const status = Number(field(event, 'Status'));
    await manager.save(manager.create(Employee, {
      userid,
      name: name || existing!.name,
      position: has('Position') ? field(event, 'Position') : existing?.position ?? '',
      departmentIds: has('Department')
        ? idList(field(event, 'Department')).map(Number).filter(Number.isInteger)
        : existing?.departmentIds ?? [],
      mainDepartment: has('MainDepartment')
        ? Number(field(event, 'MainDepartment')) || null
        : existing?.mainDepartment ?? null,
      directLeader: has('DirectLeader')
        ? idList(field(event, 'DirectLeader')) : existing?.directLeader ?? [],
      status: [1, 2, 4, 5].includes(status) ? status : existing?.status ?? 1,
      departedAt: created ? null : existing?.departedAt ?? null,
      syncedAt: now,
    }));
  }
  const sparse = !DETAIL_FIELDS.some((key) => key in event);
  const fetch = sparse || (!name && !existing);
  if (fetch) {
    await queueTask(manager, {
      kind: 'directory.user', payload: { userid },
      dedupeKey: `user:${userid}:${field(event, 'CreateTime')}`,
    }, now);
  }
  deps.logger.info({ userid, created, fetch }, 'member changed');
}

/**
 * A userid changed (allowed once in WeCom): every place Baton keeps it
 * follows, so the member keeps their handovers, roles and sessions. The
 * audit trail keeps the id that acted at the time.
 */
async function renameMember(manager: EntityManager, deps: ContactDeps,
  from: string, to: string): Promise<void> {
  if (await manager.existsBy(Employee, { userid: to })) {
    await manager.delete(Employee, { userid: from });
  } else {
    await manager.update(Employee, { userid: from }, { userid: to });
  }
  await manager.update(HandoverParticipant, { userid: from }, { userid: to });
  await manager.update(Handover, { departingUserid: from }, { departingUserid: to });
  await manager.update(Handover, { successorUserid: from }, { successorUserid: to });
  await manager.update(Handover, { createdBy: from }, { createdBy: to });
  await manager.update(Milestone, { doneBy: from }, { doneBy: to });
  await manager.update(HandoverItem, { acknowledgedBy: from }, { acknowledgedBy: to });
  await manager.update(HandoverItem, { createdBy: from }, { createdBy: to });
  await manager.update(Session, { userid: from }, { userid: to });
  await audit(manager, {
    actor: 'wecom', action: 'employee.renamed', targetType: 'employee',
    targetId: to, details: { from, to },
  }, new Date(deps.context.clock.now()));
  deps.logger.info({ from, to }, 'member renamed');
}

/**
 * The member left. `departedAt` is the signal other parts read (customer
 * transfer picks the resigned path from it). For each active handover they
 * are leaving, HR and the group are told.
 */
async function memberDeleted(manager: EntityManager, deps: ContactDeps,
  userid: string): Promise<void> {
  const employee = await manager.findOneBy(Employee, { userid });
  if (!employee) {
    deps.logger.warn({ userid }, 'delete_user for an unknown member');
    return;
  }
  if (employee.departedAt) {
    deps.logger.info({ userid }, 'delete_user for a member already departed');
    return;
  }
  const now = new Date(deps.context.clock.now());
  await manager.update(Employee, { userid },
    { departedAt: now, status: LEFT, syncedAt: now });

  const handovers = await manager.findBy(Handover,
    { departingUserid: userid, status: 'active' });
  for (const handover of handovers) {
    await audit(manager, {
      actor: 'wecom', action: 'employee.departed', targetType: 'employee',
      targetId: userid, handoverId: handover.id,
      details: { departedAt: now.toISOString() },
    }, now);
    await tellDeparture(manager, deps, handover, employee.name, now);
  }
  deps.logger.info({ userid, handovers: handovers.length }, 'member departed');
}

/** Tells the handover's HR (by app message) and its group. */
async function tellDeparture(manager: EntityManager, deps: ContactDeps,
  handover: Handover, name: string, now: Date): Promise<void> {
  const hr = await manager.findBy(HandoverParticipant,
    { handoverId: handover.id, role: 'hr' });
  const url = handoverUrl(deps.context.publicUrl, handover.id);
  for (const person of hr) {
    await enqueue(manager, textTo({
      userid: person.userid, handoverId: handover.id,
      dedupeKey: `handover:${handover.id}:departed:${person.userid}`,
      content: copy.departedToHr({ name, title: handover.title, url }),
    }), now);
  }
  if (handover.chatId) {
    await enqueue(manager, {
      kind: 'appchat.send', handoverId: handover.id,
      dedupeKey: `handover:${handover.id}:departed-post`,
      payload: { chatid: handover.chatId, msgtype: 'text',
        text: { content: copy.departedToGroup(name) } },
    }, now);
  }
}

/** WeCom's answers for a member it will not show us. */
const NOT_VISIBLE = [40003, 60011, 60111];

/**
 * Runs a `directory.user` task: fetches the member with user/get and
 * stores them, keeping any departure already recorded.
 */
export function memberFetchRunner(deps: ContactDeps & {
  db: DataSource; client: WecomClient;
}): TaskRunner {
  return async (task) => {
    const userid = String(task.payload.userid);
    try {
      await syncOneUser(deps.db, deps.client, deps.context.clock, userid);
    } catch (error) {
      if (error instanceof WecomApiError && NOT_VISIBLE.includes(error.errcode)) {
        throw new TaskSkipped(`user/get refused ${userid}: ${error.errcode}`);
      }
      throw error;
    }
    return { userid };
  };
}

/** `"a,b"` or `"a|b"` as a list, without empties. */
function idList(text: string): string[] {
  return text.split(/[,|]/).map((s) => s.trim()).filter(Boolean);
}
