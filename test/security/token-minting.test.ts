import { spawn } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { SUBGRAPHS } from '../../services/platform/config';
import { projectPath } from '../../services/platform/paths';
import { runMain } from '../helpers/process';
import { TEST_FEED_KEY, TEST_KEYS } from '../helpers/config';

/** The one module that signs tokens; it reads JWT_PRIVATE_KEY. */
const SIGNER = projectPath('services', 'accounts', 'tokens.ts');

/** Every project file a main.ts loads, following its relative imports (and re-exports) to the end. */
function modulesOf(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const { fileName } of ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const base = path.resolve(path.dirname(file), fileName);
      const found = [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate));
      if (found) visit(found);
    }
  };
  visit(entry);
  return seen;
}

const PROCESSES: [string, string][] = [
  ['gateway', 'gateway/main.ts'],
  ...SUBGRAPHS.map((name): [string, string] => [name, `services/${name}/main.ts`]),
];

describe('only the accounts subgraph can make a token', () => {
  it.each(PROCESSES)('%s loads the signing code only if it is accounts', (name, main) => {
    const modules = modulesOf(projectPath(main));
    expect(modules.size).toBeGreaterThan(20);
    expect({ name, signs: modules.has(SIGNER) }).toEqual({ name, signs: name === 'accounts' });
  });

  it('signs nowhere else: no other module of a process calls jwt.sign', () => {
    const signing = PROCESSES.flatMap(([, main]) => [...modulesOf(projectPath(main))]).filter((file) =>
      /\bjwt\.sign\(/.test(fs.readFileSync(file, 'utf8')),
    );
    expect([...new Set(signing)].map((file) => path.relative(projectPath(), file))).toEqual(['services/accounts/tokens.ts']);
  });

  it('in production, a subgraph runs with the public key alone, and accounts will not start without the private one', async () => {
    const production = { NODE_ENV: 'production', JWT_PUBLIC_KEY: TEST_KEYS.publicKey, FEED_KEY: TEST_FEED_KEY, JWT_PRIVATE_KEY: '' };
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-keys-'));
    try {
      const authorities = await runMain('services/authorities/main.ts', { ...production, DATA_DIR: dataDir }, 'AUTHORITIES_PORT');
      authorities.process.kill('SIGTERM');
      await authorities.exit;
      expect(fs.existsSync(path.join(dataDir, 'jwt-keys'))).toBe(false);
      await expect(runMain('services/accounts/main.ts', { ...production, DATA_DIR: dataDir }, 'ACCOUNTS_PORT')).rejects.toThrow(
        /JWT_PRIVATE_KEY is required for the accounts subgraph/,
      );
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the development key pair', () => {
  it('is made once, whole, by whichever of the processes starting together comes first', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-devkeys-'));
    const script = `
      const { ensureDevKeyPair } = require('./services/platform/auth');
      const dir = ensureDevKeyPair({ dataDir: process.env.DATA_DIR });
      process.stdout.write(require('node:fs').readFileSync(dir + '/public.pem', 'utf8'));`;
    try {
      const outputs = await Promise.all(
        Array.from({ length: 6 }, () => {
          const child = spawn(process.execPath, ['-r', projectPath('test/helpers/ts-register.js'), '-e', script], {
            cwd: projectPath(),
            env: { PATH: process.env.PATH, DATA_DIR: dataDir },
          });
          let output = '';
          child.stdout.on('data', (chunk) => (output += chunk));
          return new Promise<string>((resolve) => child.once('exit', () => resolve(output)));
        }),
      );
      expect(outputs[0]).toContain('BEGIN PUBLIC KEY');
      expect(new Set(outputs).size).toBe(1);
      expect(fs.readdirSync(dataDir)).toEqual(['jwt-keys']);
      expect(fs.statSync(path.join(dataDir, 'jwt-keys', 'private.pem')).mode & 0o777).toBe(0o600);
      const publicHalf = createPublicKey(createPrivateKey(fs.readFileSync(path.join(dataDir, 'jwt-keys', 'private.pem'))));
      expect(publicHalf.equals(createPublicKey(outputs[0]))).toBe(true);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
