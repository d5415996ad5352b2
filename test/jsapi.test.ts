import crypto from 'node:crypto';
import type { JsapiConfigResponse } from '@baton/shared';
import { Browser, loginAs, startTestServer } from './support/server';

type Started = Awaited<ReturnType<typeof startTestServer>>;

/** WECOM.md §9's signature, computed here independently of the server. */
function expectedSignature(ticket: string, nonceStr: string,
  timestamp: number, url: string): string {
  return crypto.createHash('sha1')
    .update(`jsapi_ticket=${ticket}&noncestr=${nonceStr}`
      + `&timestamp=${timestamp}&url=${url}`)
    .digest('hex');
}

describe('GET /api/wecom/jsapi-config', () => {
  let server: Started;
  let zhangwei: Browser;

  const config = (as: Browser, url: string) => as.json<JsapiConfigResponse
    & { error: { id: string; field?: string } }>(
    `/api/wecom/jsapi-config?url=${encodeURIComponent(url)}`);

  beforeAll(async () => {
    server = await startTestServer('jsapi', {}, { seed: true });
    zhangwei = (await loginAs(server.url, 'zhangwei')).browser;
  });
  afterAll(() => server.close());

  it('signs the page URL, without its fragment, with both tickets', async () => {
    const page = `${server.services.env.publicUrl}/handovers/1?from=card`;
    const answer = await config(zhangwei, `${page}#materials`);
    expect(answer.status).toBe(200);

    // The emulator hands out the same ticket while it is valid.
    const { wecom } = server.services;
    const corpTicket = (await wecom.get<{ ticket: string }>('get_jsapi_ticket')).ticket;
    const agentTicket = (await wecom.get<{ ticket: string }>('ticket/get',
      { type: 'agent_config' })).ticket;
    const { corp, agent } = answer.body;
    expect(answer.body.corpId).toBe(server.services.env.wecom.corpId);
    expect(answer.body.agentId).toBe(server.services.env.wecom.agentId);
    expect(corp.signature).toBe(
      expectedSignature(corpTicket, corp.nonceStr, corp.timestamp, page));
    expect(agent.signature).toBe(
      expectedSignature(agentTicket, agent.nonceStr, agent.timestamp, page));
    expect(Math.abs(corp.timestamp - server.clock.now() / 1000)).toBeLessThan(5);
  });

  it('fetches each ticket once and reuses it from the cache', async () => {
    const before = server.services.emulator!.callCounts();
    const page = `${server.services.env.publicUrl}/`;
    const first = await config(zhangwei, page);
    const second = await config(zhangwei, page);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body.corp.nonceStr).not.toBe(first.body.corp.nonceStr);

    const after = server.services.emulator!.callCounts();
    expect(after.get_jsapi_ticket ?? 0).toBe(before.get_jsapi_ticket ?? 0);
    expect(after['ticket/get'] ?? 0).toBe(before['ticket/get'] ?? 0);
  });

  it('refuses a URL that is not one of our pages, naming url', async () => {
    const { publicUrl } = server.services.env;
    for (const url of ['https://evil.example/handovers/1',
      `${publicUrl}.evil.example/`, '']) {
      const answer = await config(zhangwei, url);
      expect(answer.status).toBe(400);
      expect(answer.body.error.field).toBe('url');
    }
    const missing = await zhangwei.json<{ error: { field: string } }>(
      '/api/wecom/jsapi-config');
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('url');
  });

  it('answers 401 to someone not logged in', async () => {
    const stranger = new Browser(server.url);
    const answer = await config(stranger, `${server.services.env.publicUrl}/`);
    expect(answer.status).toBe(401);
  });

  it('answers 502 when WeCom gives no ticket', async () => {
    const fresh = await startTestServer('jsapi-fault', {}, { seed: true });
    try {
      const lina = (await loginAs(fresh.url, 'lina')).browser;
      fresh.services.emulator!.addFault({ endpoint: 'get_jsapi_ticket', count: 1,
        errcode: 48002 });
      const answer = await config(lina, `${fresh.services.env.publicUrl}/`);
      expect(answer.status).toBe(502);
      expect(answer.body.error.id).toBe('wecom_unavailable');
    } finally {
      await fresh.close();
    }
  });
});
