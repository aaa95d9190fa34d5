import { feedPubSub } from '../kit/feed';
import { buildFederatedSchema, FederatedSchema } from '../kit/schema-builder';
import { agreementReference } from './lookups';
import { AgreementChangeResolver } from './resolvers/agreement-change.resolver';
import { AgreementEventResolver } from './resolvers/agreement-event.resolver';
import { AgreementPartyResolver } from './resolvers/agreement-party.resolver';
import { AgreementMutationResolver } from './resolvers/agreement.mutations';
import { AgreementResolver } from './resolvers/agreement.resolver';
import { CountryAgreementsResolver } from './resolvers/country-agreements.resolver';
import { GuidelineAgreementsResolver } from './resolvers/guideline-agreements.resolver';
import { NationalAuthorityAgreementsResolver } from './resolvers/national-authority-agreements.resolver';

export function buildAgreementsSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    {
      // type-graphql wants a PubSub for any Subscription; the gateway serves the feed, never this subgraph.
      pubSub: feedPubSub,
      resolvers: [
        AgreementResolver,
        AgreementMutationResolver,
        AgreementPartyResolver,
        AgreementEventResolver,
        AgreementChangeResolver,
        CountryAgreementsResolver,
        NationalAuthorityAgreementsResolver,
        GuidelineAgreementsResolver,
      ],
    },
    { Agreement: agreementReference },
  );
}
