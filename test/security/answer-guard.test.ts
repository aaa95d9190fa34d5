import http from 'node:http';
import { inFlightFetches } from '../../gateway/subgraph-fetch';
import { AnswerGuard, AnswersInFlight } from '../../services/kit/answer-guard';
import { startSubgraph, type RunningSubgraph } from '../../services/kit/subgraph';
import { organizationsSubgraph } from '../../services/organizations/subgraph';
import type { Organization } from '../../services/organizations/entities/organization.entity';
import type { Config } from '../../services/platform/config';
import { cleanUp, testConfig } from '../helpers/config';
import { startGraph, type TestGraph } from '../helpers/graph';
import { insertOrganization, insertService } from '../organizations/fixtures';

/**
 * A subgraph builds no answer over RESPONSE_MAX_BYTES, and stops the work of a request whose client went
 * away (the gateway gave up, or its own client left). The attack: an organization with 100 services,
 * asked for services → organization → services ... whose answer grows a hundredfold per level.
 */

const SERVICES = 100;
const DESCRIPTION = 'Atención integral y acompañamiento. '.repeat(50);

/** The organization's services, and theirs through their organization, `levels` times: SERVICES^levels elements. */
function nested(levels: number, leaf = 'name'): string {
  let inner = `services(first: ${SERVICES}) { ${leaf} }`;
  for (let level = 1; level < levels; level += 1) inner = `services(first: ${SERVICES}) { organization { ${inner} } }`;
  return `query($id: ID!) { organization(id: $id) { ${inner} } }`;
}

async function withServices(db: RunningSubgraph['db']): Promise<Organization> {
  const organization = await insertOrganization(db, { name: 'Muchos Servicios' });
  for (let i = 0; i < SERVICES; i += 1) await insertService(db, organization, { name: `Servicio ${i}`, description: DESCRIPTION });
  return organization;
}

async function post(url: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: any }[] } };
}

/** Sends a query and goes away after `ms`, without reading an answer. */
function abandon(url: string, query: string, variables: Record<string, unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const request = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json' } });
    request.on('error', () => undefined);
    request.end(JSON.stringify({ query, variables }));
    setTimeout(() => {
      request.destroy();
      resolve();
    }, ms);
  });
}

/**
 * Counts, from now on, the lists and objects resolvers hand to graphql-js to build into the answer (the
 * charges, and the objects they hold), and the charges made 100 ms or more after their request was abandoned.
 */
function countBuilt() {
  const counts = { all: 0, objects: 0, late: 0 };
  const abandonedAt = new WeakMap<AbortSignal, number>();
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the guard as `this` below
  const original = AnswerGuard.prototype.charge;
  const spy = jest.spyOn(AnswerGuard.prototype, 'charge').mockImplementation(function (this: AnswerGuard, bytes: number, objects: number) {
    counts.all += 1;
    counts.objects += objects;
    if (this.signal.aborted) {
      if (!abandonedAt.has(this.signal)) abandonedAt.set(this.signal, Date.now());
      if (Date.now() - abandonedAt.get(this.signal)! >= 100) counts.late += 1;
    }
    return original.call(this, bytes, objects);
  });
  return { counts, restore: () => spy.mockRestore() };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a subgraph whose answer would be over RESPONSE_MAX_BYTES', () => {
  let config: Config;
  let subgraph: RunningSubgraph;
  let organization: Organization;
  beforeAll(async () => {
    // The cost limit lifted: this is the last line, for what the edge's prices let through.
    config = await testConfig({ RESPONSE_MAX_BYTES: String(2 ** 20), RESPONSE_MAX_OBJECTS: '20000', QUERY_MAX_COST: '1000000000' });
    subgraph = await startSubgraph(organizationsSubgraph, config, 0);
    organization = await withServices(subgraph.db);
  });
  afterAll(async () => {
    await subgraph.stop();
    await cleanUp(config);
  });

  it('refuses it with RESPONSE_TOO_LARGE while building it, by its objects, its heap barely growing', async () => {
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
    // The objects handed to graphql-js before the refusal: how far the building went (not a time, which a loaded machine stretches).
    const built = countBuilt();
    // 100^4 services once built: far beyond any heap.
    const { status, body } = await post(subgraph.url, nested(4), { id: organization.id }).finally(() => built.restore());
    clearInterval(sampler);
    expect(status).toBe(200);
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toEqual([
      {
        message: 'The answer would hold over 20000 objects; ask for fewer fields or smaller pages.',
        extensions: { code: 'RESPONSE_TOO_LARGE', maximumObjects: 20_000 },
      },
    ]);
    // Stopped soon past the limit (lists already in flight still hand theirs over: 20,174 on SQLite and
    // 29,501 on MySQL when measured), not after the 100,000,000 services of the whole answer.
    expect(built.counts.objects).toBeGreaterThan(20_000);
    expect(built.counts.objects).toBeLessThan(200_000);
    // heapUsed counts garbage not yet collected too (more of it in a long test run); building it all would take gigabytes.
    expect((peak - baseline) / 2 ** 20).toBeLessThan(1024);
  });

  it('refuses one of fewer objects by the bytes its keys take, while building it', async () => {
    // 10,100 objects, each service with 14 keys: over 1 MB of keys alone.
    const fields = 'id name type description city languages populations free phone hours isDemo distanceKm latitude longitude';
    const { body } = await post(subgraph.url, nested(2, fields), { id: organization.id });
    expect(body.errors).toEqual([
      {
        message: 'The answer would be over 1 MB; ask for fewer fields or smaller pages.',
        extensions: { code: 'RESPONSE_TOO_LARGE', maximumBytes: 2 ** 20 },
      },
    ]);
  });

  it('refuses an answer of few keys but long values once serialized', async () => {
    // 10,000 descriptions of 1.8 kB: 18 MB, though its keys take less than 1 MB.
    const { body } = await post(subgraph.url, nested(2, 'description'), { id: organization.id });
    expect(body.errors![0].extensions.code).toBe('RESPONSE_TOO_LARGE');
  });

  it('answers what fits as before', async () => {
    const { body } = await post(subgraph.url, nested(2), { id: organization.id });
    expect(body.errors).toBeUndefined();
    expect(body.data.organization.services).toHaveLength(SERVICES);
    expect(body.data.organization.services[0].organization.services).toHaveLength(SERVICES);
  });
});

