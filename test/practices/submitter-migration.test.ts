import { openDatabase } from '../../services/kit/database';
import { stableId } from '../../services/kit/ids';
import { CreatePractices1764400400000 } from '../../services/practices/migrations/1764400400000-CreatePractices';
import { practicesSubgraph } from '../../services/practices/subgraph';
import { cleanUp, testConfig } from '../helpers/config';

describe('the migration that records submitters', () => {
  it('keeps every practice and its links, with no submitter, on a store the first migration made', async () => {
    const config = await testConfig();
    const id = stableId('test:practice:before-submitters');
    try {
      const before = await openDatabase(config, { service: 'practices', entities: [], migrations: [CreatePractices1764400400000] });
      await before.query(
        "INSERT INTO practices (id, title, summary, pillar, status, language, created_at, is_demo) VALUES (?, 'T', 'S', 'PREVENTION', 'PUBLISHED', 'spa', ?, ?)",
        [id, '2025-01-01 00:00:00', 0],
      );
      await before.query("INSERT INTO practice_countries (practice_id, country_code) VALUES (?, 'GT')", [id]);
      await before.destroy();

      const after = await openDatabase(config, {
        service: 'practices',
        entities: practicesSubgraph.entities,
        migrations: practicesSubgraph.migrations,
      });
      try {
        expect(await after.query('SELECT id, submitted_by FROM practices')).toEqual([{ id, submitted_by: null }]);
        expect(await after.query('SELECT practice_id, country_code FROM practice_countries')).toEqual([
          { practice_id: id, country_code: 'GT' },
        ]);
      } finally {
        await after.destroy();
      }
    } finally {
      await cleanUp(config);
    }
  });
});
