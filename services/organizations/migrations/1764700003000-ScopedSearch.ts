import { MigrationInterface, QueryRunner } from 'typeorm';
import { createScopedDocument, dropScopedDocument } from '../../kit/full-text';
import { SERVICES_INDEX } from '../search-indexes';

/**
 * MySQL: services' words scoped by country, under a FULLTEXT index of their own, so that a search with a
 * country reads only that country's hits (full-text.ts). Filled from the rows already there; SQLite needs
 * nothing.
 */
export class ScopedSearch1764700003000 implements MigrationInterface {
  name = 'ScopedSearch1764700003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createScopedDocument(queryRunner, SERVICES_INDEX);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropScopedDocument(queryRunner, SERVICES_INDEX);
  }
}
