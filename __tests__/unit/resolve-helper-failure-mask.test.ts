// The resolver helper's own failure (its stdout no JSON: a traceback) quotes the end of what it
// printed, masked with pip's mask (pipOutputMask: the ${NAME} values, index logins), then cut to
// 500 characters. Cut first and masked after, a value straddling the cut was no longer whole, so
// neither the value mask nor the URL rules (`sig=` cut off) saw it, and its tail was shown.
import { describe, expect, it } from 'vitest';
import { CheckFailedError } from '../../src/errors.js';
import { AnalysisSchema } from '../../src/resolve/helper-output.js';
import { pipOutputMask, type ResolveInput } from '../../src/resolve/input.js';
import { parseHelperOutput } from '../../src/resolve/workspace.js';

const AZ_SAS = 'Zm9vYmFyYmF6c2VjcmV0c2lnbmF0dXJlplantedSasSig0123';
const input: ResolveInput = {
  image: 'python:3.12-slim',
  platform: 'linux/amd64',
  requirements: {
    text: 'pkg @ https://acct.blob.core.windows.net/w/pkg-1.0-py3-none-any.whl?sv=2024&sig=${AZ_SAS}',
    origins: ['requirements.txt:1'],
  },
  pipEnv: { AZ_SAS },
  mode: 'auto',
};

describe("the resolver helper's failure: pip's mask over its output", () => {
  it.each([
    ['the value whole in the quoted end', 0],
    ['the value cut by the 500-character end', AZ_SAS.length - 30],
  ])('%s', (_name, cutInside) => {
    const line = `requests.exceptions.HTTPError: 403 Client Error: Server failed to authenticate the request for url: https://acct.blob.core.windows.net/w/pkg-1.0-py3-none-any.whl?sv=2024&sig=${AZ_SAS}`;
    // What follows the value: the quoted end starts CUTINSIDE characters into it.
    const after =
      `\n${'  during handling of the above exception, another exception occurred\n'.repeat(20)}`.slice(
        0,
        500 - (AZ_SAS.length - cutInside),
      );
    const stderr = `Traceback (most recent call last):\n${'  File "/tmp/ml-image/helper.py", line 1\n'.repeat(20)}${line}${after}`;
    let err: unknown;
    try {
      parseHelperOutput(
        AnalysisSchema,
        { exitCode: 1, stdout: '', stderr },
        input.image,
        pipOutputMask(input),
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CheckFailedError);
    const message = (err as Error).message;
    expect(message).toMatch(/^the resolver helper failed in python:3\.12-slim \(exit 1\)/);
    // No 16 characters of the value, whole or in part.
    for (let i = 0; i + 16 <= AZ_SAS.length; i++) expect(message).not.toContain(AZ_SAS.slice(i, i + 16));
  });

  it('a token of a known shape that the 500-character end cuts: masked before the cut (finding)', () => {
    const TOK = 'ghp_aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5';
    const line = `pip._vendor.packaging.requirements.InvalidRequirement: Expected end or semicolon\n    mylib @ https://example.com/mylib.whl ${TOK}`;
    const after =
      `\n${'  during handling of the above exception, another exception occurred\n'.repeat(20)}`.slice(
        0,
        500 - (TOK.length - 2),
      );
    const stderr = `Traceback (most recent call last):\n${line}${after}`;
    let message = '';
    try {
      parseHelperOutput(
        AnalysisSchema,
        { exitCode: 1, stdout: '', stderr },
        input.image,
        pipOutputMask(input),
      );
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^the resolver helper failed/);
    expect(message).not.toContain(TOK.slice(4, 20));
    expect(message).not.toContain(TOK.slice(-16));
  });
});
