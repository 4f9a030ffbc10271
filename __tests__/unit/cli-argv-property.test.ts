// Property: whatever argv the CLI is given, it ends as a clean outcome: exit 0, or an error it
// expected (exit 1, 2 or 3, one "error: ..." message, and with --json one JSON object on stdout),
// never an internal error (a TypeError, RangeError ... escaping a flag's parse). The argv are known
// commands and flags with hostile values, in a directory with no config and in one with the bundled
// example's; every side effect is a stub that refuses (Docker, the registry, the signer, git, DNS),
// so no argv does real work (one that gets that far ends at a stub: counted as parsed).
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { captureIo } from '../helpers/fakes.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-argv-prop-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each command's own flags (src/cli/commands/*), as parseArgs knows them. */
const FLAGS: Record<string, readonly string[]> = {
  validate: ['config', 'platforms', 'variants', 'skip-file-checks'],
  plan: ['config', 'platforms', 'variants', 'skip-file-checks'],
  resolve: ['image', 'mode', 'network', 'platform', 'requirements', 'index-url', 'extra-index-url'],
  build: ['config', 'load', 'platforms', 'quiet', 'variants'],
  capture: ['image', 'platform', 'env', 'gpus', 'no-torch', 'torch-runtime'],
  smoke: ['config', 'gpus', 'image', 'platform', 'suites', 'timeout', 'variant', 'require-gpu'],
  diff: ['base-smoke', 'head-smoke', 'baseline-ref', 'max-chars', 'format', 'image', 'threshold', 'variant'],
  report: [
    'api-url',
    'base-branch',
    'comment-mode',
    'baseline',
    'config',
    'platforms',
    'pr',
    'repo',
    'results',
    'variants',
  ],
  run: ['baseline', 'config', 'gpus', 'load', 'platforms', 'quiet', 'rerun', 'stages', 'variants'],
  export: [
    'gpus-per-node',
    'image-pull-secret',
    'node-selector',
    'runtime-class',
    'verify-timeout',
    'account',
    'config',
    'cpus',
    'force',
    'from',
    'image',
    'k8s',
    'memory',
    'name',
    'namespace',
    'nodes',
    'partition',
    'slurm',
    'suites',
    'timeout',
    'toleration',
    'variant',
    'verify',
    'key',
    'require-smoke',
    'min-tflops',
    'require',
  ],
  collect: ['capture', 'k8s', 'slurm', 'variant', 'no-image-mask'],
  devcontainer: ['force', 'from', 'variant'],
  sbom: ['format', 'record', 'variant'],
  verify: [
    'key',
    'certificate-identity',
    'certificate-identity-regexp',
    'certificate-oidc-issuer',
    'certificate-github-workflow-repository',
    'certificate-github-workflow-ref',
    'certificate-github-workflow-trigger',
    'certificate-github-workflow-sha',
    'certificate-github-workflow-name',
    'require',
    'require-smoke',
    'require-gpu-smoke',
    'min-tflops',
    'platform',
    'tlog',
    'timeout',
  ],
  doctor: ['platforms', 'registry'],
};

/**
 * Values a flag's parse may trip on: empty, `=` forms, numbers out of range or not numbers, control
 * characters and line breaks, prototype keys, long text. No absolute path or `..`: a value of a
 * flag that names where to write (run's --baseline) stays inside the test's directory.
 */
const HOSTILE = [
  '',
  ' ',
  '=',
  ',',
  ',,',
  'a,,b',
  '-',
  '--',
  '--json',
  '-v',
  '-h',
  'bf16=',
  '=600',
  'bf16=abc',
  'bf16=600',
  'bf16=-1',
  'bf16=1e309',
  'fp8=1',
  'bf16=600,bf16=700',
  'bf16=600,',
  '0',
  '-1',
  '1.5',
  '1e3',
  '1e309',
  'NaN',
  'Infinity',
  '0x10',
  '99999999999999999999',
  '007',
  '+3',
  'x\nfix: FORGED',
  '1\r\nerror: FORGED',
  '\u0000',
  'a\u0000b',
  '😀',
  'é',
  '\u202e',
  '\n',
  'a\nb',
  'x'.repeat(5000),
  'cpu',
  'cuda12.8',
  'cpu,cpu',
  'linux/amd64',
  'linux/arm64,linux/amd64',
  'linux/riscv64',
  'pass',
  'fail',
  'sbom,provenance',
  'none',
  'smoke',
  'build,smoke',
  'resolve,build,report',
  'k=v',
  'a:b',
  'key=value:NoSchedule',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '__proto__=1',
  'constructor=1',
  'toString=600',
  'valueOf=1',
  'https://u:p@example.invalid/x',
  'example.invalid/img:1',
  'example.invalid/img@sha256:' + 'a'.repeat(64),
  'json',
  'markdown',
  'spdx',
  'cyclonedx',
  'update',
  'new',
  'off',
  'pr',
  'strict',
  '1',
  '2',
  '64',
  '4Gi',
  '1000m',
  '.',
];

/** --out values that never write outside the test's directory. */
const OUT_VALUES = ['', ' ', 'out', 'out/', 'out/.', '/dev/null', '/proc/self', '-', '='];

const value = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('bf16', 'fp16', 'tf32', 'fp32', 'BF16', ' bf16', '__proto__'),
        fc.constantFrom('=', ' = ', '=='),
        fc.constantFrom(...HOSTILE),
      )
      .map(([a, b, c]) => `${a}${b}${c}`),
  },
);

