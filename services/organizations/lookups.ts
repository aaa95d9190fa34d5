import type { Context } from '../kit/context';
import { byId, entityReference } from '../kit/entity-reference';
import type { Organization } from './entities/organization.entity';
import type { Service } from './entities/service.entity';
import type { Loaders } from './loaders';

type Ctx = Context<Loaders>;

/** An organization by id, for `_entities` and `organization(id)`: null when none or hidden from the viewer. */
export const organizationReference = entityReference({
  key: byId,
  load: (ctx: Ctx, id: string): Promise<Organization | null> => ctx.loaders.organization.load(id),
  visibility: async (ctx: Ctx) => (await ctx.loaders.visibility()).organizations,
});

/** A service by id, for `_entities` and `service(id)`: null when none or its organization is hidden from the viewer. */
export const serviceReference = entityReference({
  key: byId,
  load: (ctx: Ctx, id: string): Promise<Service | null> => ctx.loaders.service.load(id),
  visibility: async (ctx: Ctx) => (await ctx.loaders.visibility()).services,
});
