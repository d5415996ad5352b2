import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import pino from 'pino';

import { AdjustableClock } from '../../clock';
import { MEDIA_TTL_S } from './media';
import {
  buttonCard, cardMessage, makeEmulator as makeTestEmulator, TEST_APP,
  textMessage, type TestEmulator,
} from './test-support';
import type { EmulatorOptions } from './types';

const dirs: string[] = [];
const made: TestEmulator[] = [];

/** A test emulator whose pending writes are flushed after the test, so
 * none lands during a later test. */
function makeEmulator(overrides: Partial<EmulatorOptions> = {}): TestEmulator {
  const t = makeTestEmulator(overrides);
  made.push(t);
  return t;
}

/** A state file path in a fresh temp folder (the file does not exist). */
function tempStateFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-emu-'));
  dirs.push(dir);
  return path.join(dir, 'db.sqlite.wecom.json');
}

/** A logger whose lines land in `lines`. */
function capturingLogger() {
  const lines: { msg: string; [key: string]: unknown }[] = [];
  const logger = pino({ level: 'info' }, {
    write: (line: string) => { lines.push(JSON.parse(line)); },
  });
  return { logger, lines };
}

const chatRequest = {
  chatid: 'handover1', name: '张伟交接群', owner: 'wangfang',
  userlist: ['wangfang', 'lina', 'zhangwei'],
};

