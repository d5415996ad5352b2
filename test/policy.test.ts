import type {
  HandoverDetail, HandoverSummary, ItemView, QuestionListResponse,
} from '@baton/shared';
import { Handover } from '../server/src/entities';
import { RunningServer } from '../server/src/server';
import { type Cast, loginCast, must, type Role, ROLES, send } from './support/cast';
import { handoverFootprint } from './support/footprint';
import { activeHandover, handoverRequest, itemRequest } from './support/handover-factory';
import {
  type Fixture, type Part, PARTS, policyFixture, STARTED_PARTS, type State,
} from './support/policy-fixture';
import { Browser, startTestServer } from './support/server';

/**
 * Who may do what, route by route and role by role, read from the tables
 * below (the README's role × action table), never from the server's policy
 * code. A role outside `who` gets 403; a role in `who` when the state is
 * outside `when` gets 409; whoever may not read the handover gets 404 on
 * every handover route. Each role's `actions` must list exactly what the
 * table lets it do, and a listed action must then work.
 */

type Outcome = 'ok' | 403 | 404 | 409;

interface RouteRule {
  /** What the call does, as test names say it. */
  does: string;
  /** Method and path under /api/handovers/:id; `{part}` names a fixture part. */
  call: string;
  /** Who may, by their role in the handover; other readers get 403. */
  who: readonly Role[];
  /** The states that allow it; the roles in `who` get 409 in the others. */
  when: readonly State[];
  /** Where `actions` says so: `handover:update`, `{draftItem}:submit`, ... */
  action: string;
  body?: unknown;
  /** The allowed call needs the handover ready to complete. */
  completable?: boolean;
}

const rule = (does: string, call: string, who: readonly Role[], when: readonly State[],
  action: string, extra: Partial<RouteRule> = {}): RouteRule =>
  ({ does, call, who, when, action, ...extra });

const READERS: Role[] = ['departing', 'successor', 'hr', 'manager', 'stakeholder'];
const TEAM: Role[] = ['departing', 'successor', 'hr', 'manager'];
const WRITERS: Role[] = ['departing', 'hr'];
const SIGNERS: Role[] = ['successor', 'manager', 'hr'];
const ASKERS: Role[] = ['successor', 'manager', 'hr'];
const HR: Role[] = ['hr'];
const EVERY: State[] = ['draft', 'active', 'completed'];
const OPEN: State[] = ['draft', 'active'];
const ACTIVE: State[] = ['active'];
const NEVER: State[] = [];
const why = { reason: '人事核对后确认' };

