import http from 'node:http';
import { addressKey, RateLimiter } from '../../gateway/edge';
import { MAX_QUERY_DEPTH } from '../../services/platform/operation-limits';
import { startGraph, TestGraph } from '../helpers/graph';
import { rowCounts } from '../helpers/rows';

const ORIGIN = 'https://app.example.org';
const RATE = 5;

/** A query `depth` fields deep without lists: GT's contact point, its country, its contact point... */
function deepQuery(depth: number): string {
  const path = ['country(code: "GT")'];
  while (path.length < depth - 1) path.push(path.length % 2 === 1 ? 'contactPoint' : 'country');
  return `{ ${path.join(' { ')} { name${' }'.repeat(path.length)} }`;
}

const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: country(code: "GT") { name }`).join(' ')} }`;

/** Fragments spreading the next one twice, 40 deep: 2^40 `__typename`s once expanded. */
const FRAGMENT_BOMB =
  'query { ...F0 } ' +
  Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ') +
  ' fragment F40 on Query { __typename }';

/** A raw request to the gateway, optionally from another loopback address than 127.0.0.1. */
function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: options.method ?? 'POST', headers: options.headers, localAddress: options.localAddress },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the edge of the gateway', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph({ CORS_ORIGINS: `${ORIGIN}, https://other.example.org`, MUTATION_RATE_LIMIT: String(RATE) });
  });
  afterAll(() => graph.stop());

  describe('depth', () => {
    it(`answers an operation ${MAX_QUERY_DEPTH} fields deep`, async () => {
      const { status, body } = await graph.query(deepQuery(MAX_QUERY_DEPTH));
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data.country).toHaveProperty('contactPoint');
    });

    it(`refuses one ${MAX_QUERY_DEPTH + 1} deep with QUERY_TOO_COMPLEX, before any subgraph is asked`, async () => {
      const before = graph.statements();
      const { status, body } = await graph.query(deepQuery(MAX_QUERY_DEPTH + 1));
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors![0].extensions).toEqual({
        code: 'QUERY_TOO_COMPLEX',
        limit: 'depth',
        maximum: MAX_QUERY_DEPTH,
        actual: MAX_QUERY_DEPTH + 1,
      });
      expect(graph.statements()).toBe(before);
    });

    it('counts the fields a fragment brings in', async () => {
      const query = `query { ...Deep } fragment Deep on Query ${deepQuery(MAX_QUERY_DEPTH + 1)}`;
      const { body } = await graph.query(query);
      expect(body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth' });
    });
  });

  describe('aliases', () => {
    it('answers 30 aliases', async () => {
      const { body } = await graph.query(aliased(30));
      expect(body.errors).toBeUndefined();
      expect(body.data.a29.name).toBe('Guatemala');
    });

    it('refuses 31 with QUERY_TOO_COMPLEX', async () => {
      const { status, body } = await graph.query(aliased(31));
      expect(status).toBe(400);
      expect(body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', maximum: 30, actual: 31 });
    });
  });

  describe('cost', () => {
    const WIDE =
      'query($n: Int) { agreements(first: $n) { nodes { title parties { country { name organizations(first: 2) { name services(first: 2) { name languages } } ' +
      'authorities(first: 2) { name agreements(first: 2) { title parties { country { name } } } } } } } } }';

    it('refuses a query that may return too many fields, counting list fields once per element', async () => {
      const { status, body } = await graph.query(WIDE, { n: 100 });
      expect(status).toBe(400);
      expect(body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', maximum: 50_000 });
      expect(body.errors![0].extensions!.actual).toBeGreaterThan(50_000);
    });

    it('answers the same query for a smaller page (first, from a variable)', async () => {
      const { body } = await graph.query(WIDE, { n: 4 });
      expect(body.errors).toBeUndefined();
      expect(Array.isArray(body.data.agreements.nodes)).toBe(true);
    });

    it('refuses fragments that expand to 2^40 fields quickly', async () => {
      const started = Date.now();
      const { status, body } = await graph.query(FRAGMENT_BOMB);
      expect(status).toBe(400);
      expect(body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
      expect(Date.now() - started).toBeLessThan(2000);
    });
  });

  describe('tokens', () => {
    it('refuses a query of over 2000 tokens before parsing it', async () => {
      const { status, body } = await graph.query(`{ ${'__typename '.repeat(2100)}}`);
      expect(status).toBe(400);
      expect(body.errors![0].extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(body.errors![0].message).toContain('2000 tokens');
    });

    it('answers a long query of few tokens (long strings, comments)', async () => {
      const { body } = await graph.query(`# ${'x'.repeat(5000)}\n{ country(code: "GT") { name } }`);
      expect(body.data.country.name).toBe('Guatemala');
    });
  });

  describe('batches', () => {
    it('refuses a JSON array of operations with a GraphQL error, not a dropped connection', async () => {
      const before = await rowCounts(graph);
      const body = JSON.stringify([
        { query: '{ country(code: "GT") { name } }' },
        { query: 'mutation { signUp(input: { email: "batch@example.org", password: "a long enough password", name: "B" }) { token } }' },
      ]);
      const response = await request(graph.url, { headers: { 'content-type': 'application/json' }, body });
      expect(response.status).toBe(400);
      expect(JSON.parse(response.text).errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(await rowCounts(graph)).toEqual(before);
    });
  });

  describe('rate limit of mutations per client address', () => {
    const MUTATION = 'mutation { publishPractice(id: "00000000-0000-4000-8000-000000000000") { id } }';
    const SIGN_UP = 'mutation { signUp(input: { email: "limited@example.org", password: "a long enough password", name: "L" }) { token } }';
    const from = (localAddress: string, query: string) =>
      request(graph.url, { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }), localAddress });

    it(`lets ${RATE} mutations through, then answers RATE_LIMITED with retryAfterSeconds and writes nothing`, async () => {
      for (let i = 0; i < RATE; i += 1) {
        const { body } = await graph.query(MUTATION);
        expect(body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      }
      const before = await rowCounts(graph);
      const refused = await request(graph.url, {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: SIGN_UP }),
      });
      expect(refused.status).toBe(429);
      const error = JSON.parse(refused.text).errors[0];
      expect(error.extensions.code).toBe('RATE_LIMITED');
      expect(error.extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(error.extensions.retryAfterSeconds).toBeLessThanOrEqual(60 / RATE);
      expect(refused.headers['retry-after']).toBe(String(error.extensions.retryAfterSeconds));
      expect(await rowCounts(graph)).toEqual(before);
    });

    it('still answers queries from that address', async () => {
      const { body } = await graph.query('{ country(code: "GT") { name } }');
      expect(body.data.country.name).toBe('Guatemala');
    });

    it('counts each root field of a mutation: one with more than the whole budget is refused', async () => {
      const many = `mutation { ${Array.from({ length: RATE + 1 }, (_, i) => `m${i}: publishPractice(id: "00000000-0000-4000-8000-00000000000${i}") { id }`).join(' ')} }`;
      const { text } = await from('127.0.0.3', many);
      expect(JSON.parse(text).errors[0].extensions.code).toBe('RATE_LIMITED');
    });

    it('counts another address on its own', async () => {
      const { status, text } = await from('127.0.0.2', MUTATION);
      expect(status).toBe(200);
      expect(JSON.parse(text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('CORS', () => {
    it('answers the preflight of a listed origin with the methods and headers it may use', async () => {
      const response = await request(graph.url, {
        method: 'OPTIONS',
        headers: {
          origin: ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, authorization',
        },
      });
      expect(response.status).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe(ORIGIN);
      expect(response.headers['access-control-allow-methods']).toContain('POST');
      expect(response.headers['access-control-allow-headers']).toEqual(expect.stringContaining('authorization'));
      expect(response.headers['access-control-allow-headers']).toEqual(expect.stringContaining('content-type'));
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    });

    it('allows a listed origin to read the answer of a query', async () => {
      const response = await request(graph.url, {
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ country(code: "GT") { name } }' }),
      });
      expect(response.status).toBe(200);
      expect(response.headers['access-control-allow-origin']).toBe(ORIGIN);
      expect(response.headers.vary).toContain('Origin');
    });

    it('gives an unlisted origin no CORS header', async () => {
      const preflight = await request(graph.url, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      const response = await request(graph.url, {
        headers: { origin: 'https://evil.example.com', 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ country(code: "GT") { name } }' }),
      });
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  it('answers introspection by default', async () => {
    const { body } = await graph.query('{ __schema { queryType { name } } }');
    expect(body.data.__schema.queryType.name).toBe('Query');
  });
});

describe('the edge, configured closed', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph({ INTROSPECTION: 'false' });
  });
  afterAll(() => graph.stop());

  it('refuses introspection when INTROSPECTION=false', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Country") { fields { name } } }']) {
      const { status, body } = await graph.query(query);
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('still answers __typename', async () => {
    const { body } = await graph.query('{ __typename country(code: "GT") { __typename name } }');
    expect(body.data).toEqual({ __typename: 'Query', country: { __typename: 'Country', name: 'Guatemala' } });
  });

  it('gives no origin a CORS header by default, and answers a preflight without one', async () => {
    const preflight = await request(graph.url, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('the rate limiter', () => {
  it('refills one token every 60/perMinute seconds', () => {
    let now = 0;
    const limiter = new RateLimiter(60, () => now);
    for (let i = 0; i < 60; i += 1) expect(limiter.take('192.0.2.1')).toBe(0);
    expect(limiter.take('192.0.2.1')).toBe(1);
    now += 1000;
    expect(limiter.take('192.0.2.1')).toBe(0);
    expect(limiter.take('192.0.2.1')).toBe(1);
    expect(limiter.take('192.0.2.2')).toBe(0);
  });

  it('counts an IPv6 /64 as one address and an IPv4-mapped address as the IPv4 one', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('forgets full buckets when it holds too many addresses', () => {
    let now = 0;
    const limiter = new RateLimiter(1, () => now, 2);
    expect(limiter.take('192.0.2.1')).toBe(0);
    expect(limiter.take('192.0.2.2')).toBe(0);
    now += 60_000;
    expect(limiter.take('192.0.2.3')).toBe(0);
    expect(limiter.take('192.0.2.3')).toBeGreaterThan(0);
  });
});
