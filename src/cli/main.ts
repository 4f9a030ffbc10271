// `ml-image`: dispatch to a subcommand, map errors to the exit-code contract, no stack traces
// unless --verbose.

import path from 'node:path';
import type { DockerAdapter } from '../docker/adapter.js';
import { createDefaultDockerAdapter } from '../docker/engine.js';
import { redactMessage, redactText, redactUrls } from '../util/redact.js';
import { didYouMean, noWorkflowCommands, printable, printableLines } from '../util/text.js';
import {
  CheckFailedError,
  ConfigError,
  describeError,
  exitCodeOf,
  InputError,
  type JsonError,
  MlImageError,
} from '../errors.js';
import { tryWrite } from '../util/cleanup.js';
import { ensureResultDir, ofMachine } from '../util/json-file.js';
import { releaseResultDirs } from '../results/owner-lock.js';
import { VERSION } from '../version.js';
import { GLOBAL_OPTIONS, type OptionSpec, outFlag } from './args.js';
import type { Command } from './commands/types.js';
import type { CliIo } from './io.js';
import { refuseDirectoryOut } from './output.js';

/** A command by name; its module is loaded when it runs (or for help). */
interface CommandEntry {
  name: string;
  load: () => Promise<Command>;
}

// Each command's code is its own chunk of the bundle, evaluated only when that command runs:
// `ml-image verify` does not load the build, smoke and report code (0.21 s -> 0.17 s measured).
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'validate', load: async () => (await import('./commands/validate.js')).validateCommand },
  { name: 'plan', load: async () => (await import('./commands/plan.js')).planCommand },
  { name: 'resolve', load: async () => (await import('./commands/resolve.js')).resolveCommand },
  { name: 'build', load: async () => (await import('./commands/build.js')).buildCommand },
  { name: 'capture', load: async () => (await import('./commands/capture.js')).captureCommand },
  { name: 'smoke', load: async () => (await import('./commands/smoke.js')).smokeCommand },
  { name: 'diff', load: async () => (await import('./commands/diff.js')).diffCommand },
  { name: 'report', load: async () => (await import('./commands/report.js')).reportCommand },
  { name: 'run', load: async () => (await import('./commands/run.js')).runCommand },
  { name: 'export', load: async () => (await import('./commands/export.js')).exportCommand },
  { name: 'collect', load: async () => (await import('./commands/collect.js')).collectCommand },
  {
    name: 'devcontainer',
    load: async () => (await import('./commands/devcontainer.js')).devcontainerCommand,
  },
  { name: 'sbom', load: async () => (await import('./commands/sbom.js')).sbomCommand },
  { name: 'verify', load: async () => (await import('./commands/verify.js')).verifyCommand },
  { name: 'doctor', load: async () => (await import('./commands/doctor.js')).doctorCommand },
];

async function mainHelp(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map((c) => c.load()));
  const width = Math.max(...commands.map((c) => c.name.length));
  return `ml-image ${VERSION}: multi-arch CPU/GPU ML images with dependency-conflict checks and smoke tests

Usage: ml-image <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Every command takes --json (machine output), --out DIR (result files; for sbom, diff and
devcontainer the file to write, --out FILE), --verbose (stack traces) and --help; --json and
--verbose may also come before the command. "ml-image help COMMAND" is
"ml-image COMMAND --help". "ml-image version" (or --version) prints the version (with --json, as
{"version": ...}).

Exit codes: 0 success; 1 the checked thing failed; 2 bad usage, config or input;
3 environment problem (no Docker daemon, no buildx, registry unreachable).
`;
}

function commandHelp(c: Command): string {
  return `Usage: ${c.usage}\n\n${c.summary}\n\n${c.help}\n`;
}

/** The flags every command takes that may also come before the command (`ml-image --json plan`). */
const LEADING_FLAGS = new Set(['--json', '--verbose', '-v']);

/**
 * ARGV as the command's name and its arguments: --json and --verbose before the command are its
 * own (put first among its arguments, before any `--`).
 */
export function splitCommandLine(argv: readonly string[]): { name: string | undefined; rest: string[] } {
  const lead = argv.findIndex((a) => !LEADING_FLAGS.has(a));
  const flags = lead < 0 ? [...argv] : argv.slice(0, lead);
  const [name, ...rest] = lead < 0 ? [] : argv.slice(lead);
  return { name, rest: [...flags, ...rest] };
}

const VERSION_HELP = `usage: ml-image version [--json]

Prints the version ("ml-image --version" too); with --json, as {"version": ...}.
`;

/**
 * The words after `help` or `version` (ARGS, less the leading flags): at most MAX of them, and no
 * other flag; else exit 2 naming the first one too many, as every command refuses one.
 */