const ROUTES: RouteRule[] = [
  rule('read the handover', 'GET /', READERS, EVERY, 'handover:read'),
  rule('list its items', 'GET /items', READERS, EVERY, 'handover:read'),
  rule('read an item', 'GET /items/{teamItem}', READERS, EVERY, 'handover:read'),
  rule('read the timeline', 'GET /timeline', TEAM, EVERY, 'handover:readTimeline'),
  rule('correct the title', 'PATCH /',
    HR, OPEN, 'handover:update', { body: { title: '更正后的标题' } }),
  rule('add a participant', 'POST /participants', HR, OPEN,
    'handover:manageParticipants', { body: { userid: 'chenjing', role: 'stakeholder' } }),
  rule('remove the stakeholder', 'DELETE /participants/{stakeholder}',
    HR, OPEN, 'handover:manageParticipants'),
  rule('start it', 'POST /start', HR, ['draft'], 'handover:start'),
  rule('complete it', 'POST /complete',
    ['hr', 'manager'], ACTIVE, 'handover:complete', { completable: true }),
  rule('start the evaluation', 'POST /evaluate', HR, ['completed'], 'handover:evaluate'),
  rule('close it', 'POST /close', HR, ['completed'], 'handover:close'),
  rule('cancel it', 'POST /cancel', HR, OPEN, 'handover:cancel', { body: why }),
  rule('add an item', 'POST /items',
    WRITERS, OPEN, 'handover:createItem', { body: itemRequest('client') }),
  rule('edit a draft item', 'PATCH /items/{draftItem}',
    WRITERS, OPEN, '{draftItem}:update', { body: { title: '改过的标题' } }),
  rule('submit a draft item', 'POST /items/{draftItem}/submit',
    WRITERS, OPEN, '{draftItem}:submit'),
  rule('mark a draft item not applicable', 'POST /items/{draftItem}/not-applicable',
    WRITERS, OPEN, '{draftItem}:markNotApplicable', { body: why }),
  rule('delete a draft the departing executive added', 'DELETE /items/{draftItem}',
    ['departing'], OPEN, '{draftItem}:delete'),
  rule('delete a draft HR added', 'DELETE /items/{hrDraftItem}',
    ['hr'], OPEN, '{hrDraftItem}:delete'),
  rule('delete a template prompt', 'DELETE /items/{promptItem}',
    WRITERS, NEVER, '{promptItem}:delete'),
  rule('edit a submitted item', 'PATCH /items/{submittedItem}',
    WRITERS, NEVER, '{submittedItem}:update', { body: { title: '改过的标题' } }),
  rule('mark a submitted item not applicable', 'POST /items/{submittedItem}/not-applicable',
    WRITERS, OPEN, '{submittedItem}:markNotApplicable', { body: why }),
  rule('reopen a not-applicable item', 'POST /items/{naItem}/reopen',
    WRITERS, OPEN, '{naItem}:reopen'),
  rule('acknowledge a submitted item', 'POST /items/{submittedItem}/acknowledge',
    ['successor'], ACTIVE, '{submittedItem}:acknowledge'),
  rule('send a submitted item back', 'POST /items/{submittedItem}/return',
    ['successor'], ACTIVE, '{submittedItem}:return', { body: why }),
  rule('complete the departing executive\'s milestone',
    'POST /milestones/{departingMilestone}/complete',
    ['departing', 'hr', 'manager'], ACTIVE, '{departingMilestone}:complete'),
  rule('complete the successor\'s milestone', 'POST /milestones/{successorMilestone}/complete',
    ['successor', 'hr', 'manager'], ACTIVE, '{successorMilestone}:complete'),
  rule('complete the sign-off without signing', 'POST /milestones/{signOff}/complete',
    [], ACTIVE, '{signOff}:complete'),
  rule('sign the sign-off', 'POST /milestones/{signOff}/sign',
    SIGNERS, ACTIVE, '{signOff}:sign'),
  rule('list the questions', 'GET /questions', READERS, EVERY, 'handover:readQuestions'),
  rule('read a question', 'GET /questions/{openQuestion}',
    READERS, EVERY, 'handover:readQuestions'),
  rule('ask a question', 'POST /questions', ASKERS, ACTIVE, 'handover:askQuestion',
    { body: { body: '这份合同的续签找谁？' } }),
  rule('answer an open question', 'POST /questions/{openQuestion}/answer',
    ['departing'], ACTIVE, '{openQuestion}:answer', { body: { answer: '找采购部的周敏' } }),
  rule('answer an answered question again', 'POST /questions/{answeredQuestion}/answer',
    ['departing'], NEVER, '{answeredQuestion}:answer', { body: { answer: '再答一次' } }),
];

/** Who reads team members' performance notes, by the handover's state. */
const SEES_NOTES: Record<State, Role[]> = {
  draft: TEAM, active: TEAM, completed: ['successor', 'hr', 'manager'],
};
const NOTES = ['recentPerformance', 'weaknesses'];

/** The status a role should get, from the table alone. */
function outcome(r: RouteRule, role: Role, state: State): Outcome {
  if (role === 'outsider') return 404;
  if (!r.who.includes(role)) return 403;
  if (!r.when.includes(state)) return 409;
  return 'ok';
}

const answered = (status: number): Outcome | number =>
  (status >= 200 && status < 300 ? 'ok' : status);

/** Draft and completed handovers are tried only where the state decides. */
function dependsOnState(r: RouteRule): boolean {
  return r.when.length > 0 && r.when.length < EVERY.length;
}

/** The parts a call names, and the stakeholder when they make it. */
function partsOf(r: RouteRule, role: Role): Part[] {
  return PARTS.filter((part) => r.call.includes(`{${part}}`)
    || (part === 'stakeholder' && role === 'stakeholder'));
}

function request(r: RouteRule, fixture: Fixture): { method: string; path: string } {
  const [method, tail] = r.call.split(' ');
  const filled = tail.replace(/\{(\w+)\}/g, (_, part: Part) => fixture.parts[part]!);
  return { method, path: `/api/handovers/${fixture.id}${filled === '/' ? '' : filled}` };
}

/** What one role is offered: the handover's actions, its children's by id. */
interface Offer {
  handover: string[];
  byId: Map<string, string[]>;
  /** Questions by id, apart: their ids may equal an item's. */
  questions: Map<string, string[]>;
}

async function offerTo(browser: Browser, fixture: Fixture): Promise<Offer> {
  const base = `/api/handovers/${fixture.id}`;
  const detail = await must<HandoverDetail>(browser, 'GET', base);
  const { items } = await must<{ items: ItemView[] }>(browser, 'GET', `${base}/items`);
  const children = [...detail.milestones, ...items];
  const { items: questions } = await must<QuestionListResponse>(browser, 'GET',
    `${base}/questions`);
  return { handover: detail.actions, byId: new Map(children.map((c) => [c.id, c.actions])),
    questions: new Map(questions.map((q) => [q.id, q.actions])) };
}

