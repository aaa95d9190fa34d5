import fs from 'node:fs';

export interface Instruction {
  keyword: string;
  /** The arguments after the keyword and its --flags, continuation lines joined. */
  args: string;
  flags: Record<string, string>;
  line: number;
}

export interface Stage {
  name: string | undefined;
  base: string;
  instructions: Instruction[];
}

/**
 * The stages of a Dockerfile and their instructions, as far as this project's Dockerfile needs:
 * comments, `\` continuations, `--flag=value` options, one stage per FROM. No parser directives, no
 * heredocs, no variable substitution: an instruction using them fails the tests that read it.
 */
export function parseDockerfile(file: string): Stage[] {
  const stages: Stage[] = [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = index + 1;
    let text = lines[index].trim();
    if (text === '' || text.startsWith('#')) continue;
    while (text.endsWith('\\') && index + 1 < lines.length) {
      index += 1;
      const next = lines[index].trim();
      if (!next.startsWith('#')) text = `${text.slice(0, -1).trimEnd()} ${next}`;
    }
    const [, keyword, rest] = /^(\S+)\s*(.*)$/.exec(text)!;
    const flags: Record<string, string> = {};
    let args = rest;
    for (let flag = /^--([\w-]+)=(\S+)\s+/.exec(args); flag; flag = /^--([\w-]+)=(\S+)\s+/.exec(args)) {
      flags[flag[1]] = flag[2];
      args = args.slice(flag[0].length);
    }
    const instruction = { keyword: keyword.toUpperCase(), args, flags, line };
    if (instruction.keyword === 'FROM') {
      const [, base, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args)!;
      stages.push({ name, base, instructions: [] });
    } else {
      if (stages.length === 0) throw new Error(`Dockerfile line ${line}: ${keyword} before any FROM`);
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return stages;
}

/** The words of an exec-form (JSON array) or shell-form argument list. */
export function words(args: string): string[] {
  return args.startsWith('[') ? (JSON.parse(args) as string[]) : args.split(/\s+/).filter(Boolean);
}

/** ENV's `KEY=value ...` pairs (no quotes, no spaces inside a value: enough for this Dockerfile). */
export function envPairs(args: string): Record<string, string> {
  return Object.fromEntries(
    words(args).map((pair) => {
      const at = pair.indexOf('=');
      if (at < 1) throw new Error(`ENV ${args}: only the KEY=value form is read here`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}
