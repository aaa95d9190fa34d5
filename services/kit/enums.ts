import { registerEnumType } from 'type-graphql';

/**
 * Enums that more than one subgraph uses, defined once: composition requires an enum used in inputs
 * and outputs of several subgraphs to be the same everywhere.
 */
export enum Population {
  WOMEN = 'WOMEN',
  MEN = 'MEN',
  CHILDREN = 'CHILDREN',
  ADOLESCENTS = 'ADOLESCENTS',
  MIGRANTS = 'MIGRANTS',
  INDIGENOUS = 'INDIGENOUS',
  LGBTI = 'LGBTI',
  PERSONS_WITH_DISABILITIES = 'PERSONS_WITH_DISABILITIES',
  OLDER_PERSONS = 'OLDER_PERSONS',
  FAMILIES = 'FAMILIES',
}
registerEnumType(Population, { name: 'Population', description: 'A group of people a service or practice is meant for.' });