afterEach(async () => {
  await Promise.all(made.splice(0).map((t) => t.emulator.flush()));
});

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('emulator state file', () => {
  it('keeps a group chat, its messages and tokens for a new emulator', async () => {
    const stateFile = tempStateFile();
    const first = makeEmulator({ stateFile });
    expect((await first.post('appchat/create', chatRequest)).errcode).toBe(0);
    for (const content of ['第一条', '第二条']) {
      const sent = await first.post('appchat/send', {
        chatid: 'handover1', msgtype: 'text', text: { content },
      });
      expect(sent.errcode).toBe(0);
    }
    const oldToken = await first.token();
    await first.emulator.flush();

    const second = makeEmulator({ stateFile });
    expect(second.emulator.chats('lina')).toEqual(first.emulator.chats('lina'));
    expect(second.emulator.chat('handover1')?.messages
      .map((m) => m.body.text)).toEqual([
      { content: '第一条' }, { content: '第二条' },
    ]);
    const got = await second.http.get('/cgi-bin/appchat/get')
      .query({ access_token: oldToken, chatid: 'handover1' });
    expect(got.body).toMatchObject({ errcode: 0 });
    const more = await second.post('appchat/send', {
      chatid: 'handover1', msgtype: 'text', text: { content: '重启之后' },
    });
    expect(more.errcode).toBe(0);
  });

  it('keeps an inbox card with its state and still refuses its task id with 42014', async () => {
    const stateFile = tempStateFile();
    const first = makeEmulator({ stateFile });
    const sent = await first.post('message/send',
      cardMessage('lina', buttonCard('h1-m1')));
    const update = {
      agentid: TEST_APP.agentId, response_code: sent.response_code,
      button: { replace_name: '已确认' },
    };
    expect((await first.post('message/update_template_card', update)).errcode)
      .toBe(0);
    await first.post('message/send', textMessage('lina', '交接开始'));
    await first.emulator.flush();

    const second = makeEmulator({ stateFile });
    const inbox = second.emulator.inbox('lina');
    expect(inbox.map((m) => m.msgtype)).toEqual(['template_card', 'text']);
    expect(inbox[0].card).toEqual({
      taskId: 'h1-m1', cardType: 'button_interaction',
      responseCode: sent.response_code, replaceName: '已确认',
    });
    const again = await second.post('message/send',
      cardMessage('zhangwei', buttonCard('h1-m1')));
    expect(again.errcode).toBe(42014);
    const respent = await second.post('message/update_template_card', update);
    expect(respent.errmsg).toMatch(/already used/);
  });

  it('serves uploaded media after a restart, with Range, bytes kept beside the JSON', async () => {
    const stateFile = tempStateFile();
    const first = makeEmulator({ stateFile });
    const bytes = Buffer.from('交接清单-customer-list-0123456789');
    const upload = await first.http.post('/cgi-bin/media/upload')
      .query({ access_token: await first.token(), type: 'file' })
      .attach('media', bytes, { filename: '客户清单.txt', contentType: 'text/plain' });
    const mediaId = String(upload.body.media_id);
    await first.emulator.flush();

    expect(fs.readFileSync(`${stateFile}.media/${mediaId}`)).toEqual(bytes);
    expect(fs.readFileSync(stateFile, 'utf8')).not.toContain('customer-list');
    const second = makeEmulator({ stateFile });
    const res = await second.http.get('/cgi-bin/media/get')
      .query({ access_token: await second.token(), media_id: mediaId })
      .set('Range', 'bytes=3-8')
      .buffer(true).parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 3-8/${bytes.length}`);
    expect(res.body).toEqual(bytes.subarray(3, 9));
  });

  it('drops expired media from the file and its folder', async () => {
    const stateFile = tempStateFile();
    const first = makeEmulator({ stateFile });
    const record = first.emulator.addMedia({
      type: 'file', filename: 'a.txt', contentType: 'text/plain',
      data: Buffer.from('old material'),
    });
    await first.emulator.flush();
    expect(fs.existsSync(`${stateFile}.media/${record.mediaId}`)).toBe(true);

    const clock = new AdjustableClock();
    clock.advance((MEDIA_TTL_S + 60) * 1000);
    const later = makeEmulator({ stateFile, clock });
    expect(later.emulator.media(record.mediaId)).toBeUndefined();
    later.emulator.invalidateTokens();
    await later.emulator.flush();
    expect(fs.existsSync(`${stateFile}.media/${record.mediaId}`)).toBe(false);
    expect(JSON.parse(fs.readFileSync(stateFile, 'utf8')).media).toEqual([]);
  });

  it('drops media that expires while the emulator runs', async () => {
    const stateFile = tempStateFile();
    const t = makeEmulator({ stateFile });
    const record = t.emulator.addMedia({
      type: 'file', filename: 'a.txt', contentType: 'text/plain',
      data: Buffer.from('old material'),
    });
    await t.emulator.flush();

    t.clock.advance((MEDIA_TTL_S + 60) * 1000);
    await t.post('message/send', textMessage('lina', '三天以后'));
    await t.emulator.flush();
    expect(fs.existsSync(`${stateFile}.media/${record.mediaId}`)).toBe(false);
    expect(JSON.parse(fs.readFileSync(stateFile, 'utf8')).media).toEqual([]);
  });

  it('writes a change within the batching delay without a flush', async () => {
    const stateFile = tempStateFile();
    const t = makeEmulator({ stateFile });
    await t.post('message/send', textMessage('lina', '稍后写入'));
    expect(fs.existsSync(stateFile)).toBe(false);

    await new Promise((resolve) => setTimeout(resolve, 500));
    const saved = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
    expect(saved.inboxes.lina[0].body.text).toEqual({ content: '稍后写入' });
  });

  it.each([
    ['is not JSON', '{"version":1,"chats":[', 'emulator state is not JSON'],
    ['has another version', '{"version":2}', 'emulator state has an unknown version, ignored'],
    ['has a bad shape', '{"version":1,"chats":"x"}', 'emulator state is malformed, ignored'],
  ])('starts empty and logs it when the file %s', async (_label, text, msg) => {
    const stateFile = tempStateFile();
    fs.writeFileSync(stateFile, text);
    const { logger, lines } = capturingLogger();

    const t = makeEmulator({ stateFile, logger });
    expect(lines.map((l) => l.msg)).toContain(msg);
    expect(t.emulator.chats()).toEqual([]);
    expect((await t.post('appchat/create', chatRequest)).errcode).toBe(0);
    await t.emulator.flush();
    expect(JSON.parse(fs.readFileSync(stateFile, 'utf8')).chats).toHaveLength(1);
  });

  it('logs an unreadable file and starts empty', () => {
    const stateFile = tempStateFile();
    fs.mkdirSync(stateFile);
    const { logger, lines } = capturingLogger();

    const t = makeEmulator({ stateFile, logger });
    expect(lines.map((l) => l.msg)).toContain('emulator state unreadable');
    expect(t.emulator.chats()).toEqual([]);
  });

  it('replaces the file by renaming a finished copy over it', async () => {
    const stateFile = tempStateFile();
    const t = makeEmulator({ stateFile });
    await t.post('appchat/create', chatRequest);
    await t.emulator.flush();
    const before = fs.statSync(stateFile).ino;

    await t.post('appchat/send', {
      chatid: 'handover1', msgtype: 'text', text: { content: '再写一次' },
    });
    await t.emulator.flush();
    // Rewriting in place keeps the inode; a renamed new file has its own.
    expect(fs.statSync(stateFile).ino).not.toBe(before);
    expect(fs.readdirSync(path.dirname(stateFile)).sort())
      .toEqual([path.basename(stateFile)]);
    expect(JSON.parse(fs.readFileSync(stateFile, 'utf8')).chats[0].messages)
      .toHaveLength(1);
  });

  it('ignores a half-written copy left by a crash', async () => {
    const stateFile = tempStateFile();
    const first = makeEmulator({ stateFile });
    await first.post('appchat/create', chatRequest);
    await first.emulator.flush();
    fs.writeFileSync(`${stateFile}.tmp`, '{"version":1,"inbo');

    const second = makeEmulator({ stateFile });
    expect(second.emulator.chat('handover1')?.userlist)
      .toEqual(chatRequest.userlist);
  });

  it('writes no file when no stateFile is set', async () => {
    const writes = [
      jest.spyOn(fsp, 'writeFile'), jest.spyOn(fsp, 'rename'),
      jest.spyOn(fsp, 'mkdir'), jest.spyOn(fs, 'writeFileSync'),
    ];
    try {
      const t = makeEmulator();
      await t.post('appchat/create', chatRequest);
      await t.post('message/send', cardMessage('lina', buttonCard('t1')));
      t.emulator.addMedia({
        type: 'file', filename: 'a.txt', contentType: 'text/plain',
        data: Buffer.from('some bytes'),
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await t.emulator.flush();
      for (const spy of writes) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of writes) spy.mockRestore();
    }
  });

  it('round-trips snapshot() through restore() and refuses another version', async () => {
    const { logger, lines } = capturingLogger();
    const first = makeEmulator();
    await first.post('appchat/create', chatRequest);
    const snapshot = first.emulator.snapshot();
    expect(snapshot.version).toBe(1);

    const second = makeEmulator({ logger });
    expect(second.emulator.restore(JSON.parse(JSON.stringify(snapshot))))
      .toBe(true);
    expect(second.emulator.snapshot()).toEqual(snapshot);
    expect(second.emulator.restore({ ...snapshot, version: 3 })).toBe(false);
    expect(second.emulator.chat('handover1')).toBeDefined();
    expect(lines.map((l) => l.msg))
      .toContain('emulator state has an unknown version, ignored');
  });
});
