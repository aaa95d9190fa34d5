/**
 * Lets a child process run the TypeScript sources as they are (`node -r ./test/helpers/ts-register.js
 * services/organizations/main.ts`), so that tests can signal real processes without building dist/.
 * Each file is transpiled alone (tsconfig has isolatedModules), with the decorator options type-graphql
 * and TypeORM need; type errors are tsc's job (`npm run typecheck`).
 */
require('reflect-metadata');
const fs = require('node:fs');
const ts = require('typescript');

const compilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  esModuleInterop: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  useDefineForClassFields: false,
  inlineSourceMap: true,
};

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
