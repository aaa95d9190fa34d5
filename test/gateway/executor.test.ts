import fs from 'node:fs';
import path from 'node:path';
import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { FederatedGateway } from '../../gateway/execution/federated-gateway';
import { Federation } from '../../gateway/execution/federation';
import { SubgraphDataSource } from '../../gateway/data-source';
import { OperationDocuments } from '../../services/platform/document-store';
import type { GatewayContext } from '../../gateway/context';
import { createLogger } from '../../services/platform/logger';
import { S1_QUERY } from '../../scripts/bench/queries';
import { startGraph, TestGraph } from '../helpers/graph';

/**
 * The gateway's executor (gateway/execution) answers what @apollo/gateway answers: the same operations run
 * through both, each in an Apollo Server with no plugin of ours, on the same subgraphs, and the answers
 * (data, error messages, paths and codes) compared whole.
 */

const EXAMPLES = path.join(__dirname, '../../gateway/examples');

/** One document whose answer's shape depends on its variables: run with two sets of values, which must not share a shape. */
const CONDITIONS = `query Cond($withOrgs: Boolean!, $skipPractices: Boolean = true) {
  country(code: "GT") { name
    organizations @include(if: $withOrgs) { name }
    practices @skip(if: $skipPractices) { title }
    authorities @include(if: false) { name }
    ... @include(if: $withOrgs) { services { name } } } }`;

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

const CASES: Case[] = [
  ...fs.readdirSync(EXAMPLES).map((file) => ({ name: `the example ${file}`, query: fs.readFileSync(path.join(EXAMPLES, file), 'utf8') })),
  { name: 'the benchmark deep query S1', query: S1_QUERY },
  {
    name: 'aliases, the same field twice under two names, and __typename where the client asks',
    query: `{ gt: country(code: "GT") { __typename n: name name code t: __typename authorities { name } }
              mx: country(code: "MX") { name organizations { __typename name kind services { name } } } }`,
  },
  {
    name: 'named and inline fragments, nested, on the same fields as the selection',
    query: `query Frag { country(code: "GT") { ...Names ... on Country { authorities { ...Auth } } authorities { acronym } } }
            fragment Names on Country { code name nameEs }
            fragment Auth on Authority { name agreements { title } }`,
  },
  {
    name: '@skip and @include with variables, defaults and literals',
    query: CONDITIONS,
    variables: { withOrgs: true },
  },
  {
    name: 'the same document with the other condition values',
    query: CONDITIONS,
    variables: { withOrgs: false, skipPractices: false },
  },
  {
    name: 'introspection beside data',
    query: `{ __typename __schema { queryType { name } } t: __type(name: "Country") { name fields { name } } country(code: "GT") { name } }`,
  },
  {
    name: 'variables the operation passes on to several subgraphs',
    query: `query Vars($code: ID!, $first: Int = 2) { country(code: $code) { name } organizations(first: $first) { nodes { name country { name } } } }`,
    variables: { code: 'MX' },
  },
  {
    name: 'variables of the wrong type',
    query: 'query Bad($first: Int) { organizations(first: $first) { totalCount } }',
    variables: { first: 'many' },
  },
  {
    name: 'fields an anonymous caller may not read, on entities of another subgraph',
    query:
      '{ services(filter: { type: SHELTER }, first: 20) { nodes { name shelter { capacity address availableBeds } organization { name } } } me { id } }',
  },
  {
    name: 'a choice among several operations of one document',
    query: 'query A { countries { code } } query B { mandates { number } }',
    operationName: 'B',
  },
  { name: 'a missing entity', query: '{ country(code: "ZZ") { name authorities { name } } }' },
  { name: "a root field's error", query: '{ users(first: 2) { nodes { id } } countries { code } }' },
  {
    name: "errors in an entity fetch, at each entity's path in the answer",
    query: '{ countries { code organizations(first: -1) { name } } country(code: "GT") { practices(first: 0) { title } } }',
  },
  // Ours plans a normalized form once (services/platform/normalized-operation.ts): each case marked "again"
  // shares its form with the case just before it, and is answered with that case's plan.
  {
    name: 'errors under aliases, at their paths in the answer',
    query:
      'query Errs { cs: countries { c: code os: organizations(first: -2) { n: name } } gt: country(code: "MX") { ps: practices(first: 0) { title } } }',
  },
  {
    name: 'again, under another name, other literals, and the aliases swapped where they answer other fields',
    query:
      'query Swap { c: countries { cs: code n: organizations(first: -5) { os: name } } ps: country(code: "GT") { gt: practices(first: 1) { title } } }',
  },
  { name: 'the deep query again, under another name', query: S1_QUERY.replace('query S1', 'query Deep') },
  {
    name: 'the aliases case again, with other codes',
    query: `{ gt: country(code: "CR") { __typename n: name name code t: __typename authorities { name } }
              mx: country(code: "PA") { name organizations { __typename name kind services { name } } } }`,
  },
  {
    name: 'one literal twice: one variable for both in the normalized form',
    query: `{ a: country(code: "CR") { name } b: country(code: "CR") { code } c: country(code: "PA") { name } }`,
  },
  {
    name: 'literals beside variables, and a literal list',
    query: `query Mixed($code: ID!) { country(code: $code) { name } organizations(first: 3) { nodes { name country { name } } }
              languages(codes: ["spa", "eng"]) { code } guidelines(section: PROTECTION) { number } }`,
    variables: { code: 'GT' },
  },
];

