import { DataSource, Logger } from 'typeorm';
import type { Config } from '../../services/platform/config';
import { databaseName } from '../../services/kit/database';
import { engineOf } from '../../services/kit/full-text';
import { paginateList } from '../../services/kit/keyset';
import type { PageArgs } from '../../services/kit/pagination';
import type { ServiceFilter } from '../../services/organizations/resolvers/service.args';
import { serviceCriteria } from '../../services/organizations/service-criteria';
import { servicesQuery } from '../../services/organizations/service-query';
import { organizationsSubgraph } from '../../services/organizations/subgraph';
import { scopeFor, visibilityOf } from '../../services/organizations/visibility';
import path from 'node:path';

/** Records the statements a data source runs, to EXPLAIN exactly what the resolver sends. */
class Recorder implements Logger {
  statements: { sql: string; parameters: unknown[] }[] = [];
  logQuery(sql: string, parameters?: unknown[]): void {
    this.statements.push({ sql, parameters: parameters ?? [] });
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** The organizations store of the benchmark, opened beside the running subgraph (migrations already ran). */
export async function openPlans(config: Config): Promise<{ db: DataSource; recorder: Recorder }> {
  const recorder = new Recorder();
  const common = { entities: organizationsSubgraph.entities, logger: recorder, logging: ['query' as const] };
  const db = config.databaseUrl
    ? new DataSource({
        type: 'mysql',
        url: `${config.databaseUrl.replace(/\/$/, '')}/${databaseName(config, 'organizations')}`,
        charset: 'utf8mb4_unicode_ci',
        ...common,
      })
    : new DataSource({ type: 'better-sqlite3', database: path.join(config.dataDir, 'organizations.sqlite'), ...common });
  await db.initialize();
  return { db, recorder };
}

/** Runs the services query of an anonymous viewer as the resolver does, and EXPLAINs each statement it sent. */
export async function explainServices(db: DataSource, recorder: Recorder, filter: ServiceFilter, page: PageArgs): Promise<string[]> {
  // An anonymous viewer's visibility; the list's SQL never loads an organization.
  const visibility = visibilityOf(scopeFor(null, null, []), engineOf(db), async () => null);
  const list = servicesQuery(db, serviceCriteria(filter), visibility);
  recorder.statements = [];
  await paginateList(list, page);
  const plans: string[] = [];
  for (const { sql, parameters } of recorder.statements.slice()) {
    const mysql = db.options.type === 'mysql';
    const rows: Record<string, string | number | null>[] = await db.query(`${mysql ? 'EXPLAIN' : 'EXPLAIN QUERY PLAN'} ${sql}`, parameters);
    // A page sorted by a computed key carries its count (COUNT(*) OVER ()) and reads its rows by id after;
    // other pages count apart, and look for one row beyond their cursor (LIMIT 1) for hasPreviousPage or
    // hasNextPage. SCAN keyed (SQLite) or <derived2> (MySQL) is the common table of the hits, sorted.
    // On MySQL a search within a country reads the postings (kit/search-postings.ts), one statement per
    // word, after a look for rows written outside the write paths; then the list's rows, whose numbers are
    // matched with the postings' in the subgraph (paginateMatches), and the page's rows by number.
    const kind = /_postings_stale/.test(sql)
      ? 'stale postings'
      : /_postings /.test(sql)
        ? 'postings of a word'
        : /search_doc[`"]? IN \(/.test(sql)
          ? 'rows by number'
          : /OVER \(\)/i.test(sql)
            ? 'page + count'
            : /COUNT\(/i.test(sql)
              ? 'count'
              : /LIMIT 1$/.test(sql)
                ? 'beyond cursor'
                : /WHERE [`"]?s[`"]?\.[`"]?id[`"]? IN \(/.test(sql)
                  ? 'rows by id'
                  : 'page';
    const steps = rows.map((r) =>
      mysql ? `${r.table}: ${r.type} key=${r.key ?? '-'} rows=${r.rows}${r.Extra ? ` (${r.Extra})` : ''}` : String(r.detail),
    );
    plans.push(`${kind}: ${steps.join(' | ')}`);
  }
  return plans;
}
