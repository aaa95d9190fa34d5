import { Field, Int, ObjectType } from 'type-graphql';
import { Indicator } from '../entities/references';

@ObjectType({ description: 'One indicator of Annex I across the PUBLISHED reports of a period.' })
export class IndicatorProgress {
  @Field(() => Indicator, { description: 'The indicator (workplan).' })
  indicator: Indicator;

  @Field(() => Int, { description: 'Countries that report it ACHIEVED.' })
  achieved: number;

  @Field(() => Int, { description: 'Countries that report it IN_PROGRESS.' })
  inProgress: number;

  @Field(() => Int, { description: 'Countries that report it NOT_STARTED.' })
  notStarted: number;

  @Field(() => Int, { description: 'Countries that report it NOT_APPLICABLE.' })
  notApplicable: number;

  @Field(() => Int, { description: 'Countries whose published report has an entry for it: the sum of the four.' })
  reported: number;
}

@ObjectType({
  description: 'The biennial report of mandate 11: how the Member States report on Annex I in a period, from PUBLISHED country reports.',
})
export class HemisphericReport {
  /** The period reported on; its fields are resolved from it. */
  periodId: string;
}
