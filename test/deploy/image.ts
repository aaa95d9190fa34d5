import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectPath } from '../../services/platform/paths';
import { dockerIgnore } from './dockerignore';
import { envPairs, Instruction, parseDockerfile, Stage, words } from './dockerfile';

/** The runtime stage of the Dockerfile as folders on this machine, and what a container of it runs with. */
export interface AssembledImage {
  /** Remove it when done: one folder per stage, each standing for that stage's filesystem root. */
  root: string;
  /** The runtime stage's WORKDIR: a process of the image runs from here. */
  workdir: string;
  env: Record<string, string>;
  entrypoint: string[];
  cmd: string[];
  user: string | undefined;
}

interface StageState {
  root: string;
  workdir: string;
  env: Record<string, string>;
  entrypoint: string[];
  cmd: string[];
  user: string | undefined;
}

const CONTEXT = projectPath();

/** Copies as COPY does: a folder's content into `dest`, a file into `dest` or, when it ends with /, under it. */
function copy(source: string, dest: string, filter?: (source: string) => boolean): void {
  if (!fs.existsSync(source)) throw new Error(`COPY: ${source} does not exist`);
  const target = fs.statSync(source).isFile() && dest.endsWith('/') ? path.join(dest, path.basename(source)) : dest;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.cpSync(source, target, { recursive: true, verbatimSymlinks: true, filter });
}

/**
 * `npm prune --omit=dev` offline: a node_modules of symbolic links to the checkout's packages, only
 * those package-lock.json does not mark `dev` (what prune removes), so that a process requiring a
 * devDependency fails here as in the image. A linked package's own requires resolve in the checkout's
 * full node_modules, where every one of its production dependencies is too.
 */
function pruneDevDependencies(workdir: string): void {
  const modules = path.join(workdir, 'node_modules');
  const installed = fs.realpathSync(modules);
  const lock = JSON.parse(fs.readFileSync(path.join(workdir, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean }>;
  };
  fs.rmSync(modules, { recursive: true });
  for (const [key, entry] of Object.entries(lock.packages)) {
    const name = /^node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(key)?.[1];
    if (!name || entry.dev || !fs.existsSync(path.join(installed, name))) continue;
    fs.mkdirSync(path.dirname(path.join(modules, name)), { recursive: true });
    fs.symlinkSync(path.join(installed, name), path.join(modules, name), 'dir');
  }
}

/** The RUN steps this test knows how to reproduce; any other fails it rather than be skipped. */
function run(command: string, state: StageState, instruction: Instruction): void {
  for (const step of command.split('&&').map((part) => part.trim())) {
    // System packages to compile native modules: the checkout's node_modules holds them compiled.
    if (/^apt-get\b/.test(step) || step === 'rm -rf /var/lib/apt/lists/*') continue;
    if (/^npm ci\b/.test(step)) {
      // npm ci installs what package-lock.json lists, which the checkout has installed (dev included).
      for (const file of ['package.json', 'package-lock.json']) {
        if (!fs.existsSync(path.join(state.workdir, file))) throw new Error(`Dockerfile line ${instruction.line}: npm ci without ${file}`);
      }
      fs.symlinkSync(fs.realpathSync(projectPath('node_modules')), path.join(state.workdir, 'node_modules'), 'dir');
    } else if (step === 'npm run build') {
      const result = spawnSync('npm', ['run', 'build'], { cwd: state.workdir, encoding: 'utf8' });
      if (result.status !== 0)
        throw new Error(`Dockerfile line ${instruction.line}: npm run build failed:\n${result.stdout}${result.stderr}`);
    } else if (step === 'npm prune --omit=dev') {
      pruneDevDependencies(state.workdir);
    } else {
      throw new Error(`Dockerfile line ${instruction.line}: test/deploy/image.ts cannot reproduce "RUN ${step}"; teach it`);
    }
  }
}

function buildStage(stage: Stage, stages: Stage[], built: Map<string, StageState>, root: string): StageState {
  const state: StageState = {
    root: path.join(root, stage.name ?? `stage-${stages.indexOf(stage)}`),
    workdir: '',
    env: {},
    entrypoint: [],
    cmd: [],
    user: undefined,
  };
  state.workdir = state.root;
  fs.mkdirSync(state.root);
  const ignored = dockerIgnore(CONTEXT);
  const inStage = (at: string, file: string) => path.join(at, file.startsWith('/') ? path.relative('/', file) : file);
  for (const instruction of stage.instructions) {
    const { keyword, args, flags } = instruction;
    if (keyword === 'WORKDIR') {
      state.workdir = inStage(state.root, args);
      fs.mkdirSync(state.workdir, { recursive: true });
    } else if (keyword === 'COPY') {
      const parts = words(args);
      const dest = parts.pop()!;
      const into = inStage(state.workdir, dest) + (dest.endsWith('/') || dest === '.' ? '/' : '');
      const from = flags.from ? fromStage(flags.from, stages, built, root) : undefined;
      for (const source of parts) {
        if (from) copy(inStage(from.root, source), into);
        else if (ignored(path.posix.normalize(source)))
          throw new Error(`Dockerfile line ${instruction.line}: .dockerignore leaves out ${source}`);
        else copy(path.join(CONTEXT, source), into, (file) => !ignored(path.relative(CONTEXT, file).split(path.sep).join('/')));
      }
    } else if (keyword === 'RUN') run(args, state, instruction);
    else if (keyword === 'ENV') Object.assign(state.env, envPairs(args));
    else if (keyword === 'USER') state.user = args;
    else if (keyword === 'ENTRYPOINT') state.entrypoint = words(args);
    else if (keyword === 'CMD') state.cmd = words(args);
    else throw new Error(`Dockerfile line ${instruction.line}: test/deploy/image.ts does not know ${keyword}; teach it`);
  }
  return state;
}

function fromStage(name: string, stages: Stage[], built: Map<string, StageState>, root: string): StageState {
  const stage = stages.find((candidate) => candidate.name === name);
  if (!stage) throw new Error(`Dockerfile: COPY --from=${name}, but no stage is named so`);
  if (!built.has(name)) built.set(name, buildStage(stage, stages, built, root));
  return built.get(name)!;
}

/**
 * Builds the Dockerfile's last stage without Docker: its COPY lines from the build context (honouring
 * .dockerignore) or from the stages they name, rebuilt the same way (npm ci, npm run build, npm prune).
 */
export function assembleImage(): AssembledImage {
  const stages = parseDockerfile(projectPath('Dockerfile'));
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-image-'));
  fs.chmodSync(root, 0o755); // the image's files are readable by its unprivileged USER
  const runtime = buildStage(stages[stages.length - 1], stages, new Map(), root);
  return { root, workdir: runtime.workdir, env: runtime.env, entrypoint: runtime.entrypoint, cmd: runtime.cmd, user: runtime.user };
}
