/**
 * Customer contact (客户联系) reads: externalcontact/list and
 * externalcontact/get (D:92113, D:92114). Transfers are in
 * customer-transfer.ts.
 */
import type { EndpointTable } from './cgi';
import type { EmulatorCore } from './core';
import { WecomError } from './errors';

/** The externalcontact/list and externalcontact/get endpoints. */
export function externalContactEndpoints(
  core: EmulatorCore,
): EndpointTable {
  return {
    'externalcontact/list': {
      method: 'GET',
      handler: ({ query }) => {
        const userid = query('userid');
        if (!userid) throw new WecomError(40063, 'userid');
        if (!core.person(userid)) throw new WecomError(40003);

        const external_userid = core.company.customers
          .filter((c) => c.follow_user.some((f) => f.userid === userid))
          .map((c) => c.external_userid);
        if (external_userid.length === 0) throw new WecomError(84061);
        return { external_userid };
      },
    },
    'externalcontact/get': {
      method: 'GET',
      handler: ({ query }) => {
        const id = query('external_userid');
        if (!id) throw new WecomError(40063, 'external_userid');
        const customer = core.customer(id);
        if (!customer) throw new WecomError(40096);

        const { follow_user: followers, ...contact } = customer;
        return {
          external_contact: contact,
          follow_user: followers.map((f) => ({
            ...f, tags: f.tags.map((t) => ({ ...t })),
          })),
        };
      },
    },
  };
}
