import fs from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { getNamedType, getNullableType, isCompositeType, isListType, isObjectType, type GraphQLSchema } from 'graphql';
import { MAX_PARTIES } from '../../services/agreements/resolvers/agreement.input';
import { OAS_MEMBER_STATES } from '../../services/kit/countries';
import { GUIDELINE_COUNT } from '../../services/kit/guidelines';
import { MAX_MEMBER_STATES } from '../../services/kit/input-limits';
import { LIST_CAPS, MAX_PAGE_SIZE, MEMBER_STATE_COUNT, WORK_PLAN_SIZES } from '../../services/platform/limits';
import { loadWorkPlan } from '../../services/workplan/data/workplan-data';

/** The API schema clients see: the committed supergraph, as the gateway serves it. */
function apiSchema(): GraphQLSchema {
  const sdl = fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');
  return Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
}

/** Every field that returns a list of objects, but the nodes and edges of a connection (bounded by its page), as `Type.field`. */
function objectLists(schema: GraphQLSchema) {
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((type) => !type.name.startsWith('__') && !('pageInfo' in type.getFields()))
    .flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => isListType(getNullableType(field.type)) && isCompositeType(getNamedType(field.type)))
        .map((field) => ({ name: `${type.name}.${field.name}`, first: field.args.find((arg) => arg.name === 'first') })),
    );
}

describe('every list is bounded and priced at what it can return (issue 15, item 1)', () => {
  const lists = objectLists(apiSchema());

  it('finds the lists of the API', () => {
    expect(lists.map((list) => list.name)).toEqual(expect.arrayContaining(['Country.organizations', 'Query.countries', 'Practice.guidelines']));
  });

  it(`gives every list of objects a \`first\` with a declared default of at most ${MAX_PAGE_SIZE}, or a cap in LIST_CAPS`, () => {
    const unbounded = lists
      .filter(({ name, first }) => {
        if (first) return !(typeof first.defaultValue === 'number' && first.defaultValue >= 1 && first.defaultValue <= MAX_PAGE_SIZE);
        return LIST_CAPS[name] === undefined;
      })
      .map(({ name }) => name);
    expect(unbounded).toEqual([]);
  });

  it('caps only lists without `first` that the API has', () => {
    const capped = lists.filter(({ first }) => !first).map(({ name }) => name);
    expect(Object.keys(LIST_CAPS).filter((name) => !capped.includes(name))).toEqual([]);
  });

  it('caps the lists of Member States at their number, which each input holds to', () => {
    expect(MEMBER_STATE_COUNT).toBe(OAS_MEMBER_STATES.length);
    expect(MAX_MEMBER_STATES).toBe(MEMBER_STATE_COUNT);
    expect(MAX_PARTIES).toBe(MEMBER_STATE_COUNT);
  });

  it("caps the Work Plan's lists at what its data file holds", () => {
    const plan = loadWorkPlan();
    const indicators = new Map<number, number>();
    for (const indicator of plan.indicators) indicators.set(indicator.guideline, (indicators.get(indicator.guideline) ?? 0) + 1);
    expect(WORK_PLAN_SIZES).toEqual({
      guidelines: plan.guidelines.length,
      mandates: plan.mandates.length,
      principles: plan.principles.length,
      objectives: plan.objectives.length,
      indicators: plan.indicators.length,
      indicatorsPerGuideline: Math.max(...indicators.values()),
    });
    expect(GUIDELINE_COUNT).toBe(WORK_PLAN_SIZES.guidelines);
  });
});
