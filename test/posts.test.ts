import type { HandoverDetail, ProgressPostResponse } from '@baton/shared';
import { RunningServer } from '../server/src/server';
import { loginAs, startTestServer } from './support/server';

describe('HR progress posts to the group', () => {
  let server: RunningServer;
  let id: string;

  beforeAll(async () => {
    server = await startTestServer('posts', {}, { seed: true });
    await server.services.outbox.kick();
  });
  afterAll(() => server.close());

  it('puts HR\'s text, the progress and what is left in the group', async () => {
    const { browser: hr } = await loginAs(server.url, 'wangfang');
    const [handover] = (await hr.json<{ items: HandoverDetail[] }>('/api/handovers'))
      .body.items;
    id = handover.id;
    const posted = await hr.post<ProgressPostResponse>(`/api/handovers/${id}/posts`,
      { text: '客户对接本周完成，请李娜跟进华信机械的订单。' });
    expect(posted.status).toBe(201);
    await server.services.outbox.kick();

    const detail = (await hr.json<HandoverDetail>(`/api/handovers/${id}`)).body;
    const chat = server.services.emulator!.chat(detail.chatId!)!;
    const last = chat.messages[chat.messages.length - 1];
    expect(last.body).toMatchObject({ msgtype: 'markdown' });
    const content = (last.body as { markdown: { content: string } }).markdown.content;
    expect(content).toBe(posted.body.content);
    expect(content).toContain('> 客户对接本周完成，请李娜跟进华信机械的订单。');
    expect(content).toContain(`已完成 ${detail.progress.percent}%，剩余 ${detail.progress.remaining} 项`);
    expect(content).toContain(`待完成：${detail.milestones[0].title}`);
    expect(content).toContain('—— 王芳');
  });

  it('is HR\'s to post: others get 403, and nothing reaches the group', async () => {
    const chatBefore = server.services.emulator!.chats()[0].messages.length;
    const { browser: lina } = await loginAs(server.url, 'lina');
    expect((await lina.post(`/api/handovers/${id}/posts`, { text: '你好' })).status)
      .toBe(403);
    const { browser: outsider } = await loginAs(server.url, 'chenjing');
    expect((await outsider.post(`/api/handovers/${id}/posts`, { text: '你好' })).status)
      .toBe(404);
    await server.services.outbox.kick();
    expect(server.services.emulator!.chats()[0].messages.length).toBe(chatBefore);
  });

  it('refuses an empty or overlong text, naming it', async () => {
    const { browser: hr } = await loginAs(server.url, 'wangfang');
    for (const text of ['   ', '长'.repeat(501)]) {
      const response = await hr.post<{ error: { field: string } }>(
        `/api/handovers/${id}/posts`, { text });
      expect(response.status).toBe(400);
      expect(response.body.error.field).toBe('text');
    }
  });
});
