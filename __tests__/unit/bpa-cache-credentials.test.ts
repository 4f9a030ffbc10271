// A credential in a cache-from / cache-to spec (BuildKit's s3 and azblob backends take
// secret_access_key=, s3 session_token=, gha token=) never reaches buildx's command line, which any
// user of the machine reads (/proc/PID/cmdline), nor the build's log: refused, exit 2, naming the
// input and the key, never the value, with where the builder takes the credential from instead.
import { describe, expect, it } from 'vitest';
import { buildOptionsFromInputs, requestFromOptions } from '../../src/build/action-inputs.js';
import { buildxBuildArgs } from '../../src/build/buildx-args.js';
import { InputError } from '../../src/errors.js';
import { container, inputs, targetRequest, values } from '../helpers/bpa.js';

const SECRET = 'plantedS3cretAcc3ssKey/0123456789abcdefABCD';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJwbGFudGVkIjoidG9rZW4ifQ.plantedSignature0123456789';

const argv = (given: Record<string, string>) =>
  buildxBuildArgs(
    {
      ...targetRequest({ type: 'none' }),
      ...requestFromOptions(buildOptionsFromInputs(inputs(given), '/ws'), 'cpu', 'amd64'),
    },
    container,
  ).args;

// A review's finding: any '@' in a value was refused as a login; a gha scope of a branch named
// feat@v2, a local path and an s3 name may hold one.
describe("cache specs whose values hold a legitimate '@'", () => {
  it.each([
    ['cache-from', 'type=gha,scope=refs/heads/feat@v2-cpu-amd64'],
    ['cache-to', 'type=local,dest=/home/runner/work/_temp/cache@v1'],
    ['cache-from', 'type=s3,region=us-east-1,bucket=b,name=team@ml'],
    ['cache-from', `type=registry,ref=ghcr.io/o/cache:main@sha256:${'a'.repeat(64)}`],
  ])('%s %s passes', (input, spec) => {
    expect(() => argv({ [input]: spec })).not.toThrow();
  });
});

describe('cache-from / cache-to: no credential on the buildx command line', () => {
  it.each([
    [
      'an s3 cache-to with its key pair',
      'cache-to',
      `type=s3,region=us-east-1,bucket=b,name=c,access_key_id=AKIAPLANTED012345678,secret_access_key=${SECRET}`,
      SECRET,
      /gives secret_access_key=/,
      /AWS_SECRET_ACCESS_KEY/,
    ],
    [
      'an s3 cache-from with a session token',
      'cache-from',
      `type=s3,region=us-east-1,bucket=b,name=c,session_token=${SECRET}`,
      SECRET,
      /gives session_token=/,
      /aws-actions\/configure-aws-credentials/,
    ],
    [
      'an azblob cache-to with its account key',
      'cache-to',
      `type=azblob,account_url=https://acct.blob.core.windows.net,name=c,secret_access_key=${SECRET}`,
      SECRET,
      /gives secret_access_key=/,
      /Azure credentials of the builder's own environment/,
    ],
    [
      'a gha cache-from with its runtime token',
      'cache-from',
      `type=gha,url=https://r.example/,token=${JWT}`,
      JWT,
      /gives token=/,
      /ACTIONS_RUNTIME_TOKEN/,
    ],
    [
      'an s3 endpoint whose URL carries a login',
      'cache-from',
      `type=s3,region=r,bucket=b,endpoint_url=https://minio:${SECRET.replace('/', '')}@minio.internal:9000`,
      SECRET.replace('/', ''),
      /URL credentials/,
      /AWS credentials/,
    ],
    // Findings: a registry cache written as a bare reference, or a ref= with a login and no scheme.
    [
      'a bare registry cache reference with a URL login',
      'cache-from',
      'https://user:hunter2pw@ghcr.io/o/cache',
      'hunter2pw',
      /holds a login/,
      /docker\/login-action/,
    ],
    [
      'a bare registry cache reference with a login and no scheme',
      'cache-to',
      'user:hunter2/pw@ghcr.io/o/cache',
      'hunter2',
      /holds a login/,
      /docker\/login-action/,
    ],
    [
      'a bare registry cache reference with a login before host:port',
      'cache-from',
      'user:hunter2pw@registry.local:5000',
      'hunter2pw',
      /holds a login/,
      /docker\/login-action/,
    ],
    // Findings: a ',' in a password split the ref (the rest a field without '=', which buildx
    // quotes refusing it); TOKEN@host:tag read as a digest reference and passed on.
    [
      "a registry cache ref= whose password holds ','",
      'cache-from',
      'type=registry,ref=user:hunter2,pw@ghcr.io/o/cache',
      'pw@ghcr',
      /a field without '='/,
      /docker\/login-action/,
    ],
    // The rest of a split password holding '=' (every field KEY=VALUE), or a spec also wrong
    // otherwise (a key twice), whose refusal quoted the whole spec.
    [
      "a ref= whose password holds ',' and then '='",
      'cache-from',
      'type=registry,ref=user:hunter2,pw=rd@ghcr.io/o/cache,mode=max',
      'pw=rd',
      /holds a login/,
      /docker\/login-action/,
    ],
    [
      "a ref= whose password holds ',', in a spec that gives a key twice",
      'cache-to',
      'type=registry,ref=user:hunter2,pw@ghcr.io/o/cache,mode=max,mode=min',
      'pw@ghcr',
      /a field without '='/,
      /docker\/login-action/,
    ],
    // A review's finding: a ref= whose password holds a token's shape was quoted, the token
    // masked but the user and the rest of the password not.
    [
      'a ref= with a login whose password holds a token',
      'cache-from',
      `type=registry,ref=bob:Xy9.ghp_${'a'.repeat(36)}@ghcr.io/o/c`,
      'Xy9.',
      /holds a login/,
      /docker\/login-action/,
    ],
    [
      'a bare registry cache reference TOKEN@host:tag',
      'cache-to',
      'hunter2tok@registry.example.com:latest',
      'hunter2tok',
      /holds a login/,
      /docker\/login-action/,
    ],
    [
      'a registry cache ref= with a login and no scheme',
      'cache-from',
      'type=registry,ref=user:hunter2pw@ghcr.io/o/cache',
      'hunter2pw',
      /holds a login/,
      /docker\/login-action/,
    ],
  ])('%s: refused, exit 2', (_what, input, spec, secret, why, fix) => {
    let err: unknown;
    try {
      argv({ [input]: spec });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const { message, fix: given } = err as InputError;
    expect(message).toContain(`input "${input}"`);
    expect(message, message).toMatch(why);
    expect(message).toContain("buildx's command line");
    expect(`${message} ${given}`).not.toContain(secret);
    expect(given).toMatch(fix);
  });

  it.each([
    ['cache-from', 'type=gha,scope=cpu-amd64'],
    ['cache-to', 'type=gha,scope=cpu-amd64,mode=max'],
    ['cache-from', 'type=registry,ref=ghcr.io/o/r:cache'],
    ['cache-to', 'type=s3,region=us-east-1,bucket=b,name=c,access_key_id=ASIA0000EXAMPLE'],
    ['cache-from', 'ghcr.io/o/r:cache'],
    ['cache-from', `ghcr.io/o/r@sha256:${'a'.repeat(64)}`],
    ['cache-from', `type=registry,ref=ghcr.io/o/r@sha256:${'a'.repeat(64)}`],
  ])('%s %s: passed on as given', (input, spec) => {
    expect(values(argv({ [input]: spec }), `--${input}`)).toEqual([spec]);
  });
});
