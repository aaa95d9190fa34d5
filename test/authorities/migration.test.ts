import { authoritiesQuery } from '../../services/authorities/authority-query';
import { createAuthority } from '../../services/authorities/authority-writes';
import { Competence, NationalAuthority } from '../../services/authorities/entities/national-authority.entity';
import { authoritiesSubgraph } from '../../services/authorities/subgraph';
import { openDatabase, type MigrationList } from '../../services/kit/database';
import type { Config } from '../../services/platform/config';
import { viewer } from '../helpers/auth';
import { cleanUp, testConfig } from '../helpers/config';

const EXISTING = '6f1c2a4e-0000-4000-8000-000000000001';

const ALL = authoritiesSubgraph.migrations as Exclude<MigrationList, Record<string, unknown>>;
const open = (config: Config, migrations: MigrationList) =>
  openDatabase(config, { service: 'authorities', entities: authoritiesSubgraph.entities, migrations });

/** The stewardship migration on a directory that already has authorities (issue 16). */
describe('authorities migration to a maintained directory', () => {
  let config: Config;
  beforeAll(async () => {
    config = await testConfig();
    const before = await open(config, ALL.slice(0, 2));
    await before.query(
      'INSERT INTO national_authorities (id, name, acronym, country_code, competences, is_contact_point, is_demo) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [EXISTING, 'Dirección Cobalto contra la Trata', null, 'PE', '["COORDINATION"]', 1, 0],
    );
    await before.destroy();
  });
  afterAll(() => cleanUp(config));

  it('gives existing authorities an updatedAt, not archived, and keeps them and new ones searchable', async () => {
    const db = await open(config, authoritiesSubgraph.migrations);
    try {
      const existing = await db.getRepository(NationalAuthority).findOneByOrFail({ id: EXISTING });
      expect(existing).toMatchObject({ archived: false, description: null, isContactPoint: true });
      expect(Math.abs(Date.now() - existing.updatedAt.getTime())).toBeLessThan(60_000);
      const found = (search: string) => authoritiesQuery(db, { country: null, competence: null, search }).query.getMany();
      expect((await found('cobalto')).map((a) => a.id)).toEqual([EXISTING]);
      await createAuthority(db, viewer('SECRETARIAT'), { country: 'PE', name: 'Oficina Ámbar', competences: [Competence.PREVENTION] });
      expect((await found('ambar')).map((a) => a.name)).toEqual(['Oficina Ámbar']);
    } finally {
      await db.destroy();
    }
  });
});
