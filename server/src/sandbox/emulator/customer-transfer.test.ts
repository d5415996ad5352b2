import { TRANSFER_WAIT_S } from './customer-transfer';
import { makeEmulator, type TestEmulator } from './test-support';

const HUAXIN = 'wmDemoHuaxinJixie0001';
const DONGFANG = 'wmDemoDongfangJingmi02';
const JINQIAO = 'wmDemoJinqiaoMaoyi003';
const DAY_MS = TRANSFER_WAIT_S * 1000;

/** An on-the-job transfer from zhangwei to lina. */
function transfer(t: TestEmulator, ids: string[], extra = {}) {
  return t.post('externalcontact/transfer_customer', {
    handover_userid: 'zhangwei', takeover_userid: 'lina',
    external_userid: ids, transfer_success_msg: '您好，后续由李娜为您服务', ...extra,
  });
}

/** The on-the-job results of zhangwei to lina, by external userid. */
async function statuses(t: TestEmulator, endpoint = 'transfer_result') {
  const res = await t.post(`externalcontact/${endpoint}`,
    { handover_userid: 'zhangwei', takeover_userid: 'lina' });
  const list = res.customer as { external_userid: string; status: number }[];
  return Object.fromEntries(list.map((c) => [c.external_userid, c.status]));
}

