import { CHUNK_SIZE_DEFAULT, CHUNK_SIZE_MAX, CHUNKS_MAX } from '@baton/shared';

/**
 * The arithmetic of chunked uploads and the checks on what is uploaded.
 * Every chunk but the last is `chunkSize` bytes; the last holds the rest.
 */

/** How many chunks a file of `size` bytes is cut into. */
export function chunkCount(size: number, chunkSize: number): number {
  return Math.ceil(size / chunkSize);
}

/** The exact length of chunk `index`; null when there is no such chunk. */
export function chunkLength(size: number, chunkSize: number,
  index: number): number | null {
  const count = chunkCount(size, chunkSize);
  if (!Number.isInteger(index) || index < 0 || index >= count) return null;
  return index < count - 1 ? chunkSize : size - chunkSize * (count - 1);
}

/**
 * The chunk size to use: the client's if it keeps the file within
 * CHUNKS_MAX chunks (else null), or the default grown until it does.
 */
export function pickChunkSize(size: number, asked?: number): number | null {
  if (asked !== undefined) {
    return chunkCount(size, asked) <= CHUNKS_MAX ? asked : null;
  }
  const least = Math.ceil(size / CHUNKS_MAX);
  return Math.min(CHUNK_SIZE_MAX, Math.max(CHUNK_SIZE_DEFAULT, least));
}

/** Whether `type` is allowed by a list of `type/subtype` or `type/*`. */
export function typeAllowed(type: string, allowed: string[]): boolean {
  const [major] = type.split('/');
  return allowed.includes(type) || allowed.includes(`${major}/*`);
}

/** The indexes of received chunks, ascending. */
export function receivedIndexes(received: Record<string, string>): number[] {
  return Object.keys(received).map(Number).sort((a, b) => a - b);
}

/** The first missing chunk index, or null when all are there. */
export function firstMissing(received: Record<string, string>,
  count: number): number | null {
  for (let i = 0; i < count; i += 1) {
    if (!(String(i) in received)) return i;
  }
  return null;
}

/**
 * A `Content-Disposition` for downloading `name`: an ASCII fallback and
 * the real name as RFC 5987 `filename*`.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name)
    .replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** An inclusive byte range to send, or `unsatisfiable` (416). */
export type RangeRequest = { start: number; end: number } | 'unsatisfiable';

/**
 * Parses a single-range `Range: bytes=...` header against `size`. Null
 * means send the whole file: no header, another unit, several ranges or
 * a header we cannot read (RFC 9110 lets a server ignore Range).
 */
export function parseRange(header: string | undefined,
  size: number): RangeRequest | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size) return 'unsatisfiable';
  if (end < start) return null;
  return { start, end };
}
