import type { HandoverDetail, ItemView } from '@baton/shared';
import { type Cast, must } from './cast';
import { draftHandover, itemRequest, makeCompletable } from './handover-factory';
import { validFields } from './items';

/** The states the policy table distinguishes. */
export type State = 'draft' | 'active' | 'completed';

/** The parts of a handover a route in the policy table names as `{part}`. */
export const PARTS = [
  'draftItem', 'hrDraftItem', 'submittedItem', 'naItem', 'promptItem', 'teamItem',
  'departingMilestone', 'successorMilestone', 'signOff', 'stakeholder',
  'openQuestion', 'answeredQuestion',
] as const;
export type Part = (typeof PARTS)[number];

/** Parts that only a started handover has: questions are asked while it runs. */
export const STARTED_PARTS: readonly Part[] = ['openQuestion', 'answeredQuestion'];

/** A handover in a state, with the ids of its parts. */
export interface Fixture {
  id: string;
  state: State;
  parts: Partial<Record<Part, string>>;
}

/**
 * Makes a handover in `state` holding `parts`, everything through the API:
 * 张伟 adds a draft (`draftItem`), a submitted and a not-applicable item and
 * fills the template's team member with performance notes; HR adds a draft
 * of its own (`hrDraftItem`); `promptItem` is an optional template prompt
 * left as a draft; 赵磊 is the `stakeholder`. Once started, 李娜 asks two
 * questions and 张伟 answers one (`openQuestion`, `answeredQuestion`).
 * `completable` settles an active one so that it may be completed.
 */
export async function policyFixture(cast: Cast, state: State,
  parts: readonly Part[] = PARTS, options: { completable?: boolean } = {}):
  Promise<Fixture> {
  const created = await draftHandover(cast.hr);
  const base = `/api/handovers/${created.id}`;
  const wanted = new Set(parts);
  const ids: Fixture['parts'] = milestoneParts(created);

  if (wanted.has('stakeholder')) {
    const detail = await must<HandoverDetail>(cast.hr, 'POST', `${base}/participants`,
      { userid: 'zhaolei', role: 'stakeholder' });
    ids.stakeholder = detail.participants.find((p) => p.role === 'stakeholder')!.id;
  }
  const added = (title: string, by = cast.departing) => must<ItemView>(by, 'POST',
    `${base}/items`, itemRequest('document', { title }));
  if (wanted.has('draftItem')) ids.draftItem = (await added('临时补充的文件')).id;
  if (wanted.has('hrDraftItem')) ids.hrDraftItem = (await added('人事补充的文件', cast.hr)).id;
  if (wanted.has('submittedItem')) {
    ids.submittedItem = (await added('已提交的文件')).id;
    await must(cast.departing, 'POST', `${base}/items/${ids.submittedItem}/submit`, {});
  }
  if (wanted.has('naItem')) {
    ids.naItem = (await added('不适用的文件')).id;
    await must(cast.departing, 'POST', `${base}/items/${ids.naItem}/not-applicable`,
      { reason: '已随合同移交' });
  }
  if (wanted.has('promptItem') || wanted.has('teamItem')) {
    Object.assign(ids, await promptParts(cast, base));
  }

  if (state !== 'draft') {
    await must(cast.hr, 'POST', `${base}/start`, {});
    Object.assign(ids, await questionParts(cast, base, wanted));
  }
  if (state === 'completed' || options.completable) await makeCompletable(cast, created.id);
  if (state === 'completed') await must(cast.hr, 'POST', `${base}/complete`, {});
  return { id: created.id, state, parts: ids };
}

function milestoneParts(handover: HandoverDetail): Fixture['parts'] {
  const byKey = (key: string) => handover.milestones.find((m) => m.key === key)!.id;
  return {
    departingMilestone: byKey('draft'),
    successorMilestone: byKey('receivables'),
    signOff: handover.milestones.find((m) => m.signers)!.id,
  };
}

/** 李娜's questions: one left open (`openQuestion`), one 张伟 answered. */
async function questionParts(cast: Cast, base: string, wanted: Set<Part>) {
  const ids: Fixture['parts'] = {};
  const asked = (body: string) => must<{ id: string }>(cast.successor, 'POST',
    `${base}/questions`, { body });
  if (wanted.has('openQuestion')) ids.openQuestion = (await asked('这份文件的原件在哪？')).id;
  if (wanted.has('answeredQuestion')) {
    ids.answeredQuestion = (await asked('客户的对接人是谁？')).id;
    await must(cast.departing, 'POST', `${base}/questions/${ids.answeredQuestion}/answer`,
      { answer: '采购部的周敏' });
  }
  return ids;
}

/** The first optional prompt, and the team member with performance notes. */
async function promptParts(cast: Cast, base: string) {
  const { items } = await must<{ items: ItemView[] }>(cast.hr, 'GET', `${base}/items`);
  const prompt = items.find((i) => i.fromTemplate && !i.required)!;
  const team = items.find((i) => i.kind === 'team_member')!;
  await must(cast.departing, 'PATCH', `${base}/items/${team.id}`,
    { fields: validFields('team_member') });
  return { promptItem: prompt.id, teamItem: team.id };
}
