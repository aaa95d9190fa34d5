import type { DataSource } from 'typeorm';
import { columnKey, type ListQuery } from '../kit/keyset';
import { countryFilter } from '../kit/validation';
import { whereVisible, type Visibility } from '../kit/visibility';
import { Agreement, AgreementKind, AgreementStatus } from './entities/agreement.entity';
import type { AgreementFilter } from './resolvers/agreement.args';

/** A validated AgreementFilter. */
export interface AgreementCriteria {
  country: string | null;
  kind: AgreementKind | null;
  status: AgreementStatus | null;
}

/** Validates a filter; throws BAD_USER_INPUT naming the field at fault. */
export function agreementCriteria(filter: AgreementFilter | null | undefined): AgreementCriteria {
  return { country: countryFilter(filter?.country), kind: filter?.kind ?? null, status: filter?.status ?? null };
}

/** The agreements the viewer may see that meet the criteria, by title. */
export function agreementsQuery(db: DataSource, criteria: AgreementCriteria, visibility: Visibility<Agreement>): ListQuery<Agreement> {
  const query = whereVisible(db.getRepository(Agreement).createQueryBuilder('a'), visibility);
  if (criteria.kind) query.andWhere('a.kind = :kind', { kind: criteria.kind });
  if (criteria.status) query.andWhere('a.status = :status', { status: criteria.status });
  if (criteria.country) {
    query.andWhere('EXISTS (SELECT 1 FROM agreement_parties fp WHERE fp.agreement_id = a.id AND fp.country_code = :country)', {
      country: criteria.country,
    });
  }
  return { query, keys: [columnKey(query.alias, 'title')] };
}
