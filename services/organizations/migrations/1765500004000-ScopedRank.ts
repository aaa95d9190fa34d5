import { MigrationInterface, QueryRunner } from 'typeorm';
import { createScopedTexts, dropScopedTexts } from '../../kit/full-text';
import { SERVICES_INDEX } from '../search-indexes';

/**
 * Issue 20, search under 50 ms. MySQL only: the services' texts scoped by country (kit/full-text.ts
 * SCOPED_TEXTS), so that the rank of a search within one country reads that country's hits only.
 */
export class ScopedRank1765500004000 implements MigrationInterface {
  name = 'ScopedRank1765500004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createScopedTexts(queryRunner, SERVICES_INDEX);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropScopedTexts(queryRunner, SERVICES_INDEX);
  }
}
