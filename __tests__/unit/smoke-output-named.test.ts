// A secret printed as a name and value pair under keys of their own (src/util/redact-output-named.ts),
// curl's --trace-ascii dump of a long credential header (src/util/redact-output-trace.ts), and the
// cookie and shell forms that the header rule reads (src/util/redact-output-headers.ts): masked in
// a smoke test's output, batch and live alike; a program's own pairs kept.
import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../src/util/redact.js';
import { redactOutput } from '../../src/util/redact-instruction.js';
import { continuationScanner } from '../../src/util/redact-output-lines.js';
import { fill, finishes, MB } from '../helpers/hang-guard.js';
import { shownLive } from '../helpers/live-view.js';

const R = REDACTED;
const lines = (...l: string[]) => l.join('\n');

/** curl --trace-ascii's lines of DATA from offset AT: 64 characters a line, each after its offset. */
function traced(data: string, at: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < data.length; i += 64)
    out.push(`${(at + i).toString(16).padStart(4, '0')}: ${data.slice(i, i + 64)}`);
  return out;
}
const LONG_COOKIE = `Cookie: session=PLANTED${'a'.repeat(70)}; csrftoken=PLANTEDz${'c'.repeat(30)}`;
const LONG_AUTH = `Authorization: Bearer PLANTED${'b'.repeat(80)}`;

