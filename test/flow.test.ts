import type { HandoverDetail } from '@baton/shared';
import { AuditEvent, Milestone, OutboxMessage } from '../server/src/entities';
import { RunningServer } from '../server/src/server';
import { Browser, loginAs, startTestServer } from './support/server';

interface SandboxMessage {
  msgid: string;
  msgtype: string;
  body: Record<string, any>;
  card?: { taskId: string; replaceName?: string };
}

/**
 * The walking skeleton's story, through HTTP only: HR starts a handover,
 * WeCom (the emulator) gets the group, the welcome and the first card,
 * the departing executive clicks 标记完成, and everyone sees the result.
 */
/** The id of a built-in template, by key. */
async function templateIdOf(browser: Browser, key: string): Promise<string> {
  const { body } = await browser.json<{ items: { id: string; key: string }[] }>('/api/templates');
  const found = body.items.find((t) => t.key === key);
  if (!found) throw new Error(`no template ${key}`);
  return found.id;
}

describe('thin flow: start a handover, complete a milestone from its card', () => {
  let server: RunningServer;
  let sandbox: Browser;

  const inbox = async (userid: string) =>
    (await sandbox.json<{ messages: SandboxMessage[] }>(`/sandbox/api/inbox?userid=${userid}`))
      .body.messages;
  const chats = async (userid: string) =>
    (await sandbox.json<{ chats: { chatid: string; name: string; userlist: string[];
      messages: SandboxMessage[] }[] }>(`/sandbox/api/chats?userid=${userid}`)).body.chats;
  const deliver = () => server.services.outbox.kick();

  beforeAll(async () => {
    server = await startTestServer('flow');
    sandbox = new Browser(server.url);
  });
  afterAll(() => server.close());

  it('walks from start to a completed milestone', async () => {
    // HR logs in through the OAuth page and starts the handover.
    const { browser: hr, landed } = await loginAs(server.url, 'wangfang', '/');
    expect(landed.status).toBe(302);
    expect(landed.headers.get('location')).toBe('/');
    const templateId = await templateIdOf(hr, 'sales_director');
    const created = await hr.post<HandoverDetail>('/api/handovers', {
      templateId, departingUserid: 'zhangwei', successorUserid: 'lina',
      managerUserid: 'liuyang', lastWorkingDay: '2027-01-29',
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('draft');
    expect(created.body.actions).toContain('start');
    await deliver();
    expect(await chats('lina')).toEqual([]); // nothing goes to WeCom for a draft
    const started = await hr.post<HandoverDetail>(`/api/handovers/${created.body.id}/start`, {});
    expect(started.status).toBe(200);
    const handover = started.body;
    expect(handover.status).toBe('active');
    expect(handover.participants.map((p) => `${p.userid}:${p.role}`).sort())
      .toEqual(['lina:successor', 'liuyang:manager', 'wangfang:hr', 'zhangwei:departing']);
    const total = handover.progress.total;
    expect(handover.progress).toMatchObject({ percent: 0, remaining: total });
    await deliver();

    // The group exists with everyone, and its first message links to the H5.
    const [group] = await chats('lina');
    expect(group.chatid).toBe(handover.chatId);
    expect(group.userlist.sort()).toEqual(['lina', 'liuyang', 'wangfang', 'zhangwei']);
    expect(group.messages[0].msgtype).toBe('textcard');
    expect(group.messages[0].body.textcard.url).toContain(`/handovers/${handover.id}`);

    // Each owner holds a card for their own first milestone.
    const holder: Record<string, string> = {
      departing: 'zhangwei', successor: 'lina', manager: 'liuyang', hr: 'wangfang' };
    for (const role of ['successor', 'manager', 'hr']) {
      const first = handover.milestones.find((m) => m.ownerRole === role)!;
      const theirs = (await inbox(holder[role])).filter((m) => m.msgtype === 'template_card');
      expect(theirs.map((m) => m.body.template_card.main_title.title)).toEqual([first.title]);
    }

    // The departing executive has the first milestone's card.
    const cards = (await inbox('zhangwei')).filter((m) => m.msgtype === 'template_card');
    expect(cards).toHaveLength(1);
    const card = cards[0];
    expect(card.body.template_card.main_title.title).toBe(handover.milestones[0].title);
    expect(card.body.template_card.card_type).toBe('button_interaction');

    // A click goes to WeCom, which calls us back; the reply greys the button.
    const click = await sandbox.post<{ card: { replaceName?: string } }>('/sandbox/api/click', {
      userid: 'zhangwei', task_id: card.card!.taskId, key: 'complete',
    });
    expect(click.status).toBe(200);
    expect(click.body.card.replaceName).toBe('张伟已完成');
    await deliver();

    // The milestone is done, the group has a progress line, the next card is out.
    const detail = await hr.json<HandoverDetail>(`/api/handovers/${handover.id}`);
    const first = detail.body.milestones[0];
    expect(first.doneBy).toEqual({ userid: 'zhangwei', name: '张伟' });
    const percent = Math.floor(100 / total);
    expect(detail.body.progress).toMatchObject({ percent, remaining: total - 1 });
    const [groupAfter] = await chats('wangfang');
    const lastPost = groupAfter.messages[groupAfter.messages.length - 1];
    expect(lastPost.msgtype).toBe('markdown');
    expect(lastPost.body.markdown.content)
      .toContain(`已完成 ${percent}%，剩余 ${total - 1} 项`);
    const next = (await inbox('zhangwei')).filter((m) => m.msgtype === 'template_card');
    expect(next.map((m) => m.body.template_card.main_title.title))
      .toEqual([handover.milestones[0].title, handover.milestones[1].title]);

    // The successor sees it in 我的交接, with their role and progress.
    const { browser: lina } = await loginAs(server.url, 'lina');
    const mine = await lina.json<{ items: { id: string; myRole: string;
      progress: { percent: number } }[] }>('/api/handovers');
    expect(mine.body.items).toEqual([expect.objectContaining({
      id: handover.id, myRole: 'successor', progress: expect.objectContaining({ percent }),
    })]);
  });

  it('applies a card click once even when WeCom delivers it again', async () => {
    const milestones = () => server.services.db.getRepository(Milestone).find();
    const cards = (await inbox('zhangwei')).filter((m) => m.msgtype === 'template_card');
    const open = cards[cards.length - 1];
    const click = () => sandbox.post<{ card: { replaceName?: string } }>('/sandbox/api/click',
      { userid: 'zhangwei', task_id: open.card!.taskId, key: 'complete' });
    expect((await click()).status).toBe(200);
    const doneAfterFirst = (await milestones()).filter((m) => m.doneAt).length;
    // The card is greyed out now; a second press is refused by WeCom itself.
    expect((await click()).status).toBe(409);
    expect((await milestones()).filter((m) => m.doneAt).length).toBe(doneAfterFirst);
  });

  it('completes a milestone once when WeCom delivers the same click four times', async () => {
    const cards = (await inbox('liuyang')).filter((m) => m.msgtype === 'template_card');
    const card = cards[cards.length - 1];
    const audits = () => server.services.db.getRepository(AuditEvent)
      .countBy({ action: 'milestone.completed' });
    const before = await audits();
    const click = {
      FromUserName: 'liuyang', MsgType: 'event', Event: 'template_card_event',
      EventKey: 'complete', TaskId: card.card!.taskId, CardType: 'button_interaction',
      ResponseCode: 'same-click-delivered-again', CreateTime: Math.floor(Date.now() / 1000),
    };
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await server.services.emulator!.sendCallback(click));

    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(replies[0].reply).toMatchObject({ MsgType: 'update_button' });
    expect(await audits()).toBe(before + 1);
    const milestone = await server.services.db.getRepository(Milestone)
      .findOneByOrFail({ cardTaskId: card.card!.taskId });
    expect(milestone.doneBy).toBe('liuyang');
  });

  it('refuses a click by someone who may not complete the milestone', async () => {
    // 陈静 is not in the handover: she never gets the card, so she cannot click.
    const click = await sandbox.post('/sandbox/api/click',
      { userid: 'chenjing', task_id: 'nonexistent', key: 'complete' });
    expect(click.status).toBe(404);
  });

  it('treats 86215 on a retried group creation as success', async () => {
    const repo = server.services.db.getRepository(OutboxMessage);
    const create = await repo.findOneByOrFail({ kind: 'appchat.create' });
    // As if the process died after WeCom made the group but before commit.
    await repo.update({ id: create.id }, { status: 'pending', sentAt: null });
    await deliver();
    const again = await repo.findOneByOrFail({ id: create.id });
    expect(again.status).toBe('sent');
    expect(again.result).toMatchObject({ alreadyExisted: true });
  });
});

/** A valid start, for the bad-input cases to spoil one field of. */
const start = {
  departingUserid: 'zhaolei', successorUserid: 'lina', lastWorkingDay: '2027-01-29',
};

describe('who may see and do what', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer('flow-policy', {}, { seed: true });
  });
  afterAll(() => server.close());

  it('hides a handover from an outsider with 404 and lets HR see it', async () => {
    const { browser: hr } = await loginAs(server.url, 'wangfang');
    const { body } = await hr.json<{ items: { id: string }[] }>('/api/handovers');
    expect(body.items).toHaveLength(1);
    const id = body.items[0].id;
    const { browser: outsider } = await loginAs(server.url, 'chenjing');
    expect((await outsider.json(`/api/handovers/${id}`)).status).toBe(404);
    expect((await outsider.json('/api/handovers')).body).toEqual({ items: [], nextCursor: null });
  });

  it('lets only HR start a handover', async () => {
    const { browser: lina } = await loginAs(server.url, 'lina');
    const response = await lina.post('/api/handovers', {
      templateId: await templateIdOf(lina, 'general_manager'),
      departingUserid: 'zhaolei', successorUserid: 'lina', lastWorkingDay: '2027-01-29',
    });
    expect(response.status).toBe(403);
  });

  it.each([
    [{ ...start, templateId: '999' }, 'templateId'],
    [{ ...start, departingUserid: 'nobody' }, 'departingUserid'],
    [{ ...start, successorUserid: 'zhaolei' }, 'successorUserid'],
    [{ ...start, lastWorkingDay: '2027-02-30' }, 'lastWorkingDay'],
    [{ ...start, colour: 'red' }, 'colour'],
    [{ successorUserid: 'lina', lastWorkingDay: '2027-01-29' }, 'departingUserid'],
  ])('refuses a bad start (%#) naming the field and changing nothing', async (input, field) => {
    const { browser: hr } = await loginAs(server.url, 'wangfang');
    const request = { templateId: await templateIdOf(hr, 'general_manager'), ...input };
    const response = await hr.post<{ error: { field: string } }>('/api/handovers', request);
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe(field);
    const { body } = await hr.json<{ items: unknown[] }>('/api/handovers');
    expect(body.items).toHaveLength(1);
  });

  it('answers 401 without a session and 400 for broken JSON', async () => {
    const anonymous = new Browser(server.url);
    expect((await anonymous.json('/api/me')).status).toBe(401);
    const { browser: hr } = await loginAs(server.url, 'wangfang');
    const broken = await hr.fetch('/api/handovers', { method: 'POST', body: '{"a":' });
    expect(broken.status).toBe(400);
  });

  it('refuses a reused OAuth code and a forged state', async () => {
    const phone = new Browser(server.url);
    const start = await phone.fetch('/api/auth/login?next=/handovers');
    const authorize = new URL(start.headers.get('location')!);
    authorize.searchParams.set('userid', 'lina');
    const back = (await phone.fetch(authorize.toString())).headers.get('location')!;
    const attacker = phone.clone();

    const first = await phone.fetch(back);
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('/handovers');
    const replay = await attacker.json<{ error: { id: string } }>(back);
    expect(replay.status).toBe(400);
    expect(replay.body.error.id).toBe('invalid_code');

    const forged = await new Browser(server.url).json<{ error: { id: string } }>(back);
    expect(forged.status).toBe(400);
    expect(forged.body.error.id).toBe('invalid_state');
  });

  it('never sends the browser off-site after login', async () => {
    const { landed } = await loginAs(server.url, 'lina', '//evil.example/x');
    expect(landed.headers.get('location')).toBe('/');
  });

  it('forbids completing someone else\'s milestone and allows it to the owner', async () => {
    const { browser: hr } = await loginAs(server.url, 'wangfang');
    const { body } = await hr.json<{ items: { id: string }[] }>('/api/handovers');
    const id = body.items[0].id;
    const detail = (await hr.json<HandoverDetail>(`/api/handovers/${id}`)).body;
    const first = detail.milestones[0]; // owned by the departing executive
    const { browser: lina } = await loginAs(server.url, 'lina');
    const path = `/api/handovers/${id}/milestones/${first.id}/complete`;
    expect((await lina.post(path, {})).status).toBe(403);
    const { browser: zhangwei } = await loginAs(server.url, 'zhangwei');
    expect((await zhangwei.post(path, {})).status).toBe(200);
    expect((await zhangwei.post(path, {})).status).toBe(409);
  });

  it('answers /healthz when the database does', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
  });
});
