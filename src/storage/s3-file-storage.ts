import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  S3Client,
  type S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ContentHasher } from './content-hasher';
import {
  assertStorageKey,
  FileStorage,
  type PutFileOptions,
  type StoredFile,
  type StoredFileStat,
} from './file-storage';
import { StorageUnavailableError, StoredFileNotFoundError } from './storage.errors';

export interface S3FileStorageOptions {
  bucket: string;
  region?: string;
  /** For S3-compatible services (MinIO, Ceph, s3rver in the tests); AWS itself needs none. */
  endpoint?: string;
  /** Omit to use the SDK's default chain (environment, shared config, instance/IAM roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle?: boolean;
  /** Prepended to every object name, e.g. "tahkim/", to share a bucket. Default: none. */
  prefix?: string;
  /** Multipart part size in bytes (min 5 MiB). Memory held per upload is about partSize × queueSize. */
  partSize?: number;
  /** Parts uploaded in parallel. */
  queueSize?: number;
  /** Told about cleanup failures that do not fail the call (a temporary object left behind). */
  logger?: { warn(message: string): void };
}

const MiB = 1024 * 1024;

// By name rather than instanceof, which breaks when two copies of the SDK are installed.
// (HeadObject has no error body, so a missing object there is a bare 404 "NotFound".)
const isMissing = (error: unknown): boolean => {
  const name = (error as Partial<S3ServiceException> | null)?.name;
  return name === 'NoSuchKey' || name === 'NotFound';
};

/** What a stream reports when its consumer stopped reading, as opposed to a real failure. */
const isStreamAbort = (error: unknown): boolean => {
  const { name, code } = (error ?? {}) as { name?: string; code?: string };
  return name === 'AbortError' || code === 'ERR_STREAM_PREMATURE_CLOSE';
};

/** An object name is a URL path in CopySource: encode each segment, keep the slashes. */
const encodeKey = (objectKey: string): string =>
  objectKey.split('/').map(encodeURIComponent).join('/');

/**
 * Objects at `<prefix>sha256/<k[0..2]>/<key>` in one bucket. The key (a hash) is only known once
 * the whole upload has streamed through, so content is first uploaded to `<prefix>tmp/<uuid>`
 * (multipart, streaming) and then copied server-side to its final name. The temporary object is
 * always deleted; a lifecycle rule on `<prefix>tmp/` can sweep up after a crashed process.
 *
 * Limits: a single CopyObject handles up to 5 GB, far above any manuscript.
 */
export class S3FileStorage extends FileStorage {
  readonly bucket: string;
  readonly prefix: string;
  private readonly client: S3Client;
  private readonly partSize: number;
  private readonly queueSize: number;
  private readonly logger?: { warn(message: string): void };

  constructor(options: S3FileStorageOptions) {
    super();
    this.bucket = options.bucket;
    this.prefix = options.prefix ?? '';
    this.partSize = options.partSize ?? 5 * MiB;
    this.queueSize = options.queueSize ?? 4;
    this.logger = options.logger;
    this.client = new S3Client({
      region: options.region ?? 'us-east-1',
      endpoint: options.endpoint,
      credentials: options.credentials,
      forcePathStyle: options.forcePathStyle ?? false,
    });
  }

  /** The object name of a key; the key is validated first. */
  objectKeyFor(key: string): string {
    assertStorageKey(key);
    return `${this.prefix}sha256/${key.slice(0, 2)}/${key}`;
  }

  async put(source: Readable, options: PutFileOptions = {}): Promise<StoredFile> {
    const tempKey = `${this.prefix}tmp/${randomUUID()}`;
    const hasher = new ContentHasher();
    const body = new PassThrough();
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: tempKey, Body: body, ContentType: options.contentType },
      partSize: this.partSize,
      queueSize: this.queueSize,
      leavePartsOnError: false, // abort the multipart upload on failure: no orphaned parts
    });
    const uploaded = upload.done();
    // If S3 fails first, break the pipeline: otherwise it would wait forever on a full buffer.
    uploaded.catch((error: unknown) => body.destroy(error as Error));
    // A failing source destroys `body` with its error, which fails the Upload in turn; Upload then
    // aborts its multipart upload before done() settles, so nothing is left running after put.
    const piped = pipeline(source, hasher, body);

    try {
      const [pipeResult, uploadResult] = await Promise.allSettled([piped, uploaded]);
      // Each side fails when the other does; report the original failure, not its echo.
      if (pipeResult.status === 'rejected' && !isStreamAbort(pipeResult.reason)) {
        throw pipeResult.reason;
      }
      if (uploadResult.status === 'rejected') throw uploadResult.reason;
      if (pipeResult.status === 'rejected') throw pipeResult.reason;

      const key = hasher.sha256;
      const finalKey = this.objectKeyFor(key);
      if (!(await this.headObject(finalKey))) {
        await this.client.send(
          new CopyObjectCommand({
            Bucket: this.bucket,
            Key: finalKey,
            CopySource: `${this.bucket}/${encodeKey(tempKey)}`,
          }),
        );
      }
      return { key, sha256: key, size: hasher.size };
    } finally {
      await this.client
        .send(new DeleteObjectCommand({ Bucket: this.bucket, Key: tempKey }))
        .catch((error: unknown) =>
          this.logger?.warn(`Could not delete temporary object ${tempKey}: ${String(error)}`),
        );
    }
  }

  async get(key: string): Promise<Readable> {
    const objectKey = this.objectKeyFor(key);
    try {
      const { Body } = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: objectKey }),
      );
      // In Node the SDK hands back an http.IncomingMessage; anything else is a setup error.
      if (!(Body instanceof Readable)) throw new Error(`S3 returned no stream for ${objectKey}`);
      return Body;
    } catch (error) {
      if (isMissing(error)) throw new StoredFileNotFoundError(key, { cause: error });
      throw error;
    }
  }

  async stat(key: string): Promise<StoredFileStat | null> {
    return this.headObject(this.objectKeyFor(key));
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    // S3's DeleteObject already succeeds for a missing object.
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKeyFor(key) }),
    );
  }

  async checkReady(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      throw new StorageUnavailableError(`S3 bucket ${this.bucket} is not usable`, {
        cause: error,
      });
    }
  }

  /** Releases the HTTP connections. Nest calls this on shutdown (it is an OnModuleDestroy hook). */
  onModuleDestroy(): void {
    this.client.destroy();
  }

  private async headObject(objectKey: string): Promise<StoredFileStat | null> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: objectKey }),
      );
      return { size: head.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }
}
