import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../kit/context';
import { isIndicatorId } from '../../kit/indicators';
import { countryFilter } from '../../kit/validation';
import { badInput } from '../../platform/errors';
import { assertWritesReportOf } from '../access';
import { CountryReport } from '../entities/country-report.entity';
import type { Loaders } from '../loaders';
import { assertLinksSeen } from '../linked';
import { linkedIds, MAX_RETURN_NOTE_LENGTH, publishReport, returnReport, saveIndicatorEntry, submitReport } from '../report-writes';
import { IndicatorEntryInput } from './report.input';

const COUNTRY = { description: 'ISO code of the Member State whose report it is, any case.' };
const PERIOD = { description: 'The id of the reporting period, e.g. "2015-2016".' };
const REPORT_ID = { description: 'The id of the country report (UUID).' };

/**
 * The country and period a country's authority writes for: who may (FORBIDDEN before anything else is
 * looked at), then the period, which must exist (BAD_USER_INPUT naming it).
 */
async function reportTarget(ctx: Context<Loaders>, country: string, period: string): Promise<{ countryCode: string; periodId: string }> {
  const countryCode = countryFilter(country)!;
  assertWritesReportOf(ctx.viewer!, countryCode);
  const known = period.length <= 40 ? await ctx.loaders.period.load(period) : null;
  if (!known) throw badInput(`No reporting period has the id "${period.slice(0, 40)}"; reportingPeriods lists them.`, 'period');
  return { countryCode, periodId: known.id };
}

@Resolver(() => CountryReport)
export class CountryReportMutationResolver {
  @Authorized()
  @Mutation(() => CountryReport, {
    description:
      "Saves one indicator's entry of a country's report for a period (an AUTHORITY of that country), while the report is DRAFT or RETURNED: " +
      'the first entry creates the report, DRAFT; an entry saved again replaces the earlier one. The indicator must be one of Annex I; ' +
      'linked practices and agreements must be ones the writer may see.',
  })
  async saveIndicatorEntry(
    @Arg('country', () => ID, COUNTRY) country: string,
    @Arg('period', () => ID, PERIOD) period: string,
    @Arg('input', () => IndicatorEntryInput, { description: 'The entry.' }) input: IndicatorEntryInput,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<CountryReport> {
    const target = await reportTarget(ctx, country, period);
    if (!isIndicatorId(input.indicatorId)) {
      throw badInput(
        `No indicator of Annex I has the id "${input.indicatorId}"; ids look like 51-a (Guideline.indicators).`,
        'indicatorId',
      );
    }
    await assertLinksSeen(ctx, { practices: linkedIds(input.practiceIds), agreements: linkedIds(input.agreementIds) });
    const report = await saveIndicatorEntry(ctx.db, ctx.viewer!, target, input);
    forget(ctx.loaders, report.id);
    return report;
  }

  @Authorized()
  @Mutation(() => CountryReport, {
    description:
      "Submits a country's report for a period to the Secretariat (an AUTHORITY of that country): DRAFT or RETURNED → SUBMITTED; it needs at least one entry.",
  })
  async submitReport(
    @Arg('country', () => ID, COUNTRY) country: string,
    @Arg('period', () => ID, PERIOD) period: string,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<CountryReport> {
    const report = await submitReport(ctx.db, ctx.viewer!, await reportTarget(ctx, country, period));
    forget(ctx.loaders, report.id);
    return report;
  }

  @Authorized('SECRETARIAT')
  @Mutation(() => CountryReport, {
    description:
      'Returns a report to its country with a note (SECRETARIAT): SUBMITTED → RETURNED, editable again. A PUBLISHED report is returned the same way to correct it: it leaves the public view until it is submitted and published again.',
  })
  async returnReport(
    @Arg('id', () => ID, REPORT_ID) id: string,
    @Arg('note', () => String, {
      description: `What to change, for the country's authorities: 1 to ${MAX_RETURN_NOTE_LENGTH} characters, stored trimmed.`,
    })
    note: string,
    @Ctx() ctx: Context<Loaders>,
  ): Promise<CountryReport> {
    const report = await returnReport(ctx.db, ctx.viewer!, id, note);
    forget(ctx.loaders, report.id);
    return report;
  }

  @Authorized('SECRETARIAT')
  @Mutation(() => CountryReport, {
    description: 'Publishes a SUBMITTED report (SECRETARIAT): it is public from now on and cannot change unless returned.',
  })
  async publishReport(@Arg('id', () => ID, REPORT_ID) id: string, @Ctx() ctx: Context<Loaders>): Promise<CountryReport> {
    const report = await publishReport(ctx.db, ctx.viewer!, id);
    forget(ctx.loaders, report.id);
    return report;
  }
}

/** Drops what this request's loaders read of a report before it changed. */
function forget(loaders: Loaders, id: string): void {
  loaders.report.clear(id);
  loaders.entriesOfReport.clear(id);
}
