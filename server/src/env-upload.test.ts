import { loadEnv } from './env';

describe('upload configuration', () => {
  it('defaults to 500 MB of office documents, PDF, pictures and archives', () => {
    const env = loadEnv({});
    expect(env.uploadMaxBytes).toBe(524_288_000);
    expect(env.uploadTypes).toEqual(expect.arrayContaining(
      ['application/pdf', 'application/zip', 'image/png']));
  });

  it('reads UPLOAD_MAX_BYTES and UPLOAD_TYPES, wildcards included', () => {
    const env = loadEnv({ UPLOAD_MAX_BYTES: '1000',
      UPLOAD_TYPES: 'Application/PDF,image/*' });
    expect(env.uploadMaxBytes).toBe(1000);
    expect(env.uploadTypes).toEqual(['application/pdf', 'image/*']);
  });

  it('names the variable when a value is bad', () => {
    expect(() => loadEnv({ UPLOAD_MAX_BYTES: '0' })).toThrow(/^UPLOAD_MAX_BYTES/);
    expect(() => loadEnv({ UPLOAD_TYPES: 'pdf' })).toThrow(/^UPLOAD_TYPES/);
  });
});
