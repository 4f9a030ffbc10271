// pip's hash-checking failures told apart (hash-failure.ts, failure.ts): a file that does not match
// its --hash, requirements without a --hash in that mode ("Hashes are required in --require-hashes
// mode": a line without one, or a dependency no line names), requirements not pinned with ==. Each
// was "a downloaded file does not match the --hash" before, whatever pip said. Outputs: pip 26.2.1
// (the reviewer's harness, local wheels, paths as in the resolver's container).
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
  mismatch: `Processing /wheels/foo-1.0-py3-none-any.whl (from -r ${D}/requirements.txt (line 1))
ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE. If you have updated the package versions, please update the hashes. Otherwise, examine the package contents carefully; someone may have tampered with them.
    foo==1.0 from file:///wheels/foo-1.0-py3-none-any.whl (from -r ${D}/requirements.txt (line 1)):
        Expected sha256 ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
             Got        08b1aa34e86809332ca4d467c7867d26b67f6caa01a2d1189c30d990fd51b710

`,
};

const ctx: FailureContext = {
  image: 'python:3.12-slim',
  origins: ['/w/requirements.txt:1', '/w/requirements.txt:2'],
  requirements: [
    { name: 'foo', editable: false, origin: '/w/requirements.txt:1' },
    { name: 'numpy', editable: false, origin: '/w/requirements.txt:2' },
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
  });
});
