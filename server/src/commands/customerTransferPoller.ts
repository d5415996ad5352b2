import type { CustomerTransferMode, CustomerTransferStatus } from '@baton/shared';
import { DataSource, In } from 'typeorm';
import { Clock } from '../clock';
import { CustomerTransfer, Handover, OutboxMessage } from '../entities';
import type { Logger } from '../logger';
import { WecomClient } from '../wecom/client';
import { CustomerTransferAnswer, transferResults } from '../wecom/externalcontact';

/** WeCom's transfer_result status to ours; 2 (waiting) leaves the row as it is. */
const SETTLED: Record<number, CustomerTransferStatus> = {
  1: 'taken_over', 3: 'refused', 4: 'limit', 5: 'failed',
};

/** What the poller needs. */
export interface PollerDeps {
  db: DataSource;
  client: WecomClient;
  clock: Clock;
  logger: Logger;
}

/**
 * Moves customer transfers forward until each is final. First, requested
 * rows whose outbox batch has been sent take its per-customer answer
 * (errcode 0: waiting; else failed) and those whose batch failed for good
 * become failed. Then every handover/successor pair with waiting rows is
 * asked `transfer_result` and its rows settle: taken over, refused, at
 * limit. Every write is conditional on the row's status, so several
 * processes may poll at once; a pair WeCom cannot answer is retried next time.
 */
export async function customerTransferPoller(deps: PollerDeps):
Promise<{ applied: number; settled: number }> {
  const applied = await applyBatches(deps);
  const settled = await pollWaiting(deps);
  if (applied || settled) {
    deps.logger.info({ applied, settled }, 'customer transfers moved on');
  }
  return { applied, settled };
}

/** Requested rows take their sent or failed batch's answer. */
async function applyBatches(deps: PollerDeps): Promise<number> {
  const { db, clock } = deps;
  const requested = await db.getRepository(CustomerTransfer)
    .findBy({ status: 'requested' });
  const keys = [...new Set(requested.flatMap((r) => (r.batchKey ? [r.batchKey] : [])))];
  if (!keys.length) return 0;
  const batches = await db.getRepository(OutboxMessage).findBy({ dedupeKey: In(keys) });
  const now = new Date(clock.now());

  let applied = 0;
  for (const batch of batches) {
    if (batch.status === 'pending') continue;
    const answers = new Map(answersOf(batch).map((a) => [a.external_userid, a.errcode]));
    const failedCode = batch.status === 'failed' ? errcodeOf(batch.lastError) : null;
    for (const row of requested.filter((r) => r.batchKey === batch.dedupeKey)) {
      const errcode = batch.status === 'sent' ? answers.get(row.externalUserid) ?? null
        : failedCode;
      const started = batch.status === 'sent' && errcode === 0;
      const result = await db.getRepository(CustomerTransfer).update(
        { id: row.id, status: 'requested' },
        started ? { status: 'waiting', errcode: null, updatedAt: now }
          : { status: 'failed', errcode, finalAt: now, updatedAt: now });
      applied += result.affected ?? 0;
    }
  }
  return applied;
}

/** The per-customer answers kept as a sent batch's result. */
function answersOf(batch: OutboxMessage): CustomerTransferAnswer[] {
  const list = batch.result?.customer;
  return Array.isArray(list) ? list as CustomerTransferAnswer[] : [];
}

/** The errcode in a WecomApiError's message, if the failure was one. */
function errcodeOf(lastError: string | null): number | null {
  const match = /errcode (-?\d+)/.exec(lastError ?? '');
  return match ? Number(match[1]) : null;
}

/** Asks WeCom how waiting transfers went, one pair and mode at a time. */
async function pollWaiting(deps: PollerDeps): Promise<number> {
  const { db, client, clock, logger } = deps;
  const waiting = await db.getRepository(CustomerTransfer).findBy({ status: 'waiting' });
  if (!waiting.length) return 0;
  const handovers = await db.getRepository(Handover)
    .findBy({ id: In([...new Set(waiting.map((r) => r.handoverId))]) });

  let settled = 0;
  for (const handover of handovers) {
    for (const mode of ['on_job', 'resigned'] as CustomerTransferMode[]) {
      const rows = waiting.filter((r) => r.handoverId === handover.id && r.mode === mode);
      if (!rows.length) continue;
      try {
        const states = await transferResults(client, mode, {
          handover_userid: handover.departingUserid,
          takeover_userid: handover.successorUserid,
        });
        // The newest record of a customer comes last.
        const latest = new Map(states.map((s) => [s.external_userid, s]));
        const now = new Date(clock.now());
        for (const row of rows) {
          const state = latest.get(row.externalUserid);
          const status = state ? SETTLED[state.status] : undefined;
          if (!state || !status) continue;
          const takenOverAt = status === 'taken_over' && state.takeover_time
            ? new Date(state.takeover_time * 1000) : null;
          const result = await db.getRepository(CustomerTransfer).update(
            { id: row.id, status: 'waiting' },
            { status, finalAt: now, takenOverAt, updatedAt: now });
          settled += result.affected ?? 0;
        }
      } catch (err) {
        logger.warn({ err, handoverId: handover.id, mode },
          'customer transfer results not read');
      }
    }
  }
  return settled;
}
