import { EntityManager, EntityTarget, ObjectLiteral, QueryResult } from 'typeorm';
import { patch } from './partial';

/**
 * Inserts a row unless one with its unique key exists; true when this call
 * wrote it. It is how Baton makes things happen once across retries and
 * processes (callback receipts, outbox rows, reminder claims, tasks).
 *
 * The affected count comes from the driver, because TypeORM's insert
 * result cannot tell: on SQLite an ignored insert reports the last id of
 * an older row, and on MySQL reading an ignored row back throws.
 */
export async function insertOrIgnore<T extends ObjectLiteral>(manager: EntityManager,
  target: EntityTarget<T>, values: Partial<T>): Promise<boolean> {
  const [sql, parameters] = manager.createQueryBuilder().insert().into(target)
    .values(patch<T>(values)).orIgnore().getQueryAndParameters();
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, parameters, true) as QueryResult;
    return (result.affected ?? 0) > 0;
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
