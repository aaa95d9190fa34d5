import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';
import { engineOf } from '../../kit/full-text';

const INDEX = new TableIndex({ name: 'idx_service_languages_language_type', columnNames: ['language', 'service_type', 'service_id'] });

/**
 * Each service language row gets its service's type, filled from the services already there, and an
 * index (language, type, service): language + type then reads only the services of both, where it read
 * every service in the language to look at its type (a third of the directory for Spanish). The column
 * has no default once filled: a write that forgets it fails rather than hiding the service from searches.
 */
export class LanguageType1764800003000 implements MigrationInterface {
  name = 'LanguageType1764800003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE service_languages ADD COLUMN service_type varchar(30) NOT NULL DEFAULT ''");
    await queryRunner.query(
      "UPDATE service_languages SET service_type = COALESCE((SELECT s.type FROM services s WHERE s.id = service_languages.service_id), '')",
    );
    // SQLite cannot drop a column's default in place; TypeORM writes NULL there for a missing value, which NOT NULL refuses.
    if (engineOf(queryRunner.connection) === 'mysql')
      await queryRunner.query('ALTER TABLE service_languages ALTER COLUMN service_type DROP DEFAULT');
    await queryRunner.createIndex('service_languages', INDEX);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('service_languages', INDEX.name!);
    await queryRunner.dropColumn('service_languages', 'service_type');
  }
}
