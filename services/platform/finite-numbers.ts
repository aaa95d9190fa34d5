import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';

/**
 * graphql-js reads a Float literal with Number(): `1e400` passes validation as Infinity, which no
 * subgraph can be sent (the gateway's planner fails to serialize it: an internal error). A number in
 * the query text that is not finite is the client's mistake: BAD_USER_INPUT, 400, naming the argument.
 * (In variables, JSON's 1e400 is refused by graphql-js's own Float coercion.)
 */
export function nonFiniteNumber(document: DocumentNode): GraphQLError | undefined {
  const argumentNames: string[] = [];
  let refused: GraphQLError | undefined;
  visit(document, {
    Argument: { enter: (node) => void argumentNames.push(node.name.value), leave: () => void argumentNames.pop() },
    FloatValue: (node) => {
      if (Number.isFinite(Number(node.value))) return undefined;
      const argument = argumentNames.at(-1);
      refused = new GraphQLError(
        `${argument ? `Argument "${argument}" has` : 'The operation has'} a number out of range: ${node.value.slice(0, 40)}.`,
        { nodes: node, extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}), http: { status: 400 } } },
      );
      return BREAK;
    },
  });
  return refused;
}

/** Refuses, before planning, an operation with a number literal that is not finite (see nonFiniteNumber). */
export function finiteNumbersPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  const checked = new WeakMap<DocumentNode, GraphQLError | null>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document }) {
          let refused = checked.get(document);
          if (refused === undefined) checked.set(document, (refused = nonFiniteNumber(document) ?? null));
          if (refused) throw refused;
        },
      };
    },
  };
}
