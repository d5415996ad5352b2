/**
 * Browser test of the role templates (岗位模板): HR 王芳 opens them from
 * the console, copies 销售总监 as 销售总监（华东）, moves a milestone's due
 * offset and makes an item optional in the copy, saves it as version 2
 * (the API holds the change), sees a refused save keep its edits, and
 * retires the copy, which leaves the active list. Then 李娜, who is not
 * HR, reads the same templates with no way to change them.
 *
 * `npm run test:browser` runs it on a fresh seeded server (see run.ts);
 * against a running one: `BASE_URL=... npx tsx test/browser/templates.ts`.
 */
import type { Browser, Page } from 'playwright-core';
import {
  BASE_URL, BrowserTestKit, newPhoneContext, runBrowserTest, screenshot, step,
  watchPageErrors,
} from './browser';

const COPY_NAME = '销售总监（华东）';
/** The 销售总监 milestone moved, and the prompt made optional. */
const MILESTONE = 'receivables';
const PROMPT = 'pipeline';
const NEW_DAYS = 4;

/** What the test reads of `GET /api/templates/:id`. */
interface TemplateJson {
  id: string;
  key: string;
  version: number;
  status: string;
  actions: string[];
  definition: {
    sections: { prompts: { key: string; required: boolean }[] }[];
    milestones: { key: string; due: { from: string; businessDays: number } }[];
  };
}

const sel = (test: string, key?: string) =>
  `[data-test="${test}"]${key ? `[data-key="${key}"]` : ''}`;

/** Logs in through the emulator's OAuth picker; lands on 我的交接. */
async function logIn(page: Page, userid: string): Promise<void> {
  await page.goto(`${BASE_URL}/`);
  await page.locator(`[data-userid="${userid}"]`).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.locator('[data-test="me-name"]').waitFor({ state: 'visible' });
}

async function readTemplate(page: Page, id: string): Promise<TemplateJson> {
  const response = await page.context().request.get(`${BASE_URL}/api/templates/${id}`);
  if (response.status() !== 200) throw new Error(`GET answered ${response.status()}`);
  return await response.json() as TemplateJson;
}

async function activeKeys(page: Page, query = ''): Promise<string[]> {
  const response = await page.context().request.get(`${BASE_URL}/api/templates${query}`);
  const { items } = await response.json() as { items: TemplateJson[] };
  return items.map((t) => t.key);
}

/** Waits for the list and returns the keys of its rows, in order. */
async function listedKeys(page: Page): Promise<string[]> {
  await page.locator(sel('template')).first().waitFor({ state: 'visible' });
  return page.locator(sel('template')).evaluateAll((rows) =>
    rows.map((row) => row.getAttribute('data-key') ?? ''));
}

/** Waits until the page shows this version of the template. */
function seeVersion(page: Page, version: number): Promise<void> {
  return page.locator(`${sel('template-version')}[data-version="${version}"]`)
    .waitFor({ state: 'visible' });
}

/**
 * A full-page screenshot with the viewport grown to the page's height, so
 * the fixed action bar sits at the foot of the page as on a phone, not
 * across the middle; toasts are let go first.
 */
async function pageShot(page: Page, name: string): Promise<void> {
  await page.locator('.van-toast').waitFor({ state: 'hidden' });
  const viewport = page.viewportSize();
  const height = await page.evaluate('document.documentElement.scrollHeight') as number;
  if (viewport) await page.setViewportSize({ width: viewport.width, height });
  await screenshot(page, name);
  if (viewport) await page.setViewportSize(viewport);
}

async function mustBeAbsent(page: Page, tests: string[], who: string): Promise<void> {
  for (const test of tests) {
    const count = await page.locator(sel(test)).count();
    if (count > 0) throw new Error(`${who} is shown ${test}`);
  }
}

