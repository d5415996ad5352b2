import { EmulatorError } from './errors';
import { makeEmulator, textMessage } from './test-support';

describe('fault injection', () => {
  it('fails the next count calls of an endpoint with the errcode, then recovers', async () => {
    const { emulator, post } = makeEmulator();
    emulator.addFault({ endpoint: 'message/send', count: 2, errcode: -1 });

    const results = [];
    for (let i = 0; i < 3; i += 1) {
      results.push((await post('message/send', textMessage('lina'))).errcode);
    }
    expect(results).toEqual([-1, -1, 0]);
    expect(emulator.inbox('lina')).toHaveLength(1);
    expect(emulator.faults().queued).toEqual([]);
  });

  it('answers an HTTP status with a text body', async () => {
    const { emulator, http, token } = makeEmulator();
    const accessToken = await token();
    emulator.addFault({ endpoint: 'user/get', count: 1, httpStatus: 502 });

    const res = await http.get('/cgi-bin/user/get')
      .query({ access_token: accessToken, userid: 'lina' });
    expect(res.status).toBe(502);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toBe('502 Bad Gateway');
  });

  it('delays and then answers normally when only delayMs is given', async () => {
    const { emulator, post } = makeEmulator();
    emulator.addFault({ endpoint: 'message/send', count: 1, delayMs: 150 });
    const started = Date.now();
    const res = await post('message/send', textMessage('lina'));
    expect(res.errcode).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('applies a * fault to any endpoint, gettoken included', async () => {
    const { emulator, http } = makeEmulator();
    emulator.addFault({ endpoint: '*', count: 1, errcode: 45009 });
    const res = await http.get('/cgi-bin/gettoken').query({ corpid: 'x' });
    expect(res.body.errcode).toBe(45009);
  });

  it('fails at random with the given rate and injected random source', async () => {
    const draws = [0.1, 0.99, 0.9, 0.5];
    const { emulator, post } = makeEmulator({
      random: () => draws.shift() ?? 0.99,
    });
    emulator.setFaultRate({
      rate: 0.3, errcodes: [-1, 45009], endpoints: ['message/send'],
    });

    // draws: 0.1 < 0.3 fails, 0.99 picks the second errcode; 0.9 passes.
    const first = await post('message/send', textMessage('lina'));
    const second = await post('message/send', textMessage('lina'));
    expect(first.errcode).toBe(45009);
    expect(second.errcode).toBe(0);
  });

  it('clears queued and random faults', async () => {
    const { emulator, post } = makeEmulator({ random: () => 0 });
    emulator.addFault({ endpoint: 'message/send', count: 5, errcode: -1 });
    emulator.setFaultRate({ rate: 1, httpStatuses: [500] });
    emulator.clearFaults();
    expect((await post('message/send', textMessage('lina'))).errcode).toBe(0);
    expect(emulator.faults()).toEqual({ queued: [], rate: null });
  });

  it('logs every call with its errcode and counts calls per endpoint', async () => {
    const { emulator, post } = makeEmulator();
    emulator.addFault({ endpoint: 'message/send', count: 1, errcode: 40014 });
    await post('message/send', textMessage('lina'));
    await post('message/send', textMessage('lina'));

    const sends = emulator.callLog().filter((c) => c.endpoint === 'message/send');
    expect(sends.map((c) => [c.errcode, c.fault])).toEqual([
      [40014, true], [0, false],
    ]);
    expect(emulator.callCounts()).toEqual({ gettoken: 2, 'message/send': 2 });
  });

  it('refuses a fault without errcode, status or delay', () => {
    const { emulator } = makeEmulator();
    expect(() => emulator.addFault({ endpoint: 'message/send', count: 1 }))
      .toThrow(EmulatorError);
    expect(() => emulator.addFault({
      endpoint: 'message/send', count: 0, errcode: -1,
    })).toThrow(EmulatorError);
  });
});
