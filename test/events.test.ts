import { Like } from 'typeorm';
import { handoverCreator } from '../server/src/commands/handoverCreator';
import { handoverStarter } from '../server/src/commands/handoverStarter';
import {
  AuditEvent, CallbackTask, Employee, Handover, HandoverItem,
  HandoverParticipant, HandoverTemplate, Milestone, OutboxMessage, Session,
} from '../server/src/entities';
import { SANDBOX_WECOM } from '../server/src/env';
import { enqueue } from '../server/src/outbox/outbox';
import type { WecomEmulator, XmlFields } from '../server/src/sandbox/emulator';
import { eventDriver, TEST_APPROVAL, TestServer } from './support/events';
import { Browser, loginAs, startTestServer } from './support/server';
import { IndependentWecomCrypto, xmlValue } from './support/wecom-crypto';

/** The directory kept by events, greetings, and events Baton cannot use. */
describe('directory and message events', () => {
  let server: TestServer;
  let emulator: WecomEmulator;
  const { db, send, contact, employee, settle, texts, later } =
    eventDriver(() => server);

  /** An active handover HR 王芳 started, from the 销售总监 template. */
  async function startHandover(departing: string, successor: string) {
    const template = await db().getRepository(HandoverTemplate)
      .findOneByOrFail({ key: 'sales_director' });
    const context = server.services.commands;
    const handover = await handoverCreator({ db: db(), context, actor: 'wangfang',
      input: { templateId: String(template.id), departingUserid: departing,
        successorUserid: successor, managerUserid: 'liuyang',
        lastWorkingDay: '2027-03-31' } });
    await handoverStarter({ db: db(), context, actor: 'wangfang',
      handoverId: handover.id });
    await server.services.outbox.kick();
    return handover;
  }

  beforeAll(async () => {
    server = await startTestServer('events', {
      RESIGNATION_APPROVAL: JSON.stringify(TEST_APPROVAL),
    });
    emulator = server.services.emulator!;
  });
  afterAll(() => server.close());

  describe('change_contact', () => {
    it('adds a member from create_user with the fields it carries', async () => {
      const result = await contact({ ChangeType: 'create_user', UserID: 'sunqiang',
        Name: '孙强', Department: '1,2', MainDepartment: '2', Position: '采购经理',
        DirectLeader: 'liuyang', Status: '1' });
      expect(result.status).toBe(200);
      expect(await employee('sunqiang')).toMatchObject({ name: '孙强',
        departmentIds: [1, 2], mainDepartment: 2, position: '采购经理',
        directLeader: ['liuyang'], status: 1, departedAt: null });
    });

    it('updates only the fields an update_user carries', async () => {
      later();
      await contact({ ChangeType: 'update_user', UserID: 'sunqiang',
        Position: '采购总监' });
      expect(await employee('sunqiang')).toMatchObject({ name: '孙强',
        position: '采购总监', departmentIds: [1, 2], directLeader: ['liuyang'] });
      await settle();
      expect(await db().getRepository(CallbackTask).count()).toBe(0);
    });

    it('fetches the member with user/get when only UserID and Department come',
      async () => {
        await db().getRepository(Employee).update({ userid: 'chenjing' },
          { name: '旧名字', position: '' });
        const before = emulator.callCounts()['user/get'] ?? 0;
        later();
        await contact({ ChangeType: 'update_user', UserID: 'chenjing',
          Department: '1' });
        await settle();
        expect(emulator.callCounts()['user/get']).toBe(before + 1);
        expect(await employee('chenjing'))
          .toMatchObject({ name: '陈静', position: '财务经理' });
        expect(await db().getRepository(CallbackTask).findOneByOrFail(
          { kind: 'directory.user' })).toMatchObject({ status: 'done' });
      });

    it('gives up on a member WeCom does not show, without a row', async () => {
      later();
      await contact({ ChangeType: 'create_user', UserID: 'ghost', Department: '1' });
      await settle();
      expect(await employee('ghost')).toBeNull();
      const task = await db().getRepository(CallbackTask)
        .findOneByOrFail({ dedupeKey: Like('user:ghost:%') });
      expect(task.status).toBe('skipped');
    });

    it('moves every handover reference when a userid is renamed', async () => {
      const handover = await startHandover('zhaolei', 'sunqiang');
      await loginAs(server.url, 'liuyang');
      const milestone = await db().getRepository(Milestone)
        .findOneByOrFail({ handoverId: handover.id, position: 0 });
      await db().getRepository(Milestone).update(milestone.id, { doneBy: 'sunqiang' });
      const item = await db().getRepository(HandoverItem)
        .findOneByOrFail({ handoverId: handover.id, position: 0 });
      await db().getRepository(HandoverItem).update(item.id,
        { acknowledgedBy: 'sunqiang' });
      await db().getRepository(Session).update({ userid: 'liuyang' },
        { userid: 'sunqiang' });

      later();
      await contact({ ChangeType: 'update_user', UserID: 'sunqiang',
        NewUserID: 'sun.qiang', Name: '孙强' });

      expect(await employee('sunqiang')).toBeNull();
      expect(await employee('sun.qiang')).toMatchObject({ name: '孙强' });
      expect(await db().getRepository(Handover).findOneByOrFail({ id: handover.id }))
        .toMatchObject({ successorUserid: 'sun.qiang' });
      const roles = await db().getRepository(HandoverParticipant)
        .findBy({ handoverId: handover.id, role: 'successor' });
      expect(roles.map((p) => p.userid)).toEqual(['sun.qiang']);
      expect((await db().getRepository(Milestone).findOneByOrFail(
        { id: milestone.id })).doneBy).toBe('sun.qiang');
      expect((await db().getRepository(HandoverItem).findOneByOrFail(
        { id: item.id })).acknowledgedBy).toBe('sun.qiang');
      expect(await db().getRepository(Session).countBy({ userid: 'sunqiang' })).toBe(0);
      expect(await db().getRepository(Session).countBy({ userid: 'sun.qiang' }))
        .toBeGreaterThan(0);
    });

    it('marks a departing executive departed and tells HR and the group',
      async () => {
        const handover = await startHandover('zhangwei', 'lina');
        later();
        const sent = server.clock.now();
        // WeCom delivers it twice (a retry): the same event, applied once.
        const CreateTime = Math.floor(sent / 1000);
        for (let i = 0; i < 2; i++) {
          await contact({ ChangeType: 'delete_user', UserID: 'zhangwei', CreateTime });
          await settle();
        }

        const departed = await employee('zhangwei');
        expect(departed?.status).toBe(5);
        expect(departed?.departedAt?.getTime())
          .toBeGreaterThanOrEqual(Math.floor(sent / 1000) * 1000);
        expect(departed?.departedAt?.getTime()).toBeLessThanOrEqual(server.clock.now());
        const events = await db().getRepository(AuditEvent)
          .findBy({ action: 'employee.departed', handoverId: handover.id });
        expect(events).toHaveLength(1);
        expect(texts('wangfang').filter((t) => t.includes('张伟 已从企业微信通讯录删除')))
          .toHaveLength(1);
        const group = emulator.chat(handover.chatId!)!;
        expect(group.messages.map((m) => m.body.text)).toContainEqual(
          { content: '张伟 已离职。交接继续进行，未完成的事项请联系人事。' });
      });

    it('leaves a departure as it was when delete_user comes again later',
      async () => {
        const before = await employee('zhangwei');
        const audits = await db().getRepository(AuditEvent).count();
        server.clock.advance(60_000);
        const result = await contact({ ChangeType: 'delete_user', UserID: 'zhangwei' });
        await settle();
        expect(result.status).toBe(200);
        expect((await employee('zhangwei'))?.departedAt).toEqual(before?.departedAt);
        expect(await db().getRepository(AuditEvent).count()).toBe(audits);
      });

    it('only marks a member who is not departing anywhere', async () => {
      const audits = await db().getRepository(AuditEvent).count();
      later();
      await contact({ ChangeType: 'delete_user', UserID: 'chenjing' });
      expect(await employee('chenjing')).toMatchObject({ status: 5 });
      expect((await employee('chenjing'))?.departedAt).not.toBeNull();
      expect(await db().getRepository(AuditEvent).count()).toBe(audits);
    });
  });

  describe('enter_agent and text messages', () => {
    const wecom = new IndependentWecomCrypto(SANDBOX_WECOM.token,
      SANDBOX_WECOM.aesKey, SANDBOX_WECOM.corpId);
    /** Checks the reply's signature and opens it with independent code. */
    const open = (body: string) => {
      const encrypt = xmlValue(body, 'Encrypt')!;
      expect(wecom.sign(xmlValue(body, 'TimeStamp')!, xmlValue(body, 'Nonce')!,
        encrypt)).toBe(xmlValue(body, 'MsgSignature'));
      const { message, receiveId } = wecom.decrypt(encrypt);
      expect(receiveId).toBe(SANDBOX_WECOM.corpId);
      return message;
    };
    const enter = (userid: string) => send({ FromUserName: userid,
      MsgType: 'event', Event: 'enter_agent', EventKey: '' });

    it('greets a member who opens the app once a day, with the home link',
      async () => {
        later();
        const first = await enter('lina');
        const reply = open(first.body);
        expect(xmlValue(reply, 'MsgType')).toBe('text');
        expect(xmlValue(reply, 'ToUserName')).toBe('lina');
        expect(xmlValue(reply, 'Content')).toBe(
          `你好，这里是 Baton 离任交接。查看我的交接：${server.services.env.publicUrl}/`);

        later();
        const again = await enter('lina');
        expect(again.status).toBe(200);
        expect(again.body).toBe('');

        server.clock.advance(24 * 3600 * 1000);
        expect(open((await enter('lina')).body)).toContain('查看我的交接');
      });

    it('answers a text message with a short help', async () => {
      const result = await send({ FromUserName: 'wangfang', MsgType: 'text',
        Content: '你好', MsgId: '7395000000000000001' });
      const reply = open(result.body);
      expect(xmlValue(reply, 'ToUserName')).toBe('wangfang');
      expect(xmlValue(reply, 'Content')).toBe('Baton 不处理聊天消息。交接资料、'
        + `里程碑和进度都在「我的交接」里：${server.services.env.publicUrl}/`);
    });
  });

  describe('malformed events', () => {
    /** Row counts of everything an event could change. */
    const footprint = async () => Promise.all([Employee, Handover, AuditEvent,
      CallbackTask].map((entity) => db().getRepository(entity).count()));

    it.each<[string, XmlFields]>([
      ['change_contact without UserID', { FromUserName: 'sys', MsgType: 'event',
        Event: 'change_contact', ChangeType: 'create_user', Name: '无名' }],
      ['change_contact from a member', { FromUserName: 'lina', MsgType: 'event',
        Event: 'change_contact', ChangeType: 'delete_user', UserID: 'lina' }],
      ['delete_user of an unknown member', { FromUserName: 'sys', MsgType: 'event',
        Event: 'change_contact', ChangeType: 'delete_user', UserID: 'nobody' }],
      ['a bad NewUserID', { FromUserName: 'sys', MsgType: 'event',
        Event: 'change_contact', ChangeType: 'update_user', UserID: 'nobody2',
        NewUserID: 'bad id!' }],
      ['approval without ApprovalInfo', { FromUserName: 'sys', MsgType: 'event',
        Event: 'sys_approval_change' }],
      ['approval without SpNo', { FromUserName: 'sys', MsgType: 'event',
        Event: 'sys_approval_change',
        ApprovalInfo: { SpStatus: 2, TemplateId: TEST_APPROVAL.templateId } }],
      ['approval info as text', { FromUserName: 'sys', MsgType: 'event',
        Event: 'sys_approval_change', ApprovalInfo: 'x' }],
      ['enter_agent without a sender', { MsgType: 'event', Event: 'enter_agent' }],
      ['text without a sender', { MsgType: 'text', Content: 'hi', MsgId: '42' }],
    ])('answers 200 and changes nothing for %s', async (_name, fields) => {
      const before = await footprint();
      later();
      const result = await send(fields);
      await settle();
      expect(result.status).toBe(200);
      expect(result.body).toBe('');
      expect(await footprint()).toEqual(before);
    });

    it('takes events through the sandbox API too', async () => {
      later();
      const sandbox = new Browser(server.url);
      const result = await sandbox.post<{ status: number }>('/sandbox/api/callback', {
        fields: { FromUserName: 'sys', MsgType: 'event', Event: 'change_contact',
          ChangeType: 'update_user', UserID: 'lina', Position: '销售总监' },
      });
      expect(result.body.status).toBe(200);
      expect(await employee('lina')).toMatchObject({ position: '销售总监' });
    });
  });
});

describe('outbox dedupe the events rely on', () => {
  let server: TestServer;
  beforeAll(async () => { server = await startTestServer('events_outbox'); });
  afterAll(() => server.close());

  it('keeps one row when the same key is enqueued twice', async () => {
    const { db } = server.services;
    const entry = { kind: 'message.send', dedupeKey: 'events:twice',
      payload: { touser: 'wangfang', msgtype: 'text', text: { content: 'x' } } };
    await db.transaction((m) => enqueue(m, entry, new Date()));
    await db.transaction((m) => enqueue(m, entry, new Date()));
    expect(await db.getRepository(OutboxMessage)
      .countBy({ dedupeKey: 'events:twice' })).toBe(1);
  });
});
