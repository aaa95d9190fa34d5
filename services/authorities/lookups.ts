import type { Context } from '../kit/context';
import { byCode, byId, entityReference } from '../kit/entity-reference';
import type { Country } from './entities/country.entity';
import type { NationalAuthority } from './entities/national-authority.entity';
import type { Loaders } from './loaders';

type Ctx = Context<Loaders>;

/** A Member State by ISO code (any case), for `_entities` and `country(code)`: the directory is public. */
export const countryReference = entityReference({
  key: byCode,
  load: (ctx: Ctx, code: string): Promise<Country | null> => ctx.loaders.country.load(code),
});

/** A national authority by id, for `_entities` and `authority(id)`: the directory is public. */
export const authorityReference = entityReference({
  key: byId,
  load: (ctx: Ctx, id: string): Promise<NationalAuthority | null> => ctx.loaders.authority.load(id),
});
