import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { Config, loadConfig, SUBGRAPHS } from '../../services/platform/config';
import { databaseName } from '../../services/kit/database';
import { newKeyPair } from '../../services/platform/auth';

/** Set TEST_DATABASE_URL=mysql://root@127.0.0.1:3306 to run the same suites on MySQL. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/**
 * The key pair of this test file's graphs (ES256, PEM): their accounts signs with the private half, every
 * process checks with the public one; tests forge tokens with other keys to see them refused.
 */
export const TEST_KEYS = newKeyPair();
/** The gateway's key for the subgraphs' event-log heads in test graphs. */
export const TEST_FEED_KEY = 'test-feed-key-that-is-long-enough-0123456789';
/** The environment that gives a process of a test graph its keys. */
export const TEST_KEY_ENV = { JWT_PRIVATE_KEY: TEST_KEYS.privateKey, JWT_PUBLIC_KEY: TEST_KEYS.publicKey, FEED_KEY: TEST_FEED_KEY };

let counter = 0;

/**
 * A configuration of its own for one test graph: a fresh temporary data directory on SQLite, or a
 * fresh set of MySQL databases (dropped first) named after the Jest worker, so suites never share rows.
 */
export async function testConfig(overrides: Record<string, string> = {}): Promise<Config> {
  counter += 1;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-test-'));
  const prefix = `enlace_t${process.env.JEST_WORKER_ID ?? '0'}_${process.pid % 100000}_${counter}_`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_PREFIX: prefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL || 'silent',
    ...TEST_KEY_ENV,
    ...overrides,
  });
  if (config.databaseUrl) await dropDatabases(config);
  return config;
}

/** Removes what a test graph left behind: its MySQL databases or its data directory. */
export async function cleanUp(config: Config): Promise<void> {
  if (config.databaseUrl) await dropDatabases(config);
  else fs.rmSync(config.dataDir, { recursive: true, force: true });
}

async function dropDatabases(config: Config): Promise<void> {
  const connection = await mysql.createConnection(config.databaseUrl!);
  try {
    for (const name of SUBGRAPHS) await connection.query(`DROP DATABASE IF EXISTS \`${databaseName(config, name)}\``);
  } finally {
    await connection.end();
  }
}
