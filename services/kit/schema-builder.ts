import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, parse } from 'graphql';
import { buildSchema, BuildSchemaOptions, createResolversMap } from 'type-graphql';
import { authChecker } from './auth-checker';
import { DateTime } from './date-time';
import { guardEntities } from './entities-guard';
import type { Context } from './context';
import type { EntityReference } from './entity-reference';
import { validateInput } from './validation';

/** The Federation version composed by @apollo/composition 2.14 (see NOTES-federation.md). */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", ' +
  'import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])\n\n';

/** The entities this subgraph owns, by type name, and how each is found by its key (entityReference). */
export type EntityReferences = Record<string, EntityReference<unknown>>;

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
 * authChecker, validates input classes with class-validator (see validateInput) and refuses a
 * representation of a type it has no entity of as the client's mistake (see guardEntities).
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  references: EntityReferences = {},
): Promise<FederatedSchema> {
  const typeGraphQLSchema = await buildSchema({
    ...options,
    scalarsMap: [{ type: Date, scalar: DateTime }],
    authChecker,
    validateFn: validateInput,
    skipCheck: true,
  });
  const sdl = FEDERATION_LINK + printSchemaWithDirectives(typeGraphQLSchema);
  // One runtime shape under two libraries' incompatible types (type-graphql's ResolversMap, @apollo/subgraph's map).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see the line above
  const resolvers: Record<string, any> = createResolversMap(typeGraphQLSchema);
  for (const [typeName, reference] of Object.entries(references)) {
    resolvers[typeName] = {
      ...(resolvers[typeName] as object),
      __resolveReference: (representation: Record<string, unknown>, ctx: Context) => reference.resolveReference(representation, ctx),
    };
  }
  const schema = guardEntities(buildSubgraphSchema({ typeDefs: parse(sdl), resolvers }));
  return { schema, sdl };
}
