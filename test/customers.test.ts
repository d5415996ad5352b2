import type { CustomerListResponse, CustomerView, HandoverDetail, ItemView } from '@baton/shared';
import { customerTransferPoller } from '../server/src/commands/customerTransferPoller';
import { OutboxMessage } from '../server/src/entities';
import { RunningServer } from '../server/src/server';
import type { WecomEmulator } from '../server/src/sandbox/emulator';
import { transferCustomers } from '../server/src/wecom/externalcontact';
import { type Cast, loginCast, must, send } from './support/cast';
import { activeHandover, draftHandover, itemRequest } from './support/handover-factory';
import { validFields } from './support/items';
import { startTestServer } from './support/server';

/**
 * Customer transfer (客户继承) through HTTP and the emulator: HR lists
 * 张伟's WeCom customers, chooses some, and Baton moves them to 李娜 on the
 * job or, after the last day, as resigned; the poller follows each one
 * until WeCom settles it 24 h later.
 */
const HUAXIN = 'wmDemoHuaxinJixie0001';
const DONGFANG = 'wmDemoDongfangJingmi02';
const JINQIAO = 'wmDemoJinqiaoMaoyi003';
const ZHOUMIN = 'wmDemoZhouMinWechat04';
const DAY_MS = 24 * 3600 * 1000;

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** One server with everyone logged in and an active 张伟 → 李娜 handover. */
async function setUp(name: string, overrides: Record<string, unknown> = {}) {
  const server = await startTestServer(name);
  const cast = await loginCast(server.url);
  const handover = await activeHandover(cast.hr, overrides);
  await server.services.outbox.kick();
  return { server, cast, id: handover.id, emulator: server.services.emulator! };
}

const path = (id: string, rest = '') => `/api/handovers/${id}/customers${rest}`;

/** Status by external userid. */
function statuses(list: CustomerListResponse): Record<string, string> {
  return Object.fromEntries(list.customers.map((c) => [c.externalUserid, c.status]));
}

/** Sends what is queued, then lets the poller apply and read results. */
async function sendAndPoll(server: RunningServer) {
  await server.services.outbox.kick();
  return poll(server);
}

function poll(server: RunningServer) {
  const { db, wecom, clock, logger } = server.services;
  return customerTransferPoller({ db, client: wecom, clock, logger });
}

/** Transfer batches the outbox holds, oldest first. */
function transferRows(server: RunningServer) {
  return server.services.db.getRepository(OutboxMessage)
    .find({ where: { kind: 'externalcontact.transfer' }, order: { id: 'ASC' } });
}

/** Transfers WeCom started per customer (the emulator's record). */
function startedPerCustomer(emulator: WecomEmulator): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of emulator.customerTransfers()) {
    counts[r.externalUserid] = (counts[r.externalUserid] ?? 0) + 1;
  }
  return counts;
}

