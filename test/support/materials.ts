import crypto from 'node:crypto';
import type { MaterialView } from '@baton/shared';
import { Browser } from './server';

/** Hex SHA-256 of some bytes. */
export const sha256 = (data: Uint8Array) =>
  crypto.createHash('sha256').update(data).digest('hex');

/** `POST .../materials`: announces an upload. */
export function announce(browser: Browser, handoverId: string,
  body: Record<string, unknown>) {
  return browser.post<MaterialView & { error: { field: string } }>(
    `/api/handovers/${handoverId}/materials`, body);
}

/** `PUT .../chunks/:index` with the chunk's hash (or the one given). */
export function sendChunk(browser: Browser, path: string, index: number,
  data: Uint8Array, hash = sha256(data)) {
  return browser.json<MaterialView & { error: { field: string } }>(
    `${path}/chunks/${index}`, {
      method: 'PUT', body: data,
      headers: { 'content-type': 'application/octet-stream',
        'x-chunk-sha256': hash },
    });
}

/**
 * Starts sending a chunk, sends `sent` bytes of it, then drops the
 * connection, as a phone losing its signal does.
 */
export async function sendHalfAndDrop(browser: Browser, path: string,
  index: number, data: Uint8Array, sent: number): Promise<void> {
  const abort = new AbortController();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(data.subarray(0, sent));
    },
  });
  const request = browser.fetch(`${path}/chunks/${index}`, {
    method: 'PUT', body, signal: abort.signal,
    headers: { 'content-type': 'application/octet-stream',
      'content-length': String(data.length), 'x-chunk-sha256': sha256(data) },
    duplex: 'half',
  } as RequestInit);
  await new Promise((resolve) => setTimeout(resolve, 200));
  abort.abort();
  await request.catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 100));
}

/**
 * Chunk `index` of a large test file, cheap and the same every time,
 * written into `into` (reused, so the test makes little garbage itself).
 */
export function patternChunk(index: number, length: number,
  into: Buffer): Buffer {
  const chunk = into.subarray(0, length).fill(index % 251);
  chunk.writeUInt32BE(index, 0);
  return chunk;
}
