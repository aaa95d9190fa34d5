import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../../platform/auth';
import { normalizeCountryCode } from '../../kit/countries';
import { newId } from '../../kit/ids';
import { inTransaction } from '../../kit/transaction';
import { recencyKey } from '../../kit/change-log';
import { ShelterAccess } from '../entities/shelter-access.entity';

const MAX_BATCH = 500;

/**
 * Writes one access-log row per service whose confidential shelter fields the viewer reads in this
 * request (the cache makes a second read of the same service, or of its other field, free), all the
 * reads of one tick in one INSERT. A resolver awaits its load before it answers: no confidential value
 * leaves unless its read was logged.
 */
export function shelterAccessLoader(db: DataSource, viewer: Viewer | null): DataLoader<string, true> {
  return new DataLoader<string, true>(
    async (serviceIds) => {
      if (!viewer) throw new Error('only a signed-in viewer reads confidential shelter fields');
      const at = new Date();
      const rows = serviceIds.map((serviceId) =>
        Object.assign(new ShelterAccess(), {
          id: newId(),
          viewerId: viewer.id,
          viewerCountry: viewer.country ? normalizeCountryCode(viewer.country) : null,
          serviceId,
          at,
          recency: recencyKey(at),
        }),
      );
      // Its own transaction: on SQLite's single connection a bare INSERT could land inside another
      // request's open transaction and vanish with its rollback, after the value was given out.
      // No anonymous answer shows the log: the write leaves the write generation (and cached public answers) alone.
      await inTransaction(db, (manager) => manager.createQueryBuilder().insert().into(ShelterAccess).values(rows).execute(), {
        raisesWriteGeneration: false,
      });
      return serviceIds.map(() => true as const);
    },
    { maxBatchSize: MAX_BATCH },
  );
}
