import { startGraph, TestGraph } from '../helpers/graph';

/** The query of the foundation issue's "done when": five subgraphs through one endpoint. */
const COUNTRY_QUERY = `{
  country(code: "GT") {
    nameEs
    authorities { name agreements { title parties { country { name } } } }
    organizations { name services { name type languages } }
    practices { title guidelines { number section } }
  }
  guidelines(section: PROTECTION) { number indicators { text } }
}`;

describe('the graph through the gateway', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());

  describe('reading across subgraphs', () => {
    it('answers a country with its authorities, agreements, organizations, services and practices', async () => {
      const { status, body } = await graph.query(COUNTRY_QUERY);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      const country = body.data.country;
      expect(country.nameEs).toBe('Guatemala');
      expect(country.authorities.length).toBeGreaterThan(0);
      const parties = country.authorities.flatMap((a: any) => a.agreements).flatMap((a: any) => a.parties);
      expect(parties.map((p: any) => p.country.name)).toContain('Mexico');
      expect(country.organizations.length).toBeGreaterThan(0);
      const services = country.organizations.flatMap((o: any) => o.services);
      expect(services.map((s: any) => s.type)).toContain('SHELTER');
      expect(services.flatMap((s: any) => s.languages)).toContain('quc');
      expect(country.practices.flatMap((p: any) => p.guidelines).length).toBeGreaterThan(0);
      expect(body.data.guidelines.map((g: any) => g.number)).toEqual(Array.from({ length: 23 }, (_, i) => 45 + i));
      const g51 = body.data.guidelines.find((g: any) => g.number === 51);
      expect(g51.indicators.map((i: any) => i.text)).toEqual([
        'Mapeo de refugios existentes realizado.',
        'Refugios creados o adoptados para recibir víctimas de la trata de personas.',
      ]);
    });

    it('resolves a guideline to the practices that implement it and back', async () => {
      const { body } = await graph.query(
        '{ practices(first: 5) { nodes { title guidelines { number practices { title } } countries { code nameEs } } } }',
      );
      expect(body.errors).toBeUndefined();
      const practice = body.data.practices.nodes[0];
      expect(practice.countries[0].nameEs).toEqual(expect.any(String));
      for (const guideline of practice.guidelines) {
        expect(guideline.practices.map((p: any) => p.title)).toContain(practice.title);
      }
    });

    it('never shows a shelter address to an anonymous caller', async () => {
      const { body, raw } = await graph.query(
        '{ services(filter: { type: SHELTER }, first: 100) { nodes { latitude longitude shelter { capacity address availableBeds } } } }',
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.services.nodes.length).toBeGreaterThan(0);
      for (const service of body.data.services.nodes) {
        expect(service.shelter.address).toBeNull();
        expect(service.shelter.availableBeds).toBeNull();
        expect(Math.round(service.latitude * 10) / 10).toBe(service.latitude);
      }
      expect(raw).not.toMatch(/Calle|Rua|Rue|Avenida/);
    });
  });

  describe('operations', () => {
    it('answers /health and /ready on every subgraph and /health on the gateway', async () => {
      for (const subgraph of Object.values(graph.subgraphs)) {
        const ready = await fetch(subgraph.url.replace('/graphql', '/ready'));
        expect({ name: subgraph.name, status: ready.status }).toEqual({ name: subgraph.name, status: 200 });
      }
      expect((await fetch(graph.url.replace('/graphql', '/health'))).status).toBe(200);
    });

    it('returns the request id it was given, or a new one', async () => {
      const given = await fetch(graph.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'trace-123' },
        body: JSON.stringify({ query: '{ mandates { number } }' }),
      });
      expect(given.headers.get('x-request-id')).toBe('trace-123');
      const fresh = await fetch(graph.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ mandates { number } }' }),
      });
      expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('refuses a body over 1 MB with a GraphQL error, not a dropped connection', async () => {
      const response = await fetch(graph.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ mandates { number } } # ${'x'.repeat(1024 * 1024)}` }),
      });
      expect(response.status).toBe(413);
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    });
  });

  describe('bad input', () => {
    it('answers null for an unknown country or guideline, and accepts a lower-case code', async () => {
      const { body } = await graph.query(
        '{ xx: country(code: "XX") { name } g: guideline(number: 99) { text } gt: country(code: "gt") { code } }',
      );
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({ xx: null, g: null, gt: { code: 'GT' } });
    });

    it.each([
      ['first: 1000', '{ organizations(first: 1000) { totalCount } }', /100/],
      ['first: 0', '{ services(first: 0) { totalCount } }', /100/],
      ['a malformed cursor', '{ agreements(after: "garbage") { totalCount } }', /cursor/],
    ])('refuses %s with BAD_USER_INPUT and a message that says why', async (_name, query, message) => {
      const { status, body } = await graph.query(query);
      expect(status).toBe(200);
      expect(body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(body.errors![0].message).toMatch(message);
    });

    it('treats an unknown enum value as a validation error, not a server error', async () => {
      const { status, body } = await graph.query('{ guidelines(section: NOPE) { number } }');
      expect(status).toBe(400);
      expect(body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('lets no stack trace or SQL reach the client', async () => {
      const { raw } = await graph.query('{ authorities(filter: { search: "\'; DROP TABLE countries; --" }) { totalCount } }');
      expect(raw).not.toMatch(/stacktrace|SELECT|at .*\.js/i);
      const again = await graph.query('{ countries { code } }');
      expect(again.body.data.countries).toHaveLength(35);
    });
  });
});
