/**
 * The handover as its three people live it, on phones (390x844), each in
 * their own browser context:
 *
 * 1. 张伟, the departing executive, fills the 重点客户 item (autosaved as he
 *    types), attaches a 5 MB file over a connection that drops halfway (the
 *    upload resumes where it stopped; no chunk is sent twice), submits it,
 *    and names a team member by picking her from the directory.
 * 2. 李娜, the successor, acknowledges it and asks a question on it.
 * 3. 张伟 gets a card in WeCom, opens the question from it and answers.
 * 4. 李娜 sees the answer under the item.
 * 5. 王芳 (HR) posts a progress update; it appears in the sandbox group.
 * 6. 张伟's edit that cannot be saved waits on his phone; switching account
 *    asks first, then leaves nothing of it behind.
 *
 * Runs against the freshly seeded demo (run.ts); a screenshot of each main
 * page goes to test/artifacts/.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  BASE_URL, BrowserTestKit, newPhoneContext, screenshot, step, watchPageErrors,
} from './browser';

const FIVE_MB = 5 * 1024 * 1024;
const CLIENT_NAME = '华东精密机械有限公司';
const QUESTION = '华东的年度框架合同续签，对方拍板的人是谁？';
const ANSWER = '采购总监周敏拍板，续签前先约她的副手吃个饭。';
const UPDATE = '客户对接已过半，本周五召开团队交接会。';

/** One person's phone: a context of their own, logged in through OAuth. */
interface Phone {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

async function phoneOf(browser: Browser, userid: string): Promise<Phone> {
  const context = await newPhoneContext(browser);
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.goto(`${BASE_URL}/`);
  await page.locator(`[data-userid="${userid}"]`).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.locator('[data-test="handover-card"]').first()
    .waitFor({ state: 'visible' });
  return { context, page, errors };
}

/** Opens the demo handover (张伟 → 李娜) from the home list. */
async function openDemoHandover(page: Page): Promise<string> {
  await page.locator('[data-test="handover-card"]', { hasText: '张伟' })
    .first().click();
  await page.waitForURL(/\/handovers\/[^/]+$/);
  await page.locator('[data-test="milestone"]').first()
    .waitFor({ state: 'visible' });
  return new URL(page.url()).pathname.split('/')[2];
}

/** A text input or textarea of the item form, by field name. */
function field(page: Page, name: string) {
  return page.locator(`[data-test="item-field-${name}"]`)
    .locator('input, textarea').first();
}

/**
 * Cuts the connection when the upload's third chunk goes out: that request
 * fails as a dropped connection would, and the browser stays offline for a
 * moment. Counts how often each chunk index is sent.
 */
async function dropConnectionMidUpload(phone: Phone): Promise<Map<number, number>> {
  const sent = new Map<number, number>();
  let dropped = false;
  await phone.page.route(/\/materials\/[^/]+\/chunks\/\d+$/, async (route) => {
    const index = Number(route.request().url().split('/').pop());
    if (!dropped && index === 2) {
      dropped = true;
      await phone.context.setOffline(true);
      setTimeout(() => void phone.context.setOffline(false), 2_000);
      await route.abort('internetdisconnected');
      return;
    }
    sent.set(index, (sent.get(index) ?? 0) + 1);
    await route.continue();
  });
  return sent;
}

async function departingFillsClientItem(zhang: Phone): Promise<{
  handoverId: string; itemPath: string;
}> {
  const { page } = zhang;
  const handoverId = await step('张伟 opens his handover', async () => {
    const id = await openDemoHandover(page);
    await screenshot(page, 'flow-departing-handover');
    return id;
  });

  const itemPath = await step('browse 核心资源 and open 重点客户', async () => {
    await page.locator('[data-test="section-count"][data-section="core_resources"]')
      .click();
    await page.waitForURL(/\/browse/);
    await page.locator('[data-test="item-row"]', { hasText: '重点客户' })
      .first().click();
    await page.waitForURL(/\/items\/[^/]+$/);
    await screenshot(page, 'flow-browse-item');
    return new URL(page.url()).pathname;
  });

  await step('fill the client item: it saves itself as he types', async () => {
    await field(page, 'name').fill(CLIENT_NAME);
    await field(page, 'preferences').fill('看重交期，价格其次；忌讳临时改规格。');
    await field(page, 'openOrders').fill('3 台 CNC 加工中心，12 月 20 日交货。');
    await page.locator('[data-test="autosave-status"]', { hasText: '已保存' })
      .waitFor({ state: 'visible' });
  });

  await step('a reload keeps what he typed', async () => {
    await page.reload();
    const value = await field(page, 'name').inputValue();
    if (value !== CLIENT_NAME) throw new Error(`name is "${value}" after reload`);
  });

  await step('attach 5 MB over a connection cut halfway: it resumes', async () => {
    const sent = await dropConnectionMidUpload(zhang);
    const content = randomBytes(FIVE_MB);
    const name = '华东合同扫描件.pdf';
    await page.locator('[data-test="material-input"]').first().setInputFiles({
      name, mimeType: 'application/pdf', buffer: content,
    });
    await page.locator(`[data-test="material"][data-name="${name}"]`)
      .waitFor({ state: 'visible', timeout: 60_000 });
    await page.unroute(/\/materials\/[^/]+\/chunks\/\d+$/);
    const resent = [...sent].filter(([, times]) => times > 1);
    if (resent.length > 0) throw new Error(`chunks sent twice: ${JSON.stringify(resent)}`);
    if (!sent.has(2)) throw new Error('the dropped chunk was never sent again');
    await checkStoredFile(page, handoverId, name, content);
    await screenshot(page, 'flow-item-uploaded');
  });

  await step('submit the item', async () => {
    await page.locator('[data-test="item-submit"]').click();
    await confirmDialogIfAny(page);
    await page.locator('[data-test="item-status"][data-status="submitted"]')
      .waitFor({ state: 'visible' });
  });
  return { handoverId, itemPath };
}

/**
 * 张伟 names a member of his team from the directory, not by typing a
 * WeCom account he does not know; the item keeps her name after a reload.
 */
async function departingNamesTeamMember(zhang: Phone, handoverId: string): Promise<string> {
  const { page } = zhang;
  return step('张伟 picks 李娜 from the directory on a team-member item', async () => {
    const api = page.context().request;
    const list = await api.get(
      `${BASE_URL}/api/handovers/${handoverId}/items?section=team`);
    const { items } = await list.json() as { items: { id: string; kind: string }[] };
    const member = items.find((item) => item.kind === 'team_member');
    if (!member) throw new Error('the demo has no team-member item');
    await page.goto(`${BASE_URL}/handovers/${handoverId}/items/${member.id}`);

    await page.locator('[data-test="item-person"]').click();
    await page.locator('[data-test="item-person-search"] input').fill('李');
    await page.locator('[data-test="item-person-option"][data-userid="lina"]').click();
    await page.locator('[data-test="autosave-status"]', { hasText: '已保存' })
      .waitFor({ state: 'visible' });
    await page.reload();
    await page.locator('[data-test="item-person"]', { hasText: '李娜' })
      .waitFor({ state: 'visible' });
    await screenshot(page, 'flow-team-member');
    return new URL(page.url()).pathname;
  });
}

/** The keys of unsaved item edits the H5 keeps in this page's storage. */
function keptEdits(page: Page): Promise<string[]> {
  // A string: this file is compiled without the DOM's types.
  return page.evaluate(`Object.keys(window.localStorage)
    .filter((key) => key.startsWith('baton.item-edits.'))`) as Promise<string[]>;
}

/**
 * An edit that cannot reach the server waits on the phone; switching
 * account asks first, then takes it (a performance note) off the phone.
 */
async function departingSwitchesAccount(zhang: Phone, teamItemPath: string): Promise<void> {
  const { page } = zhang;
  const saves = /\/api\/handovers\/\d+\/items\/\d+$/;
  await step('an edit that cannot be saved waits on the phone', async () => {
    await page.route(saves, (route) => (route.request().method() === 'PATCH'
      ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(`${BASE_URL}${teamItemPath}`);
    await field(page, 'recentPerformance').fill('上季度完成率 92%，华东第一。');
    await page.locator('[data-test="autosave-status"]', { hasText: '离线' })
      .waitFor({ state: 'visible' });
    if ((await keptEdits(page)).length !== 1) throw new Error('the edit was not kept');
  });

  await step('switching account asks, then leaves no edit behind', async () => {
    await page.goto(`${BASE_URL}/`);
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await page.locator('.van-nav-bar__right').click();
    await page.locator('[data-userid="zhangwei"]').waitFor({ state: 'visible' });
    if (!asked.includes('1 项')) throw new Error(`asked "${asked}"`);
    const left = await keptEdits(page);
    if (left.length > 0) throw new Error(`edits left behind: ${left.join(', ')}`);
    await page.unroute(saves);
  });
}

/** The server holds exactly the bytes sent: same length and SHA-256. */
async function checkStoredFile(page: Page, handoverId: string, name: string,
  content: Buffer): Promise<void> {
  const api = page.context().request;
  const list = await api.get(`${BASE_URL}/api/handovers/${handoverId}/materials`);
  const body = await list.json() as { items: { id: string; name: string;
    status: string; sha256: string | null; size: number }[] };
  const stored = body.items.find((m) => m.name === name);
  if (!stored || stored.status !== 'complete') throw new Error('the file is not complete');
  const expected = createHash('sha256').update(content).digest('hex');
  if (stored.sha256 !== expected || stored.size !== content.length) {
    throw new Error(`stored ${stored.size} bytes, sha256 ${stored.sha256}`);
  }
}

/** Presses the confirm button of a Vant dialog when one is open. */
async function confirmDialogIfAny(page: Page): Promise<void> {
  const confirm = page.locator('.van-dialog__confirm');
  try {
    await confirm.waitFor({ state: 'visible', timeout: 1_500 });
  } catch {
    return;
  }
  await confirm.click();
}

async function successorAcknowledgesAndAsks(lina: Phone, itemPath: string): Promise<void> {
  const { page } = lina;
  await step('李娜 opens the item and acknowledges it', async () => {
    await page.goto(`${BASE_URL}${itemPath}`);
    await page.locator('[data-test="item-acknowledge"]').click();
    await confirmDialogIfAny(page);
    await page.locator('[data-test="item-status"][data-status="acknowledged"]')
      .waitFor({ state: 'visible' });
  });

  await step('李娜 asks a question on it', async () => {
    await page.locator('[data-test="question-input"]').locator('textarea')
      .fill(QUESTION);
    await page.locator('[data-test="question-ask"]').click();
    await page.locator('[data-test="question"][data-status="open"]', { hasText: QUESTION })
      .waitFor({ state: 'visible' });
    await screenshot(page, 'flow-successor-item');
  });
}

/** 张伟's WeCom: the card about the question, followed to the H5. */
async function departingAnswersFromCard(zhang: Phone): Promise<void> {
  const answerPage = await step('张伟 gets a card in WeCom that opens the question', async () => {
    const { page } = zhang;
    await page.goto(`${BASE_URL}/sandbox/#/u/zhangwei`);
    // A template card opens its card_action; a textcard has a footer link.
    const card = page.locator('[data-test="template-card"], [data-test="textcard"]',
      { hasText: QUESTION.slice(0, 12) }).last();
    await card.waitFor({ state: 'visible', timeout: 30_000 });
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'flow-sandbox-question-card');
    const opened = zhang.context.waitForEvent('page');
    await card.locator('[data-test="card-action"], a.card-foot-link').first().click();
    const h5 = await opened;
    h5.on('pageerror', (error) => zhang.errors.push(`${h5.url()}: ${error.message}`));
    return h5;
  });

  await step('he answers in the H5', async () => {
    const page = answerPage;
    await page.waitForURL(/\/questions\/[^/]+/);
    await page.getByText(QUESTION).first().waitFor({ state: 'visible' });
    await page.locator('[data-test="answer-input"]').locator('textarea').fill(ANSWER);
    await page.locator('[data-test="answer-submit"]').click();
    await page.locator('[data-test="question-answer"]', { hasText: ANSWER })
      .waitFor({ state: 'visible' });
    await screenshot(page, 'flow-question-answered');
  });
}

async function successorSeesAnswer(lina: Phone, itemPath: string): Promise<void> {
  await step('李娜 sees the answer under the item', async () => {
    await lina.page.goto(`${BASE_URL}${itemPath}`);
    await lina.page.locator('[data-test="question"][data-status="answered"]')
      .locator('[data-test="question-answer"]', { hasText: ANSWER })
      .waitFor({ state: 'visible' });
  });
}

async function hrPostsUpdate(wang: Phone): Promise<void> {
  const { page } = wang;
  await step('王芳 posts a progress update from the handover page', async () => {
    await openDemoHandover(page);
    await page.locator('[data-test="post-update"]').click();
    await page.locator('[data-test="post-text"]').locator('textarea').fill(UPDATE);
    await page.locator('[data-test="post-send"]').click();
    await page.getByText('已发到交接群').waitFor({ state: 'visible' });
    await screenshot(page, 'flow-hr-handover');
  });

  await step('the update appears in the sandbox group chat', async () => {
    await page.goto(`${BASE_URL}/sandbox/#/u/wangfang/chats`);
    await page.locator('[data-test="chats"] a').first().click();
    await page.getByText(UPDATE).first()
      .waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(page, 'flow-sandbox-group');
  });
}

/** The flow's steps, for run.ts. */
export async function handoverFlow({ browser, pageErrors }: BrowserTestKit): Promise<void> {
  const phones: Phone[] = [];
  const login = async (userid: string) => {
    const phone = await phoneOf(browser, userid);
    phones.push(phone);
    return phone;
  };
  try {
    const zhang = await step('张伟 logs in on his phone', () => login('zhangwei'));
    const { handoverId, itemPath } = await departingFillsClientItem(zhang);
    const teamItemPath = await departingNamesTeamMember(zhang, handoverId);
    const lina = await step('李娜 logs in on hers', () => login('lina'));
    await successorAcknowledgesAndAsks(lina, itemPath);
    await departingAnswersFromCard(zhang);
    await successorSeesAnswer(lina, itemPath);
    const wang = await step('王芳 logs in on hers', () => login('wangfang'));
    await hrPostsUpdate(wang);
    await departingSwitchesAccount(zhang, teamItemPath);
  } finally {
    for (const phone of phones) pageErrors.push(...phone.errors);
    await Promise.all(phones.map((phone) => phone.context.close()));
  }
}
