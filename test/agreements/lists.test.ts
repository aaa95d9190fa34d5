import { demoAgreementId } from '../../services/agreements/demo';
import { agreementsSubgraph } from '../../services/agreements/subgraph';
import { demoAuthorityId } from '../../services/kit/demo-ids';
import type { Viewer } from '../../services/platform/auth';
import { viewer } from '../helpers/auth';
import { openSubgraph, SubgraphUnderTest } from '../helpers/subgraph';

/** The agreements of a country or an authority are bounded per parent inside the database, drafts counted only for who sees them (issue 15, item 1). */
describe('agreements subgraph: nested lists are bounded', () => {
  let subgraph: SubgraphUnderTest;
  beforeAll(async () => {
    subgraph = await openSubgraph(agreementsSubgraph);
  });
  afterAll(() => subgraph.close());

  const parents = [
    { __typename: 'Country', code: 'CO' },
    { __typename: 'Country', code: 'MX' },
    { __typename: 'NationalAuthority', id: demoAuthorityId('MX', 'prosecution') },
    { __typename: 'Country', code: 'US' },
  ];
  const agreementsOf = async (first: number, who: Viewer | null) => {
    const { data, errors } = await subgraph.execute(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Country { agreements(first: ${first}) { id } } ... on NationalAuthority { agreements(first: ${first}) { id } } } }`,
      { r: parents },
      who,
    );
    expect(errors).toBeUndefined();
    return (data!._entities as { agreements: { id: string }[] }[]).map((e) => e.agreements.map((a) => a.id));
  };

  it.each([
    ['the public', null],
    ['an authority of a party to a draft', viewer('AUTHORITY', 'GT')],
  ])('gives %s the first agreements of each parent by title, its own n each', async (_, who) => {
    const all = await agreementsOf(100, who);
    expect(all.slice(0, 3).every((list) => list.length >= 2)).toBe(true);
    expect(await agreementsOf(1, who)).toEqual(all.map((list) => list.slice(0, 1)));
    expect(all[0].includes(demoAgreementId('extradition-gt-co'))).toBe(who !== null);
  });

  it('refuses first: 0 with BAD_USER_INPUT naming it', async () => {
    const { errors } = await subgraph.execute(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Country { agreements(first: 0) { id } } } }',
      {
        r: [{ __typename: 'Country', code: 'CO' }],
      },
    );
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
