import { agreementsSubgraph } from '../../services/agreements/subgraph';
import { openDatabase, type MigrationList } from '../../services/kit/database';
import type { Config } from '../../services/platform/config';
import { cleanUp, testConfig } from '../helpers/config';

const SIGNED = '6f1c2a4e-0000-4000-8000-0000000000a1';
const DROPPED = '6f1c2a4e-0000-4000-8000-0000000000a2';
const DRAFT = '6f1c2a4e-0000-4000-8000-0000000000a3';

const ALL = agreementsSubgraph.migrations as Exclude<MigrationList, Record<string, unknown>>;
const open = (config: Config, migrations: MigrationList) =>
  openDatabase(config, { service: 'agreements', entities: agreementsSubgraph.entities, migrations });

/** The migration to agreements every party signs, on a register and event log of the previous version (issue 17). */
describe('agreements migration to signatures and recorded statuses', () => {
  let config: Config;
  beforeAll(async () => {
    config = await testConfig({ SEED_DEMO: 'false' });
    const before = await open(config, ALL.slice(0, 3));
    const agreement =
      'INSERT INTO agreements (id, title, kind, status, summary, guidelines, signed_on, entry_into_force, created_at, is_demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
    await before.query(agreement, [
      SIGNED,
      'Firmado',
      'BILATERAL',
      'SUSPENDED',
      null,
      '[5,16]',
      '2024-01-02 00:00:00',
      '2024-02-01 00:00:00',
      '2024-01-01 09:00:00',
      0,
    ]);
    await before.query(agreement, [DROPPED, 'Abandonado', 'BILATERAL', 'TERMINATED', null, '[]', null, null, '2024-03-01 09:00:00', 0]);
    await before.query(agreement, [DRAFT, 'Borrador', 'MEMORANDUM', 'DRAFT', null, '[9]', null, null, '2024-04-01 09:00:00', 0]);
    const party = 'INSERT INTO agreement_parties (agreement_id, position, country_code, authority_id) VALUES (?, ?, ?, NULL)';
    for (const id of [SIGNED, DROPPED, DRAFT]) {
      await before.query(party, [id, 0, 'GT']);
      await before.query(party, [id, 1, 'MX']);
    }
    // The old log: the status after each event, no status before; the events of the three interleaved.
    const log: [string, string, string, string][] = [
      [SIGNED, 'CREATED', 'DRAFT', '2024-01-01 09:00:00'],
      [DROPPED, 'CREATED', 'DRAFT', '2024-03-01 09:00:00'],
      [SIGNED, 'STATUS_CHANGED', 'SIGNED', '2024-01-02 00:00:00'],
      [SIGNED, 'STATUS_CHANGED', 'IN_FORCE', '2024-02-01 00:00:00'],
      [DROPPED, 'STATUS_CHANGED', 'TERMINATED', '2024-03-05 10:00:00'],
      [SIGNED, 'STATUS_CHANGED', 'SUSPENDED', '2024-06-01 12:30:00'],
      [DRAFT, 'CREATED', 'DRAFT', '2024-04-01 09:00:00'],
    ];
    for (const [i, [id, kind, status, at]] of log.entries()) {
      await before.query('INSERT INTO agreement_events (id, kind, at, agreement_id, party_countries, status) VALUES (?, ?, ?, ?, ?, ?)', [
        i + 1,
        kind,
        at,
        id,
        '["GT","MX"]',
        status,
      ]);
    }
    await before.query("UPDATE agreement_event_sequence SET value = ? WHERE name = 'events'", [log.length]);
    await before.destroy();
  });
  afterAll(() => cleanUp(config));

  it('gives old events the statuses before and after that the log recorded, withdraws a draft that was terminated, and dates the parties', async () => {
    const db = await open(config, agreementsSubgraph.migrations);
    try {
      const events = await db.query('SELECT id, agreement_id, status, previous_status, party_country FROM agreement_events ORDER BY id');
      expect(events.map((e: any) => [Number(e.id), e.previous_status, e.status, e.party_country])).toEqual([
        [1, null, 'DRAFT', null],
        [2, null, 'DRAFT', null],
        [3, 'DRAFT', 'SIGNED', null],
        [4, 'SIGNED', 'IN_FORCE', null],
        [5, 'DRAFT', 'WITHDRAWN', null],
        [6, 'IN_FORCE', 'SUSPENDED', null],
        [7, null, 'DRAFT', null],
      ]);
      const rows = await db.query('SELECT id, status, recency, updated_at FROM agreements ORDER BY recency');
      expect(rows.map((r: any) => [r.id, r.status])).toEqual([
        [SIGNED, 'SUSPENDED'], // its latest event, 2024-06-01, is the newest change
        [DRAFT, 'DRAFT'],
        [DROPPED, 'WITHDRAWN'],
      ]);
      const parties = await db.query('SELECT agreement_id, signed_on FROM agreement_parties ORDER BY agreement_id, position');
      const signedOn = (id: string) =>
        parties.filter((p: any) => p.agreement_id === id).map((p: any) => (p.signed_on ? new Date(p.signed_on) : null));
      expect(signedOn(SIGNED).map((d: Date | null) => d && d.getUTCFullYear())).toEqual([2024, 2024]);
      expect(signedOn(DROPPED)).toEqual([null, null]);
      expect(signedOn(DRAFT)).toEqual([null, null]);
      const links = await db.query(
        'SELECT agreement_id, guideline_number FROM agreement_guidelines ORDER BY agreement_id, guideline_number',
      );
      expect(links.map((l: any) => [l.agreement_id, Number(l.guideline_number)])).toEqual([
        [SIGNED, 5],
        [SIGNED, 16],
        [DRAFT, 9],
      ]);
    } finally {
      await db.destroy();
    }
  });
});
