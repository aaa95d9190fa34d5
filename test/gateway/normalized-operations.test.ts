import fs from 'node:fs';
import path from 'node:path';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { buildSchema, parse, validate } from 'graphql';
import { FederatedGateway } from '../../gateway/execution/federated-gateway';
import { Federation } from '../../gateway/execution/federation';
import type { GatewayContext } from '../../gateway/context';
import { OperationDocuments } from '../../services/platform/document-store';
import { normalizeOperation } from '../../services/platform/normalized-operation';
import { createLogger } from '../../services/platform/logger';

/**
 * A new document of a known normalized form is neither validated nor planned again
 * (services/platform/normalized-operation.ts, document-store.ts): what a client writes into its documents
 * (values, aliases, operation names) changes what it is answered, never whether it is valid.
 */

const federation = new Federation(fs.readFileSync(path.join(__dirname, '../../schema/supergraph.graphql'), 'utf8'));
const schema = federation.apiSchema;
const formOf = (query: string) => normalizeOperation(schema, parse(query));

describe('the normalized form of an operation', () => {
  it('is the same whatever the operation is named, its aliases and its literal values', () => {
    const first = formOf('query First { gt: country(code: "GT") { code n: name organizations { name } } }');
    const second = formOf('query Second { mx: country(code: "MX") { code label: name organizations { name } } }');
    expect(first?.text).toBe('query __Operation($__v0:ID!){__a0:country(code:$__v0){code __a1:name organizations{name}}}');
    expect(second?.text).toBe(first?.text);
    expect(first?.values).toEqual({ __v0: 'GT' });
    expect(second?.values).toEqual({ __v0: 'MX' });
    expect([...(second?.aliases ?? [])]).toEqual([
      ['mx', '__a0'],
      ['label', '__a1'],
    ]);
  });

  it('gives one literal written twice one variable, so that fields asked twice alike still merge', () => {
    const twice = formOf('{ a: country(code: "GT") { name } a: country(code: "GT") { name } }');
    const apart = formOf('{ a: country(code: "GT") { name } a: country(code: "MX") { name } }');
    expect(twice?.text).toBe('query($__v0:ID!){__a0:country(code:$__v0){name} __a0:country(code:$__v0){name}}');
    expect(apart?.text).not.toBe(twice?.text);
    expect(validate(schema, parse(twice!.text))).toEqual([]);
    expect(validate(schema, parse(apart!.text)).map(({ message }) => message)).toEqual([
      expect.stringContaining('"__a0" conflict because they have differing arguments'),
    ]);
  });

  it('keeps input objects, values holding variables, directives and introspection as written', () => {
    const form = formOf(
      'query($t: ServiceType) { services(filter: { type: $t, search: "trata" }, first: 2) @include(if: true) { nodes { name } } __type(name: "Country") { name } }',
    );
    expect(form?.text).toBe(
      'query($t: ServiceType,$__v0:Int){services(filter:{type: $t, search: "trata"},first:$__v0) @include(if: true){nodes{name}} __type(name: "Country") {\n  name\n}}',
    );
  });

  it.each([
    ['two operations', 'query A { countries { code } } query B { countries { name } }'],
    ['an unknown field', '{ country(code: "GT") { nickname } }'],
    ['an unknown argument', '{ country(iso: "GT") { name } }'],
    ['a literal not of its argument type', '{ guidelines(section: "PROTECTION") { number } }'],
    ['an alias that another field answers under without one', '{ country(code: "GT") { name name: code } }'],
    ['an alias written like the normalized ones', '{ __a0: country(code: "GT") { name } }'],
    ['a variable named like the normalized ones', 'query($__v0: ID!) { country(code: $__v0) { name } }'],
  ])('is not made for a document with %s: it takes the common path', (_, query) => {
    expect(formOf(query)).toBeUndefined();
  });

  it('is shared only by documents that are valid together or invalid together', () => {
    const documents = [
      '{ a: country(code: "GT") { name } b: country(code: "GT") { name } }',
      '{ a: country(code: "GT") { name } a: country(code: "GT") { name } }',
      '{ a: country(code: "GT") { name } a: country(code: "MX") { name } }',
      '{ x: country(code: "PA") { name } x: country(code: "CR") { name } }',
      '{ a: country(code: "GT") { name } a: country(code: "GT") { code } }',
      '{ z: country(code: "PA") { name } z: country(code: "PA") { code } }',
      '{ a: country(code: "GT") { n: name n: code } }',
      '{ a: country(code: "GT") { n: name m: code } }',
      '{ a: country(code: 5) { name } }',
      '{ a: country(code: 6) { name } }',
      '{ b: country(code: "GT") { ...F } } fragment F on Country { n: name }',
      '{ b: country(code: "GT") { ...F } } fragment F on Country { n: nameEs }',
      '{ guidelines(section: PROTECTION) { number } }',
      '{ guidelines(section: PREVENTION) { number } }',
      'query($n: Int) { organizations(first: $n) { totalCount } }',
      'query($n: String) { organizations(first: $n) { totalCount } }',
    ];
    const byForm = new Map<string, boolean[]>();
    for (const query of documents) {
      const form = formOf(query);
      if (!form) continue;
      const valid = validate(schema, parse(query)).length === 0;
      byForm.set(form.text, [...(byForm.get(form.text) ?? []), valid]);
    }
    expect([...byForm.values()].filter((validity) => validity.length > 1).length).toBeGreaterThanOrEqual(4);
    for (const validity of byForm.values()) expect(new Set(validity).size).toBe(1);
  });
});

