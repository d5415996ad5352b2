import type {
  AttentionListResponse, DirectoryResponse, HandoverDetail, HandoverListResponse,
  ItemView,
} from '@baton/shared';
import { Employee, HandoverItem, Milestone } from '../server/src/entities';
import { RunningServer } from '../server/src/server';
import {
  activeHandover, draftHandover, itemRequest, templateIdOf,
} from './support/handover-factory';
import { Browser, loginAs, startTestServer } from './support/server';

const DAY = 86_400_000;

describe('the directory search', () => {
  let server: RunningServer;
  let hr: Browser;

  beforeAll(async () => {
    server = await startTestServer('directory');
    hr = (await loginAs(server.url, 'wangfang')).browser;
    const now = new Date(server.services.clock.now());
    const people = server.services.db.getRepository(Employee);
    // Two more members: one who left (also 生产部), one with a Latin name.
    await people.insert([
      { userid: 'zhaoping', name: '赵平', position: '生产主管', departmentIds: [6],
        mainDepartment: 6, directLeader: ['zhaolei'], status: 5, departedAt: now,
        syncedAt: now },
      { userid: 'Alice.Wong', name: 'Alice Wong', position: 'Plant 100%_Manager',
        departmentIds: [6], mainDepartment: 6, directLeader: [], status: 1,
        departedAt: null, syncedAt: now },
    ]);
  });
  afterAll(() => server.close());

  const search = (browser: Browser, query: string) =>
    browser.json<DirectoryResponse & { error: { field: string } }>(
      `/api/directory?${query}`);

  it('finds people by a piece of their name, position or department', async () => {
    const byName = await search(hr, `q=${encodeURIComponent('娜')}`);
    expect(byName.status).toBe(200);
    expect(byName.body.items).toEqual([
      { userid: 'lina', name: '李娜', position: '华东大区经理', department: '销售部' },
    ]);

    const byPosition = await search(hr, `q=${encodeURIComponent('总监')}`);
    expect(byPosition.body.items.map((p) => p.userid).sort())
      .toEqual(['zhangwei', 'zhaolei']);

    const byDepartment = await search(hr, `q=${encodeURIComponent('财务部')}`);
    expect(byDepartment.body.items.map((p) => p.userid)).toEqual(['chenjing']);
  });

  it('ignores case, and reads % and _ as themselves', async () => {
    for (const q of ['alice', 'WONG', 'alice.w', '100%_m']) {
      const found = await search(hr, `q=${encodeURIComponent(q)}`);
      expect(found.body.items.map((p) => p.userid)).toEqual(['Alice.Wong']);
    }
    expect((await search(hr, 'q=%25')).body.items.map((p) => p.userid))
      .toEqual(['Alice.Wong']);
    expect((await search(hr, 'q=_')).body.items.map((p) => p.userid))
      .toEqual(['Alice.Wong']);
  });

  it('lists those still with the company before those who left', async () => {
    const found = await search(hr, `q=${encodeURIComponent('生产')}`);
    expect(found.body.items.map((p) => p.userid))
      .toEqual(['Alice.Wong', 'zhaolei', 'zhaoping']);
    const capped = await search(hr, `q=${encodeURIComponent('生产')}&limit=2`);
    expect(capped.body.items.map((p) => p.userid)).not.toContain('zhaoping');
    expect(capped.body.items).toHaveLength(2);
  });

  it('presents a person by name, position and department only', async () => {
    const found = await search(hr, 'q=zhaolei');
    expect(found.body.items).toHaveLength(1);
    expect(Object.keys(found.body.items[0]).sort())
      .toEqual(['department', 'name', 'position', 'userid']);
  });

  it('is for HR, and for departing executives while they hand over', async () => {
    for (const userid of ['lina', 'zhangwei', 'liuyang', 'zhaolei']) {
      const { browser } = await loginAs(server.url, userid);
      expect([userid, (await search(browser, 'q=zhao')).status]).toEqual([userid, 403]);
    }
    expect((await new Browser(server.url).fetch('/api/directory?q=zhao')).status).toBe(401);

    const draft = await draftHandover(hr, {
      templateId: await templateIdOf(hr, 'production_director'),
      departingUserid: 'zhaolei', successorUserid: 'chenjing', managerUserid: 'liuyang' });
    const zhaolei = (await loginAs(server.url, 'zhaolei')).browser;
    expect((await search(zhaolei, 'q=chen')).body.items.map((p) => p.userid))
      .toEqual(['chenjing']);
    for (const userid of ['chenjing', 'liuyang']) {
      const { browser } = await loginAs(server.url, userid);
      expect([userid, (await search(browser, 'q=zhao')).status]).toEqual([userid, 403]);
    }

    await hr.post(`/api/handovers/${draft.id}/cancel`, { reason: '离职申请撤回' });
    expect((await search(zhaolei, 'q=chen')).status).toBe(403);
  });

  it('names the colleague a team-member item points at', async () => {
    const handover = await draftHandover(hr, {
      templateId: await templateIdOf(hr, 'production_director'),
      departingUserid: 'zhaolei', successorUserid: 'chenjing' });
    const zhaolei = (await loginAs(server.url, 'zhaolei')).browser;
    const items = `/api/handovers/${handover.id}/items`;
    const created = await zhaolei.post<ItemView>(items,
      itemRequest('team_member', { fields: { userid: 'zhaoping' } }));
    expect(created.status).toBe(201);
    expect(created.body.people).toEqual({ userid: { userid: 'zhaoping', name: '赵平' } });

    const changed = await zhaolei.json<ItemView>(`${items}/${created.body.id}`,
      { method: 'PATCH', body: JSON.stringify({ fields: { userid: 'nobody.here' } }) });
    expect(changed.body.people).toEqual(
      { userid: { userid: 'nobody.here', name: 'nobody.here' } });

    const cleared = await zhaolei.json<ItemView>(`${items}/${created.body.id}`,
      { method: 'PATCH', body: JSON.stringify({ fields: { userid: null } }) });
    expect(cleared.body.people).toEqual({});
  });

  it('names the bad field of a bad query', async () => {
    const cases: [string, string][] = [
      ['', 'q'], ['q=', 'q'], ['q=%20%20', 'q'], [`q=${'a'.repeat(51)}`, 'q'],
      ['q=li&limit=0', 'limit'], ['q=li&limit=51', 'limit'], ['q=li&limit=x', 'limit'],
      ['q=li&q=na', 'q'], ['q=li&mobile=1', 'mobile'],
    ];
    for (const [query, field] of cases) {
      const response = await search(hr, query);
      expect([query, response.status, response.body.error.field])
        .toEqual([query, 400, field]);
    }
    expect((await search(hr, `q=${'a'.repeat(50)}`)).status).toBe(200);
  });
});

