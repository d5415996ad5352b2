import { DataSource, In } from 'typeorm';
import { audit } from '../domain/audit';
import { CustomerTransfer, Handover } from '../entities';
import { WecomClient } from '../wecom/client';
import { WecomApiError } from '../wecom/errors';
import {
  ExternalContact, getCustomer, listCustomers, unassignedCustomers,
} from '../wecom/externalcontact';
import { CommandContext } from './context';
import { customerTransferMode } from './customerTransferMode';

/** How many `externalcontact/get` calls run at once. */
const PARALLEL_GETS = 10;

/**
 * Fetches the departing executive's WeCom customers and stores them: new
 * ones as `listed`, known ones with their name refreshed, and `listed` ones
 * WeCom no longer shows removed. Before the last day it reads
 * `externalcontact/list`; after it, `get_unassigned_list` (a member who
 * left has no list of their own). WeCom is read before the transaction.
 */
export async function customerLister(props: {
  db: DataSource; client: WecomClient; context: CommandContext;
  handover: Handover; actor: string;
}): Promise<{ listed: number; added: number }> {
  const { db, client, context, handover, actor } = props;
  const mode = await customerTransferMode(db.manager, context, handover);
  const ids = mode === 'on_job'
    ? await listCustomers(client, handover.departingUserid)
    : await resignedCustomers(client, handover.departingUserid);
  const contacts = await fetchContacts(client, [...new Set(ids)]);

  return db.transaction(async (manager) => {
    const now = new Date(context.clock.now());
    const known = await manager.find(CustomerTransfer,
      { where: { handoverId: handover.id } });
    const byId = new Map(known.map((row) => [row.externalUserid, row]));
    let added = 0;
    for (const contact of contacts) {
      const names = { name: contact.name.slice(0, 100),
        corpName: contact.corp_name?.slice(0, 100) ?? null };
      const row = byId.get(contact.external_userid);
      if (row) {
        await manager.update(CustomerTransfer, { id: row.id }, { ...names, updatedAt: now });
        continue;
      }
      await manager.insert(CustomerTransfer, {
        handoverId: handover.id, externalUserid: contact.external_userid, ...names,
        mode: null, status: 'listed', errcode: null, batchKey: null,
        requestedAt: null, finalAt: null, takenOverAt: null,
        createdAt: now, updatedAt: now,
      });
      added++;
    }
    const seen = new Set(contacts.map((c) => c.external_userid));
    const gone = known.filter((r) => r.status === 'listed' && !seen.has(r.externalUserid));
    if (gone.length) await manager.delete(CustomerTransfer, { id: In(gone.map((r) => r.id)) });

    await audit(manager, {
      actor, action: 'customers.listed', targetType: 'handover', targetId: handover.id,
      handoverId: handover.id, details: { mode, listed: contacts.length, added },
    }, now);
    return { listed: contacts.length, added };
  });
}

/**
 * A leaver's customers from `get_unassigned_list`. Until WeCom shows them
 * as left there are none there, so their own list is read instead (the
 * transfer will then say 40097 until the directory catches up).
 */
async function resignedCustomers(client: WecomClient,
  userid: string): Promise<string[]> {
  const unassigned = (await unassignedCustomers(client))
    .filter((c) => c.handover_userid === userid)
    .map((c) => c.external_userid);
  if (unassigned.length) return unassigned;
  try {
    return await listCustomers(client, userid);
  } catch (error) {
    if (error instanceof WecomApiError) return [];
    throw error;
  }
}

/** `externalcontact/get` for each id, a few at a time. */
async function fetchContacts(client: WecomClient,
  ids: string[]): Promise<ExternalContact[]> {
  const contacts: ExternalContact[] = [];
  for (let i = 0; i < ids.length; i += PARALLEL_GETS) {
    const batch = await Promise.all(ids.slice(i, i + PARALLEL_GETS)
      .map((id) => getCustomer(client, id)));
    contacts.push(...batch.map((b) => b.external_contact));
  }
  return contacts;
}