const LEAKS: [string, string, string][] = [
  [
    "a Kubernetes container's env, as JSON, the Python client's repr, Go's %+v and a V1EnvVar",
    lines(
      '"env": [{"name": "DB_PASSWORD", "value": "PLANTED1"}, {"name": "HOME", "value": "/root"}]',
      "[{'name': 'HF_TOKEN', 'value': 'PLANTED2', 'value_from': None}]",
      '[{Name:WANDB_API_KEY Value:PLANTED3 ValueFrom:nil} {Name:LANG Value:C.UTF-8 ValueFrom:nil}]',
      "env=[V1EnvVar(name='api_key', value='PLANTED4')]",
    ),
    lines(
      `"env": [{"name": "DB_PASSWORD", "value": "${R}"}, {"name": "HOME", "value": "/root"}]`,
      `[{'name': 'HF_TOKEN', 'value': '${R}', 'value_from': None}]`,
      `[{Name:WANDB_API_KEY Value:${R} ValueFrom:nil} {Name:LANG Value:C.UTF-8 ValueFrom:nil}]`,
      `env=[V1EnvVar(name='api_key', value='${R}')]`,
    ),
  ],
  [
    "an ECS task's environment inside a JSON string; a HAR's headers, the value first; Authorization keeps its scheme",
    lines(
      '"detail": "{\\"environment\\": [{\\"name\\": \\"GH_TOKEN\\", \\"value\\": \\"PLANTED1\\"}]}"',
      '{"headers": [{"value": "sid=PLANTED2", "name": "Cookie"}, {"value": "PLANTED3", "name": "X-Api-Key"}]}',
      '{"name": "Authorization", "value": "Bearer PLANTED4"} {"value": "Basic PLANTED5", "name": "Proxy-Authorization"}',
    ),
    lines(
      `"detail": "{\\"environment\\": [{\\"name\\": \\"GH_TOKEN\\", \\"value\\": \\"${R}\\"}]}"`,
      `{"headers": [{"value": "${R}", "name": "Cookie"}, {"value": "${R}", "name": "X-Api-Key"}]}`,
      `{"name": "Authorization", "value": "Bearer ${R}"} {"value": "Basic ${R}", "name": "Proxy-Authorization"}`,
    ),
  ],
  [
    "YAML's pairs over two lines: a pod's env (a quoted value, a block scalar), a probe's httpHeaders",
    lines(
      '    env:',
      '    - name: HF_TOKEN',
      '      value: PLANTED1',
      '    - name: "DB_PASSWORD"',
      '      value: "PLANTED2 two words"',
      '    - name: SSH_KEY',
      '      value: |',
      '        PLANTED3',
      '        PLANTED4',
      '    - name: HOME',
      '      value: /root',
      '        httpHeaders:',
      '        - name: Cookie',
      '          value: sid=PLANTED5',
      '        - name: X-Api-Key',
      '          value: PLANTED6',
      '        - name: Authorization',
      '          value: Bearer PLANTED7',
    ),
    lines(
      '    env:',
      '    - name: HF_TOKEN',
      `      value: ${R}`,
      '    - name: "DB_PASSWORD"',
      `      value: "${R}"`,
      '    - name: SSH_KEY',
      '      value: |',
      `        ${R}`,
      `        ${R}`,
      '    - name: HOME',
      '      value: /root',
      '        httpHeaders:',
      '        - name: Cookie',
      `          value: ${R}`,
      '        - name: X-Api-Key',
      `          value: ${R}`,
      '        - name: Authorization',
      `          value: Bearer ${R}`,
    ),
  ],
  [
    "JSON pretty-printed: a variable's name (no header's) as a pair's name, its value on the next line",
    lines('{', '  "name": "HF_TOKEN",', '  "value": "PLANTED1"', '}'),
    lines('{', '  "name": "HF_TOKEN",', `  "value": "${R}"`, '}'),
  ],
  [
    'curl --trace-ascii: a cookie and an Authorization longer than a line, each line that goes on with them',
    lines(
      '=> Send header, 260 bytes (0x104)',
      '0000: GET / HTTP/1.1',
      '0010: Host: x',
      ...traced(LONG_COOKIE, 0x19),
      '00a0: Accept: */*',
      ...traced(LONG_AUTH, 0),
      '0099: ',
    ),
    lines(
      '=> Send header, 260 bytes (0x104)',
      '0000: GET / HTTP/1.1',
      '0010: Host: x',
      `0019: Cookie: ${R}`,
      `0059: ${R}`,
      `0099: ${R}`,
      '00a0: Accept: */*',
      `0000: Authorization: Bearer ${R}`,
      `0040: ${R}`,
      '0099: ',
    ),
  ],
  [
    'curl --trace-ascii: a line that does not go on (shorter than a line; the next offset not the one after it): the next kept',
    lines(
      '0000: Cookie: short=PLANTED1',
      '0018: Host: example.com',
      ...traced(`Cookie: sid=PLANTED2${'a'.repeat(60)}`, 0x90).slice(0, 1),
      '0999: Accept: */*',
    ),
    lines('0000: Cookie: ' + R, '0018: Host: example.com', `0090: Cookie: ${R}`, '0999: Accept: */*'),
  ],
  [
    "a cookie after an attribute (`Path=/; sid=x`); a shell's `'\\''` in a cookie's quoted value",
    lines(
      '< Set-Cookie: Path=/; sid=PLANTED1; HttpOnly',
      "+ curl -H 'Cookie: sid=a'\\''PLANTED2; b=PLANTED3' https://x/",
    ),
    lines(`< Set-Cookie: ${R}`, `+ curl -H 'Cookie: ${R}' https://x/`),
  ],
  [
    "a credential header's YAML key with a block scalar: its lines below",
    lines(
      'headers:',
      '  authorization: |',
      '    Bearer PLANTED1',
      '  X-Api-Key: >-',
      '    PLANTED2',
      'next: 1',
    ),
    lines('headers:', '  authorization: |', `    ${R}`, `  X-Api-Key: ${R}`, `    ${R}`, 'next: 1'),
  ],
];

