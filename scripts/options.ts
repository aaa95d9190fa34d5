import { parseArgs } from 'node:util';

/**
 * The command-line options of a script, read with node:util's parseArgs and checked before the script
 * does anything: an unknown option, a missing value or a bad one prints what the option takes and exits
 * with 2; --help prints the options and exits with 0.
 */
export interface Option<T> {
  type: 'string' | 'boolean';
  /** The value's placeholder in --help: N, LIST, FILE. */
  placeholder?: string;
  /** What the option takes, said in --help and on a bad value: "a whole number of at least 1". */
  takes: string;
  help: string;
  /** The checked value; throws an OptionError on a bad one. */
  read: (raw: string | boolean | undefined) => T;
  /** The default, as --help shows it. */
  shown?: string;
}

export class OptionError extends Error {}

/** A switch: true when given. */
export function flag(help: string): Option<boolean> {
  return { type: 'boolean', takes: 'no value', help, read: (raw) => raw === true };
}

/** A whole number in [min, max]; `fallback` when not given (undefined: none). */
export function wholeNumber<F extends number | undefined>(help: string, fallback: F, min: number, max?: number): Option<number | F> {
  const takes = `a whole number of at least ${min}${max === undefined ? '' : ` and at most ${max}`}`;
  return {
    type: 'string',
    placeholder: 'N',
    takes,
    help,
    shown: fallback === undefined ? undefined : String(fallback),
    read: (raw) => {
      if (raw === undefined) return fallback;
      const value = /^-?\d+$/.test(String(raw)) ? Number(raw) : NaN;
      if (!Number.isSafeInteger(value) || value < min || (max !== undefined && value > max))
        throw new OptionError(`takes ${takes}, not ${raw || 'nothing'}`);
      return value;
    },
  };
}

/** A comma-separated list of some of `choices`. */
export function listOf<C extends string>(help: string, choices: readonly C[], fallback: readonly C[]): Option<C[]> {
  const takes = `a comma-separated list of ${choices.join(', ')}`;
  return {
    type: 'string',
    placeholder: 'LIST',
    takes,
    help,
    shown: fallback.join(','),
    read: (raw) => {
      if (raw === undefined) return [...fallback];
      const items = String(raw)
        .split(',')
        .map((item) => item.trim());
      const unknown = items.filter((item) => !(choices as readonly string[]).includes(item));
      if (unknown.length > 0) throw new OptionError(`takes ${takes}, not ${raw || 'nothing'}`);
      return items as C[];
    },
  };
}

/** Any text but none (a file name); undefined when not given. */
export function text(help: string, placeholder = 'TEXT'): Option<string | undefined> {
  return {
    type: 'string',
    placeholder,
    takes: `a ${placeholder.toLowerCase()}`,
    help,
    read: (raw) => {
      if (raw === '') throw new OptionError(`takes a ${placeholder.toLowerCase()}, not nothing`);
      return raw === undefined ? undefined : String(raw);
    },
  };
}

type Values<S extends Record<string, Option<unknown>>> = { [K in keyof S]: S[K] extends Option<infer T> ? T : never };

export interface Usage {
  /** The command, as a user types it: `npm run soak --`. */
  command: string;
  /** The arguments besides the options (`[directory]`, what it is, how many at most); none by default. */
  positionals?: { usage: string; help: string; max: number };
}

function helpText(usage: Usage, spec: Record<string, Option<unknown>>): string {
  const rows = Object.entries(spec).map(([name, option]) => {
    const left = `--${name}${option.placeholder ? ` ${option.placeholder}` : ''}`;
    const details =
      option.type === 'boolean' || option.placeholder === 'FILE'
        ? ''
        : `: ${option.takes}${option.shown === undefined ? '' : `, default ${option.shown}`}`;
    return [left, `${option.help}${details}`];
  });
  rows.push(['--help', 'prints these options']);
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return [
    `Usage: ${usage.command} [options]${usage.positionals ? ` ${usage.positionals.usage}` : ''}`,
    ...(usage.positionals ? ['', `${usage.positionals.usage}: ${usage.positionals.help}`] : []),
    '',
    'Options:',
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`),
  ].join('\n');
}

/**
 * What went wrong, from parseArgs's error: a known option's missing or unwanted value in the words of
 * its own `takes`; anything else (an unknown option, an argument) as parseArgs says it, with the list.
 */
function describe(
  error: Error & { code?: string },
  spec: Record<string, Option<unknown>>,
  args: string[],
): { message: string; listOptions: boolean } {
  const name = /'--?([A-Za-z0-9-]+)/.exec(error.message)?.[1];
  const option = name === undefined ? undefined : spec[name];
  if (error.code !== 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' || !option) return { message: error.message, listOptions: true };
  if (option.type === 'boolean') return { message: `--${name} takes no value`, listOptions: false };
  const given = args[args.findIndex((arg) => arg === `--${name}`) + 1];
  return { message: `--${name} takes ${option.takes}, not ${given ?? 'nothing'}`, listOptions: false };
}

/**
 * Reads `args` (this process's, by default) against `spec`; returns each option's checked value, and the
 * positional arguments when `usage` allows some. Exits with 2 on anything it cannot read, with 0 after --help.
 */
export function parseOptions<S extends Record<string, Option<unknown>>>(
  usage: Usage,
  spec: S,
  args: string[] = process.argv.slice(2),
): Values<S> & { positionals: string[] } {
  const fail = (message: string, listOptions: boolean): never => {
    console.error(listOptions ? `${message}\n\n${helpText(usage, spec)}` : `${message} (--help lists the options)`);
    process.exit(2);
  };
  const options = Object.fromEntries(Object.entries(spec).map(([name, option]) => [name, { type: option.type }]));
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: usage.positionals !== undefined,
    });
  } catch (error) {
    const { message, listOptions } = describe(error as Error, spec, args);
    return fail(message, listOptions);
  }
  if (parsed.values.help) {
    console.log(helpText(usage, spec));
    process.exit(0);
  }
  const max = usage.positionals?.max ?? 0;
  if (parsed.positionals.length > max)
    fail(`Takes at most ${max} argument${max === 1 ? '' : 's'} besides the options, not ${parsed.positionals.length}`, true);
  const values: Record<string, unknown> = { positionals: parsed.positionals };
  for (const [name, option] of Object.entries(spec)) {
    try {
      values[name] = option.read(parsed.values[name] as string | boolean | undefined);
    } catch (error) {
      if (!(error instanceof OptionError)) throw error;
      fail(`--${name} ${error.message}`, false);
    }
  }
  return values as Values<S> & { positionals: string[] };
}
