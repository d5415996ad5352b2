import { ConfigError, loadEnv, SANDBOX_WECOM } from './env';

describe('loadEnv', () => {
  it('runs the sandbox on SQLite with no configuration', () => {
    const env = loadEnv({});
    expect(env.mode).toBe('sandbox');
    expect(env.databaseUrl).toBe('sqlite:data/baton.sqlite');
    expect(env.wecom.corpId).toBe(SANDBOX_WECOM.corpId);
    expect(env.wecom.apiBase).toBe('http://127.0.0.1:3000/sandbox/wecom');
    expect(env.wecom.oauthBase).toBe('http://localhost:3000/sandbox/wecom');
    expect(env.wecom.callbackMaxAgeS).toBe(600);
  });

  it('goes live when a corp id is set, and then requires the secrets', () => {
    expect(() => loadEnv({ WECOM_CORP_ID: 'ww123' }))
      .toThrow('WECOM_AGENT_ID: required when WECOM_MODE is live');
  });

  it('lets an explicit WECOM_MODE win, and uses the given values in sandbox', () => {
    const env = loadEnv({
      WECOM_MODE: 'sandbox',
      WECOM_CORP_ID: 'wx5823bf96d3bd56c7',
      WECOM_TOKEN: 'QDG6eK',
      WECOM_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
      WECOM_CALLBACK_MAX_AGE_S: '0',
    });
    expect(env.mode).toBe('sandbox');
    expect(env.wecom.corpId).toBe('wx5823bf96d3bd56c7');
    expect(env.wecom.token).toBe('QDG6eK');
    expect(env.wecom.callbackMaxAgeS).toBe(0);
  });

  it.each([
    ['PORT', 'abc'],
    ['DATABASE_URL', 'postgres://x'],
    ['WECOM_AES_KEY', 'short'],
    ['WECOM_CALLBACK_MAX_AGE_S', '-1'],
    ['TZ_BUSINESS', 'Mars/Base'],
    ['PUBLIC_URL', 'not a url'],
  ])('names %s when its value is bad', (name, value) => {
    expect(() => loadEnv({ [name]: value })).toThrow(ConfigError);
    expect(() => loadEnv({ [name]: value })).toThrow(new RegExp(`^${name}: `));
  });
});
