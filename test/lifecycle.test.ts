import type { HandoverDetail, ItemView, TimelineEvent } from '@baton/shared';
import { RunningServer } from '../server/src/server';
import { validFields } from './support/items';
import { Browser, loginAs, startTestServer } from './support/server';

/**
 * A 财务总监 handover from draft to closed, through HTTP only: HR prepares
 * and starts it, the departing executive fills and submits every item, the
 * successor sends one back and acknowledges the rest, rule milestones
 * complete themselves, owners complete theirs, three people sign off, and
 * HR completes, evaluates and closes it.
 */
describe('a 财务总监 handover from draft to closed', () => {
  let server: RunningServer;
  let hr: Browser;
  let departing: Browser;
  let successor: Browser;
  let manager: Browser;
  let id: string;

  const detail = async () => (await hr.json<HandoverDetail>(`/api/handovers/${id}`)).body;
  const items = async (as: Browser) => (await as.json<{ items: ItemView[] }>(
    `/api/handovers/${id}/items`)).body.items;
  const ok = async (response: Promise<{ status: number; body: unknown }>) => {
    const { status, body } = await response;
    if (status >= 300) throw new Error(`${status}: ${JSON.stringify(body)}`);
    return body;
  };

  beforeAll(async () => {
    server = await startTestServer('lifecycle');
    hr = (await loginAs(server.url, 'wangfang')).browser;
    departing = (await loginAs(server.url, 'chenjing')).browser;
    successor = (await loginAs(server.url, 'lina')).browser;
    manager = (await loginAs(server.url, 'liuyang')).browser;
  });
  afterAll(() => server.close());

  it('HR prepares a draft from the 财务总监 template, then starts it', async () => {
    const templates = (await hr.json<{ items: { id: string; key: string }[] }>(
      '/api/templates')).body.items;
    const finance = templates.find((t) => t.key === 'finance_director')!;
    const draft = await ok(hr.post<HandoverDetail>('/api/handovers', {
      templateId: finance.id, departingUserid: 'chenjing', successorUserid: 'lina',
      managerUserid: 'liuyang', lastWorkingDay: '2027-03-31',
    })) as HandoverDetail;
    id = draft.id;
    expect(draft.status).toBe('draft');
    expect(draft.template).toMatchObject({ name: '财务总监', version: 1 });
    expect(draft.sections.map((s) => s.section)).toEqual(expect.arrayContaining([
      'strategic_projects', 'core_resources', 'team', 'risks', 'documents_assets',
      'system_access']));
    expect((await items(departing)).some((i) => i.kind === 'audit')).toBe(true);

    const started = await ok(hr.post<HandoverDetail>(`/api/handovers/${id}/start`, {}));
    expect((started as HandoverDetail).status).toBe('active');
    await server.services.outbox.kick();
  });

  it('refuses to complete while items and the sign-off are open', async () => {
    const response = await hr.post<{ error: { id: string } }>(
      `/api/handovers/${id}/complete`, {});
    expect(response.status).toBe(409);
  });

  it('the departing executive fills and submits every item', async () => {
    for (const [n, item] of (await items(departing)).entries()) {
      await ok(departing.json(`/api/handovers/${id}/items/${item.id}`, {
        method: 'PATCH', body: JSON.stringify({ fields: validFields(item.kind, n) }),
      }));
      await ok(departing.post(`/api/handovers/${id}/items/${item.id}/submit`, {}));
    }
    const all = await items(departing);
    expect(all.every((i) => i.status === 'submitted')).toBe(true);
  });

  it('the successor sends one back, which comes back fixed', async () => {
    const [first] = await items(successor);
    const returned = await ok(successor.post<ItemView>(
      `/api/handovers/${id}/items/${first.id}/return`, { reason: '请补充下一个关键节点' }));
    expect(returned).toMatchObject({ status: 'draft', returnComment: '请补充下一个关键节点' });
    await ok(departing.json(`/api/handovers/${id}/items/${first.id}`, {
      method: 'PATCH', body: JSON.stringify({ fields: validFields(first.kind, 99) }),
    }));
    await ok(departing.post(`/api/handovers/${id}/items/${first.id}/submit`, {}));
  });

  it('acknowledging every item completes the rule milestones by themselves', async () => {
    for (const item of await items(successor)) {
      await ok(successor.post(`/api/handovers/${id}/items/${item.id}/acknowledge`, {}));
    }
    const { milestones } = await detail();
    const ruled = milestones.filter((m) => m.rule && m.rule !== 'signed_off');
    expect(ruled.length).toBeGreaterThan(0);
    for (const m of ruled) expect(m.doneBy).toEqual({ userid: 'lina', name: '李娜' });
  });

  it('owners complete the remaining milestones, and three people sign off', async () => {
    const people: Record<string, Browser> = {
      departing, successor, manager, hr,
    };
    for (const m of (await detail()).milestones) {
      if (m.doneAt || m.signers) continue;
      await ok(people[m.ownerRole].post(
        `/api/handovers/${id}/milestones/${m.id}/complete`, {}));
    }
    const signOff = (await detail()).milestones.find((m) => m.rule === 'signed_off')!;
    expect(signOff.signers?.sort()).toEqual(['hr', 'manager', 'successor']);
    for (const signer of [successor, manager]) {
      await ok(signer.post(`/api/handovers/${id}/milestones/${signOff.id}/sign`, {}));
    }
    // Signing twice is a state conflict, not a permission problem.
    expect((await successor.post(
      `/api/handovers/${id}/milestones/${signOff.id}/sign`, {})).status).toBe(409);
    await ok(hr.post(`/api/handovers/${id}/milestones/${signOff.id}/sign`, {}));
    const after = await detail();
    expect(after.milestones.every((m) => m.doneAt)).toBe(true);
    expect(after.progress).toMatchObject({ percent: 100, remaining: 0 });
  });

  it('HR completes it: the group is renamed and told', async () => {
    const completed = await ok(hr.post<HandoverDetail>(`/api/handovers/${id}/complete`, {}));
    expect((completed as HandoverDetail).status).toBe('completed');
    await server.services.outbox.kick();
    const chat = server.services.emulator!.chat((await detail()).chatId!)!;
    expect(chat.name.startsWith('【已完成】')).toBe(true);
    expect(chat.messages[chat.messages.length - 1].body).toMatchObject({ msgtype: 'markdown' });
  });

  it('after completion the departing executive can read but no longer write', async () => {
    const [item] = await items(departing);
    const write = await departing.json(`/api/handovers/${id}/items/${item.id}`, {
      method: 'PATCH', body: JSON.stringify({ title: '改个名字' }),
    });
    // Their role still writes; the state no longer lets anyone: 409.
    expect(write.status).toBe(409);
    const seen = await departing.json<HandoverDetail>(`/api/handovers/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.actions).not.toContain('createItem');
    expect((await items(departing)).flatMap((i) => i.actions)).toEqual([]);
  });

  it('HR runs the evaluation and closes it; the timeline tells the story', async () => {
    await ok(hr.post(`/api/handovers/${id}/evaluate`, {}));
    const closed = await ok(hr.post<HandoverDetail>(`/api/handovers/${id}/close`, {}));
    expect((closed as HandoverDetail).status).toBe('closed');
    expect((await hr.post(`/api/handovers/${id}/cancel`, { reason: '太晚了' })).status)
      .toBe(409);

    const timeline: TimelineEvent[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { items: TimelineEvent[]; nextCursor: string | null } = (await hr.json<{
        items: TimelineEvent[]; nextCursor: string | null;
      }>(`/api/handovers/${id}/timeline${cursor ? `?cursor=${cursor}` : ''}`)).body;
      timeline.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(timeline.length).toBeGreaterThan(50); // more than one page
    expect(new Set(timeline.map((e) => e.id)).size).toBe(timeline.length);
    const actions = timeline.map((e) => e.action).reverse();
    const order = ['handover.created', 'handover.started', 'item.submit', 'item.return',
      'item.acknowledge', 'milestone.completed', 'milestone.signed', 'handover.completed',
      'handover.evaluating', 'handover.closed'];
    const firsts = order.map((a) => actions.indexOf(a));
    expect(firsts.every((i) => i >= 0)).toBe(true);
    expect([...firsts].sort((a, b) => a - b)).toEqual(firsts);
    expect(timeline[0].actor).toEqual({ userid: 'wangfang', name: '王芳' });
  });
});