describe('the handover list in attention order', () => {
  let server: RunningServer;
  let hr: Browser;
  const ids: Record<string, string> = {};

  const list = (query: string) =>
    hr.json<AttentionListResponse & { error: { field: string } }>(`/api/handovers?${query}`);

  beforeAll(async () => {
    server = await startTestServer('attention');
    hr = (await loginAs(server.url, 'wangfang')).browser;
    // Four running handovers and a draft, made in this order (ids ascending).
    ids.onTrack = (await activeHandover(hr, { lastWorkingDay: '2099-06-30' })).id;
    ids.soon = (await activeHandover(hr, { departingUserid: 'zhaolei',
      successorUserid: 'chenjing', managerUserid: 'liuyang',
      lastWorkingDay: '2099-01-30' })).id;
    ids.overdue = (await activeHandover(hr, { departingUserid: 'chenjing',
      successorUserid: 'lina', managerUserid: 'liuyang',
      lastWorkingDay: '2099-02-27' })).id;
    ids.draft = (await draftHandover(hr, { departingUserid: 'liuyang',
      successorUserid: 'zhaolei', managerUserid: 'chenjing' })).id;

    // Everything is quiet for four days; then the on-track and the soon
    // ones move (an item edited, a milestone done), the overdue one gets a
    // milestone past due, and 'stuck' stays untouched.
    ids.stuck = (await activeHandover(hr, { departingUserid: 'lina',
      successorUserid: 'chenjing', managerUserid: 'liuyang',
      lastWorkingDay: '2099-03-31' })).id;
    server.services.clock.advance(4 * DAY);
    const now = new Date(server.services.clock.now());
    const db = server.services.db;
    await db.getRepository(HandoverItem).update({ handoverId: Number(ids.onTrack) },
      { updatedAt: now });
    await db.getRepository(Milestone).update({ handoverId: Number(ids.soon) },
      { doneAt: now, dueAt: new Date(now.getTime() + DAY) });
    await db.getRepository(HandoverItem).update({ handoverId: Number(ids.overdue) },
      { updatedAt: now });
    const late = await db.getRepository(Milestone).findOneByOrFail(
      { handoverId: Number(ids.overdue), position: 0 });
    await db.getRepository(Milestone).update({ handoverId: Number(ids.overdue) },
      { dueAt: new Date(now.getTime() + 30 * DAY) });
    await db.getRepository(Milestone).update({ id: late.id },
      { dueAt: new Date(now.getTime() - DAY) });
    for (const id of [ids.onTrack, ids.stuck]) {
      await db.getRepository(Milestone).update({ handoverId: Number(id) },
        { dueAt: new Date(now.getTime() + 30 * DAY) });
    }
  });
  afterAll(() => server.close());

  it('puts overdue, then stuck, then running, then drafts first', async () => {
    const { status, body } = await list('sort=attention');
    expect(status).toBe(200);
    expect(body.items.map((h) => h.id))
      .toEqual([ids.overdue, ids.stuck, ids.soon, ids.onTrack, ids.draft]);
    expect(body.items.map((h) => h.attention)).toEqual([
      { reason: 'overdue', idleDays: 0 },
      { reason: 'stuck', idleDays: 4 },
      { reason: null, idleDays: 0 },
      { reason: null, idleDays: 0 },
      { reason: null, idleDays: null },
    ]);
    expect(body.items[0].progress.overdue).toBe(1);
    expect(body.nextCursor).toBeNull();
  });

  it('keeps only the statuses asked for, in either order', async () => {
    const drafts = await list('sort=attention&status=draft');
    expect(drafts.body.items.map((h) => h.id)).toEqual([ids.draft]);
    const running = await hr.json<HandoverListResponse>('/api/handovers?status=active');
    expect(running.body.items.map((h) => h.id))
      .toEqual([ids.stuck, ids.overdue, ids.soon, ids.onTrack]);
    const ended = await list('sort=attention&status=completed,evaluating,closed');
    expect(ended.body.items).toEqual([]);
  });

  it('is newest first without sort, as before', async () => {
    const { body } = await hr.json<HandoverListResponse>('/api/handovers');
    expect(body.items.map((h) => h.id))
      .toEqual([ids.stuck, ids.draft, ids.overdue, ids.soon, ids.onTrack]);
    expect(body.items[0]).not.toHaveProperty('attention');
  });

  it('shows others only their own handovers in that order', async () => {
    const { browser: chenjing } = await loginAs(server.url, 'chenjing');
    const { body } = await chenjing.json<AttentionListResponse>(
      '/api/handovers?sort=attention');
    expect(body.items.map((h) => h.id))
      .toEqual([ids.overdue, ids.stuck, ids.soon, ids.draft]);
  });

  it('pages through the order with its cursor', async () => {
    for (let i = 0; i < 16; i += 1) {
      await draftHandover(hr, { lastWorkingDay: '2099-12-31' });
    }
    const first = await list('sort=attention');
    expect(first.body.items).toHaveLength(20);
    expect(first.body.items.slice(0, 4).map((h) => h.id))
      .toEqual([ids.overdue, ids.stuck, ids.soon, ids.onTrack]);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await list(`sort=attention&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((h) => h.id)).toEqual([ids.draft]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('names the bad field of a bad query', async () => {
    for (const [query, field] of [['sort=oldest', 'sort'], ['status=done', 'status'],
      ['status=active,', 'status'], ['cursor=abc', 'cursor'], ['page=2', 'page']]) {
      const response = await list(query);
      expect([query, response.status, response.body.error.field])
        .toEqual([query, 400, field]);
    }
  });

  it('still shows each handover as the detail does', async () => {
    const { body } = await list('sort=attention&status=active');
    const overdue = body.items.find((h) => h.id === ids.overdue)!;
    const detail = (await hr.json<HandoverDetail>(`/api/handovers/${ids.overdue}`)).body;
    expect(overdue.progress).toEqual(detail.progress);
    expect(overdue.actions).toEqual(detail.actions);
  });
});
