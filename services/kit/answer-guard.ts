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
  type GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { answersInFlightFull, clientClosedRequest, responseTooLarge, responseTooManyObjects } from '../platform/errors';

/** RESPONSE_MAX_BYTES and RESPONSE_MAX_OBJECTS. */
export interface AnswerLimits {
  maxBytes: number;
  maxObjects: number;
}

/**
 * The objects of every answer a subgraph is building at once (RESPONSE_MAX_OBJECTS_IN_FLIGHT). Each
 * request stays under RESPONSE_MAX_OBJECTS, but requests built side by side (they take turns with the
 * event loop) hold their objects together: ten clients asking an answer of 40,000 objects each took a
 * subgraph to 690 MB, and more would exhaust its heap. Past this total, the request that charges is
 * refused; a request gives its objects back when its answer is sent.
 */
export class AnswersInFlight {
  objects = 0;
  /**
   * A request whose answer is never sent (a plugin failing before willSendResponse) would keep its
   * objects charged for good: its guard gives them back when it is collected.
   */
  readonly forgotten = new FinalizationRegistry<{ objects: number }>((held) => (this.objects -= held.objects));

  constructor(readonly maxObjects: number) {}
}

/**
 * What stops the work of one request of a subgraph: its client went away (the gateway gave up on the
 * fetch, its socket closed), or its answer grows past RESPONSE_MAX_BYTES or RESPONSE_MAX_OBJECTS. Checked by every resolver
 * (guardFields), so that execution ends quickly instead of building what no one reads or what would
 * exhaust the heap. The size is counted as the answer is built: each object or list a resolver returns
 * is charged the bytes its keys take in the JSON answer (a lower bound: values are not counted) and the
 * objects it holds; the serialized answer is checked again as a whole (services/platform/http.ts).
 *
 * Objects are counted apart (RESPONSE_MAX_OBJECTS) because they, not bytes, are what fills the heap:
 * while graphql-js builds an answer it holds several kB per object (its path, resolve info, promises),
 * 20 to 100 times the object's JSON. A 16 MB answer of objects with two short fields is 700,000 objects,
 * and took a subgraph to 1.9 GB.
 */
export class AnswerGuard {
  private bytes = 0;
  private objects = 0;
  /** Set once the answer is known to be over the limit: the response is replaced by one error. */
  tooLarge = false;
  /** Set when the answers in flight together were over their limit as this one charged. */
  private crowded = false;
  private released = false;
  /** The objects this request holds in the answers in flight (apart from the guard: see AnswersInFlight.forgotten). */
  private readonly held = { objects: 0 };

  constructor(
    readonly signal: AbortSignal,
    readonly limits: AnswerLimits,
    private readonly inFlight?: AnswersInFlight,
  ) {
    inFlight?.forgotten.register(this, this.held, this.held);
  }

  /** Gives this request's objects back to the answers in flight (its answer is sent, or abandoned). Once. */
  release(): void {
    if (this.inFlight && !this.released) {
      this.inFlight.objects -= this.held.objects;
      this.inFlight.forgotten.unregister(this.held);
    }
    this.released = true;
  }

  /**
   * The errors thrown, made once: every resolver that stops throws the same, and graphql-js copies its
   * stack into the error it locates at each path; capturing a stack per field grew the heap by 150 MB
   * while refusing a 1 MB answer.
   */
  private stopped: GraphQLError | undefined;

  private calls = 0;
  private since = Date.now();
  /** Resolvers waiting for their turn, oldest first; set while the request takes turns. */
  private waiting: (() => void)[] | undefined;

  /**
   * Runs a resolver now, or, once the request has kept the process busy for YIELD_EVERY_MS, in its
   * turn: from then on resolvers run TURN_SIZE at a time, each batch after the event loop has run.
   * Resolvers that answer from loaded rows run as one long chain of microtasks, which would never let
   * the event loop see the client close its socket, nor answer anyone else, until the whole answer is
   * built.
   */
  run<T>(resolve: () => T): T | Promise<T> {
    if (!this.waiting) {
      this.calls += 1;
      if (this.calls % 64 !== 0 || Date.now() - this.since < YIELD_EVERY_MS) return resolve();
      this.waiting = [];
      setImmediate(() => this.takeTurn());
    }
    const waiting = this.waiting;
    // The inner promise turns a resolver's throw into a rejection, as graphql-js expects of a promise.
    return new Promise<T>((done) => waiting.push(() => done(new Promise<T>((run) => run(resolve())))));
  }

  private takeTurn(): void {
    const waiting = this.waiting!;
    // Stopped: every resolver left throws at its first check, quickly, so more of them take a turn.
    const stopped = this.signal.aborted || this.tooLarge;
    for (const next of waiting.splice(0, stopped ? 16 * TURN_SIZE : TURN_SIZE)) next();
    if (waiting.length > 0) setImmediate(() => this.takeTurn());
    else {
      this.waiting = undefined;
      this.since = Date.now();
    }
  }

  /** Throws when the request's work must stop. */
  check(): void {
    if (this.signal.aborted) throw (this.stopped ??= clientClosedRequest());
    if (this.tooLarge) throw (this.stopped ??= this.tooLargeError());
  }

  charge(bytes: number, objects: number): void {
    this.bytes += bytes;
    this.objects += objects;
    if (this.inFlight && !this.released) {
      this.held.objects += objects;
      this.inFlight.objects += objects;
      if (objects > 0 && this.inFlight.objects > this.inFlight.maxObjects) this.crowded = true;
    }
    if (this.crowded || this.bytes > this.limits.maxBytes || this.objects > this.limits.maxObjects) {
      this.tooLarge = true;
      this.check();
    }
  }

  /** The error that says which limit the answer is over. */
  tooLargeError(): GraphQLError {
    if (this.objects > this.limits.maxObjects) return responseTooManyObjects(this.limits.maxObjects);
    if (this.crowded && this.bytes <= this.limits.maxBytes) return answersInFlightFull(this.inFlight!.maxObjects);
    return responseTooLarge(this.limits.maxBytes);
  }
}

/** How long one request's resolvers run before they let the event loop serve others (see AnswerGuard.turn). */
const YIELD_EVERY_MS = 50;
/** How many resolvers of a request run in one turn of the event loop once it takes turns. */
const TURN_SIZE = 256;

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
  guard.charge(count * bytesOf(info), info.fieldNodes[0].selectionSet ? count : 0);
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
        const run = () => {
          guard.check();
          const result = resolve(source, args, context, info);
          if (!list && !composite) return result;
          return isPromise(result) ? result.then((value) => charged(guard, value, info, list)) : charged(guard, result, info, list);
        };
        return guard.run(run);
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
        guard?.release();
        if (!guard?.tooLarge || response.body.kind !== 'single') return;
        const { message, extensions } = guard.tooLargeError();
        response.body.singleResult = { errors: [{ message, extensions }] };
      },
    };
  },
};
