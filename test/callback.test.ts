import { CallbackReceipt } from '../server/src/entities';
import { RunningServer } from '../server/src/server';
import { IndependentWecomCrypto } from './support/wecom-crypto';
import { startTestServer } from './support/server';

/** WeCom's official callback test vector (D:91144). */
const OFFICIAL = {
  token: 'QDG6eK',
  aesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  corpId: 'wx5823bf96d3bd56c7',
};
const OFFICIAL_GET = 'msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3'
  + '&timestamp=1409659589&nonce=263014780'
  + '&echostr=P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%2BFZXvnaqQ%3D%3D';

describe('WeCom callback protocol', () => {
  let server: RunningServer;
  const wecom = new IndependentWecomCrypto(OFFICIAL.token, OFFICIAL.aesKey, OFFICIAL.corpId);
  const now = () => String(Math.floor(server.services.clock.now() / 1000));
  const receipts = () => server.services.db.getRepository(CallbackReceipt).count();
  const post = (query: string, body: string) => fetch(
    `${server.url}/wecom/callback?${query}`,
    { method: 'POST', body, headers: { 'content-type': 'text/xml' } });
  const event = (fields: Record<string, string>) => `<xml>${Object.entries({
    ToUserName: OFFICIAL.corpId, FromUserName: 'zhangwei', CreateTime: now(),
    AgentID: '1000002', ...fields,
  }).map(([k, v]) => `<${k}><![CDATA[${v}]]></${k}>`).join('')}</xml>`;

  beforeAll(async () => {
    server = await startTestServer('callback', {
      WECOM_MODE: 'sandbox', WECOM_CORP_ID: OFFICIAL.corpId,
      WECOM_TOKEN: OFFICIAL.token, WECOM_AES_KEY: OFFICIAL.aesKey,
      WECOM_CALLBACK_MAX_AGE_S: '0',
    });
  });
  afterAll(() => server.close());

  it('answers WeCom\'s official URL verification vector', async () => {
    const response = await fetch(`${server.url}/wecom/callback?${OFFICIAL_GET}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('1616140317555161061');
  });

  it('decrypts the official echostr the same way the independent code does', () => {
    const echostr = new URLSearchParams(OFFICIAL_GET).get('echostr')!;
    expect(wecom.decrypt(echostr)).toEqual({
      message: '1616140317555161061', receiveId: OFFICIAL.corpId,
    });
    expect(wecom.sign('1409659589', '263014780', echostr))
      .toBe('5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3');
  });

  it('rejects a verification whose signature differs by one character', async () => {
    const tampered = OFFICIAL_GET.replace('msg_signature=5c45', 'msg_signature=5c46');
    const response = await fetch(`${server.url}/wecom/callback?${tampered}`);
    expect(response.status).toBe(403);
  });

  it('takes a signed event once, however often WeCom delivers it', async () => {
    const before = await receipts();
    const { query, body } = wecom.envelope(
      event({ MsgType: 'event', Event: 'click', EventKey: 'menu' }), now());
    for (let i = 0; i < 3; i++) {
      const response = await post(query, body);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('');
    }
    expect(await receipts()).toBe(before + 1);
  });

  it('keeps a 64-bit MsgId exact when deduping', async () => {
    const before = await receipts();
    for (const msgId of ['7316551812346634241', '7316551812346634242']) {
      const { query, body } = wecom.envelope(
        event({ MsgType: 'text', Content: '你好', MsgId: msgId }), now());
      expect((await post(query, body)).status).toBe(200);
    }
    expect(await receipts()).toBe(before + 2);
  });

  it('rejects a signature changed by one character and stores nothing', async () => {
    const before = await receipts();
    const { query, body } = wecom.envelope(
      event({ MsgType: 'event', Event: 'enter_agent', CreateTime: '1700000001' }), now());
    const params = new URLSearchParams(query);
    const sig = params.get('msg_signature')!;
    params.set('msg_signature', (sig[0] === 'a' ? 'b' : 'a') + sig.slice(1));
    const response = await post(params.toString(), body);
    expect(response.status).toBe(403);
    expect(await receipts()).toBe(before);
  });

  it('rejects a message encrypted for another corp', async () => {
    const before = await receipts();
    const { query, body } = wecom.envelope(
      event({ MsgType: 'event', Event: 'enter_agent', CreateTime: '1700000002' }), now(),
      { receiveId: 'wwsomeoneelse' });
    expect((await post(query, body)).status).toBe(400);
    expect(await receipts()).toBe(before);
  });

  it.each([
    ['not XML at all', 'hello'],
    ['XML without Encrypt', '<xml><ToUserName>x</ToUserName></xml>'],
    ['unclosed XML', '<xml><Encrypt>abc'],
    ['a DOCTYPE', '<!DOCTYPE x [<!ENTITY a "b">]><xml><Encrypt>&a;</Encrypt></xml>'],
    ['an empty body', ''],
  ])('answers 400 for %s', async (_, body) => {
    const response = await post(`msg_signature=abc&timestamp=${now()}&nonce=1`, body);
    expect(response.status).toBe(400);
  });

  it('answers 400 when a signed Encrypt is not valid ciphertext', async () => {
    const encrypt = 'bm90IGNpcGhlcnRleHQ=';
    const ts = now();
    const query = `msg_signature=${wecom.sign(ts, '5', encrypt)}&timestamp=${ts}&nonce=5`;
    const response = await post(query, `<xml><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`);
    expect(response.status).toBe(400);
  });

  it('answers 413 for a body larger than WeCom ever sends', async () => {
    const response = await post(`msg_signature=a&timestamp=${now()}&nonce=1`,
      `<xml><Encrypt>${'A'.repeat(200_000)}</Encrypt></xml>`);
    expect(response.status).toBe(413);
  });

  it('answers 400 when the query lacks a signature or timestamp', async () => {
    expect((await post('timestamp=1&nonce=1', '<xml/>')).status).toBe(400);
    expect((await post('msg_signature=a&timestamp=x&nonce=1', '<xml/>')).status).toBe(400);
    expect((await fetch(`${server.url}/wecom/callback`)).status).toBe(400);
  });
});

describe('callback age check', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer('callback-age', {
      WECOM_MODE: 'sandbox', WECOM_CORP_ID: OFFICIAL.corpId,
      WECOM_TOKEN: OFFICIAL.token, WECOM_AES_KEY: OFFICIAL.aesKey,
      WECOM_CALLBACK_MAX_AGE_S: '600',
    });
  });
  afterAll(() => server.close());

  it('rejects the 2014 vector when the age check is on', async () => {
    const response = await fetch(`${server.url}/wecom/callback?${OFFICIAL_GET}`);
    expect(response.status).toBe(403);
  });

  it('accepts a fresh event and refuses one eleven minutes old', async () => {
    const wecom = new IndependentWecomCrypto(OFFICIAL.token, OFFICIAL.aesKey, OFFICIAL.corpId);
    const nowS = Math.floor(server.services.clock.now() / 1000);
    const xml = (t: number) => `<xml><ToUserName><![CDATA[${OFFICIAL.corpId}]]></ToUserName>`
      + `<FromUserName><![CDATA[lina]]></FromUserName><CreateTime>${t}</CreateTime>`
      + '<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event></xml>';
    const fresh = wecom.envelope(xml(nowS), String(nowS));
    const stale = wecom.envelope(xml(nowS - 660), String(nowS - 660));
    const send = (e: { query: string; body: string }) => fetch(
      `${server.url}/wecom/callback?${e.query}`, { method: 'POST', body: e.body });
    expect((await send(fresh)).status).toBe(200);
    expect((await send(stale)).status).toBe(403);
  });
});

