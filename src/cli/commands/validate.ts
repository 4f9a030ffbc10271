import { stringify } from 'yaml';
import { checkConfigKey } from '../../attest/signing.js';
import { requirementsFieldError } from '../../config/field-error.js';
import { type LoadedConfig, loadConfig } from '../../config/load.js';
import { ConfigError, InputError } from '../../errors.js';
import { checkPlanRequirements } from '../../requirements/plan-check.js';
import { checkRequirementLines } from '../../pipeline/door-checks.js';
import { configBaseline } from '../../smoke/config-inputs.js';
import { type OptionSpec, parseCommandArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { printable } from '../../util/text.js';
import { writeOutFile } from '../output.js';
import { configOverrideFlags, gitContextFor, overridesFromFlags, planOfConfig } from './shared.js';
import type { Command } from './types.js';

/**
 * What `--variants` left unchecked: the variants the file lists that the
 * selection does not (validate checks only what it would build), or, when the file's own list does
 * not validate, that list. Undefined when the selection is the file's list or there is no file.
 */
function uncheckedVariants(
  loaded: Pick<LoadedConfig, 'file' | 'label' | 'fileVariants'>,
  selected: readonly string[],
): string | undefined {
  if (loaded.file === undefined) return undefined;
  const file = loaded.label ?? loaded.file;
  const rerun = 'run "ml-image validate" without --variants to check them';
  const picked = `--variants selects ${selected.map((n) => printable(n)).join(', ')}`;
  if (loaded.fileVariants === undefined)
    return `${picked}: the variants ${file} itself lists do not validate and were not checked (${rerun})`;
  const left = loaded.fileVariants.filter((n) => !selected.includes(n));
  if (left.length === 0) return undefined;
  return `${picked}: the variant(s) ${left.map((n) => printable(n)).join(', ')} in ${file} were not checked (${rerun})`;
}

/**
 * The files the config names whose content has a shape of its own: smoke.baseline's floors,
 * attest.key (an encrypted cosign private key), the requirements files. Each is checked whatever
 * the others hold, and their problems are refused together (exit 2), each naming its file and
 * line; one check's own error stays as it is.
 */
function checkConfigFiles(loaded: LoadedConfig, env: CliIo['env']): void {
  const checks = [
    () => configBaseline(loaded),
    () => checkConfigKey(loaded),
    () => checkRequirementLines(loaded, env),
  ];
  const refused: InputError[] = [];
  for (const check of checks) {
    try {
      check();
    } catch (e) {
      // Another error (the environment's, exit 3) ends the checks as it would a run.
      if (!(e instanceof InputError)) throw e;
      refused.push(e);
    }
  }
  if (refused.length <= 1) {
    if (refused[0] !== undefined) throw refused[0];
    return;
  }
  const source = loaded.label ?? loaded.file ?? 'inputs';
  const fixes = [...new Set(refused.flatMap((e) => e.fix ?? []))];
  throw new ConfigError(
    source,
    refused.flatMap((e) => (e instanceof ConfigError ? e.problems : [e.message])),
    {
      count: refused.reduce((n, e) => n + (e instanceof ConfigError ? e.count : 1), 0),
      ...(fixes.length > 0 && { fix: fixes.join('; ') }),
      ...(loaded.file !== undefined && { file: source }),
    },
  );
}

const VALIDATE_OPTIONS = {
  config: { type: 'string' },
  platforms: { type: 'string' },
  variants: { type: 'string' },
  'skip-file-checks': { type: 'boolean', default: false },
} as const satisfies OptionSpec;

export const validateCommand: Command = {
  name: 'validate',
  options: VALIDATE_OPTIONS,
  summary: 'Check ml-image.yml and print the normalized config (every default filled in).',
  usage:
    'ml-image validate [--config FILE] [--platforms LIST] [--variants LIST] [--skip-file-checks] [--json] [--out DIR]',
  help: `Reads the config (default: ml-image.yml or ml-image.yaml in the current directory), applies
the defaults, and checks that every file it names exists (relative to the config file), that
smoke.baseline holds a throughput table, that attest.key is an encrypted cosign private key, that
the requirements files read as the build reads them (each line, every -r/-c include: file:line
for each problem; pip is not run), and that the plan can be made: each variant's base image,
CUDA, torch and Python against the bundled catalog, and its tags (what "ml-image plan" refuses,
validate refuses; its warnings are printed too), and that its variants can install the
requirements as written (hashes with a variant's torch, a local --find-links or path with a
template: what a run that resolves or builds refuses).

Options:
  --config FILE        config file to read
${configOverrideFlags}
  --skip-file-checks   validate the shape only; do not look for (or read) the files the config names
  --json               print the normalized config as JSON (machine output)
  --out DIR            also write DIR/config.json
  --verbose            show stack traces on internal errors

Exit codes: 0 valid; 2 invalid (every offending field is listed); 3 environment problem.`,
  async run(argv: string[], io: CliIo) {
    const { values } = parseCommandArgs('validate', argv, VALIDATE_OPTIONS);
    const overrides = overridesFromFlags(values);
    const loaded = loadConfig({
      cwd: io.cwd,
      env: io.env,
      ...(values.config !== undefined && { file: values.config }),
      overrides,
      checkFiles: !values['skip-file-checks'],
    });
    const { config } = loaded;
    if (values.variants !== undefined) {
      const note = uncheckedVariants(
        loaded,
        config.variants.map((v) => v.name),
      );
      if (note !== undefined) io.stderr(`warning: ${note}\n`);
    }
    if (!values['skip-file-checks']) checkConfigFiles(loaded, io.env);
    // The plan's checks, in plan's own git context (GitHub's environment on a runner, else the
    // checkout's commit and tag, which name the version tags): what plan refuses is not valid.
    const plan = planOfConfig(loaded, await gitContextFor(io));
    for (const w of plan.warnings) io.stderr(`warning: ${w}\n`);
    // The requirements against the plan's variants, as a run that resolves or builds checks them.
    if (!values['skip-file-checks'])
      checkPlanRequirements(
        plan.variants,
        loaded,
        io.env,
        (w) => io.stderr(`warning: ${w}\n`),
        true,
        requirementsFieldError(loaded),
      );
    if (values.out !== undefined)
      writeOutFile(io.cwd, values.out, 'config.json', `${JSON.stringify(config, null, 2)}\n`);
    if (values.json) {
      io.stdout(`${JSON.stringify(config, null, 2)}\n`);
    } else {
      const source = loaded.file ?? 'inputs';
      io.stdout(
        `# ${source}: valid — ${config.variants.length} variant(s) x ${config.platforms.length} platform(s)\n${stringify(config)}`,
      );
    }
    return 0;
  },
};
