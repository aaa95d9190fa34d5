import http from 'node:http';
import net from 'node:net';
import { GraphQLError } from 'graphql';
import { SUBGRAPHS } from '../../services/platform/config';
import { errorLoggingPlugin } from '../../services/platform/error-logging';
import { LogSampler } from '../../services/platform/log-sampler';
import { createLogger, type Logger } from '../../services/platform/logger';
import { startGraph, TestGraph } from '../helpers/graph';
import { freePort, runMain, type Child } from '../helpers/process';

/** Issue 15, items 4 and 5: a client's bad number or broken request is its own error, and never floods the log. */

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  err?: { stack?: string };
  suppressed?: number;
}

const linesOf = (child: Child): LogLine[] =>
  child
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);

const ERROR = 50;
const WARN = 40;

describe('a number out of range in the query text', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());

  it.each([
    ['a radius', '{ services(filter: { radiusKm: 1e400 }) { totalCount } }'],
    ['a latitude', '{ services(filter: { near: { latitude: 1e400, longitude: -90.5 }, radiusKm: 5 }) { totalCount } }'],
    ['a variable default', 'query ($r: Float = -1e400) { services(filter: { radiusKm: $r }) { totalCount } }'],
  ])('in %s is a 400 BAD_USER_INPUT naming the argument, not an internal error', async (_what, query) => {
    const { status, body } = await graph.query(query);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].message).toMatch(/out of range: -?1e400/);
    expect(body.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('in a variable (JSON allows 1e400) is refused the same way', async () => {
    const response = await fetch(graph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"query ($r: Float) { services(filter: { radiusKm: $r }) { totalCount } }","variables":{"r":1e400}}',
    });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(response.status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a finite radius still answers', async () => {
    const { status, body } = await graph.query(
      '{ services(filter: { near: { latitude: 14.6, longitude: -90.5 }, radiusKm: 5e1 }) { totalCount } }',
    );
    expect(status).toBe(200);
    expect(body.data.services.totalCount).toBeGreaterThan(0);
  });
});

describe("the gateway's log, as a process", () => {
  let graph: TestGraph;
  let broken: http.Server;
  let gateway: Child;
  beforeAll(async () => {
    graph = await startGraph();
    // An authorities subgraph that answers, but nonsense: a list where an object is due.
    broken = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data":{"country":[1,2,3]}}');
    });
    const brokenPort = await freePort();
    await new Promise<void>((resolve) => broken.listen(brokenPort, '127.0.0.1', resolve));
    const urls = Object.fromEntries(SUBGRAPHS.map((name) => [`${name.toUpperCase()}_URL`, graph.subgraphs[name].url]));
    urls.AUTHORITIES_URL = `http://127.0.0.1:${brokenPort}/graphql`;
    gateway = await runMain('gateway/main.ts', { ...urls, GATEWAY_WORKERS: '1' }, 'GATEWAY_PORT');
  }, 90_000);
  afterAll(async () => {
    gateway.process.kill('SIGTERM');
    await gateway.exit;
    await new Promise((resolve) => broken.close(resolve));
    await graph.stop();
  });

  it('logs an error it masks, with the request id the client was given', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ country(code: "GT") { name } }' }),
    });
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0].message).toBe('Internal server error');
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const logged = linesOf(gateway).filter((line) => line.requestId === requestId && line.level === ERROR);
    expect(logged.length).toBeGreaterThan(0);
  });

  it('20,000 connections cut off mid-body would not flood it: a few sampled warns without a stack, and it keeps answering', async () => {
    const port = Number(new URL(gateway.url).port);
    const before = linesOf(gateway).length;
    const cutOff = () =>
      new Promise<void>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":');
          setTimeout(() => socket.destroy(), 5);
        });
        socket.once('close', () => resolve());
        socket.once('error', () => resolve());
      });
    for (let round = 0; round < 10; round += 1) await Promise.all(Array.from({ length: 20 }, cutOff));
    const probe = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ guideline(number: 1) { number } }' }),
    });
    expect(probe.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const written = linesOf(gateway).slice(before);
    expect(written.filter((line) => line.level >= ERROR)).toEqual([]);
    const warned = written.filter((line) => line.msg === 'client went away before the answer');
    expect(warned.length).toBeGreaterThan(0);
    expect(warned.length).toBeLessThanOrEqual(10);
    expect(warned.every((line) => line.level === WARN && line.err === undefined)).toBe(true);
  }, 60_000);
});

describe('LogSampler', () => {
  it('writes a kind of line at most n times a window, then says how many it left out', () => {
    let now = 0;
    const sampler = new LogSampler(createLogger('test', 'silent'), 2, 1000, () => now);
    expect([sampler.take('a'), sampler.take('a'), sampler.take('a'), sampler.take('a'), sampler.take('b')]).toEqual([
      0,
      0,
      undefined,
      undefined,
      0,
    ]);
    now = 1000;
    expect(sampler.take('a')).toBe(2);
    expect(sampler.take('a')).toBe(0);
  });
});

describe('errorLoggingPlugin', () => {
  const logged: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const log = {
    warn: (fields: Record<string, unknown>, message: string) => logged.push({ level: 'warn', fields, message }),
    error: (fields: Record<string, unknown>, message: string) => logged.push({ level: 'error', fields, message }),
  } as unknown as Logger;

  it('logs what it masks at error level with its cause, an outage at warn without a stack, and a client mistake not at all', async () => {
    const hooks = await errorLoggingPlugin(log).requestDidStart!({ contextValue: {} } as never);
    const cause = new Error('a bug');
    await hooks!.didEncounterErrors!({
      contextValue: {},
      errors: [
        new GraphQLError('bad', { extensions: { code: 'BAD_USER_INPUT' } }),
        new GraphQLError('down', { extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'practices' } }),
        new GraphQLError('a bug', { originalError: cause }),
      ],
    } as never);
    expect(logged).toEqual([
      { level: 'warn', fields: { code: 'SUBGRAPH_UNAVAILABLE', service: 'practices', path: undefined }, message: 'service unavailable' },
      { level: 'error', fields: { err: cause, path: undefined }, message: 'internal error' },
    ]);
  });
});
