/**
 * Keeps the emulator's state in a JSON file so it survives a restart, as
 * the server's database does. Writes are batched (a change is written at
 * most `delayMs` later) and atomic: each file is written to `<name>.tmp`
 * and renamed over the old one, so a reader or a crash never sees half a
 * file. Media bytes live one file per media id in `<file>.media/`.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

import type { Logger } from 'pino';

import type { EmulatorSnapshot } from './snapshot';
import type { MediaRecord } from './types';

/** What is saved: the snapshot and the live media with their bytes. */
export interface SavedState {
  snapshot: EmulatorSnapshot;
  media: MediaRecord[];
}

/** What a state file held: its parsed JSON and a reader for media bytes. */
export interface LoadedState {
  value: unknown;
  mediaData: (mediaId: string) => Buffer | undefined;
}

/** How long a change waits before it is written, by default. */
const DEFAULT_DELAY_MS = 200;

/** One emulator's state file and media folder. */
export class StateFile {
  /** The folder holding media bytes, one file per media id. */
  readonly mediaDir: string;

  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  /** The JSON last read or written, to skip writes that change nothing. */
  private lastJson: string | null = null;
  /** Names of the files in mediaDir. */
  private readonly mediaOnDisk = new Set<string>();

  constructor(
    readonly file: string,
    private readonly log: Logger,
    private readonly build: () => SavedState,
    private readonly delayMs = DEFAULT_DELAY_MS,
  ) {
    this.mediaDir = `${file}.media`;
  }

  /** The saved state, or null when there is none or it cannot be read
   * (logged). Never throws. */
  load(): LoadedState | null {
    this.listMedia();
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      if (!isMissing(err)) {
        this.log.warn({ err, file: this.file }, 'emulator state unreadable');
      }
      return null;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      this.log.warn({ err, file: this.file }, 'emulator state is not JSON');
      return null;
    }

    this.lastJson = text;
    return {
      value,
      mediaData: (mediaId) => this.readMedia(mediaId),
    };
  }

  /** Asks for the current state to be written soon. */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.enqueue();
    }, this.delayMs);
    // A pending write must not keep a finished process alive: call flush().
    this.timer.unref();
  }

  /** Writes the current state now; resolves once it is on disk. A failed
   * write is logged, not thrown. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    return this.enqueue();
  }

  /** Runs one save after any save in progress. */
  private enqueue(): Promise<void> {
    this.writing = this.writing.then(() => this.save()).catch((err: unknown) => {
      this.log.error({ err, file: this.file }, 'emulator state not saved');
    });
    return this.writing;
  }

  private async save(): Promise<void> {
    const { snapshot, media } = this.build();
    const json = JSON.stringify(snapshot);
    const live = new Set(media.map((m) => m.mediaId));
    const added = media.filter((m) => !this.mediaOnDisk.has(m.mediaId));
    const gone = [...this.mediaOnDisk].filter((name) => !live.has(name));
    if (json === this.lastJson && added.length === 0 && gone.length === 0) {
      return;
    }

    // Bytes first, so the JSON never names media that is not on disk.
    await fsp.mkdir(path.dirname(this.file), { recursive: true });
    if (added.length > 0) await fsp.mkdir(this.mediaDir, { recursive: true });
    for (const record of added) {
      await writeAtomic(path.join(this.mediaDir, record.mediaId), record.data);
      this.mediaOnDisk.add(record.mediaId);
    }
    if (json !== this.lastJson) {
      await writeAtomic(this.file, json);
      this.lastJson = json;
    }
    for (const name of gone) {
      await fsp.rm(path.join(this.mediaDir, name), { force: true });
      this.mediaOnDisk.delete(name);
    }
  }

  /** Notes the files already in mediaDir (leftovers are removed later). */
  private listMedia(): void {
    try {
      for (const name of fs.readdirSync(this.mediaDir)) {
        this.mediaOnDisk.add(name);
      }
    } catch (err) {
      if (!isMissing(err)) {
        this.log.warn({ err, dir: this.mediaDir }, 'emulator media unreadable');
      }
    }
  }

  private readMedia(mediaId: string): Buffer | undefined {
    try {
      return fs.readFileSync(path.join(this.mediaDir, mediaId));
    } catch {
      return undefined;
    }
  }
}

/** Writes `<target>.tmp`, then renames it over `target`. */
async function writeAtomic(
  target: string, data: string | Buffer,
): Promise<void> {
  const tmp = `${target}.tmp`;
  await fsp.writeFile(tmp, data, { mode: 0o600 });
  await fsp.rename(tmp, target);
}

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}
