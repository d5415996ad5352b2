import { WecomClient } from './client';

/** A member as `user/get` and `user/list` return them. */
export interface WecomUser {
  userid: string;
  name: string;
  department: number[];
  position?: string;
  main_department?: number;
  direct_leader?: string[];
  is_leader_in_dept?: number[];
  /** 1 active, 2 disabled, 4 not activated, 5 left. */
  status?: number;
}

/** A department as `department/list` returns it. */
export interface WecomDepartment {
  id: number;
  name: string;
  parentid: number;
  order?: number;
  department_leader?: string[];
}

/** `user/get`: one member in the app's visible range (60111 otherwise). */
export async function getUser(client: WecomClient, userid: string) {
  return client.get<WecomUser>('user/get', { userid });
}

/** `user/list`: the members of one department. */
export async function listUsers(client: WecomClient, departmentId: number) {
  const body = await client.get<{ userlist: WecomUser[] }>('user/list',
    { department_id: String(departmentId) });
  return body.userlist;
}

/** `department/list`: every department in the app's range, or under `id`. */
export async function listDepartments(client: WecomClient, id?: number) {
  const body = await client.get<{ department: WecomDepartment[] }>(
    'department/list', id === undefined ? {} : { id: String(id) });
  return body.department;
}