function onlyWords(name: string, args: readonly string[], max: number): string[] {
  const words = args.filter((a) => !LEADING_FLAGS.has(a) && a !== '--help' && a !== '-h');
  const flag = words.find((a) => a.startsWith('-'));
  if (flag !== undefined)
    throw new InputError(
      `${name}: unknown option ${JSON.stringify(flag)}`,
      `run "ml-image ${name}${max > 0 ? ' [COMMAND]' : ''}" with --json or --verbose only`,
    );
  if (words.length > max)
    throw new InputError(
      `${name}: unexpected argument ${JSON.stringify(words[max])}`,
      max > 0 ? 'run "ml-image help COMMAND" for one command' : `run "ml-image ${name}"`,
    );
  return words;
}

/** The command NAME names: exit 2 for any other, with the nearest name and where options go. */
function commandEntry(name: string): CommandEntry {
  const entry = COMMANDS.find((c) => c.name === name);
  if (entry) return entry;
  const names = COMMANDS.map((c) => c.name);
  const available = `available commands: ${names.join(', ')} (see "ml-image --help")`;
  if (name.startsWith('-'))
    throw new InputError(
      `unknown command ${JSON.stringify(name)}: options other than --json and --verbose go after the command`,
      `write "ml-image <command> ${printable(name)} ..."; ${available}`,
    );
  // Quoted as JSON: a name holding a line break forges no line of its own.
  throw new InputError(`unknown command ${JSON.stringify(name)}${didYouMean(name, names)}`, available);
}

/**
 * ERR as the command NAME reports it: a refusal a stage worded about a flag alone (`--nodes: ...`,
 * `--load builds one platform ...`) names the command first, as the CLI's own refusals do.
 */
function ofCommand(err: unknown, name: string | undefined): unknown {
  if (name === undefined || !(err instanceof InputError) || err instanceof ConfigError) return err;
  if (!err.message.startsWith('--')) return err;
  const named = new InputError(`${name}: ${err.message}`, err.fix, {
    cause: err.cause,
    location: err.location,
  });
  // --verbose shows where the stage refused (its stack, its cause), not this line.
  const head = `${err.name}: ${err.message}`;
  named.stack = err.stack?.startsWith(head)
    ? `${named.name}: ${named.message}${err.stack.slice(head.length)}`
    : err.stack;
  return named;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  let commandName: string | undefined;
  try {
    const { name, rest } = splitCommandLine(argv);
    if (name === undefined || name === '--help' || name === '-h') {
      io.stdout(await mainHelp());
      return 0;
    }
    if (name === 'help') {
      // `help` alone (and `help help`) is the main help; `help NAME` that command's, NAME checked
      // as a command is; nothing after it.
      const [topic] = onlyWords(name, rest, 1);
      io.stdout(
        topic === undefined || topic === 'help'
          ? await mainHelp()
          : commandHelp(await commandEntry(topic).load()),
      );
      return 0;
    }
    if (name === '--version' || name === 'version') {
      if (asksHelp(rest)) {
        io.stdout(VERSION_HELP);
        return 0;
      }
      onlyWords(name, rest, 0);
      io.stdout(wantsJson(argv) ? `${JSON.stringify({ version: VERSION })}\n` : `${VERSION}\n`);
      return 0;
    }
    const command = await commandEntry(name).load();
    commandName = name;
    if (asksHelp(rest, command.options)) {
      io.stdout(commandHelp(command));
      return 0;
    }
    // --out is checked before any work: a non-directory or /proc/... is exit 2 at once, never a hang.
    const out = outFlag(rest);
    // Empty (an unset variable in `--out "$DIR"`): not the current directory by accident.
    if (out !== undefined && out.trim() === '')
      throw new InputError(`${name}: --out is empty`, 'give the directory (or file) to write to');
    if (out !== undefined && !command.outIsFile)
      ensureResultDir(path.resolve(io.cwd, out), `--out ${out}`, { create: false });
    if (out !== undefined && command.outIsFile) refuseDirectoryOut(name, out);
    return await command.run(rest, io);
  } catch (caught) {
    const err = ofCommand(ofMachine(caught), commandName);
    // A refused value is quoted: its credentials are masked here (shownError), on both channels.
    io.stderr(`${shownError(describeError(err, verbose))}\n`);
    // Machine output on failure too: one JSON object on stdout, in addition to the text on stderr.
    if (wantsJson(argv)) io.stdout(`${JSON.stringify(jsonError(err), null, 2)}\n`);
    return exitCodeOf(err);
  } finally {
    // The command's result directories are free again (in a process that goes on, a test's).
    releaseResultDirs();
  }
}

