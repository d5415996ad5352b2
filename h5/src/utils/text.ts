/**
 * WeCom-style text avatar for someone without a photo: the last two
 * characters of the name (the given name, for most Chinese names).
 */
export function avatarText(name: string): string {
  return Array.from(name).slice(-2).join('');
}

// Soft, distinct colours for text avatars, like WeCom's defaults.
const AVATAR_COLORS = [
  '#3a7cf4', '#f5a623', '#36b37e', '#8e6cef', '#ef5b5b', '#16a2b8', '#e67e22',
];

/** A stable avatar colour for a person, picked from their userid. */
export function avatarColor(userid: string): string {
  let hash = 0;
  for (const ch of userid) {
    hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  }
  return AVATAR_COLORS[hash % AVATAR_COLORS.length];
}
