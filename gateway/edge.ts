import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';
import { operationLimitsPlugin, type OperationLimits } from '../services/platform/operation-limits';
import type { GatewayContext } from './context';

/**
 * The gateway's edge: limits on what one operation may ask (depth, aliases, cost: measured by
 * services/platform/operation-limits.ts, as every subgraph measures what reaches it) and on how many
 * mutations one client address may send. The others are Apollo Server's and http.ts's, set in
 * gateway.ts: tokens (parseOptions.maxTokens: the parser stops there), batching (refused:
 * allowBatchedHttpRequests stays false), introspection, and the 1 MB body limit.
 */

export type EdgeLimits = OperationLimits;

/**
 * A token bucket per client address (the edge's mutations, the live feed's subscribe messages): `burst`
 * (by default `perMinute`) may come at once, then one every 60/perMinute seconds. In memory, so per gateway process: with GATEWAY_WORKERS > 1 each worker
 * counts on its own (node:cluster spreads connections round-robin, so one address gets up to
 * workers x perMinute). IPv6 addresses count per /64, the block one subscriber usually holds.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly maxAddresses = 100_000,
    /** What a full bucket holds: how many may come at once. */
    private readonly burst = perMinute,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes `count` tokens for the address: 0 when granted, else the seconds to wait before asking again. */
  take(address: string, count = 1): number {
    const key = addressKey(address);
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    if (!this.buckets.has(key)) this.remember(key, bucket);
    if (count > this.burst) return 60;
    if (bucket.tokens >= count) {
      bucket.tokens -= count;
      return 0;
    }
    return Math.max(1, Math.ceil((count - bucket.tokens) / this.perMs / 1000));
  }

  private remember(key: string, bucket: { tokens: number; at: number }): void {
    if (this.buckets.size >= this.maxAddresses) {
      // Full buckets hold nothing worth keeping; if too many remain, the oldest addresses are forgotten.
      const now = this.now();
      for (const [other, { tokens, at }] of this.buckets) {
        if (tokens + (now - at) * this.perMs >= this.burst) this.buckets.delete(other);
      }
      for (const other of this.buckets.keys()) {
        if (this.buckets.size < this.maxAddresses) break;
        this.buckets.delete(other);
      }
    }
    this.buckets.set(key, bucket);
  }
}

/** An IPv4 address as is (also when IPv4-mapped); an IPv6 address as its /64. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1];
  if (!address.includes(':')) return address;
  const [head, tail] = address.split('%')[0].toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => (parseInt(group, 16) || 0).toString(16))
    .join(':')}::/64`;
}

function refuse(message: string, extensions: Record<string, unknown>, status = 400, headers?: HeaderMap): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, http: { status, headers: headers ?? new HeaderMap() } } });
}

/**
 * The gateway's edge as an Apollo Server plugin: the operation limits every subgraph applies too, then
 * the mutation rate limit; the client address comes from the context's `clientAddress`.
 */
export function edgePlugin(limits: EdgeLimits): ApolloServerPlugin<GatewayContext> {
  const limiter = limits.mutationsPerMinute > 0 ? new RateLimiter(limits.mutationsPerMinute) : undefined;
  return operationLimitsPlugin<GatewayContext>(limits, {
    then: (measure, { operation, contextValue }) => {
      if (!limiter || operation?.operation !== OperationTypeNode.MUTATION) return;
      const address = contextValue.clientAddress ?? 'unknown';
      const retryAfterSeconds = limiter.take(address, Math.max(1, measure.fields));
      if (retryAfterSeconds > 0) {
        throw refuse(
          `Too many changes from your address: at most ${limits.mutationsPerMinute} a minute. Try again in ${retryAfterSeconds} s.`,
          { code: 'RATE_LIMITED', retryAfterSeconds },
          429,
          new HeaderMap([['retry-after', String(retryAfterSeconds)]]),
        );
      }
    },
  });
}
