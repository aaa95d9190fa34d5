import {
  getNamedType,
  isCompositeType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  Kind,
  print,
  valueFromAST,
  type ArgumentNode,
  type DirectiveNode,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLInputType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * A document's operation with what varies between a client's requests taken out, so that work that depends
 * only on the rest is done once for all of them: validation (document-store.ts, in the gateway and in every
 * subgraph) and the gateway's query plan (gateway/execution/federated-gateway.ts).
 *
 * - The operation's name becomes OPERATION_PLACEHOLDER (an anonymous operation stays anonymous).
 * - Each alias becomes `__a0`, `__a1`, ... in the order of first use: the same alias, the same new one.
 * - Each argument of a field given as a scalar or enum literal, or a list of them, becomes a variable
 *   `__v0`, `__v1`, ... of the argument's type, whose value is in `values`: the same literal for
 *   the same type, the same variable. Input objects, values holding variables and directives' arguments
 *   stay as written.
 *
 * Two documents with the same `text` are valid or invalid together: every rule of GraphQL validation sees
 * in the normalized document what it saw in the client's (the same fields, types, arguments, fragments,
 * directives, which fields share a response name and which arguments are equal), and a hoisted literal
 * was checked against its argument's type here (valueFromAST), as ValuesOfCorrectTypeRule checks it.
 * Where that could not be made sure, there is no normalized form (undefined), and the document takes the
 * common path: a document with several operations or with anything but operations and fragments, an
 * unknown type, field or argument, a literal not of its argument's type, an alias that is also a field's
 * own name somewhere in the document, a name already starting as the ones made here.
 */
export interface NormalizedOperation {
  /** The normalized document: parseable, and the key for everything that depends only on it. */
  text: string;
  /** The hoisted literals' values, by variable name. */
  values: Record<string, unknown>;
  /** The normalized name of each of the client's aliases. */
  aliases: ReadonlyMap<string, string>;
}

/** The name a named operation has in its normalized document. */
export const OPERATION_PLACEHOLDER = '__Operation';
const ALIAS_PREFIX = '__a';
const VARIABLE_PREFIX = '__v';

class NotNormalizable extends Error {}

const refuse = (): never => {
  throw new NotNormalizable();
};

/** One normalization's state: the aliases and variables made so far and the names they must not meet. */
class Normalizer {
  readonly aliases = new Map<string, string>();
  readonly values: Record<string, unknown> = {};
  readonly hoisted: string[] = [];
  private readonly variableOf = new Map<string, string>();
  /** Names fields answer under without an alias: no alias may be one of them. */
  readonly ownNames = new Set<string>();

  constructor(private readonly schema: GraphQLSchema) {}

