import crypto from 'node:crypto';
import fs from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { HandoverDetail, MaterialListResponse, MaterialView } from '@baton/shared';
import { RunningServer } from '../server/src/server';
import {
  announce, patternChunk, sendChunk, sendHalfAndDrop, sha256,
} from './support/materials';
import { Browser, loginAs, startTestServer } from './support/server';

const MiB = 1024 * 1024;

describe('handover materials', () => {
  let server: RunningServer;
  let departing: Browser;
  let successor: Browser;
  let id: string;

  beforeAll(async () => {
    server = await startTestServer('materials', {}, { seed: true });
    departing = (await loginAs(server.url, 'zhangwei')).browser;
    successor = (await loginAs(server.url, 'lina')).browser;
    const list = await departing.json<{ items: HandoverDetail[] }>('/api/handovers');
    id = list.body.items[0].id;
  });
  afterAll(() => server.close());

  const base = () => `/api/handovers/${id}/materials`;

  it('resumes an interrupted upload, completes it and serves it with ranges',
    async () => {
      const file = crypto.randomBytes(5 * MiB + 1234);
      const chunk = (i: number) => file.subarray(i * MiB, (i + 1) * MiB);
      const created = await announce(departing, id, { name: '销售交接清单.pdf',
        size: file.length, contentType: 'application/pdf', chunkSize: MiB });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ chunkSize: MiB, chunkCount: 6,
        received: [], status: 'uploading', actions: ['upload', 'complete'] });
      const path = `${base()}/${created.body.id}`;

      for (const i of [0, 1, 3]) {
        expect((await sendChunk(departing, path, i, chunk(i))).status).toBe(200);
      }
      await sendHalfAndDrop(departing, path, 2, chunk(2), MiB / 2);

      const status = await departing.json<MaterialView>(path);
      expect(status.body.received).toEqual([0, 1, 3]);
      expect(leftovers(server.services.env.storageDir)).toEqual([]);
      expect((await successor.json(path)).status).toBe(404);
      expect((await departing.json<MaterialListResponse>(base())).body.items)
        .toEqual([]);

      const again = await sendChunk(departing, path, 1, chunk(1));
      expect(again.status).toBe(200);
      expect(again.body.received).toEqual([0, 1, 3]);
      for (const i of [2, 4, 5]) {
        expect((await sendChunk(departing, path, i, chunk(i))).status).toBe(200);
      }
      const wrong = await departing.post<{ error: { field: string } }>(
        `${path}/complete`, { sha256: sha256(Buffer.from('other')) });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.field).toBe('sha256');

      const done = await departing.post<MaterialView>(`${path}/complete`,
        { sha256: sha256(file) });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ status: 'complete', sha256: sha256(file),
        size: file.length, actions: ['read'] });

      const listed = await successor.json<MaterialListResponse>(base());
      expect(listed.body.items.map((m) => m.id)).toEqual([created.body.id]);

      const whole = await successor.fetch(`${path}/content`);
      expect(whole.status).toBe(200);
      expect(whole.headers.get('content-type')).toBe('application/pdf');
      expect(whole.headers.get('content-disposition')).toContain(
        `filename*=UTF-8''${encodeURIComponent('销售交接清单.pdf')}`);
      expect(sha256(new Uint8Array(await whole.arrayBuffer()))).toBe(sha256(file));

      const part = await successor.fetch(`${path}/content`,
        { headers: { range: 'bytes=1048570-1048589' } });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range'))
        .toBe(`bytes 1048570-1048589/${file.length}`);
      expect(Buffer.from(await part.arrayBuffer()))
        .toEqual(file.subarray(1048570, 1048590));
      const tail = await successor.fetch(`${path}/content`,
        { headers: { range: 'bytes=-10' } });
      expect(Buffer.from(await tail.arrayBuffer())).toEqual(file.subarray(-10));
      const beyond = await successor.fetch(`${path}/content`,
        { headers: { range: `bytes=${file.length}-` } });
      expect(beyond.status).toBe(416);
      expect(beyond.headers.get('content-range')).toBe(`bytes */${file.length}`);

      const timeline = await departing.json<{ items: { action: string }[] }>(
        `/api/handovers/${id}/timeline`);
      expect(timeline.body.items.map((e) => e.action))
        .toContain('material.completed');
    });

  it('refuses a chunk whose hash does not match, and keeps none of it', async () => {
    const data = crypto.randomBytes(100_000);
    const created = await announce(departing, id, { name: 'a.zip', size: data.length,
      contentType: 'application/zip' });
    const path = `${base()}/${created.body.id}`;

    const refused = await sendChunk(departing, path, 0, data, sha256(Buffer.from('x')));
    expect(refused.status).toBe(400);
    expect(refused.body.error.field).toBe('X-Chunk-Sha256');
    expect((await departing.json<MaterialView>(path)).body.received).toEqual([]);

    const early = await departing.post<{ error: { field: string } }>(
      `${path}/complete`, { sha256: sha256(data) });
    expect(early.status).toBe(400);
    expect(early.body.error.field).toBe('chunks');
  });

  it('refuses a file too large or of a type not accepted, naming the field',
    async () => {
      const tooLarge = await announce(departing, id, { name: 'big.pdf',
        size: 524_288_001, contentType: 'application/pdf' });
      expect(tooLarge.status).toBe(400);
      expect(tooLarge.body.error.field).toBe('size');

      const program = await announce(departing, id, { name: 'setup.exe',
        size: 1000, contentType: 'application/x-msdownload' });
      expect(program.status).toBe(400);
      expect(program.body.error.field).toBe('contentType');
    });

  it('lets only the departing executive and HR upload; outsiders get 404',
    async () => {
      const request = { name: 'x.pdf', size: 10, contentType: 'application/pdf' };
      expect((await announce(successor, id, request)).status).toBe(403);
      const outsider = (await loginAs(server.url, 'chenjing')).browser;
      expect((await announce(outsider, id, request)).status).toBe(404);
      expect((await outsider.json(base())).status).toBe(404);
    });

  it('keeps only a safe file name', async () => {
    const named = async (name: string) => announce(departing, id,
      { name, size: 10, contentType: 'text/plain' });
    expect((await named('../../etc/passwd')).body.name).toBe('passwd');
    expect((await named('..\\..\\boot.ini')).body.name).toBe('boot.ini');
    expect((await named('re\u0000port\u202e\n.txt')).body.name).toBe('report.txt');
    const empty = await named('../..');
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe('name');
  });

  it('streams a 50 MB upload and download without holding the file', async () => {
    // Collect garbage as we go, so rss shows what is held, not what V8
    // has yet to free (it lets up to ~64 MB of dead buffers pile up);
    // and warm up on a small file so first-use allocations do not count.
    const gc = collector();
    let peak = 0;
    const sample = () => {
      gc();
      peak = Math.max(peak, process.memoryUsage().rss);
    };
    await roundTrip(4 * MiB, sample);
    gc();
    const before = process.memoryUsage().rss;
    const buffersBefore = process.memoryUsage().arrayBuffers;
    peak = before;

    const size = 50 * MiB;
    await roundTrip(size, sample);

    // rss also holds what the allocator keeps after a free: 25-33 MiB
    // here whether the file is 50 or 150 MiB, so rss is held loosely to
    // under the file size; buffers still alive after a collection are the
    // stricter figure.
    gc();
    const growth = peak - before;
    const buffers = process.memoryUsage().arrayBuffers - buffersBefore;
    console.log(`materials: rss grew ${(growth / MiB).toFixed(1)} MiB, live `
      + `buffers ${(buffers / MiB).toFixed(1)} MiB, for ${size / MiB} MiB`);
    expect(growth).toBeLessThan(size);
    expect(buffers).toBeLessThan(8 * MiB);
  }, 180_000); // 100 MB through MariaDB on a busy 2-core machine

  /** Uploads `size` bytes in chunks, completes, downloads and checks it. */
  async function roundTrip(size: number, sample: () => void): Promise<void> {
    const created = await announce(departing, id, { name: 'archive.zip', size,
      contentType: 'application/zip' });
    const { chunkSize, chunkCount } = created.body;
    const path = `${base()}/${created.body.id}`;
    const buffer = Buffer.alloc(chunkSize);
    const whole = crypto.createHash('sha256');
    for (let i = 0; i < chunkCount; i += 1) {
      const data = patternChunk(i, Math.min(chunkSize, size - i * chunkSize), buffer);
      whole.update(data);
      expect((await sendChunk(departing, path, i, data)).status).toBe(200);
      sample();
    }
    const digest = whole.digest('hex');
    expect((await departing.post(`${path}/complete`, { sha256: digest })).status)
      .toBe(200);
    sample();

    const download = await successor.fetch(`${path}/content`);
    const check = crypto.createHash('sha256');
    let received = 0;
    for await (const piece of download.body!) {
      check.update(piece);
      received += piece.length;
      if (received >= MiB) {
        received = 0;
        sample();
      }
    }
    expect(check.digest('hex')).toBe(digest);
  }
});

/** Temporary files left in the storage directory. */
function leftovers(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.tmp'));
}

/** `gc()`, made available at run time (jest runs without --expose-gc). */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}
