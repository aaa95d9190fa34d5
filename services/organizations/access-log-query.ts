import type { DataSource } from 'typeorm';
import { columnKey, type ListQuery } from '../kit/keyset';
import { ShelterAccess } from './entities/shelter-access.entity';

/**
 * The shelter access log, newest first (`recency` is stored to sort so): of one service when `serviceId`
 * is given, of one organization's services when `organizationId` is.
 */
export function accessLogQuery(
  db: DataSource,
  of: { serviceId?: string | null; organizationId?: string | null },
): ListQuery<ShelterAccess> {
  const query = db.getRepository(ShelterAccess).createQueryBuilder('l');
  if (of.serviceId) query.andWhere('l.service_id = :serviceId', { serviceId: of.serviceId });
  if (of.organizationId) {
    query.andWhere('l.service_id IN (SELECT ls.id FROM services ls WHERE ls.organization_id = :organizationId)', {
      organizationId: of.organizationId,
    });
  }
  return { query, keys: [columnKey(query.alias, 'recency')] };
}
