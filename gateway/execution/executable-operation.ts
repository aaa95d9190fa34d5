import {
  executeSync,
  GraphQLError,
  isInputType,
  Kind,
  OperationTypeNode,
  typeFromAST,
  valueFromAST,
  visit,
  type DirectiveNode,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type ValueNode,
} from 'graphql';
import type { PlanNode } from '@apollo/query-planner';
import { runPlan, type PlanRun } from './plan-executor';
import { ObjectShape, shapeResponse } from './result-shape';

/** What a plan's fetches are made with: the same for every run of an operation but its variables. */
export type Fetching = Pick<PlanRun, 'services' | 'supergraphSchema' | 'requestContext' | 'fetchName'>;

/**
 * One operation of a client's document, ready to answer: its fragments, its variables' defaults, and
 * the shapes result-shape.ts cuts answers with, one per set of @skip/@include values, compiled on first
 * use. Queries and mutations (FederatedGateway) and subscription events (the live feed) answer through it.
 */
export class ExecutableOperation {
  readonly operation: OperationDefinitionNode;
  readonly fragments: Record<string, FragmentDefinitionNode> = {};
  /** The operation's variables with a default value: @skip/@include and Condition nodes read them. */
  private readonly defaults: Record<string, unknown> = {};
  /** The variables @skip/@include name: the shape depends on their values. */
  private readonly conditionVariables: string[];
  private readonly shapes = new Map<string, ObjectShape>();
  /** The client's alias of each name the plan's fetches answer under in place of one (see `aliases`). */
  private readonly clientNames: ReadonlyMap<string, string> | undefined;