/** Counts the validations Apollo Server runs. */
function countValidations(): { plugin: ApolloServerPlugin<BaseContext>; count: () => number } {
  let validations = 0;
  return {
    plugin: {
      requestDidStart: async () => ({
        validationDidStart: async () => {
          validations += 1;
        },
      }),
    },
    count: () => validations,
  };
}

describe('the document store', () => {
  const typeDefs = 'type Query { hello(name: String!, times: Int): String }';
  let server: ApolloServer;
  const validations = countValidations();
  beforeAll(async () => {
    const small = buildSchema(typeDefs);
    const documents = new OperationDocuments(small);
    server = new ApolloServer({
      typeDefs,
      resolvers: { Query: { hello: (_: unknown, { name, times }: { name: string; times?: number }) => `hello ${name} ${times ?? 1}` } },
      documentStore: documents,
      plugins: [documents.plugin(), validations.plugin],
    });
    await server.start();
  });
  afterAll(() => server.stop());

  const run = async (query: string) => {
    const response = await server.executeOperation({ query });
    if (response.body.kind !== 'single') throw new Error('incremental');
    return response.body.singleResult;
  };

  it('validates a new document of a known form no more, and answers it with its own values', async () => {
    expect(await run('query A { hola: hello(name: "ana", times: 2) }')).toEqual({ data: { hola: 'hello ana 2' } });
    expect(validations.count()).toBe(1);
    expect(await run('query B { hi: hello(name: "bea", times: 3) }')).toEqual({ data: { hi: 'hello bea 3' } });
    expect(await run('query C { hey: hello(name: "cy", times: 4) }')).toEqual({ data: { hey: 'hello cy 4' } });
    expect(validations.count()).toBe(1);
  });

  it('still validates a document of another form, and refuses it as before', async () => {
    const answer = await run('{ hi: hello(name: "ana") hi: hello(name: "bea") }');
    expect(answer.errors?.map(({ message }) => message)).toEqual([
      expect.stringContaining('"hi" conflict because they have differing arguments'),
    ]);
    const wrong = await run('{ hello(name: 5) }');
    expect(wrong.errors?.map(({ message }) => message)).toEqual(['String cannot represent a non string value: 5']);
    expect(validations.count()).toBe(3);
  });

  it('answers a syntax error as Apollo Server does', async () => {
    const answer = await run('{ hello(name: "ana" ');
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringContaining('Syntax Error'),
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
  });
});

describe("the gateway's plans of normalized forms", () => {
  const sent: { subgraph: string; query: string; operationName?: string; variables?: Record<string, unknown> }[] = [];
  let server: ApolloServer<GatewayContext>;
  let plans: jest.SpyInstance;
  beforeAll(async () => {
    const buildService = (name: string): GraphQLDataSource => ({
      process: (options: GraphQLDataSourceProcessOptions) => {
        const { query = '', operationName, variables } = options.request;
        sent.push({ subgraph: name, query, operationName, variables });
        return Promise.resolve({
          data: { country: { __typename: 'Country', code: variables?.__v0, __a0: `name of ${String(variables?.__v0)}` } },
        });
      },
    });
    const documents = new OperationDocuments(federation.apiSchema);
    plans = jest.spyOn(federation, 'plan');
    server = new ApolloServer<GatewayContext>({
      gateway: new FederatedGateway(federation, buildService, documents),
      documentStore: documents,
      plugins: [documents.plugin<GatewayContext>()],
    });
    await server.start();
  });
  afterAll(() => server.stop());

  const run = async (query: string) => {
    const response = await server.executeOperation(
      { query },
      { contextValue: { requestId: 'forms', authorization: null, log: createLogger('test', 'silent') } },
    );
    if (response.body.kind !== 'single') throw new Error('incremental');
    return response.body.singleResult;
  };

  it("plans a form once, and names each fetch after the client's operation, with the client's values", async () => {
    expect(await run('query First { country(code: "GT") { code n: name } }')).toEqual({
      data: { country: { code: 'GT', n: 'name of GT' } },
    });
    expect(await run('query Second { country(code: "MX") { code label: name } }')).toEqual({
      data: { country: { code: 'MX', label: 'name of MX' } },
    });
    expect(plans).toHaveBeenCalledTimes(1);
    expect(sent.map(({ operationName }) => operationName)).toEqual(['First__authorities__0', 'Second__authorities__0']);
    expect(sent[1].query).toBe('query Second__authorities__0($__v0:ID!){country(code:$__v0){code __a0:name}}');
    expect(sent[1].variables).toEqual({ __v0: 'MX' });
  });
});
