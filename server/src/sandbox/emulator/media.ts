/**
 * Temporary media (D:90253, D:90254): media/upload streams a multipart
 * `media` part through busboy and enforces WeCom's size and format rules;
 * media/get answers the bytes, with Range support.
 */
import { randomBytes } from 'node:crypto';

import busboy from 'busboy';
import type { Context } from 'koa';

import type { EndpointTable } from './cgi';
import type { EmulatorCore } from './core';
import { WecomError } from './errors';
import type { MediaRecord, MediaRef } from './types';

/** The upload types. */
export type MediaType = MediaRecord['type'];

/** A media_id works for three days. */
export const MEDIA_TTL_S = 3 * 24 * 3600;

const MB = 1024 * 1024;
/** Largest upload per type (D:90253). */
export const MEDIA_MAX_BYTES: Record<MediaType, number> = {
  image: 10 * MB, voice: 2 * MB, video: 10 * MB, file: 20 * MB,
};
/** Every file must be larger than this. */
const MIN_BYTES = 5;

/** What an upload carried. */
interface Upload {
  filename: string;
  mimeType: string;
  data: Buffer;
  truncated: boolean;
}

/** Stores bytes as media and returns the record (also for the sandbox). */
export function storeMedia(
  core: EmulatorCore,
  input: Pick<MediaRecord, 'type' | 'filename' | 'contentType' | 'data'>,
): MediaRecord {
  const record: MediaRecord = {
    ...input,
    mediaId: `3${randomBytes(30).toString('base64url').replace(/[-_]/g, 'x')}`,
    size: input.data.length,
    createdAt: core.nowS(),
  };
  core.media.set(record.mediaId, record);
  return record;
}

/** The live media with this id, if any. */
export function findMedia(
  core: EmulatorCore, mediaId: string,
): MediaRecord | undefined {
  const record = core.media.get(mediaId);
  const live = record && record.createdAt + MEDIA_TTL_S > core.nowS();
  return live ? record : undefined;
}

/** Display facts of a media record. */
export function mediaRef(record: MediaRecord): MediaRef {
  const { mediaId, filename, contentType, size } = record;
  return { mediaId, filename, contentType, size };
}

/** The media/upload and media/get endpoints. */
export function mediaEndpoints(core: EmulatorCore): EndpointTable {
  return {
    'media/upload': {
      method: 'POST',
      rawBody: true,
      handler: async ({ ctx, query }) => {
        const type = query('type');
        if (!isMediaType(type)) throw new WecomError(40005, 'type');
        const upload = await receiveUpload(ctx, MEDIA_MAX_BYTES[type]);
        const contentType = checkUpload(type, upload);

        const record = storeMedia(core, {
          type, filename: upload.filename, contentType, data: upload.data,
        });
        return {
          type, media_id: record.mediaId, created_at: String(record.createdAt),
        };
      },
    },
    'media/get': {
      method: 'GET',
      handler: ({ ctx, query }) => {
        const record = findMedia(core, query('media_id') ?? '');
        if (!record) throw new WecomError(40007);
        sendMedia(ctx, record);
      },
    },
  };
}

function isMediaType(value: string | undefined): value is MediaType {
  return value === 'image' || value === 'voice' || value === 'video' ||
    value === 'file';
}

/** Reads the `media` part, keeping at most `maxBytes + 1` bytes. */
function receiveUpload(ctx: Context, maxBytes: number): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: ctx.req.headers,
        limits: { fileSize: maxBytes + 1, files: 5, fields: 20 },
        defParamCharset: 'utf8',
      });
    } catch {
      reject(new WecomError(44001, 'not multipart/form-data'));
      return;
    }

    let upload: Upload | null = null;
    let fileRead = Promise.resolve();
    parser.on('file', (name, stream, info) => {
      if (name !== 'media' || upload) {
        stream.resume();
        return;
      }
      const current: Upload = {
        filename: info.filename ?? 'media', mimeType: info.mimeType,
        data: Buffer.alloc(0), truncated: false,
      };
      upload = current;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => { current.truncated = true; });
      fileRead = new Promise((done) => stream.on('close', () => {
        current.data = Buffer.concat(chunks);
        done();
      }));
    });
    const fail = (): void => reject(new WecomError(44001, 'bad multipart'));
    parser.on('error', fail);
    ctx.req.on('error', fail);
    parser.on('close', () => {
      void fileRead.then(() => {
        if (upload) resolve(upload);
        else reject(new WecomError(44001, 'no media part'));
      });
    });
    ctx.req.pipe(parser);
  });
}

/** Enforces size and format; returns the stored Content-Type. */
function checkUpload(type: MediaType, upload: Upload): string {
  const size = upload.data.length;
  if (size === 0) throw new WecomError(44001);
  if (size <= MIN_BYTES) throw new WecomError(40006, 'must exceed 5 bytes');
  if (upload.truncated) {
    throw new WecomError(type === 'image' ? 40009 : 45001, type);
  }

  const format = sniff(upload.data);
  const expected: Record<MediaType, string[]> = {
    image: ['image/jpeg', 'image/png'], voice: ['audio/amr'],
    video: ['video/mp4'], file: [],
  };
  if (type === 'file') return upload.mimeType || 'application/octet-stream';
  if (!format || !expected[type].includes(format)) {
    const formats = expected[type].join(' or ');
    throw new WecomError(40004, `${type} must be ${formats}`);
  }
  return format;
}

/** The format magic bytes tell, for the types WeCom restricts. */
function sniff(data: Buffer): string | null {
  const starts = (bytes: number[], at = 0): boolean =>
    bytes.every((b, i) => data[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return 'image/png';
  }
  if (data.subarray(0, 6).toString('latin1') === '#!AMR\n') return 'audio/amr';
  if (data.subarray(4, 8).toString('latin1') === 'ftyp') return 'video/mp4';
  return null;
}

/** Answers the bytes, or one byte range of them (206 / 416). */
function sendMedia(ctx: Context, record: MediaRecord): void {
  const ascii = record.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  ctx.set('Content-Disposition', `attachment; filename="${ascii}"; ` +
    `filename*=UTF-8''${encodeURIComponent(record.filename)}`);
  ctx.set('Accept-Ranges', 'bytes');
  ctx.type = record.contentType;

  const size = record.size;
  const range = parseRange(ctx.get('Range'), size);
  if (range === 'unsatisfiable') {
    ctx.status = 416;
    ctx.set('Content-Range', `bytes */${size}`);
    ctx.body = '';
    return;
  }
  if (range) {
    ctx.status = 206;
    ctx.set('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
    ctx.body = record.data.subarray(range.start, range.end + 1);
    return;
  }
  ctx.status = 200;
  ctx.body = record.data;
}

/** One `bytes=` range; null = whole file (absent, multiple or not bytes). */
function parseRange(
  header: string, size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;

  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
