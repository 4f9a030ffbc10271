// What a build arg's, a label's or an annotation's value may hold (src/config/build-args.ts): a
// credential is refused by the rule a requirements file's URLs are judged by, placeholders and
// ${NAME} references are not credentials.
import { describe, expect, it } from 'vitest';
import { buildArgSecretProblem, credentialInValue } from '../../src/config/build-args.js';

const SAS = 'https://acct.blob.core.windows.net/c/model.bin?sv=2022-11-02&sig=PLANTEDsas0123456789abcdef';

describe('credentialInValue', () => {
  it.each([
    // [what, value, the reason given, or undefined for a value kept]
    ['an Azure SAS signature', SAS, 'its value holds a token in the query (sig=)'],
    [
      'a ?token= value',
      'https://h.example/m.bin?token=PLANTEDtok0123456789',
      'a token in the query (token=)',
    ],
    [
      'an S3 presigned URL',
      'https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=0a1b2c3d4e5f60718293',
      'a token in the query (X-Amz-Signature=)',
    ],
    ['a token in the fragment', 'https://h.example/m#access_token=PLANTEDfrag012345', 'access_token='],
    [
      'a percent-encoded sig in a nested URL',
      'https://h.example/dl?u=https%3A%2F%2Fa.example%2Fm%3Fsig%3DPLANTEDenc0123456',
      'a token in the query (sig=)',
    ],
    [
      'an Anaconda /t/ token',
      'https://conda.anaconda.org/t/PLANTEDconda-0123456789/my-channel',
      'an Anaconda token (/t/<token>/)',
    ],
    [
      'a percent-encoded login in a URL',
      'https://h.example/dl?u=https%3A%2F%2Fme%3As3cr3tpw%40a.example%2Fm',
      'a login (a password, or a token as the user name)',
    ],
    ['a login', 'https://me:s3cret@pypi.corp/simple', 'its value carries URL credentials'],
    ['a token of a known form', `ghp_${'a1B2'.repeat(9)}`, 'its value holds a token ([redacted])'],
    // No credential: what the shared rules leave (no secret parameter, placeholders, references).
    ['a plain URL', 'https://acct.blob.core.windows.net/c/model.bin?sv=2022-11-02', undefined],
    ['a placeholder <token>', 'https://h.example/m.bin?sig=<token>', undefined],
    ['a placeholder YOUR_SAS', 'https://h.example/m.bin?sig=YOUR_SAS', undefined],
    ['a ${NAME} reference', 'https://h.example/m.bin?token=${MODEL_TOKEN}', undefined],
    ['a short value', 'https://h.example/m.bin?sig=abc', undefined],
    ['a masked value', 'https://h.example/m.bin?sig=****', undefined],
    ['/t/ off Anaconda', 'https://forum.example/t/some-topic-0123456789/42', undefined],
    ['SSH git@', 'git@github.com:o/r.git', undefined],
    ['no URL', 'sig=PLANTEDsas0123456789abcdef', undefined],
    ['plain text', 'release 1.2.3', undefined],
  ])('%s', (_what, value, why) => {
    const got = credentialInValue(value);
    if (why === undefined) expect(got).toBeUndefined();
    else {
      expect(got).toContain(why);
      // The message names where the credential is, never the credential.
      expect(got).not.toMatch(/PLANTED|s3cret|s3cr3tpw|0a1b2c3d/);
    }
  });
});

describe('buildArgSecretProblem', () => {
  it.each([
    [
      'MODEL_URL',
      SAS,
      'its value holds a token in the query (sig=); build arguments are recorded in the image history',
    ],
    ['MODEL_URL', 'https://h.example/m.bin?sig=<sig>', undefined],
    ['MODEL_URL', 'https://h.example/m.bin?sig=${SAS}', undefined],
    ['HF_TOKEN', 'x', 'its name says it holds a credential or an index URL'],
  ])('%s=%s', (name, value, why) => {
    const got = buildArgSecretProblem(name, value);
    if (why === undefined) expect(got).toBeUndefined();
    else expect(got).toContain(why);
  });
});
