// pip's hash-checking failures told apart (hash-failure.ts, failure.ts): a file that does not match
// its --hash, requirements without a --hash in that mode ("Hashes are required in --require-hashes
// mode": a line without one, or a dependency no line names), requirements not pinned with ==. Each
// was "a downloaded file does not match the --hash" before, whatever pip said. Outputs: pip 26.2.1
// (the reviewer's harness, local wheels, paths as in the resolver's container). A dependency no line
// lists is unpinned (pip checks the pin first): pip writes it with its dependent's "(line N)", which
// blamed that line's requirement as "not pinned with ==" though it is pinned and hashed; pip 23.2.1
// and 26.2.1 write it alike, but for a requirement with extras (26: "torch==V->torch[gpu]==V").
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { type FailureContext, pipFailureError } from '../../src/resolve/failure.js';
import { hashFailureOf } from '../../src/resolve/hash-failure.js';

const D = '/tmp/ml-image-resolve';
const HEAD_MISSING =
  'ERROR: Hashes are required in --require-hashes mode, but they are missing from some requirements. Here is a list of those requirements along with the hashes their downloaded archives actually had. Add lines like these to your requirements files to prevent tampering. (If you did not enable --require-hashes manually, note that it turns on automatically when any package has a hash.)';
const OUT = {
  // foo==1.0 on line 1 without a --hash, numpy==2.0.0 --hash=... on line 2.
  lineWithout: `Processing /wheels/foo-1.0-py3-none-any.whl (from -r ${D}/requirements.txt (line 1))
${HEAD_MISSING}
    foo==1.0 --hash=sha256:08b1aa34e86809332ca4d467c7867d26b67f6caa01a2d1189c30d990fd51b710
`,
  // What the dry run asks for besides the files (torch==2.0.0, a dependency), no line names it.
  dependency: `Processing /wheels/torch-2.0.0-py3-none-any.whl
${HEAD_MISSING}
    torch==2.0.0 --hash=sha256:8292390f512376bba9c42a62a18acd5ed974b893b709a6e6b6e98dd13494ae1d
`,
  // numpy==2.0.0 --hash=... on line 1, torch==2.5.1 --hash=... on line 2; torch needs filelock.
  depOfLine: `Processing /wheels/numpy-2.0.0-py3-none-any.whl (from -r ${D}/requirements.txt (line 1))
Processing /wheels/torch-2.5.1-py3-none-any.whl (from -r ${D}/requirements.txt (line 2))
Processing /wheels/filelock-3.16.1-py3-none-any.whl (from torch==2.5.1->-r ${D}/requirements.txt (line 2))
ERROR: In --require-hashes mode, all requirements must have their versions pinned with ==. These do not:
    filelock from file:///wheels/filelock-3.16.1-py3-none-any.whl (from torch==2.5.1->-r ${D}/requirements.txt (line 2))
`,
  // pip 26.2.1, torch[gpu]==2.5.1 --hash=... on line 2.
  depOfExtras: `Processing /wheels/numpy-2.0.0-py3-none-any.whl (from -r ${D}/requirements.txt (line 1))
Processing /wheels/torch-2.5.1-py3-none-any.whl (from torch[gpu]==2.5.1->-r ${D}/requirements.txt (line 2))
Processing /wheels/filelock-3.16.1-py3-none-any.whl (from torch==2.5.1->torch[gpu]==2.5.1->-r ${D}/requirements.txt (line 2))
ERROR: In --require-hashes mode, all requirements must have their versions pinned with ==. These do not:
    filelock from file:///wheels/filelock-3.16.1-py3-none-any.whl (from torch==2.5.1->torch[gpu]==2.5.1->-r ${D}/requirements.txt (line 2))
`,
  // torch, filelock and sympy==1.13.1 hashed on lines 1 to 3 (pip 23.2.1): sympy needs mpmath<1.4,>=1.1.0.
  depWithSpecifier: `Processing /wheels/sympy-1.13.1-py3-none-any.whl (from -r ${D}/requirements.txt (line 3))
Processing /wheels/mpmath-1.3.0-py3-none-any.whl (from sympy==1.13.1->-r ${D}/requirements.txt (line 3))
ERROR: In --require-hashes mode, all requirements must have their versions pinned with ==. These do not:
    mpmath<1.4,>=1.1.0 from file:///wheels/mpmath-1.3.0-py3-none-any.whl (from sympy==1.13.1->-r ${D}/requirements.txt (line 3))
`,
  // A line of its own without == (pip 23.2.1): blamed on that line, as before.
  lineUnpinned: `Processing /wheels/foo-1.0-py3-none-any.whl (from -r ${D}/requirements.txt (line 1))
ERROR: In --require-hashes mode, all requirements must have their versions pinned with ==. These do not:
    foo from file:///wheels/foo-1.0-py3-none-any.whl (from -r ${D}/requirements.txt (line 1))
`,
  mismatch: `Processing /wheels/foo-1.0-py3-none-any.whl (from -r ${D}/requirements.txt (line 1))
ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE. If you have updated the package versions, please update the hashes. Otherwise, examine the package contents carefully; someone may have tampered with them.
    foo==1.0 from file:///wheels/foo-1.0-py3-none-any.whl (from -r ${D}/requirements.txt (line 1)):
        Expected sha256 ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
             Got        08b1aa34e86809332ca4d467c7867d26b67f6caa01a2d1189c30d990fd51b710

`,
};

