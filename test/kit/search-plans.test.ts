import type { DataSource } from 'typeorm';
import { authoritiesSubgraph } from '../../services/authorities/subgraph';
import { organizationsSubgraph } from '../../services/organizations/subgraph';
import { practicesSubgraph } from '../../services/practices/subgraph';
import { viewer } from '../helpers/auth';
import { TEST_DATABASE_URL } from '../helpers/config';
import { openSubgraph, type SubgraphUnderTest } from '../helpers/subgraph';

const ON_MYSQL = TEST_DATABASE_URL?.startsWith('mysql') ?? false;

/** The plan of every statement `run` sends that reads `table`: EXPLAIN rows on MySQL, EXPLAIN QUERY PLAN details on SQLite. */
async function plans(
  db: DataSource,
  run: () => Promise<unknown>,
  searched: RegExp = /MATCH/,
): Promise<{ sql: string; steps: Record<string, unknown>[] }[]> {
  const spy = jest.spyOn(db.logger, 'logQuery');
  try {
    await run();
    const sent = spy.mock.calls.map(([sql, parameters]) => ({ sql, parameters: parameters ?? [] }));
    const mysql = db.options.type === 'mysql';
    const result = [];
    for (const { sql, parameters } of sent.filter(({ sql }) => searched.test(sql))) {
      result.push({ sql, steps: await db.query(`${mysql ? 'EXPLAIN' : 'EXPLAIN QUERY PLAN'} ${sql}`, parameters) });
    }
    return result;
  } finally {
    spy.mockRestore();
  }
}

/**
 * Searches by a word form, a short token, a place and a language name stay index-backed (docs/search.md):
 * the full-text index (FTS5 table, or the FULLTEXT index over the texts and the stems column) leads, and no
 * statement reads the table whole.
 */
describe('the plans of searches with stems, short tokens, places and language names', () => {
  let organizations: SubgraphUnderTest;
  let practices: SubgraphUnderTest;
  let authorities: SubgraphUnderTest;
  beforeAll(async () => {
    organizations = await openSubgraph(organizationsSubgraph);
    practices = await openSubgraph(practicesSubgraph);
    authorities = await openSubgraph(authoritiesSubgraph);
  });
  afterAll(async () => {
    await organizations?.close();
    await practices?.close();
    await authorities?.close();
  });

  const CASES = [
    {
      title: 'services, a plural',
      subgraph: () => organizations,
      field: 'services',
      filter: '{ search: "albergues" }',
      table: 'services',
      index: 'ft_services_search',
    },
    {
      title: 'services, a plural + country',
      subgraph: () => organizations,
      field: 'services',
      filter: '{ search: "albergues", country: "GT" }',
      table: 'services',
      index: 'ft_services_scoped',
    },
    {
      title: 'services, a language name + type',
      subgraph: () => organizations,
      field: 'services',
      filter: '{ search: "kiche", type: SHELTER }',
      table: 'services',
      index: 'ft_services_search',
    },
    {
      title: 'services, a city and a short token',
      subgraph: () => organizations,
      field: 'services',
      filter: '{ search: "Quetzaltenango 24" }',
      table: 'services',
      index: 'ft_services_search',
    },
    {
      title: 'organizations, a verb form',
      subgraph: () => organizations,
      field: 'organizations',
      filter: '{ search: "acompañamos" }',
      table: 'organizations',
      index: 'ft_organizations_search',
    },
    {
      title: 'practices, a plural',
      subgraph: () => practices,
      field: 'practices',
      filter: '{ search: "albergues" }',
      table: 'practices',
      index: 'ft_practices_search',
    },
    {
      title: 'authorities, a dashed acronym',
      subgraph: () => authorities,
      field: 'authorities',
      filter: '{ search: "CIDT-MX" }',
      table: 'national_authorities',
      index: 'ft_national_authorities_search',
    },
  ];

  // On MySQL a search of services within a country reads the postings (kit/search-postings.ts): its own test below.
  const FULL_TEXT_CASES = ON_MYSQL ? CASES.filter((c) => c.index !== 'ft_services_scoped') : CASES;

  it.each(FULL_TEXT_CASES)('$title: led by the full-text index, no table scan', async ({ subgraph, field, filter, table, index }) => {
    const { db, execute } = subgraph();
    const source = `{ list: ${field}(filter: ${filter}, first: 10) { totalCount nodes { id } } }`;
    const planned = await plans(db, async () => expect((await execute(source, {}, viewer('SECRETARIAT'))).errors).toBeUndefined());
    expect(planned.length).toBeGreaterThan(0);
    // `keyed` is the common table of a ranked page (kit/keyset.ts): the search's hits and their keys, which
    // the page reads whole to sort them; no table of the database is.
    const isHits = (table: string) => table === 'keyed' || /^<derived\d+>$/.test(table);
    for (const { steps } of planned) {
      if (db.options.type === 'mysql') {
        expect(steps.find((step) => step.type === 'fulltext')?.key).toBe(index);
        expect(steps.filter((step) => step.type === 'ALL' && !isHits(String(step.table))).map((step) => step.table)).toEqual([]);
      } else {
        const details = steps.map((step) => String(step.detail));
        expect(details.some((detail) => detail.includes(`${table}_fts VIRTUAL TABLE INDEX`))).toBe(true);
        expect(details.filter((detail) => /^SCAN \w+$/.test(detail) && !isHits(detail.slice('SCAN '.length)))).toEqual([]);
      }
    }
  });
  (ON_MYSQL ? it : it.skip)('services, a plural + country on MySQL: the postings by their key, then the services by an index', async () => {
    const { db, execute } = organizations;
    const source = '{ list: services(filter: { search: "albergues", country: "GT" }, first: 10) { totalCount nodes { id } } }';
    const planned = await plans(
      db,
      async () => expect((await execute(source, {}, viewer('SECRETARIAT'))).errors).toBeUndefined(),
      /FROM services_postings WHERE|FROM `services` `s`/,
    );
    const postings = planned.filter(({ sql }) => sql.includes('services_postings'));
    expect(postings.length).toBe(1);
    for (const step of postings[0].steps) expect(step).toMatchObject({ table: 'services_postings', key: 'PRIMARY', type: 'range' });
    expect(planned.length).toBeGreaterThan(1);
    for (const { steps } of planned) expect(steps.filter((step) => step.type === 'ALL').map((step) => step.table)).toEqual([]);
  });
});
