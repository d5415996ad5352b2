import type { TemplateDefinition, TemplateView } from '@baton/shared';
import { RunningServer } from '../server/src/server';
import { type Cast, loginCast, must, type Role, ROLES, send } from './support/cast';
import { templateIdOf } from './support/handover-factory';
import { startTestServer } from './support/server';

/**
 * Who may do what to role templates, from the README's table: everyone
 * reads them; HR clones any, edits its copies (never a built-in) and
 * retires them. Not being HR is a 403; a retired template refuses change
 * with 409. `actions` must list exactly what is allowed.
 */

/** The templates a call can name: `{builtin}`, `{copy}`, `{retired}`, `{spare}`. */
type TemplatePart = 'builtin' | 'copy' | 'retired' | 'spare';
type Templates = Record<TemplatePart, string>;

interface TemplateRule {
  does: string;
  /** Method and path under /api/templates. */
  call: string;
  /** Who may; everyone else gets 403. */
  who: readonly Role[];
  /** The template's status forbids it: the roles in `who` get 409. */
  conflict?: boolean;
  /** Where `actions` says so: `{copy}:update`. */
  action?: string;
  /** Whether an allowed call changes the template it names. */
  changes?: boolean;
  body?: () => unknown;
}

const EVERYONE = ROLES;
const HR: Role[] = ['hr'];
let salesDefinition: TemplateDefinition;
const edited = () => ({ definition: { ...salesDefinition, description: '华东区试行版' } });

const TEMPLATE_ROUTES: TemplateRule[] = [
  { does: 'list the templates', call: 'GET /', who: EVERYONE },
  { does: 'read a built-in template', call: 'GET /{builtin}', who: EVERYONE },
  { does: 'read a retired copy', call: 'GET /{retired}', who: EVERYONE },
  { does: 'clone a built-in template', call: 'POST /{builtin}/clone', who: HR,
    action: '{builtin}:clone', body: () => ({ name: '销售总监（华东）' }) },
  { does: 'clone a retired copy', call: 'POST /{retired}/clone', who: HR,
    action: '{retired}:clone' },
  { does: 'edit a built-in template', call: 'PUT /{builtin}', who: [],
    action: '{builtin}:update', body: edited },
  { does: 'edit a copy', call: 'PUT /{copy}', who: HR, action: '{copy}:update',
    changes: true, body: edited },
  { does: 'edit a retired copy', call: 'PUT /{retired}', who: HR, conflict: true,
    action: '{retired}:update', body: edited },
  { does: 'retire a copy', call: 'POST /{copy}/retire', who: HR, action: '{copy}:retire',
    changes: true },
  { does: 'retire a retired copy', call: 'POST /{retired}/retire', who: HR, conflict: true,
    action: '{retired}:retire' },
  // Irreversible, so on a built-in no other test in this file uses.
  { does: 'retire a built-in template', call: 'POST /{spare}/retire', who: HR,
    action: '{spare}:retire' },
];

function outcome(r: TemplateRule, role: Role): 'ok' | 403 | 409 {
  if (!r.who.includes(role)) return 403;
  return r.conflict ? 409 : 'ok';
}

describe('who may do what to a role template', () => {
  let server: RunningServer;
  let cast: Cast;
  let shared: Templates;

  /** A fresh copy of the 销售总监 template, retired if asked. */
  const copy = async (retired = false) => {
    const made = await must<TemplateView>(cast.hr, 'POST',
      `/api/templates/${shared.builtin}/clone`, {});
    if (retired) await must(cast.hr, 'POST', `/api/templates/${made.id}/retire`, {});
    return made.id;
  };
  const read = (id: string) => must<TemplateView>(cast.hr, 'GET', `/api/templates/${id}`);

  beforeAll(async () => {
    server = await startTestServer('template-policy');
    cast = await loginCast(server.url);
    const builtin = await templateIdOf(cast.hr, 'sales_director');
    shared = { builtin, spare: await templateIdOf(cast.hr, 'marketing_director'),
      copy: '', retired: '' };
    shared.copy = await copy();
    shared.retired = await copy(true);
    salesDefinition = (await read(builtin)).definition;
  });
  afterAll(() => server.close());

  const cases = TEMPLATE_ROUTES.flatMap((r) => ROLES.map((role) => {
    const expected = outcome(r, role);
    const name = `${role} ${expected === 'ok' ? 'may' : 'may not'} ${r.does}`
      + ` (${expected === 'ok' ? '2xx' : expected})`;
    return { name, rule: r, role, expected };
  }));

  it.each(cases)('$name', async ({ rule: r, role, expected }) => {
    // An allowed change gets a copy of its own; refusals leave the shared ones.
    const parts = r.changes && expected === 'ok' ? { ...shared, copy: await copy() } : shared;
    const [method, tail] = r.call.split(' ');
    const named = /\{(\w+)\}/.exec(tail)?.[1] as TemplatePart | undefined;
    const path = `/api/templates${named ? tail.replace(`{${named}}`, parts[named]) : ''}`;
    if (r.action) {
      const seen = await must<TemplateView>(cast[role], 'GET', `/api/templates/${parts[named!]}`);
      expect(seen.actions.includes(r.action.split(':')[1])).toBe(expected === 'ok');
    }
    const before = named && await read(parts[named]);

    const { status } = await send(cast[role], method, path, r.body?.());

    expect(status >= 200 && status < 300 ? 'ok' : status).toBe(expected);
    if (named && expected !== 'ok') expect(await read(parts[named])).toEqual(before);
  });
});
