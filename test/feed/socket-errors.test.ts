import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { attachSubscriptions } from '../../gateway/subscriptions/server';
import type { LiveFeed } from '../../gateway/subscriptions/live-feed';
import { FeedClient } from '../helpers/feed-client';
import { testVerifyingKey } from '../helpers/auth';

/** The gateway's WebSocket endpoint alone, logging into `lines`; no subscription is ever opened. */
async function endpoint(lines: { level: number; msg: string; [field: string]: unknown }[]) {
  const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const server = http.createServer();
  const feed = { open: () => Promise.resolve([]) } as unknown as LiveFeed;
  const sockets = attachSubscriptions({ server, path: '/graphql', feed, verifyingKey: testVerifyingKey, log });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    stop: async () => {
      await sockets.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe("a client's broken WebSocket", () => {
  const lines: { level: number; msg: string; [field: string]: unknown }[] = [];
  let running: Awaited<ReturnType<typeof endpoint>>;
  let consoleError: jest.SpyInstance;
  beforeAll(async () => {
    running = await endpoint(lines);
  });
  beforeEach(() => {
    lines.length = 0;
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => consoleError.mockRestore());
  afterAll(() => running.stop());

  it('is closed with 1009 for a message over 256 KB, with a warn line and no stack anywhere', async () => {
    const client = await FeedClient.connect(running.url);
    const query = `subscription { agreementEvents { id } } # ${'x'.repeat(300 * 1024)}`;
    client.subscribe('big', query);
    const { code } = await client.closed;
    expect(code).toBe(1009);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
    expect(lines).toEqual([expect.objectContaining({ level: 40, code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' })]);
    expect(JSON.stringify(lines)).not.toMatch(/stack|at .*\.js:\d+/);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('writes one warn line a second however many clients send one, counting the others', async () => {
    const clients = await Promise.all(Array.from({ length: 5 }, () => FeedClient.connect(running.url)));
    for (const client of clients) client.subscribe('big', `subscription { x } # ${'x'.repeat(300 * 1024)}`);
    const codes = await Promise.all(clients.map(async (client) => (await client.closed).code));
    expect(codes).toEqual([1009, 1009, 1009, 1009, 1009]);
    const logged = lines.length;
    expect(logged).toBeLessThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const late = await FeedClient.connect(running.url);
    late.subscribe('big', `subscription { x } # ${'x'.repeat(300 * 1024)}`);
    await late.closed;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines).toHaveLength(logged + 1);
    expect(lines.at(-1)).toEqual(expect.objectContaining({ level: 40, suppressed: 5 - logged }));
    expect(consoleError).not.toHaveBeenCalled();
  });
});
