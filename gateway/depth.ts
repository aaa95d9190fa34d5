import { FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode, type DocumentNode } from 'graphql';

export const MAX_QUERY_DEPTH = 12;

/** The deepest field nesting of an operation, fragments included (a fragment cycle counts as too deep). */
export function operationDepth(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const depth = (selectionSet: SelectionSetNode, level: number, seen: Set<string>): number => {
    if (level > MAX_QUERY_DEPTH * 4) return level;
    let deepest = level;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        deepest = Math.max(deepest, selection.selectionSet ? depth(selection.selectionSet, level + 1, seen) : level + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depth(selection.selectionSet, level, seen));
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) continue;
        if (seen.has(fragment.name.value)) return Infinity;
        deepest = Math.max(deepest, depth(fragment.selectionSet, level, new Set([...seen, fragment.name.value])));
      }
    }
    return deepest;
  };
  return depth(operation.selectionSet, 0, new Set());
}
