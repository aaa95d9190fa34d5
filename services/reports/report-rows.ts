import type { EntityManager } from 'typeorm';
import { byId } from '../kit/entity-reference';
import { engineOf } from '../kit/full-text';
import { notFound } from '../platform/errors';
import { CountryReport } from './entities/country-report.entity';

/*
 * A report's row read for a change (report-writes.ts). On MySQL it is locked until the transaction ends, so
 * two changes of one report (an entry saved while the Secretariat publishes) take turns; SQLite runs
 * transactions one at a time.
 */

export const reportNotFound = () => notFound('No country report has this id.');

function locked(manager: EntityManager, where: string, parameters: Record<string, string>) {
  const query = manager.getRepository(CountryReport).createQueryBuilder('r').where(where, parameters);
  if (engineOf(manager.connection) === 'mysql') query.setLock('pessimistic_write');
  return query.getOne();
}

/** The report of this id, locked; NOT_FOUND when none. Visibility is not asked: only the Secretariat moves a report by id. */
export async function lockedReport(manager: EntityManager, id: string): Promise<CountryReport> {
  const key = byId.parse(id);
  const report = key === null ? null : await locked(manager, 'r.id = :key', { key });
  if (!report) throw reportNotFound();
  return report;
}

/** The report of a country for a period, locked; null when the country has not started it. */
export const lockedReportOf = (manager: EntityManager, countryCode: string, periodId: string): Promise<CountryReport | null> =>
  locked(manager, 'r.country_code = :countryCode AND r.period_id = :periodId', { countryCode, periodId });
