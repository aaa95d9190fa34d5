import type { GraphQLDataSource } from '@apollo/gateway';
import type { Config } from '../../services/platform/config';
import type { GatewayContext } from '../../gateway/context';
import { SubgraphDataSource } from '../../gateway/data-source';
import { startGateway } from '../../gateway/gateway';

export interface RecordedFetch {
  url: string;
  body: string;
}

/** Runs the query once through a gateway in this process and returns the subgraph fetches it made, in order. */
export async function recordSubgraphFetches(config: Config, query: string): Promise<RecordedFetch[]> {
  const fetches: RecordedFetch[] = [];
  const recording = (target: string): GraphQLDataSource<GatewayContext> => {
    const source = new SubgraphDataSource(target);
    return {
      process: (options) => {
        const { query: fetchQuery, variables, operationName } = options.request;
        fetches.push({ url: target, body: JSON.stringify({ query: fetchQuery, variables, operationName }) });
        return source.process(options);
      },
    };
  };
  const gateway = await startGateway({ ...config, logLevel: 'warn' }, { port: 0, buildService: (_name, url) => recording(url) });
  try {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`recording failed: ${JSON.stringify(body.errors)}`);
  } finally {
    await gateway.stop();
  }
  return fetches;
}
