import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';
import { createFullTextIndex, dropFullTextIndex } from '../../kit/full-text';
import { ORGANIZATIONS_INDEX, SERVICES_INDEX } from '../search-indexes';

const index = (name: string, columnNames: string[]) => new TableIndex({ name, columnNames });

/**
 * Indexes for the combined filters. Each one that leads a query of services also holds organization_id,
 * so that the visibility test (and the type, position or rowid of a search hit) is answered from the
 * index and only the rows that pass are read. Lists by country come by name from their index, so a deep
 * page needs no sort. Language and population lead to service ids from the index alone.
 */
const REPLACED: [string, TableIndex][] = [
  ['services', index('idx_services_country_type', ['country_code', 'type'])],
  ['services', index('idx_services_type', ['type'])],
];
const INDEXES: [string, TableIndex][] = [
  ['services', index('idx_services_country_type_org', ['country_code', 'type', 'organization_id', 'id'])],
  ['services', index('idx_services_type_position', ['type', 'latitude', 'longitude', 'organization_id', 'id'])],
  ['services', index('idx_services_country_name', ['country_code', 'name', 'id', 'organization_id'])],
  ['service_languages', index('idx_service_languages_language_service', ['language', 'service_id'])],
  ['service_populations', index('idx_service_populations_population_service', ['population', 'service_id'])],
];

/**
 * The search issue: full-text indexes over services and organizations (FTS5 on SQLite, FULLTEXT on MySQL),
 * and indexes for the combined filters.
 */
export class FullTextSearch1764600003000 implements MigrationInterface {
  name = 'FullTextSearch1764600003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createFullTextIndex(queryRunner, SERVICES_INDEX);
    await createFullTextIndex(queryRunner, ORGANIZATIONS_INDEX);
    for (const [table, created] of INDEXES) await queryRunner.createIndex(table, created);
    for (const [table, replaced] of REPLACED) await queryRunner.dropIndex(table, replaced.name!);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, replaced] of REPLACED) await queryRunner.createIndex(table, replaced);
    for (const [table, created] of INDEXES) await queryRunner.dropIndex(table, created.name!);
    await dropFullTextIndex(queryRunner, ORGANIZATIONS_INDEX);
    await dropFullTextIndex(queryRunner, SERVICES_INDEX);
  }
}
