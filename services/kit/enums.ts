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
registerEnumType(Population, {
  name: 'Population',
  description: 'A group of people a service or practice is meant for.',
  valuesConfig: {
    WOMEN: { description: 'Adult women.' },
    MEN: { description: 'Adult men.' },
    CHILDREN: { description: 'Children under 12.' },
    ADOLESCENTS: { description: 'Adolescents, 12 to 17 years old.' },
    MIGRANTS: { description: 'Migrants, refugees and asylum seekers, whatever their status.' },
    INDIGENOUS: { description: 'Indigenous peoples.' },
    LGBTI: { description: 'Lesbian, gay, bisexual, trans and intersex people.' },
    PERSONS_WITH_DISABILITIES: { description: 'Persons with disabilities.' },
    OLDER_PERSONS: { description: 'Older persons.' },
    FAMILIES: { description: 'Families, including the relatives of victims and survivors.' },
  },
});
