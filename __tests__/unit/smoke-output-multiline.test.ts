// A secret value printed over several lines in a smoke test's output (src/util/redact-output-lines.ts,
// through redactOutput): every line of it masked, not only the line that names it.
import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../src/util/redact.js';
import { redactOutput } from '../../src/util/redact-instruction.js';
import { continuationScanner } from '../../src/util/redact-output-lines.js';
import { failureTail, liveLines, tail } from '../../src/smoke/output.js';
import { finishes } from '../helpers/hang-guard.js';
import { shownLive } from '../helpers/live-view.js';

const R = REDACTED;
const lines = (...l: string[]) => l.join('\n');

/** A program's own settings under lower-case keys: nothing in them is masked. */
const OWN_SETTINGS = lines(
  'pad_token: <pad>',
  'bos_token: |',
  '  <s>',
  'max_new_tokens: 50',
  'token: hello',
  'key: id',
  'session: |',
  '  id: 3',
  'credentials_path: /root/.aws',
  'password_file: /run/secrets/db',
  'KEY: x',
  'TOKEN: y',
);

describe('YAML: the block under a secret-named key', () => {
  it.each<[string, string, string]>([
    [
      'a literal block scalar (|)',
      lines('DB_PASSWORD: |', '  PLANTED line one', '  PLANTED line two', 'LANG: C.UTF-8'),
      lines(`DB_PASSWORD: ${R}`, `  ${R}`, `  ${R}`, 'LANG: C.UTF-8'),
    ],
    [
      'a folded one (>-), nested, ended by a sibling key at the same column',
      lines('env:', '  DB_PASSWORD: >-', '    PLANTED folded', '    PLANTED more', '  LANG: C.UTF-8'),
      lines('env:', `  DB_PASSWORD: ${R}`, `    ${R}`, `    ${R}`, '  LANG: C.UTF-8'),
    ],
    [
      'blank lines inside the block are part of it, kept as they are',
      lines('SSH_PRIVATE_KEY: |+', '  -----BEGIN KEY-----', '', '  PLANTEDb3Bl', '', 'HOME: /root'),
      lines(`SSH_PRIVATE_KEY: ${R}`, `  ${R}`, '', `  ${R}`, '', 'HOME: /root'),
    ],
    [
      "yaml.dump's quoted scalar over several lines (a value holding a line break)",
      lines(
        "SSH_PRIVATE_KEY: '-----BEGIN KEY-----",
        '',
        '  PLANTEDb3Bl',
        '',
        "  -----END KEY-----'",
        'X_Y: 1',
      ),
      lines(`SSH_PRIVATE_KEY: ${R}`, '', `  ${R}`, '', `  ${R}`, 'X_Y: 1'),
    ],
    [
      "yaml.dump's folded long plain scalar",
      lines('API_TOKEN: PLANTED a b c a b c a b c', '  c a b PLANTED', 'HOME: /root'),
      lines(`API_TOKEN: ${R}`, `  ${R}`, 'HOME: /root'),
    ],
    [
      "a quoted key (yaml.dump's default_style), block and flow scalar",
      lines(
        '"env":',
        '  "DB_PASSWORD": |-',
        '    PLANTEDpw',
        '  "API_KEY": "PLANTED a',
        '    \\ b"',
        '  "HOME": |-',
        '    /root',
      ),
      lines(
        '"env":',
        `  "DB_PASSWORD": ${R}`,
        `    ${R}`,
        `  "API_KEY": ${R}`,
        `    ${R}`,
        '  "HOME": |-',
        '    /root',
      ),
    ],
    [
      'a nested mapping or a sequence under a secret key, in a list item',
      lines('- GCP_CREDENTIALS:', '    type: service_account', '    private_key: PLANTED', '  NAME_X: keep'),
      lines('- GCP_CREDENTIALS:', `    ${R}`, `    ${R}`, '  NAME_X: keep'),
    ],
    [
      "PyYAML's sequence at the key's own column, under a key with no value on its line",
      lines('API_KEYS:', '- abcDEF1234567890secretA', '- zzzQQQ0987654321secretB', 'HOME: /root'),
      lines('API_KEYS:', `- ${R}`, `- ${R}`, 'HOME: /root'),
    ],
    [
      'the same, nested, and under a quoted key',
      lines(
        'env:',
        '  API_KEYS:',
        '  - PLANTEDa',
        '  -   PLANTEDb',
        '  LANG: C',
        '"API_KEYS":',
        '- "PLANTED"',
        'x',
      ),
      lines('env:', '  API_KEYS:', `  - ${R}`, `  -   ${R}`, '  LANG: C', '"API_KEYS":', `- ${R}`, 'x'),
    ],
    [
      "a list's next item at the column stays: a key with a value, a list of mappings, a variable's pair",
      lines(
        'DB_PASSWORD: x',
        '- item',
        '- DB_PASSWORD:',
        '- HOME: /root',
        'API_KEYS:',
        '- PLANTED',
        '- HOME: /root',
        '- y',
      ),
      lines(
        `DB_PASSWORD: ${R}`,
        '- item',
        '- DB_PASSWORD:',
        '- HOME: /root',
        'API_KEYS:',
        `- ${R}`,
        '- HOME: /root',
        '- y',
      ),
    ],
    [
      'CRLF line ends are kept',
      'DB_PASSWORD: |\r\n  PLANTED\r\nLANG: C\r\n',
      `DB_PASSWORD: ${R}\r\n  ${R}\r\nLANG: C\r\n`,
    ],
    [
      'bare CR line ends are line ends, kept as they are, mixed with the others',
      'DB_PASSWORD: |\r  hunter2secret\r  PLANTED\r\n  PLANTED\nLANG: C\r',
      `DB_PASSWORD: ${R}\r  ${R}\r  ${R}\r\n  ${R}\nLANG: C\r`,
    ],
    [
      'the block of an innocent key stays (PATH_LIST, COMPASS_DIR, PASSTHROUGH_ARGS)',
      lines('PATH_LIST: |', '  /usr/bin', 'COMPASS_DIR: >-', '  north', 'PASSTHROUGH_ARGS:', '  - --fast'),
      lines('PATH_LIST: |', '  /usr/bin', 'COMPASS_DIR: >-', '  north', 'PASSTHROUGH_ARGS:', '  - --fast'),
    ],
    [
      "a program's own lower-case settings stay (tokenizer, auth), as does text after the block",
      lines('tokenizer: bert', 'auth: |', '  oauth', 'DB_PASSWORD: x', 'Traceback:', '  File "x.py"'),
      lines('tokenizer: bert', 'auth: |', '  oauth', `DB_PASSWORD: ${R}`, 'Traceback:', '  File "x.py"'),
    ],
    [
      "lower-case and camelCase secret keys (a program's config): a block, a value, a nested mapping",
      lines(
        'db:',
        '  password: |',
        '    PLANTED one',
        '  user: bob',
        'private_key: >-',
        '  PLANTED two',
        'api_token: PLANTED three',
        'gcp:',
        '  clientSecret: PLANTED four',
        '  oauth_token:',
        '    value: PLANTED five',
        '  region: eu',
        'PASSWORD: PLANTED six',
      ),
      lines(
        'db:',
        `  password: ${R}`,
        `    ${R}`,
        '  user: bob',
        `private_key: ${R}`,
        `  ${R}`,
        `api_token: ${R}`,
        'gcp:',
        `  clientSecret: ${R}`,
        '  oauth_token:',
        `    ${R}`,
        '  region: eu',
        `PASSWORD: ${R}`,
      ),
    ],
    [
      "lower-case keys of a program's own settings stay: a tokenizer's tokens, key, auth, session",
      OWN_SETTINGS,
      OWN_SETTINGS,
    ],
    [
      'JSON indented by json.dumps stays as JSON (its values quoted whole are masked in place)',
      lines('{', '  "DB_PASSWORD": "PLANTED",', '  "HOME": "/root"', '}'),
      lines('{', `  "DB_PASSWORD": "${R}",`, '  "HOME": "/root"', '}'),
    ],
  ])('%s', (_what, text, want) => {
    expect(redactOutput(text)).toBe(want);
    expect(redactOutput(want)).toBe(want);
  });
});

