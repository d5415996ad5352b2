/**
 * Template card bookkeeping: task ids used by the app (unique, 42014) and
 * response codes, each good for one update_template_card within its TTL.
 */
import { randomBytes } from 'node:crypto';

import type { EmulatorCore } from './core';
import { WecomError } from './errors';
import type { InboxMessage } from './types';

/** A response_code handed out by message/send or a card click. */
export interface ResponseCodeEntry {
  code: string;
  taskId: string;
  issuedAtMs: number;
  used: boolean;
  /** Who an update reaches when the call names nobody. */
  defaultTargets: string[];
  /** Everyone who got the card (for `atall`). */
  recipients: string[];
}

/** The registry as saved: every task id, and the codes not yet expired. */
export interface CardsSnapshot {
  taskIds: string[];
  responseCodes: ResponseCodeEntry[];
}

/** Task ids and response codes of one app. */
export class CardRegistry {
  private readonly taskIds = new Set<string>();
  private readonly codes = new Map<string, ResponseCodeEntry>();

  constructor(private readonly core: EmulatorCore) {}

  /** True when the app already sent a card with this task id. */
  hasTask(taskId: string): boolean {
    return this.taskIds.has(taskId);
  }

  /** Marks a task id as used by the app. */
  addTask(taskId: string): void {
    this.taskIds.add(taskId);
  }

  /** Hands out a fresh response code for a card. */
  issue(
    taskId: string, defaultTargets: string[], recipients: string[],
  ): string {
    const code = randomBytes(36).toString('base64url');
    this.codes.set(code, {
      code, taskId, issuedAtMs: this.core.nowMs(), used: false,
      defaultTargets, recipients,
    });
    return code;
  }

  /** Spends a response code; 40058 when unknown, used or expired
   * (the live errcode is UNCONFIRMED). */
  spend(code: string): ResponseCodeEntry {
    const entry = this.codes.get(code);
    const ttlMs = this.core.opts.responseCodeTtlSeconds * 1000;
    if (!entry) throw new WecomError(40058, 'unknown response_code');
    if (entry.used) throw new WecomError(40058, 'response_code already used');
    if (entry.issuedAtMs + ttlMs <= this.core.nowMs()) {
      throw new WecomError(40058, 'response_code expired');
    }
    entry.used = true;
    return entry;
  }

  /** Forgets everything. */
  clear(): void {
    this.taskIds.clear();
    this.codes.clear();
  }

  /** Task ids and live response codes (expired ones answer as unknown). */
  snapshot(): CardsSnapshot {
    const ttlMs = this.core.opts.responseCodeTtlSeconds * 1000;
    const now = this.core.nowMs();
    return structuredClone({
      taskIds: [...this.taskIds],
      responseCodes: [...this.codes.values()]
        .filter((entry) => entry.issuedAtMs + ttlMs > now),
    });
  }

  /** Replaces task ids and response codes with saved ones. */
  restore(saved: CardsSnapshot): void {
    this.clear();
    for (const taskId of saved.taskIds) this.taskIds.add(taskId);
    for (const entry of structuredClone(saved.responseCodes)) {
      this.codes.set(entry.code, entry);
    }
  }
}

/** The member's messages carrying the card with this task id, newest first. */
export function cardsWithTask(
  core: EmulatorCore, userid: string, taskId: string,
): InboxMessage[] {
  return (core.inboxes.get(userid) ?? [])
    .filter((m) => m.card?.taskId === taskId)
    .reverse();
}
