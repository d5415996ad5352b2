/**
 * Browser smoke test of the demo: log in to the H5 through the emulator's
 * OAuth page as the successor 李娜, see and open the demo handover (made
 * from the 销售总监 template: its sections counted, 签署确认 offered on the
 * sign-off), then in the simulated WeCom client press 标记完成 on a card
 * 张伟 received and see WeCom show the card as done.
 *
 * `npm run test:browser` starts a fresh seeded server and runs it (see
 * run.ts). Against a running server with a fresh seed (the card's button
 * not pressed yet): `BASE_URL=... npx tsx test/browser/smoke.ts`.
 */
import type { Page } from 'playwright-core';
import {
  BASE_URL, BrowserTestKit, runBrowserTest, screenshot, step,
} from './browser';

// How long a card may take to show as done: the click goes to the server as
// a callback and the card update goes out through the outbox dispatcher.
const CARD_UPDATE_TIMEOUT_MS = 30_000;

async function loginAsSuccessor(page: Page): Promise<void> {
  await step('open the H5 logged out: lands on the OAuth picker', async () => {
    await page.goto(`${BASE_URL}/`);
    await page.locator('[data-userid="lina"]').waitFor({ state: 'visible' });
    await screenshot(page, 'oauth-picker');
  });

  await step('pick 李娜: back on 我的交接 with the demo handover', async () => {
    await page.locator('[data-userid="lina"]').click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByText('我的交接').first().waitFor({ state: 'visible' });
    await page.locator('[data-test="handover-card"]', { hasText: '张伟' })
      .first().waitFor({ state: 'visible' });
    await screenshot(page, 'h5-home');
  });
}

async function openHandover(page: Page): Promise<void> {
  await step('open the handover: its milestones are listed', async () => {
    await page.locator('[data-test="handover-card"]', { hasText: '张伟' })
      .first().click();
    await page.waitForURL(/\/handovers\/[^/]+$/);
    const milestones = page.locator('[data-test="milestone"]');
    await milestones.first().waitFor({ state: 'visible' });
    const count = await milestones.count();
    console.log(`    ${count} milestones`);
    await screenshot(page, 'h5-handover');
  });

  await step('the header names the template, sections are counted', async () => {
    await page.locator('[data-test="handover-template"]', { hasText: '销售总监' })
      .waitFor({ state: 'visible' });
    const sections = await page.locator('[data-test="section-count"]')
      .allInnerTexts();
    if (sections.length === 0) throw new Error('no section counts shown');
    console.log(`    ${sections.map((s) => s.replace(/\s+/g, ' ')).join('; ')}`);
  });

  await step('buttons follow the server: 李娜 may sign, not complete 张伟\'s', async () => {
    // The first milestone is the departing executive's: the successor may
    // not complete it. The sign-off asks the successor to sign.
    const first = page.locator('[data-test="milestone"]').first();
    if (await first.locator('[data-test="milestone-complete"]').count() > 0) {
      throw new Error('李娜 is offered 标记完成 on 张伟\'s milestone');
    }
    const signOff = page.locator('[data-test="milestone"]', {
      has: page.locator('[data-test="milestone-signatures"]'),
    });
    await signOff.locator('[data-test="milestone-sign"]')
      .waitFor({ state: 'visible' });
    const signatures = await signOff
      .locator('[data-test="milestone-signatures"]').innerText();
    console.log(`    sign-off: ${signatures}`);
  });
}

async function completeFromCard(page: Page): Promise<void> {
  const button = page.locator(
    '[data-test="card-button"][data-button-type="callback"]',
    { hasText: '标记完成' },
  ).first();

  await step('open the sandbox client and pick 张伟', async () => {
    await page.goto(`${BASE_URL}/sandbox/`);
    await page.locator('[data-userid="zhangwei"]').click();
    await page.locator('[data-test="template-card"]').first()
      .waitFor({ state: 'visible' });
    await screenshot(page, 'sandbox-inbox');
  });

  const msgid = await step('find a template card with 标记完成', async () => {
    if (await button.count() === 0) {
      const texts = await page.locator('[data-test="card-button"]')
        .allInnerTexts();
      throw new Error('no 标记完成 callback button; buttons seen: '
        + (texts.length ? texts.join(', ') : 'none')
        + ' (is the demo freshly seeded?)');
    }
    const card = page.locator('[data-test="template-card"]')
      .filter({ has: button }).first();
    const id = await card.getAttribute('data-msgid');
    if (!id) throw new Error('the card has no data-msgid');
    return id;
  });

  await step('press 标记完成: the card shows as done', async () => {
    await button.click();
    const card = '[data-test="template-card"]'
      + `[data-msgid=${JSON.stringify(msgid)}]`;
    await page.locator(`${card} [data-test="card-replaced"]`)
      .waitFor({ state: 'visible', timeout: CARD_UPDATE_TIMEOUT_MS });
    await screenshot(page, 'sandbox-card-done');
  });
}

/** The smoke test's steps, for run.ts or a direct run. */
async function seeCustomerTransfer(page: Page): Promise<void> {
  await step('the sandbox shows 张伟\'s customers moving to 李娜', async () => {
    await page.goto(`${BASE_URL}/sandbox/#/u/lina/customers`);
    const rows = page.locator('[data-test="customer"]');
    await rows.first().waitFor({ state: 'visible' });
    const first = await rows.first().innerText();
    if (!first.includes('来自 张伟')) throw new Error(`unexpected row: ${first}`);
    if (/wmDemo/.test(first)) throw new Error(`a raw id instead of a name: ${first}`);
    await screenshot(page, 'sandbox-customers');
  });
}

export async function smoke({ page }: BrowserTestKit): Promise<void> {
  await loginAsSuccessor(page);
  await openHandover(page);
  await completeFromCard(page);
  await seeCustomerTransfer(page);
}

if (require.main === module) void runBrowserTest('smoke', smoke);
