// A secret value printed over several lines in a smoke test's output (src/util/redact-output-lines.ts,
// through redactOutput): every line of it masked, not only the line that names it.
import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../src/util/redact.js';
import { redactOutput } from '../../src/util/redact-instruction.js';
import { openContinuation } from '../../src/util/redact-output-lines.js';
import { liveLines } from '../../src/smoke/output.js';
import { finishes } from '../helpers/hang-guard.js';

const R = REDACTED;
const lines = (...l: string[]) => l.join('\n');

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
      'CRLF line ends are kept',
      'DB_PASSWORD: |\r\n  PLANTED\r\nLANG: C\r\n',
      `DB_PASSWORD: ${R}\r\n  ${R}\r\nLANG: C\r\n`,
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
      'JSON indented by json.dumps stays as JSON (its values quoted whole are masked in place)',
      lines('{', '  "DB_PASSWORD": "PLANTED",', '  "HOME": "/root"', '}'),
      lines('{', `  "DB_PASSWORD": "${R}",`, '  "HOME": "/root"', '}'),
    ],
  ])('%s', (_what, text, want) => {
    expect(redactOutput(text)).toBe(want);
    expect(redactOutput(want)).toBe(want);
  });
});

describe('openContinuation: where a live view holds the text back', () => {
  it.each<[string, string, number]>([
    ['a secret YAML key last, its block may follow', 'a\nDB_PASSWORD: |\n  x\n', 2],
    ['at the start', 'DB_PASSWORD: |\r\n', 0],
    ['its block ended by a line at its column', 'DB_PASSWORD: |\n  x\nLANG: C\n', -1],
    ['no secret', 'a\nLANG: |\n  x\n', -1],
  ])('%s', (_what, text, offset) => {
    expect(openContinuation(text)).toBe(offset);
  });
});

describe('linear on hostile output', () => {
  it('1 MB of secret keys, blocks and blank lines', () => {
    const inputs = [
      `DB_PASSWORD: |\n${'  x\n'.repeat(250_000)}`,
      'A_KEY:\n'.repeat(150_000),
      `"A_KEY": ${' '.repeat(1_000_000)}"x",`,
      `DB_PASSWORD:${'\n'.repeat(1_000_000)}`,
    ];
    const got = finishes(() => inputs.map((t) => redactOutput(t).length + openContinuation(t)));
    expect(got.every((n) => n > 0)).toBe(true);
  });
});

describe('the live view, the stream cut between the key and its block', () => {
  const TEXT = lines('start', 'DB_PASSWORD: |', '  PLANTED one', '  PLANTED two', 'LANG: C', 'end', '');
  it.each<[string, number[]]>([
    ['after the key', [TEXT.indexOf('  PLANTED one')]],
    ['inside the block', [TEXT.indexOf('  PLANTED two')]],
    [
      'one line a chunk',
      TEXT.split('\n')
        .slice(0, -1)
        .map((l) => TEXT.indexOf(l) + l.length + 1),
    ],
    ['one character a chunk', Array.from({ length: TEXT.length - 1 }, (_, i) => i + 1)],
  ])('%s', (_what, cuts) => {
    const shown: string[] = [];
    const live = liveLines((t) => shown.push(t));
    const at = [0, ...cuts, TEXT.length];
    for (let i = 1; i < at.length; i++) live.push(TEXT.slice(at[i - 1], at[i]));
    live.flush();
    expect(shown.join('')).toBe(redactOutput(TEXT));
    expect(shown.join('')).not.toContain('PLANTED');
  });
});