describe("Python's pprint: a long value as literals on the lines below its name", () => {
  it.each<[string, string, string]>([
    [
      'pprint of a dict, a value holding line breaks',
      lines(
        "{'DB_PASSWORD': 'short',",
        " 'HOME': '/root',",
        " 'SSH_PRIVATE_KEY': '-----BEGIN KEY-----\\n'",
        "                    'PLANTEDb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\\n'",
        "                    '-----END KEY-----'}",
      ),
      lines(
        `{'DB_PASSWORD': '${R}',`,
        " 'HOME': '/root',",
        ` 'SSH_PRIVATE_KEY': '${R}'`,
        `                    '${R}'`,
        `                    '${R}'}`,
      ),
    ],
    [
      'pprint of a bytes dict (os.environb), cut into parts by width',
      lines(
        "{b'API_TOKEN': b'PLANTED-part-one'",
        "              b'PLANTED-part-two',",
        " b'HOME': b'/root'}",
      ),
      lines(`{b'API_TOKEN': b'${R}'`, `              b'${R}',`, " b'HOME': b'/root'}"),
    ],
    [
      'a value cut at blanks, in double quotes',
      lines("{'env': {'API_KEY': \"PLANTED it's \"", '                    "PLANTED more"},', " 'os': 1}"),
      lines(`{'env': {'API_KEY': "${R}"`, `                    "${R}"},`, " 'os': 1}"),
    ],
    [
      'os.environ.items() in a list, and pprint of it (a wide tuple: its value on the next lines)',
      lines(
        "[('DB_PASSWORD', 'PLANTEDpw'), (b'HF_TOKEN', b'PLANTEDhf'),",
        " ('HOME', '/root'),",
        " ('SSH_PRIVATE_KEY',",
        "  '-----BEGIN KEY-----\\n'",
        "  'PLANTEDb3Bl\\n'",
        "  '-----END KEY-----')]",
      ),
      lines(
        `[('DB_PASSWORD', '${R}'), (b'HF_TOKEN', b'${R}'),`,
        " ('HOME', '/root'),",
        " ('SSH_PRIVATE_KEY',",
        `  '${R}'`,
        `  '${R}'`,
        `  '${R}')]`,
      ),
    ],
    [
      "innocent values and names stay: a list of names, an innocent name's long value, a key next",
      lines(
        "['DB_PASSWORD',",
        " 'HF_TOKEN',",
        " 'HOME']",
        "{'PATH': '/usr/local/bin:'",
        "         '/usr/bin',",
        " 'DB_PASSWORD': 'x'",
        "'HOME': '/root'",
        "('DB_PASSWORD', 'HOME', 'PATH')",
      ),
      lines(
        "['DB_PASSWORD',",
        " 'HF_TOKEN',",
        " 'HOME']",
        "{'PATH': '/usr/local/bin:'",
        "         '/usr/bin',",
        ` 'DB_PASSWORD': '${R}'`,
        "'HOME': '/root'",
        "('DB_PASSWORD', 'HOME', 'PATH')",
      ),
    ],
  ])('%s', (_what, text, want) => {
    expect(redactOutput(text)).toBe(want);
    expect(redactOutput(want)).toBe(want);
  });
});

