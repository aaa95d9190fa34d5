import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { load } from 'js-yaml';
import { projectPath } from '../../services/platform/paths';
import { TEST_FEED_KEY, TEST_KEYS } from '../helpers/config';

export interface ComposeService {
  image?: string;
  build?: unknown;
  pull_policy?: string;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] | string };
  depends_on?: Record<string, unknown>;
  networks?: Record<string, { ipv4_address?: string } | null> | string[];
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
}

export const COMPOSE_FILE = projectPath('docker-compose.yml');

/** What an operator exports before `docker compose up`; each value is recognisable wherever it leaks. */
export const OPERATOR_VARIABLES: Record<string, string> = {
  MYSQL_ROOT_PASSWORD: 'rootpassword4f1c9a',
  MYSQL_PASSWORD: 'enlacepassword7d2e5b',
  // On one line each, with literal \n, as `npm run keys` writes them for a .env file.
  JWT_PRIVATE_KEY: TEST_KEYS.privateKey.trim().replace(/\n/g, '\\n'),
  JWT_PUBLIC_KEY: TEST_KEYS.publicKey.trim().replace(/\n/g, '\\n'),
  FEED_KEY: TEST_FEED_KEY,
  ENLACE_ADMIN_EMAIL: 'secretariat@example.org',
  ENLACE_ADMIN_PASSWORD: 'a long admin passphrase',
};

/** Compose's variable substitution: $$, $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}. */
export function interpolate(text: string, variables: Record<string, string | undefined>): string {
  return text.replace(/\$\$|\$\{(\w+)(?:(:?)([-?])([^}]*))?\}|\$(\w+)/g, (match, braced, colon, operator, word, bare) => {
    if (match === '$$') return '$';
    const value = variables[braced ?? bare];
    const unset = colon ? !value : value === undefined;
    if (operator === '-' && unset) return word;
    if (operator === '?' && unset) throw new Error(`docker-compose.yml: ${braced}: ${word}`);
    return value ?? '';
  });
}

function interpolateAll(value: unknown, variables: Record<string, string | undefined>): unknown {
  if (typeof value === 'string') return interpolate(value, variables);
  if (Array.isArray(value)) return value.map((item) => interpolateAll(item, variables));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolateAll(item, variables)]));
  }
  return value;
}

/** Environment values as strings, as compose passes them (YAML may have read `false` or `4000`). */
function normalise(file: ComposeFile): ComposeFile {
  for (const service of Object.values(file.services)) {
    if (service.environment) {
      service.environment = Object.fromEntries(Object.entries(service.environment).map(([key, value]) => [key, String(value)]));
    }
  }
  return file;
}

/** docker-compose.yml as compose reads it with `variables` exported: anchors merged, variables substituted. */
export function loadCompose(variables = OPERATOR_VARIABLES): ComposeFile {
  return normalise(interpolateAll(load(fs.readFileSync(COMPOSE_FILE, 'utf8')), variables) as ComposeFile);
}

/**
 * The same file as `docker-compose config` prints it (it validates the file against compose's schema
 * first), or null when no docker-compose binary is installed. Throws with its message when it refuses.
 */
export function dockerComposeConfig(variables = OPERATOR_VARIABLES): ComposeFile | null {
  const result = spawnSync('docker-compose', ['-f', COMPOSE_FILE, 'config'], {
    env: { PATH: process.env.PATH, ...variables },
    encoding: 'utf8',
  });
  if (result.error && 'code' in result.error && result.error.code === 'ENOENT') return null;
  if (result.status !== 0) throw new Error(`docker-compose config failed:\n${result.stderr}`);
  return normalise(load(result.stdout) as ComposeFile);
}

/** The services that run this project's image: those that build it and those naming the image they build. */
export function enlaceServices(file: ComposeFile): [string, ComposeService][] {
  const built = new Set(
    Object.values(file.services)
      .filter((service) => service.build)
      .map((service) => service.image),
  );
  return Object.entries(file.services).filter(([, service]) => service.build || built.has(service.image));
}
