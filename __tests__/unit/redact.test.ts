// Secret redaction: by name, by value pattern, URL userinfo, and in huge or hostile text. The rules
// are one data file (images/probe/redaction-rules.json) that the in-container probe applies too.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  holdsToken,
  findJwts,
  looksSecret,
  REDACTED,
  REDACTION_RULES,
  redactDeep,
  redactEnvList,
  redactEnvValue,
  redactLabels,
  redactText,
  redactUrlLogins,
  redactUrls,
} from '../../src/util/redact.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { ENV_CASES } from '../helpers/redaction-cases.js';

describe('secret redaction', () => {
  it.each(ENV_CASES)('%s', (name, value, expected) => {
    expect(redactEnvValue(name, value)).toBe(expected);
  });

  // A proxy login without a scheme (curl and pip read it as http://) is masked as one with a scheme.
  it.each([
    ['ALL_PROXY', 'user:pw@proxy.corp:3128', `user:${REDACTED}@proxy.corp:3128`],
    ['HTTP_PROXY', 'user:pw@proxy.corp', `user:${REDACTED}@proxy.corp`],
    ['https_proxy', 'corp%5Cuser:S3cr3t@10.0.0.1:8080', `corp%5Cuser:${REDACTED}@10.0.0.1:8080`],
    ['FTP_PROXY', 'user:pw@proxy.corp:21', `user:${REDACTED}@proxy.corp:21`],
    ['ALL_PROXY', 'http://user:pw@proxy.corp:3128', `http://user:${REDACTED}@proxy.corp:3128`],
    ['ALL_PROXY', 'proxy.corp:3128', 'proxy.corp:3128'],
    ['NO_PROXY', '.corp,localhost,127.0.0.1', '.corp,localhost,127.0.0.1'],
    // Not a proxy's name: a value with an @ stays as it is (a mail address, `pkg@1.2`).
    ['MAINTAINER', 'me:x@example.com', 'me:x@example.com'],
  ])('%s=%s without a scheme: %s', (name, value, expected) => {
    expect(redactEnvValue(name, value)).toBe(expected);
    expect(redactEnvList([`${name}=${value}`])).toEqual({ [name]: expected });
  });

  it('redacts Docker env lists and every string in a record, keeping keys', () => {
    expect(redactEnvList(['A=1', 'API_KEY=zzz', 'EMPTY'])).toEqual({ A: '1', API_KEY: REDACTED, EMPTY: '' });
    expect(
      redactDeep({ labels: { note: 'token ghp_abcdefghijklmnopqrstuvwxyz0123' }, n: 3, list: ['ok'] }),
    ).toEqual({
      labels: { note: REDACTED },
      n: 3,
      list: ['ok'],
    });
  });
});

describe('image labels: masked by key as environment names are, standard ones kept', () => {
  it.each([
    ['com.acme.api_key', 'k-1', REDACTED],
    ['deploy.token', 'abc', REDACTED],
    ['com.acme.db-password', 'pw', REDACTED],
    ['maintainer', 'Jane <jane@example.com>', 'Jane <jane@example.com>'],
    ['org.opencontainers.image.authors', 'ACME ML', 'ACME ML'],
    ['org.label-schema.vcs-ref', 'abc123', 'abc123'],
    ['io.github.ml-image-action.variant', 'cpu', 'cpu'],
    ['com.nvidia.cudnn.version', '9.1.0', '9.1.0'],
    ['com.acme.accessToken', 't', REDACTED],
    ['com.acme.apikey', 't', REDACTED],
    // Ordinary words the environment rule would match inside: kept.
    ['author', 'Jane', 'Jane'],
    ['keywords', 'ml,torch', 'ml,torch'],
    ['com.acme.hotkey', 'F5', 'F5'],
    ['com.acme.monkey', 'yes', 'yes'],
    ['com.acme.tokenizer', 'bert', 'bert'],
    // A secret's word run into another: masked.
    ['com.acme.dbpassword', 'hunter2-label', REDACTED],
    ['com.acme.registrytoken', 'tok-label-123', REDACTED],
    ['com.acme.clientsecret', 's', REDACTED],
    ['com.acme.awscredentials', 'c', REDACTED],
    // Words that hold one and name no secret: kept.
    ['ai.model.maxtokens', '4096', '4096'],
    ['com.acme.numtokens', '7', '7'],
    ['com.acme.secretary', 'Jane', 'Jane'],
    ['com.amazonaws.secretsmanager.arn', 'arn:aws:x', 'arn:aws:x'],
    ['com.docker.credentialhelper', 'ecr-login', 'ecr-login'],
  ])('%s=%s -> %s', (key, value, shown) => {
    expect(redactLabels({ [key]: value })).toEqual({ [key]: shown });
  });
});