describe("an HTTP header's value on the line below its name (Node's inspect, a HAR or undici pretty-printed)", () => {
  it.each<[string, string, string]>([
    [
      "Node's rawHeaders and an array of a header's name and values, one item a line",
      lines(
        '  rawHeaders: [',
        "    'Set-Cookie',",
        "    'sid=PLANTED1; Path=/',",
        "    'Content-Type',",
        "    'text/html'",
        '  ],',
        '[',
        "  'X-Api-Key',",
        "  'PLANTED2'",
        ']',
      ),
      lines(
        '  rawHeaders: [',
        "    'Set-Cookie',",
        `    '${R}',`,
        "    'Content-Type',",
        "    'text/html'",
        '  ],',
        '[',
        "  'X-Api-Key',",
        `  '${R}'`,
        ']',
      ),
    ],
    [
      "a HAR's pair and undici's, pretty-printed; undici's list of cookies",
      lines(
        '{',
        '  "name": "Cookie",',
        '  "value": "sid=PLANTED1"',
        '}',
        '{',
        "  name: 'x-api-key',",
        "  value: 'PLANTED2'",
        '}',
        '  cookies: [',
        "    'sid=PLANTED3',",
        "    'b=PLANTED4'",
        '  ],',
        "  other: 'x'",
      ),
      lines(
        '{',
        '  "name": "Cookie",',
        `  "value": "${R}"`,
        '}',
        '{',
        "  name: 'x-api-key',",
        `  value: '${R}'`,
        '}',
        '  cookies: [',
        `    '${R}',`,
        `    '${R}'`,
        '  ],',
        "  other: 'x'",
      ),
    ],
    [
      "the Authorization header's value in the same forms (its one-line forms are the Authorization rule's)",
      lines(
        '  rawHeaders: [',
        "    'Authorization',",
        "    'Bearer PLANTED1',",
        '  ]',
        '[',
        "  'Proxy-Authorization',",
        "  'Basic PLANTED2'",
        ']',
        '{',
        "  name: 'authorization',",
        "  value: 'token PLANTED3'",
        '}',
        '{',
        '  "name": "Authorization",',
        '  "value": "Bearer PLANTED4"',
        '}',
      ),
      lines(
        '  rawHeaders: [',
        "    'Authorization',",
        `    '${R}',`,
        '  ]',
        '[',
        "  'Proxy-Authorization',",
        `  '${R}'`,
        ']',
        '{',
        "  name: 'authorization',",
        `  value: '${R}'`,
        '}',
        '{',
        '  "name": "Authorization",',
        `  "value": "${R}"`,
        '}',
      ),
    ],
  ])('%s', (_what, text, want) => {
    expect(redactOutput(text)).toBe(want);
    expect(redactOutput(want)).toBe(want);
    expect(shownLive(text)).toBe(want);
  });

  it.each<[string, string]>([
    [
      "lists of header names (CORS' allowedHeaders, Authorization's), a list of words",
      lines(
        'allowedHeaders: [',
        "  'X-Api-Key',",
        "  'Content-Type',",
        "  'X-Requested-With'",
        ']',
        '[',
        "  'Authorization',",
        "  'Content-Type'",
        ']',
        '[',
        "  'Cookie',",
        "  'Content-Type',",
        "  'Authorization'",
        ']',
        'x = [',
        "  'password',",
        "  'username',",
        ']',
      ),
    ],
    [
      "a cookie consent's list, another header's pair",
      lines(
        'cookies: [',
        "  'necessary',",
        "  'analytics',",
        ']',
        '{',
        '  "name": "Accept",',
        '  "value": "*/*"',
        '}',
      ),
    ],
  ])('kept: %s', (_what, text) => {
    expect(redactOutput(text)).toBe(text);
    expect(shownLive(text)).toBe(text);
  });
});

