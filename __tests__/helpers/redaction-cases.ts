// Environment variables and what a record shows for them: the same for TypeScript's redaction
// (__tests__/unit/redact.test.ts) and the probe's (__tests__/integration/python-scripts.test.ts).
import { REDACTED } from '../../src/util/redact.js';

/** [name, value, what the record shows]: the same for TypeScript and the probe. */
export const ENV_CASES: [string, string, string][] = [
  ['HF_TOKEN', 'anything', REDACTED],
  ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', REDACTED],
  ['DB_PASSWORD', 'x', REDACTED],
  ['GOOGLE_APPLICATION_CREDENTIALS', '/secrets/key.json', REDACTED],
  ['INNOCENT', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', REDACTED],
  ['MODEL_REPO', 'hf_abcdefghijklmnopqrstuvwxyz', REDACTED],
  ['AWS_ID', 'AKIAIOSFODNN7EXAMPLE', REDACTED],
  ['SLACK', 'xoxb-1234567890-abcdefghij', REDACTED],
  [
    'SESSIONLESS_JWT',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    REDACTED,
  ],
  ['BLOB', 'QWxhZGRpbjpvcGVuIHNlc2FtZQ0aSGVsbG8gV29ybGQhIDEyMzQ1Ng==', REDACTED],
  ['PIP_INDEX_URL', 'https://user:s3cret@pypi.corp/simple', `https://user:${REDACTED}@pypi.corp/simple`],
  // A token as the user name with an empty password (Gemfury's form), or as the password with no
  // user name (Azure DevOps'): the token is masked either way.
  ['PIP_INDEX_URL', 'https://fury_T0ken4Acme:@pypi.fury.io/acme/', `https://${REDACTED}@pypi.fury.io/acme/`],
  [
    'PIP_EXTRA_INDEX_URL',
    'https://:azdoPAT0123456789@pkgs.dev.azure.com/o/_packaging/f/pypi/simple/',
    `https://:${REDACTED}@pkgs.dev.azure.com/o/_packaging/f/pypi/simple/`,
  ],
  // Nothing in the userinfo: nothing to mask.
  ['WEIRD_URL', 'https://@host/x and https://:@host/y', 'https://@host/x and https://:@host/y'],
  // pip and WHATWG URLs split the userinfo at the last "@": all of the password is masked.
  [
    'PIP_EXTRA_INDEX_URL',
    'https://ci:Tr0ub4dor@SECRETtail99@pypi.corp/simple',
    `https://ci:${REDACTED}@pypi.corp/simple`,
  ],
  // Any character but whitespace, /, ?, # and a double quote may be in a password, unencoded.
  [
    'PIP_TRUSTED_URL',
    'https://ci:pa^ss|w{o}rd`<x>@pypi.corp/simple',
    `https://ci:${REDACTED}@pypi.corp/simple`,
  ],
  ['OPENAI', 'sk-proj-abcdefghij0123456789ABCD', REDACTED],
  ['HEADER_LINE', 'Bearer%20sk-proj-abcdefghij0123456789ABCD', REDACTED],
  // After an escape that ends in a letter: escaped text (\n, \u003d), a colour code, percent-encoding.
  ['LAST_LOG_LINE', 'started\\nsk-proj-abcdefghij0123456789ABCD', REDACTED],
  ['JAVA_OPTS_ECHO', '{"opts":"-Dapi.key\\u003dsk-proj-abcdefghij0123456789ABCD"}', REDACTED],
  ['COLOURED_LOG', '\u001b[32msk-proj-abcdefghij0123456789ABCD\u001b[0m', REDACTED],
  ['CALLBACK_URL', 'https://hooks.corp/cb?next=%2Fapi%3Fkey%3Dsk-proj-abcdefghij0123456789ABCD', REDACTED],
  // A package name that holds "sk-" is no token (after a letter, or with no digit).
  ['EXTRA_PACKAGES', 'aws-msk-iam-sasl-signer-python', 'aws-msk-iam-sasl-signer-python'],
  ['PLUGINS', 'task-runner-v2-plugin-x-long-name', 'task-runner-v2-plugin-x-long-name'],
  ['GIT_COMMIT', '0123456789abcdef0123456789abcdef01234567', '0123456789abcdef0123456789abcdef01234567'],
  ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin', '/usr/local/sbin:/usr/local/bin:/usr/sbin'],
  ['CUDA_VERSION', '12.8.1', '12.8.1'],
  ['HF_HOME', '/cache/huggingface', '/cache/huggingface'],
  // PASS and PAT as words of their own are secret names; inside other words they are not.
  ['DB_PASS', 'hunter2', REDACTED],
  ['redis_pass', 'hunter2', REDACTED],
  ['SIGNING_PASSPHRASE', 'correct horse', REDACTED],
  ['GH_PAT', 'abc', REDACTED],
  ['GOOGLE_CREDS', '/run/creds.json', REDACTED],
  ['COMPASS_HEADING', 'north', 'north'],
  ['PASSTHROUGH_MODE', 'on', 'on'],
  ['PATTERN_FILE', '/etc/patterns', '/etc/patterns'],
  ['LD_LIBRARY_PATH', '/usr/local/cuda/lib64', '/usr/local/cuda/lib64'],
];
