import { z } from 'zod';

/**
 * The one place that reads configuration. Parsed once at start; a bad or
 * missing value stops the process with a line naming the variable.
 */

/** Identity of the built-in emulator's demo corp. Not secrets: sandbox only. */
export const SANDBOX_WECOM = {
  corpId: 'wwbaton5a4db0c0de',
  agentId: '1000002',
  secret: 'sandbox-app-secret-not-for-live-use-000000',
  token: 'BatonSandboxToken',
  aesKey: 'QmF0b25TYW5kYm94QWVzS2V5Rm9yVGVzdHNPbmx5MDE',
} as const;

/** The demo company's HR manager. */
const SANDBOX_HR = 'wangfang';

/** The emulator's demo resignation approval template (sandbox only). */
export const SANDBOX_RESIGNATION_APPROVAL = {
  templateId: 'C4NxBatonDemoResignation01',
  lastDayControl: 'Date-1764400000001',
  successorControl: '工作交接人',
  handoverTemplate: 'production_director',
  hrUserid: SANDBOX_HR,
} as const;

/** Office documents, PDF, pictures, plain text and archives. */
const DEFAULT_UPLOAD_TYPES = [
  'application/pdf', 'application/msword', 'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/zip', 'application/x-zip-compressed', 'text/plain', 'text/csv',
  'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/heic',
];

const mime = String.raw`[\w.+-]+/(\*|[\w.+-]+)`;
const mimeList = new RegExp(`^${mime}(,${mime})*$`);
const port = z.coerce.number().int().min(0).max(65535);
const url = z.string().url().transform((s) => s.replace(/\/+$/, ''));
const databaseUrl = z.string().regex(/^(mysql|mariadb):\/\/.+|^sqlite:.+/,
  'expected mysql://user:pass@host:3306/db or sqlite:path');
const aesKey = z.string().regex(/^[A-Za-z0-9+/]{43}$/,
  'expected the 43-character EncodingAESKey');

const Raw = z.object({
  PORT: port.default(3000),
  PUBLIC_URL: url.optional(),
  DATABASE_URL: databaseUrl.default('sqlite:data/baton.sqlite'),
  WECOM_MODE: z.enum(['sandbox', 'live']).optional(),
  WECOM_CORP_ID: z.string().regex(/^[A-Za-z0-9]{1,64}$/).optional(),
  WECOM_AGENT_ID: z.string().regex(/^\d{1,12}$/, 'expected digits').optional(),
  WECOM_SECRET: z.string().min(1).max(128).optional(),
  WECOM_TOKEN: z.string().regex(/^[A-Za-z0-9]{1,32}$/).optional(),
  WECOM_AES_KEY: aesKey.optional(),
  WECOM_API_BASE: url.optional(),
  WECOM_OAUTH_BASE: url.optional(),
  WECOM_CALLBACK_MAX_AGE_S: z.coerce.number().int().min(0).default(600),
  WECOM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  STORAGE_DIR: z.string().min(1).default('data/files'),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).max(2_147_483_647)
    .default(524_288_000),
  UPLOAD_TYPES: z.string().regex(mimeList,
    'expected MIME types (or type/*) separated by commas')
    .default(DEFAULT_UPLOAD_TYPES.join(',')),
  UPLOAD_ABANDON_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  SESSION_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  TZ_BUSINESS: z.string().refine(isTimeZone, 'not an IANA time zone')
    .default('Asia/Shanghai'),
  HR_USERIDS: z.string().regex(/^[\w.@-]+(,[\w.@-]+)*$/,
    'expected userids separated by commas').optional(),
  ADMIN_USERIDS: z.string().regex(/^[\w.@-]+(,[\w.@-]+)*$/,
    'expected userids separated by commas').optional(),
  DEPARTING_READ_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  BUSINESS_CALENDAR_FILE: z.string().min(1).optional(),
  RESIGNATION_APPROVAL: z.string().transform(parseJson)
    .pipe(z.object({
      templateId: z.string().min(1).max(128),
      lastDayControl: z.string().min(1).max(128),
      successorControl: z.string().min(1).max(128),
      handoverTemplate: z.string().regex(/^[\w-]{1,64}$/)
        .default('general_manager'),
      hrUserid: z.string().regex(/^[\w.@-]{1,64}$/, 'a WeCom userid'),
    }, { error: 'expected JSON {templateId, lastDayControl, '
      + 'successorControl, handoverTemplate?, hrUserid}' }).strict())
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace',
    'silent']).default('info'),
});

