import { makeEmulator, TEST_APP } from './test-support';

const creds = { corpid: TEST_APP.corpId, corpsecret: TEST_APP.secret };

describe('gettoken and access tokens', () => {
  it('issues a token that lives 7200 s and reuses it while valid', async () => {
    const { http } = makeEmulator();
    const first = await http.get('/cgi-bin/gettoken').query(creds);
    const second = await http.get('/cgi-bin/gettoken').query(creds);

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ errcode: 0, errmsg: 'ok', expires_in: 7200 });
    expect(String(first.body.access_token).length).toBeGreaterThan(64);
    expect(second.body.access_token).toBe(first.body.access_token);
  });

  it('gives a new token per call when sameTokenWithinValidity is off', async () => {
    const { http } = makeEmulator({ sameTokenWithinValidity: false });
    const first = await http.get('/cgi-bin/gettoken').query(creds);
    const second = await http.get('/cgi-bin/gettoken').query(creds);
    expect(second.body.access_token).not.toBe(first.body.access_token);
  });

  it('refuses a wrong corpid with 40013 and a wrong secret with 40001', async () => {
    const { http } = makeEmulator();
    const badCorp = await http.get('/cgi-bin/gettoken')
      .query({ ...creds, corpid: 'wwOther' });
    const badSecret = await http.get('/cgi-bin/gettoken')
      .query({ ...creds, corpsecret: 'nope' });

    expect(badCorp.status).toBe(200);
    expect(badCorp.body.errcode).toBe(40013);
    expect(badSecret.body.errcode).toBe(40001);
    const suffix = new RegExp('^invalid credential, hint: \\[\\d+_[0-9a-f]+\\], ' +
      'from ip: .+, more info at https://open\\.work\\.weixin\\.qq\\.com' +
      '/devtool/query\\?e=40001$');
    expect(badSecret.body.errmsg).toMatch(suffix);
  });

  it('answers 41001 without a token and 40014 for an unknown one', async () => {
    const { http } = makeEmulator();
    const missing = await http.get('/cgi-bin/user/get').query({ userid: 'lina' });
    const unknown = await http.get('/cgi-bin/user/get')
      .query({ userid: 'lina', access_token: 'made-up' });
    expect(missing.body.errcode).toBe(41001);
    expect(unknown.body.errcode).toBe(40014);
  });

  it('expires a token after 7200 s on the clock, then issues a new one', async () => {
    const { http, clock, token } = makeEmulator();
    const old = await token();
    const call = () => http.get('/cgi-bin/user/get')
      .query({ userid: 'lina', access_token: old });

    clock.advance(7199 * 1000);
    expect((await call()).body.errcode).toBe(0);
    clock.advance(1000);
    expect((await call()).body.errcode).toBe(42001);
    expect(await token()).not.toBe(old);
  });

  it('answers 40014 for expired tokens when configured so', async () => {
    const { http, clock, token } = makeEmulator({ expiredTokenErrcode: 40014 });
    const old = await token();
    clock.advance(7200 * 1000);
    const res = await http.get('/cgi-bin/user/get')
      .query({ userid: 'lina', access_token: old });
    expect(res.body.errcode).toBe(40014);
  });

  it('drops tokens early on invalidateTokens', async () => {
    const { http, emulator, token } = makeEmulator();
    const old = await token();
    emulator.invalidateTokens();

    const res = await http.get('/cgi-bin/user/get')
      .query({ userid: 'lina', access_token: old });
    expect(res.body.errcode).toBe(40014);
    expect(await token()).not.toBe(old);
  });

  it('counts the remaining life when it hands out the same token', async () => {
    const { http, clock } = makeEmulator();
    await http.get('/cgi-bin/gettoken').query(creds);
    clock.advance(1200 * 1000);
    const again = await http.get('/cgi-bin/gettoken').query(creds);
    expect(again.body.expires_in).toBe(6000);
  });

  it('limits gettoken per minute when configured (45009)', async () => {
    const { http, clock } = makeEmulator({ limits: { gettokenPerMinute: 2 } });
    await http.get('/cgi-bin/gettoken').query(creds);
    await http.get('/cgi-bin/gettoken').query(creds);
    const third = await http.get('/cgi-bin/gettoken').query(creds);
    expect(third.body.errcode).toBe(45009);
    clock.advance(60_001);
    const later = await http.get('/cgi-bin/gettoken').query(creds);
    expect(later.body.errcode).toBe(0);
  });

  it('refuses the wrong HTTP method with 43002', async () => {
    const { http, token } = makeEmulator();
    const res = await http.get('/cgi-bin/message/send')
      .query({ access_token: await token() });
    expect(res.body.errcode).toBe(43002);
  });
});
