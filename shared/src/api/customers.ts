import { z } from 'zod';

/**
 * Where one customer's transfer (客户继承) stands: `listed` until HR picks
 * it, `requested` while the call is queued, `waiting` for the customer
 * (WeCom settles after 24 h), then `taken_over`, `refused` (by the
 * customer), `limit` (the successor has too many customers) or `failed`
 * (WeCom refused the call; `errcode` says why).
 */
export const CUSTOMER_TRANSFER_STATUSES = [
  'listed', 'requested', 'waiting', 'taken_over', 'refused', 'limit', 'failed',
] as const;
export type CustomerTransferStatus = (typeof CUSTOMER_TRANSFER_STATUSES)[number];

/** On the job before the last working day, as resigned after it. */
export const CUSTOMER_TRANSFER_MODES = ['on_job', 'resigned'] as const;
export type CustomerTransferMode = (typeof CUSTOMER_TRANSFER_MODES)[number];

/** One of the departing executive's WeCom customers and its transfer. */
export const CustomerView = z.object({
  externalUserid: z.string(),
  name: z.string(),
  corpName: z.string().nullable(),
  status: z.enum(CUSTOMER_TRANSFER_STATUSES),
  mode: z.enum(CUSTOMER_TRANSFER_MODES).nullable(),
  /** WeCom's errcode when the transfer could not start. */
  errcode: z.number().nullable(),
  requestedAt: z.string().nullable(),
  finalAt: z.string().nullable(),
  takenOverAt: z.string().nullable(),
  /** Client items whose `externalUserid` is this customer. */
  itemIds: z.array(z.string()),
});
export type CustomerView = z.infer<typeof CustomerView>;

/** `GET /api/handovers/:id/customers`. */
export const CustomerListResponse = z.object({
  customers: z.array(CustomerView),
  /** Transfer status per linked client item id. */
  itemStatuses: z.record(z.string(), z.enum(CUSTOMER_TRANSFER_STATUSES)),
  /** `transferCustomers` when the caller may list and transfer now. */
  actions: z.array(z.string()),
});
export type CustomerListResponse = z.infer<typeof CustomerListResponse>;

/** `POST /api/handovers/:id/customers/transfer`: HR's choice. */
export const TransferCustomersRequest = z.object({
  externalUserids: z.array(z.string().regex(/^[\w-]{1,64}$/)).min(1).max(1000),
  /** Sent to each customer on an on-the-job transfer (WeCom: <= 200). */
  message: z.string().trim().min(1).max(200).optional(),
}).strict();
export type TransferCustomersRequest = z.infer<typeof TransferCustomersRequest>;
