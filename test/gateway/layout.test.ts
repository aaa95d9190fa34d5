import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

/** The project files and packages a fresh process has loaded after requiring `modules`, as paths relative to ROOT. */
function loadedBy(modules: string[]): string[] {
  const script = `${modules.map((m) => `require(${JSON.stringify(path.join(ROOT, m))});`).join('')}
    process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  const out = execFileSync(process.execPath, ['-r', path.join(ROOT, 'test/helpers/ts-register.js'), '-e', script], { cwd: ROOT });
  return (JSON.parse(out.toString()) as string[]).map((file) => path.relative(ROOT, file));
}

/** Packages only subgraphs use; a path may lead through a symlinked node_modules (a git worktree's). */
const SUBGRAPH_PACKAGES = /(^|\/)node_modules\/(typeorm|type-graphql|class-validator|mysql2|better-sqlite3|dataloader)\//;
const isPackage = (file: string) => /(^|\/)node_modules\//.test(file);

describe('the layout of the house', () => {
  it('the gateway loads services/platform and nothing of services/kit, TypeORM or type-graphql', () => {
    const loaded = loadedBy(['gateway/gateway.ts']);
    expect(loaded.filter((file) => file.startsWith('services/') && !file.startsWith('services/platform/'))).toEqual([]);
    expect(loaded.filter((file) => SUBGRAPH_PACKAGES.test(file))).toEqual([]);
    expect(loaded.some((file) => file.startsWith('services/platform/'))).toBe(true);
  });

  it('services/platform depends on no other folder of the project', () => {
    const platform = fs.readdirSync(path.join(ROOT, 'services/platform')).map((file) => `services/platform/${file}`);
    const loaded = loadedBy(platform);
    expect(
      loaded.filter((file) => !file.startsWith('services/platform/') && !isPackage(file) && !file.startsWith('test/helpers/')),
    ).toEqual([]);
    expect(loaded.filter((file) => SUBGRAPH_PACKAGES.test(file))).toEqual([]);
  });
});
