import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, parse } from 'graphql';
import { buildSchema, BuildSchemaOptions, createResolversMap } from 'type-graphql';
import { authChecker } from './auth-checker';
import { DateTime } from './date-time';
import { validateInput } from './validation';

/** The Federation version composed by @apollo/composition 2.14 (see NOTES-federation.md). */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", ' +
  'import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])\n\n';

export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any) => unknown }>;

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph's SDL as composition sees it; committed under schema/<name>.graphql. */
  sdl: string;
}

/**
 * Builds a Federation 2 subgraph from type-graphql classes: print the type-graphql schema with its
 * directives, prepend the federation @link, and build the subgraph with the type-graphql resolvers
 * merged with the entities' __resolveReference (passed here: attaching them afterwards loses them).
 * Every subgraph maps Date fields to the contract's `DateTime`, checks `@Authorized` with the shared
 * authChecker and validates input classes with class-validator (see validateInput).
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers = {},
): Promise<FederatedSchema> {
  const typeGraphQLSchema = await buildSchema({
    ...options,
    scalarsMap: [{ type: Date, scalar: DateTime }],
    authChecker,
    validateFn: validateInput,
    skipCheck: true,
  });
  const sdl = FEDERATION_LINK + printSchemaWithDirectives(typeGraphQLSchema);
  const resolvers: Record<string, any> = createResolversMap(typeGraphQLSchema);
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers });
  return { schema, sdl };
}