function offers(offer: Offer, r: RouteRule, fixture: Fixture): boolean {
  const [target, action] = r.action.split(':');
  const part = /^\{(\w+)\}$/.exec(target)?.[1] as Part | undefined;
  const children = part && STARTED_PARTS.includes(part) ? offer.questions : offer.byId;
  const actions = part ? children.get(fixture.parts[part]!) : offer.handover;
  if (!actions) throw new Error(`${target} is not in the handover`);
  return actions.includes(action);
}

/** A handover as the browser's list shows it, looked for page by page. */
async function findListed(browser: Browser, id: string): Promise<HandoverSummary | undefined> {
  let cursor: string | null = '';
  while (cursor !== null) {
    const page: { items: HandoverSummary[]; nextCursor: string | null } = await must(
      browser, 'GET', `/api/handovers${cursor ? `?cursor=${cursor}` : ''}`);
    const found = page.items.find((h) => h.id === id);
    if (found) return found;
    cursor = page.nextCursor;
  }
  return undefined;
}

describe('who may do what to a handover', () => {
  let server: RunningServer;
  let cast: Cast;

  const footprint = (id: string) => handoverFootprint(server, id);

  beforeAll(async () => {
    server = await startTestServer('policy');
    cast = await loginCast(server.url);
  });
  afterAll(async () => {
    await server.services.outbox.kick();
    await server.close();
  });

  describe.each(EVERY)('on a %s handover', (state) => {
    let shared: Fixture;
    const sharedOffers = new Map<Role, Offer>();

    beforeAll(async () => {
      shared = await policyFixture(cast, state);
      for (const role of READERS) sharedOffers.set(role, await offerTo(cast[role], shared));
    });

    it.each(READERS)('lets %s read performance notes only if allowed', async (role) => {
      const sees = SEES_NOTES[state].includes(role);
      const path = `/api/handovers/${shared.id}/items`;
      const one = await must<ItemView>(cast[role], 'GET', `${path}/${shared.parts.teamItem}`);
      const { items } = await must<{ items: ItemView[] }>(cast[role], 'GET', path);

      for (const item of [one, items.find((i) => i.id === shared.parts.teamItem)!]) {
        expect(item.fields).toHaveProperty('strengths');
        expect(NOTES.filter((f) => f in item.fields)).toEqual(sees ? NOTES : []);
        expect([...item.hiddenFields].sort()).toEqual(sees ? [] : NOTES);
      }
      expect(sharedOffers.get(role)!.handover.includes('readSensitive')).toBe(sees);
    });

    // Before the calls below add newer handovers: the list then finds it on page one.
    it.each(ROLES)('lists the handover to %s exactly when they may read it', async (role) => {
      const listed = await findListed(cast[role], shared.id);

      if (role === 'outsider') return expect(listed).toBeUndefined();
      expect(listed?.actions).toEqual(sharedOffers.get(role)!.handover);
    });

    // A draft has no questions yet: routes on one are tried once started.
    const cases = ROUTES.filter((r) => state === 'active' || dependsOnState(r))
      .filter((r) => state !== 'draft' || !STARTED_PARTS.some((p) => r.call.includes(`{${p}}`)))
      .flatMap((r) => ROLES.map((role) => {
        const expected = outcome(r, role, state);
        const name = `${role} ${expected === 'ok' ? 'may' : 'may not'} ${r.does}`
          + ` (${expected === 'ok' ? '2xx' : expected})`;
        return { name, rule: r, role, expected };
      }));

    const run = async ({ rule: r, role, expected }: (typeof cases)[number]) => {
      // A change the table allows (or the server may wrongly allow) gets a
      // handover of its own; reads and refusals leave the shared one alone.
      const changes = !r.call.startsWith('GET ') && r.when.includes(state);
      const own = changes && expected === 'ok';
      const fixture = own ? await policyFixture(cast, state, partsOf(r, role),
        { completable: r.completable }) : shared;
      if (role !== 'outsider') {
        const offer = own ? await offerTo(cast[role], fixture) : sharedOffers.get(role)!;
        expect(offers(offer, r, fixture)).toBe(expected === 'ok');
      }
      const before = await footprint(fixture.id);

      const { method, path } = request(r, fixture);
      const { status } = await send(cast[role], method, path, r.body);

      expect(answered(status)).toBe(expected);
      if (expected !== 'ok') expect(await footprint(fixture.id)).toEqual(before);
    };

    it.each(cases)('$name', run);

    if (state === 'active') {
      // Offering a button that always 409s would be a lie to the H5.
      it('offers complete only once it may be done', async () => {
        const done = await send(cast.hr, 'POST', `/api/handovers/${shared.id}/complete`, {});
        expect(done.status).toBe(409);
        expect(sharedOffers.get('hr')!.handover).not.toContain('complete');
        expect(sharedOffers.get('manager')!.handover).not.toContain('complete');
      });
    }
  });

  describe('outside any one handover', () => {
    it.each(ROLES)('tells %s whether they are HR', async (role) => {
      const me = await must<{ isHr: boolean }>(cast[role], 'GET', '/api/me');
      expect(me.isHr).toBe(role === 'hr');
    });

    it.each(ROLES)('lets %s prepare a handover only if HR', async (role) => {
      const before = await server.services.db.getRepository(Handover).count();

      const created = await send(cast[role], 'POST', '/api/handovers',
        await handoverRequest(cast.hr));

      expect(answered(created.status)).toBe(role === 'hr' ? 'ok' : 403);
      const after = await server.services.db.getRepository(Handover).count();
      expect(after - before).toBe(role === 'hr' ? 1 : 0);
    });
  });

  describe('one person in two roles', () => {
    /** An active handover to which HR tries to add `userid` as its manager too. */
    const withManager = async (userid: string) => {
      const handover = await activeHandover(cast.hr);
      const base = `/api/handovers/${handover.id}`;
      await send(cast.hr, 'POST', `${base}/participants`, { userid, role: 'manager' });
      const signOff = handover.milestones.find((m) => m.signers)!;
      return { base, sign: `${base}/milestones/${signOff.id}/sign` };
    };

    // Were they their own manager, they could sign off and complete it.
    it('never lets the departing executive sign or complete',
      async () => {
        const { base, sign } = await withManager('zhangwei');

        expect((await send(cast.departing, 'POST', sign, {})).status).toBe(403);
        expect((await send(cast.departing, 'POST', `${base}/complete`, {})).status).toBe(403);
      });

    // Three signatures must mean three people.
    it('takes one signature per person on the sign-off', async () => {
      const { sign } = await withManager('lina');

      const signed = await must<HandoverDetail>(cast.successor, 'POST', sign, {});

      expect(signed.milestones.find((m) => m.signers)!.signatures).toHaveLength(1);
    });
  });
});

