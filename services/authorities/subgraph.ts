import type { SubgraphDefinition } from '../kit/subgraph';
import { memberStates } from '../kit/countries';
import { upsertRows } from '../kit/seed';
import { demoAuthorities } from './demo';
import { Country } from './entities/country.entity';
import { NationalAuthority } from './entities/national-authority.entity';
import { createLoaders, Loaders } from './loaders';
import { CreateAuthorities1764400000000 } from './migrations/1764400000000-CreateAuthorities';
import { FullTextSearch1764600000000 } from './migrations/1764600000000-FullTextSearch';
import { buildAuthoritiesSchema } from './schema';

export const authoritiesSubgraph: SubgraphDefinition<Loaders> = {
  name: 'authorities',
  entities: [Country, NationalAuthority],
  migrations: [CreateAuthorities1764400000000, FullTextSearch1764600000000],
  buildSchema: buildAuthoritiesSchema,
  createLoaders,
  async seed(db, config) {
    const countries = memberStates().map((state) => Object.assign(new Country(), state));
    await upsertRows(db, Country, countries, ['code']);
    if (config.seedDemo) await upsertRows(db, NationalAuthority, demoAuthorities(), ['id']);
  },
};
