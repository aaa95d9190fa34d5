import type { SubgraphDefinition } from '../kit/subgraph';
import { memberStates } from '../kit/countries';
import { upsertRows } from '../kit/seed';
import { demoAuthorities } from './demo';
import { Country } from './entities/country.entity';
import { NationalAuthority } from './entities/national-authority.entity';
import { createLoaders, Loaders } from './loaders';
import { CreateAuthorities1764400000000 } from './migrations/1764400000000-CreateAuthorities';
import { FullTextSearch1764600000000 } from './migrations/1764600000000-FullTextSearch';
import { Stewardship1764900000000 } from './migrations/1764900000000-Stewardship';
import { SearchStems1765450000000 } from './migrations/1765450000000-SearchStems';
import { AuthorityChange } from './entities/authority-change.entity';
import { buildAuthoritiesSchema } from './schema';
import { refreshSearchStems } from '../kit/full-text';
import { AUTHORITIES_INDEX } from './search-indexes';
import { warmLanguageNames } from '../kit/language-names';
import { WriteGeneration1765600000000 } from '../kit/write-generation';

export const authoritiesSubgraph: SubgraphDefinition<Loaders> = {
  name: 'authorities',
  // Its searches (or languages(search:)) read the language names.
  warmUp: warmLanguageNames,
  entities: [Country, NationalAuthority, AuthorityChange],
  migrations: [
    CreateAuthorities1764400000000,
    FullTextSearch1764600000000,
    Stewardship1764900000000,
    SearchStems1765450000000,
    WriteGeneration1765600000000,
  ],
  buildSchema: buildAuthoritiesSchema,
  createLoaders,
  async seed(db, config) {
    const countries = memberStates().map((state) => Object.assign(new Country(), state));
    await upsertRows(db, Country, countries, ['code']);
    // Inserted once, never refreshed: the States maintain the directory, and a restart must not undo their changes.
    if (config.seedDemo) {
      const demo = demoAuthorities();
      await db.createQueryBuilder().insert().into(NationalAuthority).values(demo).orIgnore().execute();
      await refreshSearchStems(
        db.manager,
        AUTHORITIES_INDEX,
        demo.map((row) => row.id),
      );
    }
  },
};
