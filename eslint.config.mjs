// ESLint: typescript-eslint's recommended and type-checked rules, with Prettier owning the layout.
import js from '@eslint/js';
import graphql from '@graphql-eslint/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // schema/client/ is graphql-codegen's output (npm run codegen): generated, checked by its own test.
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'data/', 'bench-results/', 'schema/client/', 'test/clients/relay/__generated__/'] },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `_name` marks a parameter or a destructured field left out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Apollo Server's plugin hooks, DataLoader's batch functions and our context factories must return
      // promises; an `async` function is how we return one, whether or not it awaits.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read GraphQL answers, untyped JSON by nature: `body.data.x.y` is what a test asserts on.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Plain JavaScript files run by node or jest as they are (this one included).
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
  },
  {
    // The API schema a client sees (npm run schema writes it), linted with @graphql-eslint's recommended
    // and Relay schema rules: what a front-end team's tooling expects of it (docs/api.md#typed-operations).
    files: ['schema/api.graphql'],
    languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig: { schema: 'schema/api.graphql' } } },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      ...graphql.configs['flat/schema-recommended'].rules,
      ...graphql.configs['flat/schema-relay'].rules,
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          DirectiveDefinition: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
          // type-graphql gives the root types no description; each of their fields has one.
          ignoredSelectors: ['ObjectTypeDefinition[name.value=/^(Query|Mutation|Subscription)$/]'],
        },
      ],
      // The contract has no Node interface (an entity is fetched again by its root lookup), and short fixed lists
      // and lists inside an entity are plain lists by design (docs/api.md#pages): only connections have edges.
      '@graphql-eslint/relay-edge-types': ['error', { shouldImplementNode: false, listTypeCanWrapOnlyEdgeType: false }],
      // The contract names a label's text Label.label, and the rule takes no exceptions.
      '@graphql-eslint/no-typename-prefix': 'off',
      // An id is what a normalized client cache (Apollo, graphcache, Relay) keys an entity by. Connections,
      // edges and payloads are no entities, and value types live inside the one entity that holds them.
      '@graphql-eslint/strict-id-in-types': [
        'error',
        {
          exceptions: {
            suffixes: ['Connection', 'Edge', 'Payload'],
            types: [
              'PageInfo',
              'AgreementParty',
              'FieldChange',
              'HemisphericReport',
              'IndicatorEntry',
              'IndicatorProgress',
              'PlanItem',
              'Shelter',
              // Words in the language asked for: keyed by code alone, a cache would mix the languages.
              'Vocabulary',
              'Label',
              'Language',
              'LocalizedName',
            ],
          },
        },
      ],
    },
  },
  prettier,
);
