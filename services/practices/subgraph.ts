import type { SubgraphDefinition } from '../kit/subgraph';
import { upsertRows } from '../kit/seed';
import { demoPractices } from './demo';
import { PracticeChange } from './entities/practice-change.entity';
import { Practice } from './entities/practice.entity';
import {
  PracticeAuthority,
  PracticeCountry,
  PracticeGuideline,
  PracticeOrganization,
  PracticePopulation,
} from './entities/practice-links.entity';
import { createLoaders, Loaders } from './loaders';
import { CreatePractices1764400400000 } from './migrations/1764400400000-CreatePractices';
import { AddPracticeSubmitter1764401400000 } from './migrations/1764401400000-AddPracticeSubmitter';
import { FullTextSearch1764600004000 } from './migrations/1764600004000-FullTextSearch';
import { ReviewedPractices1765100004000 } from './migrations/1765100004000-ReviewedPractices';
import { SearchStems1765450004000 } from './migrations/1765450004000-SearchStems';
import { buildPracticesSchema } from './schema';
import { refreshSearchStems } from '../kit/full-text';
import { PRACTICES_INDEX } from './search-indexes';
import { warmLanguageNames } from '../kit/language-names';
import { WriteGeneration1765600000000 } from '../kit/write-generation';

export const practicesSubgraph: SubgraphDefinition<Loaders> = {
  name: 'practices',
  // Its searches (or languages(search:)) read the language names.
  warmUp: warmLanguageNames,
  entities: [Practice, PracticeCountry, PracticeGuideline, PracticePopulation, PracticeOrganization, PracticeAuthority, PracticeChange],
  migrations: [
    CreatePractices1764400400000,
    AddPracticeSubmitter1764401400000,
    FullTextSearch1764600004000,
    ReviewedPractices1765100004000,
    SearchStems1765450004000,
    WriteGeneration1765600000000,
  ],
  buildSchema: buildPracticesSchema,
  createLoaders,
  async seed(db, config) {
    if (!config.seedDemo) return;
    const demo = demoPractices();
    await upsertRows(db, Practice, demo.practices, ['id']);
    await upsertRows(db, PracticeCountry, demo.countries, ['practiceId', 'countryCode']);
    await upsertRows(db, PracticeGuideline, demo.guidelines, ['practiceId', 'guidelineNumber']);
    await upsertRows(db, PracticePopulation, demo.populations, ['practiceId', 'population']);
    await upsertRows(db, PracticeOrganization, demo.organizations, ['practiceId', 'organizationId']);
    await upsertRows(db, PracticeAuthority, demo.authorities, ['practiceId', 'authorityId']);
    await refreshSearchStems(
      db.manager,
      PRACTICES_INDEX,
      demo.practices.map((row) => row.id),
    );
  },
};
