import { buttonCard, makeEmulator, type TestEmulator } from './test-support';

const members = ['zhangwei', 'lina', 'wangfang'];

/** Creates chat `chatid` named a, owned by lina, with `members`. */
function createChat(t: TestEmulator, chatid: string) {
  return t.post('appchat/create',
    { name: 'a', owner: 'lina', userlist: members, chatid });
}

describe('appchat', () => {
  it('creates a chat with a custom chatid and reads it back', async () => {
    const { post, get } = makeEmulator();
    const created = await post('appchat/create', {
      name: '张伟交接群', owner: 'wangfang', userlist: members, chatid: 'handover1',
    });
    expect(created).toMatchObject({ errcode: 0, chatid: 'handover1' });

    const res = await get('appchat/get', { chatid: 'handover1' });
    expect(res.chat_info).toEqual({
      chatid: 'handover1', name: '张伟交接群', owner: 'wangfang',
      userlist: members, chat_type: 0,
    });
  });

  it('answers 86215 for a chatid that exists, leaving the chat as it was', async () => {
    const { post, emulator } = makeEmulator();
    const body = { name: 'a', owner: 'lina', userlist: members, chatid: 'h1' };
    await post('appchat/create', body);
    const again = await post('appchat/create', { ...body, name: 'b' });
    expect(again.errcode).toBe(86215);
    expect(emulator.chat('h1')?.name).toBe('a');
  });

  it('generates a chatid when none is given', async () => {
    const { post } = makeEmulator();
    const res = await post('appchat/create', { name: 'g', userlist: members });
    expect(res.errcode).toBe(0);
    expect(String(res.chatid)).toMatch(/^[0-9a-zA-Z]{1,32}$/);
  });

  it.each([
    ['one member', { userlist: ['lina'] }, 86006],
    ['an owner outside the list', { owner: 'liuyang' }, 86207],
    ['an unknown member', { userlist: ['lina', 'ghost'] }, 86216],
    ['a 51-character name', { name: '群'.repeat(51) }, 86004],
    ['a chatid with a dash', { chatid: 'hand-over' }, 86001],
    ['a 33-character chatid', { chatid: 'a'.repeat(33) }, 86205],
    ['no userlist', { userlist: undefined }, 86204],
  ])('refuses %s', async (_label, change, errcode) => {
    const { post } = makeEmulator();
    const res = await post('appchat/create', {
      name: '群', owner: 'lina', userlist: members, ...change,
    });
    expect(res.errcode).toBe(errcode);
  });

  it('updates members and name', async () => {
    const t = makeEmulator();
    const { post, emulator } = t;
    await createChat(t, 'u1');
    const res = await post('appchat/update', {
      chatid: 'u1', name: '新名字', add_user_list: ['liuyang'],
      del_user_list: ['zhangwei'],
    });
    expect(res.errcode).toBe(0);
    expect(emulator.chat('u1')).toMatchObject({
      name: '新名字', userlist: ['lina', 'wangfang', 'liuyang'],
    });
  });

  it('answers 86003 for a chat that does not exist', async () => {
    const { post, get } = makeEmulator();
    expect((await get('appchat/get', { chatid: 'nope' })).errcode).toBe(86003);
    expect((await post('appchat/update', { chatid: 'nope', name: 'x' })).errcode)
      .toBe(86003);
  });

  it('records group messages and refuses template_card with 40008', async () => {
    const t = makeEmulator();
    const { post, emulator } = t;
    await createChat(t, 's1');
    const ok = await post('appchat/send', {
      chatid: 's1', msgtype: 'markdown', markdown: { content: '**已完成 80%**' },
    });
    const card = await post('appchat/send', {
      chatid: 's1', msgtype: 'template_card', template_card: buttonCard('c1'),
    });

    expect(ok.errcode).toBe(0);
    expect(card.errcode).toBe(40008);
    const messages = emulator.chat('s1')?.messages ?? [];
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      msgtype: 'markdown', deliveredTo: members,
      body: { markdown: { content: '**已完成 80%**' } },
    });
  });

  it('drops group messages past 200 a minute per member silently', async () => {
    const t = makeEmulator({ limits: { chatPerMemberPerMinute: 2 } });
    const { post, emulator } = t;
    await createChat(t, 'r1');
    for (let i = 0; i < 3; i += 1) {
      const res = await post('appchat/send', {
        chatid: 'r1', msgtype: 'text', text: { content: `第${i}条` },
      });
      expect(res.errcode).toBe(0);
    }
    const messages = emulator.chat('r1')?.messages ?? [];
    expect(messages[2].deliveredTo).toEqual([]);
    expect(emulator.droppedCounts().chat).toEqual({
      zhangwei: 1, lina: 1, wangfang: 1,
    });
  });

  it('has 200 a minute as the default group limit', async () => {
    const t = makeEmulator();
    const { post, emulator } = t;
    await createChat(t, 'd1');
    const send = () => post('appchat/send', {
      chatid: 'd1', msgtype: 'text', text: { content: 'x' },
    });
    for (let i = 0; i < 200; i += 1) await send();
    expect(emulator.droppedCounts().chat).toEqual({});
    await send();
    expect(emulator.droppedCounts().chat.lina).toBe(1);
  });
});
