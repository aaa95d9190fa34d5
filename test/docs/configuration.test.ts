import fs from 'node:fs';
import { loadConfig } from '../../services/platform/config';
import { projectPath } from '../../services/platform/paths';

/** Every variable the processes read, with its default and range, is in docs/configuration.md. */
const CONFIG = fs.readFileSync(projectPath('services', 'platform', 'config.ts'), 'utf8');
const DOCS = fs.readFileSync(projectPath('docs', 'configuration.md'), 'utf8');

/** A number as config.ts writes it: `100_000`, `12 * 3600`, `16 * 2 ** 20`. */
function numberOf(text: string): number {
  const factors = text
    .replaceAll('_', '')
    .split(/\s*(?<!\*)\*(?!\*)\s*/)
    .map((factor) => factor.split(/\s*\*\*\s*/).map(Number));
  return factors.reduce((product, [base, exponent]) => product * (exponent === undefined ? base : base ** exponent), 1);
}

/** `intVar(env, 'NAME', default, min, max)`, as config.ts reads every number. */
const NUMBERS = [...CONFIG.matchAll(/intVar\(env, '([A-Z_]+)', ([\d_ *]+), ([\d_]+), ([\d_ *]+)\)/g)].map(
  ([, name, fallback, min, max]) => ({
    name,
    fallback: numberOf(fallback),
    min: numberOf(min),
    max: numberOf(max),
  }),
);
const NAMES = [...new Set([...CONFIG.matchAll(/(?:Var\(env, '|env\.)([A-Z][A-Z_]+)/g)].map(([, name]) => name))];

/** The row of a variable in one of the doc's tables: `| \`NAME\` | default | accepted | meaning |`. */
const row = (name: string): string[] | undefined =>
  DOCS.split('\n')
    .find((line) => line.startsWith(`| \`${name}\``) || line.includes(`\`${name}\` |`))
    ?.split('|')
    .map((cell) => cell.trim());

describe('docs/configuration.md', () => {
  it('finds the variables config.ts reads', () => {
    expect(NUMBERS.length).toBeGreaterThan(15);
    expect(NAMES.length).toBeGreaterThan(NUMBERS.length);
  });

  it.each(NAMES)('documents %s', (name) => {
    expect(DOCS).toContain(`\`${name}\``);
  });

  it.each(NUMBERS.map((number) => [number.name, number]))('gives %s its default and range as config.ts has them', (name, number) => {
    const cells = row(name);
    expect(cells).toBeDefined();
    const [, , fallback, accepted] = cells!;
    expect(fallback.replaceAll('`', '')).toContain(String(number.fallback));
    expect(accepted).toContain(`${number.min} to ${number.max}`);
  });
});

describe('the defaults of the limits', () => {
  it('let no subgraph refuse for its number of objects an operation the edge accepts (each object costs at least 1)', () => {
    const config = loadConfig({});
    expect(config.edge.maxCost).toBeLessThanOrEqual(config.responseMaxObjects);
  });
});