/** One token (or two: a flag and its value) of COMMAND's argv. */
function token(command: string): fc.Arbitrary<string[]> {
  const flags = [...(FLAGS[command] ?? []), 'json', 'verbose', 'help'];
  const flag = fc.constantFrom(...flags);
  const known = fc.constantFrom(...flags.filter((f) => f !== 'help'));
  return fc.oneof(
    { weight: 5, arbitrary: fc.tuple(known, value).map(([f, v]) => [`--${f}`, v]) },
    { weight: 3, arbitrary: fc.tuple(known, value).map(([f, v]) => [`--${f}=${v}`]) },
    { weight: 2, arbitrary: known.map((f) => [`--${f}`]) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('--out', '--out=')
        .chain((o) => fc.constantFrom(...OUT_VALUES).map((v) => (o === '--out' ? [o, v] : [`${o}${v}`]))),
    },
    { weight: 1, arbitrary: fc.constantFrom('--json', '-v', '--', '-x', '--nope', '-jv').map((t) => [t]) },
    { weight: 1, arbitrary: value.map((v) => [v]) },
    { weight: 1, arbitrary: flag.map((f) => [`--${f.slice(0, -1)}`]) },
  );
}

const DIGEST = `example.invalid/img@sha256:${'a'.repeat(64)}`;

/** What gets COMMAND past its first refusal (no image, no target), so later flags are parsed too. */
const BASE: Record<string, readonly string[][]> = {
  export: [
    ['--k8s', '--image', DIGEST, '--out', 'o'],
    ['--slurm', '--image', DIGEST, '--out', 'o'],
  ],
  verify: [[DIGEST], [DIGEST, '--key', 'cosign.pub']],
  validate: [['--config', 'ml-image.yml']],
  plan: [['--config', 'ml-image.yml']],
  report: [['--config', 'ml-image.yml']],
};

/** An argv of one of the commands (build and run too: their build stage asks the CLI's git, a stub). */
const argvArb = () =>
  fc
    .constantFrom(...Object.keys(FLAGS), 'help', 'version', 'bogus')
    .chain((command) =>
      fc
        .tuple(
          fc.array(token(command), { maxLength: 6 }),
          fc.boolean(),
          fc.boolean(),
          fc.option(fc.constantFrom(...(BASE[command] ?? [[]])), { freq: 2 }),
        )
        .map(([tokens, lead, json, base]) => [
          ...(lead ? ['--json'] : []),
          command,
          ...(base ?? []),
          ...tokens.flat(),
          ...(json ? ['--json'] : []),
        ]),
    );

/** What a run's end says is wrong, or undefined for a clean one. */
async function problemOf(argv: string[]): Promise<string | undefined> {
  const io = {
    ...captureIo(dir),
    signer: () => {
      throw new Error('unexpected call: signer');
    },
    registryFetch: () => Promise.reject(new Error('unexpected call: registry')),
  };
  let code: number;
  try {
    code = await runCli(argv, io);
  } catch (e) {
    return `threw ${String(e)}`;
  }
  const err = io.err();
  // A stub refusing: the argv got past its parse to real work (not a parse problem).
  if (/unexpected call/.test(err)) return undefined;
  // A value's line break never starts a line of its own among the CLI's (a forged fix: or error:).
  if (/^(?:error|fix): FORGED/m.test(err) || /^(?:error|fix): FORGED/m.test(io.out()))
    return `a line of a value stands on its own: ${err}`;
  if (code === 0) return undefined;
  if (![1, 2, 3].includes(code)) return `exit ${code}`;
  if (/internal error|TypeError|RangeError|SyntaxError/.test(err)) return `stderr: ${err}`;
  // A stack trace only where --verbose asks for one.
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  if (!verbose && /\n\s+at /.test(err)) return `stack trace without --verbose: ${err}`;
  if (!/^error: /m.test(err)) return `stderr has no error line: ${err}`;
  const json = argv
    .slice(0, argv.includes('--') ? argv.indexOf('--') : undefined)
    .some((a) => a === '--json' || a.startsWith('--json='));
  if (json) {
    try {
      const parsed = JSON.parse(io.out().slice(io.out().lastIndexOf('\n{') + 1)) as {
        error?: { exitCode?: number };
      };
      if (parsed.error?.exitCode !== code) return `json exitCode ${parsed.error?.exitCode} != ${code}`;
    } catch {
      return `--json stdout is not JSON: ${io.out()}`;
    }
  }
  return undefined;
}

describe('CLI argv (property)', () => {
  // Without a config the commands that read one stop there; with the bundled example's, the flags
  // checked after the config is read (validate and plan end, exit 0) are reached too.
  it.each([
    ['no config', false, 20261207],
    ["the bundled example's config", true, 20261208],
  ] as const)(
    '%s: every argv ends as exit 0 or an expected error, never an internal one',
    async (_n, config, seed) => {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir);
      if (config) cpSync(path.join(import.meta.dirname, '../../examples/hello-ml'), dir, { recursive: true });
      writeFileSync(path.join(dir, 'cosign.pub'), 'not a key\n');
      await fc.assert(
        fc.asyncProperty(argvArb(), async (argv) => {
          expect(await problemOf(argv)).toBeUndefined();
        }),
        { seed, numRuns: 300 },
      );
    },
  );
});