/** 王芳 copies 销售总监; resolves to the copy's id. */
async function hrCopiesTemplate(page: Page): Promise<string> {
  await step('log in as 王芳 (HR) through the OAuth picker', () =>
    logIn(page, 'wangfang'));

  await step('open 岗位模板 from the HR console: six built-in ones', async () => {
    await page.locator('[data-test="hr-console-link"]').click();
    await page.waitForURL((url) => url.pathname === '/hr');
    await page.locator('[data-test="hr-templates-link"]').click();
    await page.waitForURL((url) => url.pathname === '/hr/templates');
    const keys = await listedKeys(page);
    if (keys[0] !== 'sales_director' || keys.length < 6) {
      throw new Error(`listed ${keys.join(', ')}`);
    }
    const builtin = await page.locator(`${sel('template')} ${sel('template-builtin')}`)
      .count();
    if (builtin < 6) throw new Error(`${builtin} rows marked built-in`);
  });

  await step('open 销售总监: read-only, HR may copy it but not edit it', async () => {
    await page.locator(sel('template', 'sales_director')).click();
    await page.locator(sel('template-title'), { hasText: '销售总监' })
      .waitFor({ state: 'visible' });
    await page.locator(sel('template-milestone', MILESTONE), { hasText: '最后工作日前 6 个工作日' })
      .waitFor({ state: 'visible' });
    await page.locator(sel('template-clone')).waitFor({ state: 'visible' });
    await mustBeAbsent(page, ['template-edit', 'template-name'], 'a built-in');
    await pageShot(page, 'template');
  });

  return step(`copy it as ${COPY_NAME}: the copy opens at version 1`, async () => {
    const from = page.url();
    await page.locator(sel('template-clone')).click();
    await page.locator(sel('template-clone-name')).locator('input').fill(COPY_NAME);
    await page.locator(sel('template-clone-confirm')).click();
    await page.waitForURL((url) =>
      url.href !== from && url.pathname.startsWith('/hr/templates/'));
    await page.locator(sel('template-title'), { hasText: COPY_NAME })
      .waitFor({ state: 'visible' });
    await seeVersion(page, 1);
    await page.locator(sel('template-custom')).waitFor({ state: 'visible' });
    return page.url().split('/').pop()!;
  });
}

/** 王芳 changes the copy in the editor and saves it as version 2. */
async function hrEditsCopy(page: Page, copyId: string): Promise<void> {
  await step('edit: move a milestone\'s due offset, make an item optional', async () => {
    await page.locator(sel('template-edit')).click();
    await page.locator(sel('template-name')).waitFor({ state: 'visible' });

    await page.locator(sel('template-milestone', MILESTONE)).click();
    const days = page.locator(sel('template-milestone-days')).locator('input');
    await days.fill(String(NEW_DAYS));
    await days.blur();
    await page.locator(sel('template-milestone-due'),
      { hasText: `最后工作日前 ${NEW_DAYS} 个工作日` }).waitFor({ state: 'visible' });
    await page.locator(sel('template-milestone-confirm')).click();
    const moved = `${sel('template-milestone', MILESTONE)}[data-days="-${NEW_DAYS}"]`;
    await page.locator(moved).waitFor({ state: 'visible' });

    await page.locator(sel('template-prompt', PROMPT))
      .locator(sel('template-prompt-required')).click();
    await page.locator(`${sel('template-prompt', PROMPT)}[data-required="false"]`)
      .waitFor({ state: 'visible' });
    await page.locator(sel('template-milestone-sheet')).waitFor({ state: 'hidden' });
    await pageShot(page, 'template-edit');
  });

  await step('save: version 2, and the API holds the change', async () => {
    const saved = page.waitForResponse((response) =>
      response.url().endsWith(`/api/templates/${copyId}`)
      && response.request().method() === 'PUT');
    await page.locator(sel('template-save')).click();
    const status = (await saved).status();
    if (status !== 200) throw new Error(`PUT answered ${status}`);
    await seeVersion(page, 2);
    await mustBeAbsent(page, ['template-name'], 'the saved template');

    const copy = await readTemplate(page, copyId);
    const milestone = copy.definition.milestones.find((m) => m.key === MILESTONE);
    const prompt = copy.definition.sections.flatMap((s) => s.prompts)
      .find((p) => p.key === PROMPT);
    if (copy.version !== 2) throw new Error(`the API says version ${copy.version}`);
    if (milestone?.due.from !== 'last_day' || milestone.due.businessDays !== -NEW_DAYS) {
      throw new Error(`milestone due ${JSON.stringify(milestone?.due)}`);
    }
    if (prompt?.required !== false) throw new Error('the prompt is still required');
  });
}

/**
 * A save the server refuses keeps the edits and shows why. A second copy
 * is retired behind the editor's back, so the server answers 409.
 */
async function hrSaveRefused(page: Page, copyId: string): Promise<void> {
  await step('a refused save shows the server\'s reason, keeps the edits', async () => {
    const api = page.context().request;
    const spare = await api.post(`${BASE_URL}/api/templates/${copyId}/clone`,
      { data: { name: '备用副本' } });
    const spareId = (await spare.json() as TemplateJson).id;
    await page.goto(`${BASE_URL}/hr/templates/${spareId}`);
    await page.locator(sel('template-edit')).click();
    await page.locator(sel('template-name')).locator('input').fill('备用副本二');
    await api.post(`${BASE_URL}/api/templates/${spareId}/retire`, { data: {} });

    await page.locator(sel('template-save')).click();
    await page.locator(sel('template-save-error'), { hasText: 'retired' })
      .waitFor({ state: 'visible' });
    const kept = await page.locator(sel('template-name')).locator('input').inputValue();
    if (kept !== '备用副本二') throw new Error(`the name field holds "${kept}"`);

    await page.locator(sel('template-cancel')).click();
    await page.locator('.van-dialog__confirm').click();
    await page.locator(sel('template-retired')).waitFor({ state: 'visible' });
  });
}

