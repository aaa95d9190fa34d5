import {
  GraphQLError,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  Kind,
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLString,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The answer a client sees, cut from what the subgraphs sent: the operation's fields under their response
 * names, in the operation's order, without the keys and `__typename`s the plan fetched for itself, with
 * nulls carried up to the nearest nullable field as GraphQL asks. It does what @apollo/gateway's
 * computeResponse does, with the same errors, but the work that depends only on the operation (collecting
 * fields through fragments, per runtime type; each field's type) is done once per plan, not once per value.
 */

/** A value that is null and whose error is already recorded (a non-null parent adds none). */
const NULLED = Symbol('nulled');
/** A non-null field that is null: its parent object or list becomes null. */
const INVALID = Symbol('invalid');
type Completed = unknown;

type Leaf = (value: unknown) => boolean;

type TypeShape =
  | { kind: 'nonNull'; of: TypeShape; printed: string }
  | { kind: 'list'; of: TypeShape; printed: string }
  | { kind: 'leaf'; valid: Leaf; printed: string }
  | { kind: 'composite'; shape: ObjectShape; printed: string };

/** `sourceName`: the name the merged data holds the field under (ShapeContext.aliases), else its response name. */
type ShapedField =
  | { kind: 'typename'; responseName: string; sourceName: string }
  | { kind: 'introspection'; responseName: string; node: FieldNode }
  | { kind: 'field'; responseName: string; sourceName: string; type: TypeShape; inherited: boolean; inheritedSource: boolean };

/**
 * Response names that a plain object answers from its prototype ("constructor", "toString", "__proto__"):
 * read only as own properties, written as own properties.
 */
const inherited = (name: string) => name in Object.prototype;
const own = (input: Record<string, unknown>, name: string) => (Object.hasOwn(input, name) ? input[name] : undefined);

function put(output: Record<string, unknown>, name: string, value: unknown, inheritedName: boolean): void {
  if (inheritedName) Object.defineProperty(output, name, { value, enumerable: true, writable: true, configurable: true });
  else output[name] = value;
}

const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

/** Apollo's isValidLeafValue: built-in scalars by their JSON type, enums by their values, custom scalars anything. */
function leafCheck(type: GraphQLOutputType): Leaf {
  if (isEnumType(type)) {
    const values = new Set(type.getValues().map(({ name }) => name));
    return (value) => typeof value === 'string' && values.has(value);
  }
  switch (type) {
    case GraphQLBoolean:
      return (value) => typeof value === 'boolean';
    case GraphQLInt:
      return (value) => typeof value === 'number' && Number.isFinite(value) && INTEGER.test(String(value));
    case GraphQLFloat:
      return (value) => typeof value === 'number' && Number.isFinite(value);
    case GraphQLString:
      return (value) => typeof value === 'string';
    case GraphQLID:
      return (value) => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value) && INTEGER.test(String(value)));
    default:
      return () => true;
  }
}

/** What shaping one operation needs: the API schema, its fragments, and the @skip/@include values it was compiled for. */
export interface ShapeContext {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  /** Whether a selection with these directives is included (variables already applied). */
  included: (selection: SelectionNode) => boolean;
  /**
   * The name the merged data holds each of the client's aliases under, when the plan was made for the
   * operation's normalized form (services/platform/normalized-operation.ts); else the alias itself.
   */
  aliases?: ReadonlyMap<string, string>;
}

/** The selections of one composite position of the operation, collected per runtime type on first use. */
export class ObjectShape {
  private readonly byType = new Map<string, ShapedField[]>();

  constructor(
    readonly staticType: GraphQLCompositeType,
    private readonly selectionSets: readonly SelectionSetNode[],
    private readonly context: ShapeContext,
  ) {}

  fieldsOf(runtime: GraphQLCompositeType): ShapedField[] {
    let fields = this.byType.get(runtime.name);
    if (!fields) this.byType.set(runtime.name, (fields = this.collect(runtime)));
    return fields;
  }

  /** graphql-js's field collection for one runtime type: by response name, sub-selections merged. */
  private collect(runtime: GraphQLCompositeType): ShapedField[] {
    const { schema, fragments, included } = this.context;
    const grouped = new Map<string, FieldNode[]>();
    const applies = (condition: string | undefined) => {
      if (condition === undefined || condition === runtime.name) return true;
      const type = schema.getType(condition);
      return type === runtime || (!!type && isAbstractType(type) && !isUnionType(runtime) && schema.isSubType(type, runtime));
    };
    const visit = (set: SelectionSetNode, seen: Set<string>) => {
      for (const selection of set.selections) {
        if (!included(selection)) continue;
        if (selection.kind === Kind.FIELD) {
          const name = selection.alias?.value ?? selection.name.value;
          const group = grouped.get(name);
          if (group) group.push(selection);
          else grouped.set(name, [selection]);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (applies(selection.typeCondition?.name.value)) visit(selection.selectionSet, seen);
        } else {
          const fragment = fragments[selection.name.value];
          if (!fragment || seen.has(fragment.name.value) || !applies(fragment.typeCondition.name.value)) continue;
          visit(fragment.selectionSet, new Set(seen).add(fragment.name.value));
        }
      }
    };
    for (const set of this.selectionSets) visit(set, new Set());
    const fields: ShapedField[] = [];
    const definitions = 'getFields' in runtime ? runtime.getFields() : {};
    for (const [responseName, nodes] of grouped) {
      const name = nodes[0].name.value;
      const sourceName = this.context.aliases?.get(responseName) ?? responseName;
      if (name === '__typename') fields.push({ kind: 'typename', responseName, sourceName });
      else if (name === '__schema' || name === '__type') fields.push({ kind: 'introspection', responseName, node: nodes[0] });
      else {
        const definition = definitions[name];
        if (!definition) continue;
        const sets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
        fields.push({
          kind: 'field',
          responseName,
          sourceName,
          type: typeShape(definition.type, sets, this.context),
          inherited: inherited(responseName),
          inheritedSource: inherited(sourceName),
        });
      }
    }
    return fields;
  }
}

