import axios, { AxiosInstance, AxiosResponse } from 'axios';
import { Clock } from '../clock';
import type { Logger } from '../logger';
import {
  BUSY_CODES, TOKEN_EXPIRED_CODES, WecomApiError, WecomTransportError,
} from './errors';
import { TokenStore } from './token-store';

/** What the client needs to know and use. */
export interface WecomClientOptions {
  apiBase: string;
  corpId: string;
  agentId: string;
  secret: string;
  store: TokenStore;
  clock: Clock;
  logger: Logger;
  /** Per request; WeCom normally answers in well under a second. */
  timeoutMs?: number;
  /** Tries for a call WeCom calls busy (-1, 45009, 45033). */
  maxBusyTries?: number;
  /** Replaceable so tests need not wait for backoff. */
  sleep?: (ms: number) => Promise<void>;
}

/** A WeCom JSON answer: errcode 0 (or absent) plus the endpoint's fields. */
export type WecomResult = { errcode?: number; errmsg?: string } & Record<string, unknown>;

/** A file to upload as multipart `media`. */
export interface UploadFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

/** Refresh this long before WeCom's stated expiry; it may drop tokens early. */
const EARLY_REFRESH_MS = 5 * 60_000;
const LEASE_MS = 10_000;
const WAIT_FOR_OTHER_REFRESH_MS = 3_000;

/**
 * Thin client for WeCom's server API. It owns the access token (cached in a
 * shared store, refreshed early, one refresh at a time), retries once with
 * a new token on 40014/42001, backs off on busy codes, and turns every
 * failure into WecomApiError or WecomTransportError.
 */
