import Redis from 'ioredis';
import type { Logger } from '../services/platform/logger';
import { LogSampler } from '../services/platform/log-sampler';
import { SizedLru } from '../services/platform/sized-lru';

/** One stored answer of the response cache (gateway/response-cache.ts). */
export interface StoredAnswer {
  /** The answer's JSON, encoded: a hit writes these bytes as they are. */
  body: Buffer;
  /** The write generation of each subgraph it read, as known before reading (`<store id>:<n>`). */
  generations: Record<string, string>;
  /** Date.now() when it was stored. */
  storedAt: number;
  operationName: string | null;
  /** The Accept header it was negotiated for, and the headers it was sent with (its own ones aside). */
  accept: string;
  headers: Record<string, string>;
}

/** Where the answers are kept: this process (MemoryStore) or Redis, shared by every gateway (RedisStore). */
export interface AnswerStore {
  get(key: string): Promise<StoredAnswer | undefined>;
  set(key: string, answer: StoredAnswer): Promise<void>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

const sizeOf = (key: string, answer: StoredAnswer) => answer.body.length + key.length * 2 + 500;

/** In this process, least recently used first out, within a byte budget (RESPONSE_CACHE_MAX_MB). */
export class MemoryStore implements AnswerStore {
  private readonly entries: SizedLru<StoredAnswer>;

  constructor(maxBytes: number) {
    this.entries = new SizedLru(maxBytes);
  }

  get(key: string): Promise<StoredAnswer | undefined> {
    return Promise.resolve(this.entries.get(key));
  }

  set(key: string, answer: StoredAnswer): Promise<void> {
    this.entries.set(key, answer, sizeOf(key, answer));
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.entries.clear();
    return Promise.resolve();
  }
}

/** The separator of a Redis value: the answer's metadata as JSON, a newline, then the body (JSON has no raw newline). */
const NEWLINE = 0x0a;

/**
 * In Redis (REDIS_URL), shared by every gateway process and replica: each answer one key under
 * `enlace:response:`, expiring with RESPONSE_CACHE_TTL_SECONDS; what Redis holds is bounded by its own
 * maxmemory policy. Redis out of reach costs misses, never a failed request: commands fail at once
 * rather than queue while it is down.
 */
export class RedisStore implements AnswerStore {
  private readonly redis: Redis;
  private readonly problems: LogSampler;

  constructor(
    url: string,
    private readonly ttlMs: number,
    log: Logger,
    private readonly prefix = 'enlace:response:',
  ) {
    this.problems = new LogSampler(log);
    this.redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 });
    this.redis.on('error', (error: Error) => this.problems.warn('redis', { err: error.message }, 'the response cache cannot reach Redis'));
  }

  async get(key: string): Promise<StoredAnswer | undefined> {
    let value: Buffer | null;
    try {
      value = await this.redis.getBuffer(this.prefix + key);
    } catch {
      return undefined;
    }
    if (!value) return undefined;
    const split = value.indexOf(NEWLINE);
    if (split < 0) return undefined;
    const meta = JSON.parse(value.subarray(0, split).toString('utf8')) as Omit<StoredAnswer, 'body'>;
    return { ...meta, body: value.subarray(split + 1) };
  }

  async set(key: string, answer: StoredAnswer): Promise<void> {
    const { body, ...meta } = answer;
    const value = Buffer.concat([Buffer.from(`${JSON.stringify(meta)}\n`, 'utf8'), body]);
    await this.redis.set(this.prefix + key, value, 'PX', this.ttlMs).catch(() => undefined);
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
