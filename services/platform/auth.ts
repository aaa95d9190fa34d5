import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { GraphQLError } from 'graphql';
import type { Config } from './config';
import { userError } from './errors';

export type Role = 'AUTHORITY' | 'SECRETARIAT';

/** Who is asking: null for an anonymous caller. */
export interface Viewer {
  id: string;
  role: Role | null;
  /** The country of an AUTHORITY. */
  country: string | null;
  /** The national authority an AUTHORITY works for, when the Secretariat named one. */
  authorityId: string | null;
}

const ALGORITHM = 'HS256';

/**
 * The header in which the gateway names its client's address (gateway/data-source.ts); a subgraph believes
 * it only from a peer listed in GATEWAY_ADDRESSES (services/kit/subgraph.ts).
 */
export const CLIENT_ADDRESS_HEADER = 'x-client-address';
const ROLES: Role[] = ['AUTHORITY', 'SECRETARIAT'];

/**
 * The token key: JWT_SECRET, or in development a random key created once under DATA_DIR and shared by
 * every process of this machine. It is written to a temporary file and hard-linked into place, so
 * processes starting together agree on one key and none reads a half-written file.
 */
export function loadJwtSecret(config: Config): string {
  if (config.jwtSecret) return config.jwtSecret;
  if (config.production) throw new Error('JWT_SECRET is required when NODE_ENV=production');
  const file = path.join(config.dataDir, 'jwt-secret');
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
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable key; delete it to have a new one made`);
  return secret;
}

interface Claims {
  sub: string;
  role: Role | null;
  country: string | null;
  authority: string | null;
  /** Set only on a feed credential (FEED_SCOPE): a token that reads event logs and is nobody's. */
  scope?: string;
}

export function signToken(viewer: Viewer, secret: string, ttlSeconds: number): string {
  const claims: Claims = { sub: viewer.id, role: viewer.role, country: viewer.country, authority: viewer.authorityId };
  return jwt.sign(claims, secret, { algorithm: ALGORITHM, expiresIn: ttlSeconds });
}

const invalidToken = (why: string) =>
  userError('UNAUTHENTICATED', `The token is not valid (${why}); sign in again.`, { http: { status: 401 } });

/** The claims of a Bearer header's token once its signature, algorithm and expiry hold; `refuse` says why not. */
function claimsOf(header: string, secret: string, refuse: (why: string) => GraphQLError): Partial<Claims> {
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw refuse('send it as "Authorization: Bearer <token>"');
  try {
    return jwt.verify(match[1], secret, { algorithms: [ALGORITHM] }) as Partial<Claims>;
  } catch (error) {
    throw refuse(error instanceof jwt.TokenExpiredError ? 'expired' : 'bad signature or format');
  }
}

/**
 * The viewer of an `Authorization: Bearer <token>` header: null without a header; UNAUTHENTICATED for a
 * token that is malformed, expired, signed with another key or with any algorithm but HS256 (`none` included),
 * and for a feed credential, which is nobody's.
 */
export function verifyAuthorization(header: string | undefined, secret: string): Viewer | null {
  if (header === undefined || header.trim() === '') return null;
  const claims = claimsOf(header, secret, invalidToken);
  if (claims.scope !== undefined) throw invalidToken("it reads event logs only and is nobody's");
  if (typeof claims.sub !== 'string' || (claims.role != null && !ROLES.includes(claims.role))) {
    throw invalidToken('unexpected claims');
  }
  return {
    id: claims.sub,
    role: claims.role ?? null,
    country: typeof claims.country === 'string' ? claims.country : null,
    authorityId: typeof claims.authority === 'string' ? claims.authority : null,
  };
}

/** What a request's Authorization header makes of its caller. */
export interface Caller {
  viewer: Viewer | null;
  /** Why the token it carries was not accepted (expired, bad signature...); null when none was sent or it held. */
  tokenRefused: GraphQLError | null;
}

/**
 * The caller of a GraphQL request: an invalid or expired token counts as no token, so that `login`, `signUp`
 * and public fields answer as they would for an anonymous caller (a stale token in a client does not stop its
 * user signing in again). A field that needs a viewer says UNAUTHENTICATED with `tokenRefused`'s reason
 * (kit/auth-checker.ts). The live feed stays strict: it calls verifyAuthorization, and an expired token ends it.
 */
export function callerOf(header: string | undefined, secret: string): Caller {
  try {
    return { viewer: verifyAuthorization(header, secret), tokenRefused: null };
  } catch (error) {
    if ((error as GraphQLError).extensions?.code !== 'UNAUTHENTICATED') throw error;
    return { viewer: null, tokenRefused: error as GraphQLError };
  }
}

/**
 * The scope of the gateway's feed credential: it lets the bearer read the newest id of a subgraph's
 * event logs (GET /feeds/<field>/head) and nothing else. It names no user and holds no role, and
 * verifyAuthorization refuses it, so it opens no GraphQL field anywhere.
 */
export const FEED_SCOPE = 'feeds';

export function signFeedCredential(secret: string, ttlSeconds: number): string {
  return jwt.sign({ scope: FEED_SCOPE }, secret, { algorithm: ALGORITHM, expiresIn: ttlSeconds });
}

/**
 * Accepts only a valid feed credential: UNAUTHENTICATED without one or for a bad one, FORBIDDEN for
 * a user's token (a person, even of the Secretariat, asks through the gateway's subscriptions).
 */
export function verifyFeedCredential(header: string | undefined, secret: string): void {
  const refuse = (why: string) =>
    userError('UNAUTHENTICATED', `Only a gateway's feed credential may read this (${why}).`, { http: { status: 401 } });
  if (header === undefined || header.trim() === '') throw refuse('none was sent');
  const claims = claimsOf(header, secret, refuse);
  if (claims.scope !== FEED_SCOPE || claims.sub !== undefined || claims.role != null) {
    throw userError('FORBIDDEN', "Only a gateway's feed credential may read this, not a user's token.", { http: { status: 403 } });
  }
}

/** How long the gateway's feed credential lives; it is renewed when half of that is gone. */
const FEED_CREDENTIAL_TTL_SECONDS = 300;

/** The Authorization header a gateway sends to /feeds/<field>/head, signed anew as it ages. */
export function feedCredential(secret: string, now: () => number = Date.now): () => string {
  let header = '';
  let renewAt = 0;
  return () => {
    if (now() >= renewAt) {
      header = `Bearer ${signFeedCredential(secret, FEED_CREDENTIAL_TTL_SECONDS)}`;
      renewAt = now() + (FEED_CREDENTIAL_TTL_SECONDS * 1000) / 2;
    }
    return header;
  };
}
