// The `smoke:` block of ml-image.yml (part of ConfigFileSchema in schema.ts, which re-exports these
// names). Every default of the block lives here; docs/configuration.md is generated from it.
import { z } from 'zod';
import { MAX_PATTERN_LENGTH, patternProblem } from './pattern.js';
import { shortName } from './short-name.js';
import { eachOnce } from './unique.js';
import { userMap } from './user-map.js';
import { printable, unicodeName } from '../util/text.js';

export const SMOKE_SUITES = ['imports', 'pip-check', 'gpu', 'compute', 'train', 'ddp', 'custom'] as const;
export type SmokeSuite = (typeof SMOKE_SUITES)[number];

/** The networks a smoke test's container may have (smoke.network). */
const SMOKE_NETWORKS = ['none', 'bridge'] as const;

/** Upper bound of a per-test timeout: smoke.timeoutSeconds and the --timeout flags (one day). */
export const MAX_TIMEOUT_SECONDS = 86400;

const DEFAULT_GPU_RUNNER_LABELS = ['self-hosted', 'linux', 'x64', 'gpu'];

/**
 * What keeps LABEL from ever matching a runner's label (blank, or holding a line break or other
 * control character), undefined when nothing does. The config key and the action input alike.
 */
export function runnerLabelProblem(label: string): string | undefined {
  const shown = printable(JSON.stringify(label));
  if (label.trim() === '') return `runner label ${shown} is blank: no runner's label can match it`;
  const c = /\p{Cc}/u.exec(label)?.[0];
  if (c !== undefined)
    return `runner label ${shown} holds a control character (${unicodeName(c)}): no runner's label can match it`;
  return undefined;
}

// Output patterns are compiled here the way the smoke runner compiles them (flags, length cap),
// so a bad one is exit 2 at load time; matching itself is bounded in time (src/smoke/match.ts).
const regexList = z
  .array(
    z.string().superRefine((value, ctx) => {
      const problem = patternProblem(value);
      if (problem)
        ctx.addIssue({
          code: 'custom',
          message: value.length > MAX_PATTERN_LENGTH ? problem : 'expected a valid regular expression',
        });
    }),
  )
  .default([]);

// An argv list runs its first item as the program: an empty one is no program (exec "": not found).
const ARGV_PROGRAM = {
  error: 'the first item of an argv list is the program to run: it cannot be empty',
  path: [0],
};
// An image's env is NAME=VALUE lines, split at the first "=": a name that is empty or holds one is
// never found there, so the test could only fail, after the build.
const ENV_NAME = { error: 'expected a variable name: not empty, without "="' };

const CustomTest = z
  .strictObject({
    name: shortName('a test name').describe(
      'Test id in results: lowercase letters, digits, `.`, `_` or `-`, starting with a letter or digit, at most 64 characters.',
    ),
    command: z
      .union(
        [
          z
            .string()
            .min(1)
            .refine((c) => c.trim() !== '', {
              error:
                'a command of blanks runs nothing (sh -c exits 0, so the test passed): give the command to run',
            }),
          z
            .array(z.string())
            .min(1)
            .refine((argv) => argv[0] !== '', ARGV_PROGRAM),
        ],
        {
          error: 'expected a command string (run with sh -c) or an argv list',
        },
      )
      .optional()
      .describe(
        'Command test: a string run with `sh -c` (not blanks only), or an argv list. `expectedOutput`, `excludedOutput` and `exitCode` belong to a command test (set on another test they are refused).',
      ),
    expectedOutput: regexList.describe('Regexes the combined output must match.'),
    excludedOutput: regexList.describe('Regexes the combined output must not match.'),
    exitCode: z
      .number()
      .int()
      .min(0)
      .max(255)
      .default(0)
      .describe('Expected exit code of the command (0 to 255).'),
    gpu: z
      .boolean()
      .default(false)
      .describe(
        'Command test that uses a GPU: its container gets the GPUs of a GPU run (others get none); skipped without GPUs (failed with `requireGpu`).',
      ),
    file: z
      .strictObject({
        path: z
          .string()
          .startsWith('/', { error: 'expected an absolute path in the image' })
          .describe('Absolute path in the image.'),
        exists: z.boolean().default(true).describe('Whether the path must exist (false: must not).'),
        mode: z
          .string()
          .regex(/^0?[0-7]{3,4}$/, { error: 'expected an octal mode like "0755"' })
          .optional()
          .describe('Expected permission bits, octal (not with `exists: false`).'),
      })
      .optional()
      .describe('File test.'),
    metadata: z
      .strictObject({
        user: z.string().optional().describe("The image's `USER`, exactly."),
        workdir: z.string().optional().describe("The image's `WORKDIR`, exactly."),
        env: userMap(z.string().regex(/^[^=]+$/, ENV_NAME), z.string())
          .optional()
          .describe(
            'Environment variables the image sets, each to exactly this value (others may be set too).',
          ),
        labels: userMap(z.string(), z.string())
          .optional()
          .describe('Labels the image carries, each with exactly this value (others may be there too).'),
        entrypoint: z.array(z.string()).optional().describe("The image's `ENTRYPOINT` list, exactly."),
        cmd: z.array(z.string()).optional().describe("The image's `CMD` list, exactly."),
      })
      .optional()
      .describe(
        'Metadata test: expected image config values (env and labels: at least these keys); one that checks nothing (`{}`, empty env and labels) is refused.',
      ),
  })
  .superRefine((t, ctx) => {
    const kinds = [t.command, t.file, t.metadata].filter((k) => k !== undefined).length;
    if (kinds !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `expected exactly one of "command", "file" or "metadata" (found ${kinds})`,
      });
    }
    if (t.gpu && t.command === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['gpu'],
        message: 'only a command test runs a program that can use a GPU: remove "gpu" or add "command"',
      });
    for (const [key, problem] of settingsNotChecked(t))
      ctx.addIssue({ code: 'custom', path: key, message: problem });
  });

