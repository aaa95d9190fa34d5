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
import { ReportingPeriodResolver } from './resolvers/reporting-period.resolver';

export function buildReportsSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    {
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
      ],
    },
    { CountryReport: countryReportReference, NationalPlan: nationalPlanReference },
  );
}
