import fs from 'node:fs';
import path from 'node:path';
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ensureDevKeyPair, es256PublicKey, TOKEN_ALGORITHM, TOKEN_ISSUER, type Viewer } from '../platform/auth';
import type { Config } from '../platform/config';

/**
 * The only place tokens are made. The accounts subgraph alone loads the private key (JWT_PRIVATE_KEY, required
 * in production; in development the pair under DATA_DIR/jwt-keys, platform/auth.ts); every other process
 * holds the public key and can only check tokens.
 */
export function loadSigningKeys(config: Config): { signing: KeyObject; verifying: KeyObject } {
  let pem = config.jwtPrivateKey?.replace(/\\n/g, '\n').trim();
  let what = 'JWT_PRIVATE_KEY';
  if (!pem) {
    if (config.production)
      throw new Error('JWT_PRIVATE_KEY is required for the accounts subgraph when NODE_ENV=production (make a pair with `npm run keys`)');
    what = path.join(ensureDevKeyPair(config), 'private.pem');
    pem = fs.readFileSync(what, 'utf8');
  }
  let signing: KeyObject;
  try {
    signing = createPrivateKey(pem);
  } catch {
    throw new Error(`${what} is not a PEM private key (make a pair with \`npm run keys\`)`);
  }
  const verifying = es256PublicKey(createPublicKey(signing).export({ type: 'spki', format: 'pem' }) as string, what);
  // Another process checking with a JWT_PUBLIC_KEY of another pair would refuse every token: say so at start.
  if (config.jwtPublicKey && !es256PublicKey(config.jwtPublicKey, 'JWT_PUBLIC_KEY').equals(verifying)) {
    throw new Error('JWT_PUBLIC_KEY is not the public half of JWT_PRIVATE_KEY: the other processes would refuse every token');
  }
  return { signing, verifying };
}

/**
 * An access token for this viewer, ES256, lasting `ttlSeconds`; `expiresAt` is its `exp`. Besides the standard
 * `iat` (seconds) it carries `iat_ms`, which the revocation list compares with (platform/revocations.ts).
 */
export function signAccessToken(viewer: Viewer, key: KeyObject, ttlSeconds: number, now = Date.now()): { token: string; expiresAt: Date } {
  const issuedAt = Math.floor(now / 1000);
  const exp = issuedAt + ttlSeconds;
  const claims = {
    sub: viewer.id,
    role: viewer.role,
    country: viewer.country,
    authority: viewer.authorityId,
    iat: issuedAt,
    iat_ms: now,
    exp,
  };
  return { token: jwt.sign(claims, key, { algorithm: TOKEN_ALGORITHM, issuer: TOKEN_ISSUER }), expiresAt: new Date(exp * 1000) };
}