describe('the departing executive once the handover has closed', () => {
  const DAY = 86_400_000;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let cast: Cast;

  /** A handover closed now, so the read window starts now. */
  const closedHandover = async () => {
    const fixture = await policyFixture(cast, 'completed');
    await must(cast.hr, 'POST', `/api/handovers/${fixture.id}/close`, {});
    return fixture;
  };

  beforeAll(async () => {
    server = await startTestServer('policy-window', { DEPARTING_READ_DAYS: '1' });
    cast = await loginCast(server.url);
  });
  afterAll(async () => {
    await server.services.outbox.kick();
    await server.close();
  });

  it('may read it during DEPARTING_READ_DAYS but change nothing', async () => {
    const closed = await closedHandover();
    const base = `/api/handovers/${closed.id}`;
    const before = await handoverFootprint(server, closed.id);

    // Of everything in the table, only the reads are left to them.
    const offer = await offerTo(cast.departing, closed);
    for (const r of ROUTES.filter((x) => x.who.includes('departing'))) {
      expect(`${r.does}: ${offers(offer, r, closed)}`)
        .toBe(`${r.does}: ${r.call.startsWith('GET ')}`);
    }
    expect(await findListed(cast.departing, closed.id)).toBeDefined();
    expect((await send(cast.departing, 'GET', `${base}/timeline`)).status).toBe(200);
    const team = await must<ItemView>(cast.departing, 'GET',
      `${base}/items/${closed.parts.teamItem}`);
    expect([...team.hiddenFields].sort()).toEqual(NOTES);

    // Their role still writes; a closed handover lets nobody: 409, not 403.
    const edit = await send(cast.departing, 'PATCH', `${base}/items/${closed.parts.draftItem}`,
      { title: '离职后改的标题' });
    expect(edit.status).toBe(409);
    expect(await handoverFootprint(server, closed.id)).toEqual(before);
  });

  it('gets 404 on every handover route once the window has passed', async () => {
    const closed = await closedHandover();
    const before = await handoverFootprint(server, closed.id);

    server.clock.advance(DAY + 60_000);

    for (const r of ROUTES) {
      const { method, path } = request(r, closed);
      const { status } = await send(cast.departing, method, path, r.body);
      expect(`${r.does}: ${status}`).toBe(`${r.does}: 404`);
    }
    expect(await findListed(cast.departing, closed.id)).toBeUndefined();
    for (const role of ['successor', 'hr', 'manager', 'stakeholder'] as const) {
      expect((await send(cast[role], 'GET', `/api/handovers/${closed.id}`)).status).toBe(200);
    }
    expect(await handoverFootprint(server, closed.id)).toEqual(before);
  });
});
