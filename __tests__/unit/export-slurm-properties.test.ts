// Property tests of the Slurm export against what a user or a config controls: every value either
// reaches job.sbatch as exactly the words it was (read back through a model of bash's quoting, no
// process started), one #SBATCH directive a line, or is refused with an InputError (exit 2) naming
// the flag and the value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/export/common.js';
import { slurmScript, type SlurmOptions } from '../../src/export/slurm.js';
import { InputError } from '../../src/errors.js';
import { HOSTILE, slurm } from '../helpers/export-fixtures.js';
import { shellWords } from '../helpers/shell-words.js';

/** Pieces a shell or sbatch would read as more than text, and any code point. */
const PIECES = [
  ...HOSTILE,
  '\n',
  '\r',
  '\t',
  '\u2028',
  '\u0085',
  '${HOME}',
  '$((1+1))',
  ';',
  '&&',
  '|',
  "'",
  '"',
  '\\',
  '#SBATCH --wrap=x',
  '\n#SBATCH --x',
  '!',
  '~',
  '{a,b}',
  'a',
  '-',
  '=',
];
const hostile = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
  fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((a) => a.join('')),
);
/** A value without NUL, which no shell word holds (refused: export-imports.test.ts). */
const word = hostile.filter((s) => !s.includes('\0'));

const PROPS = { seed: 20261207, numRuns: 200 };

/** The text of the imports step's command, from its run_step to its record line. */
const importsCommand = (text: string): string => {
  const start = text.indexOf('run_step imports ');
  return text.slice(start, text.indexOf('\nrecord imports', start));
};

/** Whether F throws an InputError, exit 2, whose message names FIELD and VALUE; false when it returns. */
function refused(f: () => unknown, field: string, value: string): boolean {
  try {
    f();
    return false;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).exitCode).toBe(2);
    expect((e as InputError).message).toContain(field);
    expect((e as InputError).message).toContain(value);
    return true;
  }
}

describe('shellQuote against a model of bash single quotes', () => {
  it('reads back as the one word it was given, nothing interpreted', () => {
    fc.assert(
      fc.property(word, (w) => {
        expect(shellWords(shellQuote(w))).toEqual([w]);
      }),
      { seed: 20261207, numRuns: 2000 },
    );
  });

  it.each([[''], ["it's"], ['$(touch PWNED)'], ['a\nb'], ['--flag'], ['\u2028']])('%j', (w) => {
    expect(shellWords(shellQuote(w))).toEqual([w]);
  });

  it('the model refuses what the shell would interpret', () => {
    for (const t of ['$(x)', 'a;b', '`x`', 'a\nb', '*', "'open"]) expect(shellWords(t)).toBeUndefined();
  });
});

describe('slurmScript: values from the config reach the job as the words they were', () => {
  it('requirement names and the floors table', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), word, (names, gpu) => {
        const baseline = { [gpu]: { note: gpu } } as unknown as SlurmOptions['baseline'];
        const text = slurmScript(
          slurm({ suites: ['imports', 'gpu'], distributions: names, gpusPerNode: 1, baseline }),
        );
        expect(shellWords(importsCommand(text))).toEqual([
          'run_step',
          'imports',
          'python3',
          '/ml-image/ml_image_smoke.py',
          'imports',
          ...names,
        ]);
        const floors = /^ML_IMAGE_FLOORS=(.*)$/m.exec(text)![1]!;
        const [table] = shellWords(floors)!;
        expect(JSON.parse(table!)).toEqual(baseline);
      }),
      PROPS,
    );
  });
});

describe('slurmScript: the #SBATCH lines', () => {
  /** The lines sbatch reads directives from: up to the first command. */
  const header = (text: string) => {
    const lines = text.split('\n').slice(1);
    return lines.slice(
      0,
      lines.findIndex((l) => l !== '' && !l.startsWith('#')),
    );
  };

  it.each<[keyof SlurmOptions, string]>([
    ['partition', '--partition'],
    ['account', '--account'],
    ['name', '--name'],
    ['memory', '--memory'],
    ['output', 'output'],
  ])('%s: one directive a line holding the value, else refused naming %s', (key, field) => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.constantFrom('gpu', 'a.b_c-1', '64Gi', 'smoke-1')), (value) => {
        let text = '';
        if (refused(() => (text = slurmScript(slurm({ [key]: value }))), field, value)) return;
        const lines = header(text).filter((l) => l.startsWith('#SBATCH'));
        for (const l of lines) expect(l).toMatch(/^#SBATCH --[a-z-]+(=[A-Za-z0-9._%/:,=@-]+)?$/);
        // Only comments and directives before the first command, which is set's.
        for (const l of header(text)) expect(l).toMatch(/^(#.*)?$/);
        expect(text).not.toContain('\r');
        // --memory as sbatch reads it: 64Gi is --mem=64G.
        expect(lines.join('\n')).toContain(key === 'memory' ? value.replace(/i$/, '') : value);
      }),
      PROPS,
    );
  });
});
