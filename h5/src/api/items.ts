import type { ItemView } from '@baton/shared';
import { lazySchema, request, requestNoContent } from './http';

/**
 * Lazy: the `@/api` index re-exports this module, so a static schema here
 * would put zod in the first route's bundle (see LazySchema).
 */
const ItemSchema = lazySchema(() => import('@baton/shared')
  .then((shared) => shared.ItemView));

function itemPath(handoverId: string, itemId: string): string {
  return `/api/handovers/${encodeURIComponent(handoverId)}/items/`
    + encodeURIComponent(itemId);
}

/** `GET /api/handovers/:id/items/:itemId`: one item, hidden fields left out. */
export function fetchItem(
  handoverId: string,
  itemId: string,
  signal?: AbortSignal,
): Promise<ItemView> {
  return request(itemPath(handoverId, itemId), ItemSchema, { signal });
}

/**
 * `PATCH .../items/:itemId`: merges `fields` into a draft (`null` clears a
 * field). The server checks each field it is sent and answers 400 naming
 * the first bad one (`fields.amount.amount`), 409 once it is no longer a
 * draft.
 */
export function updateItem(
  handoverId: string,
  itemId: string,
  fields: Record<string, unknown>,
): Promise<ItemView> {
  return request(itemPath(handoverId, itemId), ItemSchema, {
    method: 'PATCH',
    body: { fields },
  });
}

/** The status moves of an item, by the verb in their URL. */
export type ItemMoveVerb =
  | 'submit' | 'acknowledge' | 'return' | 'not-applicable' | 'reopen';

/**
 * `POST .../items/:itemId/<verb>`: submits (the fields must be whole),
 * acknowledges, sends back or marks not applicable (both with a reason), or
 * reopens an item. Answers with the item as it is afterwards.
 */
export function moveItem(
  handoverId: string,
  itemId: string,
  verb: ItemMoveVerb,
  reason?: string,
): Promise<ItemView> {
  return request(`${itemPath(handoverId, itemId)}/${verb}`, ItemSchema, {
    method: 'POST',
    body: reason === undefined ? undefined : { reason },
  });
}

/** `DELETE .../items/:itemId`: only a draft its writer added themselves. */
export function deleteItem(handoverId: string, itemId: string): Promise<void> {
  return requestNoContent(itemPath(handoverId, itemId), { method: 'DELETE' });
}
