// What a build arg's, a label's or an annotation's value may hold (src/config/build-args.ts): a
// credential is refused by the rule a requirements file's URLs are judged by, placeholders and
// ${NAME} references are not credentials.
import { describe, expect, it } from 'vitest';
import { buildArgSecretProblem, credentialInValue } from '../../src/config/build-args.js';
import { validateConfigData } from '../../src/config/load.js';
import { ConfigError, exitCodeOf } from '../../src/errors.js';

const SAS = 'https://acct.blob.core.windows.net/c/model.bin?sv=2022-11-02&sig=PLANTEDsas0123456789abcdef';

describe('credentialInValue', () => {
  it.each([
    // [what, value, the reason given, or undefined for a value kept]
    ['an Azure SAS signature', SAS, 'its value holds a token in the query parameter sig'],
    [
      'a ?token= value',
      'https://h.example/m.bin?token=PLANTEDtok0123456789',
      'a token in the query parameter token',
    ],
    [
      'an S3 presigned URL',
      'https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=0a1b2c3d4e5f60718293',
      'a token in the query parameter X-Amz-Signature',
    ],
    [
      'a token in the fragment',
      'https://h.example/m#access_token=PLANTEDfrag012345',
      'parameter access_token',
    ],
    [
      'a percent-encoded sig in a nested URL',
      'https://h.example/dl?u=https%3A%2F%2Fa.example%2Fm%3Fsig%3DPLANTEDenc0123456',
      'a token in the query parameter sig',
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
    // Credentials written in a form of their own, which the logs mask (finding: they reached
    // buildx's argv, the image history and labels, plan.json).
    [
      'an ADO.NET connection string',
      'Server=db;User Id=sa;Password=s3cretPLANTEDcs1;',
      "a connection string's secret",
    ],
    [
      'an Azure Storage connection string',
      'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=PLANTEDak2Zm9vYmFy==;EndpointSuffix=core.windows.net',
      "a connection string's secret",
    ],
    ['an ODBC PWD', 'DRIVER={ODBC};SERVER=db;UID=u;PWD=PLANTEDodbc9;', "a connection string's secret"],
    [
      'an Authorization header',
      'Authorization: Basic PLANTEDdXNlcjpwYXNz',
      "an Authorization header's credentials",
    ],
    ['a bearer header', 'Authorization: Bearer PLANTEDbearer77', "an Authorization header's credentials"],
    ['an npmrc line', '//npm.corp/:_authToken=PLANTEDnpm0042', 'a credential written as a setting'],
    ['a setting', 'api_key=PLANTEDsetting42', 'a credential written as a setting'],
    // The same forms without a value of their own are kept.
    ['a connection string with a reference', 'Server=db;User Id=sa;Password=${DB_PW};', undefined],
    ['a connection string without a password', 'Server=db;Database=m;Trusted_Connection=True;', undefined],
    ['Authorization: none', 'Authorization: none', undefined],
    ['a setting naming none', 'api_key=none', undefined],
    ['a connection string key given a plain word', 'password=none', undefined],
    ['the same in a connection string', 'Server=db;Password=NONE;Encrypt=true', undefined],
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
      'its value holds a token in the query parameter sig; build arguments are recorded in the image history',
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

describe('buildArgSecretProblem: the shapes a credential commonly takes', () => {
  // An Azure storage account key: 88 characters of base64.
  const AZURE = `${'Ab3+x9Zq/Lm2'.repeat(7)}Wq==`;
  const PEM =
    '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----';
  it.each<[string, string, string]>([
    ['MYSQL_ROOT_PWD', 'x', 'its name says it holds a credential'],
    ['DB_PWD', 'x', 'its name says it holds a credential'],
    ['AZURE_STORAGE_KEY', AZURE, 'its name says it holds a credential'],
    ['KAGGLE_KEY', '0123456789abcdef0123456789abcdef', 'its name says it holds a credential'],
    ['NGC_KEY', 'x', 'its name says it holds a credential'],
    ['DEPLOY_KEY', PEM, 'its name says it holds a credential'],
    ['SSH_MATERIAL', PEM, 'its value holds a PEM private key block'],
    ['RSA', '-----BEGIN RSA PRIVATE KEY-----\nMIIEow', 'its value holds a PEM private key block'],
    ['TLS', '-----BEGIN PRIVATE KEY-----', 'its value holds a PEM private key block'],
    ['EC', '-----BEGIN EC PRIVATE KEY-----', 'its value holds a PEM private key block'],
    ['GPG_EXPORT', '-----BEGIN PGP PRIVATE KEY BLOCK-----', 'its value holds a PEM private key block'],
    ['NGC', `nvapi-${'Xy7_Qk2-Lm9'.repeat(6)}`, 'its value holds a token ([redacted])'],
    ['STRIPE', `sk_live_${'51HxQ2aBcD'.repeat(3)}`, 'its value holds a token ([redacted])'],
    ['STRIPE_RESTRICTED', `rk_live_${'51HxQ2aBcD'.repeat(3)}`, 'its value holds a token ([redacted])'],
  ])('%s is refused', (name, value, why) => {
    const got = buildArgSecretProblem(name, value);
    expect(got).toContain(why);
    expect(got).toContain('build arguments are recorded in the image history');
    // Never the value, nor any part of it.
    for (const part of value.split(/[\n-]+/).filter((p) => p.length >= 6 && !/PRIVATE|BEGIN|nvapi/.test(p)))
      expect(got).not.toContain(part);
  });

  // What ML Dockerfiles commonly take as build args, and the *_KEY names that hold no secret.
  it.each([
    ['CACHE_KEY', 'v2'],
    ['PIP_CACHE_KEY', 'torch-2.5'],
    ['CCACHE_KEY', 'gcc-12'],
    ['SCCACHE_KEY', 'v1'],
    ['S3_KEY', 'models/bert/v1.bin'],
    ['MODEL_S3_KEY', 'models/bert/v1.bin'],
    ['MODEL_KEY', 'bert-base-uncased'],
    ['HASH_KEY', 'sha256'],
    ['SORT_KEY', 'k'],
    ['GPG_KEY', 'A035C8C19219BA821ECEA86B64E628F8D684696D'],
    ['SSH_PUBLIC_KEY', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ci'],
    ['PARTITION_KEY', 'date'],
    ['KEY', 'v'],
    ['KEYRING_URL', 'https://pkg.example/keyring.gpg'],
    ['PKG_SIGNING_KEY_URL', 'https://pkg.example/key.asc'],
    ['PWD_HINT', 'x'],
    ['MODEL_NAME', 'bert-base-uncased'],
    ['HF_HOME', '/cache/hf'],
    ['CUDA_ARCH_LIST', '8.0;8.6;9.0'],
    ['TORCH_CUDA_ARCH_LIST', '8.0 8.6 9.0+PTX'],
    ['MAX_JOBS', '4'],
    ['APP_UID', '1001'],
    ['PIP_EXTRA_ARGS', '--no-deps'],
    ['NOTE', 'skill_test_results'],
    ['DOC', 'the BEGIN PUBLIC KEY block'],
  ])('%s=%s is kept', (name, value) => {
    expect(buildArgSecretProblem(name, value)).toBeUndefined();
  });
});

/** The problems the loader gives build.args ARGS (a ConfigError, exit 2), or [] where it accepts them. */
function argProblems(args: Record<string, string>, build: Record<string, unknown> = {}): string[] {
  try {
    validateConfigData({ image: { name: 'o/m' }, build: { ...build, args } }, 'ml-image.yml');
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    expect(exitCodeOf(e)).toBe(2);
    return [...(e as ConfigError).problems];
  }
}

describe('build.args that BuildKit or the templates read as more than a value: refused by the loader', () => {
  it.each([
    // useradd --uid failed inside the build, after the resolve stage.
    ['APP_UID', '', /build\.args\.APP_UID: "" is not a user ID/],
    ['APP_UID', 'app', /"app" is not a user ID: the templates create app with useradd --uid/],
    ['APP_UID', '1000 ', /"1000 " is not a user ID/],
    ['APP_UID', '-1', /"-1" is not a user ID/],
    ['APP_UID', '01000', /"01000" is not a user ID/],
    ['APP_UID', '4294967295', /"4294967295" is not a user ID/],
    ['APP_UID', '1000\nRUN id', /"1000\\nRUN id" is not a user ID/],
  ])('%s=%j is refused, naming the field and the value', (name, value, message) => {
    const problems = argProblems({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it.each(['0', '1000', '1001', '4294967294'])('APP_UID=%s is kept', (uid) => {
    expect(argProblems({ APP_UID: uid })).toEqual([]);
  });

  it("APP_UID of a config with a Dockerfile of its own is that Dockerfile's to read", () => {
    expect(argProblems({ APP_UID: 'app' }, { dockerfile: 'Dockerfile' })).toEqual([]);
  });

  // BuildKit's own settings as build arguments are the user's, as with docker/build-push-action
  // (BUILDKIT_INLINE_CACHE=1 for an inline cache); whoever edits the config can edit the Dockerfile.
  it.each(['BUILDKIT_INLINE_CACHE', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR', 'BUILDKIT_SYNTAX'])(
    '%s=1 is kept, as build-push-action passes it',
    (name) => {
      expect(argProblems({ [name]: '1' })).toEqual([]);
    },
  );
});
