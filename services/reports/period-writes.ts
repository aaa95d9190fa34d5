import type { DataSource } from 'typeorm';
import { inTransaction } from '../kit/transaction';
import type { Viewer } from '../platform/auth';
import { badInput } from '../platform/errors';
import { ReportChangeKind } from './entities/report-change.entity';
import { ReportingPeriod } from './entities/reporting-period.entity';
import { changed, recordChange } from './history';
import type { ReportingPeriodInput } from './resolvers/report.input';

const TRACKED = ['name', 'startsOn', 'endsOn', 'dueOn'] as const;

/** Opens a reporting period (the Secretariat's, by @Authorized), and records it, in one transaction. */
export async function createReportingPeriod(db: DataSource, viewer: Viewer, input: ReportingPeriodInput): Promise<ReportingPeriod> {
  if (input.endsOn.getTime() <= input.startsOn.getTime()) throw badInput('endsOn must come after startsOn.', 'endsOn');
  if (input.dueOn && input.dueOn.getTime() < input.startsOn.getTime()) throw badInput('dueOn may not come before startsOn.', 'dueOn');
  const period = Object.assign(new ReportingPeriod(), {
    id: input.id,
    name: input.name.trim(),
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    dueOn: input.dueOn ?? null,
    isDemo: false,
  });
  return inTransaction(db, async (manager) => {
    if (await manager.existsBy(ReportingPeriod, { id: period.id })) throw badInput(`A reporting period ${period.id} exists already.`, 'id');
    await manager.insert(ReportingPeriod, period);
    const at = new Date();
    const fields = changed(TRACKED, null, period);
    await recordChange(manager, {
      kind: ReportChangeKind.PERIOD_CREATED,
      subjectId: period.id,
      countryCode: null,
      userId: viewer.id,
      at,
      fields,
    });
    return period;
  });
}
