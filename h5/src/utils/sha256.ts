import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';

/**
 * SHA-256 for uploads. A chunk is hashed by WebCrypto where the page may
 * use it (a secure context), else in JavaScript; the whole file is hashed
 * incrementally in JavaScript, chunk by chunk as they are read, because
 * WebCrypto cannot hash a stream and the file must never be held whole.
 * Import this module dynamically: it is only needed once an upload starts.
 */

/** A running SHA-256 over data fed in order. */
export interface Sha256Stream {
  update(data: Uint8Array): void;
  /** The hex digest of everything fed; the stream is finished after. */
  hex(): string;
}

/** Starts a running SHA-256. */
export function createSha256(): Sha256Stream {
  const hash = sha256.create();
  return {
    update: (data) => {
      hash.update(data);
    },
    hex: () => bytesToHex(hash.digest()),
  };
}

/** The hex SHA-256 of one chunk. */
export async function sha256Hex(data: Uint8Array<ArrayBuffer>): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    try {
      return bytesToHex(new Uint8Array(await subtle.digest('SHA-256', data)));
    } catch {
      // Some webviews expose subtle but refuse to digest: hash it here.
    }
  }
  return bytesToHex(sha256(data));
}
