import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

import Koa from 'koa';

import { unixSeconds } from '../../clock';
import {
  IndependentWecomCrypto, xmlValue,
} from '../../../../test/support/wecom-crypto';
import { EmulatorError } from './errors';
import {
  buttonCard, cardMessage, makeEmulator, TEST_APP, type TestEmulator,
} from './test-support';

// WeCom's callback crypto written from the spec (D:91144), so the emulator
// is checked against it, not against wechat-crypto.
const wecom = new IndependentWecomCrypto(TEST_APP.token, TEST_APP.encodingAesKey,
  TEST_APP.corpId);
const sign = (timestamp: string, nonce: string, encrypt: string) =>
  wecom.sign(timestamp, nonce, encrypt);
const open = (encrypt: string) => wecom.decrypt(encrypt);
const seal = (message: string) => wecom.encrypt(message);
const tag = (xml: string, name: string) => xmlValue(xml, name) ?? undefined;

interface Received {
  query: Record<string, string>;
  envelope: string;
  plain: string;
  signatureOk: boolean;
  receiveId: string;
}

type ReplyMode = 'update' | 'empty' | 'bad-signature';

/** The tiny app under test: verifies, decrypts, records, replies. */
function receiver() {
  const received: Received[] = [];
  const state = { mode: 'update' as ReplyMode };
  const app = new Koa();
  app.use(async (ctx) => {
    let envelope = '';
    for await (const chunk of ctx.req) envelope += String(chunk);
    const query = ctx.query as Record<string, string>;
    const encrypt = tag(envelope, 'Encrypt') ?? '';
    const opened = open(encrypt);
    received.push({
      query, envelope, plain: opened.message, receiveId: opened.receiveId,
      signatureOk: sign(query.timestamp, query.nonce, encrypt) === query.msg_signature,
    });
    if (state.mode === 'empty') {
      ctx.body = '';
      return;
    }
    const reply = '<xml><ToUserName><![CDATA[lina]]></ToUserName>' +
      `<FromUserName><![CDATA[${TEST_APP.corpId}]]></FromUserName>` +
      '<CreateTime>1700000000</CreateTime>' +
      '<MsgType><![CDATA[update_button]]></MsgType>' +
      '<Button><ReplaceName><![CDATA[已确认]]></ReplaceName></Button></xml>';
    const sealed = seal(reply);
    const timestamp = '1700000001';
    const nonce = '778899';
    const signature = state.mode === 'bad-signature'
      ? 'f'.repeat(40) : sign(timestamp, nonce, sealed);
    ctx.type = 'text/xml';
    ctx.body = `<xml><Encrypt><![CDATA[${sealed}]]></Encrypt>` +
      `<MsgSignature><![CDATA[${signature}]]></MsgSignature>` +
      `<TimeStamp>${timestamp}</TimeStamp><Nonce><![CDATA[${nonce}]]></Nonce></xml>`;
  });
  return { app, received, state };
}

