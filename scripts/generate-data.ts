import 'reflect-metadata';
import type { DataSource, EntityManager } from 'typeorm';
import { loadConfig } from '../services/platform/config';
import { openDatabase } from '../services/kit/database';
import { engineOf, refreshSearchStems } from '../services/kit/full-text';
import { ORGANIZATIONS_INDEX, SERVICES_INDEX } from '../services/organizations/search-indexes';
import { PRACTICES_INDEX } from '../services/practices/search-indexes';
import { inTransaction } from '../services/kit/transaction';
import { organizationsSubgraph } from '../services/organizations/subgraph';
import { cityKey } from '../services/organizations/places';
import { recencyKey } from '../services/kit/change-log';
import { practicesSubgraph } from '../services/practices/subgraph';
import * as data from './data/synthetic';
import { parseOptions, wholeNumber } from './options';

/**
 * `npm run generate-data [-- --organizations 10000 --services 100000 --practices 5000 --seed 17]`: a
 * deterministic synthetic directory in the store the environment names (SQLite under DATA_DIR, or
 * MySQL at DATABASE_URL with DATABASE_PREFIX), for benchmarks. It replaces the synthetic rows of an
 * earlier run. The search indexes fill as the rows go in (SQLite triggers, InnoDB FULLTEXT).
 */
const {
  organizations,
  services,
  practices,
  seed: SEED,
} = parseOptions(
  { command: 'npm run generate-data --' },
  {
    organizations: wholeNumber('synthetic organizations', 10_000, 1),
    services: wholeNumber('synthetic services, each of a random organization', 100_000, 0),
    practices: wholeNumber('synthetic practices', 5_000, 0),
    seed: wholeNumber('seed of the random draws (the same seed draws the same rows)', 17, 0),
  },
);
const COUNTS = { organizations, services, practices };
const BATCH = 500;

type Row = (string | number | null)[];

/** Draws a progress bar on stderr, redrawn at most every 1% so that it costs nothing. */
function progress(label: string, total: number) {
  let shown = -1;
  return (done: number) => {
    const percent = Math.floor((done / total) * 100);
    if (percent === shown) return;
    shown = percent;
    const bar = '#'.repeat(Math.floor(percent / 2.5)).padEnd(40, '.');
    process.stderr.write(`\r${label.padEnd(14)} [${bar}] ${String(percent).padStart(3)}% ${done}/${total}`);
    if (done >= total) process.stderr.write('\n');
  };
}

