import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { NationalAuthority } from '../entities/national-authority.reference';
import { Practice } from '../entities/practice.entity';
import type { Loaders } from '../loaders';
import { visiblePractices } from '../visibility';

@Resolver(() => NationalAuthority)
export class NationalAuthorityPracticesResolver {
  @FieldResolver(() => [Practice], {
    description: 'Practices the authority took part in, by title: the published ones, and those under review the viewer may read.',
  })
  async practices(@Root() authority: NationalAuthority, @Ctx() { loaders, viewer }: Context<Loaders>): Promise<Practice[]> {
    return visiblePractices(viewer, await loaders.practicesOfAuthority.load(authority.id));
  }
}
