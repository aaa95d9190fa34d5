import { Arg, Args, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { createAgreement, setAgreementStatus } from '../agreement-writes';
import { Agreement } from '../entities/agreement.entity';
import type { Loaders } from '../loaders';
import { signAgreement } from '../signature';
import { SetAgreementStatusArgs, SignAgreementArgs } from './agreement.args';
import { AgreementInput } from './agreement.input';

@Resolver(() => Agreement)
export class AgreementMutationResolver {
  @Authorized()
  @Mutation(() => Agreement, {
    description:
      'Registers an agreement (an AUTHORITY of one of its party countries, or the SECRETARIAT): a DRAFT that each party ' +
      'then signs, or, for the SECRETARIAT giving signedOn, one every party already signed. A party authority must be an ' +
      'active authority of that party country. Writes a CREATED event and a history entry in the same transaction.',
  })
  createAgreement(
    @Arg('input', () => AgreementInput, { description: 'The agreement.' }) input: AgreementInput,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<Agreement> {
    return createAgreement(ctx, input);
  }

  @Authorized()
  @Mutation(() => Agreement, {
    description:
      'Moves an agreement on in its life (an AUTHORITY of a party country, or the SECRETARIAT): a DRAFT to WITHDRAWN; ' +
      'SIGNED to IN_FORCE or TERMINATED; IN_FORCE to SUSPENDED or TERMINATED; SUSPENDED to IN_FORCE or TERMINATED. ' +
      'SIGNED is reached by signAgreement only; WITHDRAWN and TERMINATED are final. Records entryIntoForce when first ' +
      'IN_FORCE (unless already given), a STATUS_CHANGED event and a history entry in the same transaction.',
  })
  setAgreementStatus(@Args() { id, status }: SetAgreementStatusArgs, @Ctx() ctx: Context<Loaders>): Promise<Agreement> {
    return setAgreementStatus(ctx, id, status);
  }

  @Authorized()
  @Mutation(() => Agreement, {
    description:
      'Records the signature of one party of a DRAFT (an AUTHORITY of that country, or the SECRETARIAT): a PARTY_SIGNED ' +
      'event; with the last signature the agreement becomes SIGNED, its signedOn the latest signature date.',
  })
  signAgreement(@Args() { id, country, signedOn }: SignAgreementArgs, @Ctx() ctx: Context<Loaders>): Promise<Agreement> {
    return signAgreement(ctx, id, country, signedOn);
  }
}
