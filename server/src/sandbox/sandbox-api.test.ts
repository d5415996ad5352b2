import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import Koa from 'koa';
import mount from 'koa-mount';
import request from 'supertest';

import {
  buttonCard, cardMessage, makeEmulator, textMessage, type TestEmulator,
} from './emulator/test-support';
import { createSandboxApi } from './sandbox-api';

function sandbox(t: TestEmulator) {
  const outer = new Koa();
  outer.use(mount('/sandbox/api', createSandboxApi(t.emulator)));
  return request(outer.callback());
}

describe('sandbox API', () => {
  it('lists people and departments', async () => {
    const api = sandbox(makeEmulator());
    const res = await api.get('/sandbox/api/people');
    expect(res.status).toBe(200);
    expect(res.body.people).toContainEqual({
      userid: 'lina', name: '李娜', position: '华东大区经理', department: [3],
    });
    expect(res.body.departments[0]).toMatchObject({ id: 1, parentid: 0 });
  });

  it('answers 400 without userid and 404 for an unknown member', async () => {
    const api = sandbox(makeEmulator());
    const missing = await api.get('/sandbox/api/inbox');
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({
      id: 'validation_error', field: 'userid',
    });
    const unknown = await api.get('/sandbox/api/chats?userid=ghost');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.id).toBe('not_found');
  });

  it("shows a member's inbox oldest first with card state", async () => {
    const t = makeEmulator();
    await t.post('message/send', textMessage('lina', '第一条'));
    await t.post('message/send', cardMessage('lina', buttonCard('m1')));

    const res = await sandbox(t).get('/sandbox/api/inbox?userid=lina');
    expect(res.body.messages.map((m: { msgtype: string }) => m.msgtype))
      .toEqual(['text', 'template_card']);
    expect(res.body.messages[1].card).toMatchObject({
      taskId: 'm1', cardType: 'button_interaction',
    });
  });

  it("shows only the member's chats and the messages that reached them", async () => {
    const t = makeEmulator({ limits: { chatPerMemberPerMinute: 1 } });
    await t.post('appchat/create', {
      chatid: 'c1', name: '交接群', owner: 'lina', userlist: ['lina', 'zhangwei'],
    });
    await t.post('appchat/send', { chatid: 'c1', msgtype: 'text', text: { content: 'a' } });
    await t.post('appchat/send', { chatid: 'c1', msgtype: 'text', text: { content: 'b' } });
    const api = sandbox(t);

    const lina = await api.get('/sandbox/api/chats?userid=lina');
    expect(lina.body.chats).toHaveLength(1);
    expect(lina.body.chats[0]).toMatchObject({
      chatid: 'c1', name: '交接群', owner: 'lina', userlist: ['lina', 'zhangwei'],
    });
    expect(lina.body.chats[0].messages).toHaveLength(1);
    const other = await api.get('/sandbox/api/chats?userid=chenjing');
    expect(other.body.chats).toEqual([]);
  });

  it('moves the clock forward and refuses bad amounts', async () => {
    const api = sandbox(makeEmulator());
    const before = (await api.get('/sandbox/api/clock')).body.now;
    const after = await api.post('/sandbox/api/clock').send({ advance_seconds: 3600 });
    expect(after.body.now - before).toBeGreaterThanOrEqual(3600);
    expect(after.body.now - before).toBeLessThanOrEqual(3601);

    for (const bad of [-1, 'soon', null]) {
      const res = await api.post('/sandbox/api/clock').send({ advance_seconds: bad });
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe('advance_seconds');
    }
  });

  it('steers customer transfers: outcomes and members who left', async () => {
    const t = makeEmulator();
    const api = sandbox(t);
    const outcome = await api.post('/sandbox/api/customers/outcome')
      .send({ external_userid: 'wmDemoHuaxinJixie0001', outcome: 3 });
    expect(outcome.status).toBe(200);
    expect((await api.post('/sandbox/api/customers/outcome')
      .send({ external_userid: 'x', outcome: 1 })).status).toBe(400);
    expect((await api.post('/sandbox/api/members/resign')
      .send({ userid: 'ghost' })).status).toBe(404);
    expect((await api.post('/sandbox/api/members/resign')
      .send({ userid: 'zhangwei' })).body).toEqual({ userid: 'zhangwei', status: 5 });

    await t.post('externalcontact/resigned/transfer_customer', {
      handover_userid: 'zhangwei', takeover_userid: 'lina',
      external_userid: ['wmDemoHuaxinJixie0001'],
    });
    t.clock.advance(24 * 3600 * 1000);
    const state = await api.get('/sandbox/api/customers');
    expect(state.body.transfers).toMatchObject([
      { externalUserid: 'wmDemoHuaxinJixie0001', mode: 'resigned', status: 3 }]);
    expect(state.body.groups).toHaveLength(2);
  });

  it('adds, lists and clears faults', async () => {
    const t = makeEmulator();
    const api = sandbox(t);
    const added = await api.post('/sandbox/api/faults')
      .send({ endpoint: 'message/send', count: 2, errcode: -1 });
    expect(added.status).toBe(201);
    expect(added.body.faults).toEqual([{
      endpoint: 'message/send', count: 2, errcode: -1, http_status: null,
      delay_ms: null,
    }]);
    expect((await t.post('message/send', textMessage('lina'))).errcode).toBe(-1);

    const bad = await api.post('/sandbox/api/faults')
      .send({ endpoint: 'message/send', count: 1, http_status: 99 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('http_status');

    expect((await api.delete('/sandbox/api/faults')).body.faults).toEqual([]);
    expect((await t.post('message/send', textMessage('lina'))).errcode).toBe(0);
  });

  it('reports dropped messages and calls per endpoint', async () => {
    const t = makeEmulator({ limits: { appPerMemberPerMinute: 1 } });
    await t.post('message/send', textMessage('lina'));
    await t.post('message/send', textMessage('lina'));
    const res = await sandbox(t).get('/sandbox/api/stats');
    expect(res.body).toEqual({
      dropped: { app: { lina: 1 }, chat: {} },
      calls: { gettoken: 2, 'message/send': 2 },
      total_calls: 4,
    });
  });

  it('answers 4xx, never 500, to malformed input', async () => {
    const api = sandbox(makeEmulator());
    const bodies = ['{oops', '[]', 'null', '"text"', '{"userid":{"$gt":""}}'];
    for (const path of ['click', 'clock', 'faults', 'faults/rate', 'callback']) {
      for (const body of bodies) {
        const res = await api.post(`/sandbox/api/${path}`)
          .set('Content-Type', 'application/json').send(body);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.body.error.id).toBeTruthy();
      }
    }
    expect((await api.get('/sandbox/api/nothing')).status).toBe(404);
  });

  describe('click', () => {
    let server: Server;
    let port = 0;
    beforeAll(async () => {
      const app = new Koa();
      app.use((ctx) => { ctx.body = ''; });
      server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it('presses a button and answers status, reply and card', async () => {
      const t = makeEmulator({
        callbackUrl: () => `http://127.0.0.1:${port}/wecom/callback`,
      });
      await t.post('message/send', cardMessage('lina', buttonCard('m9')));
      const api = sandbox(t);

      const res = await api.post('/sandbox/api/click')
        .send({ userid: 'lina', task_id: 'm9', key: 'done' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 200, reply: null,
        card: { taskId: 'm9', cardType: 'button_interaction' },
      });

      const unknown = await api.post('/sandbox/api/click')
        .send({ userid: 'lina', task_id: 'nope', key: 'done' });
      expect(unknown.status).toBe(404);
      const badKey = await api.post('/sandbox/api/click')
        .send({ userid: 'lina', task_id: 'm9', key: 'zzz' });
      expect(badKey.status).toBe(400);
      expect(badKey.body.error.field).toBe('key');
    });
  });
});
