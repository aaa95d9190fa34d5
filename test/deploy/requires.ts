import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

const BUILTINS = new Set(builtinModules);

function resolveFile(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [base, `${base}.js`, `${base}.json`, path.join(base, 'index.js')].find(
    (file) => fs.existsSync(file) && fs.statSync(file).isFile(),
  );
}

/**
 * The packages a compiled script can require, with one file that requires each: every `require("...")`
 * of the script and of the project files it requires in turn, including those only some code path
 * reaches, which starting the process would not show.
 */
export function requiredPackages(mains: string[]): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [...mains];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file) || !file.endsWith('.js')) continue;
    seen.add(file);
    for (const [, specifier] of fs.readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)) {
      if (specifier.startsWith('.')) {
        const target = resolveFile(file, specifier);
        if (!target) throw new Error(`${file} requires ${specifier}, which is not there`);
        queue.push(target);
      } else if (!specifier.startsWith('node:') && !BUILTINS.has(specifier.split('/')[0])) {
        const name = specifier
          .split('/')
          .slice(0, specifier.startsWith('@') ? 2 : 1)
          .join('/');
        if (!packages.has(name)) packages.set(name, file);
      }
    }
  }
  return packages;
}