  selectionSet(set: SelectionSetNode, type: GraphQLCompositeType): string {
    const parts: string[] = [];
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        let alias = '';
        if (selection.alias) {
          const written = selection.alias.value;
          if (written.startsWith('__')) refuse();
          let normalized = this.aliases.get(written);
          if (!normalized) this.aliases.set(written, (normalized = `${ALIAS_PREFIX}${this.aliases.size}`));
          alias = `${normalized}:`;
        } else this.ownNames.add(name);
        if (name === '__typename') {
          parts.push(`${alias}${name}${directives(selection.directives)}`);
          continue;
        }
        if (name === '__schema' || name === '__type') {
          // Introspection as written: its arguments are not worth a variable.
          if (selection.alias) refuse();
          parts.push(print(selection));
          continue;
        }
        if (!isObjectType(type) && !isInterfaceType(type)) refuse();
        const field = (type as Exclude<GraphQLCompositeType, { getTypes: unknown }>).getFields()[name] ?? refuse();
        const args = selection.arguments?.length
          ? `(${selection.arguments.map((argument) => this.argument(argument, field.args)).join(',')})`
          : '';
        const sub = selection.selectionSet;
        let tail = '';
        if (sub) {
          const named = getNamedType(field.type);
          if (!isCompositeType(named)) refuse();
          tail = this.selectionSet(sub, named as GraphQLCompositeType);
        }
        parts.push(`${alias}${name}${args}${directives(selection.directives)}${tail}`);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? this.compositeType(selection.typeCondition.name.value) : type;
        const on = selection.typeCondition ? `on ${condition.name}` : '';
        parts.push(`...${on}${directives(selection.directives)}${this.selectionSet(selection.selectionSet, condition)}`);
      } else {
        parts.push(`...${selection.name.value}${directives(selection.directives)}`);
      }
    }
    return `{${parts.join(' ')}}`;
  }

  compositeType(name: string): GraphQLCompositeType {
    const type = this.schema.getType(name);
    return type && isCompositeType(type) ? type : refuse();
  }

  private argument(argument: ArgumentNode, definitions: readonly GraphQLArgument[]): string {
    const name = argument.name.value;
    const definition = definitions.find((candidate) => candidate.name === name) ?? refuse();
    if (!hoistable(argument.value, definition.type)) return `${name}:${print(argument.value)}`;
    const value = valueFromAST(argument.value, definition.type);
    if (value === undefined) refuse();
    const type = String(definition.type);
    const key = `${type} ${print(argument.value)}`;
    let variable = this.variableOf.get(key);
    if (!variable) {
      variable = `${VARIABLE_PREFIX}${this.hoisted.length}`;
      this.variableOf.set(key, variable);
      this.hoisted.push(`$${variable}:${type}`);
      this.values[variable] = value;
    }
    return `${name}:$${variable}`;
  }
}

/** A literal worth a variable: a scalar, an enum value or null, or a list of them; never an input object. */
function hoistable(value: ValueNode, type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  if (isInputObjectType(named)) return false;
  switch (value.kind) {
    case Kind.VARIABLE:
    case Kind.OBJECT:
      return false;
    case Kind.LIST:
      return value.values.every((item) => item.kind !== Kind.VARIABLE && item.kind !== Kind.OBJECT && item.kind !== Kind.LIST);
    default:
      return true;
  }
}

function directives(nodes: readonly DirectiveNode[] | undefined): string {
  return nodes?.length ? ` ${nodes.map((node) => print(node)).join(' ')}` : '';
}

/**
 * The normalized form of the document's one operation (see NormalizedOperation), or undefined when it has
 * none. Linear in the document's size; nothing is resolved through fragment spreads, so cycles cost nothing.
 */
export function normalizeOperation(schema: GraphQLSchema, document: DocumentNode): NormalizedOperation | undefined {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) return undefined;
  const [operation] = operations;
  try {
    const normalizer = new Normalizer(schema);
    const fragments: string[] = [];
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        const type = normalizer.compositeType(definition.typeCondition.name.value);
        if (definition.variableDefinitions?.length) refuse();
        fragments.push(
          `fragment ${definition.name.value} on ${type.name}${directives(definition.directives)}${normalizer.selectionSet(definition.selectionSet, type)}`,
        );
      } else if (definition.kind !== Kind.OPERATION_DEFINITION) refuse();
    }
    const root = schema.getRootType(operation.operation) ?? refuse();
    const selections = normalizer.selectionSet(operation.selectionSet, root);
    for (const alias of normalizer.aliases.keys()) if (normalizer.ownNames.has(alias)) refuse();
    const declared = (operation.variableDefinitions ?? []).map((definition) => {
      if (definition.variable.name.value.startsWith(VARIABLE_PREFIX)) refuse();
      return print(definition);
    });
    const variables = [...declared, ...normalizer.hoisted];
    const name = operation.name ? ` ${OPERATION_PLACEHOLDER}` : '';
    const head = `${operation.operation}${name}${variables.length ? `(${variables.join(',')})` : ''}${directives(operation.directives)}`;
    return {
      text: [`${head}${selections}`, ...fragments].join('\n'),
      values: normalizer.values,
      aliases: normalizer.aliases,
    };
  } catch (error) {
    if (error instanceof NotNormalizable) return undefined;
    throw error;
  }
}
