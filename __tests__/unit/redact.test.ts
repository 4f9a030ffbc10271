// Secret redaction: by name, by value pattern, URL userinfo, and in huge or hostile text. The rules
// are one data file (images/probe/redaction-rules.json) that the in-container probe applies too.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findJwts,
  looksSecret,
  REDACTED,
  REDACTION_RULES,
  redactDeep,
  redactEnvList,
  redactEnvValue,
  redactText,
  redactUrls,
} from '../../src/capture/redact.js';
import { REPO_ROOT } from '../helpers/docker-env.js';

/** [name, value, what the record shows]: the same for TypeScript and the probe. */
const ENV_CASES: [string, string, string][] = [
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
  ['GIT_COMMIT', '0123456789abcdef0123456789abcdef01234567', '0123456789abcdef0123456789abcdef01234567'],
  ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin', '/usr/local/sbin:/usr/local/bin:/usr/sbin'],
  ['CUDA_VERSION', '12.8.1', '12.8.1'],
  ['HF_HOME', '/cache/huggingface', '/cache/huggingface'],
];

describe('secret redaction', () => {
  it.each(ENV_CASES)('%s', (name, value, expected) => {
    expect(redactEnvValue(name, value)).toBe(expected);
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
    ['dotted runs', 'eyJaaaaaaaa.'.repeat(MB10 / 12)],
    ['base64-like', 'Ab1+'.repeat(MB10 / 4)],
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

describe('one set of rules for TypeScript and the probe (images/probe/redaction-rules.json)', () => {
  const PROBE = path.join(REPO_ROOT, 'images/probe/ml_image_probe.py');
  const RULES_FILE = path.join(REPO_ROOT, 'images/probe/redaction-rules.json');
  // Loads the probe without running main(): as a file (rules read beside it), or as capture runs it,
  // source text without __file__ (rules from --redaction-rules=JSON); prints redact_value per case.
  const LOADER = `
import importlib.util, json, sys
if sys.argv[1] == "file":
    spec = importlib.util.spec_from_file_location("probe", sys.argv[2])
    probe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(probe)
    redact_value = probe.redact_value
else:
    g = {"__name__": "probe"}
    exec(compile(open(sys.argv[2]).read(), "probe", "exec"), g)
    redact_value = g["redact_value"]
print(json.dumps([redact_value(n, v) for n, v in json.load(sys.stdin)]))
`;
  const probeRedacts = (
    mode: 'file' | 'argv',
    cases: string[][],
    rules: unknown = REDACTION_RULES,
  ): string[] => {
    const args = [
      '-c',
      LOADER,
      mode,
      PROBE,
      ...(mode === 'argv' ? [`--redaction-rules=${JSON.stringify(rules)}`] : []),
    ];
    const r = spawnSync('python3', args, { encoding: 'utf8', input: JSON.stringify(cases) });
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as string[];
  };

  it('the rules file parses, and TypeScript uses it as it is', () => {
    const data = JSON.parse(readFileSync(RULES_FILE, 'utf8'));
    expect(REDACTION_RULES).toEqual(
      Object.fromEntries(Object.entries(data).filter(([k]) => k !== '$comment')),
    );
    expect(REDACTED).toBe(data.redacted);
  });

  it.each(['file', 'argv'] as const)('the probe (rules from %s) redacts as TypeScript does', (mode) => {
    expect(
      probeRedacts(
        mode,
        ENV_CASES.map(([n, v]) => [n, v]),
      ),
    ).toEqual(ENV_CASES.map(([, , e]) => e));
  });

  it('the probe applies the rules it is given, not a copy of its own', () => {
    const rules = { ...REDACTION_RULES, secretName: { pattern: '^HF_HOME$', ignoreCase: false } };
    expect(
      probeRedacts(
        'argv',
        [
          ['HF_HOME', '/cache'],
          ['HF_TOKEN', 'x'],
        ],
        rules,
      ),
    ).toEqual([REDACTED, 'x']);
  });

  it('the probe run as source text without rules stops and says so', () => {
    const r = spawnSync('python3', ['-c', readFileSync(PROBE, 'utf8'), '--no-torch'], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('no redaction rules');
  });
});
