import { EntityManager } from 'typeorm';
import { notFound } from '../errors';
import { Material } from '../entities';

/**
 * Loads a material for change inside a transaction. On MySQL the row is
 * locked (SELECT ... FOR UPDATE) so concurrent chunks do not overwrite
 * each other's entry in `received_chunks`; SQLite's transactions already
 * take turns (db/sqlite-serial.ts) and it has no row locks.
 */
export async function lockMaterial(manager: EntityManager,
  id: number): Promise<Material> {
  const sqlite = manager.connection.options.type === 'better-sqlite3';
  const found = await manager.findOne(Material, {
    where: { id },
    ...(sqlite ? {} : { lock: { mode: 'pessimistic_write' as const } }),
  });
  if (!found) throw notFound('material');
  return found;
}
