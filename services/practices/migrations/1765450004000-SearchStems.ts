import { MigrationInterface, QueryRunner } from 'typeorm';
import { addSearchStems, dropSearchStems } from '../../kit/full-text';
import { PRACTICES_INDEX } from '../search-indexes';

/**
 * Issue 20: the stems column (stems in each practice's language, short tokens), computed in TypeScript for the rows already there in
 * batches, and searched with the texts (docs/search.md#word-forms).
 */
export class SearchStems1765450004000 implements MigrationInterface {
  name = 'SearchStems1765450004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addSearchStems(queryRunner, PRACTICES_INDEX);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropSearchStems(queryRunner, PRACTICES_INDEX);
  }
}