/**
 * Ours as the gateway runs it: with its document store, which plans a new document of a known normalized
 * form with that form's plan (services/platform/normalized-operation.ts).
 */
function gatewayOf(kind: 'ours' | 'apollo', supergraphSdl: string, urls: Record<string, string>) {
  const buildService = (name: string): GraphQLDataSource =>
    new SubgraphDataSource(urls[name] ?? 'http://127.0.0.1:9', { name, timeoutMs: 5000 });
  if (kind === 'apollo') return { gateway: new ApolloGateway({ supergraphSdl, buildService: ({ name }) => buildService(name) }) };
  const federation = new Federation(supergraphSdl);
  const documents = new OperationDocuments(federation.apiSchema);
  return { gateway: new FederatedGateway(federation, buildService, documents), documents };
}

/** An Apollo Server around a gateway, and what it answers, as JSON a client would receive. */
async function serverOf({ gateway, documents }: ReturnType<typeof gatewayOf>) {
  const server = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    ...(documents ? { documentStore: documents, plugins: [documents.plugin<GatewayContext>()] } : {}),
  });
  await server.start();
  const log = createLogger('test', 'silent');
  const run = async ({ query, variables, operationName }: Case) => {
    const response = await server.executeOperation(
      { query, variables, operationName },
      { contextValue: { requestId: 'executor-test', authorization: null, log } },
    );
    if (response.body.kind !== 'single') throw new Error('incremental');
    const { data, errors, extensions } = response.body.singleResult;
    return JSON.parse(JSON.stringify({ data, errors, extensions })) as Record<string, unknown>;
  };
  return { run, stop: () => server.stop() };
}

describe("the gateway's executor answers as @apollo/gateway does", () => {
  let graph: TestGraph;
  let ours: Awaited<ReturnType<typeof serverOf>>;
  let apollo: Awaited<ReturnType<typeof serverOf>>;
  beforeAll(async () => {
    graph = await startGraph();
    const supergraphSdl = fs.readFileSync(graph.config.supergraphPath, 'utf8');
    const urls = Object.fromEntries(Object.entries(graph.subgraphs).map(([name, subgraph]) => [name, subgraph.url]));
    ours = await serverOf(gatewayOf('ours', supergraphSdl, urls));
    apollo = await serverOf(gatewayOf('apollo', supergraphSdl, urls));
  });
  afterAll(async () => {
    await ours?.stop();
    await apollo?.stop();
    await graph?.stop();
  });

  it.each(CASES)('$name', async (operation) => {
    const [mine, theirs] = [await ours.run(operation), await apollo.run(operation)];
    expect(mine).toEqual(theirs);
    expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs));
  });

  describe('with a subgraph out of reach', () => {
    let oursDown: Awaited<ReturnType<typeof serverOf>>;
    let apolloDown: Awaited<ReturnType<typeof serverOf>>;
    beforeAll(async () => {
      const supergraphSdl = fs.readFileSync(graph.config.supergraphPath, 'utf8');
      const urls = Object.fromEntries(Object.entries(graph.subgraphs).map(([name, subgraph]) => [name, subgraph.url]));
      // Nothing listens on the discard port.
      urls.organizations = 'http://127.0.0.1:9/graphql';
      oursDown = await serverOf(gatewayOf('ours', supergraphSdl, urls));
      apolloDown = await serverOf(gatewayOf('apollo', supergraphSdl, urls));
    });
    afterAll(async () => {
      await oursDown?.stop();
      await apolloDown?.stop();
    });

    it.each([
      {
        name: 'its root fields and its fields on other subgraphs’ entities',
        query: '{ organizations(first: 2) { nodes { name } } country(code: "GT") { name organizations { name } } }',
      },
      { name: 'the deep query', query: S1_QUERY },
    ])('answers $name with the same nulls and errors', async (operation) => {
      const [mine, theirs] = [await oursDown.run(operation), await apolloDown.run(operation)];
      expect(mine.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE' }) })]),
      );
      expect(mine).toEqual(theirs);
    });
  });
});
