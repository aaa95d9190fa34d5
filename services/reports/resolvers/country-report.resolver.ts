import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kit/context';
import { columnKey, paginateList } from '../../kit/keyset';
import { countryFilter } from '../../kit/validation';
import { whereVisible } from '../../kit/visibility';
import { CountryReport } from '../entities/country-report.entity';
import { IndicatorEntry } from '../entities/indicator-entry.entity';
import { Country } from '../entities/references';
import { ReportingPeriod } from '../entities/reporting-period.entity';
import type { Loaders } from '../loaders';
import { keepsReportsOf } from '../visibility';
import { CountryReportConnection, CountryReportsArgs } from './country-report.args';

const COUNTRY = { description: 'ISO code of the Member State, any case.' };
const PERIOD = { description: 'The id of the reporting period, e.g. "2015-2016".' };

@Resolver(() => CountryReport)
export class CountryReportResolver {
  @Query(() => CountryReport, {
    nullable: true,
    description: "A country's report for a period; null when it has none, or one not PUBLISHED that the viewer may not read.",
  })
  async countryReport(
    @Arg('country', () => ID, COUNTRY) country: string,
    @Arg('period', () => ID, PERIOD) period: string,
    @Ctx() { db, loaders }: Context<Loaders>,
  ): Promise<CountryReport | null> {
    const countryCode = countryFilter(country)!;
    const query = db.getRepository(CountryReport).createQueryBuilder('r').where('r.country_code = :countryCode AND r.period_id = :period', {
      countryCode,
      period,
    });
    return whereVisible(query, await loaders.visibility()).getOne();
  }

  @Query(() => CountryReportConnection, {
    nullable: true,
    description:
      "Country reports by period then country: the PUBLISHED ones; with them, an AUTHORITY's own country's in any status, and every one for the Secretariat.",
  })
  async countryReports(
    @Args() { filter, ...page }: CountryReportsArgs,
    @Ctx() { db, loaders }: Context<Loaders>,
  ): Promise<CountryReportConnection> {
    const query = whereVisible(db.getRepository(CountryReport).createQueryBuilder('r'), await loaders.visibility());
    const country = countryFilter(filter?.country);
    if (country) query.andWhere('r.country_code = :country', { country });
    if (filter?.period != null) query.andWhere('r.period_id = :period', { period: filter.period });
    if (filter?.status != null) query.andWhere('r.status = :status', { status: filter.status });
    return paginateList({ query, keys: [columnKey('r', 'period_id', 'periodId'), columnKey('r', 'country_code', 'countryCode')] }, page);
  }

  @FieldResolver(() => Country, { description: 'The Member State that reports.' })
  country(@Root() report: CountryReport): Country {
    return { code: report.countryCode };
  }

  @FieldResolver(() => ReportingPeriod, { description: 'The period it reports on.' })
  async period(@Root() report: CountryReport, @Ctx() { loaders }: Context<Loaders>): Promise<ReportingPeriod> {
    return (await loaders.period.load(report.periodId))!;
  }

  @FieldResolver(() => [IndicatorEntry], { description: 'Its entries, one per indicator reported on, in the order of Annex I.' })
  entries(@Root() report: CountryReport, @Ctx() { loaders }: Context<Loaders>): Promise<IndicatorEntry[]> {
    return loaders.entriesOfReport.load(report.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The Secretariat's note when it last returned the report; null for anyone but the country's authorities and the Secretariat.",
  })
  returnNote(@Root() report: CountryReport, @Ctx() { viewer }: Context<Loaders>): string | null {
    return keepsReportsOf(viewer, report.countryCode) ? report.returnNote : null;
  }
}
