import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { exampleOperations } from '../../gateway/graphiql';
import { Config } from '../../services/platform/config';
import { NODE_FLAGS } from '../../services/platform/node-flags';
import { projectPath } from '../../services/platform/paths';
import { cleanUp, testConfig } from '../helpers/config';
import { enlaceServices, loadCompose, OPERATOR_VARIABLES } from './compose';
import { AssembledImage, assembleImage } from './image';
import { ImageProcess, startServices } from './processes';
import { requiredPackages } from './requires';

const compose = loadCompose();

/** Whether every folder above `file` lets other users through, so that `nobody` can read it. */
const openToOthers = (file: string): boolean =>
  path.dirname(file) === file || ((fs.statSync(path.dirname(file)).mode & 0o001) !== 0 && openToOthers(path.dirname(file)));

/**
 * The image runs as an unprivileged USER that owns none of its files, so a process writing beside its
 * code fails there. Run as root, this test does the same as `nobody`, when node and the checkout's
 * node_modules (which the image folder links to) are open to it; else as the user running the test.
 */
function unprivilegedUser(image: AssembledImage): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0 || !image.user) return {};
  if (openToOthers(process.execPath) && openToOthers(path.join(fs.realpathSync(projectPath('node_modules')), 'x')))
    return { uid: 65534, gid: 65534 };

  console.warn('image test: node or node_modules is closed to other users; the processes run as root, not as an unprivileged USER.');
  return {};
}

/**
 * What `docker compose up` runs, without Docker: the Dockerfile's runtime stage rebuilt as a folder
 * (test/deploy/image.ts) and every Enlace service of docker-compose.yml started from it with its own
 * command and environment, so a file the image lacks fails here rather than in production. Not
 * reproduced: the base image's Node (this one runs), the MySQL service (SQLite or TEST_DATABASE_URL),
 * and `npm prune`'s exact tree (package-lock.json's dev flags stand in for it; see image.ts).
 */
describe('the production image, assembled from the Dockerfile without Docker', () => {
  let image: AssembledImage;
  beforeAll(() => {
    image = assembleImage();
  }, 120_000);
  afterAll(() => {
    if (image) fs.rmSync(image.root, { recursive: true, force: true });
  });

  it('runs node with the V8 flags of services/platform/node-flags.ts', () => {
    expect(image.entrypoint).toEqual(['node', ...NODE_FLAGS]);
  });

  it('holds every package its processes can require among package.json dependencies, which npm prune keeps', () => {
    const scripts = enlaceServices(compose).map(([, service]) => path.join(image.workdir, (service.command ?? image.cmd).at(-1)!));
    const manifest = JSON.parse(fs.readFileSync(path.join(image.workdir, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const required = requiredPackages(scripts);
    const missing = [...required]
      .filter(([name]) => !(name in manifest.dependencies))
      .map(([name, file]) => `${name} (${path.relative(image.workdir, file)})`);
    expect(missing).toEqual([]);
    expect(required.size).toBeGreaterThan(10);
  });

  describe('its processes, started as docker-compose.yml says', () => {
    let store: Config;
    const processes: ImageProcess[] = [];
    const gateway = () => processes.find((running) => running.env.GATEWAY_PORT)!;

    beforeAll(async () => {
      store = await testConfig();
      const user = unprivilegedUser(image);
      if (user.uid !== undefined) fs.chownSync(store.dataDir, user.uid, user.gid!);
      await startServices(image, compose, store, processes, user);
    }, 300_000);

    afterAll(async () => {
      for (const running of processes)
        if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
      await Promise.all(processes.map((running) => running.exit));
      if (store) await cleanUp(store);
    });

    it('starts every Enlace service of docker-compose.yml, each passing its compose health check', () => {
      expect(processes.map((running) => running.service).sort()).toEqual([
        'accounts',
        'agreements',
        'authorities',
        'gateway',
        'organizations',
        'practices',
        'reports',
        'workplan',
      ]);
      for (const running of processes) {
        // The check runs in the container, where the process listens on its default port.
        const test = running.compose.healthcheck!.test as string[];
        expect(test[0]).toBe('CMD');
        expect(test.join(' ')).toContain(`127.0.0.1:${running.containerPort}/`);
        const [command, ...args] = test
          .slice(1)
          .map((word) => word.replace(`127.0.0.1:${running.containerPort}/`, `127.0.0.1:${running.port}/`));
        const result = spawnSync(command === 'node' ? process.execPath : command, args, {
          cwd: image.workdir,
          env: { PATH: process.env.PATH, ...running.env },
          timeout: 10_000,
        });
        expect({ service: running.service, status: result.status }).toEqual({ service: running.service, status: 0 });
      }
    });

    it('answers every example operation through the gateway, without an error', async () => {
      for (const { file, query } of exampleOperations()) {
        const response = await fetch(`http://127.0.0.1:${gateway().port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
        const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
        expect({ file, errors: body.errors }).toEqual({ file, errors: undefined });
        expect(Object.values(body.data!).every((value) => value !== null)).toBe(true);
      }
    });

    it('serves GraphiQL to a browser, with a tab per example and its scripts from the image', async () => {
      const page = await fetch(`http://127.0.0.1:${gateway().port}/graphql`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      const html = await page.text();
      for (const { query } of exampleOperations()) expect(html).toContain(/^query \w+/.exec(query)![0]);
      const script = await fetch(`http://127.0.0.1:${gateway().port}/graphiql/graphiql.js`);
      expect(script.status).toBe(200);
      expect((await script.text()).length).toBeGreaterThan(100_000);
    });

    it('signs the first Secretariat account in, created from ENLACE_ADMIN_EMAIL and ENLACE_ADMIN_PASSWORD', async () => {
      const response = await fetch(`http://127.0.0.1:${gateway().port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { role } } }',
          variables: { email: OPERATOR_VARIABLES.ENLACE_ADMIN_EMAIL, password: OPERATOR_VARIABLES.ENLACE_ADMIN_PASSWORD },
        }),
      });
      const body = (await response.json()) as { data?: { login: unknown }; errors?: unknown[] };
      expect(body).toEqual({ data: { login: { token: expect.any(String), user: { role: 'SECRETARIAT' } } } });
    });

    it('stops every process on SIGTERM with exit code 0', async () => {
      for (const running of processes) running.child.kill('SIGTERM');
      const exits = await Promise.all(processes.map(async (running) => ({ service: running.service, ...(await running.exit) })));
      expect(exits).toEqual(processes.map((running) => ({ service: running.service, code: 0, signal: null })));
    }, 30_000);
  });
});
