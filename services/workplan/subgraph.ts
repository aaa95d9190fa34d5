import type { SubgraphDefinition } from '../kit/subgraph';
import { Guideline } from './entities/guideline.entity';
import { Indicator } from './entities/indicator.entity';
import { Mandate } from './entities/mandate.entity';
import { PlanItem } from './entities/plan-item.entity';
import { createLoaders, Loaders } from './loaders';
import { CreateWorkplan1764406000000 } from './migrations/1764406000000-CreateWorkplan';
import { buildWorkplanSchema } from './schema';
import { seedWorkPlan } from './seed';
import { warmLanguageNames } from '../kit/language-names';
import { WriteGeneration1765600000000 } from '../kit/write-generation';

export const workplanSubgraph: SubgraphDefinition<Loaders> = {
  name: 'workplan',
  // Its searches (or languages(search:)) read the language names.
  warmUp: warmLanguageNames,
  entities: [Guideline, Indicator, Mandate, PlanItem],
  migrations: [CreateWorkplan1764406000000, WriteGeneration1765600000000],
  buildSchema: buildWorkplanSchema,
  createLoaders,
  seed: (db) => seedWorkPlan(db),
};
