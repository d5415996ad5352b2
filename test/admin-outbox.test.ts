import { loginAs, startTestServer } from './support/server';

interface Row {
  id: string; kind: string; status: string; attempts: number; lastError: string | null;
}

/** Operators see WeCom calls that failed and send one again. */
describe('outbox admin', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    server = await startTestServer('admin-outbox', { ADMIN_USERIDS: 'liuyang' });
  });
  afterAll(() => server.close());

  it('lists a failed call with its error, and retries it once WeCom is fine', async () => {
    const { browser: hr } = await loginAs(server.url, 'wangfang');
    const { browser: admin } = await loginAs(server.url, 'liuyang');
    const templates = (await hr.json<{ items: { id: string }[] }>('/api/templates')).body.items;
    const draft = await hr.post<{ id: string }>('/api/handovers', {
      templateId: templates[0].id, departingUserid: 'zhangwei', successorUserid: 'lina',
      lastWorkingDay: '2027-03-31',
    });
    // WeCom refuses the group for good (86006 is not retryable).
    server.services.emulator!.addFault({ endpoint: 'appchat/create', count: 1, errcode: 86006 });
    await hr.post(`/api/handovers/${draft.body.id}/start`, {});
    await server.services.outbox.kick();

    const failed = (await admin.json<{ items: Row[] }>('/api/admin/outbox?status=failed'))
      .body.items;
    expect(failed).toEqual([expect.objectContaining({
      kind: 'appchat.create', status: 'failed', lastError: expect.stringContaining('86006'),
    })]);
    expect(JSON.stringify(failed)).not.toContain('payload');
    // The welcome waits for its group rather than failing with it.
    const stuck = (await admin.json<{ items: Row[] }>('/api/admin/outbox?status=stuck'))
      .body.items;
    expect(stuck).toEqual(expect.arrayContaining([expect.objectContaining({
      kind: 'appchat.send', status: 'pending' })]));

    const retried = await admin.post<Row>(`/api/admin/outbox/${failed[0].id}/retry`, {});
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('sent');
    server.clock.advance(10 * 60_000);
    await server.services.outbox.kick();
    const [chat] = server.services.emulator!.chats();
    expect(chat.messages[0].msgtype).toBe('textcard');
    expect((await admin.post(`/api/admin/outbox/${failed[0].id}/retry`, {})).status).toBe(409);
  });

  it('is for operators only, and names a bad filter', async () => {
    const { browser: hr } = await loginAs(server.url, 'wangfang');
    expect((await hr.json('/api/admin/outbox')).status).toBe(403);
    const { browser: admin } = await loginAs(server.url, 'liuyang');
    const bad = await admin.json<{ error: { field: string } }>('/api/admin/outbox?status=lost');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('status');
    expect((await admin.post('/api/admin/outbox/999999/retry', {})).status).toBe(404);
  });
});
