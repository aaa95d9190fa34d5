import fs from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, findBreakingChanges, GraphQLSchema, isInputObjectType, isObjectType } from 'graphql';
import { composeSupergraph, schemaFiles, SCHEMA_DIR } from '../../scripts/compose-schema';

const CONTRACT = path.join(SCHEMA_DIR, 'contract.graphql');
/** The shared original, when it sits beside the clone (as in CI): schema/contract.graphql must be its copy. */
const SHARED_CONTRACT = path.resolve(SCHEMA_DIR, '..', '..', 'shared', 'contract', 'api.graphql');
/** The contract's breaking changes still to be built (see the file's header); absent once all have landed. */
const PENDING = path.join(SCHEMA_DIR, 'contract-pending.txt');

function pendingChanges(): string[] {
  if (!fs.existsSync(PENDING)) return [];
  return fs
    .readFileSync(PENDING, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

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

  describe('the public contract', () => {
    const breaking = () => findBreakingChanges(buildSchema(fs.readFileSync(CONTRACT, 'utf8')), apiSchema).map((change) => change.description);

    (fs.existsSync(SHARED_CONTRACT) ? it : it.skip)('schema/contract.graphql is a copy of ../shared/contract/api.graphql', () => {
      expect(fs.readFileSync(CONTRACT, 'utf8')).toEqual(fs.readFileSync(SHARED_CONTRACT, 'utf8'));
    });

    it('is broken only where schema/contract-pending.txt says the work is still to come', () => {
      const pending = new Set(pendingChanges());
      expect(breaking().filter((change) => !pending.has(change))).toEqual([]);
    });

    it('lists as pending only what still breaks it (the list only shrinks: remove the lines you build)', () => {
      const still = new Set(breaking());
      expect(pendingChanges().filter((change) => !still.has(change))).toEqual([]);
    });

    it('lists each pending change once', () => {
      const listed = pendingChanges();
      expect(listed.filter((change, i) => listed.indexOf(change) !== i)).toEqual([]);
    });
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
