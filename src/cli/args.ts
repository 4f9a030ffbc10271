// Thin layer over node:util parseArgs: every parse problem is a usage error (exit 2).
import { type ParseArgsConfig, parseArgs } from 'node:util';
import {
  MAX_TIMEOUT_SECONDS,
  PLATFORMS,
  type Platform,
  SMOKE_SUITES,
  type SmokeSuite,
} from '../config/schema.js';
import { InputError } from '../errors.js';
import { imageRefProblem } from '../oci/ref.js';
import { maskBareLogins, redactUrls } from '../util/redact.js';
import { clip, closestWord, correctedList, didYouMean } from '../util/text.js';

/**
 * A command's flags as parseArgs takes them. REQUIRED marks a flag the command cannot run without:
 * the fix for an empty value of it does not offer leaving it out, which is refused too. parseArgs
 * ignores the mark; the command itself says that the flag is missing, with its own fix.
 */
export type OptionSpec = Record<
  string,
  NonNullable<ParseArgsConfig['options']>[string] & { required?: boolean }
>;

export const GLOBAL_OPTIONS = {
  json: { type: 'boolean', default: false },
  verbose: { type: 'boolean', short: 'v', default: false },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies OptionSpec;

export function parseCommandArgs<O extends OptionSpec>(
  command: string,
  argv: string[],
  options: O,
  allowPositionals = false,
) {
  const all = { ...GLOBAL_OPTIONS, ...options };
  refuseLineBreaks(command, argv, all);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: all, strict: true, allowPositionals, tokens: true });
  } catch (e) {
    const msg = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    // parseArgs's three lines for `--config --json` (a value flag followed by a flag) as one.
    const lacking = /^Option '(-[^' ]+)' argument is ambiguous/.exec(msg)?.[1];
    if (lacking !== undefined)
      throw new InputError(
        `${command}: ${lacking} lacks its value: the word after it begins with "-"`,
        `give ${lacking} its value; one that begins with "-" is written ${lacking}=-VALUE`,
      );
    // An unknown --flag: the nearest of this command's (--platfroms -> --platforms).
    const unknown = /^Unknown option '--([^']+)'/.exec(msg)?.[1];
    const hint = unknown !== undefined ? closestWord(unknown, Object.keys(all)) : undefined;
    throw new InputError(
      `${command}: ${msg}${hint !== undefined ? ` (did you mean --${hint}?)` : ''}`,
      `run "ml-image ${command} --help" for usage`,
    );
  }
  // A value flag given twice (--variants cpu --variants cuda12.8) would keep the last one silently;
  // an empty one (an unset variable in `--config "$FILE"`) would stand for the current directory,
  // every stage or no filter at all.
  const seen = new Set<string>();
  for (const t of parsed.tokens) {
    if (t.kind !== 'option' || t.value === undefined) continue;
    const spec = (all as OptionSpec)[t.name];
    if (t.value.trim() === '')
      throw new InputError(
        `${command}: --${t.name} is empty`,
        spec?.required === true ? 'give it a value' : `give it a value, or leave --${t.name} out`,
      );
    if (spec?.multiple === true) continue;
    if (seen.has(t.name))
      throw new InputError(
        `${command}: --${t.name} is given more than once`,
        `give it once${spec?.type === 'string' ? ' (a list is one value, comma-separated, where the flag takes one)' : ''}`,
      );
    seen.add(t.name);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

/**
 * A flag value or argument holding a line break (a variable of several lines, a file's text with
 * its CRLF): no value of a flag is several lines, and a message quoting it as typed would put a
 * line of the user's text (`fix: ...`, `error: ...`) among the CLI's own. Exit 2 naming the flag,
 * the value escaped (\n), before any message quotes it.
 */
function refuseLineBreaks(command: string, argv: readonly string[], all: OptionSpec): void {
  const end = argv.indexOf('--');
  argv.forEach((a, i) => {
    if (!/[\r\n]/.test(a)) return;
    const inline = end >= 0 && i > end ? undefined : /^--([^=]+)=/.exec(a)?.[1];
    const prev = i > 0 && (end < 0 || i <= end) ? /^--([^=]+)$/.exec(argv[i - 1]!)?.[1] : undefined;
    const flag = inline ?? (prev !== undefined && all[prev]?.type === 'string' ? prev : undefined);
    const value = inline !== undefined ? a.slice(inline.length + 3) : a;
    const shown = JSON.stringify(clip(value, 100));
    throw new InputError(
      flag !== undefined
        ? `${command}: --${flag}: the value ${shown} has a line break; a flag's value is one line`
        : `${command}: the argument ${shown} has a line break; an argument is one line`,
      flag !== undefined ? `give --${flag} a one-line value` : 'give each argument on one line',
    );
  });
}

/** A --platform value, checked against the platforms the tool builds for. */
export function platformFlag(
  command: string,
  value: string | undefined,
  flag = '--platform',
): Platform | undefined {
  if (value === undefined) return undefined;
  if (!(PLATFORMS as readonly string[]).includes(value)) {
    throw new InputError(
      `${command}: ${flag}: expected one of ${PLATFORMS.join(', ')}, got ${JSON.stringify(value.slice(0, 100))}${didYouMean(value.slice(0, 100), PLATFORMS)}`,
      `give ${PLATFORMS.join(' or ')}${flag === '--platforms' ? ' (comma-separated)' : ''}`,
    );
  }
  return value as Platform;
}

/** --suites a,b (else the config's smoke.suites, else all), every name checked (exit 2). */
export function suitesFlag(
  command: string,
  raw: string | undefined,
  fromConfig: readonly SmokeSuite[] | undefined,
): SmokeSuite[] {
  const suites = raw
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean) ?? [...(fromConfig ?? SMOKE_SUITES)];
  // An empty value (an unset variable) runs nothing the user named: refused, not read as "all".
  if (raw !== undefined && suites.length === 0)
    throw new InputError(
      `${command}: --suites is empty`,
      `give some of ${SMOKE_SUITES.join(', ')}, or leave it out`,
    );
  const unknown = suites.filter((s) => !(SMOKE_SUITES as readonly string[]).includes(s));
  if (unknown.length) {
    // As an unknown flag: the nearest suite of each (imprts -> imports), and the list corrected.
    // Each suite once: the corrected name of a suite also given right (imports,imprts) is not repeated.
    const corrected = correctedList(suites, SMOKE_SUITES);
    const fixed = corrected && [...new Set(corrected)];
    throw new InputError(
      `${command}: --suites: unknown suite(s) ${unknown.map((s) => `${JSON.stringify(s)}${didYouMean(s, SMOKE_SUITES)}`).join(', ')}; expected ${SMOKE_SUITES.join(', ')}`,
      fixed !== undefined
        ? `--suites ${fixed.join(',')}`
        : `give some of ${SMOKE_SUITES.join(', ')} (comma-separated), or leave --suites out`,
    );
  }
  // As smoke.suites: a suite named twice would run twice.
  const twice = [...new Set(suites.filter((s, i) => suites.indexOf(s) !== i))];
  if (twice.length)
    throw new InputError(
      `${command}: --suites: duplicate suite(s) ${twice.map((s) => JSON.stringify(s)).join(', ')}: give each once`,
    );
  return suites as SmokeSuite[];
}

