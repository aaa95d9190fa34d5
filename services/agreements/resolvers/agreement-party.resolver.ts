import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Country, NationalAuthority } from '../entities/references';
import { AgreementParty } from '../entities/agreement-party.entity';

/** Both fields are references the gateway resolves in the authorities subgraph: no query here. */
@Resolver(() => AgreementParty)
export class AgreementPartyResolver {
  @FieldResolver(() => Country, { nullable: true, description: 'The Member State that is party.' })
  country(@Root() party: AgreementParty): Country {
    return { code: party.countryCode };
  }

  @FieldResolver(() => NationalAuthority, { nullable: true, description: 'The national authority acting for it, if one is named.' })
  authority(@Root() party: AgreementParty): NationalAuthority | null {
    return party.authorityId ? { id: party.authorityId } : null;
  }
}
