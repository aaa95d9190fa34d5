import { MigrationInterface, QueryRunner } from 'typeorm';
import { createFullTextIndex, dropFullTextIndex } from '../../kit/full-text';
import { PRACTICES_INDEX } from '../search-indexes';

/** The search issue: a full-text index over practices (FTS5 on SQLite, FULLTEXT on MySQL). */
export class FullTextSearch1764600004000 implements MigrationInterface {
  name = 'FullTextSearch1764600004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createFullTextIndex(queryRunner, PRACTICES_INDEX);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropFullTextIndex(queryRunner, PRACTICES_INDEX);
  }
}
