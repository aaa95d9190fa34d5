import { DocumentNode, FieldNode, Kind, OperationDefinitionNode, OperationTypeNode, visit } from 'graphql';

/** The subscription field the gateway serves, and the query field that resolves one of its events. */
export const SUBSCRIPTION_FIELD = 'agreementEvents';
export const EVENT_QUERY_FIELD = 'agreementEvent';
export const EVENT_ID_VARIABLE = 'enlaceEventId';

/**
 * Turns `subscription { agreementEvents(filter: F) { ...selection } }` into
 * `query($enlaceEventId: ID!) { agreementEvents: agreementEvent(id: $enlaceEventId, filter: F) { ...selection } }`:
 * the same selection, resolved for one event through the whole graph by the gateway's query planner.
 * The alias keeps the response shaped like the subscription's; the filter stays, so every variable
 * of the subscription is still used and the subgraph applies the filter as well.
 */
export function eventQueryOf(document: DocumentNode, operationName?: string | null): DocumentNode {
  return visit(document, {
    OperationDefinition(node: OperationDefinitionNode) {
      if (node.operation !== OperationTypeNode.SUBSCRIPTION) return null;
      if (operationName && node.name?.value !== operationName) return null;
      return {
        ...node,
        operation: OperationTypeNode.QUERY,
        variableDefinitions: [
          ...(node.variableDefinitions ?? []),
          {
            kind: Kind.VARIABLE_DEFINITION,
            variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: EVENT_ID_VARIABLE } },
            type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } },
          },
        ],
        selectionSet: {
          ...node.selectionSet,
          selections: node.selectionSet.selections.map((selection) =>
            selection.kind === Kind.FIELD && selection.name.value === SUBSCRIPTION_FIELD ? eventField(selection) : selection,
          ),
        },
      };
    },
  });
}

function eventField(field: FieldNode): FieldNode {
  return {
    ...field,
    alias: field.alias ?? { kind: Kind.NAME, value: SUBSCRIPTION_FIELD },
    name: { kind: Kind.NAME, value: EVENT_QUERY_FIELD },
    arguments: [
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: 'id' },
        value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: EVENT_ID_VARIABLE } },
      },
      ...(field.arguments ?? []),
    ],
  };
}