/** 王芳 retires the copy from its page; it leaves the active list. */
async function hrRetiresCopy(page: Page, copyId: string): Promise<void> {
  const { key } = await readTemplate(page, copyId);

  await step('the list shows the copy at version 2, marked as HR\'s', async () => {
    await page.goto(`${BASE_URL}/hr/templates`);
    const row = page.locator(sel('template', key));
    await row.locator(sel('template-custom')).waitFor({ state: 'visible' });
    if (!(await row.innerText()).includes('第 2 版')) throw new Error('not at version 2');
    await pageShot(page, 'templates');
  });

  await step('retire the copy after confirming: it shows as retired', async () => {
    await page.locator(sel('template', key)).click();
    await seeVersion(page, 2);
    await page.locator(sel('template-retire')).click();
    await page.locator('.van-dialog__confirm').click();
    await page.locator(sel('template-retired')).waitFor({ state: 'visible' });
    await mustBeAbsent(page, ['template-retire', 'template-edit'], 'a retired copy');
    if ((await readTemplate(page, copyId)).status !== 'retired') {
      throw new Error('the API does not say retired');
    }
  });

  await step('back on the list: gone from 在用, kept under 全部', async () => {
    await page.locator('.van-nav-bar__left').click();
    await page.waitForURL((url) => url.pathname === '/hr/templates');
    if ((await listedKeys(page)).includes(key)) throw new Error('still listed as in use');
    await page.locator('.templates__tab-all').click();
    await page.locator(`${sel('template', key)}[data-status="retired"]`)
      .waitFor({ state: 'visible' });
  });
}

/** 李娜 reads the templates; she is offered nothing that changes them. */
async function readerSeesTemplates(browser: Browser, copyId: string): Promise<void> {
  const context = await newPhoneContext(browser);
  try {
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    await step('log in as 李娜 (not HR) in her own browser', () => logIn(page, 'lina'));

    await step('李娜 reads the active templates, no tab for retired ones', async () => {
      await page.goto(`${BASE_URL}/hr/templates`);
      const keys = await listedKeys(page);
      const active = await activeKeys(page);
      if (keys.join() !== active.join()) throw new Error(`listed ${keys.join(', ')}`);
      await page.locator(sel('template-readonly')).waitFor({ state: 'visible' });
      await mustBeAbsent(page, ['template-tabs'], '李娜');
      const withRetired = await activeKeys(page, '?include=retired');
      if (withRetired.join() !== active.join()) {
        throw new Error('she can list retired ones');
      }
    });

    await step('李娜 opens 销售总监: its content, and no HR action', async () => {
      await page.locator(sel('template', 'sales_director')).click();
      await page.locator(sel('template-milestone')).first().waitFor({ state: 'visible' });
      await page.locator(sel('template-prompt')).first().waitFor({ state: 'visible' });
      await mustBeAbsent(page, ['template-actions', 'template-clone', 'template-retire',
        'template-edit', 'template-save'], '李娜');
      await pageShot(page, 'template-reader');
    });

    await step('the retired copy reads as retired; the API lists no action', async () => {
      await page.goto(`${BASE_URL}/hr/templates/${copyId}`);
      await page.locator(sel('template-retired')).waitFor({ state: 'visible' });
      await mustBeAbsent(page, ['template-actions'], '李娜');
      const { actions } = await readTemplate(page, copyId);
      if (actions.length > 0) throw new Error(`the API offers her ${actions.join(', ')}`);
    });

    if (errors.length > 0) {
      throw new Error(`uncaught errors in 李娜's page:\n  ${errors.join('\n  ')}`);
    }
  } finally {
    await context.close();
  }
}

/** The role-template test's steps, for run.ts or a direct run. */
export async function templates({ browser, page }: BrowserTestKit): Promise<void> {
  const copyId = await hrCopiesTemplate(page);
  await hrEditsCopy(page, copyId);
  await hrSaveRefused(page, copyId);
  await hrRetiresCopy(page, copyId);
  await readerSeesTemplates(browser, copyId);
}

if (require.main === module) void runBrowserTest('templates', templates);
