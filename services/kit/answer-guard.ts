import type { ApolloServerPlugin } from '@apollo/server';
import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { clientClosedRequest, responseTooLarge } from '../platform/errors';

/**
 * What stops the work of one request of a subgraph: its client went away (the gateway gave up on the
 * fetch, its socket closed), or its answer grows past RESPONSE_MAX_BYTES. Checked by every resolver
 * (guardFields), so that execution ends quickly instead of building what no one reads or what would
 * exhaust the heap. The size is counted as the answer is built: each object or list a resolver returns
 * is charged the bytes its keys take in the JSON answer (a lower bound: values are not counted), so
 * this never refuses an answer that would fit; the serialized answer is checked again as a whole
 * (services/platform/http.ts).
 */
export class AnswerGuard {
  private bytes = 0;
  /** Set once the answer is known to be over the limit: the response is replaced by one error. */
  tooLarge = false;

  constructor(
    readonly signal: AbortSignal,
    readonly maxBytes: number,
  ) {}

  /** Throws when the request's work must stop. */
  check(): void {
    if (this.signal.aborted) throw clientClosedRequest();
    if (this.tooLarge) throw responseTooLarge(this.maxBytes);
  }

  charge(bytes: number): void {
    this.bytes += bytes;
    if (this.bytes > this.maxBytes) {
      this.tooLarge = true;
      throw responseTooLarge(this.maxBytes);
    }
  }
}

interface Guarded {
  guard?: AnswerGuard;
}

/** The least each element takes: `{}` and a comma, and per selected key `"key":` plus one character and a comma. */
const elementBytes = new WeakMap<FieldNode, number>();

function bytesOf(info: GraphQLResolveInfo): number {
  const node = info.fieldNodes[0];
  let bytes = elementBytes.get(node);
  if (bytes === undefined) {
    const keys = new Set<string>();
    if (node.selectionSet) collectKeys(node.selectionSet, getNamedType(info.returnType).name, info, keys);
    bytes = node.selectionSet ? 3 : 2;
    for (const key of keys) bytes += key.length + 5;
    elementBytes.set(node, bytes);
  }
  return bytes;
}

/** The response keys every element has: fragments on the field's own type (others may not apply). */
function collectKeys(set: SelectionSetNode, typeName: string, info: GraphQLResolveInfo, keys: Set<string>): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) keys.add((selection.alias ?? selection.name).value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (!selection.typeCondition || selection.typeCondition.name.value === typeName)
        collectKeys(selection.selectionSet, typeName, info, keys);
    } else {
      const fragment = info.fragments[selection.name.value];
      if (fragment?.typeCondition.name.value === typeName) collectKeys(fragment.selectionSet, typeName, info, keys);
    }
  }
}

function charged(guard: AnswerGuard, value: unknown, info: GraphQLResolveInfo, list: boolean): unknown {
  if (value === null || value === undefined) return value;
  const count = list ? (Array.isArray(value) ? value.length : 1) : 1;
  guard.charge(count * bytesOf(info));
  return value;
}

const isPromise = (value: unknown): value is Promise<unknown> => typeof (value as Promise<unknown> | null)?.then === 'function';

/**
 * Wraps the resolvers that do work (those the schema gives one) and every list or object field, so
 * that each checks the request's AnswerGuard first, and lists and objects are charged as they resolve.
 * Scalar fields read from their parent cost nothing to answer and stay as they are.
 */
export function guardFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const list = isListType(getNullableType(field.type));
      const composite = isCompositeType(getNamedType(field.type));
      if (!field.resolve && !list && !composite) continue;
      const resolve: GraphQLFieldResolver<unknown, Guarded> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: Guarded, info) => {
        const guard = context.guard;
        if (!guard) return resolve(source, args, context, info);
        guard.check();
        const result = resolve(source, args, context, info);
        if (!list && !composite) return result;
        return isPromise(result) ? result.then((value) => charged(guard, value, info, list)) : charged(guard, result, info, list);
      };
    }
  }
  return schema;
}

/**
 * An answer found too large while it was built is replaced by the one error that says so, instead of
 * a partial answer with an error per field that stopped.
 */
export const answerGuardPlugin: ApolloServerPlugin<Guarded> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        const guard = contextValue.guard;
        if (!guard?.tooLarge || response.body.kind !== 'single') return;
        const { message, extensions } = responseTooLarge(guard.maxBytes);
        response.body.singleResult = { errors: [{ message, extensions }] };
      },
    };
  },
};
