/**
 * `npm run keys [-- FILE]`: a new token key pair and feed key for a deployment, as three lines of a .env
 * file (one line each, newlines written as \n, which every process reads back): printed, or appended to
 * FILE (created 0600) if it holds none yet. JWT_PRIVATE_KEY goes to the accounts subgraph only;
 * JWT_PUBLIC_KEY and FEED_KEY to every process (docs/operations.md).
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { newKeyPair } from '../services/platform/auth';

const oneLine = (pem: string) => pem.trim().replace(/\n/g, '\\n');

function main(): void {
  const pair = newKeyPair();
  const lines = [
    `JWT_PRIVATE_KEY=${oneLine(pair.privateKey)}`,
    `JWT_PUBLIC_KEY=${oneLine(pair.publicKey)}`,
    `FEED_KEY=${randomBytes(48).toString('base64url')}`,
  ].join('\n');
  const file = process.argv[2];
  if (!file) {
    console.log(lines);
    return;
  }
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (/^(JWT_PRIVATE_KEY|JWT_PUBLIC_KEY|FEED_KEY)=/m.test(existing)) {
    console.error(`${file} already holds keys; remove those lines first to replace them (every token signed so far stops working).`);
    process.exit(1);
  }
  fs.appendFileSync(file, `${existing === '' || existing.endsWith('\n') ? '' : '\n'}${lines}\n`, { mode: 0o600 });
  console.log(`Wrote JWT_PRIVATE_KEY, JWT_PUBLIC_KEY and FEED_KEY to ${file}.`);
}

main();
