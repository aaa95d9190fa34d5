import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { OAS_MEMBER_STATES } from '../../kit/countries';
import { INDICATOR_IDS } from '../../kit/indicators';
import { Country } from '../entities/references';
import { ReportingPeriod } from '../entities/reporting-period.entity';
import type { Loaders } from '../loaders';
import { indicatorProgress } from '../hemispheric';
import { HemisphericReport, IndicatorProgress } from './hemispheric-report.types';

/** The gateway's address of a document of the report (served by gateway/report-documents.ts). */
const documentUrl = ({ config }: Context<Loaders>, report: HemisphericReport, extension: string): string =>
  `${config.publicUrl}/reports/${encodeURIComponent(report.periodId)}.${extension}`;

@Resolver(() => HemisphericReport)
export class HemisphericReportResolver {
  @Query(() => HemisphericReport, {
    nullable: true,
    description: 'The biennial report of mandate 11 for a period, from PUBLISHED country reports only; null for an unknown period.',
  })
  async hemisphericReport(
    @Arg('period', () => ID, { description: 'The id of the reporting period, e.g. "2015-2016".' }) period: string,
    @Ctx() { loaders }: Context<Loaders>,
  ): Promise<HemisphericReport | null> {
    return (await loaders.period.load(period)) ? { periodId: period } : null;
  }

  @FieldResolver(() => ReportingPeriod, { description: 'The period it reports on.' })
  async period(@Root() report: HemisphericReport, @Ctx() { loaders }: Context<Loaders>): Promise<ReportingPeriod> {
    return (await loaders.period.load(report.periodId))!;
  }

  @FieldResolver(() => [Country], { description: 'The Member States with a PUBLISHED report for the period, by code.' })
  async countriesReported(@Root() report: HemisphericReport, @Ctx() { loaders }: Context<Loaders>): Promise<Country[]> {
    return (await loaders.periodProgress.load(report.periodId)).countries.map((code) => ({ code }));
  }

  @FieldResolver(() => [Country], { description: 'The Member States without a PUBLISHED report for the period, by code.' })
  async countriesMissing(@Root() report: HemisphericReport, @Ctx() { loaders }: Context<Loaders>): Promise<Country[]> {
    const reported = new Set((await loaders.periodProgress.load(report.periodId)).countries);
    return [...OAS_MEMBER_STATES]
      .filter((code) => !reported.has(code))
      .sort()
      .map((code) => ({ code }));
  }

  @FieldResolver(() => [IndicatorProgress], {
    description: 'Every indicator of Annex I in guideline order, those no one reported on with zeros.',
  })
  async indicators(@Root() report: HemisphericReport, @Ctx() { loaders }: Context<Loaders>): Promise<IndicatorProgress[]> {
    return indicatorProgress(await loaders.periodProgress.load(report.periodId), INDICATOR_IDS);
  }

  @FieldResolver(() => String, { description: "The report as CSV (UTF-8), one row per country and indicator, at the gateway's address." })
  csvUrl(@Root() report: HemisphericReport, @Ctx() ctx: Context<Loaders>): string {
    return documentUrl(ctx, report, 'csv');
  }

  @FieldResolver(() => String, {
    description: "A printable page of the report (Spanish, with English alongside), at the gateway's address.",
  })
  htmlUrl(@Root() report: HemisphericReport, @Ctx() ctx: Context<Loaders>): string {
    return documentUrl(ctx, report, 'html');
  }
}
