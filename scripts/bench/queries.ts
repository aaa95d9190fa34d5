import { stableId } from '../../services/kit/ids';
import { OAS_MEMBER_STATES } from '../../services/kit/countries';

/** The cost limit the benchmark's graph runs with, so that the edge lets S1 through (README, "S1"). */
export const S1_MAX_COST = 1_000_000_000;

/** S1: a deep query through five subgraphs (authorities, agreements, organizations, practices, workplan). */
export const S1_QUERY = `query S1 {
  countries {
    code
    name
    authorities {
      name
      agreements {
        title
        status
        parties {
          country {
            name
            organizations {
              name
              services { name type languages }
            }
          }
        }
      }
      practices { title guidelines { number section } }
    }
  }
}`;

/** S4: the fixed cost of a request: one field of one subgraph. */
export const S4_QUERY = '{ country(code: "GT") { name } }';

const S5_PARTS = [
  'authorities { name acronym }',
  'agreements { title kind }',
  'organizations { name kind }',
  'practices { title year }',
  'contactPoint { name email }',
  'services { name type }',
  'practices { guidelines { number } }',
  'authorities { agreements { parties { country { code } } } }',
];

/** S5: the i-th of many distinct operations (a different document each: a query-plan cache miss). */
export function s5Query(i: number): string {
  const parts = S5_PARTS.filter((_, bit) => ((i >> bit) & 1) === 1 || bit === i % S5_PARTS.length);
  const code = OAS_MEMBER_STATES[i % OAS_MEMBER_STATES.length];
  return `query S5_${i} { country(code: "${code}") { code n${i}: name ${parts.join(' ')} } }`;
}

/** S7: the public directory page an anonymous visitor opens: a page of organizations, each with its country and services. */
export const S7_QUERY =
  '{ organizations(first: 20) { totalCount pageInfo { hasNextPage endCursor } nodes { name kind website country { name } services { name type languages } } } }';

/** S6's reads. */
export const S6_READS = [
  '{ agreements(first: 20) { totalCount nodes { title status parties { country { name } authority { name } } } } }',
  '{ organizations(first: 20) { totalCount nodes { name country { name } services { name type } } } }',
  S4_QUERY,
  '{ country(code: "MX") { name authorities { name practices { title } } organizations { name } } }',
];

export const CREATE_AGREEMENT =
  'mutation($t: String!, $a: ID!, $b: ID!) { createAgreement(input: { title: $t, kind: BILATERAL, parties: [{ country: $a }, { country: $b }] }) { id status } }';
/** One party of the new DRAFT signs (the Secretariat may sign for a party): SIGNED is reached only by signatures. */
export const SIGN_AGREEMENT = 'mutation($id: ID!, $c: ID!) { signAgreement(id: $id, country: $c) { id status signedOn } }';
export const REGISTER_ORGANIZATION =
  'mutation($n: String!, $c: ID!) { registerOrganization(input: { name: $n, kind: NGO, country: $c }) { id status } }';
export const ADD_SERVICE =
  'mutation($o: ID!, $n: String!, $c: ID!) { addService(input: { organizationId: $o, name: $n, type: HOTLINE, country: $c, languages: ["spa"] }) { id name } }';

/**
 * The i-th verified organization of a bench dataset of `rounds` rounds (see dataset.ts): successive
 * indexes go round the Member States, then on to the next round, so they visit every one in turn.
 */
export function benchOrganization(i: number, rounds = 1): { id: string; country: string } {
  const states = OAS_MEMBER_STATES.length;
  const country = OAS_MEMBER_STATES[i % states];
  const round = Math.floor(i / states) % rounds;
  return { id: stableId(`bench:${country}:${round}:organization`), country };
}
