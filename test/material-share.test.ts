import crypto from 'node:crypto';
import type { HandoverDetail, MaterialView } from '@baton/shared';
import { announce, sendChunk, sha256 } from './support/materials';
import { Browser, loginAs, startTestServer } from './support/server';

/** Uploads `data` in the server's chunks and completes it. */
async function upload(browser: Browser, handoverId: string, name: string,
  contentType: string, data: Buffer, complete = true): Promise<MaterialView> {
  const { body: started } = await announce(browser, handoverId,
    { name, size: data.length, contentType });
  const path = `/api/handovers/${handoverId}/materials/${started.id}`;
  for (let i = 0; i < started.chunkCount; i++) {
    const chunk = data.subarray(i * started.chunkSize, (i + 1) * started.chunkSize);
    const sent = await sendChunk(browser, path, i, chunk);
    if (sent.status !== 200) throw new Error(`chunk ${i}: ${sent.status}`);
  }
  if (!complete) return started;
  const done = await browser.post<MaterialView>(`${path}/complete`, { sha256: sha256(data) });
  if (done.status !== 200) throw new Error(`complete: ${done.status}`);
  return done.body;
}

describe('sharing a file to the handover\'s group', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let zhangwei: Browser;
  let id: string;
  let chatId: string;

  const lastGroupMessage = () => {
    const chat = server.services.emulator!.chat(chatId)!;
    return chat.messages[chat.messages.length - 1];
  };
  const share = (as: Browser, material: MaterialView) =>
    as.post<{ sharedAs: string }>(`/api/handovers/${id}/materials/${material.id}/share`, {});

  beforeAll(async () => {
    server = await startTestServer('material-share', {}, { seed: true });
    zhangwei = (await loginAs(server.url, 'zhangwei')).browser;
    const [handover] = (await zhangwei.json<{ items: HandoverDetail[] }>('/api/handovers'))
      .body.items;
    id = handover.id;
    chatId = (await zhangwei.json<HandoverDetail>(`/api/handovers/${id}`)).body.chatId!;
    await server.services.outbox.kick();
  });
  afterAll(() => server.close());

  it('sends a document as a file message, uploaded to WeCom first', async () => {
    const data = crypto.randomBytes(300_000);
    const material = await upload(zhangwei, id, '客户合同台账.pdf', 'application/pdf', data);

    const shared = await share(zhangwei, material);
    expect(shared.status).toBe(202);
    expect(shared.body.sharedAs).toBe('file');
    await server.services.outbox.kick();

    const message = lastGroupMessage();
    expect(message.msgtype).toBe('file');
    const mediaId = (message.body as { file: { media_id: string } }).file.media_id;
    const media = server.services.emulator!.media(mediaId)!;
    expect(media.filename).toBe('客户合同台账.pdf');
    expect(Buffer.compare(media.data, data)).toBe(0);
  });

  it('sends a photo as an image, so the group sees it inline', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), crypto.randomBytes(2000)]);
    const { browser: lina } = await loginAs(server.url, 'lina');
    const material = await upload(zhangwei, id, '白板.png', 'image/png', png);
    expect((await share(lina, material)).status).toBe(202); // any participant shares
    await server.services.outbox.kick();
    expect(lastGroupMessage().msgtype).toBe('image');
  });

  it('links to the H5 for a file above WeCom\'s 20 MB limit', async () => {
    const big = Buffer.alloc(21 * 1024 * 1024, 7);
    const material = await upload(zhangwei, id, '年度经营数据.zip', 'application/zip', big);
    expect((await share(zhangwei, material)).body.sharedAs).toBe('link');
    await server.services.outbox.kick();
    const message = lastGroupMessage();
    expect(message.msgtype).toBe('textcard');
    const card = (message.body as { textcard: { title: string; url: string } }).textcard;
    expect(card.title).toBe('年度经营数据.zip');
    expect(card.url).toContain(`/handovers/${id}/materials/${material.id}`);
  });

  it('refuses an unfinished upload, and an outsider', async () => {
    const part = await upload(zhangwei, id, '未完成.pdf', 'application/pdf',
      crypto.randomBytes(2 * 1024 * 1024), false);
    expect((await share(zhangwei, part)).status).toBe(409);
    const { browser: outsider } = await loginAs(server.url, 'chenjing');
    const [done] = (await zhangwei.json<{ items: MaterialView[] }>(
      `/api/handovers/${id}/materials`)).body.items;
    expect((await share(outsider, done)).status).toBe(404);
  });
});
