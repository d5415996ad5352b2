import {
  type HandoverDetail, type ItemKind, type ItemView, SECTION_KINDS, SECTIONS,
} from '@baton/shared';
import { type Cast, must } from './cast';
import { validFields } from './items';
import { Browser } from './server';

/**
 * Handovers made through the API, as HR makes them: 张伟 leaving, 李娜
 * taking over, 刘洋 as manager, from the 销售总监 template unless told.
 */

const templateIds = new Map<string, string>();

/** The id of a role template, by key (built-in ids never change on a server). */
export async function templateIdOf(browser: Browser, key: string): Promise<string> {
  const known = templateIds.get(`${browser.baseUrl} ${key}`);
  if (known) return known;
  const { items } = await must<{ items: { id: string; key: string }[] }>(
    browser, 'GET', '/api/templates');
  const found = items.find((t) => t.key === key);
  if (!found) throw new Error(`no active template ${key}`);
  templateIds.set(`${browser.baseUrl} ${key}`, found.id);
  return found.id;
}

/** A request preparing a handover; `overrides` replace its parts. */
export async function handoverRequest(hr: Browser,
  overrides: Record<string, unknown> = {}) {
  return {
    templateId: await templateIdOf(hr, 'sales_director'),
    departingUserid: 'zhangwei', successorUserid: 'lina', managerUserid: 'liuyang',
    lastWorkingDay: '2027-03-31', ...overrides,
  };
}

/** A draft handover prepared by HR. */
export async function draftHandover(hr: Browser,
  overrides: Record<string, unknown> = {}): Promise<HandoverDetail> {
  return must<HandoverDetail>(hr, 'POST', '/api/handovers',
    await handoverRequest(hr, overrides));
}

/** A handover HR has prepared and started. */
export async function activeHandover(hr: Browser,
  overrides: Record<string, unknown> = {}): Promise<HandoverDetail> {
  const draft = await draftHandover(hr, overrides);
  return must<HandoverDetail>(hr, 'POST', `/api/handovers/${draft.id}/start`, {});
}

/** The section an item kind belongs in. */
export function sectionOf(kind: ItemKind) {
  return SECTIONS.find((s) => SECTION_KINDS[s].includes(kind))!;
}

/** A request adding a whole item of `kind`; `overrides` replace its parts. */
export function itemRequest(kind: ItemKind, overrides: Record<string, unknown> = {}) {
  return { section: sectionOf(kind), kind, title: `补充：${kind}`,
    fields: validFields(kind), ...overrides };
}

/**
 * Brings an active handover to where it may be completed: HR marks every
 * required item still open not applicable, and successor, manager and HR
 * sign the sign-off.
 */
export async function makeCompletable(cast: Cast, id: string): Promise<void> {
  const base = `/api/handovers/${id}`;
  const { items } = await must<{ items: ItemView[] }>(cast.hr, 'GET', `${base}/items`);
  for (const item of items) {
    if (!item.required || ['acknowledged', 'not_applicable'].includes(item.status)) continue;
    await must(cast.hr, 'POST', `${base}/items/${item.id}/not-applicable`,
      { reason: '本岗位不涉及' });
  }
  const detail = await must<HandoverDetail>(cast.hr, 'GET', base);
  const signOff = detail.milestones.find((m) => m.signers)!;
  for (const signer of [cast.successor, cast.manager, cast.hr]) {
    await must(signer, 'POST', `${base}/milestones/${signOff.id}/sign`, {});
  }
}

/** A handover HR has started, settled, had signed and completed. */
export async function completedHandover(cast: Cast,
  overrides: Record<string, unknown> = {}): Promise<HandoverDetail> {
  const { id } = await activeHandover(cast.hr, overrides);
  await makeCompletable(cast, id);
  return must<HandoverDetail>(cast.hr, 'POST', `/api/handovers/${id}/complete`, {});
}
