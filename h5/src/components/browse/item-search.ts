import type { ItemView } from '@baton/shared';

/** How many characters of context a snippet keeps on each side of a match. */
const CONTEXT = 18;

/** One item found by a search, with the field text that matched, if any. */
export interface ItemMatch {
  item: ItemView;
  /** A short stretch of field text around the match; null for title-only. */
  snippet: string | null;
}

/**
 * Every piece of text an item's fields hold: strings and numbers, also
 * inside lists (key dates) and objects (money), in field order.
 */
export function fieldTexts(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value] : [];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(fieldTexts);
  if (value && typeof value === 'object') {
    return Object.values(value).flatMap(fieldTexts);
  }
  return [];
}

/** The stretch of `text` around position `at`, with ellipses where cut. */
function snippetAround(text: string, at: number, length: number): string {
  const flat = text.replace(/\s+/g, ' ');
  const start = Math.max(0, at - CONTEXT);
  const end = Math.min(flat.length, at + length + CONTEXT);
  return (start > 0 ? '…' : '') + flat.slice(start, end)
    + (end < flat.length ? '…' : '');
}

/**
 * The items whose title, field text or named colleagues contain `query`,
 * ignoring case, in the order given. Hidden fields are not in `fields`, so
 * they never match.
 */
export function searchItems(items: ItemView[], query: string): ItemMatch[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return items.map((item) => ({ item, snippet: null }));

  const matches: ItemMatch[] = [];
  for (const item of items) {
    const inTitle = item.title.toLowerCase().includes(needle);
    let snippet: string | null = null;
    // Colleagues are found by name as well as by their WeCom account.
    const names = Object.values(item.people).map((person) => person.name);
    for (const text of [...fieldTexts(item.fields), ...names]) {
      const at = text.replace(/\s+/g, ' ').toLowerCase().indexOf(needle);
      if (at >= 0) {
        snippet = snippetAround(text, at, needle.length);
        break;
      }
    }
    if (inTitle || snippet !== null) matches.push({ item, snippet });
  }
  return matches;
}