// The review's findings: each row fails on the commit before its fix.
LEAKS.push(
  [
    "Go's %+v and a Kubernetes String(): Authorization's scheme kept, a value with blanks and commas to the next field",
    lines(
      '[{Name:Authorization Value:Bearer PLANTED1}] &HTTPHeader{Name:Authorization,Value:Bearer PLANTED2,}',
      '{Name:DB_PASSWORD Value:ab,PLANTED3 two words ValueFrom:nil} {Name:Cookie Value:sid=PLANTED4; csrftoken=PLANTED5}',
      '{"name": "DB_PASSWORD", "value": b\'PLANTED6\'} {"name": "DB_PASSWORD", "value": "$ecretPLANTED7"}',
    ),
    lines(
      `[{Name:Authorization Value:Bearer ${R}}] &HTTPHeader{Name:Authorization,Value:Bearer ${R},}`,
      `{Name:DB_PASSWORD Value:${R} ValueFrom:nil} {Name:Cookie Value:${R}}`,
      `{"name": "DB_PASSWORD", "value": b'${R}'} {"name": "DB_PASSWORD", "value": "${R}"}`,
    ),
  ],
  [
    "pprint's dict over several lines (the Kubernetes client's, boto3's), a long value's literals; JSON's Authorization pretty-printed",
    lines(
      "{'name': 'DB_PASSWORD',",
      " 'value': 'PLANTED1',",
      " 'value_from': None}",
      "'environment': [{'name': 'HF_TOKEN',",
      "                 'value': 'PLANTED2'},",
      "{'name': 'Authorization',",
      " 'value': 'Bearer '",
      "          'eyJPLANTED3'}",
      '{"name": "Authorization",',
      ' "value": "Bearer PLANTED4"}',
    ),
    lines(
      "{'name': 'DB_PASSWORD',",
      ` 'value': '${R}',`,
      " 'value_from': None}",
      "'environment': [{'name': 'HF_TOKEN',",
      `                 'value': '${R}'},`,
      "{'name': 'Authorization',",
      ` 'value': '${R}'`,
      `          '${R}'}`,
      '{"name": "Authorization",',
      ` "value": "${R}"}`,
    ),
  ],
  [
    "YAML's value that goes on below (folded, quoted over lines, on the next line), `''` in a single-quoted one; a cookie after Expires",
    lines(
      '- name: Cookie',
      '  value: sessionid=PLANTED1; csrftoken=x;',
      '    remember_token=PLANTED2',
      '- name: DB_PASSWORD',
      '  value: "PLANTED3',
      '    PLANTED4"',
      '- name: HF_TOKEN',
      '  value:',
      '    PLANTED5',
      '- name: API_KEY',
      "  value: 'it''s PLANTED6'",
      '< Set-Cookie: Expires=Wed, 21 Oct 2026 07:28:00 GMT; sid=PLANTED7',
    ),
    lines(
      '- name: Cookie',
      `  value: ${R}`,
      `    ${R}`,
      '- name: DB_PASSWORD',
      `  value: "${R}`,
      `    ${R}`,
      '- name: HF_TOKEN',
      '  value:',
      `    ${R}`,
      '- name: API_KEY',
      `  value: '${R}'`,
      `< Set-Cookie: ${R}`,
    ),
  ],
);

LEAKS.push([
  "logfmt's pair (the value to a blank); other keys between a pair's name and value (AWS SSM's Type, a flag, a nested valueFrom, a bracket in a string), either order",
  lines(
    'level=info name=HF_TOKEN value=PLANTED0 other=y',
    '{"Name": "DB_PASSWORD", "Type": "SecureString", "Value": "PLANTED1", "Version": 1}',
    '{"name":"HF_TOKEN","secure":true,"value":"PLANTED2"} {"name": "API_KEY", "valueFrom": {"a": 1}, "value": "PLANTED3"}',
    '{"value": "PLANTED4", "secure": true, "name": "GH_TOKEN"} {Name:HF_TOKEN Type:plain Value:PLANTED5 more}',
    '{"name": "HF_TOKEN", "description": "token (for hub", "value": "PLANTED6"} {"value": "PLANTED7", "note": "a)b", "name": "API_KEY"}',
  ),
  lines(
    `level=info name=HF_TOKEN value=${R} other=y`,
    `{"Name": "DB_PASSWORD", "Type": "SecureString", "Value": "${R}", "Version": 1}`,
    `{"name":"HF_TOKEN","secure":true,"value":"${R}"} {"name": "API_KEY", "valueFrom": {"a": 1}, "value": "${R}"}`,
    `{"value": "${R}", "secure": true, "name": "GH_TOKEN"} {Name:HF_TOKEN Type:plain Value:${R}}`,
    `{"name": "HF_TOKEN", "description": "token (for hub", "value": "${R}"} {"value": "${R}", "note": "a)b", "name": "API_KEY"}`,
  ),
]);

