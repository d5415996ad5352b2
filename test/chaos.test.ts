import type { HandoverDetail, ItemView } from '@baton/shared';
import { OutboxMessage } from '../server/src/entities';
import { deliveredOnce, deliveries } from '../server/src/outbox/test-support';
import type { OutboxEntry } from '../server/src/outbox/outbox';
import { validFields } from './support/items';
import { Browser, loginAs, startTestServer } from './support/server';

/**
 * A whole handover, from start to completion, while 30 % of WeCom calls
 * fail: first with system busy (-1), rate limits (45009), a dropped token
 * (40014) or HTTP 500, then by timing out. Every group, card, progress
 * line and post must arrive exactly once, and nothing may be given up on.
 */
describe('a handover\'s life with 30 % of WeCom calls failing', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let hr: Browser;
  let departing: Browser;
  let successor: Browser;
  let manager: Browser;
  let id: string;

  const repo = () => server.services.db.getRepository(OutboxMessage);
  /** Sends until nothing is pending, moving time past each backoff. */
  const settle = async () => {
    for (let round = 0; round < 80; round++) {
      await server.services.outbox.kick();
      if (!(await repo().existsBy({ status: 'pending' }))) return;
      server.clock.advance(46 * 60_000); // past the longest backoff
    }
    throw new Error('the outbox never settled');
  };
  const ok = async <T>(call: Promise<{ status: number; body: T }>) => {
    const { status, body } = await call;
    if (status >= 300) throw new Error(`${status}: ${JSON.stringify(body)}`);
    return body;
  };

  beforeAll(async () => {
    server = await startTestServer('chaos', { WECOM_TIMEOUT_MS: '300' });
    hr = (await loginAs(server.url, 'wangfang')).browser;
    departing = (await loginAs(server.url, 'zhangwei')).browser;
    successor = (await loginAs(server.url, 'lina')).browser;
    manager = (await loginAs(server.url, 'liuyang')).browser;
    server.services.emulator!.setFaultRate({
      rate: 0.3, errcodes: [-1, 45009, 40014], httpStatuses: [500],
    });
  });
  afterAll(async () => {
    server.services.emulator?.setFaultRate(null);
    await server.close();
  });

  it('starts, fills, acknowledges, signs and completes through the storm', async () => {
    const templates = (await hr.json<{ items: { id: string; key: string }[] }>(
      '/api/templates')).body.items;
    const created = await ok(hr.post<HandoverDetail>('/api/handovers', {
      templateId: templates.find((t) => t.key === 'general_manager')!.id,
      departingUserid: 'zhangwei', successorUserid: 'lina', managerUserid: 'liuyang',
      lastWorkingDay: '2027-03-31',
    }));
    id = created.id;
    await ok(hr.post(`/api/handovers/${id}/start`, {}));
    await settle();

    // The first milestone is completed from its card, through a callback.
    const card = server.services.emulator!.inbox('zhangwei')
      .find((m) => m.msgtype === 'template_card')!;
    const click = await new Browser(server.url).post('/sandbox/api/click',
      { userid: 'zhangwei', task_id: card.card!.taskId, key: 'complete' });
    expect(click.status).toBe(200);
    await settle();

    const items = (await departing.json<{ items: ItemView[] }>(
      `/api/handovers/${id}/items`)).body.items;
    for (const [n, item] of items.entries()) {
      await ok(departing.json(`/api/handovers/${id}/items/${item.id}`, {
        method: 'PATCH', body: JSON.stringify({ fields: validFields(item.kind, n) }) }));
      await ok(departing.post(`/api/handovers/${id}/items/${item.id}/submit`, {}));
      await ok(successor.post(`/api/handovers/${id}/items/${item.id}/acknowledge`, {}));
    }
    await ok(hr.post(`/api/handovers/${id}/posts`, { text: '本周交接进展顺利。' }));
    await settle();

    // From here on, the failing 30 % time out instead (past 300 ms).
    server.services.emulator!.setFaultRate({ rate: 0.3, delayMs: 400 });

    const people: Record<string, Browser> = { departing, successor, manager, hr };
    const detail = await ok(hr.json<HandoverDetail>(`/api/handovers/${id}`));
    for (const m of detail.milestones) {
      if (m.doneAt || m.signers) continue;
      await ok(people[m.ownerRole].post(`/api/handovers/${id}/milestones/${m.id}/complete`, {}));
    }
    const signOff = detail.milestones.find((m) => m.signers)!;
    for (const signer of [successor, manager, hr]) {
      await ok(signer.post(`/api/handovers/${id}/milestones/${signOff.id}/sign`, {}));
    }
    await ok(hr.post(`/api/handovers/${id}/complete`, {}));
    await settle();

    const rows = await repo().find({ order: { id: 'ASC' } });
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    // The storm did hit (at 30 %, no fault in ~24 calls is 1 in 5000).
    expect(server.services.emulator!.callLog().some((c) => c.fault)).toBe(true);
    const countable = rows.filter((r) => ['message.send', 'appchat.send', 'appchat.create']
      .includes(r.kind)).map((r): OutboxEntry => ({
      kind: r.kind, payload: r.payload, dedupeKey: r.dedupeKey,
    }));
    expect(countable.length).toBeGreaterThan(10);
    expect(deliveries(server.services.emulator!, countable)).toEqual(deliveredOnce(countable));
    const chat = server.services.emulator!.chat(detail.chatId!)!;
    expect(chat.name.startsWith('【已完成】')).toBe(true);
  });
});
