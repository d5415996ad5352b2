import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ByteRange, checkKey, Storage } from './storage';

/**
 * Storage in a local directory: `<dir>/<key>` for a file and
 * `<dir>/<key>.part/<index>` for its parts. Every write goes to a unique
 * temporary name and is renamed into place, so readers and concurrent
 * writers of the same part never see half a file.
 */
export class LocalStorage implements Storage {
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = path.resolve(dir);
  }

  async write(key: string, source: Readable): Promise<void> {
    await this.writeFile(this.pathOf(key), source);
  }

  async writePart(key: string, index: number, source: Readable): Promise<number> {
    return this.writeFile(this.partPath(key, index), source);
  }

  async removePart(key: string, index: number): Promise<void> {
    await fs.promises.rm(this.partPath(key, index), { force: true });
  }

  async removeParts(key: string): Promise<void> {
    await fs.promises.rm(`${this.pathOf(key)}.part`,
      { recursive: true, force: true });
  }

  readParts(key: string, count: number): Readable {
    const parts = Array.from({ length: count }, (_, i) => this.partPath(key, i));
    // One part at a time, each read to its end before the next opens.
    return Readable.from((async function* join() {
      for (const part of parts) yield* fs.createReadStream(part);
    })(), { objectMode: false });
  }

  read(key: string, range?: ByteRange): Readable {
    return fs.createReadStream(this.pathOf(key), range);
  }

  async size(key: string): Promise<number> {
    return (await fs.promises.stat(this.pathOf(key))).size;
  }

  async remove(key: string): Promise<void> {
    await this.removeParts(key);
    await fs.promises.rm(this.pathOf(key), { force: true });
  }

  /** Streams to a temporary file, then renames it to `target`. */
  private async writeFile(target: string, source: Readable): Promise<number> {
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    const sink = fs.createWriteStream(temp);
    try {
      await pipeline(source, sink);
      await fs.promises.rename(temp, target);
    } catch (err) {
      await fs.promises.rm(temp, { force: true });
      throw err;
    }
    return sink.bytesWritten;
  }

  private pathOf(key: string): string {
    return path.join(this.dir, checkKey(key));
  }

  private partPath(key: string, index: number): string {
    if (!Number.isSafeInteger(index) || index < 0) {
      throw new Error('invalid part index');
    }
    return path.join(`${this.pathOf(key)}.part`, String(index));
  }
}
