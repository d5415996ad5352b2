import type {
  CustomerListResponse, CustomerTransferStatus, CustomerView,
} from '@baton/shared';
import { CustomerTransfer, HandoverItem } from '../entities';
import { HandoverAccess } from '../policies/access';

/** Client items by the WeCom customer their `externalUserid` names. */
function clientItemsByCustomer(items: HandoverItem[]): Map<string, string[]> {
  const byCustomer = new Map<string, string[]>();
  for (const item of items) {
    const externalUserid = item.kind === 'client' ? item.fields.externalUserid : null;
    if (typeof externalUserid !== 'string') continue;
    byCustomer.set(externalUserid,
      [...(byCustomer.get(externalUserid) ?? []), String(item.id)]);
  }
  return byCustomer;
}

/** One customer row as the API shows it. */
export function presentCustomer(row: CustomerTransfer, itemIds: string[]): CustomerView {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    externalUserid: row.externalUserid, name: row.name, corpName: row.corpName,
    status: row.status, mode: row.mode, errcode: row.errcode,
    requestedAt: iso(row.requestedAt), finalAt: iso(row.finalAt),
    takenOverAt: iso(row.takenOverAt), itemIds,
  };
}

/**
 * A handover's customers with their transfer status, the status of each
 * client item linked to one, and whether the caller may transfer now.
 */
export function presentCustomers(access: HandoverAccess,
  rows: CustomerTransfer[]): CustomerListResponse {
  const linked = clientItemsByCustomer(access.record.items);
  const itemStatuses: Record<string, CustomerTransferStatus> = {};
  const customers = rows.map((row) => {
    const itemIds = linked.get(row.externalUserid) ?? [];
    for (const id of itemIds) itemStatuses[id] = row.status;
    return presentCustomer(row, itemIds);
  });
  return {
    customers, itemStatuses,
    actions: access.actions.has('transferCustomers') ? ['transferCustomers'] : [],
  };
}