export class WecomClient {
  private readonly http: AxiosInstance;
  private readonly tokenKey: string;
  private refreshing: Promise<string> | null = null;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: WecomClientOptions) {
    this.http = axios.create({
      baseURL: options.apiBase,
      timeout: options.timeoutMs ?? 10_000,
      validateStatus: () => true,
      maxContentLength: 50 * 1024 * 1024,
    });
    this.tokenKey = `access_token:${options.corpId}:${options.agentId}`;
    this.sleep = options.sleep
      ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  get agentId(): string {
    return this.options.agentId;
  }

  get corpId(): string {
    return this.options.corpId;
  }

  /** GET `/cgi-bin/<endpoint>` with the token and the given query. */
  get<T extends object>(endpoint: string,
    query: Record<string, string> = {}): Promise<T> {
    return this.call(endpoint, true, (token) => this.http.get(
      `/cgi-bin/${endpoint}`, { params: { ...query, access_token: token } }));
  }

  /** POST a JSON body to `/cgi-bin/<endpoint>`. */
  post<T extends object>(endpoint: string, body: object): Promise<T> {
    return this.call(endpoint, false, (token) => this.http.post(
      `/cgi-bin/${endpoint}`, body, { params: { access_token: token } }));
  }

  /** POST a multipart upload with the file in field `media`. */
  upload<T extends object>(endpoint: string, query: Record<string, string>,
    file: UploadFile): Promise<T> {
    return this.call(endpoint, false, (token) => {
      const form = new FormData();
      form.append('media', new Blob([file.data], { type: file.contentType }),
        file.filename);
      return this.http.post(`/cgi-bin/${endpoint}`, form,
        { params: { ...query, access_token: token } });
    });
  }

  /** GET bytes (media/get). A JSON body means WeCom refused. */
  async download(endpoint: string, query: Record<string, string>):
  Promise<{ data: Buffer; contentType: string; filename: string | null }> {
    const response = await this.request(endpoint, true, (token) =>
      this.http.get(`/cgi-bin/${endpoint}`, {
        params: { ...query, access_token: token }, responseType: 'arraybuffer',
      }));
    const contentType = String(response.headers['content-type'] ?? '');
    const disposition = String(response.headers['content-disposition'] ?? '');
    const name = /filename="?([^";]+)"?/.exec(disposition);
    return {
      data: Buffer.from(response.data as ArrayBuffer), contentType,
      filename: name ? decodeURIComponent(name[1]) : null,
    };
  }

  /** The current access token, fetching one if there is none fresh. */
  async accessToken(): Promise<string> {
    const cached = await this.options.store.get(this.tokenKey);
    if (cached && cached.expiresAt.getTime() > this.options.clock.now()) {
      return cached.value;
    }
    this.refreshing ??= this.refreshToken(cached?.value ?? null)
      .finally(() => { this.refreshing = null; });
    return this.refreshing;
  }

  private async call<T extends object>(endpoint: string, idempotent: boolean,
    send: (token: string) => Promise<AxiosResponse>): Promise<T> {
    const response = await this.request(endpoint, idempotent, send);
    return response.data as T;
  }

  /** Sends with a token; handles token expiry and busy codes. */
  private async request(endpoint: string, idempotent: boolean,
    send: (token: string) => Promise<AxiosResponse>): Promise<AxiosResponse> {
    const maxBusyTries = this.options.maxBusyTries ?? 3;
    let renewedToken = false;
    // Only busy and lost answers count as tries; a token renewal does not.
    for (let attempt = 1; ;) {
      let token: string | null = null;
      try {
        // Inside the try, so a busy or lost gettoken is retried too.
        const fresh = await this.accessToken();
        token = fresh;
        const response = await this.send(endpoint, () => send(fresh));
        checkErrcode(endpoint, response);
        return response;
      } catch (error) {
        if (token !== null && error instanceof WecomApiError
          && TOKEN_EXPIRED_CODES.has(error.errcode) && !renewedToken) {
          renewedToken = true;
          await this.options.store.delete(this.tokenKey, token);
          continue;
        }
        const busy = error instanceof WecomApiError
          && BUSY_CODES.has(error.errcode);
        // Without a token nothing was sent, so any call may try again.
        const lost = error instanceof WecomTransportError
          && (idempotent || token === null);
        if ((busy || lost) && attempt < maxBusyTries) {
          await this.sleep(backoffMs(attempt));
          attempt++;
          continue;
        }
        throw error;
      }
    }
  }

  private async send(endpoint: string,
    go: () => Promise<AxiosResponse>): Promise<AxiosResponse> {
    let response: AxiosResponse;
    try {
      response = await go();
    } catch (error) {
      const reason = axios.isAxiosError(error)
        ? (error.code ?? error.message) : String(error);
      throw new WecomTransportError(endpoint, reason);
    }
    if (response.status >= 300) {
      throw new WecomTransportError(endpoint, `HTTP ${response.status}`);
    }
    return response;
  }

  /**
   * Fetches a new token. When another process holds the refresh lease, waits
   * for its result; if it never comes (that process died), fetches anyway.
   */
  private async refreshToken(stale: string | null): Promise<string> {
    const { store, clock } = this.options;
    const leased = await store.lease(this.tokenKey, LEASE_MS);
    if (!leased) {
      for (let waited = 0; waited < WAIT_FOR_OTHER_REFRESH_MS; waited += 100) {
        await this.sleep(100);
        const fresh = await store.get(this.tokenKey);
        if (fresh && fresh.value !== stale
          && fresh.expiresAt.getTime() > clock.now()) {
          return fresh.value;
        }
      }
    }
    let response: AxiosResponse;
    try {
      response = await this.send('gettoken', () => this.http.get(
        '/cgi-bin/gettoken', { params: {
          corpid: this.options.corpId, corpsecret: this.options.secret,
        } }));
      checkErrcode('gettoken', response);
    } catch (error) {
      // Else the next refresh, ours included, waits for a lease nobody uses.
      if (leased) await store.release(this.tokenKey);
      throw error;
    }
    const body = response.data as { access_token: string; expires_in: number };
    // Stored is when to stop using it: early, but never by more than half
    // its life, so a token WeCom hands back with little time left (it may
    // return the same one) is not fetched again on every call.
    const lifetime = body.expires_in * 1000;
    const expiresAt = new Date(clock.now() + lifetime
      - Math.min(EARLY_REFRESH_MS, lifetime / 2));
    await store.set(this.tokenKey, { value: body.access_token, expiresAt });
    this.options.logger.info({ expiresAt }, 'wecom access token refreshed');
    return body.access_token;
  }
}

function checkErrcode(endpoint: string, response: AxiosResponse): void {
  const body: unknown = response.data;
  if (body instanceof ArrayBuffer || Buffer.isBuffer(body)) {
    const type = String(response.headers['content-type'] ?? '');
    if (!type.includes('json')) return;
    const text = Buffer.from(body as ArrayBuffer).toString('utf8');
    return checkErrcode(endpoint, { ...response, data: JSON.parse(text) });
  }
  if (typeof body !== 'object' || body === null) {
    throw new WecomTransportError(endpoint, 'answer is not JSON');
  }
  const { errcode, errmsg } = body as WecomResult;
  if (errcode !== undefined && errcode !== 0) {
    throw new WecomApiError(endpoint, Number(errcode), String(errmsg ?? ''));
  }
}

/** 200 ms, 400 ms, 800 ms ... with up to 50 % jitter. */
function backoffMs(attempt: number): number {
  const base = 200 * 2 ** (attempt - 1);
  return Math.round(base * (1 + Math.random() * 0.5));
}
