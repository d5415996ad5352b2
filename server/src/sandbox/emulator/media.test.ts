import type { Response } from 'supertest';

import { makeEmulator, TEST_APP } from './test-support';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0123456789abcdefghijklmnopqrstuvwxyz'),
]);
const MB = 1024 * 1024;

/** supertest parser keeping any body as a Buffer. */
function binary(
  res: Response, done: (err: Error | null, body: unknown) => void,
): void {
  // In node, superagent hands parsers the raw IncomingMessage.
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

async function upload(
  t: ReturnType<typeof makeEmulator>, type: string, data: Buffer,
  filename = 'photo.png',
) {
  return t.http.post('/cgi-bin/media/upload')
    .query({ access_token: await t.token(), type })
    .attach('media', data, { filename, contentType: 'application/octet-stream' });
}

describe('media/upload', () => {
  it('stores an image and answers media_id and created_at as a string', async () => {
    const t = makeEmulator();
    const res = await upload(t, 'image', PNG);
    expect(res.body).toMatchObject({ errcode: 0, type: 'image' });
    expect(typeof res.body.created_at).toBe('string');
    const stored = t.emulator.media(res.body.media_id);
    expect(stored).toMatchObject({ contentType: 'image/png', size: PNG.length });
  });

  it('keeps a Chinese file name', async () => {
    const t = makeEmulator();
    const res = await upload(t, 'file', Buffer.from('合同正文内容'), '客户合同.pdf');
    expect(t.emulator.media(res.body.media_id)?.filename).toBe('客户合同.pdf');
  });

  it('refuses files of 5 bytes or less with 40006', async () => {
    const t = makeEmulator();
    expect((await upload(t, 'file', Buffer.from('12345'))).body.errcode)
      .toBe(40006);
    expect((await upload(t, 'file', Buffer.from('123456'))).body.errcode)
      .toBe(0);
  });

  it('refuses images over 10 MB with 40009 and voice over 2 MB with 45001', async () => {
    const t = makeEmulator();
    const bigImage = Buffer.concat([PNG, Buffer.alloc(10 * MB)]);
    expect((await upload(t, 'image', bigImage)).body.errcode).toBe(40009);
    const voice = Buffer.concat([Buffer.from('#!AMR\n'), Buffer.alloc(2 * MB)]);
    expect((await upload(t, 'voice', voice, 'a.amr')).body.errcode).toBe(45001);
    const okVoice = voice.subarray(0, 2 * MB);
    expect((await upload(t, 'voice', okVoice, 'a.amr')).body.errcode).toBe(0);
  });

  it('refuses an image that is not JPG or PNG with 40004', async () => {
    const t = makeEmulator();
    const gif = Buffer.from('GIF89a-not-allowed-here');
    expect((await upload(t, 'image', gif)).body.errcode).toBe(40004);
  });

  it('refuses an unknown type with 40005 and a missing part with 44001', async () => {
    const t = makeEmulator();
    expect((await upload(t, 'pdf', PNG)).body.errcode).toBe(40005);
    const res = await t.http.post('/cgi-bin/media/upload')
      .query({ access_token: await t.token(), type: 'file' })
      .attach('other', PNG, 'x.png');
    expect(res.body.errcode).toBe(44001);
  });
});

describe('media/get', () => {
  it('answers the bytes with Content-Type and Content-Disposition', async () => {
    const t = makeEmulator();
    const id = (await upload(t, 'image', PNG)).body.media_id;
    const res = await t.http.get('/cgi-bin/media/get')
      .query({ access_token: await t.token(), media_id: id })
      .buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toContain('filename="photo.png"');
    expect(Buffer.compare(res.body as Buffer, PNG)).toBe(0);
  });

  it('answers a byte range with 206, and 416 past the end', async () => {
    const t = makeEmulator();
    const data = Buffer.from('0123456789');
    const id = (await upload(t, 'file', data, 'n.txt')).body.media_id;
    const token = await t.token();
    const part = await t.http.get('/cgi-bin/media/get')
      .query({ access_token: token, media_id: id }).set('Range', 'bytes=2-5')
      .buffer(true).parse(binary);
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 2-5/10');
    expect((part.body as Buffer).toString()).toBe('2345');

    const past = await t.http.get('/cgi-bin/media/get')
      .query({ access_token: token, media_id: id }).set('Range', 'bytes=10-');
    expect(past.status).toBe(416);
  });

  it('answers 40007 for unknown media and media older than 3 days', async () => {
    const t = makeEmulator();
    const id = (await upload(t, 'file', Buffer.from('0123456789'))).body.media_id;
    expect((await t.get('media/get', { media_id: 'nope' })).errcode).toBe(40007);
    t.clock.advance(3 * 24 * 3600 * 1000);
    expect((await t.get('media/get', { media_id: id })).errcode).toBe(40007);
  });

  it('lets a file message refer to uploaded media', async () => {
    const t = makeEmulator();
    const id = (await upload(t, 'file', Buffer.from('0123456789'), '清单.xlsx'))
      .body.media_id;
    const send = (mediaId: string) => t.post('message/send', {
      touser: 'lina', msgtype: 'file', agentid: TEST_APP.agentId,
      file: { media_id: mediaId },
    });
    expect((await send(id)).errcode).toBe(0);
    expect((await send('missing')).errcode).toBe(40007);
    expect(t.emulator.inbox('lina')[0].media).toMatchObject({
      mediaId: id, filename: '清单.xlsx', size: 10,
    });
  });
});
