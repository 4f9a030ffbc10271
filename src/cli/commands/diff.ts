import path from 'node:path';
import { parseJsonText, readEnvRecord, readSmokeResult } from '../../diff/read.js';
import { InputError } from '../../errors.js';
import { repositoryOf } from '../../oci/ref.js';
import { buildReportModel } from '../../report/model.js';
import { DEFAULT_MAX_CHARS, MIN_MAX_CHARS, renderReport } from '../../report/render.js';
import {
  MAX_JSON_INPUT_BYTES,
  openErrorFix,
  openErrorText,
  readRegularBytes,
} from '../../util/read-regular.js';
import { decodeUtf8Strictly } from '../../util/strict-utf8.js';
import { redactText } from '../../util/redact.js';
import { type OptionSpec, imageFlag, parseCommandArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { ENV_RECORD_FIX, type ReadFile, writeOutFileNamed } from '../output.js';
import type { Command } from './types.js';
import { printable } from '../../util/text.js';

/** Where the files diff reads come from, for a path that names none. */
const DIFF_FILE_FIX = `${ENV_RECORD_FIX} (a smoke result: smoke-<variant>-<arch>.json there)`;

/** A record or smoke result named on the command line: a regular JSON file of bounded size. */
function readJsonFile(cwd: string, file: string): unknown {
  if (file === '')
    throw new InputError('diff: a file name is empty', 'name the env.json or smoke.json file itself');
  const bytes = readRegularBytes(path.resolve(cwd, file), MAX_JSON_INPUT_BYTES, (e) =>
    e.code !== undefined
      ? new InputError(
          `diff: cannot read ${file}: ${openErrorText(e.code)}`,
          openErrorFix(e.code, DIFF_FILE_FIX),
        )
      : new InputError(`diff: ${file} ${e.reason}`, 'name the env.json or smoke.json file itself'),
  );
  const decoded = decodeUtf8Strictly(bytes, true);
  if ('problem' in decoded)
    throw new InputError(`diff: ${file}: ${decoded.problem}; not a record ml-image wrote (UTF-8)`);
  return parseJsonText(decoded.text, file);
}

/**
 * A number flag written in decimal (0.1, 1e-3; --max-chars: digits only). Number() alone also took
 * 0x200 (512), 0b1 and, for a character count, 400.5 ("shortened to fit 400.5 characters").
 */
function numberFlag(name: string, value: string | undefined, min: number, whole = false): number | undefined {
  if (value === undefined) return undefined;
  const t = value.trim();
  const decimal = whole ? /^\d+$/ : /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
  const n = decimal.test(t) ? Number(t) : Number.NaN;
  if (!Number.isFinite(n) || n < min)
    throw new InputError(
      `diff: --${name}: expected ${whole ? 'a whole number' : 'a decimal number'} of at least ${min}, got ${JSON.stringify(value)}`,
    );
  return n;
}

const DIFF_OPTIONS = {
  format: { type: 'string' },
  'base-smoke': { type: 'string' },
  'head-smoke': { type: 'string' },
  image: { type: 'string' },
  variant: { type: 'string' },
  'baseline-ref': { type: 'string' },
  'max-chars': { type: 'string' },
  threshold: { type: 'string' },
} as const satisfies OptionSpec;

export const diffCommand: Command = {
  outIsFile: true,
  name: 'diff',
  options: DIFF_OPTIONS,
  summary: 'Compare two environment records (env.json) and print the Markdown report (or its JSON model).',
  usage:
    'ml-image diff BASE.json HEAD.json [--base-smoke F] [--head-smoke F] [--format md|json] [--out FILE]',
  help: `Diffs the base record against the head record: pip, apt and conda packages (added, removed,
upgraded, downgraded, with the level: major, minor, patch, local, other; changed: only the local
label, as +cu126 -> +cpu, or a conda package's build or channel, which has no order; losing a CUDA
build is a warning), CUDA/cuDNN/NCCL, driver, torch,
NumPy, Python, glibc, OS, GPUs, environment variables, labels, image size and layers, and with
smoke results the per-test status changes and metric regressions. Records written by older
versions of ml-image are read (migrated); redacted values stay redacted.

Options:
  --base-smoke F     the base's smoke.json
  --head-smoke F     the head's smoke.json
  --format md|json   the Markdown report (default) or the report model as JSON (--json is the same;
                     --json with --format md is refused)
  --out FILE         write the output to FILE instead of printing it (with --json, stdout then
                     has {"file", "verdict"})
  --image REPO       the image named in the report, an image reference (default: the head
                     record's repository)
  --variant NAME     the variant named in the report (default: the head record's variant)
  --baseline-ref REF what the base is, for the column header (e.g. main)
  --max-chars N      shorten the Markdown to at most N characters (a whole number, default ${DEFAULT_MAX_CHARS})
  --threshold X      relative change of a smoke metric that counts as a regression (default 0.1)

Exit codes: 0 compared (whatever the differences); 2 a file is missing, not JSON or not a record;
3 --out's filesystem is full or read-only.`,
  async run(argv: string[], io: CliIo) {
    const { values, positionals } = parseCommandArgs('diff', argv, DIFF_OPTIONS, true);
    if (positionals.length !== 2)
      throw new InputError(
        `diff: expected BASE.json and HEAD.json, got ${positionals.length} file${positionals.length === 1 ? '' : 's'}`,
        'run "ml-image diff --help" for usage',
      );
    const format = values.format ?? (values.json ? 'json' : 'md');
    if (format !== 'md' && format !== 'json')
      throw new InputError(`diff: --format: expected md or json, got "${format}"`);
    // --json promises one JSON object on stdout: Markdown there would break whoever parses it.
    if (values.json && format === 'md')
      throw new InputError(
        'diff: --json and --format md: give one',
        'drop --json for Markdown, or --format md for JSON',
      );
    // Checked as every --image is (a login in it is masked in the message), before any file is read.
    if (values.image !== undefined) imageFlag('diff', values.image);
    const maxChars = numberFlag('max-chars', values['max-chars'], MIN_MAX_CHARS, true) ?? DEFAULT_MAX_CHARS;
    const threshold = numberFlag('threshold', values.threshold, 0);

    const [baseFile, headFile] = positionals as [string, string];
    const base = readEnvRecord(readJsonFile(io.cwd, baseFile), baseFile);
    const head = readEnvRecord(readJsonFile(io.cwd, headFile), headFile);
    // Two records of different images compare, but what changed is then mostly the difference
    // between the two: said, so that "no changes" or a long list is not read as the head's doing.
    for (const [what, b, h] of [
      ['variant', base.image.variant, head.image.variant],
      ['platform', base.image.platform, head.image.platform],
    ] as const)
      if (b !== null && h !== null && b !== h)
        io.stderr(
          `warning: diff: the base is of ${what} ${printable(b)}, the head of ${printable(h)}: they are different images\n`,
        );
    const smoke = (file: string | undefined) =>
      file === undefined ? null : readSmokeResult(readJsonFile(io.cwd, file), file);
    const model = buildReportModel({
      // Flags are shown (the heading, the JSON model): secrets in them masked.
      image: redactText(values.image ?? repositoryOf(head.image.ref)),
      variant: redactText(values.variant ?? head.image.variant ?? 'default'),
      entries: [
        {
          platform: head.image.platform,
          head,
          base,
          headSmoke: smoke(values['head-smoke']),
          baseSmoke: smoke(values['base-smoke']),
        },
      ],
      baseline: values['baseline-ref'] ? { ref: redactText(values['baseline-ref']) } : null,
      ...(threshold !== undefined && { smokeThreshold: threshold }),
    });
    const rendered = renderReport(model, { maxChars });
    const output = format === 'json' ? `${JSON.stringify(model, null, 2)}\n` : rendered.markdown;
    if (values.out !== undefined) {
      const file = writeOutFileNamed(io.cwd, values.out, output, readFiles(positionals, values));
      // --json: one JSON object on stdout still, what was written and the verdict (as sbom's).
      if (values.json) io.stdout(`${JSON.stringify({ file, verdict: rendered.verdict }, null, 2)}\n`);
      else io.stderr(`${rendered.verdict}\nwrote ${file}\n`);
    } else {
      io.stdout(output);
    }
    return 0;
  },
};

/** The files diff reads, for --out, which may name none of them. */
function readFiles(
  [base, head]: readonly string[],
  smoke: { 'base-smoke'?: string | undefined; 'head-smoke'?: string | undefined },
): ReadFile[] {
  return [
    { what: 'the base record (BASE.json)', file: base },
    { what: 'the head record (HEAD.json)', file: head },
    { what: 'the base smoke result (--base-smoke)', file: smoke['base-smoke'] },
    { what: 'the head smoke result (--head-smoke)', file: smoke['head-smoke'] },
  ].filter((f): f is ReadFile => f.file !== undefined);
}
