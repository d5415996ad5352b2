import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { HandoverDetail, MaterialView } from '@baton/shared';
import { Material } from '../server/src/entities';
import { RunningServer } from '../server/src/server';
import { sweepAbandonedUploads } from '../server/src/services/upload-sweeper';
import { announce, sendChunk } from './support/materials';
import { Browser, loginAs, startTestServer } from './support/server';

const KiB = 1024;
const DAY = 86_400_000;

describe('abandoned uploads', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let departing: Browser;
  let id: string;

  beforeAll(async () => {
    server = await startTestServer('upload-sweeper', {}, { seed: true });
    departing = (await loginAs(server.url, 'zhangwei')).browser;
    const list = await departing.json<{ items: HandoverDetail[] }>('/api/handovers');
    id = list.body.items[0].id;
  });
  afterAll(() => server.close());

  const sweep = () => sweepAbandonedUploads({ db: server.services.db,
    storage: server.services.storage, clock: server.clock,
    logger: server.services.logger, abandonDays: 7 });

  async function startUpload(name: string): Promise<{ path: string; file: Buffer }> {
    const file = crypto.randomBytes(300 * KiB);
    const created = await announce(departing, id, { name, size: file.length,
      contentType: 'application/pdf', chunkSize: 64 * KiB });
    expect(created.status).toBe(201);
    const at = `/api/handovers/${id}/materials/${created.body.id}`;
    expect((await sendChunk(departing, at, 0, file.subarray(0, 64 * KiB))).status)
      .toBe(200);
    return { path: at, file };
  }

  it('gives up an upload left unfinished for a week and deletes its parts', async () => {
    const old = await startUpload('半途而废.pdf');
    server.clock.advance(6 * DAY);
    const recent = await startUpload('昨天开始.pdf');

    expect(await sweep()).toBe(0);
    server.clock.advance(1 * DAY + 60_000);
    expect(await sweep()).toBe(1);

    const gone = await departing.json<MaterialView>(old.path);
    expect(gone.body.status).toBe('failed');
    expect(await hasParts(server, gone.body.id)).toBe(false);
    const late = await sendChunk(departing, old.path, 1,
      old.file.subarray(64 * KiB, 128 * KiB));
    expect(late.status).toBe(409);

    const kept = await departing.json<MaterialView>(recent.path);
    expect(kept.body).toMatchObject({ status: 'uploading', received: [0] });
    expect(await hasParts(server, kept.body.id)).toBe(true);
    expect(await sweep()).toBe(0);
  });
});

/** Whether the material's parts are still in storage. */
async function hasParts(server: RunningServer, materialId: string): Promise<boolean> {
  const row = await server.services.db.manager.findOneByOrFail(Material,
    { id: Number(materialId) });
  return fs.existsSync(path.join(server.services.env.storageDir, `${row.storageKey}.part`));
}
