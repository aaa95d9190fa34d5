import type { DataSource } from 'typeorm';
import { agreementsSubgraph } from '../../services/agreements/subgraph';
import { authoritiesSubgraph } from '../../services/authorities/subgraph';
import type { Viewer } from '../../services/platform/auth';
import { viewer } from '../helpers/auth';
import { openSubgraph, type SubgraphUnderTest } from '../helpers/subgraph';

interface Planned {
  sql: string;
  /** The indexes the plan reads, and whether it sorts apart (MySQL's filesort). */
  indexes: string[];
  filesort: boolean;
}

/** The statements `run` sends to `db`, each with its plan (EXPLAIN on MySQL, EXPLAIN QUERY PLAN on SQLite). */
async function planned(db: DataSource, run: () => Promise<unknown>): Promise<Planned[]> {
  const spy = jest.spyOn(db.logger, 'logQuery');
  try {
    await run();
    const sent = spy.mock.calls.map(([sql, parameters]) => ({ sql, parameters: parameters ?? [] }));
    const mysql = db.options.type === 'mysql';
    const result: Planned[] = [];
    for (const { sql, parameters } of sent) {
      const rows: Record<string, string | number | null>[] = await db.query(
        `${mysql ? 'EXPLAIN' : 'EXPLAIN QUERY PLAN'} ${sql}`,
        parameters,
      );
      const indexes = mysql
        ? rows.map((row) => String(row.key ?? ''))
        : rows.map((row) => /USING (?:COVERING )?INDEX (\w+)/.exec(String(row.detail))?.[1] ?? '');
      const filesort = mysql && rows.some((row) => /filesort/i.test(String(row.Extra ?? '')));
      result.push({ sql, indexes: [...new Set(indexes.filter(Boolean))], filesort });
    }
    return result;
  } finally {
    spy.mockRestore();
  }
}

/** A list paged from its middle both ways: forward with first/after, backward with last/before. */
interface Case {
  title: string;
  subgraph: () => SubgraphUnderTest;
  field: string;
  filter: string;
  index: string;
  who: Viewer | null;
}

/** Backward pages read the list's keyset index the other way: no OFFSET, no other index, no sort apart on MySQL. */
describe('the plans of backward pages', () => {
  let agreements: SubgraphUnderTest;
  let authorities: SubgraphUnderTest;
  beforeAll(async () => {
    agreements = await openSubgraph(agreementsSubgraph);
    authorities = await openSubgraph(authoritiesSubgraph);
  });
  afterAll(async () => {
    await agreements?.close();
    await authorities?.close();
  });

  const CASES: Case[] = [
    {
      title: 'agreements, newest first',
      subgraph: () => agreements,
      field: 'agreements',
      filter: '{ orderBy: NEWEST }',
      index: 'idx_agreements_recency',
      who: viewer('SECRETARIAT'),
    },
    {
      title: "a country's national authorities by name",
      subgraph: () => authorities,
      field: 'authorities',
      filter: '{ country: "GT" }',
      index: 'idx_authorities_country_name',
      who: null,
    },
  ];

  it.each(CASES)('$title: the page and the look beyond its cursor read the list index', async ({ subgraph, field, filter, index, who }) => {
    const { db, execute } = subgraph();
    const source = `query($first: Int, $after: String, $last: Int, $before: String) {
      list: ${field}(filter: ${filter}, first: $first, after: $after, last: $last, before: $before) {
        edges { cursor } pageInfo { hasNextPage hasPreviousPage } } }`;
    const all = await execute(source, { first: 100 }, who);
    expect(all.errors).toBeUndefined();
    const edges = (all.data!.list as { edges: { cursor: string }[] }).edges;
    expect(edges.length).toBeGreaterThan(2);
    const cursor = edges[1].cursor;
    const forward = await planned(db, () => execute(source, { first: 1, after: cursor }, who));
    const backward = await planned(db, () => execute(source, { last: 1, before: cursor }, who));
    for (const statements of [forward, backward]) {
      // The page (LIMIT 2) and the look for a row beyond its cursor (LIMIT 1); the count is the other statement.
      const keyset = statements.filter(({ sql }) => /LIMIT [12]\b/.test(sql));
      expect(keyset).toHaveLength(2);
      for (const { sql, indexes, filesort } of keyset) {
        expect(sql).not.toMatch(/OFFSET/i);
        expect(indexes).toEqual([index]);
        expect(filesort).toBe(false);
      }
    }
    expect(backward.map(({ indexes }) => indexes)).toEqual(forward.map(({ indexes }) => indexes));
  });
});
