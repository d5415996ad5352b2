import type { TemplateDefinition, TemplateView } from '@baton/shared';
import { Handover } from '../server/src/entities';
import { RunningServer } from '../server/src/server';
import { type Cast, loginCast, must, type Role, send } from './support/cast';
import { handoverFootprint } from './support/footprint';
import { handoverRequest, itemRequest, templateIdOf } from './support/handover-factory';
import { validFields } from './support/items';
import { type Fixture, policyFixture } from './support/policy-fixture';
import { startTestServer } from './support/server';

/**
 * Bad input gets a 4xx naming the field (`error.field`) and changes
 * nothing: not the handover, its items, people or timeline, nor the
 * template. No input at all gets a 5xx.
 */

interface BadInput {
  /** What is wrong with it, as the test names say it. */
  is: string;
  /** Method and path: under /api/handovers/:id, or absolute from /api/. */
  call: string;
  /** A JSON value, a raw body (`{ raw }`), or a value made when the test runs. */
  body?: unknown;
  status: number;
  field?: string;
  /** Who sends it (default HR); someone allowed, so only the input is wrong. */
  as?: Role;
}

const receivable = (fields: Record<string, unknown>) =>
  itemRequest('receivable', { fields: { ...validFields('receivable'), ...fields } });
const amount = (value: unknown, currency = 'CNY', extra = {}) =>
  receivable({ amount: { amount: value, currency, ...extra } });
const TEN_MB = 'x'.repeat(10 * 1024 * 1024);

/** A good request for a new handover and a template's definition, once the server is up. */
let newHandover: Record<string, unknown>;
let definition: TemplateDefinition;
const definitionWith = (change: (d: TemplateDefinition) => void) => () => {
  const copy = structuredClone(definition);
  change(copy);
  return { definition: copy };
};

