import { feedPubSub } from '../kit/feed';
import { buildFederatedSchema, FederatedSchema } from '../kit/schema-builder';
import { countryReportReference, nationalPlanReference } from './lookups';
import { CountryReportMutationResolver } from './resolvers/country-report.mutations';
import { CountryReportResolver } from './resolvers/country-report.resolver';
import { CountryReportsResolver } from './resolvers/country-reports.resolver';
import { GuidelineProgressResolver } from './resolvers/guideline-progress.resolver';
import { HemisphericReportResolver } from './resolvers/hemispheric-report.resolver';
import { IndicatorEntryResolver } from './resolvers/indicator-entry.resolver';
import { NationalPlanResolver } from './resolvers/national-plan.resolver';
import { ReportChangeResolver } from './resolvers/report-change.resolver';
import { ReportEventResolver } from './resolvers/report-event.resolver';
import { ReportingPeriodResolver } from './resolvers/reporting-period.resolver';

export function buildReportsSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    {
      // type-graphql wants a PubSub for any Subscription; the gateway serves the feed, never this subgraph.
      pubSub: feedPubSub,
      resolvers: [
        ReportingPeriodResolver,
        CountryReportResolver,
        CountryReportMutationResolver,
        IndicatorEntryResolver,
        NationalPlanResolver,
        CountryReportsResolver,
        ReportChangeResolver,
        HemisphericReportResolver,
        GuidelineProgressResolver,
        ReportEventResolver,
      ],
    },
    { CountryReport: countryReportReference, NationalPlan: nationalPlanReference },
  );
}
