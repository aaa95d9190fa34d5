import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { generate, type CodegenConfig } from '@graphql-codegen/cli';
import ts from 'typescript';
import { projectPath } from '../../services/platform/paths';

/** The "Typed operations" section of the API guide, up to the next section. */
function section(): string {
  const guide = fs.readFileSync(projectPath('docs', 'api.md'), 'utf8');
  const start = guide.indexOf('\n## Typed operations\n');
  if (start < 0) throw new Error('docs/api.md has no "Typed operations" section');
  const end = guide.indexOf('\n## ', start + 1);
  return guide.slice(start, end < 0 ? undefined : end);
}

/** The recipe's codegen.ts, evaluated as graphql-codegen's CLI would load it. */
function loadConfig(source: string): CodegenConfig {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const module: { exports: { default?: CodegenConfig } } = { exports: {} };
  vm.runInNewContext(outputText, { module, exports: module.exports, require });
  if (!module.exports.default) throw new Error("the recipe's codegen.ts exports no default config");
  return module.exports.default;
}

describe('the "Typed operations" recipe of docs/api.md', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-codegen-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('generates, from schema/api.graphql, typed documents that its usage example type-checks against', async () => {
    const [configSource, usage] = [...section().matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(usage).toContain("from './gql'");
    const config = loadConfig(configSource);
    // The front-end's project, as the recipe lays it out: a copy of the schema and its operations under src/.
    fs.mkdirSync(path.join(dir, 'enlace'));
    fs.copyFileSync(projectPath('schema', 'api.graphql'), path.join(dir, config.schema as string));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'src', 'guideline.ts'), usage);

    // The recipe's paths are relative to the front-end's project: here, the temporary folder.
    const inProject = (file: string) => path.join(dir, file) + (file.endsWith('/') ? '/' : '');
    const outputs = (await generate(
      {
        ...config,
        schema: inProject(config.schema as string),
        documents: (config.documents as string[]).map(inProject),
        generates: Object.fromEntries(Object.entries(config.generates).map(([target, output]) => [inProject(target), output])),
        silent: true,
      },
      false,
    )) as { filename: string; content: string }[];
    for (const { filename, content } of outputs) {
      const target = path.resolve(dir, filename);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
    }
    const generated = fs.readFileSync(path.join(dir, 'src', 'gql', 'graphql.ts'), 'utf8');
    expect(generated).toMatch(/export type GuidelineSectionQuery = .*section: GuidelineSection/);

    // The usage compiles against what was generated, with the packages a front-end installs.
    const program = ts.createProgram([path.join(dir, 'src', 'guideline.ts')], {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
      baseUrl: dir,
      paths: { '*': [path.join(projectPath('node_modules'), '*')] },
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });
});
