import { ItemListResponse, type Section } from '@baton/shared';
import { request } from './http';

/*
 * The handover's items as lists, for browsing and search. One item, and
 * writing items, are in `items.ts`.
 */

function handoverPath(id: string): string {
  return `/api/handovers/${encodeURIComponent(id)}`;
}

/**
 * `GET /api/handovers/:id/items`: a page of the handover's items (100 at
 * most), in template order, optionally of one section. Pass the previous
 * page's `nextCursor` for the next page.
 */
export function fetchItems(
  handoverId: string,
  options: { section?: Section; cursor?: string; signal?: AbortSignal } = {},
): Promise<ItemListResponse> {
  const { section, cursor, signal } = options;
  return request(`${handoverPath(handoverId)}/items`, ItemListResponse, {
    query: { section, cursor },
    signal,
  });
}

/**
 * Every item of the handover, following the cursor to the last page, so
 * that search can look through all of them.
 */
export async function fetchAllItems(
  handoverId: string,
  signal?: AbortSignal,
): Promise<ItemListResponse['items']> {
  const items: ItemListResponse['items'] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchItems(handoverId, { cursor, signal });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
