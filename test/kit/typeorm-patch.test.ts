import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver';

/**
 * openDatabase (services/kit/database.ts, bindNumbers) wraps the SQLite driver's
 * escapeQueryWithParameters: it relies on that function's parameter syntax (`:key`, `:...key`) and on a
 * listed value being bound item by item. TypeORM is pinned to one version so that nothing moves under
 * the wrapper; these tests fail when the installed TypeORM or that function is not the one the wrapper
 * was written against.
 */
const ROOT = path.join(__dirname, '..', '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** sha256 of the source of escapeQueryWithParameters in TypeORM 1.1.1 (AbstractSqliteDriver, inherited by BetterSqlite3Driver). */
const KNOWN_SOURCE_SHA256 = '117f18d671f798657e6646da67e9799c3a631f651bdb766fa137c7264187524e';

describe('the TypeORM that bindNumbers patches', () => {
  const pinned: string = readJson(path.join(ROOT, 'package.json')).dependencies.typeorm;

  it('is pinned to one exact version, in package.json and in the lock file', () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(readJson(path.join(ROOT, 'package-lock.json')).packages[''].dependencies.typeorm).toBe(pinned);
  });

  it('is the version installed', () => {
    // typeorm's `exports` do not publish its package.json: read it beside its entry point.
    const installed: string = readJson(path.join(path.dirname(require.resolve('typeorm')), 'package.json')).version;
    expect(installed).toBe(pinned);
  });

  it("has the SQLite driver's escapeQueryWithParameters the patch was written against", () => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- read as source text, never called
    const source = Function.prototype.toString.call(BetterSqlite3Driver.prototype.escapeQueryWithParameters);
    const hash = createHash('sha256').update(source).digest('hex');
    if (hash !== KNOWN_SOURCE_SHA256) {
      throw new Error(
        "TypeORM's SQLite escapeQueryWithParameters is not the one bindNumbers (services/kit/database.ts) was written against. " +
          'Re-check bindNumbers against its new source (the `:key` / `:...key` syntax, how a listed value is bound, how a number is written), ' +
          `then put its new hash here: ${hash}`,
      );
    }
  });
});
