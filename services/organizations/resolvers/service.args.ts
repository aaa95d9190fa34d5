import { ArgsType, Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Population } from '../../kit/enums';
import { Connection, PageArgs } from '../../kit/pagination';
import { SEARCH_DESCRIPTION } from '../../kit/validation';
import { Service, ServiceType } from '../entities/service.entity';
import { MAX_RADIUS_KM } from '../geo';
import { MAX_CITY_LENGTH } from '../places';

export enum ServiceOrder {
  RELEVANCE = 'RELEVANCE',
  DISTANCE = 'DISTANCE',
  NAME = 'NAME',
  NEWEST = 'NEWEST',
}
registerEnumType(ServiceOrder, {
  name: 'ServiceOrder',
  description: 'The order of a list of services (docs/search.md).',
  valuesConfig: {
    RELEVANCE: { description: 'Best matches of filter.search first, then by name (the default with search); needs search.' },
    DISTANCE: {
      description: 'Nearest to filter.near first, services found by their coverage last (the default with near); needs near.',
    },
    NAME: { description: 'By name (the default without search or near).' },
    NEWEST: { description: 'Most recently updated first (updatedAt).' },
  },
});

@InputType({ description: 'A point on Earth, in decimal degrees (WGS 84).' })
export class GeoPointInput {
  @Field(() => Float, { description: 'Latitude, -90 to 90.' })
  latitude: number;

  @Field(() => Float, { description: 'Longitude, -180 to 180.' })
  longitude: number;
}

@InputType({ description: 'Narrows a list of services; all given criteria must match.' })
export class ServiceFilter {
  @Field(() => ID, { nullable: true, description: 'ISO code of the country where the service is offered (any case).' })
  country?: string | null;

  @Field(() => ServiceType, { nullable: true, description: 'Services of this type.' })
  type?: ServiceType | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Services offered in this language, an ISO 639-3 code (e.g. quc); a macrolanguage also matches its individual ' +
      'languages (que: quz, quy...), and an individual language its macrolanguage (ayr: aym).',
  })
  language?: string | null;

  @Field(() => Population, { nullable: true, description: 'Services meant for this population.' })
  population?: Population | null;

  @Field(() => String, { nullable: true, description: SEARCH_DESCRIPTION })
  search?: string | null;

  @Field(() => GeoPointInput, {
    nullable: true,
    description:
      'Services within radiusKm of this point (radiusKm required), nearest first, with their distanceKm; then the NATIONAL ' +
      'and INTERNATIONAL services of the country the point lies in, with no distance.',
  })
  near?: GeoPointInput | null;

  @Field(() => Float, {
    nullable: true,
    description:
      `Distance from near in km, above 0 and at most ${MAX_RADIUS_KM}; ` + "measured from a shelter's public (coarsened) position.",
  })
  radiusKm?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      `Services in this city or locality: the whole name, accents and case ignored ("tapachula" finds Tapachula), ` +
      `at most ${MAX_CITY_LENGTH} characters.`,
  })
  city?: string | null;

  @Field(() => ServiceOrder, {
    nullable: true,
    description: 'The order of the list: RELEVANCE when search is given, DISTANCE when near is, NAME otherwise.',
  })
  orderBy?: ServiceOrder | null;
}

@ArgsType()
export class ServicesArgs extends PageArgs {
  @Field(() => ServiceFilter, { nullable: true, description: 'All given criteria must match.' })
  filter?: ServiceFilter | null;
}

@ObjectType({ description: 'A page of services.' })
export class ServiceConnection extends Connection(Service) {}
