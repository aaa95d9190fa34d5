import type { DataSource } from 'typeorm';
import { columnKey, type ListQuery } from '../kit/keyset';
import { ShelterAccess } from './entities/shelter-access.entity';

/** The shelter access log, newest first (`recency` is stored to sort so), of one service when `serviceId` is given. */
export function accessLogQuery(db: DataSource, serviceId: string | null): ListQuery<ShelterAccess> {
  const query = db.getRepository(ShelterAccess).createQueryBuilder('l');
  if (serviceId !== null) query.where('l.service_id = :serviceId', { serviceId });
  return { query, keys: [columnKey(query.alias, 'recency')] };
}
