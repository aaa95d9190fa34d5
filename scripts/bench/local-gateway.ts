import type { KeyObject } from 'node:crypto';
import { LocalGraphQLDataSource, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { DataSource } from 'typeorm';
import { loadVerifyingKey, verifyAuthorization } from '../../services/platform/auth';
import { loadConfig, SUBGRAPHS, type Config, type SubgraphName } from '../../services/platform/config';
import type { Context } from '../../services/kit/context';
import { openDatabase } from '../../services/kit/database';
import { createLogger, type Logger } from '../../services/platform/logger';
import type { SubgraphDefinition } from '../../services/kit/subgraph';
import { SUBGRAPH_DEFINITIONS } from '../../services/subgraphs';
import type { GatewayContext } from '../../gateway/context';
import { isClientFetch } from '../../gateway/data-source';
import { startGateway } from '../../gateway/gateway';

/**
 * A subgraph executed inside the gateway's process (scenario S3): the fetch the gateway would send over
 * HTTP runs against the subgraph's schema directly, with the context the subgraph's server would build
 * for that request (verified viewer, fresh loaders per fetch, as each HTTP request gets).
 */
class InProcessSubgraph implements GraphQLDataSource<GatewayContext> {
  private readonly local: LocalGraphQLDataSource;
  /** Accounts' private key, loaded once (it signs the tokens of login and signUp); none for the other subgraphs. */
  private readonly signingKey: KeyObject | undefined;

  constructor(
    private readonly definition: SubgraphDefinition,
    schema: ConstructorParameters<typeof LocalGraphQLDataSource>[0],
    private readonly db: DataSource,
    private readonly config: Config,
    private readonly verifyingKey: KeyObject,
    private readonly log: Logger,
  ) {
    this.local = new LocalGraphQLDataSource(schema);
    this.signingKey = definition.signingKey?.(config).signing;
  }

  process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if (!isClientFetch(options)) return this.local.process(options);
    const { requestId, authorization, stats } = options.context;
    if (stats) stats.fetches += 1;
    const viewer = verifyAuthorization(authorization ?? undefined, this.verifyingKey);
    const context: Context = {
      requestId,
      log: this.log.child({ requestId }),
      viewer,
      authorization,
      db: this.db,
      loaders: this.definition.createLoaders(this.db, viewer),
      config: this.config,
      signingKey: this.signingKey,
    };
    return this.local.process({ ...options, context });
  }
}

/** Opens every subgraph's store (already seeded by the bench) and serves the gateway with them in process. */
async function main(): Promise<void> {
  const config = loadConfig();
  const verifyingKey = loadVerifyingKey(config);
  const sources = {} as Record<SubgraphName, GraphQLDataSource<GatewayContext>>;
  for (const name of SUBGRAPHS) {
    const definition = SUBGRAPH_DEFINITIONS[name];
    const db = await openDatabase(config, { service: name, entities: definition.entities, migrations: definition.migrations });
    const { schema } = await definition.buildSchema();
    sources[name] = new InProcessSubgraph(definition, schema, db, config, verifyingKey, createLogger(name, config.logLevel));
  }
  // The live feed still polls the agreements subgraph over HTTP (the bench keeps the processes running).
  const gateway = await startGateway(config, { buildService: (name) => sources[name] });
  process.once('SIGTERM', () => void gateway.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