describe('callbacks and card clicks', () => {
  let server: Server;
  let port = 0;
  let got: ReturnType<typeof receiver>;
  let t: TestEmulator;

  beforeAll(async () => {
    got = receiver();
    server = got.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  beforeEach(async () => {
    got.received.length = 0;
    got.state.mode = 'update';
    t = makeEmulator({
      callbackUrl: () => `http://127.0.0.1:${port}/wecom/callback`,
    });
    const sent = await t.post('message/send', cardMessage('lina', buttonCard('m1')));
    expect(sent.errcode).toBe(0);
  });

  it('sends a signed, encrypted template_card_event and applies update_button', async () => {
    t.clock.advance(86_400_000);
    const result = await t.emulator.click({ userid: 'lina', taskId: 'm1', key: 'done' });

    expect(got.received).toHaveLength(1);
    const call = got.received[0];
    expect(call.signatureOk).toBe(true);
    expect(call.receiveId).toBe(TEST_APP.corpId);
    expect(Math.abs(Number(call.query.timestamp) - unixSeconds(t.clock)))
      .toBeLessThanOrEqual(1);
    expect(tag(call.envelope, 'ToUserName')).toBe(TEST_APP.corpId);
    expect(tag(call.envelope, 'AgentID')).toBe(TEST_APP.agentId);
    expect(tag(call.plain, 'FromUserName')).toBe('lina');
    expect(tag(call.plain, 'MsgType')).toBe('event');
    expect(tag(call.plain, 'Event')).toBe('template_card_event');
    expect(tag(call.plain, 'EventKey')).toBe('done');
    expect(tag(call.plain, 'TaskId')).toBe('m1');
    expect(tag(call.plain, 'CardType')).toBe('button_interaction');
    expect(tag(call.plain, 'AgentID')).toBe(TEST_APP.agentId);
    expect(tag(call.plain, 'ResponseCode')).toBe(result.responseCode);

    expect(result.status).toBe(200);
    expect(result.reply).toMatchObject({
      MsgType: 'update_button', Button: { ReplaceName: '已确认' },
    });
    expect(t.emulator.inbox('lina')[0].card?.replaceName).toBe('已确认');
  });

  it('gives a ResponseCode that update_template_card takes once', async () => {
    got.state.mode = 'empty';
    const result = await t.emulator.click({ userid: 'lina', taskId: 'm1', key: 'later' });
    expect(result.reply).toBeNull();
    expect(t.emulator.inbox('lina')[0].card?.replaceName).toBeUndefined();

    const update = {
      agentid: TEST_APP.agentId, response_code: result.responseCode,
      button: { replace_name: '稍后处理' },
    };
    expect((await t.post('message/update_template_card', update)).errcode).toBe(0);
    expect(t.emulator.inbox('lina')[0].card?.replaceName).toBe('稍后处理');
    expect((await t.post('message/update_template_card', update)).errcode)
      .not.toBe(0);
  });

  it('ignores a passive reply whose signature does not match', async () => {
    got.state.mode = 'bad-signature';
    const result = await t.emulator.click({ userid: 'lina', taskId: 'm1', key: 'done' });
    expect(result.reply).toBeNull();
    expect(result.error).toMatch(/signature/);
    expect(t.emulator.inbox('lina')[0].card?.replaceName).toBeUndefined();
  });

  it.each([
    [{ userid: 'lina', taskId: 'nope', key: 'done' }, 404],
    [{ userid: 'ghost', taskId: 'm1', key: 'done' }, 404],
    [{ userid: 'lina', taskId: 'm1', key: 'missing' }, 400],
    [{ userid: 'wangfang', taskId: 'm1', key: 'done' }, 404],
  ])('refuses click %j with %d and sends nothing', async (input, status) => {
    const failure = await t.emulator.click(input).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EmulatorError);
    expect((failure as EmulatorError).status).toBe(status);
    expect(got.received).toHaveLength(0);
  });

  it('refuses a second click once the button was replaced (409)', async () => {
    await t.emulator.click({ userid: 'lina', taskId: 'm1', key: 'done' });
    const failure = await t.emulator
      .click({ userid: 'lina', taskId: 'm1', key: 'later' })
      .catch((e: unknown) => e);
    expect((failure as EmulatorError).status).toBe(409);
  });

  it('sends the selected options of a vote card', async () => {
    got.state.mode = 'empty';
    const vote = {
      card_type: 'vote_interaction', task_id: 'v1',
      main_title: { title: '交接满意度' },
      checkbox: {
        question_key: 'q1', mode: 1,
        option_list: [
          { id: 'good', text: '满意', is_checked: true },
          { id: 'bad', text: '不满意' },
        ],
      },
      submit_button: { text: '提交', key: 'submit' },
    };
    expect((await t.post('message/send', cardMessage('lina', vote))).errcode)
      .toBe(0);
    await t.emulator.click({ userid: 'lina', taskId: 'v1', key: 'submit' });
    await t.emulator.click({
      userid: 'lina', taskId: 'v1', key: 'submit',
      selected: { q1: ['good', 'bad'] },
    });

    const [first, second] = got.received.map((r) => r.plain);
    expect(tag(first, 'CardType')).toBe('vote_interaction');
    expect(first).toContain('<SelectedItems><SelectedItem><QuestionKey>' +
      '<![CDATA[q1]]></QuestionKey><OptionIds><OptionId><![CDATA[good]]>' +
      '</OptionId></OptionIds></SelectedItem></SelectedItems>');
    expect(second).toContain('<OptionId><![CDATA[good]]></OptionId>' +
      '<OptionId><![CDATA[bad]]></OptionId>');
  });

  it('sends any event with sendCallback', async () => {
    got.state.mode = 'empty';
    const result = await t.emulator.sendCallback({
      FromUserName: 'zhangwei', MsgType: 'event', Event: 'enter_agent',
      EventKey: '',
    });
    expect(result).toMatchObject({ status: 200, body: '', reply: null });
    const plain = got.received[0].plain;
    expect(tag(plain, 'Event')).toBe('enter_agent');
    expect(tag(plain, 'ToUserName')).toBe(TEST_APP.corpId);
    expect(Number(tag(plain, 'CreateTime'))).toBeGreaterThan(1_600_000_000);
  });

  it('reports an unreachable callback URL as status 0', async () => {
    const dead = makeEmulator({ callbackUrl: () => 'http://127.0.0.1:9/cb' });
    const result = await dead.emulator.sendCallback({ MsgType: 'event' });
    expect(result.status).toBe(0);
    expect(result.error).toBeTruthy();
  });
});
