import Redis from 'ioredis';
import type { Logger } from '../services/platform/logger';
import { LogSampler } from '../services/platform/log-sampler';

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
  private readonly entries = new Map<string, StoredAnswer>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): Promise<StoredAnswer | undefined> {
    const answer = this.entries.get(key);
    if (answer) {
      this.entries.delete(key);
      this.entries.set(key, answer);
    }
    return Promise.resolve(answer);
  }

  set(key: string, answer: StoredAnswer): Promise<void> {
    this.remove(key);
    if (sizeOf(key, answer) <= this.maxBytes) {
      this.entries.set(key, answer);
      this.bytes += sizeOf(key, answer);
      for (const [oldest] of this.entries) {
        if (this.bytes <= this.maxBytes) break;
        this.remove(oldest);
      }
    }
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.remove(key);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.entries.clear();
    this.bytes = 0;
    return Promise.resolve();
  }

  private remove(key: string): void {
    const answer = this.entries.get(key);
    if (!answer) return;
    this.entries.delete(key);
    this.bytes -= sizeOf(key, answer);
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
