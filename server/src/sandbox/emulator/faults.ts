/**
 * Fault injection: make the next calls of an endpoint fail, or fail calls at
 * random, so the client's retries and outbox can be exercised.
 */
import { EmulatorError } from './errors';
import type { FaultRateSpec, FaultSpec } from './types';

/** How one call should misbehave. */
export interface FaultOutcome {
  errcode?: number;
  httpStatus?: number;
  delayMs?: number;
}

/** Longest delay a fault may add, so a typo cannot hang a test for long. */
const MAX_DELAY_MS = 60_000;
const ENDPOINT = /^(\*|[a-z0-9_]+(\/[a-z0-9_]+)*)$/i;

/** Queued and random faults for one emulator. */
export class FaultInjector {
  private queue: FaultSpec[] = [];
  private rate: FaultRateSpec | null = null;

  constructor(private readonly random: () => number) {}

  /** Queues a fault for the next `count` calls of `endpoint`. */
  add(spec: FaultSpec): void {
    if (typeof spec.endpoint !== 'string' || !ENDPOINT.test(spec.endpoint)) {
      throw invalid('endpoint', 'endpoint must look like message/send or *');
    }
    if (!isIntIn(spec.count, 1, 100_000)) {
      throw invalid('count', 'count must be an integer from 1 to 100000');
    }
    checkOutcome(spec.errcode, spec.httpStatus, spec.delayMs);
    if (spec.errcode === undefined && spec.httpStatus === undefined &&
        spec.delayMs === undefined) {
      throw invalid('errcode', 'a fault needs errcode, httpStatus or delayMs');
    }
    this.queue.push({ ...spec });
  }

  /** Starts (or with null stops) random faults. */
  setRate(spec: FaultRateSpec | null): void {
    if (spec === null) {
      this.rate = null;
      return;
    }
    if (typeof spec.rate !== 'number' || !(spec.rate >= 0 && spec.rate <= 1)) {
      throw invalid('rate', 'rate must be a number from 0 to 1');
    }
    for (const code of spec.errcodes ?? []) checkOutcome(code, undefined);
    for (const s of spec.httpStatuses ?? []) checkOutcome(undefined, s);
    checkOutcome(undefined, undefined, spec.delayMs);
    this.rate = {
      ...spec,
      errcodes: [...(spec.errcodes ?? [])],
      httpStatuses: [...(spec.httpStatuses ?? [])],
    };
  }

  /** Drops every queued fault and the random mode. */
  clear(): void {
    this.queue = [];
    this.rate = null;
  }

  /** Queued faults (with their remaining count) and the random mode. */
  list(): { queued: FaultSpec[]; rate: FaultRateSpec | null } {
    return {
      queued: this.queue.map((f) => ({ ...f })),
      rate: this.rate ? { ...this.rate } : null,
    };
  }

  /** Decides how this call of `endpoint` misbehaves; null = it does not. */
  take(endpoint: string): FaultOutcome | null {
    const index = this.queue.findIndex(
      (f) => f.endpoint === endpoint || f.endpoint === '*',
    );
    if (index >= 0) {
      const fault = this.queue[index];
      fault.count -= 1;
      if (fault.count <= 0) this.queue.splice(index, 1);
      return {
        errcode: fault.errcode,
        httpStatus: fault.httpStatus,
        delayMs: fault.delayMs,
      };
    }
    return this.pickRandom(endpoint);
  }

  private pickRandom(endpoint: string): FaultOutcome | null {
    const rate = this.rate;
    if (!rate) return null;
    if (rate.endpoints && !rate.endpoints.includes(endpoint)) return null;
    if (!(this.random() < rate.rate)) return null;

    const choices: FaultOutcome[] = [
      ...(rate.errcodes ?? []).map((errcode) => ({ errcode })),
      ...(rate.httpStatuses ?? []).map((httpStatus) => ({ httpStatus })),
    ];
    const pick = choices.length === 0 ? {}
      : choices[Math.min(
        choices.length - 1, Math.floor(this.random() * choices.length),
      )];
    return { ...pick, delayMs: rate.delayMs };
  }
}

function checkOutcome(
  errcode: number | undefined, httpStatus: number | undefined,
  delayMs?: number,
): void {
  if (errcode !== undefined &&
      (!Number.isInteger(errcode) || errcode === 0)) {
    throw invalid('errcode', 'errcode must be a non-zero integer');
  }
  if (httpStatus !== undefined && !isIntIn(httpStatus, 400, 599)) {
    throw invalid('http_status', 'http status must be from 400 to 599');
  }
  if (errcode !== undefined && httpStatus !== undefined) {
    throw invalid('errcode', 'give errcode or http status, not both');
  }
  if (delayMs !== undefined && !isIntIn(delayMs, 0, MAX_DELAY_MS)) {
    throw invalid('delay_ms', `delay must be from 0 to ${MAX_DELAY_MS} ms`);
  }
}

function isIntIn(value: unknown, min: number, max: number): boolean {
  return Number.isInteger(value) && (value as number) >= min &&
    (value as number) <= max;
}

function invalid(field: string, message: string): EmulatorError {
  return new EmulatorError(400, 'validation_error', message, field);
}
