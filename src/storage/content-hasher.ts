import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * A pass-through stream that hashes and counts the bytes flowing through it, so an upload is
 * hashed while it is written instead of being buffered first. String chunks (from object-mode
 * sources) are stored as UTF-8, which is what Transform's default decodeStrings does.
 */
export class ContentHasher extends Transform {
  private readonly hash = createHash('sha256');
  private bytes = 0;
  private hex?: string;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    callback(null, chunk);
  }

  /** Lowercase hex SHA-256 of everything that went through; call once the stream has finished. */
  get sha256(): string {
    if (!this.writableFinished) throw new Error('ContentHasher: the stream has not finished');
    this.hex ??= this.hash.digest('hex');
    return this.hex;
  }

  get size(): number {
    return this.bytes;
  }
}
