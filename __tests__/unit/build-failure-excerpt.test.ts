// The end of the build log a failed build's message quotes: BuildKit (>= 0.9) quotes every line of
// the failing instruction after the error, and a template's pip step is 73 lines long.
import { describe, expect, it } from 'vitest';
import { shortSourceQuotes } from '../../src/build/retry.js';
import { CheckFailedError } from '../../src/errors.js';
import { attemptError } from '../helpers/failed-attempt.js';

/** BuildKit's quote of an instruction on lines FROM..TO of the Dockerfile, one line of context each side. */
const quote = (from: number, to: number) => [
  `Dockerfile:${from}`,
  '--------------------',
  `  ${from - 1} |     FROM python:3.12-slim`,
  ...Array.from({ length: to - from + 1 }, (_, i) => `  ${from + i} | >>>     step ${i}; \\`),
  `  ${to + 1} |     COPY . /app`,
  '--------------------',
];

// As docker buildx build --progress plain (buildx 0.2x, dockerd 26) ends a failed pip step.
const pipFailure = [
  '#9 [3/5] RUN --mount=type=secret,id=ml_image_requirements set -eu; s=/run/secrets',
  '#9 1.577 ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/...',
  '#9 ERROR: process "/bin/sh -c set -eu; s=/run/secrets" did not complete successfully: exit code: 1',
  '------',
  ' > [3/5] RUN --mount=type=secret,id=ml_image_requirements set -eu; s=/run/secrets:',
  '1.577     The user requested tqdm==99.0',
  '1.577 ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/...',
  '------',
  ...quote(85, 157),
  'ERROR: failed to solve: process "/bin/sh -c set -eu; s=/run/secrets" did not complete successfully: exit code: 1',
].join('\n');

describe("a failed build's log excerpt", () => {
  it("keeps the Dockerfile line and pip's error when BuildKit quotes a long instruction", () => {
    const e = attemptError(pipFailure, { elapsed: '5.2' });
    expect(e).toBeInstanceOf(CheckFailedError);
    expect(e.message).toContain('\nDockerfile:85\n');
    expect(e.message).toContain('1.577     The user requested tqdm==99.0');
    expect(e.message).toContain('  85 | >>>     step 0; \\');
    expect(e.message).toContain('... (70 lines of the Dockerfile cut)');
    expect(e.message).toContain(
      '  157 | >>>     step 72; \\\n  158 |     COPY . /app\n--------------------\nERROR:',
    );
  });

  it('leaves a short quote, and a log without one, as they are', () => {
    const short = ['#5 ERROR: x', ...quote(3, 4), 'ERROR: failed to solve: x'].join('\n');
    expect(shortSourceQuotes(short)).toBe(short);
    const plain = 'a:1\n--------------------\nnot a quoted line\n--------------------';
    expect(shortSourceQuotes(plain)).toBe(plain);
  });
});
