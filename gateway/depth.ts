import { FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode, type DocumentNode } from 'graphql';

export const MAX_QUERY_DEPTH = 12;

/**
 * The deepest field nesting of an operation, fragments included. Each fragment's depth is computed once
 * (a document of fragments that spread each other twice would otherwise take exponential time), and a
 * fragment cycle counts as too deep.
 */
export function operationDepth(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const fragmentDepths = new Map<string, number>();
  const visiting = new Set<string>();
  const depth = (selectionSet: SelectionSetNode): number => {
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        deepest = Math.max(deepest, 1 + (selection.selectionSet ? depth(selection.selectionSet) : 0));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depth(selection.selectionSet));
      } else {
        deepest = Math.max(deepest, fragmentDepth(selection.name.value));
      }
    }
    return deepest;
  };
  const fragmentDepth = (name: string): number => {
    const known = fragmentDepths.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment) return 0;
    if (visiting.has(name)) return Infinity;
    visiting.add(name);
    const value = depth(fragment.selectionSet);
    visiting.delete(name);
    fragmentDepths.set(name, value);
    return value;
  };
  return depth(operation.selectionSet);
}
