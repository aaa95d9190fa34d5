import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { parse, printSchema } from 'graphql';
import { loadConfig, SUBGRAPHS, SubgraphName } from '../services/platform/config';
import { projectPath } from '../services/platform/paths';
import { SUBGRAPH_DEFINITIONS } from '../services/subgraphs';
import { flag, parseOptions } from './options';

export const SCHEMA_DIR = projectPath('schema');

export interface ComposedSchema {
  subgraphs: { name: SubgraphName; sdl: string }[];
  supergraphSdl: string;
}

/** The schema a client sees through the gateway: the supergraph without its federation machinery. */
export function apiSchemaSdl(supergraphSdl: string): string {
  return printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema());
}

/**
 * Prints every subgraph's SDL from the code and composes them offline (Federation 2), as CI and the
 * gateway expect: the supergraph is a reviewed, committed file, never composed at run time in production.
 */
export async function composeSupergraph(): Promise<ComposedSchema> {
  const defaults = loadConfig({});
  const subgraphs: ComposedSchema['subgraphs'] = [];
  for (const name of SUBGRAPHS) {
    subgraphs.push({ name, sdl: (await SUBGRAPH_DEFINITIONS[name].buildSchema()).sdl });
  }
  const result = composeServices(subgraphs.map(({ name, sdl }) => ({ name, url: defaults.subgraphUrls[name], typeDefs: parse(sdl) })));
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return { subgraphs, supergraphSdl: result.supergraphSdl };
}

/** The files under schema/ and what they should hold. */
export function schemaFiles(composed: ComposedSchema): Map<string, string> {
  const files = new Map<string, string>();
  for (const { name, sdl } of composed.subgraphs) files.set(`${name}.graphql`, `${sdl.trimEnd()}\n`);
  files.set('supergraph.graphql', `${composed.supergraphSdl.trimEnd()}\n`);
  // What front-end teams lint and generate typed operations from (docs/api.md#typed-operations).
  files.set('api.graphql', `${apiSchemaSdl(composed.supergraphSdl).trimEnd()}\n`);
  return files;
}

async function main(): Promise<void> {
  const { check } = parseOptions(
    { command: 'npm run schema --' },
    { check: flag('writes nothing; exits with 1 when a file under schema/ differs from what the code prints') },
  );
  const files = schemaFiles(await composeSupergraph());
  const stale: string[] = [];
  for (const [file, content] of files) {
    const target = path.join(SCHEMA_DIR, file);
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
    if (current === content) continue;
    stale.push(file);
    if (!check) fs.writeFileSync(target, content);
  }
  if (check && stale.length > 0) {
    console.error(`schema/ is stale (${stale.join(', ')}): run npm run schema and commit the result.`);
    process.exit(1);
  }
  console.log(stale.length ? `${check ? 'stale' : 'wrote'}: ${stale.join(', ')}` : 'schema/ is up to date');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
