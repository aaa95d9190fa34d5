import WebSocket from 'ws';
import { asViewer, tokenFor, viewer } from '../helpers/auth';
import { FeedClient } from '../helpers/feed-client';
import { startGraph, TestGraph } from '../helpers/graph';

const CREATE = `mutation($title: String!) {
  createAgreement(input: { title: $title, kind: BILATERAL, parties: [{ country: "CL" }, { country: "PE" }] }) { id }
}`;
/** Both parties sign, one after the other: the agreement becomes SIGNED, and its last event public. */
const SIGN = 'mutation($id: ID!) { cl: signAgreement(id: $id, country: "CL") { id } pe: signAgreement(id: $id, country: "PE") { id } }';
const FLOOD = JSON.stringify({ query: 'subscription { agreementEvents(filter: { after: "0" }) { id kind agreement { title } } }' });
const secretariat = viewer('SECRETARIAT');

interface Flooder {
  closes: number[];
  pairs: number;
}

/**
 * One client sending subscribe (after: "0") + complete pairs, 20 every 2 ms (a real client sends one when
 * its user opens a view), on a new socket whenever one is closed.
 */
async function flood(url: string, pairs: number, until: () => boolean): Promise<Flooder> {
  const flooder: Flooder = { closes: [], pairs: 0 };
  while (flooder.pairs < pairs && !until()) {
    const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const acked = new Promise<boolean>((resolve) => {
      socket.on('message', (raw: Buffer) => {
        if (raw.includes('connection_ack')) resolve(true);
      });
      socket.on('close', () => resolve(false));
      socket.on('error', () => resolve(false));
    });
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('open', () => socket.send('{"type":"connection_init","payload":{}}'));
    if (!(await acked)) continue;
    let open = true;
    void closed.then(() => (open = false));
    while (open && flooder.pairs < pairs && !until()) {
      for (let i = 0; i < 20; i += 1, flooder.pairs += 1) {
        socket.send(`{"id":"${flooder.pairs}","type":"subscribe","payload":${FLOOD}}`);
        socket.send(`{"id":"${flooder.pairs}","type":"complete"}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    // Its last pairs are on their way: the gateway has the last word.
    const code = await Promise.race([closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), 2000))]);
    if (code === null) socket.terminate();
    else flooder.closes.push(code);
  }
  return flooder;
}

describe('a flood of subscribe/complete pairs on the live feed', () => {
  let graph: TestGraph;
  const clients: FeedClient[] = [];
  const signed = async (title: string) => {
    const { body } = await graph.query(CREATE, { title }, asViewer(secretariat));
    await graph.query(SIGN, { id: body.data.createAgreement.id }, asViewer(secretariat));
  };

  beforeAll(async () => {
    graph = await startGraph();
    for (let i = 0; i < 10; i += 1) await signed(`Acuerdo previo ${i}`);
  });
  afterEach(() => clients.splice(0).forEach((client) => client.close()));
  afterAll(() => graph.stop());

  it('answers subscribes over the rate with RATE_LIMITED and when to retry, keeping the socket and its subscriptions', async () => {
    const client = await FeedClient.connect(graph.url);
    clients.push(client);
    client.subscribe('kept', 'subscription { agreementEvents { id } }');
    for (let i = 0; i < 19; i += 1) {
      client.subscribe(`p${i}`, 'subscription { agreementEvents { id } }');
      client.complete(`p${i}`);
    }
    for (let i = 0; i < 5; i += 1) client.subscribe(`over${i}`, 'subscription { agreementEvents { id } }');
    const refused = await client.waitFor((m) => m.id === 'over0');
    expect(refused.payload).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/Too many subscribe messages/),
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1 },
      }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.messages.filter((m) => m.type === 'error').map((m) => m.id)).toEqual(['over0', 'over1', 'over2', 'over3', 'over4']);
    expect(client.open).toBe(true);
    await signed('Acuerdo tras el límite');
    const event = await client.waitFor((m) => m.id === 'kept' && m.type === 'next');
    expect(event.payload.data.agreementEvents.id).toEqual(expect.any(String));
  });

  it('keeps the live feed and the HTTP endpoint answering while the flooder is refused and closed', async () => {
    const honest = await FeedClient.connect(graph.url, `Bearer ${tokenFor(secretariat)}`);
    clients.push(honest);
    honest.subscribe('h', 'subscription { agreementEvents { id kind agreement { title } } }');
    await new Promise((resolve) => setTimeout(resolve, 300));

    let done = false;
    const flooding = Promise.all(Array.from({ length: 5 }, () => flood(graph.url, 2000, () => done)));
    const probes: { status: number; ms: number }[] = [];
    const probing = (async () => {
      while (!done) {
        const started = Date.now();
        const { status } = await graph.query('{ country(code: "GT") { name } }').catch(() => ({ status: 0 }));
        probes.push({ status, ms: Date.now() - started });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    let flooders: Flooder[];
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await graph.query(CREATE, { title: 'Acuerdo durante la inundación' }, asViewer(secretariat));
      const created = Date.now();
      const event = await honest.waitFor(
        (m) => m.id === 'h' && m.type === 'next' && JSON.stringify(m.payload).includes('inundación'),
        3000,
      );
      expect(event.payload.data.agreementEvents).toMatchObject({ kind: 'CREATED', agreement: { title: 'Acuerdo durante la inundación' } });
      expect(Date.now() - created).toBeLessThan(3000);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    } finally {
      done = true;
      flooders = await flooding;
      await probing;
    }
    expect(probes.length).toBeGreaterThan(5);
    expect(probes.every(({ status }) => status === 200)).toBe(true);
    expect(Math.max(...probes.map(({ ms }) => ms))).toBeLessThan(1000);
    // Refused faster than the refusals can be written: the flooder mostly sees its sockets closed.
    for (const flooder of flooders) expect(flooder.closes).toContain(4429);
    expect(honest.open).toBe(true);
  });
});
