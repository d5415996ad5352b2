/**
 * Browser test of the customer-transfer screen (客户继承): HR 王芳, who
 * started the transfer of 张伟's four customers to 李娜 in the seeded demo,
 * follows the 客户继承 link from the handover, sees each customer with its
 * status and the retention summary, and reads the customers from WeCom
 * again; then 李娜, the successor, sees the same customers but is offered
 * neither the transfer nor the ticks.
 *
 * `npm run test:browser` runs it on a fresh seeded server (see run.ts);
 * against a running one: `BASE_URL=... npx tsx test/browser/customers.ts`.
 */
import type { Browser, Page } from 'playwright-core';
import {
  BASE_URL, BrowserTestKit, newPhoneContext, runBrowserTest, screenshot, step,
  watchPageErrors,
} from './browser';

/** How many WeCom customers 张伟 has in the demo company. */
const DEMO_CUSTOMERS = 4;

const STATUSES = new Set([
  'listed', 'requested', 'waiting', 'taken_over', 'refused', 'limit', 'failed',
]);

/** Logs in through the emulator's OAuth picker; lands on 我的交接. */
async function logIn(page: Page, userid: string): Promise<void> {
  await page.goto(`${BASE_URL}/`);
  await page.locator(`[data-userid="${userid}"]`).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.locator('[data-test="handover-card"]', { hasText: '张伟' })
    .first().waitFor({ state: 'visible' });
}

/** From 我的交接, opens the demo handover and follows its 客户继承 link. */
async function openCustomers(page: Page): Promise<void> {
  await page.locator('[data-test="handover-card"]', { hasText: '张伟' })
    .first().click();
  await page.waitForURL(/\/handovers\/[^/]+$/);
  const link = page.locator('[data-test="link-customers"]');
  await link.waitFor({ state: 'visible' });
  await link.click();
  await page.waitForURL(/\/handovers\/[^/]+\/customers$/);
}

/** Waits for the demo's customers and returns their statuses. */
async function customerStatuses(page: Page): Promise<string[]> {
  const rows = page.locator('[data-test="customer"]');
  await rows.nth(DEMO_CUSTOMERS - 1).waitFor({ state: 'visible' });
  const count = await rows.count();
  if (count !== DEMO_CUSTOMERS) {
    throw new Error(`expected ${DEMO_CUSTOMERS} customers, saw ${count}`);
  }
  const statuses = await rows.evaluateAll((els) =>
    els.map((el) => el.getAttribute('data-status') ?? ''));
  const unknown = statuses.filter((s) => !STATUSES.has(s));
  if (unknown.length) throw new Error(`rows without a status: ${unknown}`);
  const tags = await page.locator('[data-test="customer"] '
    + '[data-test="customer-status"]').allInnerTexts();
  if (tags.length !== DEMO_CUSTOMERS || tags.some((tag) => !tag.trim())) {
    throw new Error(`status tags missing: ${JSON.stringify(tags)}`);
  }
  return statuses;
}

async function hrSeesTheTransfer(page: Page): Promise<void> {
  await step('log in as 王芳 (HR) through the OAuth picker', () =>
    logIn(page, 'wangfang'));

  await step('follow 客户继承 from the demo handover', () => openCustomers(page));

  await step('4 customers, each with a status, under the summary', async () => {
    const statuses = await customerStatuses(page);
    console.log(`    statuses: ${statuses.join(', ')}`);
    const summary = page.locator('[data-test="customer-summary"]');
    await summary.waitFor({ state: 'visible' });
    const total = await summary.getAttribute('data-total');
    if (total !== String(DEMO_CUSTOMERS)) {
      throw new Error(`the summary counts ${total} customers`);
    }
    console.log(`    summary: ${(await summary.innerText()).replace(/\s+/g, ' ')}`);
  });

  await step('HR is offered 读取客户 and the transfer button', async () => {
    await page.locator('[data-test="customers-refresh"]')
      .waitFor({ state: 'visible' });
    const transfer = page.locator('[data-test="customers-transfer"]');
    await transfer.waitFor({ state: 'visible' });
    if (!(await transfer.innerText()).includes('李娜')) {
      throw new Error('the transfer button does not name the successor');
    }
  });

  await step('读取客户 reads them from WeCom again: still 4', async () => {
    const answered = page.waitForResponse((response) =>
      response.url().endsWith('/customers/refresh')
      && response.request().method() === 'POST');
    await page.locator('[data-test="customers-refresh"]').click();
    const response = await answered;
    if (response.status() !== 200) {
      throw new Error(`refresh answered ${response.status()}`);
    }
    await customerStatuses(page);
    await page.locator('.van-toast', { hasText: '4 位客户' })
      .waitFor({ state: 'visible' });
    await page.locator('.van-toast').waitFor({ state: 'hidden' });
    await screenshot(page, 'customers');
  });
}

async function successorFollows(browser: Browser): Promise<void> {
  const context = await newPhoneContext(browser);
  try {
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    await step('log in as 李娜 (successor) in her own browser', () =>
      logIn(page, 'lina'));

    await step('李娜 follows 客户继承 and sees the 4 customers', async () => {
      await openCustomers(page);
      await customerStatuses(page);
      await page.locator('[data-test="customer-summary"]')
        .waitFor({ state: 'visible' });
    });

    await step('李娜 is offered no transfer, no ticks, no 读取客户', async () => {
      await page.locator('[data-test="customers-follow"]')
        .waitFor({ state: 'visible' });
      for (const test of ['customers-transfer', 'customer-select',
        'customers-refresh']) {
        const count = await page.locator(`[data-test="${test}"]`).count();
        if (count > 0) throw new Error(`李娜 is shown ${test}`);
      }
      await screenshot(page, 'customers-successor');
    });

    if (errors.length > 0) {
      throw new Error(`uncaught errors in 李娜's page:\n  ${errors.join('\n  ')}`);
    }
  } finally {
    await context.close();
  }
}

/** The customer-transfer test's steps, for run.ts or a direct run. */
export async function customers({ browser, page }: BrowserTestKit): Promise<void> {
  await hrSeesTheTransfer(page);
  await successorFollows(browser);
}

if (require.main === module) void runBrowserTest('customers', customers);
