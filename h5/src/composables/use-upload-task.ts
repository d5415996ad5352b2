import type { MaterialView } from '@baton/shared';
import { ApiError } from '@/api/errors';
import {
  completeMaterial, createMaterial, fetchMaterial, sendChunk,
} from '@/api/materials';
import { forgetUpload, recallUpload, rememberUpload } from './use-upload-resume';

/** No byte sent nor answer received for this long: the attempt is dead. */
const STALL_MS = 45_000;
const BACKOFF_FIRST_MS = 1_000;
const BACKOFF_MAX_MS = 30_000;
/** Server errors are retried this often; lost connections for ever. */
const SERVER_ERROR_TRIES = 8;

/** One file to upload, and how to report on it. */
export interface UploadRun {
  handoverId: string;
  itemId?: string;
  file: File;
  contentType: string;
  /** Aborted when the person cancels or leaves: the run then rejects. */
  signal: AbortSignal;
  /** Bytes of the file the server has (or is receiving) so far. */
  onProgress: (bytes: number) => void;
  /** `paused` while waiting for the network, `uploading` otherwise. */
  onState: (state: 'uploading' | 'paused') => void;
  /** An earlier upload of this file is being continued. */
  onResumed?: () => void;
}

/** One try of a call, which the connection watcher may abort. */
interface Attempt {
  signal: AbortSignal;
  /** The number of earlier tries. */
  tries: number;
  /** Something moved: restarts the stall timer. */
  alive: () => void;
}

/**
 * Uploads one file in the server's chunks and completes it; resolves with
 * the complete material. Chunks are read one at a time (`File.slice`), so
 * the file is never held whole; the whole-file SHA-256 grows as they are
 * read. A dropped, stalled or offline connection pauses and retries with
 * backoff, or at once when the browser says it is online again, first
 * asking the server which chunks it already has. A 4xx rejects with the
 * server's reason and is not retried.
 */
export async function runUpload(run: UploadRun): Promise<MaterialView> {
  const { createSha256, sha256Hex } = await import('@/utils/sha256');
  const { handoverId, file } = run;
  const connection = new Connection(run);
  try {
    const material = await connection.retry((a) => openMaterial(run, a));
    if (material.status === 'complete') return material;

    const { id, chunkSize, chunkCount } = material;
    const whole = createSha256();
    let received = new Set(material.received);
    let confirmed = 0;
    for (let index = 0; index < chunkCount; index += 1) {
      const start = index * chunkSize;
      const data = new Uint8Array(
        await file.slice(start, start + chunkSize).arrayBuffer());
      whole.update(data);

      if (!received.has(index)) {
        const sha256 = await sha256Hex(data);
        received = await connection.retry(async (a) => {
          if (a.tries > 0) {
            // The last try may have landed before the line dropped.
            const known = await fetchMaterial(handoverId, id, a.signal);
            if (known.received.includes(index)) return new Set(known.received);
          }
          const after = await sendChunk({ handoverId, materialId: id, index,
            data, sha256, signal: a.signal,
            onProgress: (sent) => {
              a.alive();
              run.onProgress(confirmed + sent);
            } });
          return new Set(after.received);
        });
      }
      confirmed += data.length;
      run.onProgress(confirmed);
    }

    const sha256 = whole.hex();
    const done = await connection.retry((a) =>
      completeMaterial(handoverId, id, sha256, a.signal));
    forgetUpload(resumeKey(run));
    return done;
  } finally {
    connection.close();
  }
}

function resumeKey(run: UploadRun) {
  return { handoverId: run.handoverId, itemId: run.itemId, file: run.file };
}

/**
 * The material to send this file into: the unfinished one remembered for
 * it, if the server still has it, or a newly announced one.
 */
async function openMaterial(run: UploadRun, a: Attempt): Promise<MaterialView> {
  const key = resumeKey(run);
  const remembered = recallUpload(key);
  if (remembered) {
    try {
      const found = await fetchMaterial(run.handoverId, remembered, a.signal);
      if (found.size === run.file.size && found.status !== 'failed') {
        if (found.received.length > 0) run.onResumed?.();
        return found;
      }
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.status === 404)) throw failure;
    }
    forgetUpload(key);
  }

  const created = await createMaterial(run.handoverId, {
    name: run.file.name, size: run.file.size, contentType: run.contentType,
    itemId: run.itemId,
  }, a.signal);
  rememberUpload(key, created.id);
  return created;
}

/**
 * Watches the network for one upload: aborts the call in flight when the
 * browser goes offline or the call stalls, and waits (paused) until it is
 * worth trying again.
 */
class Connection {
  private current: AbortController | null = null;
  private wake: (() => void) | null = null;
  private readonly onOffline = () => this.current?.abort('offline');
  private readonly onOnline = () => this.wake?.();

  constructor(private readonly run: UploadRun) {
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
    run.signal.addEventListener('abort', this.onOffline);
  }

  close(): void {
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    this.run.signal.removeEventListener('abort', this.onOffline);
  }

  /** Runs `call` until it succeeds, fails for good, or the run aborts. */
  async retry<T>(call: (attempt: Attempt) => Promise<T>): Promise<T> {
    let serverErrors = 0;
    for (let tries = 0; ; tries += 1) {
      if (tries > 0 || !navigator.onLine) await this.pause(tries);
      this.run.signal.throwIfAborted();

      const controller = new AbortController();
      this.current = controller;
      let timer = 0;
      const alive = () => {
        window.clearTimeout(timer);
        timer = window.setTimeout(() => controller.abort('stalled'), STALL_MS);
      };
      alive();
      try {
        return await call({ signal: controller.signal, tries, alive });
      } catch (failure) {
        this.run.signal.throwIfAborted();
        if (controller.signal.aborted) continue; // offline or stalled
        if (!(failure instanceof ApiError)) throw failure;
        if (failure.status === 0) continue;
        const serverSide = failure.status >= 500 || failure.status === 408
          || failure.status === 429;
        if (!serverSide || ++serverErrors >= SERVER_ERROR_TRIES) throw failure;
      } finally {
        window.clearTimeout(timer);
        this.current = null;
      }
    }
  }

  /**
   * Waits before try number `tries`: until the browser is online, then a
   * backoff with jitter, cut short when an `online` event arrives.
   */
  private async pause(tries: number): Promise<void> {
    this.run.onState('paused');
    const base = Math.min(BACKOFF_MAX_MS,
      BACKOFF_FIRST_MS * 2 ** Math.max(0, tries - 1));
    const delay = navigator.onLine ? base * (0.5 + Math.random() / 2) : Infinity;
    await new Promise<void>((resolve) => {
      if (this.run.signal.aborted) {
        resolve();
        return;
      }
      const timer = Number.isFinite(delay)
        ? window.setTimeout(finish, delay) : 0;
      const { signal } = this.run;
      function finish() {
        window.clearTimeout(timer);
        signal.removeEventListener('abort', finish);
        resolve();
      }
      this.wake = finish;
      signal.addEventListener('abort', finish);
    });
    this.wake = null;
    this.run.onState('uploading');
  }
}
