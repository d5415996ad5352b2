/**
 * Shared helpers for Baton's browser tests: launch the system Chromium
 * (never a downloaded one), open a phone-sized page, run named steps that
 * report clearly, and save screenshots under `test/artifacts/`.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  chromium, type Browser, type BrowserContext, type Page,
} from 'playwright-core';

/** The server under test, without a trailing slash. */
export let BASE_URL = (process.env.BASE_URL ?? 'http://localhost:3000')
  .replace(/\/+$/, '');

/** Points the tests at another server (run.ts starts its own). */
export function setBaseUrl(url: string): void {
  BASE_URL = url.replace(/\/+$/, '');
}

/** Debian's Chromium; install it with `apt-get install -y chromium`. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Where screenshots go (git-ignored). */
export const ARTIFACTS_DIR = path.resolve(__dirname, '..', 'artifacts');

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

// A phone browser inside WeCom: WeCom's webview adds `wxwork` to the UA.
const PHONE_USER_AGENT = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) '
  + 'AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile '
  + 'Safari/537.36 wxwork/4.1.30 MicroMessenger/7.0.1 Language/zh';

/** Launches headless Chromium from CHROMIUM_PATH. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS });
}

/**
 * A fresh browser context shaped like a phone (390x844, touch, 2x pixels),
 * in Chinese and Beijing time, with short default timeouts so a broken page
 * fails fast.
 */
export async function newPhoneContext(
  browser: Browser,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    userAgent: PHONE_USER_AGENT,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

/**
 * Records uncaught page errors (they fail the run: a smoke test that sees
 * the H5 throw has found a bug) and prints console errors for debugging,
 * except the expected 401s of a logged-out visit.
 */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => {
    errors.push(`${page.url()}: ${error.message}`);
  });
  page.on('console', (message) => {
    // A 401 before logging in is how the H5 finds out it must log in.
    const expected = /status of 401/.test(message.text());
    if (message.type() === 'error' && !expected) {
      console.log(`    (console error on ${page.url()}: ${message.text()})`);
    }
  });
  return errors;
}

/** Saves a full-page screenshot as `test/artifacts/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`    screenshot: ${path.relative(process.cwd(), file)}`);
  return file;
}

/** An error that remembers which step it broke. */
export class StepError extends Error {
  readonly step: string;

  constructor(step: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`${step}: ${reason}`, { cause });
    this.name = 'StepError';
    this.step = step;
  }
}

/** Runs one named step, printing its start, outcome and duration. */
export async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  console.log(`- ${name}`);
  const started = Date.now();
  try {
    const result = await run();
    console.log(`  ok (${Date.now() - started} ms)`);
    return result;
  } catch (error) {
    console.log(`  FAILED (${Date.now() - started} ms)`);
    throw new StepError(name, error);
  }
}

/** What a browser test gets: the browser, a phone page, its errors. */
export interface BrowserTestKit {
  browser: Browser;
  page: Page;
  pageErrors: string[];
}

/**
 * Runs a browser test: launches Chromium, opens a phone page, runs `test`,
 * and always closes the browser. On failure it prints the failing step,
 * saves `<name>-failure.png`, and sets a non-zero exit code. Resolves to
 * whether the test passed.
 */
export async function runBrowserTest(
  name: string,
  test: (kit: BrowserTestKit) => Promise<void>,
): Promise<boolean> {
  console.log(`${name} against ${BASE_URL}`);
  let browser: Browser | null = null;
  let page: Page | null = null;
  try {
    browser = await launchBrowser();
    page = await (await newPhoneContext(browser)).newPage();
    const pageErrors = watchPageErrors(page);

    await test({ browser, page, pageErrors });

    if (pageErrors.length > 0) {
      const list = pageErrors.join('\n  ');
      throw new Error(`uncaught errors in the page:\n  ${list}`);
    }
    console.log(`PASS ${name}`);
    return true;
  } catch (error) {
    process.exitCode = 1;
    const where = error instanceof StepError ? `step "${error.step}"` : 'setup';
    const cause = error instanceof StepError ? error.cause : error;
    console.error(`FAIL ${name} at ${where}`);
    console.error(cause instanceof Error ? cause.message : String(cause));
    if (page) await screenshot(page, `${name}-failure`).catch(() => undefined);
    return false;
  } finally {
    await browser?.close().catch(() => undefined);
  }
}
