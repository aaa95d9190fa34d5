import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Population } from '../../kit/enums';
import { GUIDELINE_COUNT } from '../../kit/guidelines';
import { Connection, PageArgs } from '../../kit/pagination';
import { SEARCH_DESCRIPTION } from '../../kit/validation';
import { Pillar, Practice, PracticeStatus } from '../entities/practice.entity';

@InputType({ description: 'Narrows the library of practices.' })
export class PracticeFilter {
  @Field(() => String, { nullable: true, description: `In the title, summary or body. ${SEARCH_DESCRIPTION}` })
  search?: string | null;

  @Field(() => Pillar, { nullable: true, description: 'Practices of this pillar.' })
  pillar?: Pillar | null;

  @Field(() => ID, { nullable: true, description: 'ISO code of a country the practice involves.' })
  country?: string | null;

  @Field(() => Int, { nullable: true, description: `Number of a guideline (1-${GUIDELINE_COUNT}) the practice implements.` })
  guideline?: number | null;

  @Field(() => Population, { nullable: true, description: 'Practices meant for this population.' })
  population?: Population | null;

  @Field(() => PracticeStatus, {
    nullable: true,
    description: 'Practices in this status, among those the viewer may read (the Secretariat’s review queue: SUBMITTED).',
  })
  status?: PracticeStatus | null;
}

@ArgsType()
export class PracticesArgs extends PageArgs {
  @Field(() => PracticeFilter, { nullable: true, description: 'All given criteria must match.' })
  filter?: PracticeFilter | null;
}

@ObjectType({ description: 'A page of practices.' })
export class PracticeConnection extends Connection(Practice) {}
