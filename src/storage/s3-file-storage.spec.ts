import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import { describeFileStorageContract, generatedStream, readAll } from './file-storage.contract';
import { S3FileStorage, type S3FileStorageOptions } from './s3-file-storage';
import { StorageUnavailableError } from './storage.errors';

/**
 * A real S3 API, in-process: s3rver on a random port with a throwaway directory. Each test gets
 * its own bucket, so "nothing left behind" can be checked by listing the whole bucket.
 */
let server: S3rver;
let directory: string;
let connection: Pick<
  S3FileStorageOptions,
  'region' | 'endpoint' | 'credentials' | 'forcePathStyle'
>;
let admin: S3Client;
let bucketCount = 0;
const storages: S3FileStorage[] = [];

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'tahkim-s3rver-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = await server.run();
  connection = {
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, // s3rver's built-in account
    forcePathStyle: true,
  };
  admin = new S3Client(connection);
});

afterAll(async () => {
  for (const storage of storages) storage.onModuleDestroy();
  admin?.destroy();
  await server?.close();
  await rm(directory, { recursive: true, force: true });
});

function storageFor(options: Partial<S3FileStorageOptions> & { bucket: string }): S3FileStorage {
  const storage = new S3FileStorage({ ...connection, ...options });
  storages.push(storage);
  return storage;
}

async function createBucket(): Promise<string> {
  const bucket = `tahkim-test-${++bucketCount}`;
  await admin.send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
}

async function listObjects(bucket: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await admin.send(
      new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }),
    );
    keys.push(...(page.Contents ?? []).map((object) => object.Key ?? ''));
    token = page.NextContinuationToken;
  } while (token);
  return keys.sort();
}

async function deleteBucket(bucket: string): Promise<void> {
  for (const key of await listObjects(bucket)) {
    await admin.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  }
  await admin.send(new DeleteBucketCommand({ Bucket: bucket }));
}

describeFileStorageContract('S3FileStorage (s3rver)', async () => {
  const bucket = await createBucket();
  return {
    storage: storageFor({ bucket }),
    listAll: () => listObjects(bucket),
    dispose: () => deleteBucket(bucket),
  };
});

describe('S3FileStorage (s3rver)', () => {
  let bucket: string;

  beforeEach(async () => {
    bucket = await createBucket();
  });

  afterEach(async () => {
    await deleteBucket(bucket);
  });

  it('stores objects at <prefix>sha256/<k[0..2]>/<key> and keeps the content type', async () => {
    const storage = storageFor({ bucket, prefix: 'tahkim/' });
    const content = Buffer.from('%PDF-1.7 مخطوطة');
    const key = createHash('sha256').update(content).digest('hex');

    await storage.put(Readable.from([content]), { contentType: 'application/pdf' });

    expect(await listObjects(bucket)).toEqual([`tahkim/sha256/${key.slice(0, 2)}/${key}`]);
    const head = await admin.send(
      new HeadObjectCommand({ Bucket: bucket, Key: storage.objectKeyFor(key) }),
    );
    expect(head.ContentType).toBe('application/pdf');
    expect(head.ContentLength).toBe(content.length);
    expect((await readAll(await storage.get(key))).equals(content)).toBe(true);
  });

  it('uses a multipart upload for large content and cleans up its temporary object', async () => {
    // 5 MiB parts: 12 MiB needs three of them.
    const storage = storageFor({ bucket, partSize: 5 * 1024 * 1024, queueSize: 2 });
    const source = generatedStream(12 * 1024 * 1024);

    const stored = await storage.put(source.stream);

    expect(stored.sha256).toBe(source.digest().sha256);
    expect(await listObjects(bucket)).toEqual([storage.objectKeyFor(stored.key)]);
  }, 60_000);

  it('fails instead of hanging when S3 rejects the upload, and stops reading the source', async () => {
    const storage = storageFor({ bucket: 'no-such-bucket' });
    // Larger than one part, so the upload fails while the source still has data to give.
    const source = generatedStream(64 * 1024 * 1024);

    await expect(storage.put(source.stream)).rejects.toMatchObject({ name: 'NoSuchBucket' });

    expect(source.stream.destroyed).toBe(true);
    expect(source.digest().size).toBeLessThan(64 * 1024 * 1024);
  }, 60_000);

  it('is not ready when the bucket does not exist', async () => {
    const storage = storageFor({ bucket: 'no-such-bucket' });

    await expect(storage.checkReady()).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});
