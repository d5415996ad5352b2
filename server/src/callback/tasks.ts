import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../clock';
import { patch } from '../db/partial';
import { DrainLoop, dueAndUnclaimed } from '../db/work-queue';
import { CallbackTask } from '../entities';
import { insertOrIgnore } from '../db/insert-or-ignore';
import type { Logger } from '../logger';

const CLAIM_MS = 60_000;
const MAX_ATTEMPTS = 8;

/** What a callback leaves for after its transaction. */
export interface TaskEntry {
  kind: string;
  payload: Record<string, unknown>;
  /** The same key queued twice keeps the first task. */
  dedupeKey: string;
}

/**
 * Runs one task outside any transaction; resolves with what to keep as its
 * result. Throwing a `TaskSkipped` ends it for good; anything else retries.
 */
export type TaskRunner = (task: CallbackTask) => Promise<Record<string, unknown>>;

/** A task that can never succeed (e.g. the approval lacks a successor). */
export class TaskSkipped extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Queues a task inside the callback's transaction. */
export async function queueTask(manager: EntityManager, entry: TaskEntry,
  now: Date): Promise<void> {
  await insertOrIgnore(manager, CallbackTask, {
    kind: entry.kind, payload: entry.payload,
    dedupeKey: entry.dedupeKey.slice(0, 191), status: 'pending',
    attempts: 0, nextAttemptAt: now, createdAt: now,
  });
}

/**
 * Runs due callback tasks: kicked after each callback commits and by a
 * job every minute. Like the outbox, a task is claimed by a conditional
 * update, so with several processes each runs once; a failed try is
 * retried with backoff, up to MAX_ATTEMPTS.
 */
export class CallbackTasks {
  private readonly loop = new DrainLoop(() => this.runDue(20), 20);

  constructor(private readonly deps: {
    db: DataSource; clock: Clock; logger: Logger;
    runners: Record<string, TaskRunner>;
  }) {}

  /** Runs what is due; resolves with how many tasks finished. */
  kick(): Promise<number> {
    return this.loop.kick();
  }

  /** Resolves once no task is under way (for shutdown). */
  idle(): Promise<void> {
    return this.loop.idle();
  }

  private async runDue(limit: number): Promise<number> {
    const repo = this.deps.db.getRepository(CallbackTask);
    const now = new Date(this.deps.clock.now());
    const due = await repo.find({
      where: dueAndUnclaimed(now), order: { id: 'ASC' }, take: limit,
    });
    let finished = 0;
    for (const task of due) {
      if (await this.claim(task, now) && await this.run(task)) finished++;
    }
    return finished;
  }

  private async claim(task: CallbackTask, now: Date): Promise<boolean> {
    const result = await this.deps.db.createQueryBuilder().update(CallbackTask)
      .set(patch<CallbackTask>({ claimedUntil: new Date(now.getTime() + CLAIM_MS),
        attempts: task.attempts + 1 }))
      .where('id = :id AND status = :status AND attempts = :attempts',
        { id: task.id, status: 'pending', attempts: task.attempts })
      .execute();
    task.attempts += 1;
    return (result.affected ?? 0) > 0;
  }

  /** Runs one claimed task and records the outcome; true when it ended. */
  private async run(task: CallbackTask): Promise<boolean> {
    const { db, clock, logger } = this.deps;
    const repo = db.getRepository(CallbackTask);
    const runner = this.deps.runners[task.kind];
    try {
      if (!runner) throw new TaskSkipped(`no runner for ${task.kind}`);
      const result = await runner(task);
      await repo.update(task.id, patch<CallbackTask>({ status: 'done', result,
        claimedUntil: null, doneAt: new Date(clock.now()) }));
      logger.info({ taskId: task.id, kind: task.kind }, 'callback task done');
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const skipped = error instanceof TaskSkipped;
      const last = skipped || task.attempts >= MAX_ATTEMPTS;
      const delay = Math.min(3_600_000, 15_000 * 2 ** (task.attempts - 1));
      await repo.update(task.id, patch<CallbackTask>({
        status: skipped ? 'skipped' : last ? 'failed' : 'pending',
        lastError: message.slice(0, 1000), claimedUntil: null,
        nextAttemptAt: new Date(clock.now() + delay),
        doneAt: last ? new Date(clock.now()) : null,
      }));
      logger.warn({ taskId: task.id, kind: task.kind, attempts: task.attempts,
        skipped, error: message }, 'callback task did not finish');
      return last;
    }
  }
}
