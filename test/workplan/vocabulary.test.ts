import fs from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, isEnumType, type GraphQLEnumType, type GraphQLSchema } from 'graphql';
import { NAME_LANGUAGES } from '../../services/kit/language-names';
import { MAX_ENUM_VALUES } from '../../services/platform/limits';
import { VOCABULARY_FIELDS, vocabularyFile, type VocabularyFile } from '../../services/workplan/vocabulary';

const SCHEMA_DIR = path.join(__dirname, '..', '..', 'schema');

/** The API schema clients see: the committed supergraph, as the gateway serves it. */
function apiSchema(): GraphQLSchema {
  return Supergraph.build(fs.readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8'))
    .apiSchema()
    .toGraphQLJSSchema();
}

function publicEnums(schema: GraphQLSchema): Map<string, string[]> {
  return new Map(
    Object.values(schema.getTypeMap())
      .filter((type): type is GraphQLEnumType => isEnumType(type) && !type.name.startsWith('__'))
      .map((type) => [type.name, type.getValues().map((value) => value.name)]),
  );
}

const files = Object.fromEntries(
  NAME_LANGUAGES.map((language) => [language, JSON.parse(fs.readFileSync(vocabularyFile(language), 'utf8')) as VocabularyFile]),
);

describe('the vocabulary files (services/workplan/data/vocabulary)', () => {
  const api = publicEnums(apiSchema());
  // The contract's enums may land later than their labels (issue 20's ServiceOrder): they exist for the API too.
  const contract = publicEnums(buildSchema(fs.readFileSync(path.join(SCHEMA_DIR, 'contract.graphql'), 'utf8')));
  const known = (enumName: string) => new Set([...(api.get(enumName) ?? []), ...(contract.get(enumName) ?? [])]);

  it('finds the public enums of the composed API', () => {
    expect([...api.keys()]).toEqual(expect.arrayContaining(['ServiceType', 'Population', 'Competence', 'Progress']));
    expect([...api.keys()].filter((name) => name.startsWith('join__') || name.startsWith('link__'))).toEqual([]);
  });

  describe.each(NAME_LANGUAGES)('in %s', (language) => {
    const file = files[language];

    it('labels every value of every public enum of the API', () => {
      const missing = [...api].flatMap(([enumName, values]) =>
        values.filter((value) => !(file[enumName]?.[value]?.label ?? '').trim()).map((value) => `${enumName}.${value}`),
      );
      expect(missing).toEqual([]);
    });

    it('labels no value that the API and the contract do not have', () => {
      const extra = Object.entries(file).flatMap(([enumName, values]) =>
        Object.keys(values)
          .filter((value) => !known(enumName).has(value))
          .map((value) => `${enumName}.${value}`),
      );
      expect(extra).toEqual([]);
    });

    it("lists each enum's values in the API's order, each label once", () => {
      for (const [enumName, values] of api) {
        expect({ enumName, order: Object.keys(file[enumName]).filter((value) => values.includes(value)) }).toEqual({
          enumName,
          order: values,
        });
        const labels = Object.values(file[enumName]).map((words) => words.label);
        expect({ enumName, duplicates: labels.filter((label, i) => labels.indexOf(label) !== i) }).toEqual({ enumName, duplicates: [] });
      }
    });

    it('describes the same values as the Spanish file', () => {
      const described = (f: VocabularyFile) =>
        Object.entries(f).flatMap(([enumName, values]) =>
          Object.entries(values)
            .filter(([, words]) => words.description)
            .map(([value]) => `${enumName}.${value}`),
        );
      expect(described(file)).toEqual(described(files.es));
    });
  });

  it('gives every public enum a field of Vocabulary, and the API has each of them', () => {
    const fields = apiSchema().getType('Vocabulary');
    expect([...api.keys()].filter((enumName) => !Object.values(VOCABULARY_FIELDS).includes(enumName as never))).toEqual([]);
    expect(Object.keys(VOCABULARY_FIELDS).filter((field) => !(fields && 'getFields' in fields && field in fields.getFields()))).toEqual([]);
  });

  it(`holds every enum to MAX_ENUM_VALUES (${MAX_ENUM_VALUES}), the price of a Vocabulary list`, () => {
    expect([...api, ...contract].filter(([, values]) => values.length > MAX_ENUM_VALUES).map(([name]) => name)).toEqual([]);
  });
});
