import { MigrationInterface, QueryRunner } from 'typeorm';
import { engineOf } from '../../kit/full-text';

/**
 * Members are listed longest-standing first (Organization.members), by the time they joined. MySQL kept that
 * time to the second, so two members added within one second tied and came back in either order; now to
 * the millisecond, as SQLite already stored it. Existing times keep their whole seconds.
 */
export class MembershipTimes1765300003000 implements MigrationInterface {
  name = 'MembershipTimes1765300003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (engineOf(queryRunner.connection) === 'mysql') {
      await queryRunner.query('ALTER TABLE memberships MODIFY COLUMN created_at datetime(3) NOT NULL');
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (engineOf(queryRunner.connection) === 'mysql') {
      await queryRunner.query('ALTER TABLE memberships MODIFY COLUMN created_at datetime NOT NULL');
    }
  }
}
