import type { DataSource } from 'typeorm';
import { normalizeCountryCode } from '../kit/countries';
import { newId } from '../kit/ids';
import { inTransaction } from '../kit/transaction';
import type { Viewer } from '../platform/auth';
import { badInput, notFound } from '../platform/errors';
import { assertKeepsPlansOf } from './access';
import { NationalPlan } from './entities/national-plan.entity';
import { ReportChangeKind } from './entities/report-change.entity';
import { changed, recordChange } from './history';
import type { NationalPlanInput } from './resolvers/national-plan.input';

/** A plan as the history compares it, its fields named as the NationalPlan type names them. */
interface PlanRecord {
  country: string;
  title: string;
  startYear: number;
  endYear: number;
  url: string | null;
  guidelines: number[];
}
const TRACKED = ['country', 'title', 'startYear', 'endYear', 'url', 'guidelines'] as const;

const recordOf = (plan: NationalPlan): PlanRecord => ({
  country: plan.countryCode,
  title: plan.title,
  startYear: plan.startYear,
  endYear: plan.endYear,
  url: plan.url,
  guidelines: plan.guidelineNumbers,
});

/**
 * Records a national plan, or (input.id) replaces a recorded one, and records the change, in one
 * transaction: an AUTHORITY of its country (of both countries when the plan moves), or the Secretariat.
 */
export async function saveNationalPlan(db: DataSource, viewer: Viewer, input: NationalPlanInput): Promise<NationalPlan> {
  const countryCode = normalizeCountryCode(input.country)!;
  assertKeepsPlansOf(viewer, countryCode);
  if (input.endYear < input.startYear) throw badInput('endYear may not come before startYear.', 'endYear');
  const columns = {
    countryCode,
    title: input.title.trim(),
    startYear: input.startYear,
    endYear: input.endYear,
    url: input.url ?? null,
    guidelineNumbers: [...new Set(input.guidelines ?? [])].sort((a, b) => a - b),
  };
  return inTransaction(db, async (manager) => {
    const now = new Date();
    const id = input.id?.toLowerCase();
    const existing = id ? await manager.findOneBy(NationalPlan, { id }) : null;
    if (id && !existing) throw notFound('No national plan has this id.');
    if (existing) assertKeepsPlansOf(viewer, existing.countryCode);
    const fresh = Object.assign(new NationalPlan(), { id: existing?.id ?? newId(), isDemo: existing?.isDemo ?? false }, columns, {
      updatedAt: now,
    });
    const fields = changed(TRACKED, existing ? recordOf(existing) : null, recordOf(fresh));
    if (existing && fields.length === 0) return existing;
    const plan = Object.assign(existing ?? fresh, columns, { updatedAt: now });
    if (existing) await manager.update(NationalPlan, { id: plan.id }, { ...columns, updatedAt: now });
    else await manager.insert(NationalPlan, plan);
    const kind = existing ? ReportChangeKind.PLAN_UPDATED : ReportChangeKind.PLAN_CREATED;
    await recordChange(manager, { kind, subjectId: plan.id, countryCode, userId: viewer.id, at: now, fields });
    return plan;
  });
}
