import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {
  HandoverDetail, ReminderSettingsInput, TemplateView,
} from '@baton/shared';
import { AdjustableClock } from '../server/src/clock';
import { createDataSource } from '../server/src/db/data-source';
import {
  dateInZone, instantAt, shiftDays,
} from '../server/src/domain/calendar';
import { ReminderLog } from '../server/src/entities/ReminderLog';
import { sendDueReminders } from '../server/src/reminders/sender';
import { RunningServer } from '../server/src/server';
import { must } from './support/cast';
import { Browser, loginAs, startTestServer } from './support/server';

/**
 * Overdue reminders through the real server, the sandbox clock and the
 * emulator: each scenario starts a handover of one milestone, 提交交接报告,
 * owned by 张伟 and due on the Wednesday at 18:00, then moves the sandbox
 * clock (which runs the reminder scan and the outbox) and reads what
 * reached people's WeCom.
 */
const TZ = 'Asia/Shanghai';
const TITLE = '提交交接报告';
const onMysql = /^(mysql|mariadb):/.test(process.env.TEST_DATABASE_URL ?? '');

/** The first Monday at least two days ahead, in business time. */
function nextMonday(): string {
  let day = shiftDays(dateInZone(Date.now(), TZ), 2);
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 1) day = shiftDays(day, 1);
  return day;
}

// Each scenario has a fortnight of its own; the third has a Thursday off.
const WEEK1 = nextMonday();
const WEEK2 = shiftDays(WEEK1, 14);
const WEEK3 = shiftDays(WEEK1, 28);
const WEEK4 = shiftDays(WEEK1, 42);
const HOLIDAY = shiftDays(WEEK3, 3);

interface Textcard { title: string; description: string; url: string }
interface InboxEntry { msgtype: string; body: { textcard?: Textcard } }
interface ChatEntry { body: { markdown?: { content: string } } }

