// Thin layer over node:util parseArgs: every parse problem is a usage error (exit 2).
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { PLATFORMS, type Platform, SMOKE_SUITES, type SmokeSuite } from '../config/schema.js';
import { InputError } from '../errors.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

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
  try {
    return parseArgs({
      args: argv,
      options: { ...GLOBAL_OPTIONS, ...options },
      strict: true,
      allowPositionals,
    });
  } catch (e) {
    const msg = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new InputError(`${command}: ${msg}`, `run "ml-image ${command} --help" for usage`);
  }
}

/** A --platform value, checked against the platforms the tool builds for. */
export function platformFlag(command: string, value: string | undefined): Platform | undefined {
  if (value === undefined) return undefined;
  if (!(PLATFORMS as readonly string[]).includes(value)) {
    throw new InputError(`${command}: --platform: expected one of ${PLATFORMS.join(', ')}, got "${value}"`);
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
  const unknown = suites.filter((s) => !(SMOKE_SUITES as readonly string[]).includes(s));
  if (unknown.length)
    throw new InputError(
      `${command}: --suites: unknown suite(s) ${unknown.map((s) => JSON.stringify(s)).join(', ')}; expected ${SMOKE_SUITES.join(', ')}`,
    );
  return suites as SmokeSuite[];
}
