import type { DataSource } from 'typeorm';
import { guidelineFilter } from '../kit/guidelines';
import { columnKey, type ListQuery } from '../kit/keyset';
import { countryFilter } from '../kit/validation';
import { whereVisible, type Visibility } from '../kit/visibility';
import { Agreement, AgreementKind, AgreementStatus } from './entities/agreement.entity';
import { AgreementOrder, type AgreementFilter } from './resolvers/agreement.args';

/** A validated AgreementFilter. */
export interface AgreementCriteria {
  country: string | null;
  kind: AgreementKind | null;
  status: AgreementStatus | null;
  guideline: number | null;
  orderBy: AgreementOrder;
}

/** Validates a filter; throws BAD_USER_INPUT naming the field at fault. */
export function agreementCriteria(filter: AgreementFilter | null | undefined): AgreementCriteria {
  return {
    country: countryFilter(filter?.country),
    kind: filter?.kind ?? null,
    status: filter?.status ?? null,
    guideline: guidelineFilter(filter?.guideline),
    orderBy: filter?.orderBy ?? AgreementOrder.TITLE,
  };
}

/** The agreements the viewer may see that meet the criteria, by title or newest change first. */
export function agreementsQuery(db: DataSource, criteria: AgreementCriteria, visibility: Visibility<Agreement>): ListQuery<Agreement> {
  const query = whereVisible(db.getRepository(Agreement).createQueryBuilder('a'), visibility);
  if (criteria.kind) query.andWhere('a.kind = :kind', { kind: criteria.kind });
  if (criteria.status) query.andWhere('a.status = :status', { status: criteria.status });
  if (criteria.country) {
    query.andWhere('EXISTS (SELECT 1 FROM agreement_parties fp WHERE fp.agreement_id = a.id AND fp.country_code = :country)', {
      country: criteria.country,
    });
  }
  if (criteria.guideline) {
    query.andWhere('EXISTS (SELECT 1 FROM agreement_guidelines fg WHERE fg.agreement_id = a.id AND fg.guideline_number = :guideline)', {
      guideline: criteria.guideline,
    });
  }
  const key = criteria.orderBy === AgreementOrder.NEWEST ? 'recency' : 'title';
  return { query, keys: [columnKey(query.alias, key)] };
}