describe("a shell's quoted value over several lines (set, export -p, declare -x)", () => {
  it.each<[string, string, string]>([
    [
      "dash's set (/bin/sh on Debian and Ubuntu)",
      lines(
        "HOME='/root'",
        "SSH_PRIVATE_KEY='-----BEGIN KEY-----",
        'PLANTEDb3Bl',
        '',
        "-----END KEY-----'",
        "X='1'",
      ),
      lines("HOME='/root'", `SSH_PRIVATE_KEY=${R}`, R, '', `${R}'`, "X='1'"),
    ],
    [
      "dash's export -p",
      lines("export DB_PASSWORD='PLANTED one", "PLANTED two'", "export LANG='C.UTF-8'"),
      lines(`export DB_PASSWORD=${R}`, `${R}'`, "export LANG='C.UTF-8'"),
    ],
    [
      "bash's declare -x before 5.2, an escaped quote inside",
      lines('declare -x API_TOKEN="PLANTED one', 'PLANTED \\"two\\" three"', 'declare -x TERM="xterm"'),
      lines(`declare -x API_TOKEN=${R}`, `${R}"`, 'declare -x TERM="xterm"'),
    ],
    [
      "bash's ANSI-C quoting on one line, an escaped quote inside, stays one line",
      lines("declare -x DB_PASSWORD=$'PLANTED\\nit\\'s'", 'declare -x TERM="xterm"'),
      lines(`declare -x DB_PASSWORD=${R}`, 'declare -x TERM="xterm"'),
    ],
    [
      "an innocent name's value, a value closed on its line, and a quote inside env's raw value stay",
      lines("MOTD='hello", "world'", "export DB_PASSWORD='x' LANG=C", "GH_TOKEN=it's", 'next line'),
      lines("MOTD='hello", "world'", `export DB_PASSWORD=${R} LANG=C`, `GH_TOKEN=${R}`, 'next line'),
    ],
  ])('%s', (_what, text, want) => {
    expect(redactOutput(text)).toBe(want);
    expect(redactOutput(want)).toBe(want);
  });

  it.each<[string, string, string]>([
    [
      'a quote after the value, in other text (a comment, a message)',
      lines("export API_TOKEN='abc' # don't log this", 'real output line', "X='a b' DB_PASSWORD='ok' it's"),
      lines(`export API_TOKEN=${R} # don't log this`, 'real output line', `X='a b' DB_PASSWORD=${R} it's`),
    ],
    [
      'quoted runs glued to the value stay one word; the open one is masked on',
      lines(`export DB_PASSWORD='a'b"c d`, 'PLANTED"', 'next line'),
      lines(`export DB_PASSWORD=${R}`, `${R}"`, 'next line'),
    ],
  ])('%s', (_what, text, want) => {
    expect(redactOutput(text)).toBe(want);
    expect(redactOutput(want)).toBe(want);
  });

  it('a secret named in a message does not hide the test lines after it', () => {
    const passed = Array.from({ length: 300 }, (_, i) => `test_${i} PASSED`);
    const text = lines(
      "Using HF_TOKEN='hf_***' from the runner's secrets",
      ...passed,
      'FAILED test_x - boom',
    );
    const out = redactOutput(text).split('\n');
    expect(out[0]).toBe(`Using HF_TOKEN=${R} from the runner's secrets`);
    expect(out.slice(1)).toEqual([...passed, 'FAILED test_x - boom']);
  });

  it.each<[string, string, string]>([
    [
      "env's PEM value over several lines, masked up to its end line (kept: no secret in it)",
      lines(
        'HOME=/root',
        'SSH_KEY=-----BEGIN OPENSSH PRIVATE KEY-----',
        'PLANTEDb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ',
        '',
        'PLANTEDAAAAMwAAAAtzc2gtZW',
        '-----END OPENSSH PRIVATE KEY-----',
        'LANG=C',
        'after',
      ),
      lines('HOME=/root', `SSH_KEY=${R}`, R, '', R, '-----END OPENSSH PRIVATE KEY-----', 'LANG=C', 'after'),
    ],
    [
      "env's JSON credential, masked up to its } at column 0",
      lines(
        'GOOGLE_CREDENTIALS={',
        '  "type": "service_account",',
        '  "private_key": "PLANTED"',
        '}',
        'PATH=/bin',
      ),
      lines(`GOOGLE_CREDENTIALS=${R}`, R, R, '}', 'PATH=/bin'),
    ],
    [
      'other env lines mask no lines after them',
      lines(
        'SSH_KEY=-----BEGIN X----- PLANTED -----END X-----',
        'kept one',
        'API_TOKEN={"a": 1}',
        'kept two',
        'HOME=-----BEGIN X-----',
        'kept three',
        'MOTD={',
        'kept four',
        '}',
        '  API_TOKEN={',
        'kept five',
        '  HOME=-----BEGIN X-----',
        'kept six',
        '  SSH_KEY=-----BEGIN X----- PLANTED -----END X-----',
        'kept seven',
        'SSH_KEY -----BEGIN X----- PLANTED -----END X-----',
        'kept eight',
        '  SSH_KEY -----BEGIN X-----',
        'kept nine',
      ),
      lines(
        `SSH_KEY=${R}`,
        'kept one',
        `API_TOKEN=${R}`,
        'kept two',
        'HOME=-----BEGIN X-----',
        'kept three',
        'MOTD={',
        'kept four',
        '}',
        `  API_TOKEN=${R}`,
        'kept five',
        '  HOME=-----BEGIN X-----',
        'kept six',
        `  SSH_KEY=${R}`,
        'kept seven',
        `SSH_KEY ${R}`,
        'kept eight',
        '  SSH_KEY -----BEGIN X-----',
        'kept nine',
      ),
    ],
    [
      "an indented env line's PEM value: its line whole and the lines after it, up to its END line",
      lines(
        'env:',
        '  SSH_KEY=-----BEGIN OPENSSH PRIVATE KEY-----',
        'PLANTEDb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ',
        '  PLANTEDAAAAMwAAAAtzc2gtZW',
        '  -----END OPENSSH PRIVATE KEY-----',
        '  LANG=C',
      ),
      lines('env:', `  SSH_KEY=${R}`, R, R, '  -----END OPENSSH PRIVATE KEY-----', '  LANG=C'),
    ],
    [
      "Python's print(k, v) of a PEM or a JSON value (NAME, a blank, the value over several lines)",
      lines(
        'HOME /root',
        'SSH_PRIVATE_KEY -----BEGIN OPENSSH PRIVATE KEY-----',
        'PLANTEDb3Bl',
        '-----END OPENSSH PRIVATE KEY-----',
        'GOOGLE_CREDENTIALS {',
        '  "private_key": "PLANTED"',
        '}',
        'LANG C.UTF-8',
      ),
      lines(
        'HOME /root',
        `SSH_PRIVATE_KEY ${R}`,
        R,
        '-----END OPENSSH PRIVATE KEY-----',
        `GOOGLE_CREDENTIALS ${R}`,
        R,
        '}',
        'LANG C.UTF-8',
      ),
    ],
    [
      "a name aligned in a column (several blanks or a tab) and a `{`: no value opened, a test's failure below it kept",
      lines(
        'AUTH_CONFIG    {',
        '  "a": 1,',
        'FAILED test_x',
        'assert 3 == 4',
        'AUTH_CONFIG\t{',
        'FAILED test_y',
        '',
      ),
      lines(
        `AUTH_CONFIG    ${R}`,
        '  "a": 1,',
        'FAILED test_x',
        'assert 3 == 4',
        `AUTH_CONFIG\t${R}`,
        'FAILED test_y',
        '',
      ),
    ],
    [
      "a PEM value after a key and a colon (print('SSH_KEY:', key)), or a lower-case key's, its body not indented",
      lines(
        'SSH_KEY: -----BEGIN OPENSSH PRIVATE KEY-----',
        'PLANTEDb3BlbnNzaC1rZXktdjEAAAAA',
        '-----END OPENSSH PRIVATE KEY-----',
        'private_key: -----BEGIN RSA PRIVATE KEY-----',
        'PLANTEDMIIEowIBAAKCAQEA',
        '-----END RSA PRIVATE KEY-----',
        'private_key=-----BEGIN RSA PRIVATE KEY-----',
        'PLANTEDMIIEowIBAAKCAQEB',
        '-----END RSA PRIVATE KEY-----',
        'private_key -----BEGIN RSA PRIVATE KEY-----',
        'PLANTEDMIIEowIBAAKCAQEC',
        '-----END RSA PRIVATE KEY-----',
        'LANG: C',
      ),
      lines(
        `SSH_KEY: ${R}`,
        R,
        '-----END OPENSSH PRIVATE KEY-----',
        `private_key: ${R}`,
        R,
        '-----END RSA PRIVATE KEY-----',
        `private_key=${R} RSA PRIVATE KEY-----`,
        R,
        '-----END RSA PRIVATE KEY-----',
        'private_key -----BEGIN RSA PRIVATE KEY-----',
        R,
        '-----END RSA PRIVATE KEY-----',
        'LANG: C',
      ),
    ],
    [
      "a key and a colon, or a lower-case key, before a `{`: a program's own text, not a value left open",
      lines('api_key {', '  kept', '}', 'SSH_KEY: {', 'kept too', 'client_secret={', 'kept three'),
      lines('api_key {', '  kept', '}', `SSH_KEY: ${R}`, 'kept too', 'client_secret={', 'kept three'),
    ],
  ])('%s', (_what, text, want) => {
    expect(redactOutput(text)).toBe(want);
    expect(redactOutput(want)).toBe(want);
  });

  it("the live view, a character a chunk: a column's `{` opens nothing, an indented column's value is masked", () => {
    for (const [text, want] of [
      [
        lines('AUTH_CONFIG    {', '  "a": 1,', 'FAILED test_x', 'assert 3 == 4', ''),
        lines(`AUTH_CONFIG    ${R}`, '  "a": 1,', 'FAILED test_x', 'assert 3 == 4', ''),
      ],
      [
        lines('  DB_PASSWORD   hunter2', '\tAPI_TOKEN\tx y', ''),
        lines(`  DB_PASSWORD   ${R}`, `\tAPI_TOKEN\t${R}`, ''),
      ],
    ]) {
      expect(shownLive(text!)).toBe(want);
    }
  });

  it(`masks an env value left open for at most ${256} lines`, () => {
    const out = redactOutput(`SSH_KEY=-----BEGIN X-----\n${'PLANTED\n'.repeat(300)}`).split('\n');
    expect(out.slice(0, 257)).toEqual([`SSH_KEY=${R}`, ...Array<string>(256).fill(R)]);
    expect(out[257]).toBe('PLANTED');
  });

  it(`masks a quote left open for at most ${256} lines`, () => {
    const out = redactOutput(`DB_PASSWORD='x\n${'PLANTED\n'.repeat(300)}`).split('\n');
    expect(out.slice(0, 257)).toEqual([`DB_PASSWORD=${R}`, ...Array<string>(256).fill(R)]);
    expect(out[257]).toBe('PLANTED');
  });
});

