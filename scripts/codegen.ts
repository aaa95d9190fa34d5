import fs from 'node:fs';
import path from 'node:path';
import { generate, type CodegenConfig } from '@graphql-codegen/cli';
import { projectPath } from '../services/platform/paths';
import { flag, parseOptions } from './options';

/** The typed documents of the README's example operations, generated from schema/api.graphql. */
export const CLIENT_DIR = projectPath('schema', 'client');

/**
 * graphql-codegen's client preset over gateway/examples/*.graphql (the README's "Example queries",
 * verbatim: test/federation/readme.test.ts), as a front-end team would run it (docs/api.md#typed-operations).
 */
export function codegenConfig(): CodegenConfig {
  return {
    schema: projectPath('schema', 'api.graphql'),
    documents: [projectPath('gateway', 'examples', '*.graphql')],
    generates: {
      [`${CLIENT_DIR}/`]: {
        preset: 'client',
        // persisted-documents.json: each operation's text by its SHA-256, the manifest the gateway's trusted
        // documents read (docs/api.md#trusted-documents); each document carries its id as __meta__.hash.
        presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
        config: { useTypeImports: true, enumsAsTypes: true, onlyOperationTypes: true },
      },
    },
    silent: true,
    errorsOnly: true,
  };
}

/** The files under schema/client/ (by name) and what they should hold. */
export async function clientFiles(): Promise<Map<string, string>> {
  // generate() is typed `any` for its watch mode; without it, it returns the files it would write.
  const outputs = (await generate(codegenConfig(), false)) as { filename: string; content: string }[];
  return new Map(outputs.map(({ filename, content }) => [path.basename(filename), content]));
}

async function main(): Promise<void> {
  const { check } = parseOptions(
    { command: 'npm run codegen --' },
    { check: flag('writes nothing; exits with 1 when a file under schema/client/ differs from what codegen prints') },
  );
  const files = await clientFiles();
  const stale: string[] = [];
  fs.mkdirSync(CLIENT_DIR, { recursive: true });
  for (const [file, content] of files) {
    const target = path.join(CLIENT_DIR, file);
    if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === content) continue;
    stale.push(file);
    if (!check) fs.writeFileSync(target, content);
  }
  if (check && stale.length > 0) {
    console.error(`schema/client/ is stale (${stale.join(', ')}): run npm run codegen and commit the result.`);
    process.exit(1);
  }
  console.log(stale.length ? `${check ? 'stale' : 'wrote'}: ${stale.join(', ')}` : 'schema/client/ is up to date');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
