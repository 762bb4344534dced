/** Base class so callers (HTTP filters, the health check) can recognise storage failures. */
export abstract class StorageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * A key that is not exactly 64 lowercase hex characters. Raised before any disk or S3 access, so
 * a key coming from a URL or a database row can never be used as a path.
 */
export class InvalidStorageKeyError extends StorageError {
  constructor(readonly key: unknown) {
    // Only a short, JSON-escaped excerpt: the value may be hostile or huge.
    super(`Invalid storage key ${JSON.stringify(String(key).slice(0, 80))}`);
  }
}

export class StoredFileNotFoundError extends StorageError {
  constructor(
    readonly key: string,
    options?: ErrorOptions,
  ) {
    super(`No stored file with key ${key}`, options);
  }
}

/** The backend cannot be used at all (missing bucket, unwritable directory, bad credentials). */
export class StorageUnavailableError extends StorageError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