describe("a private key's PEM block, whatever names it (or nothing)", () => {
  const BODY = 'PLANTEDvQIBADANBgkqhkiG9w0BAQEFAASC';
  const block = (type: string, head = '') =>
    lines(`${head}-----BEGIN ${type}-----`, BODY, `${BODY}AB==`, `-----END ${type}-----`);
  const masked = (type: string, head = '') =>
    lines(`${head}-----BEGIN ${type}-----`, R, R, `-----END ${type}-----`);
  it.each<[string, string, string]>([
    ...[
      'PRIVATE KEY',
      'RSA PRIVATE KEY',
      'EC PRIVATE KEY',
      'OPENSSH PRIVATE KEY',
      'ENCRYPTED PRIVATE KEY',
    ].map((type): [string, string, string] => [
      `a bare ${type} block: its body masked, its BEGIN and END lines kept`,
      lines('before', block(type), 'after'),
      lines('before', masked(type), 'after'),
    ]),
    [
      "a key and a colon ending the line, the PEM on the next (a YAML key's block does not take it: column 0)",
      lines('private_key:', block('RSA PRIVATE KEY'), 'after'),
      lines('private_key:', masked('RSA PRIVATE KEY'), 'after'),
    ],
    [
      'a key secretKey rejects (tls-key:)',
      lines(block('EC PRIVATE KEY', 'tls-key: '), 'after'),
      lines(masked('EC PRIVATE KEY', 'tls-key: '), 'after'),
    ],
    [
      'a lower-case key, a blank and the PEM (print(k, v)): its header line kept, as before',
      lines(block('RSA PRIVATE KEY', 'private_key '), 'after'),
      lines(masked('RSA PRIVATE KEY', 'private_key '), 'after'),
    ],
    [
      'a log line before it, an indented body, an encrypted one with headers and a blank line',
      lines(
        '12:00 INFO key: -----BEGIN RSA PRIVATE KEY-----',
        '    Proc-Type: 4,ENCRYPTED',
        '    DEK-Info: AES-128-CBC,PLANTED0F1E2D3C',
        '',
        `    ${BODY}`,
        '    -----END RSA PRIVATE KEY-----',
        'after',
      ),
      lines(
        '12:00 INFO key: -----BEGIN RSA PRIVATE KEY-----',
        R,
        R,
        '',
        R,
        '    -----END RSA PRIVATE KEY-----',
        'after',
      ),
    ],
    [
      'PGP armor of a private key',
      lines(
        '-----BEGIN PGP PRIVATE KEY BLOCK-----',
        'Version: GnuPG v2',
        '',
        BODY,
        '=PLAN',
        '-----END PGP PRIVATE KEY BLOCK-----',
      ),
      lines('-----BEGIN PGP PRIVATE KEY BLOCK-----', R, '', R, R, '-----END PGP PRIVATE KEY BLOCK-----'),
    ],
    [
      'no END: base64 lines masked, the first other line ends it (kept, and read as any other)',
      lines(
        '-----BEGIN PRIVATE KEY-----',
        BODY,
        BODY,
        'Traceback (most recent call last):',
        'DB_PASSWORD=PLANTED',
        'after',
      ),
      lines(
        '-----BEGIN PRIVATE KEY-----',
        R,
        R,
        'Traceback (most recent call last):',
        `DB_PASSWORD=${R}`,
        'after',
      ),
    ],
    [
      'near misses: a certificate, a public key, a line that mentions a private key, a BEGIN and END on one line',
      lines(
        block('CERTIFICATE'),
        block('PUBLIC KEY'),
        block('RSA PUBLIC KEY'),
        'Loading PRIVATE KEY from key.pem',
        'MIIEkeptAfterAMention',
        'error: want -----BEGIN PRIVATE KEY----- header',
        'kept after one line',
        '-----BEGIN PRIVATE KEY----------END PRIVATE KEY-----',
        'MIIEkeptAfterAnEnd',
      ),
      lines(
        block('CERTIFICATE'),
        block('PUBLIC KEY'),
        block('RSA PUBLIC KEY'),
        'Loading PRIVATE KEY from key.pem',
        'MIIEkeptAfterAMention',
        'error: want -----BEGIN PRIVATE KEY----- header',
        'kept after one line',
        '-----BEGIN PRIVATE KEY----------END PRIVATE KEY-----',
        'MIIEkeptAfterAnEnd',
      ),
    ],
  ])('%s', (_what, text, want) => {
    expect(redactOutput(text)).toBe(want);
    // Idempotent: masked text read again changes nothing (its lines after the block stay).
    expect(redactOutput(want)).toBe(want);
    expect(tail(text)).toBe(want);
  });

  it(`masks a block with no END for at most ${256} base64 lines`, () => {
    const out = redactOutput(`-----BEGIN PRIVATE KEY-----\n${`${BODY}\n`.repeat(300)}`).split('\n');
    expect(out.slice(0, 257)).toEqual(['-----BEGIN PRIVATE KEY-----', ...Array<string>(256).fill(R)]);
    expect(out[257]).toBe(BODY);
  });

  it('the live view holds the block back and agrees with redactOutput, cut whole, a line or a character a chunk', () => {
    for (const text of [
      lines('start', block('PRIVATE KEY'), 'end', ''),
      lines('start', 'private_key:', block('OPENSSH PRIVATE KEY'), 'end', ''),
      lines('start', block('EC PRIVATE KEY', 'tls-key: '), 'end', ''),
      lines('start', '-----BEGIN PRIVATE KEY-----', BODY, 'not base64 here', 'end', ''),
    ]) {
      const lineEnds = [...text.matchAll(/\n/g)].map((m) => m.index + 1).slice(0, -1);
      for (const cuts of [[], lineEnds, undefined]) {
        const shown = shownLive(text, cuts);
        expect(shown).toBe(redactOutput(text));
        expect(shown).not.toContain('PLANTED');
      }
    }
  });

  it("the live view's scanner holds back from the BEGIN line while the block is open", () => {
    expect(scan('a\n-----BEGIN PRIVATE KEY-----\nMIIE\n').openAt).toBe(2);
    expect(scan('a\n-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n').openAt).toBe(-1);
    expect(scan('a\n-----BEGIN CERTIFICATE-----\nMIIE\n').openAt).toBe(-1);
  });

  it('failureTail masks it too', () => {
    expect(failureTail(lines(block('PRIVATE KEY'), 'boom')).join('\n')).toBe(
      lines(masked('PRIVATE KEY'), 'boom'),
    );
  });
});

