import { Employee } from '../../server/src/entities';
import type { XmlFields } from '../../server/src/sandbox/emulator';
import { startTestServer } from './server';

/** A test server as startTestServer returns it. */
export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** An approval template the event tests configure (not the sandbox's). */
export const TEST_APPROVAL = {
  templateId: '3TkZjxJdBeqDwPbBkbTESTRESIGN', lastDayControl: 'Date-1764400000001',
  successorControl: '工作交接人', hrUserid: 'wangfang',
};

/**
 * What event tests do to a server: deliver callbacks through the
 * emulator, run the work they leave, and read the results.
 */
export function eventDriver(server: () => TestServer) {
  const emulator = () => server().services.emulator!;
  const send = (fields: XmlFields) => emulator().sendCallback(fields);
  return {
    db: () => server().services.db,
    send,
    /** A change_contact event from `sys` with these fields. */
    contact: (fields: XmlFields) => send({
      FromUserName: 'sys', MsgType: 'event', Event: 'change_contact', ...fields,
    }),
    employee: (userid: string) =>
      server().services.db.getRepository(Employee).findOneBy({ userid }),
    /** Runs the work callbacks left, then sends what it queued. */
    settle: async () => {
      await server().services.callbackTasks.kick();
      await server().services.outbox.kick();
    },
    /** Text app messages `userid` got, oldest first. */
    texts: (userid: string) => emulator().inbox(userid)
      .filter((m) => m.msgtype === 'text')
      .map((m) => (m.body.text as { content: string }).content),
    /** Moves time a second: a fresh CreateTime, as separate deliveries have. */
    later: () => server().clock.advance(1000),
  };
}
