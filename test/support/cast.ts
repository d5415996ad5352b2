import { Browser, loginAs } from './server';

/**
 * The demo people by what they are to the handovers the API tests make:
 * 张伟 leaves, 李娜 takes over, 王芳 is HR, 刘洋 the manager, 赵磊 is added
 * as a stakeholder and 陈静 has nothing to do with it.
 */
export const CAST = {
  departing: 'zhangwei',
  successor: 'lina',
  hr: 'wangfang',
  manager: 'liuyang',
  stakeholder: 'zhaolei',
  outsider: 'chenjing',
} as const;

export type Role = keyof typeof CAST;
export const ROLES = Object.keys(CAST) as Role[];

/** One logged-in browser per role. */
export type Cast = Record<Role, Browser>;

/** Logs everyone in through the real OAuth flow. */
export async function loginCast(baseUrl: string): Promise<Cast> {
  const browsers = await Promise.all(ROLES.map(async (role) =>
    [role, (await loginAs(baseUrl, CAST[role])).browser] as const));
  return Object.fromEntries(browsers) as Cast;
}

/** A request with a JSON body (or none), answering status and parsed body. */
export function send<T = any>(browser: Browser, method: string, path: string,
  body?: unknown) {
  return browser.json<T>(path, {
    method, body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Like `send`, for setup steps: anything but a 2xx stops the test, saying why. */
export async function must<T = any>(browser: Browser, method: string, path: string,
  body?: unknown): Promise<T> {
  const response = await send<T>(browser, method, path, body);
  if (response.status >= 300) {
    throw new Error(`${method} ${path} answered ${response.status}: `
      + JSON.stringify(response.body));
  }
  return response.body;
}
