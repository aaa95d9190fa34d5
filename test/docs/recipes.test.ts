import fs from 'node:fs';
import { projectPath } from '../../services/platform/paths';

/**
 * docs/api.md shows each client recipe whole, under a `<!-- recipe: path -->` line; test/clients/*.test.ts
 * run the files themselves. The page's copy must be the file, so that what a team copies is what was run.
 */
describe("docs/api.md's client recipes", () => {
  const page = fs.readFileSync(projectPath('docs/api.md'), 'utf8');
  const recipes = [...page.matchAll(/^<!-- recipe: (\S+) -->\n```ts\n([\s\S]*?)^```$/gm)].map(([, file, code]) => ({ file, code }));

  it('shows the Apollo Client, urql and Relay recipes', () => {
    expect(recipes.map((recipe) => recipe.file).sort()).toEqual([
      'test/clients/recipes/apollo.ts',
      'test/clients/recipes/relay.ts',
      'test/clients/recipes/urql.ts',
    ]);
  });

  it.each(['apollo', 'urql', 'relay'])('shows the %s recipe exactly as the tests run it', (name) => {
    const file = `test/clients/recipes/${name}.ts`;
    const shown = recipes.find((recipe) => recipe.file === file);
    expect(shown?.code).toBe(fs.readFileSync(projectPath(file), 'utf8'));
  });
});