/** A required --image REF, checked against Docker's reference grammar (exit 2 naming the value). */
export function imageFlag(command: string, value: string | undefined): string {
  if (value === undefined || value === '')
    throw new InputError(`${command}: --image is required`, 'e.g. --image ghcr.io/my-org/my-model:1.4.0-cpu');
  const problem = imageRefProblem(value);
  if (problem !== undefined)
    throw new InputError(
      // A login in it (https://user:pw@host/x, user:pw@host/x) is masked: errors reach CI logs.
      `${command}: --image ${JSON.stringify(redactUrls(maskBareLogins(value)))} is not a valid image reference: ${problem}`,
      'e.g. --image ghcr.io/my-org/my-model:1.4.0-cpu',
    );
  return value;
}

/** --timeout S: a whole number of seconds, 1..86400 (as smoke.timeoutSeconds), else exit 2. */
export function timeoutFlag(command: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const s = raw.trim();
  const n = /^\d+$/.test(s) ? Number(s) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_TIMEOUT_SECONDS)
    throw new InputError(
      `${command}: --timeout: expected whole seconds from 1 to ${MAX_TIMEOUT_SECONDS} (as smoke.timeoutSeconds), got ${JSON.stringify(raw)}`,
    );
  return n;
}

/**
 * The value of --out DIR / --out=DIR, when given (parseArgs checks the rest later). The word after
 * --out that looks like a flag (--json, -h, --) is no value, as parseArgs reads it: it refuses
 * `--out --json` as a flag that lacks its value (a directory -x is `--out=-x`), and that refused
 * command line must not leave a ./--json behind (verify's record of a stopped run) nor be refused
 * for what ./--json is.
 */
export function outFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return undefined;
    if (a === '--out') {
      const value = argv[i + 1];
      return value !== undefined && value.length > 1 && value.startsWith('-') ? undefined : value;
    }
    if (a.startsWith('--out=')) return a.slice('--out='.length);
  }
  return undefined;
}
