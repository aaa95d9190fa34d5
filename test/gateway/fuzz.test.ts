import fc from 'fast-check';
import { startGraph, TestGraph } from '../helpers/graph';
import { rowCounts } from '../helpers/rows';

/** How long the property runs, per engine: the cases run in that time are printed. */
const BUDGET_MS = 20_000;

/** Mutations that hostile variables are thrown at, each with the variable it takes. */
const MUTATIONS = [
  'mutation($i: SignUpInput!) { signUp(input: $i) { token } }',
  'mutation($i: OrganizationInput!) { registerOrganization(input: $i) { id } }',
  'mutation($i: ServiceInput!) { addService(input: $i) { id } }',
  'mutation($i: PracticeInput!) { submitPractice(input: $i) { id } }',
  'mutation($i: AgreementInput!) { createAgreement(input: $i) { id } }',
];
const QUERIES = [
  'query($i: Int) { agreements(first: $i) { nodes { title } } }',
  'query($i: ServiceFilter) { services(filter: $i) { nodes { name } } }',
  'query($i: String!) { country(code: $i) { name } }',
];

/** Values of the wrong type, too big, too long or oddly encoded. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, 2 ** 31, -(2 ** 31) - 1, 0.5, '', '\u0000', '\ud800', 'x'.repeat(100_000)),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.dictionary(
    fc.constantFrom(
      'name',
      'email',
      'password',
      'country',
      'kind',
      'type',
      'organizationId',
      'title',
      'summary',
      'pillar',
      'countries',
      'parties',
      'latitude',
      'longitude',
      'languages',
      'shelter',
      'first',
    ),
    fc.jsonValue(),
    { maxKeys: 8 },
  ),
);

type Case = { kind: 'mutation' | 'other'; body: Buffer; contentType: string; auth: boolean };

const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

const cases: fc.Arbitrary<Case> = fc.oneof(
  // Known operations with hostile variables (half of them signed in, so input checks are reached).
  fc.record({ query: fc.constantFrom(...MUTATIONS), i: hostileValue, auth: fc.boolean() }).map(({ query, i, auth }) => ({
    kind: 'mutation' as const,
    body: json({ query, variables: { i } }),
    contentType: 'application/json',
    auth,
  })),
  fc.record({ query: fc.constantFrom(...QUERIES), i: hostileValue }).map(({ query, i }) => ({
    kind: 'other' as const,
    body: json({ query, variables: { i } }),
    contentType: 'application/json',
    auth: false,
  })),
  // Random strings and random GraphQL-ish token soup as queries.
  fc
    .string({ unit: 'grapheme', maxLength: 400 })
    .map((query) => ({ kind: 'other' as const, body: json({ query }), contentType: 'application/json', auth: false })),
  fc
    .array(
      fc.constantFrom(
        '{',
        '}',
        '(',
        ')',
        'mutation',
        'query',
        'fragment',
        '...',
        'on',
        '$i',
        ':',
        '@skip',
        'signUp',
        'country',
        'name',
        '__schema',
        '__type',
        'a:',
        '"x"',
        '1e999',
        '[',
        ']',
        '!',
        '=',
      ),
      { maxLength: 200 },
    )
    .map((tokens) => ({ kind: 'other' as const, body: json({ query: tokens.join(' ') }), contentType: 'application/json', auth: false })),
  // Deep nesting, thousands of aliases, thousands of fields.
  fc.integer({ min: 1, max: 20_000 }).map((n) => ({
    kind: 'other' as const,
    body: json({ query: `${'{ country(code: "GT") '.repeat(n)}${'}'.repeat(n)}` }),
    contentType: 'application/json',
    auth: false,
  })),
  fc.integer({ min: 1, max: 100_000 }).map((n) => ({
    kind: 'other' as const,
    body: json({ query: `${'{'.repeat(n)}${'}'.repeat(n)}` }),
    contentType: 'application/json',
    auth: false,
  })),
  fc.integer({ min: 31, max: 5000 }).map((n) => ({
    kind: 'mutation' as const,
    body: json({
      query: `mutation { ${Array.from({ length: n }, (_, k) => `a${k}: signUp(input: { email: "f${k}@example.org", password: "a long enough password", name: "F" }) { token }`).join(' ')} }`,
    }),
    contentType: 'application/json',
    auth: false,
  })),
  // Invalid UTF-8 bytes spliced into a valid body; random bytes; random JSON; oversized bodies.
  fc
    .record({ bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }), at: fc.nat(), query: fc.constantFrom(...MUTATIONS, ...QUERIES) })
    .map(({ bytes, at, query }) => {
      const body = json({ query, variables: { i: 'x' } });
      const cut = at % body.length;
      return {
        kind: 'mutation' as const,
        body: Buffer.concat([body.subarray(0, cut), Buffer.from([0xff, 0xfe, 0xc0, ...bytes]), body.subarray(cut)]),
        contentType: 'application/json',
        auth: true,
      };
    }),
  fc
    .uint8Array({ maxLength: 2000 })
    .map((bytes) => ({ kind: 'other' as const, body: Buffer.from(bytes), contentType: 'application/json', auth: false })),
  fc.jsonValue().map((value) => ({ kind: 'other' as const, body: json(value), contentType: 'application/json', auth: false })),
  fc
    .record({
      query: fc.constantFrom(...MUTATIONS),
      contentType: fc.constantFrom('text/plain', 'application/graphql', 'multipart/form-data', 'application/x-www-form-urlencoded', ''),
    })
    .map(({ query, contentType }) => ({ kind: 'mutation' as const, body: json({ query, variables: { i: {} } }), contentType, auth: true })),
  fc.integer({ min: 1024 * 1024 - 100, max: 3 * 1024 * 1024 }).map((size) => ({
    kind: 'mutation' as const,
    body: json({ query: MUTATIONS[0], variables: { i: { name: 'x'.repeat(size) } } }),
    contentType: 'application/json',
    auth: false,
  })),
);

/** What a client must never read: a stack trace, SQL, a file path, a driver's error. */
const LEAKS = [
  /\n\s+at /,
  /\bat [\w.<>]+ \(/,
  /SELECT .* FROM |INSERT INTO |UPDATE \w+ SET |SQLITE_|\bER_[A-Z_]+|QueryFailedError/,
  /\/work\/|node_modules|\.ts:\d+|\.js:\d+/,
];

describe('the gateway under malformed and hostile requests (property-based)', () => {
  let graph: TestGraph;
  let token: string;
  beforeAll(async () => {
    // No rate limit here: hostile mutations must reach the subgraphs' own checks.
    graph = await startGraph({ MUTATION_RATE_LIMIT: '0' });
    const { body } = await graph.query('mutation($i: SignUpInput!) { signUp(input: $i) { token } }', {
      i: { email: 'fuzzer@example.org', password: 'a long enough password', name: 'Fuzzer' },
    });
    token = body.data.signUp.token;
  });
  afterAll(() => graph.stop());

  it(
    'never answers 5xx, never leaks internals, never writes for a refused mutation',
    async () => {
      let runs = 0;
      let last = '';
      const codes = new Map<string, number>();
      let before = await rowCounts(graph);
      await fc.assert(
        fc.asyncProperty(cases, async (hostile) => {
          runs += 1;
          const previous = last;
          last = `${hostile.kind} ${hostile.contentType} ${hostile.body.length} bytes: ${hostile.body.subarray(0, 120).toString('utf8')}`;
          const response = await fetch(graph.url, {
            method: 'POST',
            headers: {
              'content-type': hostile.contentType,
              'apollo-require-preflight': 'true',
              ...(hostile.auth ? { authorization: `Bearer ${token}` } : {}),
            },
            body: hostile.body,
          }).catch((error: Error) => {
            throw new Error(`${error.message} (${String(error.cause)}); the request before: ${previous}`);
          });
          const text = await response.text();
          expect(response.status).toBeLessThan(500);
          for (const leak of LEAKS) expect(text).not.toMatch(leak);
          let parsed: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
          try {
            parsed = JSON.parse(text);
          } catch {
            throw new Error(`not JSON (${response.status}): ${text.slice(0, 200)}`);
          }
          for (const error of parsed.errors ?? []) {
            const code = error.extensions?.code ?? 'NONE';
            codes.set(code, (codes.get(code) ?? 0) + 1);
            expect(code).not.toBe('INTERNAL_SERVER_ERROR');
          }
          if (hostile.kind !== 'mutation') return;
          const after = await rowCounts(graph);
          const wrote = parsed.data && Object.values(parsed.data).some((value) => value !== null);
          if (!wrote) expect(after).toEqual(before);
          before = after;
        }),
        { numRuns: 1_000_000, interruptAfterTimeLimit: BUDGET_MS, seed: Number(process.env.FUZZ_SEED) || undefined },
      );

      console.log(`fuzz: ${runs} hostile requests, error codes seen: ${JSON.stringify(Object.fromEntries(codes))}`);
      expect(runs).toBeGreaterThan(100);
    },
    BUDGET_MS + 60_000,
  );
});
