import cluster from 'node:cluster';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startGatewayCluster, type GatewayCluster } from '../../gateway/cluster';
import { createLogger } from '../../services/platform/logger';

/** A worker that stands in for the gateway: serves its pid on a port all workers share. */
const WORKER = `
const http = require('http');
const server = http.createServer((req, res) => res.end(String(process.pid)));
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
`;

const until = async (check: () => boolean, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const pidAt = (port: number) =>
  new Promise<string>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, agent: false }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });

describe('the gateway cluster (GATEWAY_WORKERS > 1)', () => {
  let dir: string;
  let gateways: GatewayCluster;
  let port = 0;
  const listening = new Set<number>();
  const onMessage = (worker: { id: number }, message: { port?: number }) => {
    port = message.port ?? port;
    listening.add(worker.id);
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-cluster-'));
    fs.writeFileSync(path.join(dir, 'worker.js'), WORKER);
    cluster.on('message', onMessage);
    gateways = startGatewayCluster(2, createLogger('gateway', 'silent'), path.join(dir, 'worker.js'));
  });
  afterAll(async () => {
    await gateways.stop();
    cluster.off('message', onMessage);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves one port from every worker', async () => {
    await until(() => listening.size === 2);
    const pids = new Set<string>();
    for (let i = 0; i < 20 && pids.size < 2; i += 1) pids.add(await pidAt(port));
    expect(pids.size).toBe(2);
  });

  it('starts a new worker when one dies', async () => {
    const [first] = gateways.workers();
    const pid = first.process.pid;
    first.process.kill('SIGKILL');
    await until(() => {
      const pids = gateways
        .workers()
        .filter((worker) => !worker.isDead())
        .map((worker) => worker.process.pid);
      return pids.length === 2 && !pids.includes(pid);
    });
    expect(await pidAt(port)).toMatch(/^\d+$/);
  });

  it('stops every worker', async () => {
    const workers = gateways.workers();
    await gateways.stop();
    expect(workers.every((worker) => worker.isDead())).toBe(true);
  });
});

describe('stopping a gateway cluster whose worker hangs', () => {
  it('kills a worker still running after the grace it was given', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-cluster-'));
    // A worker whose drain never ends: it takes SIGTERM and does nothing.
    fs.writeFileSync(path.join(dir, 'worker.js'), "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000); process.send('up');");
    const up = new Promise<void>((resolve) => cluster.once('message', () => resolve()));
    const hung = startGatewayCluster(1, createLogger('gateway', 'silent'), path.join(dir, 'worker.js'));
    try {
      await up;
      const [worker] = hung.workers();
      const exited = new Promise<string | null>((resolve) => worker.once('exit', (_code, signal) => resolve(signal)));
      const started = Date.now();
      await hung.stop(300);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(await exited).toBe('SIGKILL');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
