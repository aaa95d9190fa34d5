import { Arg, Args, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { createAgreement, setAgreementStatus } from '../agreement-writes';
import { Agreement } from '../entities/agreement.entity';
import type { Loaders } from '../loaders';
import { SetAgreementStatusArgs } from './agreement.args';
import { AgreementInput } from './agreement.input';

@Resolver(() => Agreement)
export class AgreementMutationResolver {
  @Authorized()
  @Mutation(() => Agreement, {
    description:
      'Registers an agreement as a DRAFT (an AUTHORITY of one of its party countries, or the SECRETARIAT). ' +
      'Writes a CREATED event for the feed in the same transaction.',
  })
  createAgreement(
    @Arg('input', () => AgreementInput, { description: 'The agreement.' }) input: AgreementInput,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Agreement> {
    return createAgreement(ctx.db, ctx.viewer!, input);
  }

  @Authorized()
  @Mutation(() => Agreement, {
    description:
      'Moves an agreement on in its life (an AUTHORITY of a party country, or the SECRETARIAT): DRAFT to SIGNED, ' +
      'SIGNED to IN_FORCE, IN_FORCE and SUSPENDED back and forth, anything but TERMINATED to TERMINATED. ' +
      'Records signedOn and entryIntoForce when first reached, and a STATUS_CHANGED event in the same transaction.',
  })
  setAgreementStatus(@Args() { id, status }: SetAgreementStatusArgs, @Ctx() ctx: Context<Loaders>): Promise<Agreement> {
    return setAgreementStatus(ctx.db, ctx.viewer!, id, status);
  }
}
