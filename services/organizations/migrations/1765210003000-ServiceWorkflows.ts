import { MigrationInterface, QueryRunner } from 'typeorm';
import { engineOf } from '../../kit/full-text';

/**
 * Issue 17, services maintained by their organizations: where people can use a service (coverage, LOCAL
 * for those already there), an archived flag, and when it was added and last changed (existing services
 * get the time of the migration).
 */
export class ServiceWorkflows1765210003000 implements MigrationInterface {
  name = 'ServiceWorkflows1765210003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Raw ALTER TABLE: TypeORM's addColumn rebuilds a SQLite table, which drops its full-text triggers and
    // renumbers the rowids the search index points at.
    const mysql = engineOf(queryRunner.connection) === 'mysql';
    await queryRunner.query("ALTER TABLE services ADD COLUMN coverage varchar(20) NOT NULL DEFAULT 'LOCAL'");
    await queryRunner.query('ALTER TABLE services ADD COLUMN archived boolean NOT NULL DEFAULT 0');
    // Existing rows get the time of the migration (UTC, as the drivers store dates).
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    const datetime = mysql ? 'datetime(3)' : 'datetime';
    for (const column of ['created_at', 'updated_at']) {
      await queryRunner.query(`ALTER TABLE services ADD COLUMN ${column} ${datetime} NOT NULL DEFAULT '${now}'`);
      // Every write of this subgraph sets them; rows written by other means (fixtures, the demo seed) get the
      // time of their insert: TypeORM writes the entity's default on SQLite and DEFAULT on MySQL.
      if (mysql) await queryRunner.query(`ALTER TABLE services MODIFY COLUMN ${column} datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['updated_at', 'created_at', 'archived', 'coverage'])
      await queryRunner.query(`ALTER TABLE services DROP COLUMN ${column}`);
  }
}
