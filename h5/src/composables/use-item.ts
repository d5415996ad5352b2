import { ref, type Ref } from 'vue';
import type { ItemStatus, ItemView, MeResponse } from '@baton/shared';
import { deleteItem, fetchItem, moveItem } from '@/api';
import type { ItemMoveVerb } from '@/api/items';
import { useRecord, type RecordState } from './use-record';

/** Where the item page is: skeleton, content, missing or failed. */
export type ItemState = RecordState;

/** Where each move takes an item. */
const TARGET: Record<ItemMoveVerb, ItemStatus> = {
  submit: 'submitted',
  acknowledge: 'acknowledged',
  return: 'draft',
  'not-applicable': 'not_applicable',
  reopen: 'draft',
};

/** The item as it will be once the server agrees to the move. */
function moved(item: ItemView, verb: ItemMoveVerb, reason: string | undefined,
  me: MeResponse | null): ItemView {
  const now = new Date().toISOString();
  const after: ItemView = { ...item, status: TARGET[verb], actions: [] };
  if (verb === 'submit') Object.assign(after, { submittedAt: now, returnComment: null });
  if (verb === 'return') after.returnComment = reason ?? null;
  if (verb === 'not-applicable') after.naReason = reason ?? null;
  if (verb === 'reopen') after.naReason = null;
  if (verb === 'acknowledge') {
    Object.assign(after, {
      acknowledgedAt: now,
      acknowledgedBy: me ? { userid: me.user.userid, name: me.user.name } : null,
    });
  }
  return after;
}

/**
 * One item of a handover, loaded by id, and its status moves. A move shows
 * at once and goes back to how it was if the server refuses (the failure
 * is rethrown for the page to show). `item` is writable so autosave can
 * put the server's answer in place.
 */
export function useItem(
  handoverId: Ref<string>,
  itemId: Ref<string>,
  me: Readonly<Ref<MeResponse | null>>,
) {
  const { record: item, state, error, refresh } = useRecord(
    () => fetchItem(handoverId.value, itemId.value),
    (current) => current.id === itemId.value);
  const moving = ref<ItemMoveVerb | null>(null);

  /** Submits, acknowledges, sends back, marks N/A or reopens the item. */
  async function move(verb: ItemMoveVerb, reason?: string): Promise<void> {
    const before = item.value;
    if (!before || moving.value) return;

    const optimistic = moved(before, verb, reason, me.value);
    item.value = optimistic;
    moving.value = verb;

    try {
      const after = await moveItem(handoverId.value, before.id, verb, reason);
      if (item.value === optimistic) item.value = after;
    } catch (failure) {
      // Roll back unless something newer (a refresh) replaced our copy.
      if (item.value === optimistic) item.value = before;
      throw failure;
    } finally {
      moving.value = null;
    }
  }

  /** Deletes the item (a draft its writer added). */
  async function remove(): Promise<void> {
    if (!item.value) return;
    await deleteItem(handoverId.value, item.value.id);
  }

  return { item, state, error, moving, refresh, move, remove };
}
