import {
  CustomerListResponse, type TransferCustomersRequest,
} from '@baton/shared';
import { request } from './http';

/**
 * The customer-transfer (客户继承) calls. They name the shared schema
 * statically, so zod comes with this module: import it from the customer
 * screens only, never through the `@/api` index (the first route).
 */

function customersPath(handoverId: string): string {
  return `/api/handovers/${encodeURIComponent(handoverId)}/customers`;
}

/**
 * `GET /api/handovers/:id/customers`: the departing executive's customers
 * as last read from WeCom, oldest first, each with its transfer status.
 * `actions` holds `transferCustomers` when the caller may transfer now;
 * 403 without `readCustomers`, 404 when the handover is not theirs to see.
 */
export function fetchCustomers(
  handoverId: string,
  signal?: AbortSignal,
): Promise<CustomerListResponse> {
  return request(customersPath(handoverId), CustomerListResponse, { signal });
}

/**
 * `POST .../customers/refresh`: reads the customers from WeCom again (new
 * ones come in as `listed`) and answers with the list. HR and the manager,
 * while the handover runs.
 */
export function refreshCustomers(
  handoverId: string,
): Promise<CustomerListResponse> {
  return request(`${customersPath(handoverId)}/refresh`, CustomerListResponse,
    { method: 'POST' });
}

/**
 * `POST .../customers/transfer`: queues the chosen customers' transfer to
 * the successor (202) and answers with the list, those customers now
 * `requested`. `message` goes to each customer on an on-the-job transfer;
 * 409 when one of them is already under way or taken over.
 */
export function transferCustomers(
  handoverId: string,
  input: TransferCustomersRequest,
): Promise<CustomerListResponse> {
  return request(`${customersPath(handoverId)}/transfer`, CustomerListResponse,
    { method: 'POST', body: input });
}