/**
 * TEXT read by a live view's scanner in CHUNKS (whole lines each; one chunk when none are given):
 * what it shows, and where the value the lines leave open began (its openAt).
 */
function scan(text: string, cuts: number[] = []): { masked: string; openAt: number } {
  const scanner = continuationScanner();
  const at = [0, ...cuts, text.length];
  let masked = '';
  for (let i = 1; i < at.length; i++) masked += scanner.mask(text.slice(at[i - 1], at[i]));
  return { masked, openAt: scanner.openAt };
}

describe("continuationScanner's openAt: where a live view holds the text back", () => {
  it.each<[string, string, number]>([
    ['a secret YAML key last, its block may follow', 'a\nDB_PASSWORD: |\n  x\n', 2],
    ['at the start', 'DB_PASSWORD: |\r\n', 0],
    ['bare CR line ends', 'a\rb\r\nDB_PASSWORD: |\r  x\r', 5],
    ["a secret's pprint literal last, a CR line end", "x\r{'API_KEY': 'a'\r  'b'\r", 2],
    ['its block ended by a line at its column', 'DB_PASSWORD: |\n  x\nLANG: C\n', -1],
    ['no secret', 'a\nLANG: |\n  x\n', -1],
    ["a secret's pprint literal last", "x\n{'API_KEY': 'a'\n  'b'\n", 2],
    ["a shell's quoted value left open", "a\ndeclare -x API_KEY='x\ny\n", 2],
    ["a secret's pprint literals ended", "{'API_KEY': 'a'\n  'b'}\n", -1],
  ])('%s', (_what, text, offset) => {
    expect(scan(text).openAt).toBe(offset);
    // The same, the text given a line a chunk: what is open is kept between the chunks.
    const lineEnds = [...text.matchAll(/\r\n|\r|\n/g)].map((m) => m.index + m[0].length);
    expect(scan(text, lineEnds.slice(0, -1)).openAt).toBe(offset);
  });
});