const BAD_INPUT: BadInput[] = [
  { is: 'an unknown item kind', call: 'POST /items', status: 400, field: 'kind',
    body: { ...itemRequest('client'), kind: 'customer' } },
  { is: 'a kind in the wrong section', call: 'POST /items', status: 400, field: 'kind',
    body: itemRequest('client', { section: 'team' }) },
  { is: 'a negative amount', call: 'POST /items', status: 400,
    field: 'fields.amount.amount', body: amount('-5.00') },
  { is: 'an amount with three decimals', call: 'POST /items', status: 400,
    field: 'fields.amount.amount', body: amount('5.123') },
  { is: 'an amount sent as a number', call: 'POST /items', status: 400,
    field: 'fields.amount.amount', body: amount(5) },
  { is: 'an unknown currency', call: 'POST /items', status: 400,
    field: 'fields.amount.currency', body: amount('5.00', 'RMB') },
  { is: 'an unknown key inside an amount', call: 'POST /items', status: 400,
    field: 'fields.amount.rate', body: amount('5.00', 'CNY', { rate: '7.1' }) },
  { is: 'a day that does not exist', call: 'POST /items', status: 400,
    field: 'fields.dueDate', body: receivable({ dueDate: '2027-02-30' }) },
  { is: 'a date written with slashes', call: 'POST /items', status: 400,
    field: 'fields.dueDate', body: receivable({ dueDate: '2027/01/01' }) },
  { is: 'a last working day that does not exist', call: 'PATCH /', status: 400,
    field: 'lastWorkingDay', body: { lastWorkingDay: '2027-02-30' } },
  // From 9999-12-31 the sign-off's due day once counted on forever.
  { is: 'a last working day at the end of the calendar', call: 'PATCH /', status: 400,
    field: 'lastWorkingDay', body: { lastWorkingDay: '9999-12-31' } },
  { is: 'a new handover ending at the end of the calendar', call: 'POST /api/handovers',
    status: 400, field: 'lastWorkingDay',
    body: () => ({ ...newHandover, lastWorkingDay: '9999-12-31' }) },
  { is: 'a last working day in year 0', call: 'PATCH /', status: 400,
    field: 'lastWorkingDay', body: { lastWorkingDay: '0000-01-03' } },
  { is: 'a field of another kind', call: 'PATCH /items/{client}', status: 400,
    field: 'fields.goal', body: { fields: { goal: '拿下华东市场' } } },
  { is: '10 MB of text in a field', call: 'PATCH /items/{client}', status: 400,
    field: 'fields.history', body: { fields: { history: TEN_MB } } },
  { is: 'an unknown field on an item', call: 'PATCH /items/{client}', status: 400,
    field: 'colour', body: { colour: 'red' } },
  { is: 'an unknown field on a new item', call: 'POST /items', status: 400,
    field: 'priority', body: { ...itemRequest('client'), priority: 'high' } },
  { is: 'an unknown field on the handover', call: 'PATCH /', status: 400,
    field: 'owner', body: { owner: 'chenjing' } },
  { is: 'an unknown field beside a reason', call: 'POST /cancel', status: 400,
    field: 'urgent', body: { reason: '调岗', urgent: true } },
  { is: 'a cancel without a reason', call: 'POST /cancel', status: 400,
    field: 'reason', body: {} },
  { is: 'a reason of blanks', call: 'POST /cancel', status: 400,
    field: 'reason', body: { reason: '   ' } },
  { is: 'an over-long reason', call: 'POST /cancel', status: 400,
    field: 'reason', body: { reason: '因'.repeat(1001) } },
  { is: 'a send-back without a reason', call: 'POST /items/{submitted}/return', status: 400,
    field: 'reason', body: {}, as: 'successor' },
  { is: 'not applicable without a reason', call: 'POST /items/{draft}/not-applicable',
    status: 400, field: 'reason', body: {}, as: 'departing' },
  { is: 'an over-long handover title', call: 'PATCH /', status: 400,
    field: 'title', body: { title: '长'.repeat(101) } },
  { is: 'an over-long item title', call: 'PATCH /items/{client}', status: 400,
    field: 'title', body: { title: '长'.repeat(101) } },
  { is: 'submitting a draft with nothing filled in', call: 'POST /items/{project}/submit',
    status: 400, field: 'fields.goal', as: 'departing' },
  { is: 'submitting a draft only half filled in', call: 'POST /items/{halfProject}/submit',
    status: 400, field: 'fields.progress', as: 'departing' },
  { is: 'a participant in an unknown role', call: 'POST /participants', status: 400,
    field: 'role', body: { userid: 'chenjing', role: 'owner' } },
  { is: 'a participant not in the directory', call: 'POST /participants', status: 400,
    field: 'userid', body: { userid: 'nobody', role: 'stakeholder' } },
  { is: 'malformed JSON for the handover', call: 'PATCH /', status: 400,
    body: { raw: '{"title":' } },
  { is: 'malformed JSON for an item', call: 'POST /items', status: 400,
    body: { raw: "{section: 'team'}" } },
  { is: 'a cursor that is not a number', call: 'GET /api/handovers?cursor=abc', status: 400,
    field: 'cursor' },
  { is: 'a negative cursor', call: 'GET /api/handovers?cursor=-20', status: 400,
    field: 'cursor' },
  { is: 'a fractional cursor on the items', call: 'GET /items?cursor=1.5', status: 400,
    field: 'cursor' },
  { is: 'a cursor on the timeline that is not a number', call: 'GET /timeline?cursor=x',
    status: 400, field: 'cursor' },
  { is: 'a template without milestones', call: 'PUT /api/templates/{copy}', status: 400,
    field: 'definition.milestones', body: definitionWith((d) => { d.milestones = []; }) },
  { is: 'a template prompt in the wrong section', call: 'PUT /api/templates/{copy}',
    status: 400, field: 'definition.sections.0.prompts.0.kind',
    body: definitionWith((d) => { d.sections[0].prompts[0].kind = 'client'; }) },
  { is: 'template signers without the sign-off rule', call: 'PUT /api/templates/{copy}',
    status: 400, field: 'definition.milestones.0.signers',
    body: definitionWith((d) => { d.milestones[0].signers = ['hr']; }) },
  { is: 'an unknown key in a template milestone', call: 'PUT /api/templates/{copy}',
    status: 400, field: 'definition.milestones.0.colour',
    body: definitionWith((d) => Object.assign(d.milestones[0], { colour: 'red' })) },
];

