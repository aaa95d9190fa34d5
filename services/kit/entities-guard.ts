import { GraphQLFieldResolver, GraphQLSchema, isUnionType } from 'graphql';
import { badInput } from '../platform/errors';

const MAX_NAME_SHOWN = 50;

/**
 * The entity types a representation may name, or the message saying why it names none. @apollo/subgraph
 * throws a plain Error for a `__typename` that is no type of the schema (answered "Internal server error")
 * and lets a type that is no entity through to a failure of its own: both are the caller's mistake.
 */
function problemWith(representation: unknown, entities: ReadonlySet<string>): string | null {
  const known = `this subgraph's entities are ${[...entities].sort().join(', ')}`;
  if (!representation || typeof representation !== 'object' || Array.isArray(representation)) {
    return `Each representation is an object with a __typename; ${known}.`;
  }
  const typename: unknown = (representation as Record<string, unknown>).__typename;
  if (typeof typename !== 'string') return `A representation has no __typename; ${known}.`;
  if (entities.has(typename)) return null;
  const shown = typename.length > MAX_NAME_SHOWN ? `${typename.slice(0, MAX_NAME_SHOWN)}...` : typename;
  return `"${shown}" is not an entity type of this subgraph; ${known}.`;
}

/**
 * Makes `_entities` refuse, with BAD_USER_INPUT naming `representations`, a call any of whose
 * representations does not name an entity of the subgraph, before any of them is resolved.
 */
export function guardEntities(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  const union = schema.getType('_Entity');
  if (!field || !isUnionType(union)) return schema;
  const entities = new Set(union.getTypes().map((type) => type.name));
  const resolve = field.resolve as GraphQLFieldResolver<unknown, unknown>;
  field.resolve = (source, args: { representations?: unknown[] }, context, info) => {
    for (const representation of args.representations ?? []) {
      const problem = problemWith(representation, entities);
      if (problem) throw badInput(problem, 'representations');
    }
    return resolve(source, args, context, info);
  };
  return schema;
}
