// What a value written in a credential's place in a requirements file is (credential-values.ts):
// a mask (pip-compile's `****`, `xxxxxxxx`, REDACTED) and a placeholder (`<token>`, `YOUR_KEY`,
// `{{token}}`, `$TOKEN`, `%TOKEN%`, `value`) are no secret, nor is a value under 6 characters; in
// a line pip reads, a reference pip does not fill in ($TOKEN, %TOKEN%, {{token}}, $(...)) is a
// mistake of its own; a user name without a password is a token only by its shape.
import { describe, expect, it } from 'vitest';
import {
  isMasked,
  isPlaceholder,
  tokensIn,
  userKind,
  valueKind,
} from '../../src/requirements/credential-values.js';

describe('isMasked and isPlaceholder', () => {
  it.each([
    '****',
    '*',
    'REDACTED',
    'redacted',
    '[redacted]',
    'xxxxxxxx',
    'XXXX-XXXX-XXXX',
    '...',
    'nvapi-XXXXXXXXXXXX',
    'ghp_xxxxxxxxxxxxxxxxxxxxxxxx',
    'hf_***',
  ])('%s: masked', (v) => expect(isMasked(v)).toBe(true));

  it.each([
    '<token>',
    '<your_personal_token>',
    '<YOUR-KEY>',
    '[YOUR_TOKEN]',
    '{{token}}',
    '${{secrets.PYPI_TOKEN}}',
    '$TOKEN',
    '$oauthtoken',
    '${PYPI_TOKEN}',
    '$(gcloud_auth_print_access_token)',
    '%TOKEN%',
    'YOUR_KEY',
    'TOKEN',
    'PAT',
    'API_KEY',
    'YOUR_PRIVATE_TOKEN',
    'ACCOUNT',
    '__TOKEN__',
    'value',
    'password',
    'your-api-key',
    'YourToken',
    'true',
    'false',
    'none',
    'null',
    'yes',
    'no',
    '1',
    '0',
  ])('%s: a placeholder', (v) => expect(isPlaceholder(v)).toBe(true));

  it.each([
    'hunter2',
    'abc123def456',
    'LitPw0123',
    'pypi-AgEIcHlwaS5vcmcCJGE0ZjE2YjQ3',
    'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    'AKIAIOSFODNN7EXAMPLE',
    'passwordsecret',
    'Tr0ub4dor',
    '<x>s3cr3tvalue',
    'x$TOKEN',
  ])('%s: neither', (v) => {
    expect(isMasked(v)).toBe(false);
    expect(isPlaceholder(v)).toBe(false);
  });
});

describe('valueKind: a password, a query value, a /t/ token', () => {
  it.each([
    // [value, in a line, in a comment]
    ['hunter2', 'secret', 'secret'],
    ['abc123', 'secret', 'secret'],
    ['q8Zk3vD%2FJ1bJkY2Qf8v9u%2Bk%3D', 'secret', 'secret'],
    ['LitSig0123${SAS}', 'secret', 'secret'],
    // Under 6 characters: no token.
    ['abc12', undefined, undefined],
    ['pass', undefined, undefined],
    // Masks and placeholders, also percent-encoded.
    ['****', undefined, undefined],
    ['%2A%2A%2A%2A%2A%2A', undefined, undefined],
    ['%3Ctoken%3E', undefined, undefined],
    ['YOUR_PRIVATE_TOKEN', undefined, undefined],
    ['${PYPI_TOKEN}', undefined, undefined],
    // pip fills in only ${NAME}: in a line any other reference is a mistake, in a comment fine.
    ['$PYPI_TOKEN', 'reference', undefined],
    ['$PAT', 'reference', undefined],
    ['%TOKEN%', 'reference', undefined],
    ['{{token}}', 'reference', undefined],
    ['$(cat_token)', 'reference', undefined],
  ] as const)('%s: %s in a line, %s in a comment', (value, line, comment) => {
    expect(valueKind(value, true)).toBe(line);
    expect(valueKind(value, false)).toBe(comment);
  });
});

describe('userKind: a user name without a password is a token only by its shape', () => {
  it.each([
    // [user name, in a line]
    ['ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'secret'],
    ['glpat-LitTok0123456789abcd', 'secret'],
    ['pypi-AgEIcHlwaS5vcmcCJGE0ZjE2YjQ3LTk2ZDktNDk1', 'secret'],
    ['f2bclnwmqv2jmx4tsvxyzqk6mzh7ow5xrrtqv2m6a2l4qa5yxv4q', 'secret'],
    ['LitAzdoPat0123456789abcdefghijklmnopqrstuvwxyz', 'secret'],
    // An organization's name, however long, a plain user name, a mask, a placeholder: none.
    ['my-very-long-organization-name-2024-engineering', undefined],
    ['my_service_account_for_builds_2024', undefined],
    ['myuser', undefined],
    ['__token__', undefined],
    ['****', undefined],
    ['ghp_xxxxxxxxxxxxxxxxxxxxxxxx', undefined],
    ['YOUR_TOKEN', undefined],
    // A reference pip does not fill in, in a line.
    ['$GH_TOKEN', 'reference'],
  ] as const)('%s: %s', (user, kind) => {
    expect(userKind(user, true)).toBe(kind);
    expect(userKind(user, false)).toBe(kind === 'reference' ? undefined : kind);
  });
});

describe('tokensIn: the tokens of a known form in a comment', () => {
  it.each([
    ['# HF_TOKEN=hf_abcdefghijklmnopqrstuvwxyz012345', ['hf_abcdefghijklmnopqrstuvwxyz012345']],
    ['# api key ghp_abcdefghijklmnopqrstuvwxyz0123456789 here', ['ghp_abcdefghijklmnopqrstuvwxyz0123456789']],
    ['# PYPI=pypi-AgEIcHlwaS5vcmcCJGE0ZjE2YjQ3LTk2', ['pypi-AgEIcHlwaS5vcmcCJGE0ZjE2YjQ3LTk2']],
    // Masked, a digest, a package name: none.
    ['# HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxx', []],
    ['# sha256:0569859f95fc761b18b45ef421b1290a0f65f147e92a1e5eb3e635f9a5e4e66f', []],
    ['# via aws-msk-iam-sasl-signer-python', []],
  ])('%s', (text, tokens) => {
    expect(tokensIn(text).map(([s, e]) => text.slice(s, e))).toEqual(tokens);
  });
});
