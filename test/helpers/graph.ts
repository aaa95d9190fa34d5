import { SUBGRAPHS, SubgraphName, Config } from '../../services/platform/config';
import { statementCount } from '../../services/kit/statements';
import { RunningSubgraph, startSubgraph } from '../../services/kit/subgraph';
import { SUBGRAPH_DEFINITIONS } from '../../services/subgraphs';
import { RunningGateway, startGateway } from '../../gateway/gateway';
import { cleanUp, testConfig } from './config';

export interface GraphResponse {
  status: number;
  body: { data?: any; errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[] };
  raw: string;
}

export interface TestGraph {
  config: Config;
  url: string;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  gateway: RunningGateway;
  /** POSTs an operation to the gateway like a client would. */
  query: (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<GraphResponse>;
  /** SQL statements run so far by all subgraphs together; for one request when its id is given. */
  statements: (requestId?: string) => number;
  stop: () => Promise<void>;
}

/** Starts the seven subgraphs and the gateway on free ports, on a fresh store; `stop` removes it all. */
export async function startGraph(overrides: Record<string, string> = {}): Promise<TestGraph> {
  const config = await testConfig(overrides);
  const subgraphs = {} as Record<SubgraphName, RunningSubgraph>;
  let gateway: RunningGateway | undefined;
  const stop = async () => {
    await gateway?.stop();
    await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph.stop()));
    await cleanUp(config);
  };
  try {
    // Each subgraph learns the URLs of those started before it (practices asks organizations).
    for (const name of SUBGRAPHS) {
      subgraphs[name] = await startSubgraph(SUBGRAPH_DEFINITIONS[name], config, 0);
      config.subgraphUrls[name] = subgraphs[name].url;
    }
    const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((name) => [name, subgraphs[name].url]));
    gateway = await startGateway(config, { port: 0, subgraphUrls });
  } catch (error) {
    await stop();
    throw error;
  }
  const url = gateway.url;
  return {
    config,
    url,
    subgraphs,
    gateway,
    stop,
    statements: (requestId) => SUBGRAPHS.reduce((sum, name) => sum + statementCount(subgraphs[name].db, requestId), 0),
    query: async (query, variables, headers = {}) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const raw = await response.text();
      return { status: response.status, body: JSON.parse(raw), raw };
    },
  };
}