/** Hostile output, by kind; each input is read under a hang guard of its own (a busy machine stays well inside it). */
const HOSTILE: [string, string[]][] = [
  [
    '1 MB of secret keys, blocks and blank lines',
    [
      `DB_PASSWORD: |\n${'  x\n'.repeat(250_000)}`,
      'A_KEY:\n'.repeat(150_000),
      `"A_KEY": ${' '.repeat(1_000_000)}"x",`,
      `DB_PASSWORD:${'\n'.repeat(1_000_000)}`,
      `{'A_KEY': 'x'\n${"  'y'\n".repeat(200_000)}`,
      `('A_KEY',\n`.repeat(100_000),
      `'A_KEY': '${"\\'".repeat(300_000)}'`,
      `${"'A_KEY': 'x' ".repeat(80_000)}'`,
      `${"A_KEY='x\n".repeat(250_000)}`,
      `A_KEY="${'\\'.repeat(1_000_000)}`,
      `'A_KEY'${' '.repeat(1_000_000)}=x`,
      `${"{'A_KEY':".repeat(120_000)}x`,
      `${"'A_KEY': ".repeat(120_000)},`,
    ],
  ],
  [
    "1 MB of shell words, sequences at a key's column, env values left open",
    [
      `${"X='a' ".repeat(150_000)}A_KEY='x`,
      `A_KEY=-----BEGIN \n${'x\n'.repeat(250_000)}`,
      `A_KEY=${'{'.repeat(500_000)}\n${'x\n'.repeat(200_000)}`,
      'A_KEY={\n'.repeat(150_000),
      `DB_PASSWORD: |\r${'  x\r'.repeat(250_000)}`,
      `A_KEY: |${'\r'.repeat(1_000_000)}`,
      `A_KEY:\n${'- x\n'.repeat(250_000)}`,
      `A_KEY:\n${'-\n'.repeat(250_000)}${'- A_B:\n'.repeat(100_000)}`,
      `A_KEY=${'\'x\'"y"'.repeat(150_000)} '`,
    ],
  ],
  [
    '1 MB of printed pairs, flow mappings, Go maps and lower-case keys',
    [
      'A_KEY x\n'.repeat(120_000),
      `  A_KEY=-----BEGIN \n${'x\n'.repeat(250_000)}`,
      `A_KEY -----BEGIN \n${'x\n'.repeat(250_000)}`,
      `{${'password: "x,'.repeat(70_000)}`,
      `{${"password: 'x,".repeat(70_000)}`,
      `{${'a'.repeat(1_000_000)}`,
      '{'.repeat(1_000_000),
      `{${', '.repeat(500_000)}`,
      `map[${' A_KEY:x'.repeat(120_000)}`,
      'map['.repeat(250_000),
      `map[A_KEY:x${' y'.repeat(400_000)}`,
      `map[A_KEY:x${' '.repeat(1_000_000)}]`,
      `map[${' A_KEY:x y'.repeat(100_000)}]`,
      `map[A_KEY:x ${'y'.repeat(1_000_000)}`,
      `${'map[A_KEY:x]'.repeat(80_000)}${'map[A_KEY:x '.repeat(80_000)}`,
      `${' \t'.repeat(500_000)}A_KEY`,
      `${' '.repeat(500_000)}A_KEY${' '.repeat(500_000)}`,
      '    A_KEY    x\n'.repeat(70_000),
      `${'  A_KEY  '.repeat(120_000)}\n`,
      'A_KEY    {\n'.repeat(100_000),
      'map[A:'.repeat(250_000),
      `map[Z_TOKEN:x${' A_B:y'.repeat(150_000)}]`,
      'map[CONFIG:map[DB_PASSWORD:x] '.repeat(35_000),
      `${'['.repeat(500_000)}map[A_TOKEN:x${' B:y'.repeat(100_000)}`,
      'map[A_TOKEN:x map[B_TOKEN:y '.repeat(40_000),
      `map[A_KEY:x${' map[B:y] C_KEY:z'.repeat(60_000)}]`,
      `${'map[A_KEY:x] '.repeat(80_000)}${' Z_KEY:y'.repeat(100_000)}`,
      'password:\n'.repeat(100_000),
      `api_key: |\n${'  x\n'.repeat(250_000)}`,
      `{'api_key': 'x'\n${"  'y'\n".repeat(200_000)}`,
      `private_key: -----BEGIN \n${'x\n'.repeat(250_000)}`,
      `x${'{api_key='.repeat(100_000)}(`,
      `(api_key=${'a=b'.repeat(300_000)}(`,
      `${"(api_key='".repeat(100_000)}`,
      `${'(api_key = '.repeat(100_000)}x`,
      `${' a.'.repeat(300_000)}=`,
    ],
  ],
  [
    '1 MB of HTTP headers: curl -v prefixes, escaped messages, names with no blank before a value',
    [
      `> ${' '.repeat(1_000_000)}x`,
      `<${' \t'.repeat(500_000)}`,
      `${'\\r\\n'.repeat(250_000)}Cookie:`,
      '\\r\\nCookie: '.repeat(90_000),
      `\\r\\nCookie: ${'\\x'.repeat(400_000)}`,
      `\\nCookie:${' '.repeat(1_000_000)}'`,
      `DB_PASSWORD:${'x'.repeat(1_000_000)}`,
      `${'a-'.repeat(500_000)}:x`,
      `> Cookie:${' '.repeat(1_000_000)}`,
      '> Cookie: x\n'.repeat(80_000),
      `${'x-a'.repeat(330_000)}:`,
      `-H '${'X-Api-Key: '.repeat(90_000)}`,
      `${'\\r\\nX-Api-Key: a'.repeat(60_000)}`,
      `[cookie: ${'\\'.repeat(1_000_000)}`,
      `Set-Cookie:[${'a'.repeat(1_000_000)}`,
      `${'cookie: x '.repeat(100_000)}`,
      `${"'Set-Cookie', 'Set-Cookie', ".repeat(40_000)}`,
      `'x-api-key': [ ${"'a', ".repeat(150_000)}`,
      `${'\\"Cookie\\": \\"'.repeat(60_000)}`,
      `\\"Cookie\\": \\"${'\\x'.repeat(400_000)}`,
      `${'<Cookie a='.repeat(100_000)}`,
      `${'a-'.repeat(500_000)}api-key: x`,
      `Cookie: ${'Cookie:'.repeat(150_000)}`,
      `x ${'cookie:cookie:'.repeat(80_000)}`,
      `${"Set-Cookie:'".repeat(90_000)}`,
      `${'Stored cookie '.repeat(80_000)}`,
      `${"Cookie(version=0, name='a', value='".repeat(30_000)}`,
      `http.Header{"Cookie":[]string{${'"a", '.repeat(200_000)}`,
      "  'Set-Cookie',\n".repeat(70_000),
      `  'Set-Cookie',\n  '${'\\'.repeat(1_000_000)}`,
      '  "name": "Cookie",\n  "value": "a=b"\n'.repeat(30_000),
      `  cookies: [\n${"    'a=b',\n".repeat(90_000)}`,
    ],
  ],
  [
    "1 MB of private keys' PEM lines",
    [
      `-----BEGIN PRIVATE KEY-----\n${'x\n'.repeat(250_000)}`,
      '-----BEGIN PRIVATE KEY-----\n'.repeat(40_000),
      '-----BEGIN PRIVATE KEY-----'.repeat(40_000),
      `-----BEGIN PRIVATE KEY-----${' '.repeat(1_000_000)}`,
      `-----BEGIN PRIVATE KEY-----${'\\n'.repeat(500_000)}!`,
      `-----BEGIN ${'A '.repeat(500_000)}`,
      `-----BEGIN PRIVATE KEY-----${'a'.repeat(1_000_000)}`,
      `-----BEGIN PRIVATE KEY-----${' a'.repeat(500_000)}`,
      `${'-----BEGIN PRIVATE KEY-----abc'.repeat(35_000)}\n${'Proc-Type: x\n'.repeat(80_000)}`,
    ],
  ],
];

/** HOSTILE's inputs one a row: its kind and its place in the list. */
const HOSTILE_ROWS = HOSTILE.flatMap(([what, inputs]) =>
  inputs.map((t, i): [string, number, string] => [what, i, t]),
);

describe('linear on hostile output', () => {
  it.each(HOSTILE_ROWS)('%s, #%i: the batch masker (redactOutput)', (_what, _i, text) => {
    expect(finishes(() => redactOutput(text).length)).toBeGreaterThan(0);
  });

  it.each(HOSTILE_ROWS)("%s, #%i: the live view's scanner", (_what, _i, text) => {
    expect(finishes(() => scan(text).masked.length)).toBeGreaterThan(0);
  });
});

