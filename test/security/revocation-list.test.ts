import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../services/platform/logger';
import { type Revocation, RevocationList, revocationsOverHttp } from '../../services/platform/revocations';

const KEY = 'a-feed-key-for-this-test-0123456789abcdef';
const HOUR = 3600 * 1000;

/**
 * A stand-in for accounts' GET /revocations answering from `rows` as accounts would (after an id, 1000 at
 * most), or failing with `status` when set; it keeps the query and Authorization of every request.
 */
async function scriptedAccounts() {
  const state = { rows: [] as Revocation[], status: 0, requests: [] as { after: string | null; authorization?: string }[] };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const after = url.searchParams.get('after');
    state.requests.push({ after, authorization: req.headers.authorization });
    if (url.pathname !== '/revocations' || state.status) {
      res.writeHead(state.status || 404).end('{}');
      return;
    }
    const page = state.rows.filter((row) => Number(row.id) > Number(after ?? 0)).slice(0, 1000);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ revocations: page, last: page.length > 0 ? page[page.length - 1].id : (after ?? '0') }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    state,
    source: revocationsOverHttp(() => `http://127.0.0.1:${port}/graphql`, KEY, 2000),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('RevocationList, a verifier copy of the revocation list', () => {
  let accounts: Awaited<ReturnType<typeof scriptedAccounts>>;
  let clock: number;
  const warnings: unknown[][] = [];
  const log = { warn: (...args: unknown[]) => warnings.push(args) } as unknown as Logger;
  const lists: RevocationList[] = [];
  const listOf = (pollMs = 60_000) => {
    const list = new RevocationList(accounts.source, { pollMs, log, now: () => clock });
    lists.push(list);
    return list;
  };
  const row = (id: number, userId: string, at: number): Revocation => ({ id: String(id), userId, at });

  beforeEach(async () => {
    accounts = await scriptedAccounts();
    clock = Date.now();
    warnings.length = 0;
  });
  afterEach(async () => {
    await Promise.all(lists.splice(0).map((list) => list.stop()));
    await accounts.close();
  });

  it('reads every page with the feed key, and refuses the tokens issued up to each user’s latest revocation', async () => {
    accounts.state.rows = Array.from({ length: 1500 }, (_, i) => row(i + 1, `user-${i % 700}`, clock - 10 * HOUR + i));
    const list = listOf();
    await list.poll();
    expect(accounts.state.requests.map((request) => request.after)).toEqual(['0', '1000']);
    expect(accounts.state.requests.every((request) => request.authorization === `FeedKey ${KEY}`)).toBe(true);
    // user-0 was revoked at rows 1, 701 and 1401: the latest counts.
    const latest = clock - 10 * HOUR + 1400;
    expect(list.revoked('user-0', latest)).toBe(true);
    expect(list.revoked('user-0', latest + 1)).toBe(false);
    expect(list.revoked('someone-else', 0)).toBe(false);
  });

  it('asks only for what is new once caught up, reading the last minutes again (a late commit may hold a lower id)', async () => {
    accounts.state.rows = [row(1, 'old', clock - HOUR), row(3, 'recent', clock - 1000)];
    const list = listOf();
    await list.poll();
    accounts.state.requests.length = 0;
    // Id 2 was handed out before 3 but committed after it was read.
    accounts.state.rows.splice(1, 0, row(2, 'late', clock - 900));
    await list.poll();
    expect(accounts.state.requests.map((request) => request.after)).toEqual(['1']);
    expect(list.revoked('late', clock - 900)).toBe(true);
  });

  it('keeps the list when a poll fails, warns once a minute however often it fails, and catches up when accounts is back', async () => {
    accounts.state.rows = [row(1, 'revoked', clock - 1000)];
    const list = listOf(10);
    list.start();
    await waitFor(() => list.revoked('revoked', clock - 1000));
    accounts.state.status = 503;
    const failedFrom = accounts.state.requests.length;
    await waitFor(() => accounts.state.requests.length >= failedFrom + 5);
    expect(list.revoked('revoked', clock - 1000)).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0][1]).toBe('could not read the revocation list; keeping the last one');
    accounts.state.status = 0;
    accounts.state.rows.push(row(2, 'later', clock - 500));
    await waitFor(() => list.revoked('later', clock - 500));
  });

  it('forgets a revocation once older than the longest token (24 hours)', async () => {
    accounts.state.rows = [row(1, 'user', clock - 1000)];
    const list = listOf();
    await list.poll();
    expect(list.revoked('user', clock - 2000)).toBe(true);
    clock += 24 * HOUR;
    await list.poll();
    expect(list.revoked('user', clock - 2000)).toBe(false);
  });

  it('revokes nothing before its first poll, and asks no more once stopped', async () => {
    accounts.state.rows = [row(1, 'user', clock)];
    const list = listOf(10);
    expect(list.revoked('user', 0)).toBe(false);
    list.start();
    await list.stop();
    const asked = accounts.state.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(accounts.state.requests.length).toBe(asked);
  });
});

async function waitFor(check: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
