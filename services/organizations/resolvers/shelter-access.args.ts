import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
import { Connection, PageArgs } from '../../kit/pagination';
import { ShelterAccess } from '../entities/shelter-access.entity';

@ArgsType()
export class ShelterAccessLogArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only the reads of this service.' })
  serviceId?: string | null;
}

@ObjectType({ description: 'A page of the shelter access log, newest first.' })
export class ShelterAccessConnection extends Connection(ShelterAccess) {}
