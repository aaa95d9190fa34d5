import { openDatabase, type MigrationList } from '../../services/kit/database';
import type { Config } from '../../services/platform/config';
import { Pillar, Practice, PracticeStatus } from '../../services/practices/entities/practice.entity';
import { practicesQuery } from '../../services/practices/practice-query';
import { submitPractice } from '../../services/practices/practice-writes';
import { practicesSubgraph } from '../../services/practices/subgraph';
import { practiceVisibility } from '../../services/practices/visibility';
import { cleanUp, testConfig } from '../helpers/config';

const EXISTING = '6f1c2a4e-0000-4000-8000-000000000017';

const ALL = practicesSubgraph.migrations as Exclude<MigrationList, Record<string, unknown>>;
const open = (config: Config, migrations: MigrationList) =>
  openDatabase(config, { service: 'practices', entities: practicesSubgraph.entities, migrations });

/** The migration to reviewed practices on a library that already has practices (issue 17). */
describe('practices migration to a reviewed library', () => {
  let config: Config;
  beforeAll(async () => {
    config = await testConfig();
    const before = await open(config, ALL.slice(0, 3));
    await before.query(
      'INSERT INTO practices (id, title, summary, pillar, status, language, created_at, submitted_by, is_demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [EXISTING, 'Mesa cobalto de protección', 'Resumen.', 'PROTECTION', 'PUBLISHED', 'spa', '2024-05-06 07:08:09', null, 0],
    );
    await before.destroy();
  });
  afterAll(() => cleanUp(config));

  it('gives existing practices the time they were submitted as updatedAt, no reviewNote, and keeps them and new ones searchable', async () => {
    const db = await open(config, practicesSubgraph.migrations);
    try {
      const existing = await db.getRepository(Practice).findOneByOrFail({ id: EXISTING });
      expect(existing).toMatchObject({ status: PracticeStatus.PUBLISHED, reviewNote: null });
      expect(existing.updatedAt.toISOString()).toBe('2024-05-06T07:08:09.000Z');
      expect(existing.updatedAt).toEqual(existing.createdAt);
      const found = async (search: string) => {
        const criteria = { search, pillar: null, country: null, guideline: null, population: null, status: null };
        return (
          await practicesQuery(
            db,
            criteria,
            practiceVisibility({ id: 'x', role: 'SECRETARIAT', country: null, authorityId: null }),
          ).query.getMany()
        ).map((p) => p.title);
      };
      expect(await found('cobalto')).toEqual(['Mesa cobalto de protección']);
      await submitPractice(db, '6f1c2a4e-0000-4000-8000-0000000000aa', {
        title: 'Mesa ámbar de prevención',
        summary: 'Resumen.',
        pillar: Pillar.PREVENTION,
        countries: ['PE'],
      });
      expect(await found('ambar')).toEqual(['Mesa ámbar de prevención']);
    } finally {
      await db.destroy();
    }
  });
});
