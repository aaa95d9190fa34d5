import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Config } from './config';
import { userError } from './errors';

/**
 * The service key of the gateway and the subgraphs, sent as `Authorization: FeedKey <key>`, for two reads
 * and nothing else: the newest id of a subgraph's event logs (GET /feeds/<field>/head, by the gateway) and
 * accounts' revocation list (GET /revocations, by the gateway and every subgraph: platform/revocations.ts).
 * It is no token: it names no user, holds no role, opens no GraphQL field anywhere, and cannot make a token
 * (only accounts can).
 */
export const FEED_KEY_SCHEME = 'FeedKey';

/**
 * FEED_KEY, required in production; in development a random key made once under DATA_DIR/feed-key and
 * shared by every process of the machine. It is written to a temporary file and hard-linked into place, so
 * processes starting together agree on one key and none reads a half-written file.
 */
export function loadFeedKey(config: Config): string {
  if (config.feedKey) return config.feedKey;
  if (config.production) throw new Error('FEED_KEY is required when NODE_ENV=production (at least 32 random characters)');
  const file = path.join(config.dataDir, 'feed-key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const draft = `${file}.${process.pid}`;
    fs.writeFileSync(draft, randomBytes(48).toString('base64url'), { mode: 0o600 });
    try {
      fs.linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(draft, { force: true });
    }
  }
  const key = fs.readFileSync(file, 'utf8').trim();
  if (key.length < 32) throw new Error(`${file} holds no usable key; delete it to have a new one made`);
  return key;
}

/** The Authorization header sent to /feeds/<field>/head and /revocations. */
export const feedKeyHeader = (key: string): string => `${FEED_KEY_SCHEME} ${key}`;

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Accepts only the feed key: UNAUTHENTICATED without it or for a wrong one, FORBIDDEN for a user's token
 * (a person, even of the Secretariat, has no business with event-log heads or the revocation list).
 * Compared in constant time.
 */
export function verifyFeedKey(header: string | undefined, key: string): void {
  const refuse = (why: string) =>
    userError('UNAUTHENTICATED', `Only the feed key of the gateway and the subgraphs may read this (${why}).`, { http: { status: 401 } });
  const value = header?.trim() ?? '';
  if (value === '') throw refuse('none was sent');
  if (/^Bearer\s/i.test(value)) {
    throw userError('FORBIDDEN', "Only the feed key of the gateway and the subgraphs may read this, not a user's token.", {
      http: { status: 403 },
    });
  }
  const match = /^FeedKey\s+(\S+)$/.exec(value);
  if (!match || !timingSafeEqual(digest(match[1]), digest(key))) throw refuse('send it as "Authorization: FeedKey <FEED_KEY>"');
}
