import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { flag, listOf, parseOptions, text, wholeNumber } from '../../scripts/options';

const ROOT = path.join(__dirname, '..', '..');
const SPEC = {
  duration: wholeNumber('seconds of load', 10, 1),
  workers: wholeNumber('gateway workers', undefined, 1, 256),
  only: listOf('scenarios', ['S1', 'S2', 'S3'] as const, ['S1', 'S2', 'S3']),
  mysql: flag('MySQL instead of SQLite'),
  out: text('a file for the table', 'FILE'),
};

class Exit extends Error {
  constructor(readonly code: number | undefined) {
    super(`exit ${code}`);
  }
}

/** parseOptions on `args`, with what it printed and the code it exited with, if it did. */
function run(args: string[], usage = { command: 'npm run bench --' }) {
  const printed: string[] = [];
  const spies = [
    jest.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      throw new Exit(code);
    }) as never),
    jest.spyOn(console, 'error').mockImplementation((line: string) => void printed.push(line)),
    jest.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line)),
  ];
  try {
    return { values: parseOptions(usage, SPEC, args), exit: undefined, printed: printed.join('\n') };
  } catch (error) {
    if (!(error instanceof Exit)) throw error;
    return { values: undefined, exit: error.code, printed: printed.join('\n') };
  } finally {
    spies.forEach((spy) => spy.mockRestore());
  }
}

describe("the scripts' options", () => {
  describe('read well', () => {
    it('gives each default when no option is given', () => {
      expect(run([]).values).toEqual({
        duration: 10,
        workers: undefined,
        only: ['S1', 'S2', 'S3'],
        mysql: false,
        out: undefined,
        positionals: [],
      });
    });

    it('reads values given as `--name value` and `--name=value`', () => {
      const { values } = run(['--duration', '3', '--workers=2', '--only', 'S1,S3', '--mysql', '--out', 'table.md']);
      expect(values).toMatchObject({ duration: 3, workers: 2, only: ['S1', 'S3'], mysql: true, out: 'table.md' });
    });

    it('prints every option with what it takes and its default on --help, and exits with 0', () => {
      const { exit, printed } = run(['--help']);
      expect(exit).toBe(0);
      expect(printed).toMatch(/Usage: npm run bench -- \[options\]/);
      expect(printed).toMatch(/--duration N +seconds of load: a whole number of at least 1, default 10/);
      expect(printed).toMatch(/--only LIST +scenarios: a comma-separated list of S1, S2, S3, default S1,S2,S3/);
      expect(printed).toMatch(/--mysql +MySQL instead of SQLite/);
    });
  });

  describe('stop the script with 2, saying what the option takes', () => {
    it.each([
      [['--duration', '0'], '--duration takes a whole number of at least 1, not 0'],
      [['--duration', '2.5'], '--duration takes a whole number of at least 1, not 2.5'],
      [['--duration', 'ten'], '--duration takes a whole number of at least 1, not ten'],
      [['--duration'], '--duration takes a whole number of at least 1, not nothing'],
      [['--duration', '--mysql'], '--duration takes a whole number of at least 1, not --mysql'],
      [['--workers', '300'], '--workers takes a whole number of at least 1 and at most 256, not 300'],
      [['--only', 'S1,S9'], '--only takes a comma-separated list of S1, S2, S3, not S1,S9'],
      [['--mysql=yes'], '--mysql takes no value'],
    ])('%j', (args, message) => {
      const { exit, printed } = run(args);
      expect(exit).toBe(2);
      expect(printed).toContain(message);
    });

    it('lists the options after an unknown one', () => {
      const { exit, printed } = run(['--durations', '3']);
      expect(exit).toBe(2);
      expect(printed).toMatch(/Unknown option '--durations'/);
      expect(printed).toMatch(/--duration N/);
    });

    it('refuses arguments besides the options, unless the script takes some', () => {
      expect(run(['extra']).exit).toBe(2);
      const usage = { command: 'npm run extract-workplan --', positionals: { usage: '[directory]', help: 'a directory', max: 1 } };
      expect(run(['data'], usage).values?.positionals).toEqual(['data']);
      expect(run(['one', 'two'], usage).exit).toBe(2);
    });
  });

  it('stop the soak before it seeds anything', () => {
    const soak = spawnSync(
      process.execPath,
      ['-r', path.join(ROOT, 'test/helpers/ts-register.js'), path.join(ROOT, 'scripts/soak.ts'), '--scale', '0'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(soak.status).toBe(2);
    expect(soak.stderr).toContain('--scale takes a whole number of at least 1, not 0');
    expect(soak.stdout).not.toMatch(/Seeding/);
  });
});