/**
 * The settings of TEST that its kind never checks, each with why: a file or metadata test has no
 * output nor exit code, a path that must not exist no mode, and a metadata test of nothing (or of
 * empty env and labels maps, "at least these keys") checks nothing. Each was dropped without a
 * word, and the test passed on what it did check, or on nothing.
 */
function settingsNotChecked(t: {
  command?: unknown;
  expectedOutput: readonly string[];
  excludedOutput: readonly string[];
  exitCode: number;
  file?: { exists: boolean; mode?: string | undefined } | undefined;
  metadata?: Record<string, unknown> | undefined;
}): [(string | number)[], string][] {
  const out: [(string | number)[], string][] = [];
  if (t.command === undefined) {
    const given = {
      expectedOutput: t.expectedOutput.length > 0,
      excludedOutput: t.excludedOutput.length > 0,
      exitCode: t.exitCode !== 0,
    };
    for (const [key, set] of Object.entries(given))
      if (set)
        out.push([
          [key],
          `only a command test has output and an exit code to check: remove "${key}" or add "command"`,
        ]);
  }
  if (t.file?.exists === false && t.file.mode !== undefined)
    out.push([
      ['file', 'mode'],
      'a path that must not exist has no mode to check: remove "mode" or "exists: false"',
    ]);
  const m = t.metadata;
  if (m !== undefined) {
    const checks = Object.entries(m).filter(
      ([k, v]) =>
        v !== undefined && !((k === 'env' || k === 'labels') && Object.keys(v as object).length === 0),
    );
    if (checks.length === 0)
      out.push([
        ['metadata'],
        'checks nothing: give at least one of user, workdir, env, labels, entrypoint, cmd (env and labels not empty)',
      ]);
  }
  return out;
}

export type CustomTestSpec = z.output<typeof CustomTest>;

export const SmokeConfigSchema = z
  .strictObject({
    suites: z
      .array(z.enum(SMOKE_SUITES))
      .superRefine(eachOnce('suite'))
      .default([...SMOKE_SUITES])
      .describe('Smoke suites to run, each named once; GPU suites skip on runners without a GPU.'),
    requireGpu: z.boolean().default(false).describe('Fail (not skip) GPU suites when no GPU is visible.'),
    gpuRunnerLabels: z
      .array(
        z.string().superRefine((label, ctx) => {
          const problem = runnerLabelProblem(label);
          if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
        }),
      )
      .min(1)
      .default(DEFAULT_GPU_RUNNER_LABELS)
      .describe(
        "runs-on labels of the self-hosted GPU runner, for a workflow of your own: the plan sub-action's `config` output carries them (`runs-on: ${{ fromJSON(needs.plan.outputs.config).smoke.gpuRunnerLabels }}`). The reusable workflow `ml-image.yml` does not read them: its `gpu-runner-labels` input decides, so a pull request's config never picks a self-hosted runner.",
      ),
    baseline: z
      .string({ error: 'expected a file path' })
      .min(1, { error: 'expected a file path' })
      .optional()
      .describe(
        'Per-GPU throughput floors (JSON), relative to the config file. On a GitHub runner it must be inside the workspace.',
      ),
    timeoutSeconds: z
      .number()
      .int()
      .positive()
      .max(MAX_TIMEOUT_SECONDS)
      .default(600)
      .describe(`Per-test timeout, in seconds (1 to ${MAX_TIMEOUT_SECONDS}).`),
    network: z
      .enum(SMOKE_NETWORKS)
      .default('none')
      .describe(
        'Network of the custom command tests: `none` (loopback only) or `bridge` (for a test that needs the network). The built-in suites always run without one.',
      ),
    tests: z
      .array(CustomTest)
      .superRefine((tests, ctx) => {
        // The results (smoke.json, JUnit, the report) name each test by its name.
        const first = new Map<string, number>();
        tests.forEach((t, i) => {
          const at = first.get(t.name);
          if (at === undefined) first.set(t.name, i);
          else
            ctx.addIssue({
              code: 'custom',
              path: [i, 'name'],
              message: `${JSON.stringify(t.name)} is also the name of smoke.tests[${at}]: each test needs its own (the results name tests by it)`,
            });
        });
      })
      .default([])
      .describe('Custom tests (the `custom` suite).'),
  })
  .prefault({})
  .describe('Smoke tests run inside the built image.');
