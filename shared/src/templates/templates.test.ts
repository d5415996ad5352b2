import { SECTIONS } from '../items';
import { TemplateDefinition, type TemplateMilestone } from '../templates';
import { BUILTIN_TEMPLATES, MIN_LEAD_BUSINESS_DAYS } from './index';

/** Business days after the start at which a milestone falls due. */
function dueDay(m: TemplateMilestone, lead: number): number {
  return m.due.from === 'start'
    ? m.due.businessDays : lead + m.due.businessDays;
}

const cases = BUILTIN_TEMPLATES.map((t) => [t.key, t.definition] as const);

describe('built-in templates', () => {
  it('are the six roles, each under a unique key, at version 1', () => {
    const keys = BUILTIN_TEMPLATES.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(BUILTIN_TEMPLATES.map((t) => [t.key, t.definition.name, t.version]))
      .toEqual([
        ['sales_director', '销售总监', 1],
        ['finance_director', '财务总监', 1],
        ['production_director', '生产总监', 1],
        ['operations_director', '运营总监', 1],
        ['marketing_director', '市场总监', 1],
        ['general_manager', '通用管理岗', 1],
      ]);
  });

  it.each(cases)('%s parses as a TemplateDefinition', (_key, definition) => {
    const result = TemplateDefinition.safeParse(definition);
    expect(result.error?.issues ?? []).toEqual([]);
    expect(result.data).toEqual(definition);
  });

  it.each(cases)('%s has every section, each with prompts', (_key, t) => {
    expect(t.sections.map((s) => s.key)).toEqual([...SECTIONS]);
    expect(t.sections.filter((s) => s.prompts.length === 0).map((s) => s.key))
      .toEqual([]);
  });

  it.each(cases)('%s has 8 to 16 prompts, each with a distinct title and '
    + 'a hint', (_key, t) => {
    const prompts = t.sections.flatMap((s) => s.prompts);
    expect(prompts.length).toBeGreaterThanOrEqual(8);
    expect(prompts.length).toBeLessThanOrEqual(16);
    const titles = prompts.map((p) => p.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(prompts.filter((p) => !p.hint?.trim()).map((p) => p.key))
      .toEqual([]);
  });

  it.each(cases)('%s requires a project, a team member, a document and a '
    + 'system access', (_key, t) => {
    const required = new Set<string>(t.sections.flatMap((s) => s.prompts)
      .filter((p) => p.required).map((p) => p.kind));
    expect(['project', 'team_member', 'document', 'system_access']
      .filter((kind) => !required.has(kind))).toEqual([]);
  });

  it.each(cases)('%s ends with a sign-off by successor, manager and HR, on '
    + 'or after the last day', (_key, t) => {
    const last = t.milestones[t.milestones.length - 1];
    expect(last).toMatchObject({
      key: 'signoff', title: '三方签字确认', ownerRole: 'hr',
      rule: 'signed_off', due: { from: 'last_day' },
    });
    expect(last.due.businessDays).toBeGreaterThanOrEqual(0);
    expect([...(last.signers ?? [])].sort())
      .toEqual(['hr', 'manager', 'successor']);
    expect(t.milestones.filter((m) => m.rule === 'signed_off')).toHaveLength(1);
  });

  it.each(cases)('%s has the documents, team meeting and access milestones',
    (_key, t) => {
      const byKey = new Map(t.milestones.map((m) => [m.key, m]));
      expect(byKey.get('documents')).toMatchObject({ title: '完成文件交接',
        ownerRole: 'departing', rule: 'documents_acknowledged' });
      expect(byKey.get('team_meeting'))
        .toMatchObject({ title: '召开团队交接会', ownerRole: 'manager' });
      expect(byKey.get('access')).toMatchObject({ title: '完成权限转移',
        ownerRole: 'hr', rule: 'access_acknowledged' });
    });

  it.each(cases)('%s meets clients within 3 business days exactly when it '
    + 'has clients', (_key, t) => {
    const hasClients = t.sections.some((s) =>
      s.prompts.some((p) => p.kind === 'client'));
    const clients = t.milestones.filter((m) => m.rule === 'clients_acknowledged');
    expect(clients).toEqual(hasClients ? [{
      key: 'clients', title: '完成客户对接', ownerRole: 'departing',
      due: { from: 'start', businessDays: 3 }, rule: 'clients_acknowledged',
    }] : []);
  });

  it.each(cases)('%s gives each acknowledgement rule prompts to wait for',
    (_key, t) => {
      const sectionOf = {
        documents_acknowledged: 'documents_assets',
        team_acknowledged: 'team',
        access_acknowledged: 'system_access',
      } as const;
      const waiting = t.milestones.filter((m) => m.rule && m.rule in sectionOf);
      expect(waiting.length).toBeGreaterThanOrEqual(3);
      const empty = waiting.filter((m) => {
        const section = sectionOf[m.rule as keyof typeof sectionOf];
        return !t.sections.find((s) => s.key === section)?.prompts.length;
      });
      expect(empty.map((m) => m.key)).toEqual([]);
    });

  it.each(cases)('%s is owned by people every handover has', (_key, t) => {
    const owners = new Set(t.milestones.map((m) => m.ownerRole));
    expect([...owners].filter((r) =>
      !['departing', 'successor', 'hr', 'manager'].includes(r))).toEqual([]);
  });

  it.each(cases)('%s falls due in the order it is listed', (_key, t) => {
    // Nothing but the sign-off falls after the last day.
    const late = t.milestones.slice(0, -1).filter((m) => m.due.from === 'start'
      ? m.due.businessDays < 0 || m.due.businessDays > MIN_LEAD_BUSINESS_DAYS
      : m.due.businessDays > 0);
    expect(late.map((m) => m.key)).toEqual([]);
    for (let lead = MIN_LEAD_BUSINESS_DAYS; lead <= 60; lead += 1) {
      const days = t.milestones.map((m) => dueDay(m, lead));
      const sorted = [...days].sort((a, b) => a - b);
      expect([lead, days]).toEqual([lead, sorted]);
      expect(days[days.length - 1]).toBeGreaterThan(days[days.length - 2]);
    }
  });
});
