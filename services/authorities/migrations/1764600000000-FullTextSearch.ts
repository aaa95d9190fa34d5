import { MigrationInterface, QueryRunner } from 'typeorm';
import { createFullTextIndex, dropFullTextIndex } from '../../kit/full-text';
import { AUTHORITIES_INDEX } from '../search-indexes';

/** The search issue: a full-text index over national authorities (FTS5 on SQLite, FULLTEXT on MySQL). */
export class FullTextSearch1764600000000 implements MigrationInterface {
  name = 'FullTextSearch1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createFullTextIndex(queryRunner, AUTHORITIES_INDEX);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropFullTextIndex(queryRunner, AUTHORITIES_INDEX);
  }
}
