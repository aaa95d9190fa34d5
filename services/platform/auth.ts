import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
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
}

export function signToken(viewer: Viewer, secret: string, ttlSeconds: number): string {
  const claims: Claims = { sub: viewer.id, role: viewer.role, country: viewer.country, authority: viewer.authorityId };
  return jwt.sign(claims, secret, { algorithm: ALGORITHM, expiresIn: ttlSeconds });
}

const invalidToken = (why: string) =>
  userError('UNAUTHENTICATED', `The token is not valid (${why}); sign in again.`, { http: { status: 401 } });

/**
 * The viewer of an `Authorization: Bearer <token>` header: null without a header; UNAUTHENTICATED for a
 * token that is malformed, expired, signed with another key or with any algorithm but HS256 (`none` included).
 */
export function verifyAuthorization(header: string | undefined, secret: string): Viewer | null {
  if (header === undefined || header.trim() === '') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw invalidToken('send it as "Authorization: Bearer <token>"');
  let payload: unknown;
  try {
    payload = jwt.verify(match[1], secret, { algorithms: [ALGORITHM] });
  } catch (error) {
    throw invalidToken(error instanceof jwt.TokenExpiredError ? 'expired' : 'bad signature or format');
  }
  const claims = payload as Partial<Claims>;
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
