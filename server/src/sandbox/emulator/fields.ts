/**
 * Small readers for request fields that throw WeCom's errcodes: 40063 when a
 * required field is missing, 40058 when it is malformed, 45002 when too long.
 * `path` names the field in the errmsg, e.g. `textcard.title`.
 */
import { isRecord } from './cgi';
import { WecomError } from './errors';

/** UTF-8 length, which WeCom's limits count. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** A required non-empty string of at most `maxBytes`. */
export function requireText(
  obj: Record<string, unknown>, key: string, path: string, maxBytes = Infinity,
): string {
  const value = obj[key];
  if (value === undefined || value === null || value === '') {
    throw new WecomError(40063, path);
  }
  if (typeof value !== 'string') throw new WecomError(40058, path);
  if (byteLength(value) > maxBytes) throw new WecomError(45002, path);
  return value;
}

/** An optional string of at most `maxBytes`. */
export function optionalText(
  obj: Record<string, unknown>, key: string, path: string, maxBytes = Infinity,
): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new WecomError(40058, path);
  if (byteLength(value) > maxBytes) throw new WecomError(45002, path);
  return value;
}

/** A required JSON object. */
export function requireObject(
  obj: Record<string, unknown>, key: string, path: string,
): Record<string, unknown> {
  const value = obj[key];
  if (value === undefined || value === null) throw new WecomError(40063, path);
  if (!isRecord(value)) throw new WecomError(40058, path);
  return value;
}

/** An optional JSON object. */
export function optionalObject(
  obj: Record<string, unknown>, key: string, path: string,
): Record<string, unknown> | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw new WecomError(40058, path);
  return value;
}

/**
 * A list of objects with `min..max` entries; missing counts as empty.
 * A count out of range is 40063 when empty and required, else 40058.
 */
export function objectList(
  obj: Record<string, unknown>, key: string, path: string,
  min: number, max: number,
): Record<string, unknown>[] {
  const value = obj[key] ?? [];
  if (!Array.isArray(value) || !value.every(isRecord)) {
    throw new WecomError(40058, path);
  }
  if (value.length === 0 && min > 0) throw new WecomError(40063, path);
  if (value.length < min || value.length > max) {
    throw new WecomError(40058, `${path} must have ${min} to ${max} entries`);
  }
  return value;
}

/** An optional integer among `allowed`. */
export function optionalChoice(
  obj: Record<string, unknown>, key: string, path: string,
  allowed: readonly number[],
): number | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !allowed.includes(value)) {
    throw new WecomError(40058, path);
  }
  return value;
}

/** A flag WeCom writes as 0/1 (also accepting booleans and "1"). */
export function flag(value: unknown): boolean {
  return value === 1 || value === true || value === '1';
}
