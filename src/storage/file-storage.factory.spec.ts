import { join } from 'node:path';
import { loadConfig } from '../config/app-config';
import { createFileStorage } from './file-storage.factory';
import { LocalFileStorage } from './local-file-storage';
import { S3FileStorage } from './s3-file-storage';

describe('createFileStorage', () => {
  const created: S3FileStorage[] = [];
  afterAll(() => created.forEach((storage) => storage.onModuleDestroy()));

  function s3(env: NodeJS.ProcessEnv): S3FileStorage {
    const storage = createFileStorage(loadConfig({ NODE_ENV: 'test', STORAGE: 's3', ...env }));
    expect(storage).toBeInstanceOf(S3FileStorage);
    created.push(storage as S3FileStorage);
    return storage as S3FileStorage;
  }

  it('uses the local disk by default, under var/files of the working directory', () => {
    const storage = createFileStorage(loadConfig({ NODE_ENV: 'test' }));

    expect(storage).toBeInstanceOf(LocalFileStorage);
    expect((storage as LocalFileStorage).root).toBe(join(process.cwd(), 'var', 'files'));
  });

  it('resolves a relative STORAGE_LOCAL_DIR against the working directory and keeps absolute ones', () => {
    const relative = createFileStorage(
      loadConfig({ NODE_ENV: 'test', STORAGE_LOCAL_DIR: 'data/up' }),
    );
    const absolute = createFileStorage(
      loadConfig({ NODE_ENV: 'test', STORAGE_LOCAL_DIR: '/srv/f' }),
    );

    expect((relative as LocalFileStorage).root).toBe(join(process.cwd(), 'data', 'up'));
    expect((absolute as LocalFileStorage).root).toBe('/srv/f');
  });

  it('builds the S3 driver from the S3_* settings', () => {
    const storage = s3({
      S3_BUCKET: 'tahkim-files',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'true',
    });

    expect(storage.bucket).toBe('tahkim-files');
    expect(storage.objectKeyFor('a'.repeat(64))).toBe(`sha256/aa/${'a'.repeat(64)}`);
  });

  it('leaves credentials to the SDK chain when no key pair is configured', () => {
    expect(s3({ S3_BUCKET: 'tahkim-files' }).bucket).toBe('tahkim-files');
  });

  it('refuses half a key pair', () => {
    expect(() =>
      createFileStorage(
        loadConfig({ NODE_ENV: 'test', STORAGE: 's3', S3_BUCKET: 'b-1', S3_ACCESS_KEY_ID: 'id' }),
      ),
    ).toThrow('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together');
  });
});
