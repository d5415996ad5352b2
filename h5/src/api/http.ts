import { t } from '@/locale';
import { ApiError } from './errors';

/**
 * What `request` needs from a response schema. The zod schemas exported by
 * `@baton/shared` fit it, without the H5 depending on zod's types directly.
 */
export interface ResponseSchema<T> {
  safeParse(data: unknown):
    | { success: true; data: T }
    | { success: false; error: { issues: unknown[] } };
}

/**
 * A response schema fetched on first use. A module that names a shared
 * schema statically puts zod and the schemas (about 25 KB gzipped) in the
 * bundle of every route that imports it; the home page's calls (and any
 * module the `@/api` index re-exports) pass these instead, so the first
 * route stays light. The download starts with the request and runs beside
 * it, and every response is still checked before anyone sees it.
 */
export interface LazySchema<T> {
  load(): Promise<ResponseSchema<T>>;
}

/** Wraps a dynamic import of a schema as a LazySchema, loaded once. */
export function lazySchema<T>(
  load: () => Promise<ResponseSchema<T>>,
): LazySchema<T> {
  let loading: Promise<ResponseSchema<T>> | undefined;
  return {
    load() {
      loading ??= load().catch((error: unknown) => {
        // A failed download (weak network) is tried again next time.
        loading = undefined;
        throw error;
      });
      return loading;
    },
  };
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

/** A schema whose download failed counts as the network failing. */
async function loaded<T>(
  schema: ResponseSchema<T> | LazySchema<T>,
): Promise<ResponseSchema<T>> {
  if ('safeParse' in schema) return schema;
  try {
    return await schema.load();
  } catch {
    throw new ApiError('network_error', t.errors.network, 0);
  }
}

/**
 * A non-2xx answer as an ApiError, with the server's
 * `{ error: { id, message, field } }` when it sent one. The shared schema
 * loads lazily, so the first route carries no zod; when that download
 * fails the status alone is reported.
 */
export async function errorFromResponse(
  status: number,
  body: unknown,
): Promise<ApiError> {
  const schema = await import('@baton/shared')
    .then((shared) => shared.ApiErrorBody, () => undefined);
  const parsed = schema?.safeParse(body);
  if (parsed?.success) {
    const { id, message, field } = parsed.data.error;
    return new ApiError(id, message, status, field);
  }
  return new ApiError('http_error', t.errors.byStatus(status), status);
}

/**
 * Calls the API and returns the body checked against `schema` (a lazy one
 * starts loading at once, beside the request). A 401 sends the browser to
 * log in; other failures throw an ApiError whose message can be shown as is.
 */
export async function request<T>(
  path: string,
  schema: ResponseSchema<T> | LazySchema<T>,
  options: RequestOptions = {},
): Promise<T> {
  const checker = loaded(schema);
  // Awaited below, or never when the request fails first.
  checker.catch(() => undefined);
  const response = await send(path, options);
  if (response.status === 401) return redirectToLogin();

  const body = await readJson(response);
  if (!response.ok) throw await errorFromResponse(response.status, body);

  const parsed = (await checker).safeParse(body);
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
    throw await errorFromResponse(response.status, await readJson(response));
  }
}
