import type {
  HandoverDetail, ItemView, TemplateDefinition, TemplateView,
} from '@baton/shared';
import { RunningServer } from '../server/src/server';
import { Browser, loginAs, startTestServer } from './support/server';

/**
 * HR adapts templates without disturbing running handovers, and
 * cancelling a handover keeps everything that was written.
 */
describe('templates and cancellation', () => {
  let server: RunningServer;
  let hr: Browser;
  let lina: Browser;

  const templates = async (as: Browser, query = '') =>
    (await as.json<{ items: TemplateView[] }>(`/api/templates${query}`)).body.items;
  const prepare = (templateId: string) => hr.post<HandoverDetail>('/api/handovers', {
    templateId, departingUserid: 'zhaolei', successorUserid: 'lina',
    lastWorkingDay: '2027-03-31',
  });

  beforeAll(async () => {
    server = await startTestServer('templates');
    hr = (await loginAs(server.url, 'wangfang')).browser;
    lina = (await loginAs(server.url, 'lina')).browser;
  });
  afterAll(() => server.close());

  it('ships the six role templates, which nobody may edit in place', async () => {
    const builtins = await templates(lina);
    expect(builtins.map((t) => t.name).sort()).toEqual(
      ['市场总监', '生产总监', '财务总监', '运营总监', '通用管理岗', '销售总监'].sort());
    const production = builtins.find((t) => t.key === 'production_director')!;
    expect(production.actions).toEqual([]);
    expect((await hr.fetch(`/api/templates/${production.id}`, {
      method: 'PUT', body: JSON.stringify({ definition: production.definition }),
    })).status).toBe(403);
  });

  it('a clone is edited as new versions; a handover keeps the version it began with', async () => {
    const production = (await templates(hr)).find((t) => t.key === 'production_director')!;
    const clone = (await hr.post<TemplateView>(`/api/templates/${production.id}/clone`,
      { name: '生产总监（华东工厂）' })).body;
    expect(clone).toMatchObject({ builtin: false, version: 1, basedOn: production.id,
      name: '生产总监（华东工厂）' });
    expect((await lina.post(`/api/templates/${clone.id}/clone`, {})).status).toBe(403);

    const before = (await prepare(clone.id)).body;
    expect(before.template).toMatchObject({ id: clone.id, version: 1 });

    const definition: TemplateDefinition = {
      ...clone.definition,
      sections: clone.definition.sections.map((s) => s.key !== 'risks' ? s : {
        ...s, prompts: [...s.prompts, { key: 'ehs_permit', kind: 'contract',
          title: '环评与排污许可', required: true, hint: '到期日与年检安排' }],
      }),
    };
    const edited = await hr.fetch(`/api/templates/${clone.id}`, {
      method: 'PUT', body: JSON.stringify({ definition }),
    });
    expect(edited.status).toBe(200);
    expect(((await edited.json()) as TemplateView).version).toBe(2);

    const after = (await prepare(clone.id)).body;
    expect(after.template).toMatchObject({ version: 2 });
    const titles = async (id: string) => (await hr.json<{ items: ItemView[] }>(
      `/api/handovers/${id}/items`)).body.items.map((i) => i.title);
    expect(await titles(after.id)).toContain('环评与排污许可');
    expect(await titles(before.id)).not.toContain('环评与排污许可');
  });

  it('refuses an edit that breaks the template, naming where', async () => {
    const clone = (await templates(hr)).find((t) => !t.builtin)!;
    const broken = { ...clone.definition, milestones: [] };
    const response = await hr.json<{ error: { field: string } }>(
      `/api/templates/${clone.id}`,
      { method: 'PUT', body: JSON.stringify({ definition: broken }) });
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('definition.milestones');

    // Without its sign-off a handover could complete with nobody signing.
    const unsigned = { ...clone.definition,
      milestones: clone.definition.milestones.filter((m) => m.rule !== 'signed_off') };
    const refused = await hr.json<{ error: { field: string } }>(
      `/api/templates/${clone.id}`,
      { method: 'PUT', body: JSON.stringify({ definition: unsigned }) });
    expect([refused.status, refused.body.error.field]).toEqual([400, 'definition.milestones']);
    expect((await templates(hr)).find((t) => t.id === clone.id)!.version)
      .toBe(clone.version);
  });

  it('a retired template starts nothing new and hides from the list', async () => {
    const clone = (await templates(hr)).find((t) => !t.builtin)!;
    expect((await hr.post(`/api/templates/${clone.id}/retire`, {})).status).toBe(200);
    expect((await templates(hr)).some((t) => t.id === clone.id)).toBe(false);
    expect((await templates(hr, '?include=retired')).some((t) => t.id === clone.id)).toBe(true);
    const refused = await prepare(clone.id);
    expect(refused.status).toBe(400);
    expect((refused.body as unknown as { error: { field: string } }).error.field)
      .toBe('templateId');
    expect((await hr.post(`/api/templates/${clone.id}/retire`, {})).status).toBe(409);
  });

  it('cancelling keeps every item and milestone, marked with the reason', async () => {
    const general = (await templates(hr)).find((t) => t.key === 'general_manager')!;
    const handover = (await prepare(general.id)).body;
    await hr.post(`/api/handovers/${handover.id}/start`, {});
    const [item] = (await hr.json<{ items: ItemView[] }>(
      `/api/handovers/${handover.id}/items`)).body.items;
    const zhaolei = (await loginAs(server.url, 'zhaolei')).browser;
    await zhaolei.json(`/api/handovers/${handover.id}/items/${item.id}`, {
      method: 'PATCH', body: JSON.stringify({ fields: { goal: '新产线投产' } }),
    });

    expect((await hr.post(`/api/handovers/${handover.id}/cancel`, {})).status).toBe(400);
    const cancelled = await hr.post<HandoverDetail>(`/api/handovers/${handover.id}/cancel`,
      { reason: '员工撤回离职申请' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '员工撤回离职申请' });
    expect(cancelled.body.milestones).toHaveLength(handover.milestones.length);
    const kept = (await hr.json<ItemView>(
      `/api/handovers/${handover.id}/items/${item.id}`)).body;
    expect(kept.fields).toEqual({ goal: '新产线投产' });
    expect(kept.actions).toEqual([]);
  });
});
