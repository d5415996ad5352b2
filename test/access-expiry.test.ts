import type { HandoverDetail } from '@baton/shared';
import { Handover } from '../server/src/entities';
import { expireDepartingSessions } from '../server/src/services/access-expiry';
import { loginAs, startTestServer } from './support/server';

const DAY = 86_400_000;

/**
 * After a handover closes, the departing executive keeps read access for
 * DEPARTING_READ_DAYS; then they lose it, and their sessions end.
 */
describe('the departing executive after close', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    server = await startTestServer('access-expiry', { DEPARTING_READ_DAYS: '3' },
      { seed: true });
  });
  afterAll(() => server.close());

  const expire = () => expireDepartingSessions(server.services.db, server.services.clock,
    3, server.services.logger);

  it('reads until the window ends, then gets 404 and loses the session', async () => {
    const { browser: zhangwei } = await loginAs(server.url, 'zhangwei');
    const { browser: lina } = await loginAs(server.url, 'lina');
    const [{ id }] = (await zhangwei.json<{ items: HandoverDetail[] }>('/api/handovers'))
      .body.items;
    // Closed a day ago (the lifecycle test walks there through the API).
    await server.services.db.getRepository(Handover).update({ id: Number(id) },
      { status: 'closed', closedAt: new Date(server.clock.now() - DAY) });

    expect((await zhangwei.json(`/api/handovers/${id}`)).status).toBe(200);
    expect(await expire()).toBe(0);

    server.clock.advance(3 * DAY);
    expect((await zhangwei.json(`/api/handovers/${id}`)).status).toBe(404);
    expect((await zhangwei.json<{ items: unknown[] }>('/api/handovers')).body.items)
      .toEqual([]);
    expect((await lina.json(`/api/handovers/${id}`)).status).toBe(200);

    expect(await expire()).toBeGreaterThan(0);
    expect((await zhangwei.json('/api/me')).status).toBe(401);
    expect((await lina.json('/api/me')).status).toBe(200);
    expect(await expire()).toBe(0); // nothing left to end
  });
});
