import fs from 'node:fs';
import path from 'node:path';

/** `*` and `?` within one path segment, `**` across any number of them, as Docker's matcher reads them. */
function patternRegExp(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index];
    if (pattern.startsWith('**/', index)) {
      source += '(?:.*/)?';
      index += 2;
    } else if (pattern.startsWith('**', index)) {
      source += '.*';
      index += 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * Whether the build context leaves out `relative` (a path from the context's root, with /), read from
 * .dockerignore as Docker does: patterns anchored at the root, a matching folder leaves out all it
 * holds, `!` takes a path back, the last matching line wins.
 */
export function dockerIgnore(contextDir: string): (relative: string) => boolean {
  const file = path.join(contextDir, '.dockerignore');
  const rules = (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const keep = line.startsWith('!');
      const pattern = path.posix.normalize((keep ? line.slice(1) : line).trim()).replace(/^\/+|\/+$/g, '');
      return { keep, regexp: patternRegExp(pattern) };
    });
  return (relative) => {
    const parts = relative.split('/');
    const prefixes = parts.map((_, index) => parts.slice(0, index + 1).join('/'));
    let ignored = false;
    for (const rule of rules) {
      if (prefixes.some((prefix) => rule.regexp.test(prefix))) ignored = !rule.keep;
    }
    return ignored;
  };
}
