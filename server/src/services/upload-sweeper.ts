import { DataSource, LessThan } from 'typeorm';
import type { Logger } from 'pino';
import { Clock } from '../clock';
import { lockMaterial } from '../commands/materialLock';
import { Material } from '../entities';
import { Storage } from '../storage/storage';

/** What `sweepAbandonedUploads` needs. */
export interface Props {
  db: DataSource;
  storage: Storage;
  clock: Clock;
  logger: Logger;
  /** An upload still unfinished this many days after it began is given up. */
  abandonDays: number;
}

/**
 * Gives up uploads nobody finished, so half files do not pile up in
 * STORAGE_DIR: a material still `uploading` `abandonDays` after it was
 * announced turns `failed` and its parts are deleted. A phone that comes
 * back later finds its upload failed and starts the file afresh. Safe with
 * several processes: the status changes under the material's lock, and
 * only the process that changed it deletes the parts. Resolves with how
 * many uploads it gave up.
 */
export async function sweepAbandonedUploads(props: Props): Promise<number> {
  const { db, storage, clock, logger, abandonDays } = props;
  const cutoff = new Date(clock.now() - abandonDays * 86_400_000);
  const stale = await db.manager.find(Material, {
    select: { id: true },
    where: { status: 'uploading', createdAt: LessThan(cutoff) },
  });

  let given = 0;
  for (const { id } of stale) {
    const abandoned = await db.transaction(async (manager) => {
      const material = await lockMaterial(manager, id);
      if (material.status !== 'uploading') return null;
      material.status = 'failed';
      return manager.save(material);
    });
    if (!abandoned) continue;
    await storage.removeParts(abandoned.storageKey);
    given += 1;
    logger.info({ materialId: id, handoverId: abandoned.handoverId,
      received: Object.keys(abandoned.receivedChunks).length },
    'abandoned upload given up');
  }
  return given;
}