describe('a subgraph whose client goes away', () => {
  let config: Config;
  let subgraph: RunningSubgraph;
  let organization: Organization;
  beforeAll(async () => {
    // Only the size limit of bytes left: the request is slow, not refused.
    config = await testConfig({ QUERY_MAX_COST: '1000000000', RESPONSE_MAX_OBJECTS: '100000000' });
    subgraph = await startSubgraph(organizationsSubgraph, config, 0);
    organization = await withServices(subgraph.db);
  });
  afterAll(async () => {
    await subgraph.stop();
    await cleanUp(config);
  });

  it('builds nothing more for the abandoned request, and answers the next one at once', async () => {
    // 100^3 services: some seconds of work, within the size limit.
    const built = countBuilt();
    try {
      await abandon(subgraph.url, nested(3), { id: organization.id }, 300);
      expect(built.counts.all).toBeGreaterThan(10); // it was at work
      await pause(1500);
      expect(built.counts.late).toBe(0);
    } finally {
      built.restore();
    }
    const started = Date.now();
    const { body } = await post(subgraph.url, '{ organizations(first: 1) { totalCount } }', {});
    expect(body.data.organizations.totalCount).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('the gateway, when its client goes away', () => {
  let graph: TestGraph;
  let organization: Organization;
  beforeAll(async () => {
    graph = await startGraph({ QUERY_MAX_COST: '1000000000', RESPONSE_MAX_OBJECTS: '100000000' });
    organization = await withServices(graph.subgraphs.organizations.db);
  });
  afterAll(() => graph.stop());

  it('ends its subgraph fetch, and the subgraph builds nothing more for it', async () => {
    const built = countBuilt();
    try {
      await abandon(graph.url, nested(3), { id: organization.id }, 500);
      expect(built.counts.all).toBeGreaterThan(10);
      await pause(200);
      expect(inFlightFetches()).toBe(0);
      await pause(1300);
      expect(built.counts.late).toBe(0);
    } finally {
      built.restore();
    }
    const { body } = await graph.query('{ organizations(first: 1) { totalCount } }');
    expect(body.data.organizations.totalCount).toBeGreaterThan(0);
  });
});

describe('the gateway, with RESPONSE_MAX_BYTES lowered', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph({ RESPONSE_MAX_BYTES: '4096' });
  });
  afterAll(() => graph.stop());

  it("passes a subgraph's RESPONSE_TOO_LARGE on to the client", async () => {
    const { body } = await graph.query('{ services(first: 100) { nodes { name description organization { name description } } } }');
    expect(body.errors![0]).toMatchObject({
      message: 'The answer would be over 4 kB; ask for fewer fields or smaller pages.',
      extensions: { code: 'RESPONSE_TOO_LARGE', maximumBytes: 4096 },
    });
  });

  it('refuses an answer it assembles over the limit from smaller ones', async () => {
    // Each subgraph's part is under 4 kB; together they are not.
    const codes = ['GT', 'MX', 'SV', 'CO', 'PE'];
    const countries = (fields: string) =>
      `{ ${Array.from({ length: 24 }, (_, i) => `c${i}: country(code: "${codes[i % codes.length]}") { ${fields} }`).join(' ')} }`;
    // Each part alone (authorities, organizations, practices) answers.
    for (const part of ['nameEs contactPoint { email }', 'organizations { name }', 'practices { title }']) {
      const { body } = await graph.query(countries(part));
      expect(body.errors).toBeUndefined();
    }
    const { body } = await graph.query(countries('nameEs contactPoint { email } organizations { name } practices { title }'));
    expect(body).toEqual({
      errors: [
        {
          message: 'The answer would be over 4 kB; ask for fewer fields or smaller pages.',
          extensions: { code: 'RESPONSE_TOO_LARGE', maximumBytes: 4096 },
        },
      ],
    });
  });
});

describe('the answers a subgraph builds at once', () => {
  const limits = { maxBytes: 2 ** 30, maxObjects: 1000 };

  it('refuse the request that adds objects past their total, and take them back once an answer is sent', () => {
    const inFlight = new AnswersInFlight(1500);
    const first = new AnswerGuard(new AbortController().signal, limits, inFlight);
    const second = new AnswerGuard(new AbortController().signal, limits, inFlight);
    first.charge(0, 900);
    second.charge(0, 500);
    expect(inFlight.objects).toBe(1400);
    expect(() => second.charge(0, 200)).toThrow(/building other large answers \(1500 objects at most at once\)/);
    expect(second.tooLargeError().extensions).toEqual({ code: 'RESPONSE_TOO_LARGE', maximumObjectsInFlight: 1500 });
    // The refused request's answer is sent: it gives its objects back, and the first one goes on.
    second.release();
    second.release();
    expect(inFlight.objects).toBe(900);
    expect(() => first.charge(0, 50)).not.toThrow();
    first.release();
    expect(inFlight.objects).toBe(0);
    const third = new AnswerGuard(new AbortController().signal, limits, inFlight);
    expect(() => third.charge(0, 1000)).not.toThrow();
  });
});
