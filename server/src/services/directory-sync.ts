import { DataSource } from 'typeorm';
import { Clock } from '../clock';
import { Department, Employee } from '../entities';
import type { Logger } from '../logger';
import { WecomClient } from '../wecom/client';
import { getUser, listDepartments, listUsers, WecomUser } from '../wecom/directory';

/**
 * Mirrors WeCom's directory (departments and members in the app's visible
 * range) into `department` and `employee`. Members no longer listed are
 * left as they are: `delete_user` events (issue 4) mark departures.
 */
export async function syncDirectory(db: DataSource, client: WecomClient,
  clock: Clock, logger: Logger): Promise<{ departments: number; employees: number }> {
  const now = new Date(clock.now());
  const departments = await listDepartments(client);
  await db.getRepository(Department).upsert(departments.map((d) => ({
    id: d.id, name: d.name, parentId: d.parentid || null, order: d.order ?? 0,
    syncedAt: now,
  })), ['id']);

  const members = new Map<string, WecomUser>();
  for (const department of departments) {
    for (const user of await listUsers(client, department.id)) {
      members.set(user.userid, user);
    }
  }
  await db.getRepository(Employee).upsert(
    [...members.values()].map((u) => employeeRow(u, now)), ['userid']);
  logger.info({ departments: departments.length, employees: members.size },
    'directory synced');
  return { departments: departments.length, employees: members.size };
}

/** Fetches and stores one member (e.g. someone who joined since the sync). */
export async function syncOneUser(db: DataSource, client: WecomClient, clock: Clock,
  userid: string): Promise<void> {
  const user = await getUser(client, userid);
  await db.getRepository(Employee).upsert(employeeRow(user, new Date(clock.now())),
    ['userid']);
}

function employeeRow(user: WecomUser, now: Date) {
  return {
    userid: user.userid,
    name: user.name,
    position: user.position ?? '',
    departmentIds: user.department ?? [],
    mainDepartment: user.main_department ?? null,
    directLeader: user.direct_leader ?? [],
    status: user.status ?? 1,
    syncedAt: now,
  };
}
