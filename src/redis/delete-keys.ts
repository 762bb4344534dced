import Redis from 'ioredis';

/**
 * Deletes every key under `prefix:` (a test's or a benchmark's own BullMQ and throttle keys), by
 * SCAN so that Redis is never blocked. A Redis that is gone has nothing left to clean.
 */
export async function deleteKeysWithPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } catch {
    // Redis already gone (e.g. a test stopped it): nothing left to clean.
  } finally {
    redis.disconnect();
  }
}
