import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FeedEndpoints, FeedRefused, FeedUnavailable } from '../../gateway/subscriptions/endpoints';

/** A stand-in subgraph whose feed routes answer from a script, one answer per call. */
async function scriptedSubgraph(answers: { status: number; body: unknown }[]) {
  const calls: { url: string; authorization?: string; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      calls.push({ url: req.url ?? '', authorization: req.headers.authorization, body });
      const answer = answers.shift() ?? { status: 500, body: {} };
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return { url, calls, close: () => new Promise((resolve) => server.close(resolve)) };
}

const CALL = { query: 'subscription { things { id } }', variables: {} };

describe("the gateway's client of the feed protocol", () => {
  it('asks for events again when the subgraph could not answer for a moment', async () => {
    const subgraph = await scriptedSubgraph([
      { status: 503, body: { errors: [{ message: 'restarting' }] } },
      { status: 200, body: { events: [{ id: '42', data: { things: { id: 'a' } } }], last: '57' } },
    ]);
    try {
      const endpoints = new FeedEndpoints({ things: subgraph.url }, 'FeedKey feed', 1000);
      const page = await endpoints.events('things', 'things', CALL, 'Bearer user', 41, 57);
      expect(page).toEqual({ events: [{ id: 42, data: { things: { id: 'a' } } }], last: 57 });
      expect(subgraph.calls.map((call) => call.url)).toEqual(['/feeds/things/events', '/feeds/things/events']);
      expect(subgraph.calls[1].authorization).toBe('Bearer user');
      expect(JSON.parse(subgraph.calls[1].body)).toEqual({ ...CALL, after: '41', until: '57' });
    } finally {
      await subgraph.close();
    }
  });

  it("passes on a refusal at once, with the subgraph's errors, and gives up on a subgraph that stays down", async () => {
    const errors = [{ message: 'The token is not valid (expired); sign in again.', extensions: { code: 'UNAUTHENTICATED' } }];
    const subgraph = await scriptedSubgraph([
      { status: 401, body: { errors } },
      { status: 401, body: { errors } },
    ]);
    try {
      const endpoints = new FeedEndpoints({ things: subgraph.url }, 'FeedKey feed', 1000);
      await expect(endpoints.events('things', 'things', CALL, 'Bearer old', 0, 1)).rejects.toThrow(FeedRefused);
      await expect(endpoints.events('things', 'things', CALL, 'Bearer old', 0, 1).catch((error) => error.errors)).resolves.toEqual(errors);
      expect(subgraph.calls).toHaveLength(2);
      await expect(endpoints.events('things', 'things', CALL, null, 0, 1)).rejects.toBeInstanceOf(FeedUnavailable);
      expect(subgraph.calls).toHaveLength(6);
    } finally {
      await subgraph.close();
    }
  });

  it('reads the head with the feed key, next to the GraphQL path', async () => {
    const subgraph = await scriptedSubgraph([{ status: 200, body: { head: '7' } }]);
    try {
      const endpoints = new FeedEndpoints({ things: subgraph.url }, 'FeedKey feed', 1000);
      expect(await endpoints.head('things', 'things')).toBe(7);
      expect(subgraph.calls[0]).toMatchObject({ url: '/feeds/things/head', authorization: 'FeedKey feed' });
    } finally {
      await subgraph.close();
    }
  });
});