describe('redaction of huge and hostile text (no stack overflow, no quadratic time)', () => {
  const MB10 = 10 * 1024 * 1024;
  const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
  // The pattern looksSecret used before: quadratic on "eyJeyJeyJ..." (300 KB took 33 s).
  const JWT_RE = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;

  it.each([
    ['one character', 'a'.repeat(MB10)],
    ['"eyJ" repeated (quadratic for a backtracking JWT pattern)', 'eyJ'.repeat(MB10 / 3)],
    ['URL schemes without userinfo', 'https://u:'.repeat(MB10 / 10)],
    ['a long userinfo without "@"', `https://user:${'b'.repeat(MB10)}`],
    ['"@" everywhere', 'a@'.repeat(MB10 / 2)],
    ['escaped quotes in a userinfo without "@"', `https://u:${'\\"'.repeat(MB10 / 2)}`],
    ['escaped "@" after a scheme', `https://${'\\@'.repeat(MB10 / 2)}`],
    ['dotted runs', 'eyJaaaaaaaa.'.repeat(MB10 / 12)],
    ['base64-like', 'Ab1+'.repeat(MB10 / 4)],
    // URL query parameters and Anaconda's /t/<token>/ segment (redactUrls reads each URL once).
    ['secret parameters', `https://h/?${'token=&'.repeat(MB10 / 7)}`],
    ['near-names of secret parameters', `https://h/?${'&tok&toke&sig&X-Amz-'.repeat(MB10 / 20)}=`],
    ['"://" everywhere with a query', `${'a://'.repeat(MB10 / 4)}?token=x`],
    ['a long host before /t/', `https://${'h'.repeat(MB10)}/t/x`],
    ['"/t/" repeated', `https://h${'/t/'.repeat(MB10 / 3)}?a=b`],
    ['encoded secret parameters', `https://h/?${'%3Ftoken%3D%'.repeat(MB10 / 12)}`],
    ['encoded near-names', `https://h/?${'%26tok%26sig%3%3Fkey%2'.repeat(MB10 / 20)}%3D`],
    // Connection-string secrets: braces and quotes that never close (each read 128 characters
    // ahead at most), a ${NAME} that never closes.
    ['"{" never closed', `;Pwd={${'a'.repeat(122)}`.repeat(MB10 / 128)],
    ["' never closed", `;Password='${'a'.repeat(117)}`.repeat(MB10 / 128)],
    ['"${" never closed', 'Password=${A'.repeat(MB10 / 12)],
    // Authorization headers: the key repeated, one credential word of 10 MB, blanks without a word.
    ['"Authorization: " repeated', 'Authorization: '.repeat(MB10 / 15)],
    ['one long credential', `Authorization: Bearer ${'a'.repeat(MB10)}`],
    ['blanks after the scheme', `Authorization: Bearer${' '.repeat(MB10)}`],
    ['quoted keys without a value', `'Authorization'${' '.repeat(MB10)}`],
    ['an unclosed quoted value', `'Authorization': '${'a '.repeat(MB10 / 2)}`],
    ['parameters to the end of 10 MB', `Authorization: Digest a=b${' c'.repeat(MB10 / 2)}`],
    ['quoted heads repeated', '"Authorization": "'.repeat(MB10 / 18)],
    ['a quoted value of blanks', `'Authorization': 'x${' '.repeat(MB10)}`],
    ['name and value heads repeated', '"Authorization", "value": '.repeat(MB10 / 26)],
  ])('10 MB on one line: %s', (_name, text) => {
    expect(redactText(text).length).toBeGreaterThan(0);
    expect(typeof redactDeep({ output: text }).output).toBe('string');
    expect(typeof looksSecret(text)).toBe('boolean');
  });

  it('a secret at the end of 10 MB is found', () => {
    const text = `${'x '.repeat(MB10 / 2)}Bearer ${JWT}`;
    expect(looksSecret(text)).toBe(true);
    expect(redactText(text).endsWith(`Bearer ${REDACTED}`)).toBe(true);
  });

  it.each([
    JWT,
    `Bearer ${JWT}.extra`,
    `x${JWT}`,
    `a.b.${JWT}`,
    'eyJshort.aaaaaaaa.bbbbbbbb',
    'eyJaaaaaaaa.short.bbbbbbbb',
    'eyJaaaaaaaa.aaaaaaaa.bbbbbbbb eyJcccccccc.dddddddd.eeeeeeee',
    'eyJaaaaaaaa.aaaaaaaa.bbbbbbbb.eyJcccccccc.dddddddd.eeeeeeee',
    'eyJeyJaaaaaaaa..aaaaaaaa.bbbbbbbb',
    'no token here',
  ])('findJwts finds what the JWT pattern matches: %s', (text) => {
    const expected = [...text.matchAll(JWT_RE)].map((m) => [m.index, m.index + m[0].length]);
    expect(findJwts(text)).toEqual(expected);
  });

  // The one-pass scanner against the pattern it stands for, on texts of the characters that matter
  // (runs, dots, the prefix, separators).
  it('findJwts finds what the JWT pattern matches, on any text of those characters', () => {
    const piece = fc.constantFrom('eyJ', 'a', 'b8', '_', '-', '.', '..', ' ', '!', 'aaaaaaaa', 'eyJaaaaaaaa');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const expected = [...text.matchAll(JWT_RE)].map((m) => [m.index, m.index + m[0].length]);
        expect(findJwts(text)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('redactUrls leaves an already-masked userinfo alone (records stay the same when shown again)', () => {
    for (const t of [
      `https://${REDACTED}@h/x`,
      `https://u:${REDACTED}@h/x`,
      'https://***@h/x',
      'https://u:***@h/x',
    ])
      expect(redactUrls(t)).toBe(t);
    expect(redactUrls('https://tok@h/x')).toBe('https://***@h/x');
  });

  it('free text keeps everything but the secrets (URL userinfo, a token as the user name, tokens)', () => {
    expect(
      redactText(
        `pip from https://user:s3cret@pypi.corp/simple and https://glpat-abcdef@git.example/r\ntoken ghp_${'a'.repeat(36)} ok`,
      ),
    ).toBe(
      `pip from https://user:${REDACTED}@pypi.corp/simple and https://${REDACTED}@git.example/r\ntoken ${REDACTED} ok`,
    );
  });
});

describe('Authorization headers in free text', () => {
  it.each([
    [
      "curl -v's request line",
      '> Authorization: Bearer 7f3a-opaque.token',
      `> Authorization: Bearer ${REDACTED}`,
    ],
    [
      "http.client's debug line (escaped line breaks)",
      "send: b'GET /v1 HTTP/1.1\\r\\nHost: api\\r\\nauthorization: Basic YWxpY2U6cHc=\\r\\n\\r\\n'",
      `send: b'GET /v1 HTTP/1.1\\r\\nHost: api\\r\\nauthorization: Basic ${REDACTED}\\r\\n\\r\\n'`,
    ],
    [
      'a dict of request headers',
      "{'User-Agent': 'x/1', 'Authorization': 'token abc123def', 'Accept': '*/*'}",
      `{'User-Agent': 'x/1', 'Authorization': 'token ${REDACTED}', 'Accept': '*/*'}`,
    ],
    ['a tab before the credentials', 'Authorization:\tBearer\tq1w2e3', `Authorization:\tBearer\t${REDACTED}`],
    ['a keyword argument', 'Request(authorization="k-opaque-99")', `Request(authorization="${REDACTED}")`],
    [
      'two headers on one line',
      'Authorization: Bearer aa1, Proxy-Authorization: Basic bb2',
      `Authorization: Bearer ${REDACTED}, Proxy-Authorization: Basic ${REDACTED}`,
    ],
    // One word before something that is no word: that word is the credentials.
    ['one word, then a parenthesis', 'Authorization: abc123 (opaque)', `Authorization: ${REDACTED} (opaque)`],
    ['a scheme and nothing after it', 'Authorization: Bearer \nnext', 'Authorization: Bearer \nnext'],
    // Go's %#v, a HAR's or Postman's name and value, a Kubernetes probe's, bytes, Node's inspect.
    [
      "Go's %#v of http.Header",
      'http.Header{"Authorization":[]string{"Bearer goSecret123"}}',
      `http.Header{"Authorization":[]string{"Bearer ${REDACTED}"}}`,
    ],
    [
      "a HAR's name and value",
      '{"name": "Authorization", "value": "Bearer harSecret123"}',
      `{"name": "Authorization", "value": "Bearer ${REDACTED}"}`,
    ],
    [
      'a name and value over two lines',
      '"name": "Authorization",\n  "value": "Bearer x9y8"',
      `"name": "Authorization",\n  "value": "Bearer ${REDACTED}"`,
    ],
    [
      "a Kubernetes probe's header",
      '- name: Authorization\n  value: Bearer k8sProbeTok',
      `- name: Authorization\n  value: Bearer ${REDACTED}`,
    ],
    ['bytes', "{b'Authorization': b'Bearer bytesSecret123'}", `{b'Authorization': b'Bearer ${REDACTED}'}`],
    [
      "h11's tuple",
      "(b'authorization', b'Bearer h11Secret123')",
      `(b'authorization', b'Bearer ${REDACTED}')`,
    ],
    [
      "Node's inspect",
      "{ authorization: [ 'Bearer nodeArrSecret' ] }",
      `{ authorization: [ 'Bearer ${REDACTED}' ] }`,
    ],
    // No known scheme: an unquoted value's first word, a quoted value whole.
    [
      'logfmt',
      'level=info authorization=opaqueSecret123 user=bob',
      `level=info authorization=${REDACTED} user=bob`,
    ],
    [
      'a token, then words',
      'Authorization: ghx_opaque999 rejected by server',
      `Authorization: ${REDACTED} rejected by server`,
    ],
    [
      "an unknown scheme's quoted value",
      "{'Authorization': 'Custom abc123'}",
      `{'Authorization': '${REDACTED}'}`,
    ],
    // Parameters after the scheme: to the line's end.
    [
      'OAuth 1.0',
      'Authorization: OAuth oauth_consumer_key="xvz1", oauth_token="370773112-GmHx"',
      `Authorization: OAuth ${REDACTED}`,
    ],
    [
      'SigV4',
      'Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/s3/aws4_request, Signature=deadbeef',
      `Authorization: AWS4-HMAC-SHA256 ${REDACTED}`,
    ],
    [
      'many blanks after the scheme',
      `Authorization: Bearer${' '.repeat(100)}tok3n`,
      `Authorization: Bearer${' '.repeat(100)}${REDACTED}`,
    ],
    [
      'a token ending in "="',
      'Authorization: Basic dXNlcjpw== next',
      `Authorization: Basic ${REDACTED} next`,
    ],
    // Not credentials: a list of header names, plain values, empty structures, placeholders.
    [
      'a list of header names',
      'allow_headers=["Authorization", "Content-Type"]',
      'allow_headers=["Authorization", "Content-Type"]',
    ],
    ['None', "{'Authorization': None}", "{'Authorization': None}"],
    ['null', '{"Authorization": null}', '{"Authorization": null}'],
    ['a setting', 'security:\n  authorization: enabled', 'security:\n  authorization: enabled'],
    ['an empty mapping', 'authorization: {}', 'authorization: {}'],
    [
      'a message',
      'Error: Authorization: failed for user alice',
      'Error: Authorization: failed for user alice',
    ],
    ['a reference in braces', 'Authorization: Bearer ${HF_TOKEN}', 'Authorization: Bearer ${HF_TOKEN}'],
    ['masked twice is masked once', `Authorization: Bearer ${REDACTED}`, `Authorization: Bearer ${REDACTED}`],
    ['masked in a log already', 'Authorization: Bearer ***', 'Authorization: Bearer ***'],
    ['a masked value alone', `Authorization: ${REDACTED}`, `Authorization: ${REDACTED}`],
    ["Go's map, masked", `map[Authorization:[${REDACTED}]]`, `map[Authorization:[${REDACTED}]]`],
    ['the mask of a URL', 'Authorization: ***', 'Authorization: ***'],
    ['an error about the header', '401: missing Authorization header', '401: missing Authorization header'],
  ])('%s', (_name, text, shown) => {
    expect(redactText(text)).toBe(shown);
    expect(redactText(shown)).toBe(shown);
  });

  it('a header in a record is masked wherever it sits (redactDeep)', () => {
    expect(redactDeep({ cmd: ['curl', '-H', 'Authorization: Bearer abc.def'] })).toEqual({
      cmd: ['curl', '-H', `Authorization: Bearer ${REDACTED}`],
    });
  });
});

describe('sk- tokens in free text', () => {
  const TOKEN = 'sk-proj-abcdefghij0123456789ABCD';
  it.each([
    ['after "="', `OPENAI_API_KEY=${TOKEN}`, `OPENAI_API_KEY=${REDACTED}`],
    ['after an escaped newline', `"log": "ok\\n${TOKEN}\\n"`, `"log": "ok\\n${REDACTED}\\n"`],
    ['after an escaped tab', `key:\\t${TOKEN}`, `key:\\t${REDACTED}`],
    ['after a percent-encoded "="', `next=%2Fapi%3Fkey%3D${TOKEN}`, `next=%2Fapi%3Fkey%3D${REDACTED}`],
    ['after a percent-encoded newline', `a%0A${TOKEN}`, `a%0A${REDACTED}`],
    [
      'inside a package name (after a letter)',
      'aws-msk-iam-sasl-signer-python3',
      'aws-msk-iam-sasl-signer-python3',
    ],
    ['after a \\u escape (Gson writes "=" as \\u003d)', `key\\u003d${TOKEN}`, `key\\u003d${REDACTED}`],
    ['after a \\x escape', `key\\x3d${TOKEN}`, `key\\x3d${REDACTED}`],
    ['after "=" encoded twice', `key%253D${TOKEN}`, `key%253D${REDACTED}`],
    ['after a terminal colour code', `\x1b[32m${TOKEN}\x1b[0m`, `\x1b[32m${REDACTED}\x1b[0m`],
    ['after a bold colour code', `\x1b[1;32m${TOKEN}`, `\x1b[1;32m${REDACTED}`],
    ['after a 256-colour code', `\x1b[38;5;208m${TOKEN}`, `\x1b[38;5;208m${REDACTED}`],
    ['after a bare reset', `\x1b[m${TOKEN}`, `\x1b[m${REDACTED}`],
    // "t" is an escape letter, but not after a backslash here: a word, not an escape.
    ['a word ending in an escape letter', `batsk-${TOKEN.slice(3)}`, `batsk-${TOKEN.slice(3)}`],
  ])('%s', (_name, text, shown) => {
    expect(redactText(text)).toBe(shown);
  });
});

describe('one set of rules for TypeScript and the probe (images/probe/redaction-rules.json)', () => {
  const RULES_FILE = path.join(REPO_ROOT, 'images/probe/redaction-rules.json');

  it('the rules file parses, and TypeScript uses it as it is', () => {
    const data = JSON.parse(readFileSync(RULES_FILE, 'utf8'));
    expect(REDACTION_RULES).toEqual(
      Object.fromEntries(Object.entries(data).filter(([k]) => k !== '$comment')),
    );
    expect(REDACTED).toBe(data.redacted);
  });
});

describe('holdsToken and redactText share the patterns: no state carries over between calls', () => {
  const token = `ghp_${'A1b2C3d4E5'.repeat(3)}`;
  it.each([
    ['the same text twice', [token, token], [true, true]],
    ['a token, then text without one, then the token', [token, 'plain text', token], [true, false, true]],
    ['a token at the end, then one at the start', [`x ${token}`, `${token} y`], [true, true]],
  ])('%s', (_what, texts, expected) => {
    expect(texts.map((t) => holdsToken(t))).toEqual(expected);
    // redactText's global replace between the questions changes none of the answers.
    expect(redactText(`a ${token} b ${token}`)).toBe('a [redacted] b [redacted]');
    expect(texts.map((t) => holdsToken(t))).toEqual(expected);
  });
});

// A step's outputs: the action masks a login's user name in the log, and a runner drops a job
// output holding a masked value: a config output naming `user:***@` never reached the next job.
describe('redactUrlLogins (outputs)', () => {
  it.each([
    [
      '{"indexUrl":"http://plantuser:s3cret@127.0.0.1:5001/simple"}',
      '{"indexUrl":"http://***@127.0.0.1:5001/simple"}',
    ],
    ['https://__token__:pypi-AgEIcHlwaS5vcmc@upload.pypi.org/legacy/', 'https://***@upload.pypi.org/legacy/'],
    ['https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@h/x', 'https://***@h/x'],
    ['a https://u:p@a/x and git+https://v:q@b/y', 'a https://***@a/x and git+https://***@b/y'],
    ['https://h/simple?token=abc123', 'https://h/simple?token=***'],
    ['https://pypi.org/simple user:***@ prose', 'https://pypi.org/simple user:***@ prose'],
    ['no url here', 'no url here'],
  ])('%s', (text, shown) => {
    expect(redactUrlLogins(text)).toBe(shown);
  });
});
