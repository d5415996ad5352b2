import { sanitizeFileName } from '@baton/shared';
import {
  chunkLength, contentDisposition, parseRange, pickChunkSize, typeAllowed,
} from './materials';

describe('material arithmetic and checks', () => {
  it('cuts a file into full chunks and a shorter last one', () => {
    expect(chunkLength(10, 4, 0)).toBe(4);
    expect(chunkLength(10, 4, 2)).toBe(2);
    expect(chunkLength(10, 4, 3)).toBeNull();
    expect(chunkLength(10, 4, -1)).toBeNull();
  });

  it('grows the default chunk size so a file stays within 512 chunks', () => {
    expect(pickChunkSize(5_000_000)).toBe(1024 * 1024);
    expect(pickChunkSize(2_000_000_000)).toBe(Math.ceil(2_000_000_000 / 512));
    expect(pickChunkSize(2_000_000_000, 65_536)).toBeNull();
  });

  it('matches types exactly or by type/*', () => {
    expect(typeAllowed('image/png', ['image/*'])).toBe(true);
    expect(typeAllowed('application/pdf', ['image/*'])).toBe(false);
  });

  it('reads single byte ranges and refuses those past the end', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-5', 100)).toEqual({ start: 95, end: 99 });
    expect(parseRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,5-6', 100)).toBeNull();
    expect(parseRange(undefined, 100)).toBeNull();
  });

  it('names the download in ASCII and in RFC 5987 UTF-8', () => {
    expect(contentDisposition('交接 "清单".pdf')).toBe('attachment; '
      + 'filename="__ ____.pdf"; '
      + "filename*=UTF-8''%E4%BA%A4%E6%8E%A5%20%22%E6%B8%85%E5%8D%95%22.pdf");
  });

  it('keeps the last path segment without control characters', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\temp\\..\\a\tb.txt')).toBe('ab.txt');
    expect(sanitizeFileName('...hidden')).toBe('hidden');
    expect(sanitizeFileName('x'.repeat(300))).toHaveLength(200);
  });
});
