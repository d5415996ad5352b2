/**
 * `npm run bench:upload`: shows that a 200 MB material passes through the
 * server with flat memory. Starts Baton as a child process (so its resident
 * memory is its own, read from /proc), logs in as zhangwei, uploads a 200 MB
 * file to the demo handover in chunks, drops the connection in the middle of
 * a chunk about 40% in, resumes from what the server says it has, completes
 * with the whole file's SHA-256, then reads a byte range and the whole file
 * back to check them. Prints the server's RSS at baseline, peak and end,
 * writes `data/upload-bench.json`, and exits non-zero when a check fails or
 * memory is not flat.
 */
import { ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const FILE_BYTES = 200 * 1024 * 1024;
/** Where in the upload the connection drops, as a share of the chunks. */
const ABORT_AT = 0.4;
/** Peak minus baseline RSS under this counts as flat. */
const FLAT_LIMIT_BYTES = 64 * 1024 * 1024;
const SAMPLE_MS = 100;
/** The generator hands out data in pieces this big (a multiple of 16). */
const PIECE = 64 * 1024;

/**
 * A seekable stream of pseudo-random bytes: AES-256-CTR over zeros with a
 * fixed key, so any range can be produced again from its offset without
 * keeping the file anywhere.
 */
const KEY = crypto.createHash('sha256').update('baton upload bench').digest();

function counterBlock(offset: number): Buffer {
  const iv = Buffer.alloc(16);
  iv.writeBigUInt64BE(BigInt(offset / 16), 8);
  return iv;
}

/** The file's bytes from `start` (a multiple of 16), `length` of them. */
function* fileBytes(start: number, length: number): Generator<Buffer> {
  const cipher = crypto.createCipheriv('aes-256-ctr', KEY, counterBlock(start));
  for (let done = 0; done < length; done += PIECE) {
    yield cipher.update(Buffer.alloc(Math.min(PIECE, length - done)));
  }
}

function sha256Of(start: number, length: number): string {
  const hash = crypto.createHash('sha256');
  for (const piece of fileBytes(start, length)) hash.update(piece);
  return hash.digest('hex');
}

/** Resident memory of `pid` in bytes, and the kernel's high-water mark. */
function residentMemory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm')
    .exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** Samples the server's RSS every SAMPLE_MS, keeping each phase's peak. */
class MemoryWatch {
  readonly phases: { phase: string; peakRss: number; ms: number }[] = [];
  private current = { phase: 'start', peakRss: 0, started: Date.now() };
  private readonly timer: NodeJS.Timeout;
  peak = 0;

  constructor(private readonly pid: number) {
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
  }

  sample(): number {
    const { rss } = residentMemory(this.pid);
    this.current.peakRss = Math.max(this.current.peakRss, rss);
    this.peak = Math.max(this.peak, rss);
    return rss;
  }

  /** Closes the current phase and starts `phase`. */
  enter(phase: string): void {
    this.sample();
    const { phase: name, peakRss, started } = this.current;
    if (name !== 'start') this.phases.push({ phase: name, peakRss, ms: Date.now() - started });
    this.current = { phase, peakRss: 0, started: Date.now() };
  }

  stop(): void {
    this.enter('stopped');
    clearInterval(this.timer);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });
}

/** Baton in its own node process (no tsx wrapper in between). */
function startChild(port: number, tmp: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: `sqlite:${path.join(tmp, 'bench.sqlite')}`,
      STORAGE_DIR: path.join(tmp, 'files'),
      // The default (500 MB) already fits; say so rather than rely on it.
      UPLOAD_MAX_BYTES: String(FILE_BYTES),
      SESSION_SECRET: 'upload-bench-session-secret-0123456789',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server did not answer /healthz within 60 s');
}

/** fetch with one person's session cookie; redirects are not followed. */
class Session {
  private cookie = '';

  constructor(readonly base: string) {}

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    const response = await fetch(url.startsWith('http') ? url : this.base + url,
      { ...init, headers, redirect: 'manual' });
    const set = response.headers.getSetCookie().map((c) => c.split(';')[0]);
    if (set.length) this.cookie = set.join('; ');
    return response;
  }

  async json<T>(url: string, init: RequestInit = {}): Promise<T> {
    const response = await this.fetch(url, { ...init,
      headers: { 'content-type': 'application/json', ...init.headers } });
    const text = await response.text();
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }

  get cookieHeader(): string {
    return this.cookie;
  }
}

