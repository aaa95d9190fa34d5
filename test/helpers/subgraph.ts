import { ExecutionResult, graphql } from 'graphql';
import type { Config } from '../../services/platform/config';
import type { Context } from '../../services/kit/context';
import type { Viewer } from '../../services/platform/auth';
import { openDatabase } from '../../services/kit/database';
import { createLogger } from '../../services/platform/logger';
import type { SubgraphDefinition } from '../../services/kit/subgraph';
import { cleanUp, testConfig } from './config';

export interface SubgraphUnderTest {
  config: Config;
  db: Context['db'];
  /** Executes an operation against the subgraph's schema in process, as `viewer` (anonymous by default). */
  execute: (source: string, variables?: Record<string, unknown>, viewer?: Viewer | null) => Promise<ExecutionResult>;
  close: () => Promise<void>;
}

/** Opens one subgraph's database (migrated and seeded) and schema, without HTTP. */
export async function openSubgraph<L>(
  definition: SubgraphDefinition<L>,
  overrides: Record<string, string> = {},
): Promise<SubgraphUnderTest> {
  const config = await testConfig(overrides);
  const log = createLogger(definition.name, config.logLevel);
  const db = await openDatabase(config, {
    service: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
  });
  if (definition.seed) await definition.seed(db, config, log);
  const { schema } = await definition.buildSchema();
  const signingKey = definition.signingKey?.(config).signing;
  return {
    config,
    db,
    execute: (source, variableValues, viewer = null) =>
      graphql({
        schema,
        source,
        variableValues,
        contextValue: {
          requestId: 'test',
          log,
          viewer,
          authorization: null,
          db,
          loaders: definition.createLoaders(db, viewer),
          config,
          signingKey,
        } satisfies Context<L>,
      }),
    close: async () => {
      await db.destroy();
      await cleanUp(config);
    },
  };
}

export interface PagedThrough {
  /** The ids of every node, in the order the pages gave them. */
  ids: string[];
  /** How many nodes each page held. */
  pageSizes: number[];
  /** The totalCount of the last page. */
  totalCount: number;
}

/** Follows a root connection of the subgraph page by page, `first` at a time, until hasNextPage is false. */
export async function pageThrough(subgraph: SubgraphUnderTest, field: string, first: number): Promise<PagedThrough> {
  const result: PagedThrough = { ids: [], pageSizes: [], totalCount: 0 };
  let after: string | null = null;
  do {
    const { data, errors } = await subgraph.execute(
      `query($after: String) { ${field}(first: ${first}, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    if (errors) throw errors[0];
    const page = data![field] as { totalCount: number; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    result.ids.push(...page.nodes.map((node) => node.id));
    result.pageSizes.push(page.nodes.length);
    result.totalCount = page.totalCount;
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return result;
}
