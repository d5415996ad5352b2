/**
 * Recipients of an app message: `touser`, `toparty` and `totag` as
 * `|`-separated lists (D:90236). Unknown entries are reported back, not
 * fatal, unless nobody is left (81013) or nothing was named (82001).
 */
import type { EmulatorCore } from './core';
import { WecomError } from './errors';

/** Who a message reaches and which named recipients were not valid. */
export interface Recipients {
  users: string[];
  invaliduser: string[];
  invalidparty: string[];
  invalidtag: string[];
}

/** At most this many users per call. */
const MAX_USERS = 1000;

/** Resolves the recipient fields of a message/send request. */
export function resolveRecipients(
  core: EmulatorCore, request: Record<string, unknown>,
): Recipients {
  const touser = splitList(request.touser, 'touser');
  const toparty = splitList(request.toparty, 'toparty');
  const totag = splitList(request.totag, 'totag');
  if (touser.length + toparty.length + totag.length === 0) {
    throw new WecomError(82001);
  }
  if (touser.length > MAX_USERS) {
    throw new WecomError(40058, 'touser has more than 1000 users');
  }

  const users = new Set<string>();
  const invaliduser: string[] = [];
  const invalidparty: string[] = [];
  for (const userid of touser) {
    if (userid === '@all') {
      activeUserids(core).forEach((u) => users.add(u));
    } else if (core.person(userid)?.status === 1) {
      users.add(userid);
    } else {
      invaliduser.push(userid);
    }
  }
  for (const party of toparty) {
    const members = partyMembers(core, party);
    if (members) members.forEach((u) => users.add(u));
    else invalidparty.push(party);
  }
  // The demo company has no tags, so every tag is invalid.
  const invalidtag = [...totag];

  if (users.size === 0) throw new WecomError(81013);
  return { users: [...users], invaliduser, invalidparty, invalidtag };
}

/** Active members of a department and its children; undefined if unknown. */
export function partyMembers(
  core: EmulatorCore, party: string | number,
): string[] | undefined {
  const id = Number(party);
  if (!Number.isInteger(id) || !core.department(id)) return undefined;
  const ids = core.subtree(id);
  return core.company.people
    .filter((p) => p.status === 1 && p.department.some((d) => ids.includes(d)))
    .map((p) => p.userid);
}

function activeUserids(core: EmulatorCore): string[] {
  return core.company.people.filter((p) => p.status === 1)
    .map((p) => p.userid);
}

/** Splits a `|` list, dropping blanks and repeats; 40058 if not a string. */
function splitList(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'number') return [String(value)];
  if (typeof value !== 'string') throw new WecomError(40058, field);
  return [...new Set(value.split('|').map((s) => s.trim()).filter(Boolean))];
}
