import { makeEmulator, textMessage, TEST_APP } from './test-support';

describe('message/send', () => {
  it('delivers a text message to each recipient inbox with a msgid', async () => {
    const { emulator, post } = makeEmulator();
    const res = await post('message/send', textMessage('lina|wangfang', '交接开始'));

    expect(res).toMatchObject({ errcode: 0, errmsg: 'ok' });
    expect(typeof res.msgid).toBe('string');
    expect(res).not.toHaveProperty('invaliduser');
    for (const userid of ['lina', 'wangfang']) {
      const [message] = emulator.inbox(userid);
      expect(message).toMatchObject({ msgid: res.msgid, msgtype: 'text' });
      expect(message.body).toMatchObject({ text: { content: '交接开始' } });
    }
    expect(emulator.inbox('zhaolei')).toHaveLength(0);
  });

  it('refuses a wrong agentid with 40056 and an unknown msgtype with 40008', async () => {
    const { post } = makeEmulator();
    const badAgent = await post('message/send',
      textMessage('lina', 'x', { agentid: 999 }));
    const badType = await post('message/send',
      { ...textMessage('lina'), msgtype: 'telegram' });
    expect(badAgent.errcode).toBe(40056);
    expect(badType.errcode).toBe(40008);
  });

  it('takes 2048 bytes of text and refuses 2049 with 45002', async () => {
    const { post } = makeEmulator();
    // 682 three-byte characters plus two ASCII bytes = 2048 bytes.
    const limit = '交'.repeat(682) + 'ab';
    expect((await post('message/send', textMessage('lina', limit))).errcode)
      .toBe(0);
    const over = await post('message/send', textMessage('lina', `${limit}c`));
    expect(over.errcode).toBe(45002);
  });

  it('refuses empty text content with 44004', async () => {
    const { post } = makeEmulator();
    expect((await post('message/send', textMessage('lina', ''))).errcode)
      .toBe(44004);
  });

  it('checks textcard fields', async () => {
    const { post } = makeEmulator();
    const card = { title: '里程碑', description: '请确认', url: 'https://x.test' };
    const send = (textcard: object) => post('message/send', {
      touser: 'lina', msgtype: 'textcard', agentid: TEST_APP.agentId, textcard,
    });
    expect((await send(card)).errcode).toBe(0);
    expect((await send({ ...card, url: undefined })).errcode).toBe(40063);
    expect((await send({ ...card, btntxt: '查看详情哦' })).errcode).toBe(45002);
    expect((await send({ ...card, title: 'x'.repeat(129) })).errcode).toBe(45002);
  });

  it('reports unknown recipients in invaliduser and still delivers', async () => {
    const { emulator, post } = makeEmulator();
    const res = await post('message/send', textMessage('lina|ghost|nobody'));
    expect(res).toMatchObject({ errcode: 0, invaliduser: 'ghost|nobody' });
    expect(emulator.inbox('lina')).toHaveLength(1);
  });

  it('answers 81013 when every recipient is invalid', async () => {
    const { post } = makeEmulator();
    const res = await post('message/send',
      textMessage('ghost', 'x', { toparty: '999', totag: '7' }));
    expect(res.errcode).toBe(81013);
  });

  it('answers 82001 when no recipient is named', async () => {
    const { post } = makeEmulator();
    expect((await post('message/send', textMessage(''))).errcode).toBe(82001);
  });

  it('reaches a department by toparty', async () => {
    const { emulator, post } = makeEmulator();
    const res = await post('message/send', textMessage('', 'x', { toparty: '3' }));
    expect(res.errcode).toBe(0);
    expect(emulator.inbox('zhangwei')).toHaveLength(1);
    expect(emulator.inbox('lina')).toHaveLength(1);
    expect(emulator.inbox('wangfang')).toHaveLength(0);
  });

  it('drops messages past 30 a minute per member silently and counts them', async () => {
    const { emulator, clock, post } = makeEmulator();
    for (let i = 0; i < 31; i += 1) {
      const res = await post('message/send', textMessage('lina', `第${i}条`));
      expect(res.errcode).toBe(0);
    }
    expect(emulator.inbox('lina')).toHaveLength(30);
    expect(emulator.droppedCounts().app).toEqual({ lina: 1 });

    clock.advance(61_000);
    await post('message/send', textMessage('lina', '一分钟后'));
    expect(emulator.inbox('lina')).toHaveLength(31);
  });

  it('applies the hourly limit too', async () => {
    const { emulator, clock, post } = makeEmulator({
      limits: { appPerMemberPerHour: 3 },
    });
    for (let i = 0; i < 4; i += 1) {
      await post('message/send', textMessage('lina', `第${i}条`));
      clock.advance(61_000);
    }
    expect(emulator.inbox('lina')).toHaveLength(3);
    expect(emulator.droppedCounts().app.lina).toBe(1);
  });

  it('does not deliver an identical request again inside the duplicate window', async () => {
    const { emulator, clock, post } = makeEmulator();
    const body = textMessage('lina', '重复', {
      enable_duplicate_check: 1, duplicate_check_interval: 600,
    });
    const first = await post('message/send', body);
    const again = await post('message/send', body);
    expect(again).toMatchObject({ errcode: 0, msgid: first.msgid });
    expect(emulator.inbox('lina')).toHaveLength(1);

    clock.advance(601_000);
    const later = await post('message/send', body);
    expect(later.msgid).not.toBe(first.msgid);
    expect(emulator.inbox('lina')).toHaveLength(2);
  });

  it('delivers identical requests twice without the duplicate check', async () => {
    const { emulator, post } = makeEmulator();
    await post('message/send', textMessage('lina', '重复'));
    await post('message/send', textMessage('lina', '重复'));
    expect(emulator.inbox('lina')).toHaveLength(2);
  });

  it('answers 47001 for a body that is not JSON', async () => {
    const { http, token } = makeEmulator();
    const res = await http.post('/cgi-bin/message/send')
      .query({ access_token: await token() })
      .set('Content-Type', 'application/json')
      .send('{not json');
    expect(res.status).toBe(200);
    expect(res.body.errcode).toBe(47001);
  });
});