/** Ids that are not ids: every handover, item and template route gives 404. */
const NOT_IDS: BadInput[] = [
  'GET /api/handovers/abc', 'GET /api/handovers/-1', 'PATCH /api/handovers/abc',
  'POST /api/handovers/-1/start', 'GET /api/handovers/99999999999999999999',
  'GET /items/abc', 'DELETE /items/-2', 'POST /items/1.5/submit',
  'POST /milestones/abc/complete', 'DELETE /participants/abc',
  'GET /api/templates/abc', 'POST /api/templates/-1/clone',
].map((call) => ({ is: `a bad id in ${call}`, call, status: 404, body: {} }));

describe('bad input', () => {
  let server: RunningServer;
  let cast: Cast;
  let fixture: Fixture;
  let ids: Record<string, string>;

  /** Everything bad input must leave as it was. */
  const state = async () => ({
    handovers: await server.services.db.getRepository(Handover).count(),
    handover: await handoverFootprint(server, fixture.id),
    template: await must<TemplateView>(cast.hr, 'GET', `/api/templates/${ids.copy}`),
  });

  beforeAll(async () => {
    server = await startTestServer('validation');
    cast = await loginCast(server.url);
    fixture = await policyFixture(cast, 'active');
    const base = `/api/handovers/${fixture.id}`;
    const { items } = await must<{ items: { id: string; kind: string }[] }>(
      cast.hr, 'GET', `${base}/items`);
    const half = await must<{ id: string }>(cast.departing, 'POST', `${base}/items`,
      itemRequest('project', { fields: { goal: '完成年度目标' } }));
    const copy = await must<TemplateView>(cast.hr, 'POST',
      `/api/templates/${await templateIdOf(cast.hr, 'sales_director')}/clone`, {});
    definition = copy.definition;
    newHandover = await handoverRequest(cast.hr);
    ids = {
      client: items.find((i) => i.kind === 'client')!.id,
      project: fixture.parts.promptItem!, halfProject: half.id, copy: copy.id,
      submitted: fixture.parts.submittedItem!, draft: fixture.parts.draftItem!,
    };
  });
  afterAll(async () => {
    await server.services.outbox.kick();
    await server.close();
  });

  /** Sends a case as its sender, its body made now. */
  const sendCase = (c: BadInput) => {
    const [method, tail] = c.call.split(' ');
    const filled = tail.replace(/\{(\w+)\}/g, (_, name: string) => ids[name]);
    const path = filled.startsWith('/api/') ? filled
      : `/api/handovers/${fixture.id}${filled === '/' ? '' : filled}`;
    const body = typeof c.body === 'function' ? c.body() : c.body;
    const browser = cast[c.as ?? 'hr'];
    if (body && typeof body === 'object' && 'raw' in body) {
      return browser.json<any>(path, { method, body: String(body.raw) });
    }
    return send(browser, method, path, method === 'GET' ? undefined : body ?? {});
  };

  const run = async (c: BadInput) => {
    const before = await state();

    const { status, body } = await sendCase(c);

    expect({ status, field: body?.error?.field }).toEqual({ status: c.status, field: c.field });
    expect(await state()).toEqual(before);
  };

  const named = [...BAD_INPUT, ...NOT_IDS];
  it.each(named)('refuses $is ($status) and changes nothing', run);

  /** Ways of writing an id that JavaScript's Number() would read as that id. */
  const ALIASES: [string, (id: string) => string][] = [
    ['in hex (0x1)', (id) => `0x${Number(id).toString(16)}`],
    ['with an exponent (1e0)', (id) => `${id}e0`],
    ['with a decimal point (1.0)', (id) => `${id}.0`],
    ['with a leading zero (01)', (id) => `0${id}`],
    ['after a space (%201)', (id) => `%20${id}`],
  ];
  it.each(ALIASES)('answers 404 for a handover or template id written %s',
    async (_, alias) => {
      const handover = await send(cast.hr, 'GET', `/api/handovers/${alias(fixture.id)}`);
      const template = await send(cast.hr, 'GET', `/api/templates/${alias(ids.copy)}`);
      expect([handover.status, template.status]).toEqual([404, 404]);
    });

});

