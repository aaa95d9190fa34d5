import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { recencyKey } from '../../kit/change-log';
import { engineOf } from '../../kit/full-text';

interface EventRow {
  id: number | string;
  agreement_id: string;
  kind: string;
  status: string;
}

/** A date as the drivers give it back (MySQL: a Date; SQLite: UTC text), and as both take it in a raw statement. */
const asDate = (value: unknown): Date => (value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`));
const asText = (date: Date): string => date.toISOString().replace('T', ' ').replace('Z', '');

/**
 * Issue 17, agreements need every party and events record what happened.
 *
 * - agreement_events gets previous_status and party_country. The old rows already recorded the status right
 *   after each event (`status`: DRAFT for every CREATED, since the old createAgreement always made a DRAFT;
 *   the new status for every STATUS_CHANGED), so nothing is guessed from today's state: walking each
 *   agreement's log in id order, an event's previous_status is the status of the event before it (null for
 *   the first, its CREATED). party_country stays null (old events have no PARTY_SIGNED).
 * - An agreement the old rules moved from DRAFT straight to TERMINATED was never agreed: it becomes
 *   WITHDRAWN, and so does the status recorded on that event, so that neither is public any longer.
 * - agreement_parties gets signed_on: every party of an agreement that left DRAFT signed, on the agreement's
 *   signedOn (the old register knew no other date). Parties of a DRAFT have not signed.
 * - agreements get updated_at and recency (the order NEWEST): the time of their latest event, or of their
 *   creation when they have none.
 * - agreement_guidelines holds each agreement's guideline numbers, for the reverse lookups; agreement_changes
 *   is the register's history (kit/change-log.ts), empty until the first write.
 */
export class AgreementsEveryParty1765100000000 implements MigrationInterface {
  name = 'AgreementsEveryParty1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = engineOf(queryRunner.connection) === 'mysql';
    const datetime3 = mysql ? 'datetime(3)' : 'datetime';
    // Raw ALTER TABLE: TypeORM's addColumn rebuilds a SQLite table, which the parties' foreign key points at.
    await queryRunner.query('ALTER TABLE agreement_events ADD COLUMN previous_status varchar(20) NULL');
    await queryRunner.query('ALTER TABLE agreement_events ADD COLUMN party_country varchar(2) NULL');
    await queryRunner.query('ALTER TABLE agreement_parties ADD COLUMN signed_on datetime NULL');
    await queryRunner.query(`ALTER TABLE agreements ADD COLUMN updated_at ${datetime3} NOT NULL DEFAULT '1970-01-01 00:00:00'`);
    await queryRunner.query("ALTER TABLE agreements ADD COLUMN recency varchar(13) NOT NULL DEFAULT ''");
    await queryRunner.query('CREATE INDEX idx_agreements_recency ON agreements (recency, id)');

    const events = (await queryRunner.query(
      'SELECT id, agreement_id, kind, status FROM agreement_events ORDER BY agreement_id, id',
    )) as EventRow[];
    let previous: EventRow | null = null;
    for (const event of events) {
      const before = previous && previous.agreement_id === event.agreement_id ? previous.status : null;
      if (before === 'DRAFT' && event.status === 'TERMINATED') {
        event.status = 'WITHDRAWN';
        await queryRunner.query("UPDATE agreement_events SET status = 'WITHDRAWN' WHERE id = ?", [event.id]);
        await queryRunner.query("UPDATE agreements SET status = 'WITHDRAWN' WHERE id = ?", [event.agreement_id]);
      }
      if (before !== null) await queryRunner.query('UPDATE agreement_events SET previous_status = ? WHERE id = ?', [before, event.id]);
      previous = event;
    }

    await queryRunner.query(
      "UPDATE agreement_parties SET signed_on = (SELECT a.signed_on FROM agreements a WHERE a.id = agreement_parties.agreement_id AND a.status NOT IN ('DRAFT', 'WITHDRAWN'))",
    );
    const agreements = (await queryRunner.query(
      'SELECT a.id, a.created_at, a.guidelines, (SELECT MAX(e.at) FROM agreement_events e WHERE e.agreement_id = a.id) AS latest FROM agreements a',
    )) as { id: string; created_at: unknown; guidelines: string; latest: unknown }[];
    const links: [string, number][] = [];
    for (const agreement of agreements) {
      const updated = asDate(agreement.latest ?? agreement.created_at);
      await queryRunner.query('UPDATE agreements SET updated_at = ?, recency = ? WHERE id = ?', [
        asText(updated),
        recencyKey(updated),
        agreement.id,
      ]);
      const numbers = new Set((JSON.parse(agreement.guidelines || '[]') as number[]).filter(Number.isInteger));
      for (const number of numbers) links.push([agreement.id, number]);
    }

    await queryRunner.createTable(
      new Table({
        name: 'agreement_guidelines',
        columns: [
          { name: 'agreement_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'guideline_number', type: 'int', isPrimary: true },
        ],
        indices: [{ name: 'idx_agreement_guidelines_guideline', columnNames: ['guideline_number'] }],
        foreignKeys: [
          { columnNames: ['agreement_id'], referencedTableName: 'agreements', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    for (const [agreementId, number] of links) {
      await queryRunner.query('INSERT INTO agreement_guidelines (agreement_id, guideline_number) VALUES (?, ?)', [agreementId, number]);
    }

    await queryRunner.createTable(
      new Table({
        name: 'agreement_changes',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'agreement_id', type: 'varchar', length: '36' },
          { name: 'country_code', type: 'varchar', length: '2', isNullable: true },
          { name: 'party_countries', type: 'text' },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'at', type: 'datetime', precision: 3 },
          { name: 'fields', type: 'text' },
          { name: 'recency', type: 'varchar', length: '13' },
        ],
        indices: [
          { name: 'idx_agreement_changes_agreement_recency', columnNames: ['agreement_id', 'recency'] },
          { name: 'idx_agreement_changes_recency', columnNames: ['recency'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('agreement_changes');
    await queryRunner.dropTable('agreement_guidelines');
    const mysql = engineOf(queryRunner.connection) === 'mysql';
    await queryRunner.query(mysql ? 'DROP INDEX idx_agreements_recency ON agreements' : 'DROP INDEX idx_agreements_recency');
    for (const [table, column] of [
      ['agreements', 'recency'],
      ['agreements', 'updated_at'],
      ['agreement_parties', 'signed_on'],
      ['agreement_events', 'party_country'],
      ['agreement_events', 'previous_status'],
    ]) {
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN ${column}`);
    }
  }
}
