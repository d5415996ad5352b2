/**
 * `npm run budget`: builds the H5 and checks the performance budget of its
 * first route (`/`, the home page), which directors open from a WeCom card
 * on whatever network they have:
 *
 * 1. the JS and CSS that route needs, gzipped, against 120 KB;
 * 2. time to first render of the home page in headless Chromium throttled
 *    to a weak mobile link, cold cache, against a real seeded server.
 *
 * Prints a table, writes `h5/dist/budget.json`, and exits non-zero when the
 * first route is over budget.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type BrowserContext } from 'playwright-core';
import { startServer } from '../server/src/server';

/** The first route's JS + CSS, gzipped, may weigh at most this. */
const BUDGET_BYTES = 120 * 1024;

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'h5', 'dist');
/** The home route's lazy component, as Vite's manifest names its source. */
const HOME_ROUTE_SRC = 'src/pages/HomePage.vue';

/** 1.6 Mbps down, 750 Kbps up, 150 ms round trip: a weak 3G/4G link. */
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
};
const RUNS = 3;
const CARD = '[data-test="handover-card"]';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu',
  '--disable-background-networking', '--disable-component-update'];

/** One entry of Vite's `.vite/manifest.json`. */
interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

interface SizedFile {
  file: string;
  /** Why the first route loads it. */
  via: string;
  bytes: number;
  gzipBytes: number;
}

interface RenderRun {
  firstContentfulPaintMs: number;
  handoverListVisibleMs: number;
  /** Bytes over the wire for the whole load, headers included. */
  transferredBytes: number;
  requests: number;
}

function buildH5(): void {
  console.log('building the H5 (npm run build -w h5)…');
  const built = spawnSync('npm', ['run', 'build', '-w', 'h5'],
    { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) {
    process.stderr.write(built.stdout + built.stderr);
    throw new Error(`the H5 build failed (exit ${built.status})`);
  }
}

/**
 * The files `/` needs before the home page can render, in load order: what
 * index.html names (entry script, stylesheets, modulepreloads), the entry's
 * static imports, then the home route's lazy chunk and its static imports.
 * Other dynamic imports (other pages, the English Vant pack) are not counted.
 */
function firstRouteFiles(): Map<string, string> {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const manifest = JSON.parse(readFileSync(
    path.join(DIST, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const files = new Map<string, string>();
  const add = (file: string, via: string) => {
    if (!files.has(file)) files.set(file, via);
  };

  const linked = /<(?:script|link)\b[^>]*\b(?:src|href)="\/?([^"]+\.(?:js|css))"/g;
  for (const [tag, file] of html.matchAll(linked)) {
    const rel = /rel="([^"]+)"/.exec(tag)?.[1];
    add(file, rel ? `index.html ${rel}` : 'index.html script');
  }

  const seen = new Set<string>();
  const walk = (key: string, via: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no ${key}`);
    add(chunk.file, via);
    for (const css of chunk.css ?? []) add(css, `css of ${chunk.file}`);
    for (const imported of chunk.imports ?? []) {
      walk(imported, `imported by ${chunk.file}`);
    }
  };
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entry) throw new Error('manifest has no entry');
  walk(entry, 'entry');
  const home = Object.keys(manifest)
    .find((key) => manifest[key].src === HOME_ROUTE_SRC);
  if (!home) throw new Error(`manifest has no ${HOME_ROUTE_SRC}`);
  walk(home, 'home route');
  return files;
}

/** Sizes as Vite's build report gives them (zlib's default level). */
function sizeFiles(files: Map<string, string>): SizedFile[] {
  return [...files].map(([file, via]) => {
    const content = readFileSync(path.join(DIST, file));
    return { file, via, bytes: content.length,
      gzipBytes: zlib.gzipSync(content).length };
  });
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function printSizes(sized: SizedFile[], total: number): void {
  const width = Math.max(...sized.map((f) => f.file.length));
  console.log('\nfirst route (/) JS + CSS');
  console.log(`  ${'file'.padEnd(width)}  ${'raw'.padStart(9)}  `
    + `${'gzip'.padStart(9)}  loaded as`);
  for (const f of sized) {
    console.log(`  ${f.file.padEnd(width)}  ${kb(f.bytes).padStart(9)}  `
      + `${kb(f.gzipBytes).padStart(9)}  ${f.via}`);
  }
  const verdict = total <= BUDGET_BYTES ? 'within budget' : 'OVER BUDGET';
  console.log(`  ${'total'.padEnd(width)}  ${''.padStart(9)}  `
    + `${kb(total).padStart(9)}  of ${kb(BUDGET_BYTES)}: ${verdict} `
    + `(${total} / ${BUDGET_BYTES} bytes)`);
}

/** Logs lina in through the emulator's OAuth picker; cookies stay in `context`. */
async function logIn(context: BrowserContext, baseUrl: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/api/auth/login`);
  await page.click('[data-userid="lina"]');
  await page.waitForSelector(CARD);
  await page.close();
}

