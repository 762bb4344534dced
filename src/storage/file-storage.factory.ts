import { resolve } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { type FileStorage } from './file-storage';
import { LocalFileStorage } from './local-file-storage';
import { S3FileStorage } from './s3-file-storage';

/**
 * Builds the driver named by STORAGE. Kept apart from StorageModule (and free of Nest imports)
 * so scripts can use it and unit tests can check it without booting Nest.
 */
export function createFileStorage(
  config: AppConfig,
  logger?: { warn(message: string): void },
): FileStorage {
  if (config.STORAGE === 's3') {
    // AppConfig already requires S3_BUCKET when STORAGE=s3; this keeps the types honest.
    if (!config.S3_BUCKET) throw new Error('S3_BUCKET is required when STORAGE=s3');
    // AppConfig refuses half a key pair; without both, the SDK's default credential chain applies.
    const accessKeyId = config.S3_ACCESS_KEY_ID;
    const secretAccessKey = config.S3_SECRET_ACCESS_KEY;
    return new S3FileStorage({
      bucket: config.S3_BUCKET,
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      logger,
    });
  }
  return new LocalFileStorage(resolve(process.cwd(), config.STORAGE_LOCAL_DIR));
}
