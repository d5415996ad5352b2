/**
 * JS-SDK tickets (D:90506): the corp ticket for `config` and the app ticket
 * for `agentConfig`, each reused while valid like the live service.
 */
import { randomBytes } from 'node:crypto';

import type { EndpointTable } from './cgi';
import type { EmulatorCore } from './core';
import { WecomError } from './errors';
import { TOKEN_TTL_S } from './tokens';

interface Ticket {
  value: string;
  expiresAtMs: number;
}

/** One ticket as saved. */
export interface TicketSnapshot extends Ticket {
  kind: 'corp' | 'agent';
}

/** The two tickets of the emulated app. */
export class JsapiTickets {
  private readonly tickets = new Map<'corp' | 'agent', Ticket>();

  constructor(private readonly core: EmulatorCore) {}

  /** The live ticket of that kind, made anew once expired. */
  get(kind: 'corp' | 'agent'): { ticket: string; expires_in: number } {
    const now = this.core.nowMs();
    let ticket = this.tickets.get(kind);
    if (!ticket || ticket.expiresAtMs <= now) {
      ticket = {
        value: randomBytes(64).toString('base64url'),
        expiresAtMs: now + TOKEN_TTL_S * 1000,
      };
      this.tickets.set(kind, ticket);
    }
    const left = Math.ceil((ticket.expiresAtMs - now) / 1000);
    return { ticket: ticket.value, expires_in: left };
  }

  /** Both tickets, expired ones included (they are simply replaced). */
  snapshot(): TicketSnapshot[] {
    return [...this.tickets].map(([kind, t]) => ({ kind, ...t }));
  }

  /** Replaces the tickets with saved ones. */
  restore(saved: TicketSnapshot[]): void {
    this.tickets.clear();
    for (const { kind, value, expiresAtMs } of saved) {
      this.tickets.set(kind, { value, expiresAtMs });
    }
  }
}

/** The get_jsapi_ticket and ticket/get endpoints. */
export function jsapiEndpoints(tickets: JsapiTickets): EndpointTable {
  return {
    get_jsapi_ticket: {
      method: 'GET',
      handler: () => tickets.get('corp'),
    },
    'ticket/get': {
      method: 'GET',
      handler: ({ query }) => {
        if (query('type') !== 'agent_config') {
          throw new WecomError(40058, 'type must be agent_config');
        }
        return tickets.get('agent');
      },
    },
  };
}