describe('a secret as a name and value pair, a long header in a trace, cookies after an attribute', () => {
  it.each(LEAKS)('%s', (_what, text, want) => {
    expect(redactOutput(text)).toBe(want);
    expect(redactOutput(want)).toBe(want);
  });

  it.each(LEAKS)('live, one character a chunk: %s', (_what, text, want) => {
    expect(shownLive(text)).toBe(want);
  });

  it.each(LEAKS)('live, one line a chunk: %s', (_what, text, want) => {
    const ends = [...text.matchAll(/\n/g)].map((m) => m.index + 1);
    expect(shownLive(text, ends)).toBe(want);
  });

  it.each<[string, string]>([
    [
      "a program's own pairs: metrics, a variable that is no secret, a value from elsewhere, an empty value, a reference",
      lines(
        '{"name": "loss", "value": 0.12} {"name": "session", "value": 3} {Name:HOME Value:/root}',
        '{"name": "HF_TOKEN", "value": ""} {"name": "HF_TOKEN", "value": "${HF_TOKEN}"}',
        '- name: accuracy',
        '  value: 0.93',
        '- name: DB_PASSWORD',
        '  valueFrom:',
        '    secretKeyRef:',
        '      name: db',
        '      key: password',
        '- name: DB_PASSWORD',
        '  value: ""',
        '{Name:HF_TOKEN Value: ValueFrom:&EnvVarSource{SecretKeyRef:&SecretKeySelector{Key:token,}}}',
        '{"name": "HF_TOKEN", "value": null} {\'name\': \'HF_TOKEN\', \'value\': None} {"name": "HF_TOKEN", "value": "$(HF_TOKEN)"}',
        '{"name": "Authorization", "value": "none"}',
        '{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "value": "x"}}} {"value": 3, "unit": "s"}',
        '{"name": "HF_TOKEN"} {"value": 0.5, "name": "loss"}',
        '- name: HF_TOKEN',
        '  value: ~',
        '  other: 1',
      ),
    ],
    [
      'curl --trace-ascii: a long header that carries no credential, its lines below',
      lines(...traced(`User-Agent: ${'u'.repeat(80)}`, 0x20), '0080: Accept: */*'),
    ],
    [
      "a cookie's attributes alone, prose after an attribute, settings under a header's key",
      lines(
        '< Set-Cookie: Path=/; HttpOnly; Secure',
        '< Set-Cookie: SameSite=None requires Secure',
        'authorization:',
        '  enabled: true',
      ),
    ],
  ])('kept: %s', (_what, text) => {
    expect(redactOutput(text)).toBe(text);
    expect(shownLive(text)).toBe(text);
  });
});

describe('linear on hostile output (a megabyte)', () => {
  it.each<[string, string]>([
    ['name keys without a value', fill('name: DB_PASSWORD, ')],
    ['value keys without a name', fill('"value": "x", ')],
    ['a value key whose quote never closes, then names', `"value": "${fill('name: A ')}`],
    ['escaped quotes', fill('{\\"name\\": \\"DB_PASSWORD\\", \\"value\\": \\"')],
    ['YAML names, no value', fill('- name: DB_PASSWORD\n')],
    [
      'trace lines of a cookie that goes on',
      ['0000: Cookie: ' + 'a'.repeat(56), ...traced('b'.repeat(MB), 0x40)].join('\n'),
    ],
    ['cookie attributes', `Cookie: ${fill('Path=/; ')}`],
    ['cookie headers of attributes', fill('Cookie: Path; ')],
    ["shell quotes in a cookie's value", `-H 'Cookie: a=${fill("'\\''")}`],
    ['cookie headers after Expires', fill('Cookie: Expires=Wed, 21 Oct ')],
    ["Go's fields, no secret", fill('{Name:A Value:x y, ')],
    ["Go's secret value that never ends", `{Name:DB_PASSWORD Value:${fill('a, b ')}`],
    ["pprint's names, no value", fill("{'name': 'DB_PASSWORD',\n")],
    ['secret names, their values far away', fill('{"name": "DB_PASSWORD", "a": 1, ')],
    ['values, their names far away', fill('{"value": "x", "a": 1, ')],
    ['logfmt pairs whose values run on', fill('name=HF_TOKEN value=x ')],
    ['logfmt pairs, the value first', fill('value=x name=HF_TOKEN ')],
    ['JSON pairs, no object', fill('"name": "HF_TOKEN", "value": "x", ')],
  ])('%s', (_what, text) => {
    expect(finishes(() => redactOutput(text).length)).toBeGreaterThan(0);
    expect(finishes(() => continuationScanner().mask(text).length)).toBeGreaterThan(0);
  });
});
