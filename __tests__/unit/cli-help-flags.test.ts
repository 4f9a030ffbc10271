// Each command's --help names every flag the command takes, and every flag its help, docs/cli.md and
// the README give a command is one that command takes. What a command takes is asked of the command
// itself: a flag it does not know is "Unknown option '--NAME'" from its argument parsing (exit 2,
// before any work), any other answer means it knows the flag.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GLOBAL_OPTIONS } from '../../src/cli/args.js';
import { DEFAULT_CONFIG_FILES } from '../../src/config/load.js';
import { COMMANDS } from '../../src/cli/main.js';
import type { Command } from '../../src/cli/commands/types.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { captureIo } from '../helpers/fakes.js';

const read = (rel: string) => readFileSync(path.join(REPO_ROOT, rel), 'utf8');
const FLAG = /(?<![\w-])--([a-z][a-z0-9-]*)/g;
const flagsIn = (text: string) => [...new Set([...text.matchAll(FLAG)].map((m) => m[1]!))];

/**
 * Flags a command's help names that are another program's (pip, docker, srun, torchrun, cosign) or
 * another command's, each with where it stands.
 */
const FOREIGN: Record<string, readonly string[]> = {
  validate: ['find-links'], // pip's, in a requirements file
  resolve: ['trusted-host', 'filter', 'hash'], // pip's; docker volume ls --filter
  smoke: ['standalone'], // torchrun --standalone
  export: ['container-image', 'exclusive', 'mem'], // srun's (Pyxis), sbatch's
  collect: ['results', 'stages', 'tail', 'prefix', 'timestamps', 'from'], // report's, run's, kubectl logs', export's
  devcontainer: ['shm-size', 'gpus'], // docker run's, in runArgs and from the Dev Containers CLI
  verify: ['type', 'verify'], // cosign verify-attestation --type; export --verify
};

/** Flags a command takes only to refuse them, said where it refuses them (export --verify: not --platform). */
const REFUSED_ONLY: Record<string, readonly string[]> = {
  export: ['platform'],
};

/** Every option name declared anywhere under src/ (`name: { type: ... }`), the flags to ask about. */
function declaredOptionNames(): string[] {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts'))
        for (const m of readFileSync(p, 'utf8').matchAll(
          /['"]?([a-z][a-z0-9-]*)['"]?: \{ type: '(?:string|boolean)'/g,
        ))
          names.add(m[1]!);
    }
  };
  walk(path.join(REPO_ROOT, 'src'));
  return [...names];
}

const DECLARED = declaredOptionNames();

let dir: string;
let commands: Command[];
const takes = new Map<string, Set<string>>();
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-help-flags-'));
  commands = await Promise.all(COMMANDS.map((c) => c.load()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Whether COMMAND takes --NAME: refused as unknown, or refused for anything else. */
async function knows(command: Command, name: string): Promise<boolean> {
  // A value the flag may not take (a boolean), then an unknown flag: the parsing always refuses,
  // and names --NAME first when it does not know it.
  const err = await command.run([`--${name}=probe`, '--no-such-flag-probe'], captureIo(dir)).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(err, `${command.name} --${name}=probe --no-such-flag-probe ran`).toBeInstanceOf(Error);
  return !err!.message.includes(`Unknown option '--${name}'`);
}

async function flagsOf(command: Command): Promise<Set<string>> {
  let set = takes.get(command.name);
  if (set) return set;
  set = new Set<string>();
  const candidates = new Set([...DECLARED, ...flagsIn(`${command.usage}\n${command.help}`)]);
  for (const name of candidates) if (await knows(command, name)) set.add(name);
  takes.set(command.name, set);
  return set;
}

describe('the way of asking a command what it takes', () => {
  it('tells a flag it takes from one it does not (it is real)', async () => {
    const plan = commands.find((c) => c.name === 'plan')!;
    expect(await knows(plan, 'config')).toBe(true); // a string flag
    expect(await knows(plan, 'json')).toBe(true); // a boolean one
    expect(await knows(plan, 'suites')).toBe(false);
  });

  it("finds every command's flags among the names declared under src/", async () => {
    const smoke = await flagsOf(commands.find((c) => c.name === 'smoke')!);
    expect([...smoke].sort()).toEqual(
      [
        ...Object.keys(GLOBAL_OPTIONS),
        'image',
        'suites',
        'gpus',
        'require-gpu',
        'platform',
        'config',
        'variant',
        'timeout',
      ].sort(),
    );
  });
});

describe.each(COMMANDS.map((c) => c.name))('ml-image %s', (name) => {
  const command = () => commands.find((c) => c.name === name)!;

  it('--help names every flag it takes (the global --json, --out, --verbose, --help: the main help)', async () => {
    const c = command();
    const named = flagsIn(`${c.usage}\n${c.help}`);
    const unnamed = [...(await flagsOf(c))].filter((f) => !(f in GLOBAL_OPTIONS) && !named.includes(f));
    expect(unnamed).toEqual([]);
  });

  it('--help describes every flag of its own on an option line (not in its usage line alone)', async () => {
    const c = command();
    // Option lines: those that start with a flag (several on one line too: --partition P, --account A).
    const lines = c.help.split('\n').filter((l) => /^\s+--/.test(l));
    const described = new Set(lines.flatMap(flagsIn));
    const undescribed = [...(await flagsOf(c))].filter(
      (f) => !(f in GLOBAL_OPTIONS) && !described.has(f) && !(REFUSED_ONLY[name] ?? []).includes(f),
    );
    expect(undescribed).toEqual([]);
  });

  it('takes every flag its --help names (but for the other programs it names)', async () => {
    const c = command();
    const takes = await flagsOf(c);
    const foreign = FOREIGN[name] ?? [];
    const named = flagsIn(`${c.usage}\n${c.help}`);
    expect(named.filter((f) => !takes.has(f) && !foreign.includes(f))).toEqual([]);
    // Each foreign flag is still named, and is not one the command takes.
    for (const f of foreign) {
      expect(named, `--${f}`).toContain(f);
      expect(takes.has(f), `--${f}`).toBe(false);
    }
  });

  it('--help names each file --config defaults to (ml-image.yml, ml-image.yaml), where it says a default', () => {
    // The option's line and the lines under it, up to the next option.
    const c = command();
    const option = /^ {2}--config FILE.*(?:\n {6,}\S.*)*/m.exec(c.help)?.[0] ?? '';
    if (!option.includes('(default')) return; // smoke's and export's read only the file given
    expect(DEFAULT_CONFIG_FILES.filter((f) => !option.includes(f))).toEqual([]);
  });

  it('takes every flag docs/cli.md and the README give it (`ml-image NAME ...`, `NAME --FLAG`)', async () => {
    const takes = await flagsOf(command());
    const given: string[] = [];
    for (const text of [read('docs/cli.md'), read('README.md')]) {
      // A command line up to its comment, the end of its code span or table cell.
      for (const m of text.matchAll(new RegExp(`ml-image ${name}\\b[^\\n\`#|]*`, 'g')))
        for (const f of flagsIn(m[0])) if (!takes.has(f)) given.push(`--${f} (${m[0].trim()})`);
      for (const m of text.matchAll(new RegExp(`\`${name} --([a-z][a-z0-9-]*)`, 'g')))
        if (!takes.has(m[1]!)) given.push(`--${m[1]} (\`${name} --${m[1]}\`)`);
    }
    expect(given).toEqual([]);
  });
});