describe('overdue reminders', () => {
  let server: RunningServer & { clock: AdjustableClock };
  let hr: Browser;
  let departing: Browser;

  /** Moves the sandbox clock to `hh:mm` on `day` through its HTTP API. */
  const moveTo = async (day: string, hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    const ms = instantAt(day, h, m, TZ).getTime() - server.clock.now();
    if (ms < 0) throw new Error(`the clock is already past ${day} ${hhmm}`);
    const response = await fetch(`${server.url}/sandbox/api/clock`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance_seconds: ms / 1000 }),
    });
    expect(response.status).toBe(200);
  };

  /** Reminder textcards about handover `id` in a person's inbox. */
  const cards = async (userid: string, id: string) => {
    const response = await fetch(`${server.url}/sandbox/api/inbox?userid=${userid}`);
    const { messages } = await response.json() as { messages: InboxEntry[] };
    return messages.filter((m) => m.msgtype === 'textcard'
      && m.body.textcard!.url.endsWith(`/handovers/${id}`)).map((m) => m.body.textcard!);
  };
  const titles = async (userid: string, id: string) =>
    (await cards(userid, id)).map((c) => c.title);

  /** The group's overdue lines for handover `id`, as HR sees the chat. */
  const groupLines = async (id: string) => {
    const { chatId } = await must<HandoverDetail>(hr, 'GET', `/api/handovers/${id}`);
    const response = await fetch(`${server.url}/sandbox/api/chats?userid=wangfang`);
    const { chats } = await response.json() as {
      chats: { chatid: string; messages: ChatEntry[] }[];
    };
    const chat = chats.find((c) => c.chatid === chatId)!;
    return chat.messages.map((m) => m.body.markdown?.content ?? '')
      .filter((text) => text.includes('逾期事项'));
  };

  /**
   * At 09:00 on `monday`: HR makes a template of the one milestone (with
   * `reminders` if given) and starts a handover from it.
   */
  const startHandover = async (monday: string,
    reminders?: ReminderSettingsInput) => {
    await moveTo(monday, '09:00');
    // Sessions last a week: log in afresh for each scenario.
    hr = (await loginAs(server.url, 'wangfang')).browser;
    departing = (await loginAs(server.url, 'zhangwei')).browser;
    const { items } = await must<{ items: TemplateView[] }>(hr, 'GET', '/api/templates');
    const sales = items.find((t) => t.key === 'sales_director')!;
    const clone = await must<TemplateView>(hr, 'POST',
      `/api/templates/${sales.id}/clone`, { name: `提醒测试 ${monday}` });
    await must(hr, 'PUT', `/api/templates/${clone.id}`, {
      definition: {
        ...clone.definition,
        // The one milestone under test, and the sign-off every template
        // needs (due after the last day, a month on: it stays quiet here).
        milestones: [{ key: 'report', title: TITLE, ownerRole: 'departing',
          due: { from: 'start', businessDays: 2 } },
        ...clone.definition.milestones.filter((m) => m.rule === 'signed_off')],
        ...(reminders ? { reminders } : {}),
      },
    });
    const draft = await must<HandoverDetail>(hr, 'POST', '/api/handovers', {
      templateId: clone.id, departingUserid: 'zhangwei', successorUserid: 'lina',
      managerUserid: 'liuyang', lastWorkingDay: shiftDays(monday, 30),
    });
    await must(hr, 'POST', `/api/handovers/${draft.id}/start`, {});
    await server.services.outbox.kick();
    return draft.id;
  };

  const cancel = (id: string) =>
    must(hr, 'POST', `/api/handovers/${id}/cancel`, { reason: '测试结束' });

  beforeAll(async () => {
    const calendar = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baton-cal-')),
      'calendar.json');
    fs.writeFileSync(calendar, JSON.stringify({ holidays: [HOLIDAY], workdays: [] }));
    server = await startTestServer('reminders', { BUSINESS_CALENDAR_FILE: calendar });
  });
  afterAll(() => server.close());

  describe('with the default settings', () => {
    let id: string;
    const wed = shiftDays(WEEK1, 2);
    const thu = shiftDays(WEEK1, 3);
    const fri = shiftDays(WEEK1, 4);

    beforeAll(async () => { id = await startHandover(WEEK1); });

    it('tells the owner one business day before it is due, once', async () => {
      await moveTo(shiftDays(WEEK1, 1), '17:59');
      expect(await titles('zhangwei', id)).toEqual([]);
      await moveTo(shiftDays(WEEK1, 1), '18:00');
      expect(await titles('zhangwei', id)).toEqual([`即将到期：${TITLE}`]);
      await moveTo(shiftDays(WEEK1, 1), '18:30');
      expect(await titles('zhangwei', id)).toEqual([`即将到期：${TITLE}`]);
      const [card] = await cards('zhangwei', id);
      expect(card.url).toBe(`${server.services.env.publicUrl}/handovers/${id}`);
      expect(card.description).toContain(`${wed} 18:00`);
    });

    it('reminds the owner when it falls due and every interval after', async () => {
      await moveTo(wed, '18:00');
      expect((await cards('zhangwei', id)).slice(1).map((c) => c.description))
        .toEqual([expect.stringContaining('第 1 次提醒')]);
      await moveTo(wed, '20:00');
      expect(await cards('zhangwei', id)).toHaveLength(2);
      await moveTo(thu, '18:00');
      expect((await cards('zhangwei', id)).slice(1).map((c) => c.title))
        .toEqual([`已逾期：${TITLE}`, `已逾期：${TITLE}`]);
      expect(await titles('liuyang', id)).toEqual([]);
    });

    it('posts at most one overdue line a day to the group', async () => {
      const lines = await groupLines(id);
      expect(lines).toHaveLength(2); // Wednesday's and Thursday's
      expect(lines[0]).toContain(`「${TITLE}」`);
      expect(lines[0]).toContain('张伟');
    });

    it('escalates to the manager and HR with the reminder after two, once', async () => {
      await moveTo(fri, '18:00');
      const escalation = `逾期未完成：${TITLE}`;
      expect(await titles('liuyang', id)).toEqual([escalation]);
      expect(await titles('wangfang', id)).toEqual([escalation]);
      expect((await cards('liuyang', id))[0].description).toContain('已提醒 2 次');
      expect(await cards('zhangwei', id)).toHaveLength(4);
    });

    it('holds reminders back over the weekend and sends them on Monday', async () => {
      await moveTo(shiftDays(WEEK1, 5), '18:00');
      await moveTo(shiftDays(WEEK1, 6), '18:00');
      await moveTo(shiftDays(WEEK1, 7), '08:29'); // Monday, still quiet
      expect(await cards('zhangwei', id)).toHaveLength(4);
      expect(await groupLines(id)).toHaveLength(3);
      await moveTo(shiftDays(WEEK1, 7), '08:30');
      const all = await cards('zhangwei', id);
      expect(all).toHaveLength(5);
      expect(all[4].description).toContain('第 4 次提醒');
      expect(await groupLines(id)).toHaveLength(4);
      expect(await titles('liuyang', id)).toHaveLength(1);
    });

    it('sends nothing more once the milestone is done', async () => {
      const { milestones } = await must<HandoverDetail>(departing, 'GET',
        `/api/handovers/${id}`);
      await must(departing, 'POST',
        `/api/handovers/${id}/milestones/${milestones[0].id}/complete`, {});
      await moveTo(shiftDays(WEEK1, 8), '18:00');
      await moveTo(shiftDays(WEEK1, 9), '18:00');
      expect(await cards('zhangwei', id)).toHaveLength(5);
      expect(await groupLines(id)).toHaveLength(4);
      await cancel(id);
    });
  });

  it('follows the template\'s interval, escalation and quiet hours', async () => {
    const id = await startHandover(WEEK2, {
      intervalHours: 2, escalateAfter: 1, quietHours: { start: '20:00', end: '09:00' },
    });
    const wed = shiftDays(WEEK2, 2);
    const thu = shiftDays(WEEK2, 3);
    // The clock jumps past Tuesday: the due-soon notice is overtaken.
    await moveTo(wed, '18:00');
    expect(await titles('zhangwei', id)).toEqual([`已逾期：${TITLE}`]);
    await moveTo(wed, '19:59');
    expect(await cards('zhangwei', id)).toHaveLength(1);
    await moveTo(wed, '20:30'); // due again, but quiet from 20:00
    await moveTo(thu, '08:59');
    expect(await cards('zhangwei', id)).toHaveLength(1);
    expect(await titles('liuyang', id)).toEqual([]);
    await moveTo(thu, '09:00');
    const all = await cards('zhangwei', id);
    expect(all).toHaveLength(2);
    expect(all[1].description).toContain('第 2 次提醒');
    expect(await titles('liuyang', id)).toEqual([`逾期未完成：${TITLE}`]);
    await moveTo(thu, '10:59');
    expect(await cards('zhangwei', id)).toHaveLength(2);
    await moveTo(thu, '11:00');
    expect(await cards('zhangwei', id)).toHaveLength(3);
    await cancel(id);
  });

  it('holds reminders back on a holiday and sends them the next workday', async () => {
    const id = await startHandover(WEEK3);
    await moveTo(shiftDays(WEEK3, 2), '18:00');
    expect(await cards('zhangwei', id)).toHaveLength(1);
    expect(await groupLines(id)).toHaveLength(1);
    await moveTo(HOLIDAY, '18:00');
    await moveTo(HOLIDAY, '20:00');
    expect(await cards('zhangwei', id)).toHaveLength(1);
    expect(await groupLines(id)).toHaveLength(1);
    await moveTo(shiftDays(HOLIDAY, 1), '08:30');
    const all = await cards('zhangwei', id);
    expect(all).toHaveLength(2);
    expect(all[1].description).toContain('第 2 次提醒');
    expect(await groupLines(id)).toHaveLength(2);
    await cancel(id);
  });

  describe('with two scans at once', () => {
    let id: string;

    beforeAll(async () => { id = await startHandover(WEEK4); });

    const logged = async () => (await server.services.db.getRepository(ReminderLog)
      .findBy({ handoverId: Number(id) })).map((r) => r.dedupeKey).sort();

    it('in one process sends each reminder once', async () => {
      await moveTo(shiftDays(WEEK4, 1), '17:00');
      server.clock.advance(3600_000); // 18:00, without the sandbox's own scan
      const scan = () => sendDueReminders({
        db: server.services.db, context: server.services.commands,
        logger: server.services.logger,
      });
      const results = await Promise.all([scan(), scan()]);
      expect(results.map((r) => r.dueSoon).sort()).toEqual([0, 1]);
      await server.services.outbox.kick();
      expect(await titles('zhangwei', id)).toEqual([`即将到期：${TITLE}`]);
    });

    (onMysql ? it : it.skip)('in two processes on one MySQL sends each reminder once',
      async () => {
        await moveTo(shiftDays(WEEK4, 2), '17:00');
        server.clock.advance(3600_000); // due now
        const other = createDataSource(server.services.env.databaseUrl);
        await other.initialize();
        try {
          const scans = [server.services.db, other].map((db) => sendDueReminders({
            db, context: server.services.commands,
          }));
          const results = await Promise.all(scans);
          expect(results.map((r) => r.overdue).sort()).toEqual([0, 1]);
          expect(results.map((r) => r.groupLines).sort()).toEqual([0, 1]);
        } finally {
          await other.destroy();
        }
        await server.services.outbox.kick();
        expect(await cards('zhangwei', id)).toHaveLength(2);
        expect(await groupLines(id)).toHaveLength(1);
        expect(await logged()).toEqual([
          `handover:${id}:group-overdue:${shiftDays(WEEK4, 2)}`,
          `milestone:${await milestoneId(id)}:due-soon:${shiftDays(WEEK4, 2)}`,
          `milestone:${await milestoneId(id)}:overdue:1`,
        ]);
      });
  });

  const milestoneId = async (id: string) => (await must<HandoverDetail>(hr, 'GET',
    `/api/handovers/${id}`)).milestones[0].id;
});
