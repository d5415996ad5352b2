import {
  buttonCard, cardMessage, makeEmulator, TEST_APP,
} from './test-support';

const agentid = Number(TEST_APP.agentId);

describe('template_card messages', () => {
  it('delivers a button card with a response_code and card state', async () => {
    const { emulator, post } = makeEmulator();
    const res = await post('message/send', cardMessage('lina', buttonCard('m1')));

    expect(res.errcode).toBe(0);
    expect(typeof res.response_code).toBe('string');
    const [message] = emulator.inbox('lina');
    expect(message.card).toEqual({
      taskId: 'm1', cardType: 'button_interaction',
      responseCode: res.response_code,
    });
    expect(message.body.template_card).toMatchObject({ task_id: 'm1' });
  });

  it.each([
    ['missing', undefined],
    ['with bad characters', 'task 1!'],
    ['longer than 128 bytes', 'a'.repeat(129)],
  ])('refuses a task_id %s with 42014', async (_label, taskId) => {
    const { post } = makeEmulator();
    const res = await post('message/send',
      cardMessage('lina', { ...buttonCard('x'), task_id: taskId }));
    expect(res.errcode).toBe(42014);
  });

  it('takes a 128-byte task_id with _-@', async () => {
    const { post } = makeEmulator();
    const taskId = `h1_m-2@x${'a'.repeat(120)}`;
    const res = await post('message/send', cardMessage('lina', buttonCard(taskId)));
    expect(res.errcode).toBe(0);
  });

  it('refuses a task_id the app already used with 42014', async () => {
    const { post } = makeEmulator();
    await post('message/send', cardMessage('lina', buttonCard('same')));
    const again = await post('message/send', cardMessage('wangfang', buttonCard('same')));
    expect(again.errcode).toBe(42014);
  });

  it('refuses interactive cards with 43012 when the app has no callback URL', async () => {
    const { post } = makeEmulator({ callbackUrl: () => undefined });
    const res = await post('message/send', cardMessage('lina', buttonCard('m1')));
    expect(res.errcode).toBe(43012);
  });

  it('sends a text_notice without task_id and without response_code', async () => {
    const { emulator, post } = makeEmulator({ callbackUrl: () => undefined });
    const res = await post('message/send', cardMessage('lina', {
      card_type: 'text_notice', main_title: { title: '交接已开始' },
      card_action: { type: 1, url: 'https://example.com' },
    }));
    expect(res.errcode).toBe(0);
    expect(res).not.toHaveProperty('response_code');
    expect(emulator.inbox('lina')[0].card).toMatchObject({
      taskId: null, responseCode: null,
    });
  });

  it.each([
    ['a text_notice without card_action', {
      card_type: 'text_notice', main_title: { title: 't' },
    }, 40063],
    ['an unknown card_type', { card_type: 'poster', task_id: 'a' }, 40058],
    ['seven buttons', {
      ...buttonCard('b7'),
      button_list: Array.from({ length: 7 }, (_, i) => ({ text: 'b', key: `k${i}` })),
    }, 40058],
    ['a callback button without key', {
      ...buttonCard('nk'), button_list: [{ text: '确认' }],
    }, 40063],
    ['a vote card without submit_button', {
      card_type: 'vote_interaction', task_id: 'v1', main_title: { title: '投票' },
      checkbox: { question_key: 'q', option_list: [{ id: 'a', text: 'A' }] },
    }, 40063],
  ])('refuses %s', async (_label, card, errcode) => {
    const { post } = makeEmulator();
    const res = await post('message/send', cardMessage('lina', card));
    expect(res.errcode).toBe(errcode);
  });
});

describe('message/update_template_card', () => {
  async function sentCard() {
    const t = makeEmulator();
    const res = await t.post('message/send',
      cardMessage('lina|wangfang', buttonCard('m1')));
    return { ...t, code: String(res.response_code) };
  }

  it('greys the button for every recipient with replace_name', async () => {
    const { emulator, post, code } = await sentCard();
    const res = await post('message/update_template_card', {
      agentid, response_code: code, button: { replace_name: '已确认' },
    });
    expect(res.errcode).toBe(0);
    expect(emulator.inbox('lina')[0].card?.replaceName).toBe('已确认');
    expect(emulator.inbox('wangfang')[0].card?.replaceName).toBe('已确认');
  });

  it('updates only the named userids', async () => {
    const { emulator, post, code } = await sentCard();
    await post('message/update_template_card', {
      agentid, userids: ['wangfang'], response_code: code,
      button: { replace_name: '已确认' },
    });
    expect(emulator.inbox('lina')[0].card?.replaceName).toBeUndefined();
    expect(emulator.inbox('wangfang')[0].card?.replaceName).toBe('已确认');
  });

  it('takes a response_code only once', async () => {
    const { post, code } = await sentCard();
    const body = { agentid, response_code: code, button: { replace_name: '好' } };
    expect((await post('message/update_template_card', body)).errcode).toBe(0);
    expect((await post('message/update_template_card', body)).errcode)
      .not.toBe(0);
  });

  it('refuses a response_code older than 72 hours', async () => {
    const { post, code, clock } = await sentCard();
    clock.advance(72 * 3600 * 1000);
    const res = await post('message/update_template_card', {
      agentid, response_code: code, button: { replace_name: '好' },
    });
    expect(res.errcode).not.toBe(0);
  });

  it('does not spend the code on an invalid request', async () => {
    const { post, code } = await sentCard();
    const bad = await post('message/update_template_card',
      { agentid, response_code: code });
    expect(bad.errcode).toBe(40063);
    const good = await post('message/update_template_card', {
      agentid, response_code: code, button: { replace_name: '好' },
    });
    expect(good.errcode).toBe(0);
  });

  it('replaces the whole card with template_card', async () => {
    const { emulator, post, code } = await sentCard();
    const next = {
      card_type: 'text_notice', main_title: { title: '已完成' },
      card_action: { type: 1, url: 'https://example.com' },
    };
    const res = await post('message/update_template_card',
      { agentid, response_code: code, template_card: next });
    expect(res.errcode).toBe(0);
    expect(emulator.inbox('lina')[0].card).toMatchObject({
      taskId: 'm1', cardType: 'text_notice', updatedCard: next,
    });
  });
});
