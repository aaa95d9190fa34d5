import fs from 'node:fs';
import path from 'node:path';
import { createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
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

/**
 * Tokens are signed with ES256 (ECDSA on P-256): only the accounts subgraph holds the private key and mints
 * them (services/accounts/tokens.ts); every other process holds the public key only, so none of them can
 * make a token the others accept.
 */
export const TOKEN_ALGORITHM = 'ES256';
/** Who signs tokens: the `iss` claim of every token accounts makes; any other is refused. */
export const TOKEN_ISSUER = 'enlace-accounts';

/**
 * The header in which the gateway names its client's address (gateway/data-source.ts); a subgraph believes
 * it only from a peer listed in GATEWAY_ADDRESSES (services/kit/subgraph.ts).
 */
export const CLIENT_ADDRESS_HEADER = 'x-client-address';
const ROLES: Role[] = ['AUTHORITY', 'SECRETARIAT'];

/** A PEM from an environment variable, where a one-line form with literal `\n` is accepted too (.env files). */
const pemOf = (value: string): string => value.replace(/\\n/g, '\n').trim();

/** The P-256 public key of a PEM (a public key, or a private one whose public half is meant); throws a plain sentence otherwise. */
export function es256PublicKey(pem: string, what: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pemOf(pem));
  } catch {
    throw new Error(`${what} is not a PEM key (make a pair with \`npm run keys\`)`);
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error(`${what} must be an EC key on P-256 (ES256); make a pair with \`npm run keys\``);
  }
  return key;
}

/** A new ES256 key pair, as PEM (PKCS#8 private, SPKI public). */
export function newKeyPair(): { privateKey: string; publicKey: string } {
  return generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
}

/** Where development keeps its generated key pair: one directory, so that both halves appear at once. */
export const devKeyDirectory = (config: Config): string => path.join(config.dataDir, 'jwt-keys');

/**
 * In development, the key pair made once under DATA_DIR/jwt-keys by whichever process starts first: it is
 * written to a directory of its own and renamed into place, so processes starting together agree on one pair
 * and none reads half of it. Returns the directory; each process reads only the half it needs.
 */
export function ensureDevKeyPair(config: Config): string {
  const directory = devKeyDirectory(config);
  if (fs.existsSync(path.join(directory, 'public.pem'))) return directory;
  fs.mkdirSync(config.dataDir, { recursive: true });
  const draft = `${directory}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const pair = newKeyPair();
  fs.mkdirSync(draft, { mode: 0o700 });
  fs.writeFileSync(path.join(draft, 'private.pem'), pair.privateKey, { mode: 0o600 });
  fs.writeFileSync(path.join(draft, 'public.pem'), pair.publicKey, { mode: 0o644 });
  try {
    fs.renameSync(draft, directory);
  } catch (error) {
    // Another process put its pair in place first: that one is the pair.
    if (!['EEXIST', 'ENOTEMPTY', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    fs.rmSync(draft, { recursive: true, force: true });
  }
  return directory;
}

/**
 * The key every process but accounts checks tokens with: JWT_PUBLIC_KEY, required in production; in
 * development the public half of the pair under DATA_DIR/jwt-keys (made on first start).
 */
export function loadVerifyingKey(config: Config): KeyObject {
  if (config.jwtPublicKey) return es256PublicKey(config.jwtPublicKey, 'JWT_PUBLIC_KEY');
  if (config.production) throw new Error('JWT_PUBLIC_KEY is required when NODE_ENV=production (make a pair with `npm run keys`)');
  const file = path.join(ensureDevKeyPair(config), 'public.pem');
  return es256PublicKey(fs.readFileSync(file, 'utf8'), file);
}

interface Claims {
  sub: string;
  role: Role | null;
  country: string | null;
  authority: string | null;
  iat: number;
  /** When it was issued, in milliseconds: a token made in the same second just after a revocation still works. */
  iat_ms: number;
}

/** What a verifier knows of the tokens accounts has revoked (platform/revocations.ts RevocationList). */
export interface RevocationCheck {
  revoked(userId: string, issuedAtMs: number): boolean;
}

const invalidToken = (why: string, then = 'sign in again') =>
  userError('UNAUTHENTICATED', `The token is not valid (${why}); ${then}.`, { http: { status: 401 } });

/** The issue time of a token in ms: `iat_ms`, or `iat` (whole seconds) for a token made without it. */
function issuedAtMs(claims: Partial<Claims>): number | null {
  if (Number.isSafeInteger(claims.iat_ms)) return claims.iat_ms!;
  return Number.isSafeInteger(claims.iat) ? claims.iat! * 1000 : null;
}

/**
 * The viewer of an `Authorization: Bearer <token>` header: null without a header; UNAUTHENTICATED for a
 * token that is malformed, expired, not issued by accounts, or signed with any key but accounts' private
 * one or any algorithm but ES256 (`none` and HS256 made with the public key included); and, given the
 * revocation list, for a token issued before its user's role or password changed.
 */
export function verifyAuthorization(header: string | undefined, key: KeyObject, revocations?: RevocationCheck): Viewer | null {
  if (header === undefined || header.trim() === '') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw invalidToken('send it as "Authorization: Bearer <token>"');
  let claims: Partial<Claims>;
  try {
    claims = jwt.verify(match[1], key, { algorithms: [TOKEN_ALGORITHM], issuer: TOKEN_ISSUER }) as Partial<Claims>;
  } catch (error) {
    throw invalidToken(error instanceof jwt.TokenExpiredError ? 'expired' : 'bad signature or format');
  }
  if (typeof claims.sub !== 'string' || (claims.role != null && !ROLES.includes(claims.role))) {
    throw invalidToken('unexpected claims');
  }
  if (revocations) {
    const issuedAt = issuedAtMs(claims);
    if (issuedAt === null) throw invalidToken('unexpected claims');
    if (revocations.revoked(claims.sub, issuedAt)) {
      throw invalidToken("revoked: the account's role or password changed", 'renew it with refreshToken or sign in again');
    }
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
 * The caller of a GraphQL request: an invalid, expired or revoked token counts as no token, so that `login`,
 * `signUp`, `refreshToken` and public fields answer as they would for an anonymous caller (a stale token in a
 * client does not stop its user signing in again). A field that needs a viewer says UNAUTHENTICATED with
 * `tokenRefused`'s reason (kit/auth-checker.ts). The live feed stays strict: it calls verifyAuthorization, and
 * an expired or revoked token ends it.
 */
export function callerOf(header: string | undefined, key: KeyObject, revocations?: RevocationCheck): Caller {
  try {
    return { viewer: verifyAuthorization(header, key, revocations), tokenRefused: null };
  } catch (error) {
    if ((error as GraphQLError).extensions?.code !== 'UNAUTHENTICATED') throw error;
    return { viewer: null, tokenRefused: error as GraphQLError };
  }
}
