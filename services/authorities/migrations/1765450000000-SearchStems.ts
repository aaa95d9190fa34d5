import { MigrationInterface, QueryRunner } from 'typeorm';
import { addSearchStems, dropSearchStems } from '../../kit/full-text';
import { AUTHORITIES_INDEX } from '../search-indexes';

/**
 * Issue 20: the stems column (stems of the names and acronyms, short tokens), computed in TypeScript for the rows already there in
 * batches, and searched with the texts (docs/search.md#word-forms).
 */
export class SearchStems1765450000000 implements MigrationInterface {
  name = 'SearchStems1765450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addSearchStems(queryRunner, AUTHORITIES_INDEX);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropSearchStems(queryRunner, AUTHORITIES_INDEX);
  }
}
