import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { inTransaction } from './transaction';

/**
 * Inserts or refreshes rows by key, in one transaction, so seeding on every start duplicates nothing.
 * Batched to stay under SQLite's and MySQL's statement limits.
 */
export async function upsertRows<T extends ObjectLiteral>(
  db: DataSource,
  entity: EntityTarget<T>,
  rows: T[],
  key: (keyof T & string)[],
): Promise<void> {
  if (rows.length === 0) return;
  await inTransaction(db, async (manager) => {
    for (let i = 0; i < rows.length; i += 200) {
      await manager.getRepository(entity).upsert(rows.slice(i, i + 200), key);
    }
  });
}