const ctx: FailureContext = {
  image: 'python:3.12-slim',
  origins: ['/w/requirements.txt:1', '/w/requirements.txt:2', '/w/requirements.txt:3'],
  requirements: [
    { name: 'foo', editable: false, origin: '/w/requirements.txt:1' },
    { name: 'numpy', editable: false, origin: '/w/requirements.txt:2' },
    { name: 'sympy', editable: false, origin: '/w/requirements.txt:3' },
  ],
  indexes: { extraIndexUrls: [] },
};

describe("pip's hash-checking failures, each with its cause and fix (exit 2)", () => {
  it.each<[keyof typeof OUT, string, string[], RegExp, RegExp]>([
    [
      'lineWithout',
      'missing',
      ['foo==1.0'],
      /^\/w\/requirements\.txt:1: pip's hash-checking mode is on \(a --hash on any requirement or constraint line turns it on for every requirement, as --require-hashes does\), and foo==1\.0 has no --hash \(\/w\/requirements\.txt:1: a line without one\)/,
      /^give each line its --hash, and list each dependency too/,
    ],
    [
      'dependency',
      'missing',
      ['torch==2.0.0'],
      /^pip's hash-checking mode is on .*, and torch==2\.0\.0 has no --hash \(torch==2\.0\.0: a dependency no line names\)/,
      /pinned with == and its hashes \(pip-compile --generate-hashes.*or drop every --hash and --require-hashes/,
    ],
    [
      'depOfLine',
      'unpinned',
      ['filelock'],
      /^\/w\/requirements\.txt:2: pip's hash-checking mode is on .*, and filelock is not pinned with ==: it is a dependency of torch==2\.5\.1 \(\/w\/requirements\.txt:2\) that no line lists, so pip takes it as torch==2\.5\.1 asks for it, with no == pin\n/,
      /^add filelock to the requirements, pinned with == and with its hashes \(pip-compile --generate-hashes, .*\), or drop every --hash and --require-hashes/,
    ],
    [
      'depOfExtras',
      'unpinned',
      ['filelock'],
      /^\/w\/requirements\.txt:2: .*, and filelock is not pinned with ==: it is a dependency of torch\[gpu\]==2\.5\.1 \(\/w\/requirements\.txt:2\) that no line lists/,
      /^add filelock to the requirements, pinned with == and with its hashes/,
    ],
    [
      'depWithSpecifier',
      'unpinned',
      ['mpmath<1.4,>=1.1.0'],
      /^\/w\/requirements\.txt:3: .*, and mpmath<1\.4,>=1\.1\.0 is not pinned with ==: it is a dependency of sympy==1\.13\.1 \(\/w\/requirements\.txt:3\) that no line lists/,
      /^add mpmath to the requirements, pinned with ==/,
    ],
    [
      'lineUnpinned',
      'unpinned',
      ['foo'],
      /^\/w\/requirements\.txt:1: pip's hash-checking mode is on .*, and foo is not pinned with ==\n/,
      /^pin each to one version \(name==1\.2\.3\) with its --hash, or drop every --hash/,
    ],
    [
      'mismatch',
      'mismatch',
      ['foo==1.0'],
      /^\/w\/requirements\.txt:1: a downloaded file does not match the --hash given in the requirements/,
      /^update the --hash values/,
    ],
  ])('%s', (key, problem, requirements, message, fix) => {
    expect(hashFailureOf(OUT[key])).toMatchObject({ problem, requirements });
    const err = pipFailureError(OUT[key], ctx)!;
    expect(err.exitCode).toBe(ExitCode.BadInput);
    expect(err.message).toMatch(message);
    expect(err.fix).toMatch(fix);
    if (problem === 'missing') expect(err.message).not.toMatch(/does not match/);
    // pip's words name the user's file and line, not the container's.
    expect(err.message).not.toContain(D);
    // A dependency's line is blamed as what needs it, never as a line without ==.
    if (key.startsWith('dep')) expect(err.fix).not.toMatch(/pin each to one version/);
  });

  it('what asks for a dependency: the chain nearest first, without markers, and its line', () => {
    const listed = (from: string) =>
      hashFailureOf(
        `ERROR: In --require-hashes mode, all requirements must have their versions pinned with ==. These do not:\n    mpmath from https://files.example/mpmath-1.3.0-py3-none-any.whl (from ${from})\n`,
      )?.requiredBy.mpmath;
    expect.soft(listed(`-r ${D}/requirements.txt (line 4)`)).toBeUndefined();
    expect
      .soft(listed(`sympy==1.13.1; python_version >= "3.9"->torch==2.5.1->-r ${D}/requirements.txt (line 2)`))
      .toEqual({
        chain: ['sympy==1.13.1', 'torch==2.5.1'],
        line: 2,
      });
    // torch==V on pip's command line (the variant's torch): no line.
    expect
      .soft(listed('sympy==1.13.1->torch==2.5.1'))
      .toEqual({ chain: ['sympy==1.13.1', 'torch==2.5.1'], line: 0 });
  });
});
