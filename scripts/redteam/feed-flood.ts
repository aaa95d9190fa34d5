import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import WebSocket from 'ws';
import type { GraphProcesses } from '../bench/processes';
import { data, type Attack } from './attack';

/** The attack of issue 15, item 2: subscribe/complete pairs on the gateway's WebSocket, with a replay each. */

const ADMIN = { email: 'secretariat@redteam.example', password: 'secretariat-password-1234' };
const SOCKETS = 30;
const PAIRS_PER_SOCKET = 20_000;
/** The flood stops here, sent or not: the replay stays bounded in time. */
const FLOOD_MS = 45_000;
/** Events in the log before the flood: each replay from 0 reads them all. */
const AGREEMENTS = 40;
const FLOOD = 'subscription { agreementEvents(filter: { after: "0" }) { id kind agreement { title parties { country { name } } } } }';
const PAYLOAD = JSON.stringify({ query: FLOOD });
const HONEST = 'subscription { agreementEvents { id kind agreement { title } } }';

/** A graphql-ws socket, acknowledged; resolves null when it could not open (refused, closed or no ack within 5 s). */
function connect(url: string, token?: string): Promise<WebSocket | null> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const timeout = setTimeout(() => {
      resolve(null);
      socket.terminate();
    }, 5000);
    socket.on('error', () => resolve(null));
    socket.on('close', () => resolve(null));
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} })),
    );
    socket.on('message', (raw: Buffer) => {
      if ((JSON.parse(raw.toString()) as { type: string }).type === 'connection_ack') {
        clearTimeout(timeout);
        resolve(socket);
      }
    });
  });
}

interface Tally {
  sent: number;
  reconnects: number;
  rateLimited: number;
  closes: Record<number, number>;
}

/**
 * One flooding client: pairs as fast as its socket's send buffer drains; when the gateway closes the
 * socket, another one. Stops at `deadline` or once its pairs are sent.
 */
async function flood(url: string, tally: Tally, deadline: number): Promise<void> {
  let pairs = 0;
  while (pairs < PAIRS_PER_SOCKET && Date.now() < deadline) {
    const socket = await connect(url);
    if (!socket) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    socket.on('message', (raw: Buffer) => {
      if (raw.includes('RATE_LIMITED')) tally.rateLimited += 1;
    });
    socket.on('close', (code) => (tally.closes[code] = (tally.closes[code] ?? 0) + 1));
    while (socket.readyState === WebSocket.OPEN && pairs < PAIRS_PER_SOCKET && Date.now() < deadline) {
      for (let i = 0; i < 100; i += 1, pairs += 1) {
        socket.send(`{"id":"${pairs}","type":"subscribe","payload":${PAYLOAD}}`);
        socket.send(`{"id":"${pairs}","type":"complete"}`);
        tally.sent += 1;
      }
      // Lets the socket drain, as a client writing as fast as the network takes it.
      await new Promise((resolve) => setTimeout(resolve, socket.bufferedAmount > 1 << 20 ? 50 : 1));
    }
    if (socket.readyState === WebSocket.OPEN) socket.removeAllListeners('close').terminate();
    else tally.reconnects += 1;
  }
}

/** The flooders, in a thread of their own: the runner's probe and the honest subscriber measure the gateway, not the attacker's event loop. */
function startFlood(url: string): { tally: () => Tally; done: Promise<Tally> } {
  let latest: Tally = { sent: 0, reconnects: 0, rateLimited: 0, closes: {} };
  const worker = new Worker(__filename, { workerData: { feedFlood: url } });
  worker.on('message', (tally: Tally) => (latest = tally));
  const done = new Promise<Tally>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', () => resolve(latest));
  });
  return { tally: () => latest, done };
}

if (!isMainThread && (workerData as { feedFlood?: string })?.feedFlood) {
  const url = (workerData as { feedFlood: string }).feedFlood;
  const tally: Tally = { sent: 0, reconnects: 0, rateLimited: 0, closes: {} };
  const report = setInterval(() => parentPort!.postMessage(tally), 1000);
  const deadline = Date.now() + FLOOD_MS;
  void Promise.all(Array.from({ length: SOCKETS }, () => flood(url, tally, deadline))).then(() => {
    clearInterval(report);
    parentPort!.postMessage(tally);
    process.exit(0);
  });
}

const feedFlood: Attack = {
  name: 'feed-flood',
  summary: `item 2: ${SOCKETS} WebSockets x ${PAIRS_PER_SOCKET} subscribe (after: "0") + complete pairs; does an honest subscriber still get its event?`,
  env: { ENLACE_ADMIN_EMAIL: ADMIN.email, ENLACE_ADMIN_PASSWORD: ADMIN.password },
  target: 'gateway',
  run: async ({ gatewayUrl: url, subgraphUrls }: GraphProcesses, log) => {
    const login = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
    const { token } = (await data<{ login: { token: string } }>(url, login, { e: ADMIN.email, p: ADMIN.password })).login;
    const create = `mutation($t: String!) { createAgreement(input: { title: $t, kind: BILATERAL,
      parties: [{ country: "GT" }, { country: "MX" }] }) { id } }`;
    const sign = 'mutation($id: ID!) { setAgreementStatus(id: $id, status: SIGNED) { id } }';
    for (let i = 0; i < AGREEMENTS; i += 1) {
      const { createAgreement } = await data<{ createAgreement: { id: string } }>(
        url,
        create,
        { t: `Acuerdo ${i} del equipo rojo` },
        token,
      );
      await data(url, sign, { id: createAgreement.id }, token);
    }
    const honest = await connect(url, token);
    if (!honest) throw new Error('the honest subscriber could not connect');
    let receivedAt: number | undefined;
    honest.on('message', (raw: Buffer) => {
      if (raw.includes('Acuerdo durante la inundación')) receivedAt ??= Date.now();
    });
    honest.send(JSON.stringify({ id: 'honest', type: 'subscribe', payload: { query: HONEST } }));
    await new Promise((resolve) => setTimeout(resolve, 500));

    const started = Date.now();
    const flooding = startFlood(url);
    // The event is written straight to the agreements subgraph, so only the gateway's part is measured.
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const createdAt = Date.now();
    await data(subgraphUrls.agreements, create, { t: 'Acuerdo durante la inundación' }, token);
    log(`event written ${createdAt - started} ms into the flood; ${flooding.tally().sent} pairs sent so far`);
    const tally = await flooding.done;
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    honest.close();
    const closes =
      Object.entries(tally.closes)
        .map(([code, count]) => `${count} x ${code}`)
        .join(', ') || 'none';
    const got = receivedAt ? `after ${receivedAt - createdAt} ms` : 'never during the flood';
    return `${tally.sent} pairs in ${seconds} s, ${tally.rateLimited} RATE_LIMITED, closes: ${closes}, ${tally.reconnects} reconnects; honest subscriber got its event ${got}`;
  },
};

export const FEED_ATTACKS: Attack[] = [feedFlood];
