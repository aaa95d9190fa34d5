import { ChildProcess, spawn } from 'node:child_process';
import { Config, loadConfig, SUBGRAPHS, SubgraphName } from '../../services/platform/config';
import { freePort } from '../helpers/process';
import { ComposeFile, ComposeService, enlaceServices } from './compose';
import { AssembledImage } from './image';

export interface ImageProcess {
  service: string;
  compose: ComposeService;
  env: Record<string, string>;
  /** The port it listens on here, and the one it would listen on in its container. */
  port: number;
  containerPort: number;
  child: ChildProcess;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
}

/** The variable that moves a process off its default port, from the script docker-compose.yml runs. */
function portVariable(script: string): { variable: string; port: (config: Config) => number } {
  if (script === 'dist/gateway/main.js') return { variable: 'GATEWAY_PORT', port: (config) => config.gatewayPort };
  const name = /^dist\/services\/(\w+)\/main\.js$/.exec(script)?.[1] as SubgraphName | undefined;
  if (!name || !SUBGRAPHS.includes(name)) throw new Error(`docker-compose.yml runs ${script}: on which port does it listen?`);
  return { variable: `${name.toUpperCase()}_PORT`, port: (config) => config.ports[name] };
}

/**
 * A service's environment as its container has it (the image's ENV, then compose's), moved onto this
 * machine: other Enlace services by name become 127.0.0.1 and their ports here, the MySQL service
 * becomes the test database (TEST_DATABASE_URL) or, without one, SQLite under the test's DATA_DIR.
 */
function hostEnv(
  image: AssembledImage,
  file: ComposeFile,
  name: string,
  ports: Map<string, number>,
  store: Config,
): Record<string, string> {
  const env: Record<string, string> = { ...image.env, ...file.services[name].environment };
  for (const [key, value] of Object.entries(env)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      continue;
    }
    const host = url.hostname;
    if (!(host in file.services)) continue;
    if (ports.has(host)) {
      url.hostname = '127.0.0.1';
      url.port = String(ports.get(host));
      env[key] = url.toString();
    } else if (store.databaseUrl) {
      env[key] = store.databaseUrl;
      env.DATABASE_PREFIX = store.databasePrefix;
    } else delete env[key];
  }
  env.DATA_DIR = store.dataDir;
  return env;
}

async function waitReady(running: ImageProcess, deadline: number): Promise<void> {
  for (;;) {
    if (running.child.exitCode !== null) throw new Error(`${running.service} exited early:\n${running.output()}`);
    const ready = await fetch(`http://127.0.0.1:${running.port}/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`${running.service} not ready in time:\n${running.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Starts every Enlace service of docker-compose.yml from the assembled image, each once those it
 * depends on answer /ready (compose waits for their health checks), as `<ENTRYPOINT> <command>`.
 * `started` receives each process as soon as it is spawned, so the caller can stop it whatever happens.
 */
export async function startServices(
  image: AssembledImage,
  file: ComposeFile,
  store: Config,
  started: ImageProcess[],
  user: { uid?: number; gid?: number },
): Promise<void> {
  const services = enlaceServices(file);
  const ports = new Map<string, number>();
  for (const [name] of services) ports.set(name, await freePort());
  const pending = new Map(services);
  const deadline = Date.now() + 180_000;
  while (pending.size > 0) {
    const wave = [...pending].filter(([, service]) => {
      const dependencies = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
      return dependencies.every((dependency: string) => !pending.has(dependency));
    });
    if (wave.length === 0) throw new Error(`docker-compose.yml: circular depends_on among ${[...pending.keys()].join(', ')}`);
    const processes = wave.map(([name, compose]) => {
      const script = compose.command ?? image.cmd;
      const { variable, port } = portVariable(script[script.length - 1]);
      const env = hostEnv(image, file, name, ports, store);
      const containerPort = port(loadConfig(env));
      env[variable] = String(ports.get(name));
      const child = spawn(process.execPath, [...image.entrypoint.slice(1), ...script], {
        cwd: image.workdir,
        env: { PATH: process.env.PATH, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
        ...user,
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.once('exit', (code, signal) => resolve({ code, signal })),
      );
      const running: ImageProcess = {
        service: name,
        compose,
        env,
        port: ports.get(name)!,
        containerPort,
        child,
        exit,
        output: () => output,
      };
      started.push(running);
      return running;
    });
    await Promise.all(processes.map((running) => waitReady(running, deadline)));
    for (const [name] of wave) pending.delete(name);
  }
}
