import fs from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, GraphQLOutputType, GraphQLSchema, isInterfaceType, isListType, isNonNullType, isObjectType } from 'graphql';
import { SCHEMA_DIR } from '../../scripts/compose-schema';

/**
 * Where the contract lets a value be null and the composed API promises it is not: graphql-js
 * findBreakingChanges does not flag that (a client's reads stay valid), but it is what partial answers
 * rest on: a field the contract makes nullable is one the gateway must be able to null when its subgraph
 * is down without nulling the parent. Lists are walked level by level (`[X!]` against `[X!]!`).
 */
function tighter(contract: GraphQLOutputType, api: GraphQLOutputType, where: string): string[] {
  if (!isNonNullType(contract) && isNonNullType(api)) return [`${where}: ${String(contract)} in the contract, ${String(api)} in the API`];
  const c = isNonNullType(contract) ? contract.ofType : contract;
  const a = isNonNullType(api) ? api.ofType : api;
  if (isListType(c) && isListType(a)) return tighter(c.ofType, a.ofType, where);
  return [];
}

function tighterFields(contract: GraphQLSchema, api: GraphQLSchema): string[] {
  const found: string[] = [];
  for (const type of Object.values(contract.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const ours = api.getType(type.name);
    // A missing type or field is findBreakingChanges' business (test/schema/schema.test.ts).
    if (!isObjectType(ours) && !isInterfaceType(ours)) continue;
    const ourFields = ours.getFields();
    for (const field of Object.values(type.getFields())) {
      const ourField = ourFields[field.name];
      if (ourField) found.push(...tighter(field.type, ourField.type, `${type.name}.${field.name}`));
    }
  }
  return found;
}

describe('nullability of the composed API against the public contract', () => {
  const contract = buildSchema(fs.readFileSync(path.join(SCHEMA_DIR, 'contract.graphql'), 'utf8'));
  const api = Supergraph.build(fs.readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8')).apiSchema().toGraphQLJSSchema();

  it('has no field non-null that the contract makes nullable (root fields, fields served by another subgraph)', () => {
    expect(tighterFields(contract, api)).toEqual([]);
  });

  it('catches a non-null field, and a non-null list, that the contract makes nullable', () => {
    const strict = buildSchema('type Query { a: Int! b: [Int!]! c: [Int!] } ');
    const loose = buildSchema('type Query { a: Int b: [Int!] c: [Int] }');
    expect(tighterFields(loose, strict)).toEqual([
      'Query.a: Int in the contract, Int! in the API',
      'Query.b: [Int!] in the contract, [Int!]! in the API',
      'Query.c: Int in the contract, Int! in the API',
    ]);
  });
});