/**
 * ARGS ask for help: `--help`, or `-h` alone or in a group of short flags (`-vh`: parseArgs reads
 * it as both), before a `--` that ends the flags. Help wins over running the command. The word
 * after a flag of OPTIONS (or a global one) that takes a value is that value, not a request for
 * help: `build --config -h` is refused as `build --config --json` is (parseArgs: a flag that lacks
 * its value), and `--config=-h` names a file -h.
 */
export function asksHelp(args: readonly string[], options: OptionSpec = {}): boolean {
  const all: OptionSpec = { ...GLOBAL_OPTIONS, ...options };
  const end = args.indexOf('--');
  const flags = end === -1 ? args : args.slice(0, end);
  for (let i = 0; i < flags.length; i++) {
    const a = flags[i]!;
    if (a === '--help' || (/^-[A-Za-z]+$/.test(a) && a.includes('h'))) return true;
    const name = /^--([^=]+)$/.exec(a)?.[1];
    if (name !== undefined && Object.hasOwn(all, name) && all[name]!.type === 'string') i++;
  }
  return false;
}

/** The longest line an error prints: a 10,000-character value quoted in it is cut, saying so. */
const MAX_ERROR_LINE = 1000;

/** TEXT with every line over MAX_ERROR_LINE characters cut (a stack trace's lines never are). */
function clipLines(text: string): string {
  return text
    .split('\n')
    .map((l) =>
      l.length > MAX_ERROR_LINE
        ? `${l.slice(0, MAX_ERROR_LINE)}... (${l.length - MAX_ERROR_LINE} more characters)`
        : l,
    )
    .join('\n');
}

/**
 * TEXT (an error as stderr prints it, or a field of its --json form) as shown: a login without a
 * scheme (user:pw@host) masked (maskBareLogins), then what stderr's writer masks (redactText: URL
 * logins, tokens of known forms, JWTs), each line cut (clipLines). stdout's writer masks URL logins
 * only (its results hold digests): the error's JSON is masked here, as its text is.
 */
const shownError = (text: string) => clipLines(printableLines(redactMessage(text)));

/**
 * The `--json` form of a failure: `{"error": {"exitCode", "message", "problems", "fix"}}`, after
 * a failed check's result (verify's `ref` and `checks`, export --verify's `verified`).
 */
export function jsonError(err: unknown): JsonError {
  const exitCode = exitCodeOf(err);
  // As on stderr (shownError): a login in a quoted value, a token of a known form, masked.
  const fix = err instanceof MlImageError && err.fix !== undefined ? { fix: shownError(err.fix) } : {};
  if (err instanceof ConfigError) {
    return {
      error: {
        exitCode,
        message: shownError(`${err.source}: ${err.count} problem${err.count === 1 ? '' : 's'}`),
        problems: err.problems.map(shownError),
        ...fix,
      },
    };
  }
  if (err instanceof CheckFailedError) {
    // A failed check (verify, export --verify): the document a pass prints, its checks included,
    // with the error naming each failed check, so that a script reads one shape either way.
    const problems = err.problems.map(shownError);
    return { ...err.result, error: { exitCode, message: shownError(err.message), problems, ...fix } };
  }
  if (err instanceof MlImageError) {
    return { error: { exitCode, message: shownError(err.message), problems: [], ...fix } };
  }
  const message = err instanceof Error ? err.message : String(err);
  return {
    error: {
      exitCode,
      message: shownError(`internal error: ${message}`),
      problems: [],
      fix: 'run again with --verbose for the stack trace, and please report it',
    },
  };
}

/**
 * Whether the command line asks for machine output: --json, or a malformed --json=VALUE (refused
 * as a usage error, which a script that asked for JSON still gets as JSON).
 */
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--json' || a.startsWith('--json='));
}

export function processIo(): CliIo {
  let docker: DockerAdapter | undefined;
  // In a workflow's run step the runner reads every line printed as a possible workflow command:
  // text from an image, a record or an artifact (a package name, a test's output) must not be one.
  const shown = process.env.GITHUB_ACTIONS === 'true' ? noWorkflowCommands : (t: string) => t;
  return {
    // Last line of defence: userinfo in any URL is masked in everything the CLI prints, and the
    // messages and progress on stderr are also cleared of tokens of a known form (ghp_..., a JWT).
    // A terminal or reader that went away loses the text, nothing else (tryWrite). stderr carries
    // no sequence of ours, but streams what builds and images print (buildx RUN output, a test's
    // output under smoke --verbose, a base image's package names): ESC, BEL, a lone CR are escaped.
    stdout: (t) => tryWrite((s) => process.stdout.write(s), shown(redactUrls(t))),
    stderr: (t) => tryWrite((s) => process.stderr.write(s), shown(printableLines(redactText(t)))),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    docker: () => {
      docker ??= createDefaultDockerAdapter();
      return docker;
    },
  };
}
