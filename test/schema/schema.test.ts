import fs from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, findBreakingChanges, GraphQLSchema, isInputObjectType, isObjectType } from 'graphql';
import { composeSupergraph, schemaFiles, SCHEMA_DIR } from '../../scripts/compose-schema';

/** The contract is copied into schema/; the shared original, when it sits beside the clone, is checked too. */
const CONTRACTS = [path.join(SCHEMA_DIR, 'contract.graphql'), path.resolve(SCHEMA_DIR, '..', '..', 'shared', 'contract', 'api.graphql')].filter(
  (file) => fs.existsSync(file),
);

describe('the composed schema', () => {
  let files: Map<string, string>;
  let apiSchema: GraphQLSchema;
  beforeAll(async () => {
    files = schemaFiles(await composeSupergraph());
    apiSchema = Supergraph.build(files.get('supergraph.graphql')!).apiSchema().toGraphQLJSSchema();
  });

  it('matches the committed files under schema/ (run `npm run schema` after changing a subgraph)', () => {
    for (const [file, content] of files) {
      expect({ file, content: fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8') }).toEqual({ file, content });
    }
  });

  it.each(CONTRACTS)('breaks nothing of the public contract %s', (contractFile) => {
    const contract = buildSchema(fs.readFileSync(contractFile, 'utf8'));
    expect(findBreakingChanges(contract, apiSchema)).toEqual([]);
  });

  it('describes every type and field a client sees', () => {
    const undescribed: string[] = [];
    for (const type of Object.values(apiSchema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      const isRoot = ['Query', 'Mutation', 'Subscription'].includes(type.name);
      if (!type.description && !isRoot) undescribed.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undescribed.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(undescribed).toEqual([]);
  });
});
