import { validateEnv } from './env.validation';

describe('validateEnv', () => {
  it('fills documented defaults', () => {
    const env = validateEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBe('sqlite:./data/clipgen.db');
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.STORAGE_TYPE).toBe('local');
    expect(env.STORAGE_DIR).toBe('./storage');
    expect(env.WHISPER_MODEL).toBe('base');
  });

  it('names the offending variable', () => {
    expect(() => validateEnv({ PORT: 'eighty' })).toThrow(/"PORT"/);
    expect(() => validateEnv({ STORAGE_TYPE: 'ftp' })).toThrow(/"STORAGE_TYPE"/);
    expect(() => validateEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/"DATABASE_URL"/);
    expect(() => validateEnv({ MAX_UPLOAD_BYTES: '-5' })).toThrow(/"MAX_UPLOAD_BYTES"/);
  });

  it('requires a bucket when storage is S3', () => {
    expect(() => validateEnv({ STORAGE_TYPE: 's3' })).toThrow(/"S3_BUCKET"/);
    expect(validateEnv({ STORAGE_TYPE: 's3', S3_BUCKET: 'clips' }).S3_BUCKET).toBe('clips');
  });
});
