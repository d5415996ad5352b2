/**
 * Members and departments (D:96255 and neighbours): user/get, user/list and
 * department/list over the emulator's company.
 */
import type { DemoPerson } from '../demo-company';
import type { EndpointTable } from './cgi';
import type { EmulatorCore } from './core';
import { WecomError } from './errors';

/** A member as user/get answers (no contact details for newer apps). */
function presentPerson(person: DemoPerson): Record<string, unknown> {
  return {
    userid: person.userid,
    name: person.name,
    department: [...person.department],
    order: person.department.map(() => 0),
    position: person.position,
    is_leader_in_dept: [...person.is_leader_in_dept],
    direct_leader: [...person.direct_leader],
    main_department: person.main_department,
    status: person.status,
  };
}

/** Parses a department id parameter; 60123 when it is not one. */
function departmentId(core: EmulatorCore, raw: string): number {
  const id = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!core.department(id)) throw new WecomError(60123);
  return id;
}

/** The user/* and department/* endpoints. */
export function directoryEndpoints(core: EmulatorCore): EndpointTable {
  return {
    'user/get': {
      method: 'GET',
      handler: ({ query }) => {
        const userid = query('userid');
        if (!userid) throw new WecomError(40003);
        const person = core.person(userid);
        if (!person) throw new WecomError(60111);

        return presentPerson(person);
      },
    },
    'user/list': {
      method: 'GET',
      handler: ({ query }) => {
        const raw = query('department_id');
        if (!raw) throw new WecomError(40063, 'department_id');
        const id = departmentId(core, raw);
        const ids = query('fetch_child') === '1' ? core.subtree(id) : [id];

        const userlist = core.company.people
          .filter((p) => p.department.some((d) => ids.includes(d)))
          .map(presentPerson);
        return { userlist };
      },
    },
    'department/list': {
      method: 'GET',
      handler: ({ query }) => {
        const raw = query('id');
        const ids = raw ? core.subtree(departmentId(core, raw)) : null;

        const department = core.company.departments
          .filter((d) => ids === null || ids.includes(d.id))
          .map((d) => ({ ...d, department_leader: [...d.department_leader] }));
        return { department };
      },
    },
  };
}