/**
 * Hostile bodies against every route that takes one, on a handover of
 * their own (a body a route ignores may well let it act). Routes with an
 * input schema must refuse each with a 4xx; none may answer 5xx.
 */
describe('hostile bodies', () => {
  const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  const HOSTILE: Record<string, string> = {
    'an empty array': '[]',
    'an array of bodies': '[{"reason":"调岗","title":"x"}]',
    'null': 'null',
    'a bare string': '"start"',
    'a bare number': '42',
    'an object nested 5000 deep': deep(5000),
    'numbers past the double range': '{"title":1e999,"reason":-1e999,"templateId":1e999}',
    'nulls for every field': '{"title":null,"reason":null,"fields":null,"userid":null,'
      + '"definition":null,"name":null}',
    'a __proto__ key': '{"__proto__":{"isHr":true,"reason":"x"}}',
    'a constructor.prototype key': '{"constructor":{"prototype":{"isHr":true}}}',
    'a __proto__ key in fields': '{"fields":{"__proto__":{"isHr":true}}}',
    'a key 100 000 characters long': `{"${'k'.repeat(100_000)}":1}`,
  };
  // `{h}` is the handover, `{t}` a template, `{part}` a part of the handover;
  // `reads` says the route parses a body, so must refuse every one of these.
  const ROUTES = [
    'POST /api/handovers', 'PATCH {h}', 'POST {h}/cancel', 'POST {h}/participants',
    'POST {h}/items', 'PATCH {h}/items/{draftItem}', 'POST {h}/items/{submittedItem}/return',
    'POST {h}/items/{draftItem}/not-applicable', 'POST /api/templates/{t}/clone',
    'PUT /api/templates/{t}', 'POST {h}/posts', 'POST {h}/materials', 'POST {h}/questions',
    'POST {h}/questions/{openQuestion}/answer',
  ].map((call) => ({ call, reads: true })).concat([
    'POST {h}/start', 'POST {h}/complete', 'POST {h}/evaluate', 'POST {h}/close',
    'DELETE {h}/participants/{stakeholder}', 'POST {h}/items/{draftItem}/submit',
    'POST {h}/items/{submittedItem}/acknowledge', 'POST {h}/items/{naItem}/reopen',
    'DELETE {h}/items/{draftItem}', 'POST {h}/milestones/{departingMilestone}/complete',
    'POST {h}/milestones/{signOff}/sign', 'POST /api/templates/{t}/retire',
  ].map((call) => ({ call, reads: false })));

  let server: RunningServer;
  let cast: Cast;
  let fixture: Fixture;
  let template: string;

  beforeAll(async () => {
    server = await startTestServer('hostile');
    cast = await loginCast(server.url);
    fixture = await policyFixture(cast, 'active');
    template = (await must<TemplateView>(cast.hr, 'POST',
      `/api/templates/${await templateIdOf(cast.hr, 'sales_director')}/clone`, {})).id;
  });
  afterAll(async () => {
    await server.services.outbox.kick();
    await server.close();
  });

  it.each(ROUTES)('$call never answers a hostile body with a 5xx', async ({ call, reads }) => {
    const [method, tail] = call.split(' ');
    const path = tail.replace('{h}', `/api/handovers/${fixture.id}`).replace('{t}', template)
      .replace(/\{(\w+)\}/g, (_, part: keyof Fixture['parts']) => fixture.parts[part]!);
    const answers: string[] = [];

    for (const [what, raw] of Object.entries(HOSTILE)) {
      const response = await cast.hr.fetch(path, { method, body: raw });
      answers.push(`${what}: ${response.status}`);
    }

    expect(answers.filter((a) => / 5\d\d$/.test(a))).toEqual([]);
    if (reads) expect(answers.filter((a) => !/ 4\d\d$/.test(a))).toEqual([]);
    // Nothing leaked into the prototype every object shares, nor into HR.
    expect(({} as Record<string, unknown>).isHr).toBeUndefined();
    expect((await must<{ isHr: boolean }>(cast.successor, 'GET', '/api/me')).isHr).toBe(false);
  });
});
