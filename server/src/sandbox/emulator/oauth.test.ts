import Koa from 'koa';
import mount from 'koa-mount';
import request from 'supertest';

import { DEMO_PEOPLE } from '../demo-company';
import { makeEmulator, TEST_APP } from './test-support';

const authorizeQuery = {
  appid: TEST_APP.corpId,
  redirect_uri: 'https://baton.example.com/api/auth/wecom?next=%2Fh',
  response_type: 'code',
  scope: 'snsapi_base',
  state: 'abc123',
  agentid: TEST_APP.agentId,
};

describe('/connect/oauth2/authorize', () => {
  it('lists every demo person as a link that adds userid=', async () => {
    const { emulator } = makeEmulator();
    const outer = new Koa();
    outer.use(mount('/sandbox/wecom', emulator.app));

    const res = await request(outer.callback())
      .get('/sandbox/wecom/connect/oauth2/authorize').query(authorizeQuery);

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('lang="zh-CN"');
    for (const person of DEMO_PEOPLE) {
      const link = new RegExp(
        '<a href="/sandbox/wecom/connect/oauth2/authorize\\?' +
        `[^"]*userid=${person.userid}[^"]*" data-userid="${person.userid}">`,
      );
      expect(res.text).toMatch(link);
      expect(res.text).toContain(person.name);
    }
  });

  it('redirects a chosen person back with code and state, appending with &', async () => {
    const { http } = makeEmulator();
    const res = await http.get('/connect/oauth2/authorize')
      .query({ ...authorizeQuery, userid: 'lina' });

    expect(res.status).toBe(302);
    const target = new URL(res.headers.location);
    expect(`${target.origin}${target.pathname}`)
      .toBe('https://baton.example.com/api/auth/wecom');
    expect(target.searchParams.get('next')).toBe('/h');
    expect(target.searchParams.get('state')).toBe('abc123');
    expect(target.searchParams.get('code')).toMatch(/^\w{16,}$/);
  });

  it('shows 50001 for a redirect host outside the trusted hosts', async () => {
    const { http } = makeEmulator({ trustedHosts: ['baton.example.com:8443'] });
    const res = await http.get('/connect/oauth2/authorize')
      .query({ ...authorizeQuery, userid: 'lina' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('data-errcode="50001"');
  });

  it('shows an error page for a foreign appid', async () => {
    const { http } = makeEmulator();
    const res = await http.get('/connect/oauth2/authorize')
      .query({ ...authorizeQuery, appid: 'wwOther', userid: 'lina' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('data-errcode="40013"');
  });
});

describe('auth/getuserinfo', () => {
  async function codeFor(t: ReturnType<typeof makeEmulator>, userid: string) {
    const res = await t.http.get('/connect/oauth2/authorize')
      .query({ ...authorizeQuery, userid });
    return String(new URL(res.headers.location).searchParams.get('code'));
  }

  it('swaps a code for the userid once, then answers 40029', async () => {
    const t = makeEmulator();
    const code = await codeFor(t, 'zhangwei');
    expect(await t.get('auth/getuserinfo', { code }))
      .toEqual({ errcode: 0, errmsg: 'ok', userid: 'zhangwei' });
    expect((await t.get('auth/getuserinfo', { code })).errcode).toBe(40029);
  });

  it('answers 40029 for a code older than 5 minutes', async () => {
    const t = makeEmulator();
    const fresh = await codeFor(t, 'lina');
    const old = await codeFor(t, 'lina');
    t.clock.advance(299_000);
    expect((await t.get('auth/getuserinfo', { code: fresh })).errcode).toBe(0);
    t.clock.advance(1_000);
    expect((await t.get('auth/getuserinfo', { code: old })).errcode).toBe(40029);
  });
});
