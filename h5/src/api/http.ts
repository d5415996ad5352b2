import { t } from '@/locale';
import { ApiError, errorFromBody } from './errors';

/**
 * What `request` needs from a response schema. The zod schemas exported by
 * `@baton/shared` fit it, without the H5 depending on zod's types directly.
 */
export interface ResponseSchema<T> {
  safeParse(data: unknown):
    | { success: true; data: T }
    | { success: false; error: { issues: unknown[] } };
}

/** Options for one API call. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Appended as a query string; undefined values are left out. */
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
}

/** Where the server starts a WeCom OAuth login. */
const LOGIN_PATH = '/api/auth/login';

let redirecting = false;

/**
 * Sends the browser to the login route, asking to come back to where the
 * person is now. Returns a promise that never settles: the page is leaving,
 * so callers should neither render an error nor retry.
 */
export function redirectToLogin(): Promise<never> {
  // Several calls may get their 401 at once; leave the page only once.
  if (!redirecting) {
    redirecting = true;
    const { pathname, search } = window.location;
    const next = encodeURIComponent(pathname + search);
    window.location.assign(`${LOGIN_PATH}?next=${next}`);
  }
  return new Promise<never>(() => {});
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const hasBody = options.body !== undefined;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (hasBody) headers['Content-Type'] = 'application/json';

  try {
    return await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers,
      body: hasBody ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError('network_error', t.errors.network, 0);
  }
}

/**
 * Calls the API and returns the body checked against `schema`. A 401 sends
 * the browser to log in; other failures throw an ApiError whose message can
 * be shown as is.
 */
export async function request<T>(
  path: string,
  schema: ResponseSchema<T>,
  options: RequestOptions = {},
): Promise<T> {
  const response = await send(path, options);
  if (response.status === 401) return redirectToLogin();

  const body = await readJson(response);
  if (!response.ok) throw errorFromBody(response.status, body);

  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    // The server and H5 disagree about a shape: say so in the console for
    // whoever is debugging, show people a plain message.
    console.error('unexpected response', path, parsed.error.issues);
    throw new ApiError('bad_response', t.errors.badResponse, response.status);
  }
  return parsed.data;
}

/**
 * Calls an API route that answers with no body (204). Same error handling
 * as `request`.
 */
export async function requestNoContent(
  path: string,
  options: RequestOptions = {},
): Promise<void> {
  const response = await send(path, options);
  if (response.status === 401) return redirectToLogin();
  if (!response.ok) {
    throw errorFromBody(response.status, await readJson(response));
  }
}
