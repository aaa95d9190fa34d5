import type { DataSource } from 'typeorm';
import { upsertRows } from '../kit/seed';
import { loadWorkPlan } from './data/workplan-data';
import { Guideline, GuidelineSection } from './entities/guideline.entity';
import { Indicator } from './entities/indicator.entity';
import { Mandate } from './entities/mandate.entity';
import { PlanItem, PlanItemKind } from './entities/plan-item.entity';

/**
 * Loads the Work Plan from the committed data file on every start. It is reference data, not demo
 * data: it is seeded whatever SEED_DEMO says, and re-seeding refreshes texts without duplicating rows.
 */
export async function seedWorkPlan(db: DataSource): Promise<void> {
  const plan = loadWorkPlan();
  const guidelines = plan.guidelines.map((g) =>
    Object.assign(new Guideline(), { number: g.number, section: GuidelineSection[g.section], text: g.text }),
  );
  const positions = new Map<number, number>();
  const indicators = plan.indicators.map((i) => {
    const position = (positions.get(i.guideline) ?? 0) + 1;
    positions.set(i.guideline, position);
    return Object.assign(new Indicator(), { id: i.id, guidelineNumber: i.guideline, position, text: i.text });
  });
  const mandates = plan.mandates.map((m) => Object.assign(new Mandate(), m));
  const item = (kind: PlanItemKind) => (p: { number: number; text: string }) =>
    Object.assign(new PlanItem(), { kind, number: p.number, text: p.text });
  const items = [...plan.principles.map(item('principle')), ...plan.objectives.map(item('objective'))];
  await upsertRows(db, Guideline, guidelines, ['number']);
  await upsertRows(db, Indicator, indicators, ['id']);
  await upsertRows(db, Mandate, mandates, ['number']);
  await upsertRows(db, PlanItem, items, ['kind', 'number']);
}
