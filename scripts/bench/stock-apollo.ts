import fs from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

/**
 * A stock @apollo/gateway in a stock @apollo/server, with their defaults, for `npm run bench:peers`:
 * `node dist/scripts/bench/stock-apollo.js SUPERGRAPH_FILE PORT`. Nothing of ours runs in it.
 */
async function main(): Promise<void> {
  const [file, port] = process.argv.slice(2);
  if (!file || !port) throw new Error('usage: stock-apollo.js SUPERGRAPH_FILE PORT');
  const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: fs.readFileSync(file, 'utf8') }) });
  await startStandaloneServer(server, { listen: { port: Number(port), host: '127.0.0.1' } });
  process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
