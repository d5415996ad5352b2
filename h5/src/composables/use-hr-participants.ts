import { reactive, type ShallowRef } from 'vue';
import type {
  AddParticipantRequest, DirectoryPerson, HandoverDetail,
} from '@baton/shared';
import { addParticipant, removeParticipant } from '@/api/hr';

type Participant = HandoverDetail['participants'][number];

/** Roles HR may add and remove; the others are fixed when it is created. */
export const CHANGEABLE_ROLES = ['manager', 'stakeholder'] as const;

/** Whether a participant's role lets HR remove them. */
export function isRemovable(participant: Participant): boolean {
  return (CHANGEABLE_ROLES as readonly string[]).includes(participant.role);
}

/** The id an optimistic row carries until the server gives it its own. */
const PENDING_PREFIX = 'pending:';

/** Whether a row is still waiting for the server. */
export function isPending(participant: Participant): boolean {
  return participant.id.startsWith(PENDING_PREFIX);
}

/**
 * Adds and removes a handover's managers and stakeholders optimistically:
 * the list changes at once, then takes the server's answer, or goes back
 * to how it was when the server refuses (the failure is rethrown).
 * Whether to offer it at all is the `manageParticipants` action's call.
 */
export function useHrParticipants(detail: ShallowRef<HandoverDetail | null>) {
  const pending = reactive(new Set<string>());

  async function change(optimistic: HandoverDetail, key: string,
    call: () => Promise<HandoverDetail>): Promise<void> {
    const before = detail.value;
    if (!before || pending.has(key)) return;

    detail.value = optimistic;
    pending.add(key);
    try {
      const after = await call();
      if (detail.value?.id === after.id) detail.value = after;
    } catch (failure) {
      // Roll back unless something newer (a refresh) replaced our copy.
      if (detail.value === optimistic) detail.value = before;
      throw failure;
    } finally {
      pending.delete(key);
    }
  }

  function add(person: DirectoryPerson,
    role: AddParticipantRequest['role']): Promise<void> {
    const before = detail.value;
    if (!before) return Promise.resolve();
    const row: Participant = {
      id: `${PENDING_PREFIX}${person.userid}`, userid: person.userid,
      name: person.name, role,
    };
    const optimistic = { ...before, participants: [...before.participants, row] };
    return change(optimistic, row.id,
      () => addParticipant(before.id, { userid: person.userid, role }));
  }

  function remove(participant: Participant): Promise<void> {
    const before = detail.value;
    if (!before) return Promise.resolve();
    const optimistic = { ...before,
      participants: before.participants.filter((p) => p.id !== participant.id) };
    return change(optimistic, participant.id,
      () => removeParticipant(before.id, participant.id));
  }

  return { pending, add, remove };
}
