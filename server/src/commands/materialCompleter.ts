import crypto from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { audit } from '../domain/audit';
import { chunkCount, firstMissing } from '../domain/materials';
import { conflict, validationError } from '../errors';
import { Material } from '../entities';
import type { Logger } from '../logger';
import { Storage } from '../storage/storage';
import { CommandContext } from './context';
import { lockMaterial } from './materialLock';

/** What `materialCompleter` needs. */
export interface Props {
  db: DataSource;
  storage: Storage;
  context: CommandContext;
  logger: Logger;
  material: Material;
  actor: string;
  /** Lower-case hex SHA-256 the client says the whole file has. */
  sha256: string;
}

/**
 * Finishes an upload: every chunk must be there and the whole file's
 * SHA-256 (computed by streaming the parts) must match, else a 400
 * naming `chunks` or `sha256` and the upload stays open to fix. Then the
 * parts are joined into one file, the material becomes `complete` and
 * the audit trail records it. A material already complete is returned
 * as it is.
 */
export async function materialCompleter(props: Props): Promise<Material> {
  const { db, storage, material, sha256 } = props;
  if (material.status === 'complete' && material.sha256 === sha256) return material;
  if (material.status !== 'uploading') throw conflict('the upload is finished');

  const count = chunkCount(material.size, material.chunkSize);
  const missing = firstMissing(material.receivedChunks, count);
  if (missing !== null) {
    throw validationError(`chunk ${missing} has not been received`, 'chunks');
  }
  const hash = crypto.createHash('sha256');
  await pipeline(storage.readParts(material.storageKey, count), hash);
  if (hash.digest('hex') !== sha256) {
    throw validationError('the file does not match sha256', 'sha256');
  }

  await assemble(props, count);
  return db.transaction(async (manager) => {
    const current = await lockMaterial(manager, material.id);
    if (current.status !== 'uploading') return current;
    const now = new Date(props.context.clock.now());
    Object.assign(current, { status: 'complete', sha256, completedAt: now });
    await audit(manager, {
      actor: props.actor, action: 'material.completed', targetType: 'material',
      targetId: current.id, handoverId: current.handoverId,
      details: { name: current.name, size: current.size, sha256,
        itemId: current.itemId },
    }, now);
    return manager.save(current);
  });
}

/** Joins the parts into the file and drops them; `failed` if that breaks. */
async function assemble(props: Props, count: number): Promise<void> {
  const { db, storage, material } = props;
  const key = material.storageKey;
  try {
    await storage.write(key, storage.readParts(key, count));
    if (await storage.size(key) !== material.size) {
      throw new Error('assembled file has the wrong size');
    }
  } catch (err) {
    props.logger.error({ err, materialId: material.id }, 'material assembly failed');
    await db.getRepository(Material).update(material.id, { status: 'failed' });
    await storage.remove(key);
    throw err;
  }
  await storage.removeParts(key);
}