describe('customer transfer on the job', () => {
  let server: Server;
  let cast: Cast;
  let id: string;
  let emulator: WecomEmulator;
  let itemId: string;

  beforeAll(async () => {
    ({ server, cast, id, emulator } = await setUp('customers-onjob'));
    const item = await must<ItemView>(cast.departing, 'POST', `/api/handovers/${id}/items`,
      itemRequest('client', { fields: { ...validFields('client'), externalUserid: HUAXIN } }));
    itemId = item.id;
  });
  afterAll(() => server.close());

  it('lists 张伟\'s customers for HR, with the linked client item', async () => {
    const before = await must<CustomerListResponse>(cast.hr, 'GET', path(id));
    expect(before.customers).toEqual([]);

    const list = await must<CustomerListResponse>(cast.hr, 'POST', path(id, '/refresh'));
    expect(statuses(list)).toEqual({
      [HUAXIN]: 'listed', [DONGFANG]: 'listed', [JINQIAO]: 'listed', [ZHOUMIN]: 'listed',
    });
    expect(list.customers.find((c) => c.externalUserid === HUAXIN)).toMatchObject({
      name: '陈国栋', corpName: '华信机械', itemIds: [itemId], mode: null,
    });
    expect(list.itemStatuses).toEqual({ [itemId]: 'listed' });
    expect(list.actions).toEqual(['transferCustomers']);
  });

  it('keeps outsiders out and lets only HR and the manager transfer', async () => {
    const body = { externalUserids: [ZHOUMIN] };
    expect((await send(cast.outsider, 'GET', path(id))).status).toBe(404);
    expect((await send(cast.outsider, 'POST', path(id, '/transfer'), body)).status)
      .toBe(404);
    expect((await send(cast.successor, 'POST', path(id, '/transfer'), body)).status)
      .toBe(403);
    expect((await send(cast.departing, 'POST', path(id, '/refresh'))).status).toBe(403);
    expect((await send(cast.stakeholder, 'GET', path(id))).status).toBe(404);

    const seen = await must<CustomerListResponse>(cast.successor, 'GET', path(id));
    expect(seen.customers).toHaveLength(4);
    expect(seen.actions).toEqual([]);
    expect((await must<CustomerListResponse>(cast.departing, 'GET', path(id)))
      .customers).toHaveLength(4);
    expect(await transferRows(server)).toHaveLength(0);
  });

  it('refuses customers that were never listed', async () => {
    const res = await send(cast.hr, 'POST', path(id, '/transfer'),
      { externalUserids: [HUAXIN, 'wmSomeoneElse'] });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('externalUserids');
    expect(await transferRows(server)).toHaveLength(0);
  });

  it('transfers the chosen ones with a message; they wait for the customer', async () => {
    emulator.setTransferOutcome(DONGFANG, 3);
    emulator.setTransferOutcome(JINQIAO, 4);
    const res = await send<CustomerListResponse>(cast.manager, 'POST', path(id, '/transfer'),
      { externalUserids: [HUAXIN, DONGFANG, JINQIAO], message: '您好，后续由李娜为您服务' });
    expect(res.status).toBe(202);
    expect(statuses(res.body)).toMatchObject({
      [HUAXIN]: 'requested', [ZHOUMIN]: 'listed' });

    expect(await sendAndPoll(server)).toMatchObject({ applied: 3 });
    const list = await must<CustomerListResponse>(cast.hr, 'GET', path(id));
    expect(statuses(list)).toEqual({ [HUAXIN]: 'waiting', [DONGFANG]: 'waiting',
      [JINQIAO]: 'waiting', [ZHOUMIN]: 'listed' });
    expect(list.customers.every((c: CustomerView) =>
      c.status === 'listed' || c.mode === 'on_job')).toBe(true);
    expect(emulator.customerTransfers().map((r) => r.mode)).toEqual(
      ['on_job', 'on_job', 'on_job']);
    const [batch] = await transferRows(server);
    expect(batch.payload).toMatchObject({ transfer_success_msg: '您好，后续由李娜为您服务' });
  });

  it('refuses to transfer a customer already under way', async () => {
    const res = await send(cast.hr, 'POST', path(id, '/transfer'),
      { externalUserids: [HUAXIN] });
    expect(res.status).toBe(409);
    expect(await transferRows(server)).toHaveLength(1);
  });

  it('moves 张伟\'s customer groups to 李娜', async () => {
    expect(emulator.customerGroups().map((g) => g.owner)).toEqual(['lina', 'lina']);
  });

  it('shows taken over, refused and at limit once WeCom settles after 24 h', async () => {
    server.clock.advance(DAY_MS - 60_000);
    await poll(server);
    expect(statuses(await must<CustomerListResponse>(cast.hr, 'GET', path(id))))
      .toMatchObject({ [HUAXIN]: 'waiting' });

    server.clock.advance(60_000);
    expect(await poll(server)).toMatchObject({ settled: 3 });
    const list = await must<CustomerListResponse>(cast.successor, 'GET', path(id));
    expect(statuses(list)).toEqual({ [HUAXIN]: 'taken_over', [DONGFANG]: 'refused',
      [JINQIAO]: 'limit', [ZHOUMIN]: 'listed' });
    const huaxin = list.customers.find((c) => c.externalUserid === HUAXIN)!;
    expect(huaxin.takenOverAt).not.toBeNull();
    expect(huaxin.finalAt).not.toBeNull();
    expect(list.itemStatuses).toEqual({ [itemId]: 'taken_over' });
    expect(emulator.company.customers.find((c) => c.external_userid === HUAXIN)
      ?.follow_user.map((f) => f.userid)).toEqual(['lina']);
  });

  it('may try a refused customer again', async () => {
    emulator.setTransferOutcome(DONGFANG, null);
    await must(cast.hr, 'POST', path(id, '/transfer'), { externalUserids: [DONGFANG] });
    await sendAndPoll(server);
    server.clock.advance(DAY_MS);
    await poll(server);
    const list = await must<CustomerListResponse>(cast.hr, 'GET', path(id));
    expect(statuses(list)[DONGFANG]).toBe('taken_over');
  });
});

