import type { CustomerTransferMode, CustomerTransferStatus } from '@baton/shared';
import { EntityManager, In } from 'typeorm';
import { audit } from '../domain/audit';
import { HandoverRecord } from '../domain/handover-record';
import { CustomerTransfer } from '../entities';
import { conflict, validationError } from '../errors';
import type {
  CustomerTransferPayload, GroupTransferPayload,
} from '../outbox/customer-senders';
import { enqueue } from '../outbox/outbox';
import { CommandContext } from './context';
import { customerTransferMode } from './customerTransferMode';

/** WeCom takes at most this many customers per transfer call. */
export const TRANSFER_BATCH = 100;

/** Rows that may be (re)requested: never started, or ended without success. */
const TRANSFERABLE: CustomerTransferStatus[] = ['listed', 'refused', 'limit', 'failed'];

/**
 * Queues the transfer of HR's chosen customers to the successor, in the
 * caller's transaction: one outbox row per 100 customers (on the job before
 * the last working day, as resigned after it) and one moving the departing
 * executive's customer groups. The rows become `requested` with the batch's
 * outbox key; the customer-transfer poller applies each batch's answer.
 */
export async function customerTransferrer(props: {
  manager: EntityManager; context: CommandContext; record: HandoverRecord;
  actor: string; externalUserids: string[]; message?: string;
}): Promise<{ mode: CustomerTransferMode; requested: number; batches: number }> {
  const { manager, context, record, actor } = props;
  const { handover } = record;
  const now = new Date(context.clock.now());
  const ids = [...new Set(props.externalUserids)];
  const rows = await chosenRows(manager, handover.id, ids);
  const mode = await customerTransferMode(manager, context, handover);
  const message = props.message ?? defaultMessage(record);

  const batches = Math.ceil(rows.length / TRANSFER_BATCH);
  for (let i = 0; i < batches; i++) {
    const batch = rows.slice(i * TRANSFER_BATCH, (i + 1) * TRANSFER_BATCH);
    const batchKey = `customer-transfer:${handover.id}:${now.getTime()}:${i}`;
    const payload: CustomerTransferPayload = {
      mode, handover_userid: handover.departingUserid,
      takeover_userid: handover.successorUserid,
      external_userid: batch.map((r) => r.externalUserid),
      ...(mode === 'on_job' ? { transfer_success_msg: message } : {}),
    };
    await enqueue(manager, { kind: 'externalcontact.transfer', dedupeKey: batchKey,
      payload: { ...payload } }, now);
    const result = await manager.update(CustomerTransfer,
      { id: In(batch.map((r) => r.id)), status: In(TRANSFERABLE) },
      { status: 'requested', mode, batchKey, errcode: null, requestedAt: now,
        finalAt: null, takenOverAt: null, updatedAt: now });
    if (result.affected !== batch.length) throw conflict('客户转接已在进行中');
  }

  const groups: GroupTransferPayload = {
    mode, owner: handover.departingUserid, new_owner: handover.successorUserid,
  };
  await enqueue(manager, { kind: 'externalcontact.groupchat_transfer',
    dedupeKey: `customer-groups:${handover.id}:${now.getTime()}`, payload: { ...groups } }, now);
  await audit(manager, {
    actor, action: 'customers.transfer_requested', targetType: 'handover',
    targetId: handover.id, handoverId: handover.id,
    details: { mode, customers: rows.length, batches },
  }, now);
  return { mode, requested: rows.length, batches };
}

/** The chosen rows: 400 for ids never listed, 409 for ones under way or done. */
async function chosenRows(manager: EntityManager, handoverId: number,
  ids: string[]): Promise<CustomerTransfer[]> {
  const rows = await manager.find(CustomerTransfer, {
    where: { handoverId, externalUserid: In(ids) }, order: { id: 'ASC' },
  });
  const found = new Set(rows.map((r) => r.externalUserid));
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length) {
    throw validationError(`not a listed customer: ${unknown.slice(0, 3).join(', ')}`,
      'externalUserids');
  }
  if (rows.some((r) => !TRANSFERABLE.includes(r.status))) {
    throw conflict('有客户正在转接或已转接');
  }
  return rows;
}

/** What the customer reads on an on-the-job transfer (WeCom: <= 200). */
function defaultMessage(record: HandoverRecord): string {
  const name = (userid: string) => record.names.get(userid) ?? userid;
  return `您好，${name(record.handover.departingUserid)}的工作已交接，` +
    `后续将由${name(record.handover.successorUserid)}为您服务。`;
}
