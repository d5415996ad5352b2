import type {
  HandoverDetail, ItemView, QuestionListResponse, QuestionView,
} from '@baton/shared';
import { AuditEvent, OutboxMessage, Question } from '../server/src/entities';
import type { InboxMessage } from '../server/src/sandbox/emulator/types';
import { type Cast, loginCast, must, send } from './support/cast';
import {
  activeHandover, completedHandover, makeCompletable,
} from './support/handover-factory';
import { startTestServer } from './support/server';

/**
 * Questions on a handover's items, through HTTP and the emulator: the
 * successor asks, 张伟 gets a card that opens the question in the H5,
 * answers there, and the asker is told. Threads outlive the departing
 * executive's read window.
 */
const DAY = 86_400_000;

interface TextNotice {
  card_type: string;
  main_title: { title: string; desc: string };
  quote_area: { quote_text: string };
  horizontal_content_list: { keyname: string; value: string }[];
  card_action: { type: number; url: string };
}
interface Textcard { title: string; description: string; url: string }

describe('questions on a handover', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let cast: Cast;
  let id: string;
  let items: ItemView[];

  beforeAll(async () => {
    server = await startTestServer('questions', { DEPARTING_READ_DAYS: '3' });
    cast = await loginCast(server.url);
    id = (await activeHandover(cast.hr)).id;
    await must(cast.hr, 'POST', `/api/handovers/${id}/participants`,
      { userid: 'zhaolei', role: 'stakeholder' });
    items = (await must<{ items: ItemView[] }>(cast.hr, 'GET', `/api/handovers/${id}/items`))
      .items;
    await server.services.outbox.kick();
  });
  afterAll(async () => {
    await server.services.outbox.kick();
    await server.close();
  });

  const base = (handover = id) => `/api/handovers/${handover}/questions`;
  const url = (handover: string, question: string) =>
    `${server.services.env.publicUrl}/handovers/${handover}/questions/${question}`;

  /** What the handover holds that a refused request must leave alone. */
  const footprint = async (handover = id) => {
    const { db } = server.services;
    const handoverId = Number(handover);
    return {
      questions: await db.getRepository(Question).find({ where: { handoverId },
        order: { id: 'ASC' } }),
      audit: await db.getRepository(AuditEvent).countBy({ handoverId }),
      outbox: await db.getRepository(OutboxMessage).countBy({ handoverId }),
    };
  };

  /** Sends what is queued; then the messages `userid` got that link to `link`. */
  const delivered = async (userid: string, link: string): Promise<InboxMessage[]> => {
    await server.services.outbox.kick();
    return server.services.emulator!.inbox(userid).filter((m) =>
      JSON.stringify(m.body).includes(JSON.stringify(link)));
  };

  const ask = (body: unknown, who = cast.successor, handover = id) =>
    send<QuestionView>(who, 'POST', base(handover), body);

  it('sends the departing executive a card that opens the question', async () => {
    const item = items[0];
    const asked = await ask({ itemId: item.id, body: '华信机械的回款节点是哪天？' });

    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      handoverId: id, itemId: item.id, itemTitle: item.title,
      body: '华信机械的回款节点是哪天？', status: 'open',
      askedBy: { userid: 'lina', name: '李娜' }, answer: null, answeredBy: null,
      answeredAt: null, actions: [],
    });
    const link = url(id, asked.body.id);
    const [card] = await delivered('zhangwei', link);
    expect(card.msgtype).toBe('template_card');
    const notice = card.body.template_card as TextNotice;
    expect(notice.card_type).toBe('text_notice');
    expect(notice.card_action).toEqual({ type: 1, url: link });
    expect(notice.main_title.title).toContain('李娜');
    expect(notice.quote_area.quote_text).toBe('华信机械的回款节点是哪天？');
    expect(notice.horizontal_content_list.map((row) => row.value))
      .toEqual(['李娜', item.title]);
    expect(await delivered('lina', link)).toEqual([]);

    const opened = await must<QuestionView>(cast.departing, 'GET', `${base()}/${asked.body.id}`);
    expect(opened).toMatchObject({ id: asked.body.id, status: 'open', actions: ['answer'] });
    const timeline = await must<{ items: { action: string; details: object }[] }>(
      cast.hr, 'GET', `/api/handovers/${id}/timeline`);
    expect(timeline.items[0]).toMatchObject({ action: 'question.asked',
      details: { itemTitle: item.title, excerpt: '华信机械的回款节点是哪天？' } });
  });

  it('tells the asker once the departing executive answers, and takes one answer',
    async () => {
      const asked = await ask({ itemId: items[1].id, body: '这个客户的对接人换了吗？' });
      const path = `${base()}/${asked.body.id}/answer`;
      const link = url(id, asked.body.id);
      const answer = `换了，现在是采购部的周敏。${'她负责所有年度框架合同的续签。'.repeat(30)}`;

      const answered = await send<QuestionView>(cast.departing, 'POST', path, { answer });

      expect(answered.status).toBe(200);
      expect(answered.body).toMatchObject({ status: 'answered', answer,
        answeredBy: { userid: 'zhangwei', name: '张伟' }, actions: [] });
      expect(answered.body.answeredAt).not.toBeNull();
      const [told] = await delivered('lina', link);
      expect(told.msgtype).toBe('textcard');
      const card = told.body.textcard as Textcard;
      expect(card).toMatchObject({ url: link, title: '张伟回答了你的问题' });
      expect(card.description).toContain('换了，现在是采购部的周敏。');
      expect(card.description).toContain('这个客户的对接人换了吗？');
      expect(Buffer.byteLength(card.description)).toBeLessThanOrEqual(512);
      expect(await must<QuestionView>(cast.successor, 'GET', `${base()}/${asked.body.id}`))
        .toMatchObject({ status: 'answered', answer });

      const before = await footprint();
      const again = await send(cast.departing, 'POST', path, { answer: '补充一句' });
      expect(again.status).toBe(409);
      expect(await footprint()).toEqual(before);
      expect(await delivered('lina', link)).toHaveLength(1);
      const timeline = await must<{ items: { action: string }[] }>(
        cast.successor, 'GET', `/api/handovers/${id}/timeline`);
      expect(timeline.items[0].action).toBe('question.answered');
    });

  it('lists questions oldest first, by item when asked', async () => {
    const [a, b] = [items[2], items[3]];
    const onA = (await ask({ itemId: a.id, body: 'A 的合同原件在哪？' })).body;
    const whole = (await ask({ body: '交接期间紧急审批找谁？' }, cast.manager)).body;
    const onB = (await ask({ itemId: b.id, body: 'B 还有未结的发票吗？' }, cast.hr)).body;

    const all = await must<QuestionListResponse>(cast.stakeholder, 'GET', base());
    const ids = all.items.map((q) => q.id);
    expect(ids.slice(-3)).toEqual([onA.id, whole.id, onB.id]);
    expect(all.items.find((q) => q.id === whole.id))
      .toMatchObject({ itemId: null, itemTitle: null,
        askedBy: { userid: 'liuyang', name: '刘洋' } });

    const onlyA = await must<QuestionListResponse>(cast.successor, 'GET',
      `${base()}?itemId=${a.id}`);
    expect(onlyA.items.map((q) => q.id)).toEqual([onA.id]);
    expect(onlyA.items[0]).toMatchObject({ itemId: a.id, itemTitle: a.title });
    const bad = await send<{ error: { field: string } }>(cast.successor, 'GET',
      `${base()}?itemId=1e3`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('itemId');
  });

  it('lets only the successor, manager and HR ask, and only 张伟 answer', async () => {
    const open = (await ask({ body: '客户名单里的 VIP 标记是什么意思？' })).body;
    const answer = `${base()}/${open.id}/answer`;
    const before = await footprint();

    const calls: [string, string, unknown?][] = [['GET', base()],
      ['GET', `${base()}/${open.id}`], ['POST', base(), { body: '外人提问' }],
      ['POST', answer, { answer: '外人回答' }]];
    for (const [method, path, body] of calls) {
      expect(`${method} ${path}: ${(await send(cast.outsider, method, path, body)).status}`)
        .toBe(`${method} ${path}: 404`);
    }
    for (const who of [cast.stakeholder, cast.departing]) {
      expect((await ask({ body: '我也想问' }, who)).status).toBe(403);
    }
    for (const who of [cast.successor, cast.manager, cast.hr, cast.stakeholder]) {
      expect((await send(who, 'POST', answer, { answer: '我来答' })).status).toBe(403);
    }
    const unknown = await send(cast.departing, 'POST', `${base()}/999999/answer`,
      { answer: '答' });
    expect(unknown.status).toBe(404);
    expect(await footprint()).toEqual(before);

    const seen = await must<QuestionView>(cast.successor, 'GET', `${base()}/${open.id}`);
    expect(seen.actions).toEqual([]);
    const detail = await must<HandoverDetail>(cast.successor, 'GET', `/api/handovers/${id}`);
    expect(detail.actions).toEqual(expect.arrayContaining(['readQuestions', 'askQuestion']));
    const theirs = await must<HandoverDetail>(cast.departing, 'GET', `/api/handovers/${id}`);
    expect(theirs.actions).toContain('readQuestions');
    expect(theirs.actions).not.toContain('askQuestion');
  });

  it('refuses questions and answers once the handover no longer runs', async () => {
    const cancelled = (await activeHandover(cast.hr)).id;
    const open = (await ask({ body: '取消前问的问题' }, cast.successor, cancelled)).body;
    await must(cast.hr, 'POST', `/api/handovers/${cancelled}/cancel`, { reason: '调岗' });
    const completed = (await completedHandover(cast)).id;

    for (const handover of [cancelled, completed]) {
      const before = await footprint(handover);
      expect((await ask({ body: '还能问吗？' }, cast.successor, handover)).status).toBe(409);
      expect((await ask({ body: '还能问吗？' }, cast.departing, handover)).status)
        .toBe(403);
      expect(await footprint(handover)).toEqual(before);
    }
    const late = await send(cast.departing, 'POST', `${base(cancelled)}/${open.id}/answer`,
      { answer: '晚了' });
    expect(late.status).toBe(409);
    const kept = await must<QuestionView>(cast.successor, 'GET',
      `${base(cancelled)}/${open.id}`);
    expect(kept).toMatchObject({ status: 'open', answer: null, actions: [] });
  });

  it('refuses bad input, naming the field, and writes nothing', async () => {
    const other = (await activeHandover(cast.hr)).id;
    const foreign = (await must<{ items: ItemView[] }>(cast.hr, 'GET',
      `/api/handovers/${other}/items`)).items[0];
    const open = (await ask({ body: '留一个待回答的问题' })).body;
    const answer = `${base()}/${open.id}/answer`;
    const before = await footprint();

    const cases: [string, unknown, string][] = [
      [base(), { body: '   ' }, 'body'],
      [base(), { body: '问'.repeat(10_000) }, 'body'],
      [base(), {}, 'body'],
      [base(), { body: '问题', urgent: true }, 'urgent'],
      [base(), { body: '问题', itemId: foreign.id }, 'itemId'],
      [base(), { body: '问题', itemId: '0x1' }, 'itemId'],
      [base(), { body: '问题', itemId: 12 }, 'itemId'],
      [answer, { answer: '' }, 'answer'],
      [answer, { answer: '答'.repeat(4001) }, 'answer'],
      [answer, { answer: '答', status: 'answered' }, 'status'],
    ];
    for (const [path, body, field] of cases) {
      const who = path === answer ? cast.departing : cast.successor;
      const refused = await send<{ error: { field: string } }>(who, 'POST', path, body);
      expect(`${JSON.stringify(body).slice(0, 40)}: ${refused.status} ${refused.body.error.field}`)
        .toBe(`${JSON.stringify(body).slice(0, 40)}: 400 ${field}`);
    }
    for (const raw of ['[]', 'null', '"问题"', '{"__proto__":{"body":"x"}}']) {
      const refused = await cast.successor.fetch(base(), { method: 'POST', body: raw });
      expect(`${raw}: ${refused.status}`).toBe(`${raw}: 400`);
    }
    expect(await footprint()).toEqual(before);
  });

  // Last: it moves the clock past the departing executive's read window.
  it('keeps the thread readable after close, also once 张伟\'s window ends', async () => {
    const closing = (await activeHandover(cast.hr)).id;
    const asked = (await ask({ body: '离职后这个系统账号怎么交接？' }, cast.successor, closing))
      .body;
    await must(cast.departing, 'POST', `${base(closing)}/${asked.id}/answer`,
      { answer: '账号已转给 IT，密码在保险柜。' });
    await makeCompletable(cast, closing);
    await must(cast.hr, 'POST', `/api/handovers/${closing}/complete`, {});
    await must(cast.hr, 'POST', `/api/handovers/${closing}/close`, {});
    const question = `${base(closing)}/${asked.id}`;

    expect((await send(cast.departing, 'GET', question)).status).toBe(200);
    server.clock.advance(3 * DAY + 60_000);

    for (const who of [cast.successor, cast.manager, cast.hr]) {
      const { items: thread } = await must<QuestionListResponse>(who, 'GET', base(closing));
      expect(thread).toEqual([expect.objectContaining({ id: asked.id, status: 'answered',
        answer: '账号已转给 IT，密码在保险柜。', actions: [] })]);
      expect((await send(who, 'GET', question)).status).toBe(200);
    }
    expect((await send(cast.departing, 'GET', base(closing))).status).toBe(404);
    expect((await send(cast.departing, 'GET', question)).status).toBe(404);
  });
});
