import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function parseDate(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError('A DateTime is an ISO-8601 string such as 2026-03-01T00:00:00.000Z.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

/** The contract's `DateTime`: every subgraph maps JavaScript Date fields to it (see buildFederatedSchema). */
export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An ISO-8601 date-time string in UTC, e.g. 2026-03-01T00:00:00.000Z.',
  serialize: (value) => (value instanceof Date ? value : new Date(value as string)).toISOString(),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
});