describe('customer transfer', () => {
  it('waits, then takes over after 24 h and moves the follower', async () => {
    const t = makeEmulator();
    const res = await transfer(t, [HUAXIN]);
    expect(res).toMatchObject({
      errcode: 0, customer: [{ external_userid: HUAXIN, errcode: 0 }],
    });
    expect(await statuses(t)).toEqual({ [HUAXIN]: 2 });

    t.clock.advance(DAY_MS - 1000);
    expect(await statuses(t)).toEqual({ [HUAXIN]: 2 });
    t.clock.advance(1000);
    expect(await statuses(t)).toEqual({ [HUAXIN]: 1 });
    expect(await t.get('externalcontact/list', { userid: 'lina' }))
      .toMatchObject({ external_userid: [HUAXIN] });
    const zhang = await t.get('externalcontact/list', { userid: 'zhangwei' });
    expect(zhang.external_userid).not.toContain(HUAXIN);
  });

  it('settles as refused or at limit when an outcome is set', async () => {
    const t = makeEmulator();
    t.emulator.setTransferOutcome(DONGFANG, 3);
    t.emulator.setTransferOutcome(JINQIAO, 4);
    await transfer(t, [HUAXIN, DONGFANG, JINQIAO]);
    t.clock.advance(DAY_MS);
    expect(await statuses(t)).toEqual({ [HUAXIN]: 1, [DONGFANG]: 3, [JINQIAO]: 4 });
    const zhang = await t.get('externalcontact/list', { userid: 'zhangwei' });
    expect(zhang.external_userid).toEqual(expect.arrayContaining([DONGFANG, JINQIAO]));
  });

  it('answers per-customer errcodes', async () => {
    const t = makeEmulator();
    await transfer(t, [HUAXIN]);
    const res = await transfer(t, [HUAXIN, 'wmNobody', DONGFANG]);
    expect(res.customer).toEqual([
      { external_userid: HUAXIN, errcode: 40129 },
      { external_userid: 'wmNobody', errcode: 40096 },
      { external_userid: DONGFANG, errcode: 0 },
    ]);
    const self = await t.post('externalcontact/transfer_customer', {
      handover_userid: 'zhangwei', takeover_userid: 'zhangwei', external_userid: [JINQIAO],
    });
    expect(self.customer).toEqual([{ external_userid: JINQIAO, errcode: 40130 }]);
    const other = await t.post('externalcontact/transfer_customer', {
      handover_userid: 'lina', takeover_userid: 'liuyang', external_userid: [JINQIAO],
    });
    expect(other.customer).toEqual([{ external_userid: JINQIAO, errcode: 84061 }]);
  });

  it('refuses a third transfer within 90 days with 40128', async () => {
    const t = makeEmulator();
    t.emulator.setTransferOutcome(HUAXIN, 3);
    await transfer(t, [HUAXIN]);
    t.clock.advance(DAY_MS);
    await transfer(t, [HUAXIN]);
    t.clock.advance(DAY_MS);
    const third = await transfer(t, [HUAXIN]);
    expect(third.customer).toEqual([{ external_userid: HUAXIN, errcode: 40128 }]);
  });

  it('refuses more than 100 customers and a message over 200 characters', async () => {
    const t = makeEmulator();
    const ids = Array.from({ length: 101 }, (_, i) => `wm${i}`);
    expect((await transfer(t, ids)).errcode).toBe(40058);
    expect((await transfer(t, [HUAXIN], { transfer_success_msg: '好'.repeat(201) }))
      .errcode).toBe(40058);
  });

  it('transfers a resigned member\'s customers only after they left', async () => {
    const t = makeEmulator();
    const body = {
      handover_userid: 'zhangwei', takeover_userid: 'lina', external_userid: [HUAXIN],
    };
    expect((await t.post('externalcontact/resigned/transfer_customer', body)).errcode)
      .toBe(40097);

    t.emulator.markResigned('zhangwei');
    const unassigned = await t.post('externalcontact/get_unassigned_list', {});
    expect(unassigned).toMatchObject({ is_last: true });
    expect((unassigned.info as unknown[]).length).toBe(4);
    const res = await t.post('externalcontact/resigned/transfer_customer', body);
    expect(res.customer).toEqual([{ external_userid: HUAXIN, errcode: 0 }]);
    t.clock.advance(DAY_MS);
    expect(await statuses(t, 'resigned/transfer_result')).toEqual({ [HUAXIN]: 1 });
    expect(await statuses(t)).toEqual({});
  });

  it('moves customer groups to the new owner, failing unknown chats', async () => {
    const t = makeEmulator();
    const listed = await t.post('externalcontact/groupchat/list',
      { owner_filter: { userid_list: ['zhangwei'] } });
    const ids = (listed.group_chat_list as { chat_id: string }[]).map((g) => g.chat_id);
    expect(ids).toHaveLength(2);

    const res = await t.post('externalcontact/groupchat/onjob_transfer',
      { chat_id_list: [...ids, 'wrNope'], new_owner: 'lina' });
    expect(res.failed_chat_list).toEqual([
      { chat_id: 'wrNope', errcode: 86003, errmsg: 'failed' }]);
    expect(t.emulator.customerGroups().map((g) => g.owner)).toEqual(['lina', 'lina']);
    const resigned = await t.post('externalcontact/groupchat/transfer',
      { chat_id_list: ids, new_owner: 'liuyang' });
    expect((resigned.failed_chat_list as unknown[]).length).toBe(2);
  });

  it('keeps transfers across a snapshot and loads one saved without them', async () => {
    const t = makeEmulator();
    await transfer(t, [HUAXIN]);
    t.clock.advance(DAY_MS);
    t.emulator.markResigned('zhaolei');
    const saved = t.emulator.snapshot();

    const fresh = makeEmulator({ clock: t.clock });
    expect(fresh.emulator.restore(saved)).toBe(true);
    expect(fresh.emulator.customerTransfers()).toMatchObject([{ status: 1 }]);
    expect(await fresh.get('externalcontact/list', { userid: 'lina' }))
      .toMatchObject({ external_userid: [HUAXIN] });
    expect(fresh.emulator.company.people.find((p) => p.userid === 'zhaolei')?.status)
      .toBe(5);

    const { customerTransfer: _dropped, ...old } = saved;
    expect(fresh.emulator.restore(old)).toBe(true);
    expect(fresh.emulator.customerTransfers()).toEqual([]);
    expect(fresh.emulator.customerGroups()).toHaveLength(2);
  });
});