describe('customer transfer after the last day', () => {
  let server: Server;
  let cast: Cast;
  let id: string;
  let emulator: WecomEmulator;

  beforeAll(async () => {
    ({ server, cast, id, emulator } = await setUp('customers-resigned',
      { lastWorkingDay: '2026-01-05' }));
  });
  afterAll(() => server.close());

  it('fails every customer with 40097 while WeCom does not show 张伟 as left', async () => {
    await must(cast.hr, 'POST', path(id, '/refresh'));
    await must(cast.hr, 'POST', path(id, '/transfer'), { externalUserids: [HUAXIN] });
    await sendAndPoll(server);
    const list = await must<CustomerListResponse>(cast.hr, 'GET', path(id));
    expect(list.customers.find((c) => c.externalUserid === HUAXIN))
      .toMatchObject({ status: 'failed', errcode: 40097, mode: 'resigned' });
    expect(emulator.customerTransfers()).toEqual([]);
  });

  it('moves customers and groups as resigned once 张伟 has left', async () => {
    emulator.markResigned('zhangwei');
    const listed = await must<CustomerListResponse>(cast.hr, 'POST', path(id, '/refresh'));
    expect(listed.customers).toHaveLength(4);

    await must(cast.hr, 'POST', path(id, '/transfer'),
      { externalUserids: [HUAXIN, DONGFANG, JINQIAO, ZHOUMIN] });
    await sendAndPoll(server);
    const [, batch] = await transferRows(server);
    expect(batch.payload).not.toHaveProperty('transfer_success_msg');
    expect(emulator.customerTransfers().map((r) => r.mode))
      .toEqual(['resigned', 'resigned', 'resigned', 'resigned']);
    expect(emulator.customerGroups().map((g) => g.owner)).toEqual(['lina', 'lina']);

    server.clock.advance(DAY_MS);
    await poll(server);
    const list = await must<CustomerListResponse>(cast.departing, 'GET', path(id));
    expect(new Set(Object.values(statuses(list)))).toEqual(new Set(['taken_over']));
  });
});

describe('customer transfer in batches and through faults', () => {
  let server: Server;
  let cast: Cast;
  let id: string;
  let emulator: WecomEmulator;
  const many = Array.from({ length: 150 }, (_, i) => `wmBatch${String(i).padStart(3, '0')}`);

  beforeAll(async () => {
    ({ server, cast, id, emulator } = await setUp('customers-batches'));
    for (const externalUserid of many) {
      emulator.addCustomer({
        external_userid: externalUserid, name: `客户${externalUserid}`, type: 1, gender: 0,
        follow_user: [{ userid: 'zhangwei', remark: '', description: '', createtime: 0,
          tags: [], add_way: 1, oper_userid: 'zhangwei' }],
      });
    }
    await must(cast.hr, 'POST', path(id, '/refresh'));
  });
  afterAll(() => server.close());

  it('sends 150 customers as two calls of 100 and 50', async () => {
    await must(cast.hr, 'POST', path(id, '/transfer'), { externalUserids: many });
    await sendAndPoll(server);
    const rows = await transferRows(server);
    expect(rows.map((r) => (r.payload.external_userid as string[]).length))
      .toEqual([100, 50]);
    expect(emulator.callCounts()['externalcontact/transfer_customer']).toBe(2);
    const list = await must<CustomerListResponse>(cast.hr, 'GET', path(id));
    expect(list.customers.filter((c) => c.status === 'waiting')).toHaveLength(150);
  });

  it('retries a lost answer without transferring anyone twice', async () => {
    emulator.addFault({ endpoint: 'externalcontact/transfer_customer', count: 1,
      httpStatus: 502 });
    await must(cast.hr, 'POST', path(id, '/transfer'),
      { externalUserids: [HUAXIN, DONGFANG] });
    await server.services.outbox.kick();
    const [, , batch] = await transferRows(server);
    expect(batch).toMatchObject({ status: 'pending', attempts: 1 });

    // The first try reached WeCom after all; only its answer was lost.
    await transferCustomers(server.services.wecom, 'on_job', {
      handover_userid: 'zhangwei', takeover_userid: 'lina',
      external_userid: [HUAXIN, DONGFANG],
    });
    server.clock.advance(60_000);
    await sendAndPoll(server);

    const [, , sent] = await transferRows(server);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    const list = await must<CustomerListResponse>(cast.hr, 'GET', path(id));
    expect(statuses(list)).toMatchObject({ [HUAXIN]: 'waiting', [DONGFANG]: 'waiting' });
    expect(startedPerCustomer(emulator)).toMatchObject({ [HUAXIN]: 1, [DONGFANG]: 1 });
  });

  it('keeps rows waiting when transfer_result fails, and settles them later', async () => {
    emulator.addFault({ endpoint: 'externalcontact/transfer_result', count: 1,
      errcode: 48002 });
    server.clock.advance(DAY_MS);
    expect(await poll(server)).toMatchObject({ settled: 0 });
    expect(await poll(server)).toMatchObject({ settled: 152 });
  });
});

describe('customer transfer before the handover starts', () => {
  it('answers 409 for a draft', async () => {
    const server = await startTestServer('customers-draft');
    try {
      const cast = await loginCast(server.url);
      const draft: HandoverDetail = await draftHandover(cast.hr);
      expect((await send(cast.hr, 'POST', path(draft.id, '/refresh'))).status).toBe(409);
      expect((await send(cast.hr, 'GET', path(draft.id))).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