/**
 * Records, from the page itself, when the first handover card has a layout
 * box (at the next animation frame, i.e. when it is about to be painted),
 * in ms since navigation start like the paint timings. A string, not a
 * function: tsx's transform would put helpers the page does not have in it.
 */
const WATCH_FOR_CARD = `(() => {
  const check = () => {
    const card = document.querySelector('${CARD}');
    if (window.__batonCardAt !== undefined || !card) return;
    if (card.getBoundingClientRect().height === 0) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__batonCardAt = performance.now(); });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** One cold, throttled load of `/` in a fresh page. */
async function measureOnce(context: BrowserContext, baseUrl: string):
  Promise<RenderRun> {
  const page = await context.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  let transferredBytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (event) => {
    transferredBytes += event.encodedDataLength;
    requests += 1;
  });
  await page.addInitScript({ content: WATCH_FOR_CARD });

  await page.goto(`${baseUrl}/`);
  await page.waitForFunction('window.__batonCardAt !== undefined',
    undefined, { timeout: 60_000 });
  const timings = await page.evaluate(`({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    card: window.__batonCardAt,
  })`) as { fcp?: number; card: number };
  await page.close();
  if (timings.fcp === undefined) throw new Error('no first-contentful-paint');
  return { firstContentfulPaintMs: Math.round(timings.fcp),
    handoverListVisibleMs: Math.round(timings.card), transferredBytes,
    requests };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Starts a seeded sandbox Baton over a throwaway SQLite database, logs lina
 * in, and loads her home page RUNS times under NETWORK.
 */
async function measureRender(): Promise<RenderRun[]> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'baton-budget-'));
  const server = await startServer({
    PORT: '0',
    DATABASE_URL: `sqlite:${path.join(tmp, 'budget.sqlite')}`,
    STORAGE_DIR: path.join(tmp, 'files'),
    SESSION_SECRET: 'budget-script-session-secret-0123456789',
    LOG_LEVEL: 'warn',
  }, { seed: true, jobs: false });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
      deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    });
    const baseUrl = server.services.env.publicUrl;
    await logIn(context, baseUrl);
    const runs: RenderRun[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      runs.push(await measureOnce(context, baseUrl));
    }
    return runs;
  } finally {
    await browser.close();
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

function printRender(runs: RenderRun[]): void {
  console.log('\nhome page, cold cache, 1.6 Mbps down / 750 Kbps up / 150 ms RTT');
  console.log('  run  first paint  handover list  transferred  requests');
  runs.forEach((r, i) => {
    console.log(`  ${String(i + 1).padEnd(3)}  `
      + `${`${r.firstContentfulPaintMs} ms`.padStart(11)}  `
      + `${`${r.handoverListVisibleMs} ms`.padStart(13)}  `
      + `${kb(r.transferredBytes).padStart(11)}  ${String(r.requests).padStart(8)}`);
  });
  console.log(`  median ${`${median(runs.map((r) => r.firstContentfulPaintMs))} ms`
    .padStart(9)}  ${`${median(runs.map((r) => r.handoverListVisibleMs))} ms`
    .padStart(13)}`);
}

async function main(): Promise<void> {
  buildH5();
  const sized = sizeFiles(firstRouteFiles());
  const total = sized.reduce((sum, f) => sum + f.gzipBytes, 0);
  printSizes(sized, total);

  const runs = await measureRender();
  printRender(runs);

  const result = {
    measuredAt: new Date().toISOString(),
    firstRoute: { budgetBytes: BUDGET_BYTES, gzipBytes: total,
      withinBudget: total <= BUDGET_BYTES, files: sized },
    render: {
      network: { downMbps: 1.6, upKbps: 750, rttMs: NETWORK.latency,
        cache: 'disabled' },
      runs,
      median: {
        firstContentfulPaintMs: median(runs.map((r) => r.firstContentfulPaintMs)),
        handoverListVisibleMs: median(runs.map((r) => r.handoverListVisibleMs)),
      },
    },
  };
  writeFileSync(path.join(DIST, 'budget.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwritten to ${path.relative(ROOT, path.join(DIST, 'budget.json'))}`);
  if (total > BUDGET_BYTES) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
