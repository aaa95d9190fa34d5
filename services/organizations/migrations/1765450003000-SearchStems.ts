import { MigrationInterface, QueryRunner } from 'typeorm';
import { addSearchStems, dropSearchStems } from '../../kit/full-text';
import { ORGANIZATIONS_INDEX, SERVICES_INDEX } from '../search-indexes';

/**
 * Issue 20: the stems column (stems in the country's languages, short tokens, a service's city and languages), computed in TypeScript for the rows already there in
 * batches, and searched with the texts (docs/search.md#word-forms).
 */
export class SearchStems1765450003000 implements MigrationInterface {
  name = 'SearchStems1765450003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addSearchStems(queryRunner, SERVICES_INDEX);
    await addSearchStems(queryRunner, ORGANIZATIONS_INDEX);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropSearchStems(queryRunner, ORGANIZATIONS_INDEX);
    await dropSearchStems(queryRunner, SERVICES_INDEX);
  }
}
