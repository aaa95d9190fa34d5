import fs from 'node:fs';
import path from 'node:path';

let root: string | undefined;

/**
 * The project's root folder (the one holding package.json), found from this file's location, so that
 * committed files (schema/, the Work Plan data) are found the same way from ts sources and from dist/.
 */
export function projectRoot(): string {
  if (root) return root;
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  root = dir;
  return root;
}

export const projectPath = (...parts: string[]): string => path.join(projectRoot(), ...parts);
