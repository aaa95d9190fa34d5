import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection, PageArgs } from '../../kit/pagination';
import { CountryReport, ReportStatus } from '../entities/country-report.entity';

@InputType({ description: 'Narrows the list of country reports.' })
export class CountryReportFilter {
  @Field(() => ID, { nullable: true, description: 'Reports for this reporting period.' })
  period?: string | null;

  @Field(() => ID, { nullable: true, description: 'Reports of this Member State (ISO code, any case).' })
  country?: string | null;

  @Field(() => ReportStatus, {
    nullable: true,
    description: 'Reports in this status, among those the viewer may read (the public sees PUBLISHED only).',
  })
  status?: ReportStatus | null;
}

@ArgsType()
export class CountryReportsArgs extends PageArgs {
  @Field(() => CountryReportFilter, { nullable: true, description: 'All given criteria must match.' })
  filter?: CountryReportFilter | null;
}

@ObjectType({ description: 'A page of country reports, by period then country.' })
export class CountryReportConnection extends Connection(CountryReport) {}