async function insert(manager: EntityManager, table: string, columns: string[], rows: Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const marks = batch.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
    await manager.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${marks}`, batch.flat());
  }
}

async function clear(db: DataSource, tables: [string, string][]): Promise<void> {
  // Children first (foreign keys); a synthetic id is recognisable by its '5e000000-' prefix.
  await inTransaction(db, async (manager) => {
    for (const [table, key] of tables) await manager.query(`DELETE FROM ${table} WHERE ${key} LIKE '5e000000-%'`);
  });
}

async function generateOrganizations(db: DataSource): Promise<void> {
  const rng = data.random(SEED);
  await clear(db, [
    ['shelters', 'service_id'],
    ['service_languages', 'service_id'],
    ['service_populations', 'service_id'],
    ['services', 'id'],
    ['organization_countries', 'organization_id'],
    ['organizations', 'id'],
  ]);
  const places = data.PLACES.map((p) => [p, p.weight] as const);
  const orgPlaces: (typeof data.PLACES)[number][] = [];
  const orgStatuses: string[] = [];
  const show = progress('organizations', COUNTS.organizations);
  for (let start = 0; start < COUNTS.organizations; start += 1000) {
    const orgs: Row[] = [];
    const served: Row[] = [];
    for (let n = start; n < Math.min(COUNTS.organizations, start + 1000); n += 1) {
      const place = data.weighted(rng, places);
      orgPlaces.push(place);
      const city = data.pick(rng, place.cities)[0];
      const name = `${data.pick(rng, data.ORGANIZATION_WORDS)} ${data.pick(rng, data.NAME_WORDS)} ${city} ${n}`;
      const status = data.weighted(rng, [
        ['VERIFIED', 90],
        ['PENDING', 7],
        ['SUSPENDED', 3],
      ] as const);
      orgStatuses.push(status);
      const description = `${data.pick(rng, data.PHRASES)} ${data.pick(rng, data.PHRASES)}`;
      orgs.push([data.syntheticId(1, n), name, data.weighted(rng, data.ORGANIZATION_KINDS), place.country, description, status, 0]);
      served.push([data.syntheticId(1, n), place.country]);
    }
    await inTransaction(db, async (manager) => {
      await insert(manager, 'organizations', ['id', 'name', 'kind', 'country_code', 'description', 'status', 'is_demo'], orgs);
      await insert(manager, 'organization_countries', ['organization_id', 'country_code'], served);
    });
    show(start + orgs.length);
  }
  const showServices = progress('services', COUNTS.services);
  // updated_at takes the database's default (now): `orderBy: NEWEST` reads its key, recency.
  const recency = recencyKey(new Date());
  // A stream of its own, so that the rest of the dataset is the one earlier versions generated.
  const coverageRng = data.random(SEED + 2);
  const coverageOf = (type: string) => {
    const draw = coverageRng();
    if (type === 'HOTLINE' && draw < 0.3) return 'NATIONAL';
    return draw > 0.99 ? 'INTERNATIONAL' : 'LOCAL';
  };
  for (let start = 0; start < COUNTS.services; start += 2000) {
    const services: Row[] = [];
    const languages: Row[] = [];
    const populations: Row[] = [];
    const shelters: Row[] = [];
    for (let n = start; n < Math.min(COUNTS.services, start + 2000); n += 1) {
      const owner = Math.floor(rng() * COUNTS.organizations);
      const place = orgPlaces[owner];
      const [city, latitude, longitude] = data.pick(rng, place.cities);
      const type = data.weighted(rng, data.SERVICE_TYPES);
      const id = data.syntheticId(2, n);
      const langs = data.some(rng, place.languages, 2);
      const pops = [...new Set(Array.from({ length: 1 + Math.floor(rng() * 3) }, () => data.pick(rng, data.POPULATIONS)))];
      const [lat, lon] = data.around(rng, latitude, longitude);
      const name = `${data.pick(rng, data.SERVICE_WORDS[type])} ${data.pick(rng, data.NAME_WORDS)} ${city}`;
      const description = `${data.pick(rng, data.PHRASES)} ${data.pick(rng, data.PHRASES)} ${data.pick(rng, data.PHRASES)}`;
      services.push([
        id,
        name,
        type,
        description,
        data.syntheticId(1, owner),
        orgStatuses[owner],
        place.country,
        city,
        cityKey(city),
        recency,
        JSON.stringify(langs),
        JSON.stringify(pops),
        rng() < 0.9 ? 1 : 0,
        lat,
        lon,
        coverageOf(type),
        0,
      ]);
      langs.forEach((language) => languages.push([id, language, type]));
      pops.forEach((population) => populations.push([id, population]));
      if (type === 'SHELTER')
        shelters.push([id, data.pick(rng, ['EMERGENCY', 'TRANSITIONAL', 'LONG_TERM']), 5 + Math.floor(rng() * 40), `Calle ficticia ${n}`]);
    }
    await inTransaction(db, async (manager) => {
      const columns = [
        'id',
        'name',
        'type',
        'description',
        'organization_id',
        'organization_status',
        'country_code',
        'city',
        'city_key',
        'recency',
        'languages',
        'populations',
        'free',
        'latitude',
        'longitude',
        'coverage',
        'is_demo',
      ];
      await insert(manager, 'services', columns, services);
      await insert(manager, 'service_languages', ['service_id', 'language', 'service_type'], languages);
      await insert(manager, 'service_populations', ['service_id', 'population'], populations);
      await insert(manager, 'shelters', ['service_id', 'kind', 'capacity', 'address'], shelters);
    });
    showServices(start + services.length);
  }
}

async function generatePractices(db: DataSource): Promise<void> {
  const rng = data.random(SEED + 1);
  await clear(db, [
    ['practice_countries', 'practice_id'],
    ['practice_guidelines', 'practice_id'],
    ['practice_populations', 'practice_id'],
    ['practices', 'id'],
  ]);
  const show = progress('practices', COUNTS.practices);
  const pillars = ['PREVENTION', 'PROTECTION', 'PROSECUTION', 'PARTNERSHIP'];
  for (let start = 0; start < COUNTS.practices; start += 1000) {
    const practices: Row[] = [];
    const countries: Row[] = [];
    const guidelines: Row[] = [];
    for (let n = start; n < Math.min(COUNTS.practices, start + 1000); n += 1) {
      const id = data.syntheticId(3, n);
      const place = data.weighted(
        rng,
        data.PLACES.map((p) => [p, p.weight] as const),
      );
      const type = data.weighted(rng, data.SERVICE_TYPES);
      const title = `${data.pick(rng, data.SERVICE_WORDS[type])} ${data.pick(rng, data.NAME_WORDS)} en ${data.pick(rng, place.cities)[0]}`;
      const body = Array.from({ length: 6 }, () => data.pick(rng, data.PHRASES)).join(' ');
      const status = rng() < 0.9 ? 'PUBLISHED' : 'SUBMITTED';
      practices.push([
        id,
        title,
        data.pick(rng, data.PHRASES),
        body,
        data.pick(rng, pillars),
        status,
        2005 + Math.floor(rng() * 20),
        'spa',
        '2025-01-01 00:00:00',
        0,
      ]);
      countries.push([id, place.country]);
      guidelines.push([id, 1 + Math.floor(rng() * 67)]);
    }
    await inTransaction(db, async (manager) => {
      await insert(
        manager,
        'practices',
        ['id', 'title', 'summary', 'body', 'pillar', 'status', 'year', 'language', 'created_at', 'is_demo'],
        practices,
      );
      await insert(manager, 'practice_countries', ['practice_id', 'country_code'], countries);
      await insert(manager, 'practice_guidelines', ['practice_id', 'guideline_number'], guidelines);
    });
    show(start + practices.length);
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const started = Date.now();
  for (const [subgraph, generate] of [
    [organizationsSubgraph, generateOrganizations],
    [practicesSubgraph, generatePractices],
  ] as const) {
    const db = await openDatabase(config, { service: subgraph.name, entities: subgraph.entities, migrations: subgraph.migrations });
    try {
      await generate(db);
      // The stems column is computed in TypeScript (full-text.ts): the raw INSERTs above leave it empty.
      const indexes = subgraph === practicesSubgraph ? [PRACTICES_INDEX] : [ORGANIZATIONS_INDEX, SERVICES_INDEX];
      for (const index of indexes) {
        const start = Date.now();
        const rows = await inTransaction(db, (manager) => refreshSearchStems(manager, index));
        console.error(`Stems of ${rows} ${index.table} in ${((Date.now() - start) / 1000).toFixed(1)} s.`);
      }
      // No ANALYZE on SQLite: a deployed store never runs it, so the benchmark plans as production does.
      // OPTIMIZE rebuilds the tables, dropping the deleted rows of an earlier run that InnoDB's FULLTEXT
      // indexes otherwise keep filtering out on every search.
      if (engineOf(db) === 'mysql')
        await db.query(
          `OPTIMIZE TABLE ${subgraph.name === 'practices' ? 'practices' : 'services, service_languages, service_populations, organizations'}`,
        );
    } finally {
      await db.destroy();
    }
  }
  console.error(`Generated ${JSON.stringify(COUNTS)} (seed ${SEED}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