describe('the live view, the stream cut between the line that names a secret and the next', () => {
  const YAML = lines('start', 'DB_PASSWORD: |', '  PLANTED one', '  PLANTED two', 'LANG: C', 'end', '');
  const PPRINT = lines(
    'start',
    "{'API_KEY': 'PLANTED one'",
    "            'PLANTED two',",
    " 'LANG': 'C'}",
    'end',
    '',
  );
  const cases = (form: string, text: string): [string, string, string, number[]][] => {
    const lineEnds = text.split('\n').map((l) => text.indexOf(l) + l.length + 1);
    return [
      [form, 'after the name', text, [text.indexOf('PLANTED one') + 12]],
      [form, 'one line a chunk', text, lineEnds.slice(0, -1)],
      [form, 'one character a chunk', text, Array.from({ length: text.length - 1 }, (_, i) => i + 1)],
    ];
  };
  const LOWER = lines(
    'start',
    'db:',
    '  private_key: |',
    '    PLANTED one',
    '    PLANTED two',
    '  user: bob',
    '',
  );
  const PRINTED = lines(
    'start',
    'SSH_KEY -----BEGIN X-----',
    'PLANTED one',
    'PLANTED two',
    '-----END X-----',
    'end',
    '',
  );
  const ENV_PEM = lines(
    'start',
    'SSH_KEY=-----BEGIN X-----',
    'PLANTED one',
    'PLANTED two',
    '-----END X-----',
    'end',
    '',
  );
  const INDENTED = lines(
    'start',
    '  SSH_KEY=-----BEGIN X-----',
    'PLANTED one',
    'PLANTED two',
    '  -----END X-----',
    '',
  );
  const QUOTED_KEY_END = lines('start', "x = {'DB_PASSWORD':", "  'PLANTED one'}", 'end', '');
  // A bare CR ends a line as LF does (a progress bar's output): the live view reads it so too.
  const CR = 'start\rDB_PASSWORD: |\r  PLANTED one\r  PLANTED two\rLANG: C\rend\n';
  const MIXED = 'progress 100%\rDB_PASSWORD: |\n  PLANTED one\nLANG: C\n';
  const CRLF = YAML.replace(/\n/g, '\r\n');
  it.each([
    ...cases('YAML', YAML),
    ...cases('pprint', PPRINT),
    ...cases('lower-case YAML', LOWER),
    ...cases("print(k, v)'s PEM", PRINTED),
    ...cases("print(k, v)'s PEM, aligned: two blanks", PRINTED.replace('SSH_KEY ', 'SSH_KEY  ')),
    ...cases("print(k, v)'s PEM, aligned: a tab", PRINTED.replace('SSH_KEY ', 'SSH_KEY\t')),
    ...cases("an indented env line's PEM", INDENTED),
    ...cases(
      "a column's `{`: no value opened",
      lines('start', 'AUTH_CONFIG    {"PLANTED one",', '  "a": 1,', 'FAILED test_x', 'assert 3 == 4', ''),
    ),
    ...cases(
      'indented columns (several blanks or a tab)',
      lines(
        'start',
        '  DB_PASSWORD   PLANTED one',
        '\tAPI_TOKEN\tPLANTED two',
        '    HOME    /root',
        'end',
        '',
      ),
    ),
    ...cases("env's PEM (its end line ends it when read again)", ENV_PEM),
    ...cases("a colon's PEM (print('SSH_KEY:', key))", ENV_PEM.replace('SSH_KEY=', 'SSH_KEY: ')),
    ...cases("a lower-case key's PEM", ENV_PEM.replace('SSH_KEY=', 'private_key=')),
    ...cases("a quoted key at a line's end, its value on the next", QUOTED_KEY_END),
    ...cases(
      "os.environ['K'] = at a line's end",
      QUOTED_KEY_END.replace("{'DB_PASSWORD':", "os.environ['DB_PASSWORD'] ="),
    ),
    ['YAML, bare CR', 'in one chunk', CR, []],
    ['YAML after a bare CR', 'one line a chunk', MIXED, [MIXED.indexOf('\n') + 1, MIXED.lastIndexOf('LANG')]],
    ['YAML, bare CR', 'one character a chunk', CR, Array.from({ length: CR.length - 1 }, (_, i) => i + 1)],
    ['YAML, CRLF', 'one character a chunk', CRLF, Array.from({ length: CRLF.length - 1 }, (_, i) => i + 1)],
  ] as [string, string, string, number[]][])('%s: cut %s', (_form, _what, text, cuts) => {
    const shown = shownLive(text, cuts);
    expect(shown).toBe(redactOutput(text));
    expect(shown).not.toContain('PLANTED');
  });
});

describe('the live view reads each line once (a secret block held back over many chunks)', () => {
  it('steps over the text once, one short line a chunk', () => {
    const scanner = continuationScanner();
    const shown: string[] = [];
    const live = liveLines((t) => shown.push(t), scanner);
    const chunks = ['DB_PASSWORD: |\n', ...Array<string>(20_000).fill('  PLANTED\n'), 'LANG: C\n'];
    for (const c of chunks) live.push(c);
    live.flush();
    const text = chunks.join('');
    // Each character once (and each line's end): not the held text again at every chunk.
    expect(scanner.visited).toBe(text.length);
    expect(shown.join('')).toBe(redactOutput(text));
  });

  it('keeps masking a block past the hold-back limit (its lines shown masked, not as they are)', () => {
    const shown: string[] = [];
    const live = liveLines((t) => shown.push(t));
    const block = Array<string>(20_000).fill('  PLANTED-line\n').join('');
    live.push('DB_PASSWORD: |\n');
    for (let i = 0; i < block.length; i += 1000) live.push(block.slice(i, i + 1000));
    live.push('LANG: C\n');
    live.flush();
    const out = shown.join('');
    expect(out).not.toContain('PLANTED');
    expect(out).toBe(redactOutput(`DB_PASSWORD: |\n${block}LANG: C\n`));
  });
});

describe("the end kept of a test's output: a secret's block whose name is before it", () => {
  const block = (n: number) => `DB_PASSWORD: |\n${'  PLANTED-secret-line\n'.repeat(n)}`;
  it('tail(): the block masked though its key is cut off', () => {
    const out = tail(block(5000));
    expect(out).not.toContain('PLANTED');
    expect(out.split('\n').at(-1)).toBe(`  ${R}`);
  });
  it('failureTail(): the same', () => {
    const out = failureTail(block(500));
    expect(out.join('\n')).not.toContain('PLANTED');
    expect(out.at(-1)).toBe(`  ${R}`);
  });
  it('linear: 10 MB on one line, and 1 MB of a block', () => {
    const got = finishes(() => [tail('x'.repeat(10_000_000)), failureTail(block(50_000)).join('')]);
    expect(got[1]).not.toContain('PLANTED');
  });
});