/** The parsed configuration. Secrets stay in here and out of logs. */
export interface Env {
  port: number;
  publicUrl: string;
  databaseUrl: string;
  mode: 'sandbox' | 'live';
  wecom: {
    corpId: string;
    agentId: string;
    secret: string;
    token: string;
    aesKey: string;
    /** Where server-side API calls go. Undefined in sandbox until the port is known. */
    apiBase: string;
    /** Where the browser is sent to log in. */
    oauthBase: string;
    callbackMaxAgeS: number;
    /** How long one WeCom call may take before it counts as lost. */
    timeoutMs: number;
  };
  storageDir: string;
  /** The largest material accepted, in bytes. */
  uploadMaxBytes: number;
  /** Allowed material types: `type/subtype` or `type/*`, lower case. */
  uploadTypes: string[];
  /** Days after which an unfinished upload is given up and its parts deleted. */
  uploadAbandonDays: number;
  /** Undefined in sandbox: then a generated one is kept under data/. */
  sessionSecret: string | undefined;
  tzBusiness: string;
  /** Members who act as HR: see every handover and may start one. */
  hrUserids: string[];
  /** Operators: may see and retry the outbox. */
  adminUserids: string[];
  /** Days after close the departing executive may still read it. */
  departingReadDays: number;
  /** JSON `{holidays, workdays}` replacing the built-in China calendar. */
  businessCalendarFile: string | undefined;
  /**
   * Which WeCom approval is a resignation request, and where its last day
   * and successor are; null: approvals are ignored.
   */
  resignationApproval: ResignationApprovalConfig | null;
  logLevel: z.infer<typeof Raw>['LOG_LEVEL'];
}

/** `RESIGNATION_APPROVAL`: controls are matched by id or title text. */
export interface ResignationApprovalConfig {
  /** The approval template's id (template_id). */
  templateId: string;
  lastDayControl: string;
  successorControl: string;
  /** The Baton template key the draft is made from. */
  handoverTemplate: string;
  /** Who prepares the draft and is told about it. */
  hrUserid: string;
}

/** A configuration problem, phrased as one line naming the variable. */
export class ConfigError extends Error {}

const LIVE_REQUIRED = ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET',
  'WECOM_TOKEN', 'WECOM_AES_KEY', 'SESSION_SECRET'] as const;

/** Parses the environment (empty strings count as unset). */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const input = Object.fromEntries(Object.entries(source)
    .filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Raw.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${String(issue.path[0])}: ${issue.message}`);
  }
  const raw = parsed.data;

  const mode = raw.WECOM_MODE ?? (raw.WECOM_CORP_ID ? 'live' : 'sandbox');
  if (mode === 'live') {
    const missing = LIVE_REQUIRED.find((name) => raw[name] === undefined);
    if (missing) {
      throw new ConfigError(`${missing}: required when WECOM_MODE is live`);
    }
  }

  const publicUrl = raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`;
  const sandbox = mode === 'sandbox';
  return {
    port: raw.PORT,
    publicUrl,
    databaseUrl: raw.DATABASE_URL,
    mode,
    wecom: {
      corpId: raw.WECOM_CORP_ID ?? SANDBOX_WECOM.corpId,
      agentId: raw.WECOM_AGENT_ID ?? SANDBOX_WECOM.agentId,
      secret: raw.WECOM_SECRET ?? SANDBOX_WECOM.secret,
      token: raw.WECOM_TOKEN ?? SANDBOX_WECOM.token,
      aesKey: raw.WECOM_AES_KEY ?? SANDBOX_WECOM.aesKey,
      apiBase: raw.WECOM_API_BASE ?? (sandbox
        ? `http://127.0.0.1:${raw.PORT}/sandbox/wecom`
        : 'https://qyapi.weixin.qq.com'),
      oauthBase: raw.WECOM_OAUTH_BASE ?? (sandbox
        ? `${publicUrl}/sandbox/wecom` : 'https://open.weixin.qq.com'),
      callbackMaxAgeS: raw.WECOM_CALLBACK_MAX_AGE_S,
      timeoutMs: raw.WECOM_TIMEOUT_MS,
    },
    storageDir: raw.STORAGE_DIR,
    uploadMaxBytes: raw.UPLOAD_MAX_BYTES,
    uploadTypes: raw.UPLOAD_TYPES.toLowerCase().split(','),
    uploadAbandonDays: raw.UPLOAD_ABANDON_DAYS,
    sessionSecret: raw.SESSION_SECRET,
    tzBusiness: raw.TZ_BUSINESS,
    hrUserids: (raw.HR_USERIDS ?? (sandbox ? SANDBOX_HR : '')).split(',')
      .filter(Boolean),
    adminUserids: (raw.ADMIN_USERIDS ?? (sandbox ? SANDBOX_HR : '')).split(',')
      .filter(Boolean),
    departingReadDays: raw.DEPARTING_READ_DAYS,
    businessCalendarFile: raw.BUSINESS_CALENDAR_FILE,
    resignationApproval: raw.RESIGNATION_APPROVAL
      ?? (sandbox ? { ...SANDBOX_RESIGNATION_APPROVAL } : null),
    logLevel: raw.LOG_LEVEL,
  };
}

/** JSON.parse for zod: bad JSON becomes an issue, not a throw. */
function parseJson(text: string, ctx: z.RefinementCtx): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
    return z.NEVER;
  }
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
