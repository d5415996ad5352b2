import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, QueryRunner } from 'typeorm';

/**
 * SQLite through TypeORM has one connection for everything. Two
 * transactions that overlap in time fail ("cannot start a transaction
 * within a transaction"), and a plain query made while another request's
 * transaction is open becomes part of it, and is lost if it rolls back.
 * This makes them take turns: a transaction holds a lock from BEGIN to
 * COMMIT, and any query from outside it waits for the lock. Queries inside
 * the transaction are known by the async context they run in.
 */
export function serializeSqlite(db: DataSource): void {
  const lock = new Lock();
  const inTransaction = new AsyncLocalStorage<true>();

  const transaction = db.manager.transaction.bind(db.manager);
  db.manager.transaction = ((...args: Parameters<typeof transaction>) =>
    lock.run(() => inTransaction.run(true, () => transaction(...args)))
  ) as typeof db.manager.transaction;

  const runner: QueryRunner = db.driver.createQueryRunner('master');
  const query = runner.query.bind(runner);
  runner.query = ((...args: Parameters<typeof query>) =>
    (inTransaction.getStore() ? query(...args) : lock.run(() => query(...args)))
  ) as typeof runner.query;
}

/** A FIFO async lock. */
class Lock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
