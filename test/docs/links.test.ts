import fs from 'node:fs';
import path from 'node:path';
import { projectPath } from '../../services/platform/paths';

/** The README is the front door: about 200 lines at most, the rest goes to docs/. */
const README_MAX_LINES = 200;

const DOCS_DIR = projectPath('docs');
const PAGES = [
  'README.md',
  ...fs
    .readdirSync(DOCS_DIR)
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

const read = (page: string) => fs.readFileSync(projectPath(page), 'utf8');
const withoutCode = (text: string) => text.replace(/^```[\s\S]*?^```/gm, '');

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, heading] of withoutCode(text).matchAll(/^#{1,6}\s+(.+?)\s*$/gm)) {
    const slug = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    result.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return result;
}

/** Every relative link of a page (not in code blocks) as [target file relative to the project, anchor]. */
function relativeLinks(page: string): { link: string; file: string; anchor: string | undefined }[] {
  return [...withoutCode(read(page)).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1])
    .filter((link) => !/^[a-z][a-z0-9+.-]*:/i.test(link))
    .map((link) => {
      const [target, anchor] = link.split('#');
      const file = target === '' ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), target));
      return { link, file, anchor };
    });
}

describe('the documentation', () => {
  it(`keeps the README at ${README_MAX_LINES} lines at most`, () => {
    expect(read('README.md').trimEnd().split('\n').length).toBeLessThanOrEqual(README_MAX_LINES);
  });

  it('links from the README to every page of docs/', () => {
    const linked = new Set(relativeLinks('README.md').map(({ file }) => file));
    expect(PAGES.filter((page) => page !== 'README.md' && !linked.has(page))).toEqual([]);
  });

  describe.each(PAGES)('%s', (page) => {
    it('has no relative link to a missing file', () => {
      const broken = relativeLinks(page)
        .filter(({ file }) => !fs.existsSync(projectPath(file)))
        .map(({ link }) => link);
      expect(broken).toEqual([]);
    });

    it('has no link to a missing heading of a Markdown page', () => {
      const broken = relativeLinks(page)
        .filter(({ file, anchor }) => anchor !== undefined && file.endsWith('.md') && fs.existsSync(projectPath(file)))
        .filter(({ file, anchor }) => !anchors(read(file)).has(anchor!))
        .map(({ link }) => link);
      expect(broken).toEqual([]);
    });
  });
});
