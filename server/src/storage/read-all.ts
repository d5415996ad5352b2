import { Storage } from './storage';

/**
 * A stored file's bytes, for the few places that need them whole (a file
 * sent to WeCom, at most 20 MB); throws past `maxBytes`, never holding more.
 */
export async function readAll(storage: Storage, key: string,
  maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of storage.read(key)) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new Error(`${key} is larger than ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