/** Our login route, the emulator's OAuth page picking `userid`, back. */
async function logIn(base: string, userid: string): Promise<Session> {
  const session = new Session(base);
  const start = await session.fetch('/api/auth/login?next=%2F');
  const authorize = new URL(start.headers.get('location') ?? '', base);
  authorize.searchParams.set('userid', userid);
  const picked = await session.fetch(authorize.toString());
  const back = picked.headers.get('location');
  if (!back) throw new Error(`the OAuth page did not redirect (${picked.status})`);
  await session.fetch(new URL(back, base).toString());
  return session;
}

interface Material {
  id: string;
  size: number;
  chunkSize: number;
  chunkCount: number;
  received: number[];
  status: string;
  sha256: string | null;
}

/**
 * PUTs chunk `index`, streaming it from the generator. With `dropAfter`,
 * destroys the connection once that many bytes are out, as a phone losing
 * signal does, and resolves without an answer.
 */
function putChunk(session: Session, url: string, material: Material,
  index: number, dropAfter?: number): Promise<number> {
  const start = index * material.chunkSize;
  const length = Math.min(material.chunkSize, material.size - start);
  const target = new URL(url, session.base);
  return new Promise((resolve, reject) => {
    const request = http.request(target, { method: 'PUT', headers: {
      'content-type': 'application/octet-stream',
      'content-length': length,
      'x-chunk-sha256': sha256Of(start, length),
      cookie: session.cookieHeader,
    } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', (error) => (dropAfter === undefined ? reject(error) : resolve(0)));
    const send = async () => {
      let sent = 0;
      for (const piece of fileBytes(start, length)) {
        if (dropAfter !== undefined && sent + piece.length > dropAfter) {
          request.write(piece.subarray(0, dropAfter - sent));
          // Let the partial chunk reach the server before the line drops.
          await new Promise((r) => setTimeout(r, 200));
          request.destroy();
          resolve(0);
          return;
        }
        sent += piece.length;
        if (!request.write(piece)) {
          await new Promise((r) => request.once('drain', r));
        }
      }
      request.end();
    };
    send().catch(reject);
  });
}

/** Reads the response body through a hash, never holding it whole. */
async function hashBody(response: Response): Promise<{ hex: string; bytes: number }> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  for await (const piece of response.body as unknown as AsyncIterable<Uint8Array>) {
    hash.update(piece);
    bytes += piece.length;
  }
  return { hex: hash.digest('hex'), bytes };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function check(ok: boolean, what: string): void {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) process.exitCode = 1;
}

/** The upload, drop, resume and read-back, against a running server. */
async function exercise(base: string, watch: MemoryWatch) {
  const session = await logIn(base, 'zhangwei');
  const list = await session.json<{ items: { id: string }[] }>('/api/handovers');
  const handoverId = list.items[0]?.id;
  if (!handoverId) throw new Error('zhangwei has no demo handover');
  const materials = `/api/handovers/${handoverId}/materials`;

  const baseline = watch.sample();
  watch.enter('upload to 40%');
  const created = await session.json<Material>(materials, { method: 'POST',
    body: JSON.stringify({ name: 'bench-200mb.zip', size: FILE_BYTES,
      contentType: 'application/zip' }) });
  const chunkUrl = (i: number) => `${materials}/${created.id}/chunks/${i}`;
  const dropAt = Math.floor(created.chunkCount * ABORT_AT);
  for (let i = 0; i < dropAt; i += 1) {
    const status = await putChunk(session, chunkUrl(i), created, i);
    if (status !== 200) throw new Error(`chunk ${i}: ${status}`);
  }

  watch.enter('connection dropped mid-chunk');
  await putChunk(session, chunkUrl(dropAt), created, dropAt, created.chunkSize / 2);
  // The server notices the reset and drops the partial part.
  await new Promise((r) => setTimeout(r, 500));
  const after = await session.json<Material>(`${materials}/${created.id}`);

  watch.enter('resume');
  const have = new Set(after.received);
  for (let i = 0; i < after.chunkCount; i += 1) {
    if (have.has(i)) continue;
    const status = await putChunk(session, chunkUrl(i), after, i);
    if (status !== 200) throw new Error(`chunk ${i}: ${status}`);
  }

  watch.enter('complete');
  const sha256 = sha256Of(0, FILE_BYTES);
  const completed = await session.json<Material>(`${materials}/${created.id}/complete`,
    { method: 'POST', body: JSON.stringify({ sha256 }) });

  watch.enter('range and full download');
  // A slice across the chunk the connection dropped in.
  const rangeStart = dropAt * created.chunkSize - PIECE;
  const rangeLength = 3 * PIECE;
  const range = await session.fetch(`${materials}/${created.id}/content`, {
    headers: { range: `bytes=${rangeStart}-${rangeStart + rangeLength - 1}` } });
  const slice = await hashBody(range);
  const full = await hashBody(await session.fetch(`${materials}/${created.id}/content`));
  watch.enter('idle');
  await new Promise((r) => setTimeout(r, 1000));
  const end = watch.sample();

  return { baseline, end, dropAt, created, after, completed, sha256, range, slice,
    rangeStart, rangeLength, full };
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'baton-upload-bench-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = startChild(port, tmp);
  try {
    await waitForHealth(base, child);
    const watch = new MemoryWatch(child.pid as number);
    const started = Date.now();
    let run;
    try {
      run = await exercise(base, watch);
    } finally {
      watch.stop();
    }
    const seconds = (Date.now() - started) / 1000;
    const { hwm } = residentMemory(child.pid as number);
    const growth = watch.peak - run.baseline;

    console.log(`\n200 MB upload, ${run.created.chunkCount} chunks of `
      + `${mb(run.created.chunkSize)}, dropped in chunk ${run.dropAt}, `
      + `${seconds.toFixed(1)} s in all`);
    console.log('  phase                           peak RSS    time');
    for (const p of watch.phases) {
      console.log(`  ${p.phase.padEnd(30)}  ${mb(p.peakRss).padStart(9)}  `
        + `${(p.ms / 1000).toFixed(1).padStart(5)} s`);
    }
    console.log(`  server RSS: baseline ${mb(run.baseline)}, peak ${mb(watch.peak)}, `
      + `end ${mb(run.end)} (peak - baseline ${mb(growth)}; VmHWM ${mb(hwm)})`);
    const flat = growth < FLAT_LIMIT_BYTES;
    console.log(`  verdict: ${flat ? 'flat' : 'NOT flat'} (limit ${mb(FLAT_LIMIT_BYTES)})\n`);

    const expectedSlice = sha256Of(run.rangeStart, run.rangeLength);
    check(!run.after.received.includes(run.dropAt)
      && run.after.received.length === run.dropAt,
    `after the drop the server had chunks 0-${run.dropAt - 1} only `
      + `(${run.after.received.length} received)`);
    check(run.completed.status === 'complete' && run.completed.sha256 === run.sha256,
      'completed with the whole file\'s SHA-256');
    check(run.range.status === 206 && run.slice.hex === expectedSlice,
      `Range bytes=${run.rangeStart}-${run.rangeStart + run.rangeLength - 1} `
        + `answered 206 with the right bytes`);
    check(run.full.bytes === FILE_BYTES && run.full.hex === run.sha256,
      'the whole file read back matches');
    check(flat, `peak - baseline RSS under ${mb(FLAT_LIMIT_BYTES)}`);

    const result = { measuredAt: new Date().toISOString(), fileBytes: FILE_BYTES,
      chunkSize: run.created.chunkSize, chunkCount: run.created.chunkCount,
      droppedInChunk: run.dropAt, seconds,
      rss: { baseline: run.baseline, peak: watch.peak, end: run.end, hwm,
        growth, flatLimit: FLAT_LIMIT_BYTES, flat },
      phases: watch.phases, checksPassed: process.exitCode !== 1 };
    mkdirSync(path.join(ROOT, 'data'), { recursive: true });
    writeFileSync(path.join(ROOT, 'data', 'upload-bench.json'),
      `${JSON.stringify(result, null, 2)}\n`);
    console.log('\nwritten to data/upload-bench.json');
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
