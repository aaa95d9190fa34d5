import { MigrationInterface, QueryRunner } from 'typeorm';
import { createPostings, dropPostings, type ScopeIndex } from '../../kit/search-postings';
import { SERVICES_INDEX } from '../search-indexes';

/**
 * Issue 20, search under 50 ms. MySQL only: the services' search postings by country
 * (kit/search-postings.ts), made from the rows' texts and stems, and the document number that names a row
 * in them (search_doc), also in the country-and-name index (which the entity declares without it, as
 * SQLite has none). A search within a country reads them instead of InnoDB's FULLTEXT, which cost a row
 * lookup per hit, twice.
 */
/** The services' index a list within one country reads in name order; the rows' document number joins it. */
const BY_COUNTRY_AND_NAME: ScopeIndex = {
  name: 'idx_services_country_name',
  columns: ['country_code', 'archived', 'name', 'id', 'organization_id', 'organization_status'],
};

export class SearchPostings1765700003000 implements MigrationInterface {
  name = 'SearchPostings1765700003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createPostings(queryRunner, SERVICES_INDEX, BY_COUNTRY_AND_NAME);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropPostings(queryRunner, SERVICES_INDEX, BY_COUNTRY_AND_NAME);
  }
}