function typeShape(type: GraphQLOutputType, sets: readonly SelectionSetNode[], context: ShapeContext): TypeShape {
  const printed = String(type);
  if (isNonNullType(type)) return { kind: 'nonNull', of: typeShape(type.ofType, sets, context), printed };
  if (isListType(type)) return { kind: 'list', of: typeShape(type.ofType, sets, context), printed };
  if (isCompositeType(type)) return { kind: 'composite', shape: new ObjectShape(type, sets, context), printed };
  return { kind: 'leaf', valid: leafCheck(type), printed };
}

/** One shaping: the request's errors, its path so far, and how it answers introspection fields. */
interface Shaping {
  schema: GraphQLSchema;
  path: (string | number)[];
  errors: GraphQLError[];
  introspect: (node: FieldNode) => unknown;
}

function describe(path: readonly (string | number)[], type: string, parent: string): string {
  const last = path[path.length - 1];
  return typeof last === 'string' ? `field ${parent}.${last}` : `array element of type ${type} at index ${last}`;
}

function invalid(shaping: Shaping, message: string): void {
  shaping.errors.push(new GraphQLError(message, { path: [...shaping.path], extensions: { code: 'INVALID_GRAPHQL' } }));
}

function complete(shaping: Shaping, type: TypeShape, value: unknown, parent: string): Completed {
  switch (type.kind) {
    case 'nonNull': {
      const done = complete(shaping, type.of, value, parent);
      if (done === null) {
        invalid(shaping, `Cannot return null for non-nullable ${describe(shaping.path, type.of.printed, parent)}.`);
        return INVALID;
      }
      return done === NULLED ? INVALID : done;
    }
    case 'list': {
      if (value === null || value === undefined) return null;
      if (!Array.isArray(value))
        throw new Error(`Invalid non-list value ${JSON.stringify(value)} returned by subgraph for list type ${type.printed}`);
      const list = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i += 1) {
        shaping.path.push(i);
        const done = complete(shaping, type.of, value[i], parent);
        shaping.path.pop();
        if (done === INVALID) return NULLED;
        list[i] = done === NULLED ? null : done;
      }
      return list;
    }
    case 'leaf': {
      if (value === null || value === undefined) return null;
      if (type.valid(value)) return value;
      invalid(shaping, `Invalid value found for ${describe(shaping.path, type.printed, parent)}.`);
      return NULLED;
    }
    case 'composite':
      if (value === null || value === undefined) return null;
      if (typeof value !== 'object')
        throw new Error(`Invalid non-object value ${JSON.stringify(value)} returned by subgraph for composite type ${type.printed}`);
      return shapeObject(shaping, type.shape, value as Record<string, unknown>, parent, type.printed);
  }
}

function shapeObject(shaping: Shaping, shape: ObjectShape, input: Record<string, unknown>, parent: string, printed: string): Completed {
  let runtime: GraphQLCompositeType = shape.staticType;
  const typename = input.__typename;
  if (typename !== undefined && typename !== null) {
    const type = typeof typename === 'string' ? shaping.schema.getType(typename) : undefined;
    if (!type || !isCompositeType(type)) {
      invalid(shaping, `Invalid __typename found for object at ${describe(shaping.path, printed, parent)}.`);
      return NULLED;
    }
    runtime = type;
  }
  const output: Record<string, unknown> = {};
  for (const field of shape.fieldsOf(runtime)) {
    const { responseName } = field;
    if (field.kind === 'typename') {
      const named = own(input, field.sourceName) ?? (field.sourceName === '__typename' ? null : input.__typename);
      const type = typeof named === 'string' ? (shaping.schema.getType(named) ?? runtime) : runtime;
      if (!isObjectType(type)) return NULLED;
      put(output, responseName, type.name, inherited(responseName));
    } else if (field.kind === 'introspection') {
      output[responseName] = shaping.introspect(field.node);
    } else {
      shaping.path.push(responseName);
      const value = field.inheritedSource ? own(input, field.sourceName) : input[field.sourceName];
      const done = complete(shaping, field.type, value, runtime.name);
      shaping.path.pop();
      if (done === INVALID) return NULLED;
      put(output, responseName, done === NULLED ? null : done, field.inherited);
    }
  }
  return output;
}

/**
 * Shapes the merged data of a plan for the root type of `shape`. `errors` are the shaping's own (a value
 * that does not fit the schema); `data` is null when a non-null root field is null.
 */
export function shapeResponse(
  shape: ObjectShape,
  input: Record<string, unknown>,
  schema: GraphQLSchema,
  introspect: (node: FieldNode) => unknown,
): { data: Record<string, unknown> | null; errors: GraphQLError[] } {
  const shaping: Shaping = { schema, path: [], errors: [], introspect };
  const data = shapeObject(shaping, shape, input, shape.staticType.name, shape.staticType.name);
  return { data: data === NULLED ? null : (data as Record<string, unknown>), errors: shaping.errors };
}
