// Property: each flag parser of the CLI, given any string, returns a value or throws an InputError
// (exit 2) whose message names the flag; never a TypeError, RangeError or a message without it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imageFlag, platformFlag, suitesFlag, timeoutFlag } from '../../src/cli/args.js';
import {
  cliFlagNaming,
  parseMinTflops,
  parseVerifyFlags,
  VERIFY_FLAGS,
} from '../../src/attest/verify-flags.js';
import {
  gpusPerNodeFlag,
  nodeSelectorFlag,
  tolerationFlag,
  wholeNumber,
} from '../../src/cli/commands/export-flags.js';
import { InputError } from '../../src/errors.js';
import { memoryOf } from '../../src/export/memory.js';
import { parseStages } from '../../src/pipeline/stages.js';
import { parseGpuMode } from '../../src/smoke/gpu-mode.js';

const PIECES = [
  '',
  ' ',
  '=',
  ',',
  ':',
  '/',
  '-',
  '.',
  'bf16',
  'fp16',
  'tf32',
  'fp32',
  'BF16',
  '600',
  '0',
  '-1',
  '1.5',
  '1e309',
  'e',
  'NaN',
  'Infinity',
  '9'.repeat(30),
  '0x1',
  '\u0000',
  '😀',
  'é',
  '\n',
  '__proto__',
  'constructor',
  'toString',
  'all',
  'none',
  'auto',
  'cpu',
  'gpu',
  'imports',
  'compute',
  'build',
  'smoke',
  'plan',
  'report',
  'linux/amd64',
  'linux',
  'amd64',
  'NoSchedule',
  'Gi',
  'Mi',
  'Ti',
  'sbom',
  'provenance',
  'pass',
  'refs/heads/main',
  'a'.repeat(300),
];
/** A hostile value: pieces the parsers split on and compare with, glued at random, or any string. */
const value = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

/** PARSE(v) returns, or throws an InputError whose message matches NAMES. */
function cleanly(parse: (v: string) => unknown, names: RegExp, seed: number): void {
  fc.assert(
    fc.property(value, (v) => {
      try {
        parse(v);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        expect((e as Error).message).toMatch(names);
      }
    }),
    { seed, numRuns: 1500 },
  );
}

describe('flag parsers (property)', () => {
  const cases: [string, (v: string) => unknown, RegExp][] = [
    ['--min-tflops', (v) => parseMinTflops(v), /--min-tflops/],
    ['--timeout', (v) => timeoutFlag('smoke', v), /^smoke: --timeout/],
    ['--suites', (v) => suitesFlag('smoke', v, undefined), /^smoke: --suites/],
    ['--platform', (v) => platformFlag('capture', v), /^capture: --platform/],
    ['--image', (v) => imageFlag('capture', v), /^capture: --image/],
    ['--nodes', (v) => wholeNumber('--nodes', v, 1), /^export: --nodes/],
    ['--gpus-per-node', (v) => gpusPerNodeFlag(v, true, false), /^export: --gpus-per-node/],
    ['--node-selector', (v) => nodeSelectorFlag(v), /^export: --node-selector/],
    ['--toleration', (v) => tolerationFlag(v), /^export: --toleration/],
    ['--memory', (v) => memoryOf(v), /memory|--memory/i],
    ['--stages', (v) => parseStages(v, 'run: --stages'), /^run: --stages/],
    ['--gpus', (v) => parseGpuMode(v, 'run: --gpus'), /^run: --gpus/],
  ];
  it.each(cases)('%s: a value or an InputError naming the flag', (_flag, parse, names) =>
    cleanly(parse, names, 4242),
  );

  it('the verify flags, any of them with any value: a request or an InputError naming verify', () => {
    const flags = fc.dictionary(fc.constantFrom(...VERIFY_FLAGS), value, { maxKeys: 5 });
    fc.assert(
      fc.property(flags, fc.boolean(), fc.boolean(), (values, gpu, tlog) => {
        try {
          parseVerifyFlags({ ...values, 'require-gpu-smoke': gpu, tlog }, cliFlagNaming('verify'));
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as Error).message).toMatch(/^verify: /);
        }
      }),
      { seed: 4243, numRuns: 3000 },
    );
  });

  // Long values: a regexp past V8's size limit once escaped as an internal error, and one of many
  // classes took minutes to read (re2-js.ts); each is now an answer or an InputError, quickly.
  // (No \pL among the pieces: V8 expands each Unicode class as it compiles, linear but 0.15 ms each.)
  it('a long identity regexp: a request or an InputError naming the flag (a slow read runs into the timeout of the test)', () => {
    const long = fc
      .tuple(
        fc.constantFrom('^https://github\\.com/acme/', '', '^https://github\\.com/ml-image-action/'),
        fc.constantFrom('x', '[a-z]', '(', '\\Qa\\E', '[[:alpha:]]', '{2}', '/', '(?:a)'),
        fc.integer({ min: 1_000, max: 30_000 }),
      )
      .map(([head, piece, n]) => head + piece.repeat(Math.ceil(n / piece.length)));
    fc.assert(
      fc.property(long, fc.boolean(), (regexp, pinned) => {
        try {
          parseVerifyFlags(
            {
              'certificate-identity-regexp': regexp,
              ...(pinned && { 'certificate-github-workflow-repository': 'acme/model' }),
            },
            cliFlagNaming('verify'),
          );
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as Error).message).toMatch(/^verify: --certificate-identity-regexp/);
        }
      }),
      { seed: 4244, numRuns: 40 },
    );
  });
});
