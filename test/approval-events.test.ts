import {
  AuditEvent, CallbackTask, Handover, HandoverTemplate,
} from '../server/src/entities';
import { loadEnv, SANDBOX_RESIGNATION_APPROVAL } from '../server/src/env';
import {
  DEMO_APPROVAL_SP_NO, resignationApproval,
} from '../server/src/sandbox/demo-approval';
import type { WecomEmulator, XmlFields } from '../server/src/sandbox/emulator';
import { eventDriver, TEST_APPROVAL, TestServer } from './support/events';
import { startTestServer } from './support/server';

const APPROVAL = TEST_APPROVAL;
/** 2027-01-28 16:00 UTC: already 2027-01-29 in Shanghai. */
const LAST_DAY_S = Date.UTC(2027, 0, 28, 16, 0, 0) / 1000;

/** An approved resignation request becomes HR's draft, once. */
describe('resignation approval events', () => {
  let server: TestServer;
  let emulator: WecomEmulator;
  const { db, send, settle, texts, later } = eventDriver(() => server);

  beforeAll(async () => {
    server = await startTestServer('approval_events', {
      RESIGNATION_APPROVAL: JSON.stringify(APPROVAL),
    });
    emulator = server.services.emulator!;
  });
  afterAll(() => server.close());

  describe('resignation approvals', () => {
    const approvalEvent = (spNo: string, status: number,
      templateId = APPROVAL.templateId): XmlFields => ({
      FromUserName: 'sys', MsgType: 'event', Event: 'sys_approval_change',
      ApprovalInfo: { SpNo: spNo, SpName: '离职申请', SpStatus: status,
        TemplateId: templateId, ApplyTime: 1796000000,
        Applyer: { UserId: 'liuyang', Party: '1' }, StatuChangeEvent: 2 },
    });
    const drafts = () => db().getRepository(Handover)
      .findBy({ departingUserid: 'liuyang' });
    const seed = (spNo: string, successor: string | null, status = 2) =>
      emulator.addApproval(resignationApproval({ spNo, applyer: 'liuyang',
        successor, lastDayS: LAST_DAY_S, status, applyTime: 1796000000,
        templateId: APPROVAL.templateId }));

    it('prepares a draft for HR from an approved resignation', async () => {
      seed('202701150001', 'lina');
      later();
      expect((await send(approvalEvent('202701150001', 2))).status).toBe(200);
      await settle();

      const [draft] = await drafts();
      expect(draft).toMatchObject({ status: 'draft', successorUserid: 'lina',
        lastWorkingDay: '2027-01-29', createdBy: 'wangfang' });
      const template = await db().getRepository(HandoverTemplate)
        .findOneByOrFail({ id: draft.templateId! });
      expect(template.key).toBe('general_manager');
      const taken = await db().getRepository(AuditEvent)
        .findOneByOrFail({ action: 'approval.taken' });
      expect(taken).toMatchObject({ targetId: '202701150001', handoverId: draft.id });
      const told = texts('wangfang').filter((t) => t.includes('离职审批已通过'));
      expect(told).toHaveLength(1);
      expect(told[0]).toContain(`/handovers/${draft.id}`);
      expect(told[0]).toContain('2027-01-29');
    });

    it('makes one draft however often the approval is delivered', async () => {
      for (let i = 0; i < 2; i++) {
        later();
        expect((await send(approvalEvent('202701150001', 2))).status).toBe(200);
        await settle();
      }
      expect(await drafts()).toHaveLength(1);
      expect(await db().getRepository(CallbackTask)
        .countBy({ kind: 'approval.resignation' })).toBe(1);
    });

    it('does nothing for a rejected request or another template', async () => {
      seed('202701150002', 'lina', 3);
      later();
      await send(approvalEvent('202701150002', 3));
      later();
      await send(approvalEvent('202701150002', 2, 'someOtherTemplate'));
      await settle();
      expect(await drafts()).toHaveLength(1);
      expect(await db().getRepository(CallbackTask)
        .countBy({ kind: 'approval.resignation' })).toBe(1);
    });

    it('tries the approval detail again later when WeCom refuses it', async () => {
      seed('202701150004', 'lina');
      emulator.addFault({ endpoint: 'oa/getapprovaldetail', count: 1, errcode: 48002 });
      later();
      await send(approvalEvent('202701150004', 2));
      await settle();
      const task = () => db().getRepository(CallbackTask)
        .findOneByOrFail({ dedupeKey: 'approval:202701150004' });
      expect(await task()).toMatchObject({ status: 'pending', attempts: 1 });
      expect((await task()).lastError).toContain('48002');
      expect(await drafts()).toHaveLength(1);

      server.clock.advance(20_000);
      await settle();
      expect(await task()).toMatchObject({ status: 'done', attempts: 2 });
      expect(await drafts()).toHaveLength(2);
    });

    it('tells HR instead of guessing when the successor is missing', async () => {
      seed('202701150003', null);
      later();
      await send(approvalEvent('202701150003', 2));
      await settle();
      expect(await drafts()).toHaveLength(2);
      expect(texts('wangfang').filter((t) => t.includes('202701150003')))
        .toEqual([expect.stringContaining('没有填写工作交接人')]);
      expect(await db().getRepository(CallbackTask).findOneByOrFail(
        { dedupeKey: 'approval:202701150003' })).toMatchObject({ status: 'skipped' });
    });

    it('takes two approvals changed in the same second', async () => {
      const before = (await drafts()).length;
      seed('202701150005', 'lina');
      seed('202701150006', 'lina');
      later();
      const createTime = Math.floor(server.clock.now() / 1000);
      for (const spNo of ['202701150005', '202701150006']) {
        await send({ ...approvalEvent(spNo, 2), CreateTime: createTime });
      }
      await settle();
      expect(await drafts()).toHaveLength(before + 2);
    });
  });
});

