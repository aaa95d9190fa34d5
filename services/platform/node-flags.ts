/**
 * The V8 flags every Enlace process runs with: the launcher (launcher.ts, spawnNode) gives them to each
 * process npm start, the benchmarks and the soak start, and the image's ENTRYPOINT repeats them (the
 * image test, test/deploy/image.test.ts, fails when they differ). They must be given on node's command line: NODE_OPTIONS refuses
 * --min-semi-space-size. A cluster's workers inherit them from the primary.
 *
 * The young generation's semi-spaces are held at V8's own maximum, 16 MB. By default V8 starts them at
 * 1 MB, doubles them under load and halves them when allocation slows: under the soak's steady load
 * that swung a subgraph's RSS by about 25 MB (a fifth of it) back and forth, which both hides a real
 * leak and makes a process's memory impossible to budget. Under load the size is the one V8 reaches
 * anyway. What still moves is the second semi-space, which V8 releases when a process is nearly idle
 * (16 MB; measured on the barely loaded practices subgraph); an idle process keeps the first one.
 */
export const NODE_FLAGS = ['--min-semi-space-size=16', '--max-semi-space-size=16'];
