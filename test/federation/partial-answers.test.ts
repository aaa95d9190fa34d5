import { oncePerMissingPart } from '../../gateway/value-completion';
import { SUBGRAPHS, SubgraphName } from '../../services/platform/config';
import { startSubgraph } from '../../services/kit/subgraph';
import { SUBGRAPH_DEFINITIONS } from '../../services/subgraphs';
import { startGraph, TestGraph } from '../helpers/graph';

/** One query that touches every subgraph: root fields of each, and the fields each adds to the others' types. */
const WIDE_QUERY = `{
  countries { id code name }
  country(code: "GT") {
    id code name
    authorities { name }
    organizations { id name }
    services { id name }
    practices { id title }
    agreements { id title }
    reports { id }
    nationalPlans { id }
  }
  authorities(first: 3) { nodes { id name country { code } } }
  guidelines(section: PROTECTION) { id number practices { id } agreements { id } }
  mandates { id number }
  organizations(first: 3) { nodes { id name country { id code } practices { id } } }
  services(first: 3) { nodes { id name country { id code } } }
  practices(first: 3) { nodes { id title guidelines { id number } } }
  agreements(first: 3) { nodes { id title parties { country { id code } } } }
  reportingPeriods { id }
  countryReports(first: 3) { nodes { id } }
  me { id name organizations { id } }
}`;

/**
 * What each subgraph serves in WIDE_QUERY: where the answer has null when it is down ("*" is every item
 * of a list). Everything else must be as when the whole graph is up.
 */
const SERVED_BY: Record<SubgraphName, string[]> = {
  accounts: ['me'],
  authorities: ['countries', 'country', 'authorities'],
  organizations: ['country.organizations', 'country.services', 'organizations', 'services', 'me.organizations'],
  practices: ['country.practices', 'guidelines.*.practices', 'organizations.nodes.*.practices', 'practices'],
  agreements: ['country.agreements', 'guidelines.*.agreements', 'agreements'],
  workplan: ['guidelines', 'mandates'],
  reports: ['country.reports', 'country.nationalPlans', 'reportingPeriods', 'countryReports'],
};

/** A copy of `data` with null at each path. */
function nulled(data: unknown, paths: string[]): unknown {
  const copy = structuredClone(data);
  const setNull = (value: unknown, steps: string[]): void => {
    if (value === null || typeof value !== 'object') return;
    const [step, ...rest] = steps;
    if (step === '*') return (value as unknown[]).forEach((item) => setNull(item, rest));
    const record = value as Record<string, unknown>;
    if (rest.length === 0) record[step] = null;
    else setNull(record[step], rest);
  };
  for (const path of paths) setNull(copy, path.split('.'));
  return copy;
}

describe('partial answers: the wide query with each subgraph down in turn', () => {
  let graph: TestGraph;
  let headers: Record<string, string>;
  let full: Record<string, any>;
  beforeAll(async () => {
    graph = await startGraph();
    const signUp = await graph.query('mutation ($input: SignUpInput!) { signUp(input: $input) { token } }', {
      input: { email: 'partial@example.org', password: 'a long enough passphrase 7', name: 'Partial Answers' },
    });
    headers = { authorization: `Bearer ${signUp.body.data.signUp.token}` };
    const { body } = await graph.query(WIDE_QUERY, {}, headers);
    expect(body.errors).toBeUndefined();
    full = body.data;
  });
  afterAll(() => graph.stop());

  it('has, with the whole graph up, something to lose from every subgraph', () => {
    expect(full.countries.length).toBe(35);
    expect(full.country.organizations.length + full.country.practices.length + full.country.agreements.length).toBeGreaterThan(0);
    expect(full.authorities.nodes.length).toBeGreaterThan(0);
    expect(full.guidelines.length).toBeGreaterThan(0);
    expect(full.mandates.length).toBe(17);
    expect(full.organizations.nodes.length).toBeGreaterThan(0);
    expect(full.services.nodes.length).toBeGreaterThan(0);
    expect(full.practices.nodes.length).toBeGreaterThan(0);
    expect(full.agreements.nodes.length).toBeGreaterThan(0);
    expect(full.me.name).toBe('Partial Answers');
  });

  it('gives Country, Guideline and Mandate their cache identity: the code, the number as a string, from any subgraph', () => {
    const countries = [...full.countries, full.country, ...full.services.nodes.map((s: any) => s.country)];
    countries.push(...full.agreements.nodes.flatMap((a: any) => a.parties.map((p: any) => p.country)));
    for (const country of countries) expect(country.id).toBe(country.code);
    for (const guideline of [...full.guidelines, ...full.practices.nodes.flatMap((p: any) => p.guidelines)])
      expect(guideline.id).toBe(String(guideline.number));
    for (const mandate of full.mandates) expect(mandate.id).toBe(String(mandate.number));
  });

  it.each(SUBGRAPHS)('answers every field the others serve with %s stopped, and one SUBGRAPH_UNAVAILABLE naming it', async (name) => {
    const port = graph.subgraphs[name].port;
    await graph.subgraphs[name].stop();
    try {
      const { status, body, raw } = await graph.query(WIDE_QUERY, {}, headers);
      expect(status).toBe(200);
      expect(body.data).toEqual(nulled(full, SERVED_BY[name]));
      expect(body.errors).toEqual([expect.objectContaining({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: name } })]);
      expect(raw).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|localhost|\bat /);
    } finally {
      graph.subgraphs[name] = await startSubgraph(SUBGRAPH_DEFINITIONS[name], graph.config, port);
    }
    const again = await graph.query(WIDE_QUERY, {}, headers);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data).toEqual(full);
  });
});

describe('one error per missing subgraph', () => {
  const unavailable = (code: string, service: string, path?: string[]) => ({
    message: `${service} down`,
    path,
    extensions: { code, service },
  });

  it('keeps one error per subgraph and code, without a path when it stands for several, and every other error as it is', () => {
    const forbidden = { message: 'no', path: ['users'], extensions: { code: 'FORBIDDEN' } };
    const errors = [
      unavailable('SERVICE_UNAVAILABLE', 'reports', ['reportingPeriods']),
      forbidden,
      unavailable('SERVICE_UNAVAILABLE', 'reports', ['country', 'reports']),
      unavailable('SUBGRAPH_UNAVAILABLE', 'practices', ['practices']),
      unavailable('SERVICE_UNAVAILABLE', 'reports', ['countryReports']),
    ];
    expect(oncePerMissingPart(errors)).toEqual([
      { message: 'reports down', extensions: { code: 'SERVICE_UNAVAILABLE', service: 'reports' } },
      forbidden,
      unavailable('SUBGRAPH_UNAVAILABLE', 'practices', ['practices']),
    ]);
  });
});
