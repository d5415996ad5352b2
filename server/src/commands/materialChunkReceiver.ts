import crypto from 'node:crypto';
import { pipeline, Readable, Transform, TransformCallback } from 'node:stream';
import { DataSource } from 'typeorm';
import { conflict, validationError } from '../errors';
import { Material } from '../entities';
import { Storage } from '../storage/storage';
import { lockMaterial } from './materialLock';

/** What `materialChunkReceiver` needs. */
export interface Props {
  db: DataSource;
  storage: Storage;
  material: Material;
  index: number;
  /** The exact length chunk `index` must have. */
  length: number;
  /** Lower-case hex SHA-256 the client says the chunk has. */
  sha256: string;
  /** The request body, streamed: never buffered whole. */
  source: Readable;
}

/** The header that carries a chunk's hash, named in its errors. */
export const CHUNK_SHA_HEADER = 'X-Chunk-Sha256';

/**
 * Streams one chunk into storage, hashing and counting it on the way,
 * and records it as received only when its length and SHA-256 match.
 * A chunk already received with the same hash is accepted again without
 * rewriting; with another hash it is a 409. Resolves with the material
 * as it now stands.
 */
export async function materialChunkReceiver(props: Props): Promise<Material> {
  const { db, storage, material, index, length, sha256, source } = props;
  const known = material.receivedChunks[String(index)];
  if (known !== undefined) {
    source.resume();
    if (known !== sha256) throw conflict(`chunk ${index} was received with another hash`);
    return material;
  }

  const meter = new ChunkMeter(length);
  const written = await storage.writePart(material.storageKey, index,
    pipeline(source, meter, () => undefined)).catch(cutShort);
  const problem = written !== length
    ? validationError(`chunk ${index} is ${written} bytes, expected ${length}`, 'body')
    : meter.hex() !== sha256
      ? validationError(`chunk ${index} does not match its SHA-256`, CHUNK_SHA_HEADER)
      : null;
  if (problem) {
    await storage.removePart(material.storageKey, index);
    throw problem;
  }

  const saved = await db.transaction(async (manager) => {
    const current = await lockMaterial(manager, material.id);
    if (current.status !== 'uploading') return null;
    current.receivedChunks = { ...current.receivedChunks, [String(index)]: sha256 };
    return manager.save(current);
  });
  if (!saved) {
    // Finished, or given up as abandoned, while this chunk streamed in: its
    // part must not outlive the sweep that already cleaned the others.
    await storage.removePart(material.storageKey, index);
    throw conflict('the upload is finished');
  }
  return saved;
}

/** A connection dropped mid-chunk is the client's doing: a 400, not a 500. */
function cutShort(err: unknown): never {
  if ((err as NodeJS.ErrnoException).code === 'ECONNRESET') {
    throw validationError('the chunk did not arrive whole', 'body');
  }
  throw err;
}

/** Hashes what passes and fails once more than `limit` bytes arrive. */
class ChunkMeter extends Transform {
  private readonly hash = crypto.createHash('sha256');
  private bytes = 0;

  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) {
      done(validationError(`the chunk is longer than ${this.limit} bytes`, 'body'));
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }

  /** The hex SHA-256 of everything that passed. */
  hex(): string {
    return this.hash.digest('hex');
  }
}