describe('the sandbox demo resignation', () => {
  let server: TestServer;
  beforeAll(async () => { server = await startTestServer('events_demo'); });
  afterAll(() => server.close());

  it('turns 赵磊\'s seeded approval into a 生产总监 draft for 王芳', async () => {
    const result = await server.services.emulator!.sendCallback({
      FromUserName: 'sys', MsgType: 'event', Event: 'sys_approval_change',
      ApprovalInfo: { SpNo: DEMO_APPROVAL_SP_NO, SpStatus: 2,
        TemplateId: SANDBOX_RESIGNATION_APPROVAL.templateId },
    });
    expect(result.status).toBe(200);
    await server.services.callbackTasks.kick();

    const [draft] = await server.services.db.getRepository(Handover)
      .findBy({ departingUserid: 'zhaolei' });
    expect(draft).toMatchObject({ status: 'draft', successorUserid: 'chenjing',
      createdBy: 'wangfang' });
    const template = await server.services.db.getRepository(HandoverTemplate)
      .findOneByOrFail({ id: draft.templateId! });
    expect(template.key).toBe('production_director');
  });
});

describe('RESIGNATION_APPROVAL configuration', () => {
  it.each([
    ['not JSON', '{templateId'],
    ['a missing control', JSON.stringify({ templateId: 't', successorControl: 's',
      hrUserid: 'wangfang' })],
    ['an unknown key', JSON.stringify({ ...APPROVAL, extra: 1 })],
  ])('stops start-up naming the variable for %s', (_name, value) => {
    expect(() => loadEnv({ RESIGNATION_APPROVAL: value }))
      .toThrow(/^RESIGNATION_APPROVAL: /);
  });

  it('keeps the server from starting with a bad one', async () => {
    await expect(startTestServer('events_config', { RESIGNATION_APPROVAL: '[1]' }))
      .rejects.toThrow(/^RESIGNATION_APPROVAL: /);
  });

  it('reads a valid one, defaulting the template to 通用管理岗', () => {
    expect(loadEnv({ RESIGNATION_APPROVAL: JSON.stringify(APPROVAL) })
      .resignationApproval).toEqual({ ...APPROVAL, handoverTemplate: 'general_manager' });
  });

  it('is off in live mode unless set', () => {
    expect(loadEnv({ WECOM_MODE: 'live', WECOM_CORP_ID: 'ww1', WECOM_AGENT_ID: '1',
      WECOM_SECRET: 's', WECOM_TOKEN: 't', WECOM_AES_KEY: 'a'.repeat(43),
      SESSION_SECRET: 'x'.repeat(32) }).resignationApproval).toBeNull();
  });
});
