import WebSocket from 'ws';
import { benchMysqlUrl } from '../services/platform/config';
import { treeCpuMs, treeRssMb } from './bench/proc';
import { SIGN_AGREEMENT } from './bench/queries';
import { benchToken, percentile, startGraphProcesses } from './bench/processes';
import { flag, parseOptions, wholeNumber } from './options';

/**
 * The live feed under load: `npm run bench:feed [-- --mysql] [--subscribers 1000] [--distinct 100] [--events 40]`.
 * Starts the graph as processes (NODE_ENV=production), opens the subscribers (one selection shared by
 * most, distinct ones for the rest), fires agreement changes at 10 a second, and reports delivery
 * latency (from sending the mutation to receiving the event), lost and repeated events, and the
 * gateway's CPU time per event (all its processes: the cluster primary and its workers).
 */
const OPTIONS = parseOptions(
  { command: 'npm run bench:feed --' },
  {
    mysql: flag('MySQL at BENCH_MYSQL_URL (mysql://root@127.0.0.1:3306 by default) instead of SQLite'),
    subscribers: wholeNumber('subscribers sharing one selection', 1000, 0),
    distinct: wholeNumber('subscribers with selections of their own', 100, 0),
    events: wholeNumber('agreements created (every second one then signed by one party: an event more)', 40, 1),
  },
);
const SHARED = OPTIONS.subscribers;
const DISTINCT = OPTIONS.distinct;
const CHANGES = OPTIONS.events;
const MYSQL = OPTIONS.mysql ? benchMysqlUrl() : undefined;

const SHARED_QUERY = `subscription { agreementEvents { id kind at agreement { title status
  parties { country { name authorities { name } } } guidelines { number } } } }`;
const VARIANTS = [
  'agreement { title kind }',
  'agreement { title parties { country { nameEs } } }',
  'agreement { title guidelines { number section } }',
  'agreement { title signedOn }',
];
const distinctQuery = (i: number) => `subscription { e${i}: agreementEvents { id kind ${VARIANTS[i % VARIANTS.length]} } }`;

interface Client {
  received: Map<string, number>;
  duplicates: number;
}

function subscribe(url: string, token: string, query: string, sentAt: Map<string, number>, latencies: number[]): Promise<Client> {
  const client: Client = { received: new Map(), duplicates: 0 };
  const socket = new WebSocket(url.replace('http', 'ws'), 'graphql-transport-ws');
  return new Promise((resolve, reject) => {
    socket.on('error', reject);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('message', (data) => {
      const message = JSON.parse((data as Buffer).toString('utf8')) as { type: string; payload: { data: Record<string, unknown> } };
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
        resolve(client);
      } else if (message.type === 'next') {
        const event = Object.values(message.payload.data)[0] as { id: string; kind: string; agreement: { title: string } };
        const key = `${event.agreement.title}|${event.kind}`;
        if (client.received.has(event.id)) client.duplicates += 1;
        client.received.set(event.id, Date.now());
        const sent = sentAt.get(key);
        if (sent !== undefined) latencies.push(Date.now() - sent);
      }
    });
  });
}

async function main(): Promise<void> {
  console.log(`Starting the graph on ${MYSQL ? 'MySQL' : 'SQLite'} (NODE_ENV=production)...`);
  const graph = await startGraphProcesses({ mysqlUrl: MYSQL, env: { FEED_MAX_CONNECTIONS_PER_ADDRESS: String(SHARED + DISTINCT + 10) } });
  try {
    const token = benchToken({ id: '00000000-0000-4000-8000-00000000beef', role: 'SECRETARIAT', country: null, authorityId: null }, 3600);
    const post = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(graph.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: Record<string, { id: string }>; errors?: unknown[] };
      if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    process.stdout.write(`Opening ${SHARED} subscribers with one selection and ${DISTINCT} with distinct ones`);
    const clients: Client[] = [];
    for (let i = 0; i < SHARED + DISTINCT; i += 1) {
      clients.push(await subscribe(graph.gatewayUrl, token, i < SHARED ? SHARED_QUERY : distinctQuery(i), sentAt, latencies));
      if (i % 100 === 99) process.stdout.write('.');
    }
    console.log(' done');
    await new Promise((resolve) => setTimeout(resolve, 2000));

    const cpuBefore = treeCpuMs(graph.pids.gateway);
    const firstStarted = Date.now();
    let events = 0;
    for (let i = 0; i < CHANGES; i += 1) {
      const title = `Benchmark agreement ${i}`;
      sentAt.set(`${title}|CREATED`, Date.now());
      const { createAgreement } = await post(
        'mutation($t: String!) { createAgreement(input: { title: $t, kind: BILATERAL, parties: [{ country: "GT" }, { country: "MX" }] }) { id } }',
        { t: title },
      );
      events += 1;
      if (i % 2 === 1) {
        // A DRAFT becomes SIGNED only by its parties' signatures: one party signing is one event.
        sentAt.set(`${title}|PARTY_SIGNED`, Date.now());
        await post(SIGN_AGREEMENT, { id: createAgreement.id, c: 'GT' });
        events += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && clients.some((client) => client.received.size < events)) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const cpuAfter = treeCpuMs(graph.pids.gateway);
    const lost = clients.reduce((sum, client) => sum + Math.max(0, events - client.received.size), 0);
    const duplicates = clients.reduce((sum, client) => sum + client.duplicates, 0);
    latencies.sort((a, b) => a - b);
    console.log(
      `\n| engine | subscribers | events | deliveries | p50 ms | p95 ms | p99 ms | max ms | lost | duplicated | gateway CPU ms / event | gateway RSS MB |`,
    );
    console.log(`| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |`);
    console.log(
      `| ${MYSQL ? 'MySQL' : 'SQLite'} | ${SHARED} same + ${DISTINCT} distinct | ${events} | ${latencies.length} | ` +
        `${percentile(latencies, 50)} | ${percentile(latencies, 95)} | ${percentile(latencies, 99)} | ${latencies[latencies.length - 1]} | ` +
        `${lost} | ${duplicates} | ${((cpuAfter - cpuBefore) / events).toFixed(1)} | ${treeRssMb(graph.pids.gateway).toFixed(0)} |`,
    );
    console.log(`(firing took ${((Date.now() - firstStarted) / 1000).toFixed(1)} s; CPU includes the gateway's share of the mutations)`);
  } finally {
    await graph.stop();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
