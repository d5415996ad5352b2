/**
 * Factories for the emulator's tests: an emulator on its own clock, a
 * supertest client for it, and shorthands for token-carrying calls.
 */
import request from 'supertest';

import { AdjustableClock } from '../../clock';
import { WecomEmulator } from './index';
import type { EmulatorOptions } from './types';

/** The identity every test emulator uses (WECOM.md's official test key). */
export const TEST_APP = {
  corpId: 'wwTestCorp0001',
  agentId: '1000002',
  secret: 'test-app-secret',
  token: 'QDG6eK',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
} as const;

/** An emulator, its clock and an HTTP client bound to its app. */
export interface TestEmulator {
  emulator: WecomEmulator;
  clock: AdjustableClock;
  http: ReturnType<typeof request>;
  /** A fresh access token. */
  token(): Promise<string>;
  /** GET /cgi-bin/<endpoint> with a token and query; resolves to the body. */
  get(endpoint: string, query?: Record<string, string>):
    Promise<Record<string, unknown>>;
  /** POST /cgi-bin/<endpoint> with a token and JSON; resolves to the body. */
  post(endpoint: string, body: unknown): Promise<Record<string, unknown>>;
}

/** Builds a test emulator; options override the defaults. */
export function makeEmulator(
  overrides: Partial<EmulatorOptions> = {},
): TestEmulator {
  const clock = overrides.clock ?? new AdjustableClock();
  const emulator = new WecomEmulator({
    ...TEST_APP,
    callbackUrl: () => 'http://127.0.0.1:9/wecom/callback',
    ...overrides,
    clock,
  });
  const http = request(emulator.app.callback());

  const token = async (): Promise<string> => {
    const res = await http.get('/cgi-bin/gettoken')
      .query({ corpid: TEST_APP.corpId, corpsecret: TEST_APP.secret });
    return String(res.body.access_token);
  };
  return {
    emulator, clock, http, token,
    get: async (endpoint, query = {}) => {
      const res = await http.get(`/cgi-bin/${endpoint}`)
        .query({ access_token: await token(), ...query });
      return res.body as Record<string, unknown>;
    },
    post: async (endpoint, body) => {
      const res = await http.post(`/cgi-bin/${endpoint}`)
        .query({ access_token: await token() })
        .send(body as object);
      return res.body as Record<string, unknown>;
    },
  };
}

/** A message/send body for a text message. */
export function textMessage(
  touser: string, content = '你好', extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    touser, msgtype: 'text', agentid: Number(TEST_APP.agentId),
    text: { content }, ...extra,
  };
}

/** A valid button_interaction card with callback buttons done/later. */
export function buttonCard(taskId: string): Record<string, unknown> {
  return {
    card_type: 'button_interaction',
    main_title: { title: '交接里程碑：客户清单', desc: '请确认' },
    task_id: taskId,
    button_list: [
      { text: '确认完成', style: 1, key: 'done' },
      { text: '稍后处理', style: 2, key: 'later' },
      { text: '查看详情', type: 1, url: 'https://example.com/h/1' },
    ],
  };
}

/** A message/send body carrying a template card. */
export function cardMessage(
  touser: string, card: Record<string, unknown>,
): Record<string, unknown> {
  return {
    touser, msgtype: 'template_card', agentid: Number(TEST_APP.agentId),
    template_card: card,
  };
}