  constructor(
    document: DocumentNode,
    operationName: string | null | undefined,
    private readonly schema: GraphQLSchema,
    /**
     * For a plan made for the document's normalized form (services/platform/normalized-operation.ts): the
     * name each of the client's aliases has in it, which is the one the merged data holds its values under.
     */
    private readonly aliases?: ReadonlyMap<string, string>,
  ) {
    const operations: OperationDefinitionNode[] = [];
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments[definition.name.value] = definition;
      else if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
    }
    if (!operationName && operations.length > 1)
      throw new GraphQLError('Must provide operation name if query contains multiple operations.');
    const operation = operationName ? operations.find((candidate) => candidate.name?.value === operationName) : operations[0];
    if (!operation) throw new GraphQLError(operationName ? `Unknown operation named "${operationName}".` : 'Must provide an operation.');
    this.operation = operation;
    for (const definition of operation.variableDefinitions ?? []) {
      if (!definition.defaultValue) continue;
      const type = typeFromAST(schema, definition.type);
      if (type && isInputType(type)) this.defaults[definition.variable.name.value] = valueFromAST(definition.defaultValue, type);
    }
    this.conditionVariables = conditionVariables(document);
    if (aliases?.size) this.clientNames = new Map([...aliases].map(([alias, normalized]) => [normalized, alias]));
  }

  /** The variables as sent, over the operation's defaults. */
  variables(sent: Record<string, unknown> | undefined): Record<string, unknown> {
    return { ...this.defaults, ...sent };
  }

  /**
   * Runs a plan of this operation and answers it: `sent` are the client's variables as sent (each fetch
   * takes the ones it uses), `fetching` what runPlan fetches with (data sources, the supergraph's schema,
   * what the data sources are given). `values` are the variables a plan of the normalized form adds
   * (the literals it took out of the document).
   */
  async run(
    node: PlanNode | undefined,
    sent: Record<string, unknown> | undefined,
    fetching: Fetching,
    values?: Record<string, unknown>,
  ): Promise<ExecutionResult> {
    const variables = this.variables(sent);
    const fetched = values ? { ...sent, ...values } : (sent ?? {});
    const run: PlanRun = { ...fetching, variables: fetched, condition: (name) => variables[name] === true, errors: [] };
    const merged = await runPlan(run, node);
    return this.answer(merged, this.clientNames ? run.errors.map((error) => this.clientPath(error)) : run.errors, variables);
  }

  /** An error whose path names the normalized aliases the fetches answered under, with the client's aliases. */
  private clientPath(error: Error): Error {
    const names = this.clientNames;
    if (!names || !(error instanceof GraphQLError) || !error.path?.some((key) => typeof key === 'string' && names.has(key))) return error;
    return new GraphQLError(error.message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path.map((key) => (typeof key === 'string' ? (names.get(key) ?? key) : key)),
      originalError: error.originalError,
      extensions: error.extensions,
    });
  }

  /**
   * The client's answer from what the plan's fetches merged: `failures` are the subgraphs' errors and the
   * fetches that failed; without any, a value that does not fit the schema is reported under the
   * `valueCompletion` extension, as @apollo/gateway does (gateway/value-completion.ts reads it).
   */
  private answer(merged: Record<string, unknown>, failures: readonly Error[], variables: Record<string, unknown>): ExecutionResult {
    try {
      const { data, errors } = shapeResponse(this.shape(variables), merged, this.schema, (node) => this.introspect(node, variables));
      if (failures.length > 0) return { errors: failures as GraphQLError[], data };
      return errors.length > 0 ? { data, extensions: { valueCompletion: errors } } : { data };
    } catch (error) {
      return {
        errors: [error instanceof GraphQLError ? error : new GraphQLError((error as Error).message, { originalError: error as Error })],
      };
    }
  }

  /** The shape for these @skip/@include values, compiled on their first use. */
  private shape(variables: Record<string, unknown>): ObjectShape {
    const key = this.conditionVariables.map((name) => (variables[name] === true ? '1' : '0')).join('');
    let shape = this.shapes.get(key);
    if (!shape) {
      const root = this.schema.getRootType(this.operation.operation);
      if (!root) throw new GraphQLError(`The schema has no ${this.operation.operation} type.`);
      const included = (selection: SelectionNode) => isIncluded(selection.directives, variables);
      shape = new ObjectShape(root, [this.operation.selectionSet], {
        schema: this.schema,
        fragments: this.fragments,
        included,
        aliases: this.aliases,
      });
      this.shapes.set(key, shape);
    }
    return shape;
  }

  /** `__schema` and `__type` are answered by graphql-js on the API schema, as @apollo/gateway does. */
  private introspect(field: FieldNode, variables: Record<string, unknown>): unknown {
    const document: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: [
        {
          kind: Kind.OPERATION_DEFINITION,
          operation: OperationTypeNode.QUERY,
          variableDefinitions: this.operation.variableDefinitions,
          selectionSet: { kind: Kind.SELECTION_SET, selections: [field] },
        },
        ...Object.values(this.fragments),
      ],
    };
    const { data, errors } = executeSync({ schema: this.schema, document, rootValue: {}, variableValues: variables });
    if (errors?.length) throw errors[0];
    return data?.[field.alias?.value ?? field.name.value];
  }
}

/** @skip(if:) and @include(if:) with literal or variable conditions. */
function isIncluded(directives: readonly DirectiveNode[] | undefined, variables: Record<string, unknown>): boolean {
  if (!directives?.length) return true;
  for (const directive of directives) {
    const name = directive.name.value;
    if (name !== 'skip' && name !== 'include') continue;
    const condition = directive.arguments?.find((argument) => argument.name.value === 'if')?.value;
    const value = condition ? conditionValue(condition, variables) : false;
    if (name === 'skip' ? value : !value) return false;
  }
  return true;
}

function conditionValue(value: ValueNode, variables: Record<string, unknown>): boolean {
  if (value.kind === Kind.BOOLEAN) return value.value;
  if (value.kind === Kind.VARIABLE) return variables[value.name.value] === true;
  return false;
}

/** The variables that @skip/@include name anywhere in the document. */
function conditionVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Directive(directive) {
      if (directive.name.value !== 'skip' && directive.name.value !== 'include') return;
      for (const argument of directive.arguments ?? []) if (argument.value.kind === Kind.VARIABLE) names.add(argument.value.name.value);
    },
  });
  return [...names].sort();
}
