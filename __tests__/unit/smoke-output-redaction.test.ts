// A failing smoke test's output, as its result and the log show it: the value of a NAME=value whose
// NAME names a secret is masked, as the environment record masks it (`env` prints DB_PASSWORD=...).
import { describe, expect, it } from 'vitest';
import { imageEnvMask, knownSecretsMasked, liveLines, tail } from '../../src/smoke/output.js';
import { makeRecord } from '../helpers/records.js';
import { runSmoke } from '../../src/smoke/run.js';
import { REDACTED, valueMasks } from '../../src/util/redact.js';
import { redactOutput } from '../../src/util/redact-instruction.js';
import { containerResult, fakeDocker, imageDetails } from '../helpers/fakes.js';
import { finishes } from '../helpers/hang-guard.js';
import { shownLive } from '../helpers/live-view.js';
import { customSmokeInput, customTests } from '../helpers/smoke-input.js';

const R = REDACTED;
const lines = (...l: string[]) => l.join('\n');

/** What `env` prints in the image the reviewer built (ENV DB_PASSWORD=...). */
const ENV_DUMP = [
  'HOSTNAME=ml-image-smoke',
  'HOME=/root',
  'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  'LANG=C.UTF-8',
  'DB_PASSWORD=PLANTEDdbpw99',
  'PWD=/',
  '',
].join('\n');

describe('redactOutput', () => {
  it.each<[string, string, string]>([
    [
      'env: a secret name',
      'LANG=C.UTF-8\nDB_PASSWORD=PLANTEDdbpw99\nPWD=/',
      `LANG=C.UTF-8\nDB_PASSWORD=${R}\nPWD=/`,
    ],
    ['env: a value with blanks, to the line end', 'API_KEY=two words here\nA=1', `API_KEY=${R}\nA=1`],
    ['env: CRLF line ends (each keeps its CR)', 'HF_TOKEN=PLANTEDx\r\nA=1\r\n', `HF_TOKEN=${R}\r\nA=1\r\n`],
    [
      "a program's lower-case settings are no variables (max_new_tokens, tokenizer, pad_token)",
      'generate: max_new_tokens=50 tokenizer=bert-base\npad_token=<pad>\nauth_mode=oauth',
      'generate: max_new_tokens=50 tokenizer=bert-base\npad_token=<pad>\nauth_mode=oauth',
    ],
    ['env: an innocent name keeps its blanks', 'GREETING=hello big world', 'GREETING=hello big world'],
    ['export -p / declare -x', 'declare -x GH_TOKEN="PLANTED q"', `declare -x GH_TOKEN=${R}`],
    ["set's quoting", "DB_PASS='PLANTED pw'", `DB_PASS=${R}`],
    ['an assignment mid-line', 'running with SECRET_KEY=PLANTEDk now', `running with SECRET_KEY=${R} now`],
    ['an empty secret', 'HF_TOKEN=', `HF_TOKEN=${R}`],
    [
      "a lower-case secret key's key=value: a repr's keyword, pytest's --showlocals, TOML, a log's pair",
      lines(
        "Settings(api_key='PLANTEDa', model='bert', accessToken=\"PLANTEDb\")",
        "api_key    = 'PLANTEDc'",
        'client_secret = "PLANTEDd"',
        'login ok: client_secret=PLANTEDe user=bob',
        'Config(refresh_token=PLANTEDf, timeout=3)',
      ),
      lines(
        `Settings(api_key='${R}', model='bert', accessToken="${R}")`,
        `api_key    = '${R}'`,
        `client_secret = "${R}"`,
        `login ok: client_secret=${R} user=bob`,
        `Config(refresh_token=${R}, timeout=3)`,
      ),
    ],
    [
      "a lower-case key=value that is a setting, or a traceback's source line, is kept",
      lines(
        'generate(max_new_tokens=50, pad_token=<pad>, eos_token_id=2, token=None)',
        '>       api_key = get_key()',
        '>       client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])',
        '    api_key = key',
        'FAILED tests/test_auth.py::test_login[api_key=valid] - AssertionError',
      ),
      lines(
        'generate(max_new_tokens=50, pad_token=<pad>, eos_token_id=2, token=None)',
        '>       api_key = get_key()',
        '>       client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])',
        '    api_key = key',
        'FAILED tests/test_auth.py::test_login[api_key=valid] - AssertionError',
      ),
    ],
    ['a token by its shape, under any name', `X=ghp_${'a1B2'.repeat(9)}`, `X=${R}`],
    [
      'a URL login in free text',
      'fetch https://me:PLANTEDpw@h.example/x failed',
      `fetch https://me:${R}@h.example/x failed`,
    ],
    // A password named PWD after a non-letter, and a connection string's secrets in any text; the
    // shell's PWD and OLDPWD are directories.
    [
      'env: *_PWD, not PWD or OLDPWD',
      'MYSQL_PWD=hunter6pw\nPWD=/srv\nOLDPWD=/root',
      `MYSQL_PWD=${R}\nPWD=/srv\nOLDPWD=/root`,
    ],
    [
      'a connection string in a message',
      "connect('Server=db;User Id=sa;Password=hunter12Pass;') failed",
      `connect('Server=db;User Id=sa;Password=${R};') failed`,
    ],
    [
      'an Azure Storage connection string as env prints it',
      'AZ_CONN=DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc+DEF/ghi==;EndpointSuffix=x',
      `AZ_CONN=DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${R};EndpointSuffix=x`,
    ],
    // A mapping printed whole (print(os.environ), json.dumps), a subscript, YAML: masked by name.
    [
      "Python's dict of the environment",
      "{'HOME': '/root', 'WANDB_API_KEY': 'PLANT02wb', 'HTTPS_PROXY': 'pxuser:PLANT04pw@proxy:3128'}",
      `{'HOME': '/root', 'WANDB_API_KEY': '${R}', 'HTTPS_PROXY': 'pxuser:${R}@proxy:3128'}`,
    ],
    ['JSON', '{"DB_PASSWORD": "PLANT80", "LANG": "C.UTF-8"}', `{"DB_PASSWORD": "${R}", "LANG": "C.UTF-8"}`],
    ['a subscript assignment', 'os.environ["DB_PASSWORD"] = "PLANT80"', `os.environ["DB_PASSWORD"] = "${R}"`],
    // os.environb and a bytes dict print each name and value as a bytes literal; repr(os.environ)
    // wraps the dict in environ(...).
    [
      'os.environb: bytes literals, both quote styles',
      `environ({b'HF_TOKEN': b'hf_PLANTEDsecret', b'DB_PASSWORD': b'short', b'HOME': b'/root'})`,
      `environ({b'HF_TOKEN': b'${R}', b'DB_PASSWORD': b'${R}', b'HOME': b'/root'})`,
    ],
    [
      'a bytes literal in double quotes (a value holding an apostrophe)',
      `{b"DB_PASSWORD": b"it's-PLANTED", b'LANG': b'C.UTF-8'}`,
      `{b"DB_PASSWORD": b"${R}", b'LANG': b'C.UTF-8'}`,
    ],
    [
      'a bytes value under a str name, and a bytes subscript',
      `{'API_KEY': b'PLANTEDk'} os.environb[b'DB_PASSWORD'] = b'PLANTEDpw'`,
      `{'API_KEY': b'${R}'} os.environb[b'DB_PASSWORD'] = b'${R}'`,
    ],
    [
      'repr(os.environ)',
      "environ({'DB_PASSWORD': 'x', 'HOME': '/root', 'GH_TOKEN': 'PLANTED y'})",
      `environ({'DB_PASSWORD': '${R}', 'HOME': '/root', 'GH_TOKEN': '${R}'})`,
    ],
    [
      'bytes of innocent names stay',
      `environ({b'PATH': b'/usr/bin', b'COMPASS': b'north', b'PASSTHROUGH': b'1'})`,
      `environ({b'PATH': b'/usr/bin', b'COMPASS': b'north', b'PASSTHROUGH': b'1'})`,
    ],
    [
      'a YAML line',
      'env:\n  WANDB_API_KEY: PLANT02wb\n  LANG: C.UTF-8',
      `env:\n  WANDB_API_KEY: ${R}\n  LANG: C.UTF-8`,
    ],
    [
      "Python's repr of a value holding an apostrophe, and JSON's escaped quote",
      `{'DB_PASSWORD': "it's-a-s3cret-value"} {"API_TOKEN": "pa\\"ss-s3cret-value"}`,
      `{'DB_PASSWORD': "${R}"} {"API_TOKEN": "${R}"}`,
    ],
    [
      "YAML lines of a program's own words (no _ in the name) stay",
      'KEY: the-key-column-name\n  - AUTHORS: Jane Doe\nSESSION: default',
      'KEY: the-key-column-name\n  - AUTHORS: Jane Doe\nSESSION: default',
    ],
    [
      "a mapping's lower-case settings and innocent names stay",
      "{'lr': '0.001', 'MODEL': 'bert-base', 'tokenizer': 'x'}\nWARNING: slow path",
      "{'lr': '0.001', 'MODEL': 'bert-base', 'tokenizer': 'x'}\nWARNING: slow path",
    ],
    [
      'no pairs',
      'Traceback (most recent call last):\n  File "/x.py"',
      'Traceback (most recent call last):\n  File "/x.py"',
    ],
  ])('%s', (_what, text, want) => {
    expect(redactOutput(text)).toBe(want);
    expect(redactOutput(want)).toBe(want);
  });

  it('tail keeps the end of the output with the pairs masked', () => {
    expect(tail(`${'x\n'.repeat(100)}${ENV_DUMP}`)).toContain(`LANG=C.UTF-8\nDB_PASSWORD=${R}\nPWD=/`);
  });

  // Backtracking on these inputs would be quadratic in a megabyte: a hang the guard stops.
  it('stays linear on 1 MB of hostile output', () => {
    const got = finishes(() =>
      ['A='.repeat(500_000), `A="${'x'.repeat(1_000_000)}`, `${'DB_PASSWORD=a '.repeat(70_000)}`].map((t) =>
        redactOutput(t),
      ),
    );
    // Each was read to its end: nothing to mask in the first two, the third's value is the rest of its line.
    expect(got).toEqual(['A='.repeat(500_000), `A="${'x'.repeat(1_000_000)}`, `DB_PASSWORD=${REDACTED}`]);
  });

  it("a lower-case secret key's quoted value over 256 characters is masked to its line's end, batch and live", () => {
    const long = (q: string) => `Settings(api_key=${q}${'PLANTED'.repeat(50)}${q}, model='bert')\nnext`;
    for (const q of ["'", '"']) {
      const text = long(q);
      expect(redactOutput(text)).toBe(`Settings(api_key=${q}${R}\nnext`);
      expect(shownLive(text)).not.toContain('PLANTED');
    }
    // Not a secret's key: kept.
    const plain = `Settings(model='${'x'.repeat(300)}')`;
    expect(redactOutput(plain)).toBe(plain);
    // 1 MB of such values that end short of 257 characters, and of long ones: linear.
    const got = finishes(() =>
      [` api_key='${'x'.repeat(250)}\n`.repeat(4_000), ` api_key='${'x'.repeat(300)}\n`.repeat(3_300)].map(
        (t) => redactOutput(t),
      ),
    );
    expect(got[1]).toBe(` api_key='${R}\n`.repeat(3_300));
  });

  it('stays linear on 1 MB of quoted pairs and YAML-like lines that never close', () => {
    const inputs = [
      `"A_B": "${'\\"'.repeat(300_000)}`,
      `'A': '${"\\'".repeat(300_000)}`,
      `${'"A": '.repeat(150_000)}`,
      `A_B:${' '.repeat(1_000_000)}x`,
    ];
    const got = finishes(() => inputs.map((t) => redactOutput(t).length));
    expect(got.every((n) => n > 0)).toBe(true);
  });
});

describe('an HTTP client that logs its request headers', () => {
  // curl -v and Python's http.client (debuglevel 1), as a test that calls a model server prints them.
  const CURL = lines(
    '> GET /v1/models HTTP/1.1',
    '> Host: model-server:8000',
    '> Authorization: Bearer PLANTED-opaque-7f3a',
    '> Accept: */*',
    '< HTTP/1.1 401 Unauthorized',
  );
  const HTTP_CLIENT =
    "send: b'POST /v1/chat HTTP/1.1\\r\\nHost: api\\r\\nAuthorization: Basic UExBTlRFRDpwdw==\\r\\n\\r\\n'";

  it("a result's kept end never starts inside a header whose name was cut off", () => {
    // Long URL tokens after the header shorten the kept window by more than its margin once masked:
    // the line cut at the window's start (`orization: Bearer ...`) must not be kept.
    const header = 'Authorization: Bearer PLANTEDtail123\n';
    const urls = `x https://h/a?token=${'q'.repeat(6000)} https://h/b?token=${'z'.repeat(6000)}\n`;
    const window = 64 * 1024 + 4096;
    const after = `${urls}${'y'.repeat(window - (header.length - 4) - urls.length - 1)}\n`;
    const out = tail(`${'p'.repeat(100)}\n${header}${after}`);
    expect(out).not.toContain('PLANTED');
    expect(out.startsWith('x https://h/a?token=')).toBe(true);
  });

  it.each([
    ['curl -v', CURL, CURL.replace('PLANTED-opaque-7f3a', R)],
    ["http.client's debug line", HTTP_CLIENT, HTTP_CLIENT.replace('UExBTlRFRDpwdw==', R)],
  ])('%s: the credentials are masked in the result and the live view', (_name, text, shown) => {
    expect(redactOutput(text)).toBe(shown);
    expect(shownLive(text)).toBe(shown);
  });
});

describe('the live view of a line over 64 KiB, shown in parts', () => {
  const MAX = 64 * 1024;
  // A secret's name right before where the line is cut, its value after: the part after the cut is
  // masked as it reads after the end of the part before. Each case is pushed one character a
  // chunk from where the line passes the limit (the cut falls at each place around the secret).
  const SECRETS = [
    'Authorization: Bearer QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ',
    'Authorization: Basic QQQQQQQQQQQQQQQQQQQQQQQQ==',
    'DB_PASSWORD=QQQQQQQQQQQQQQQQ',
    '"api_key": "QQQQQQQQQQQQQQQQQQQQ"',
    'Cookie: sid=QQQQQQQQQQQQQQQQ',
    "-H 'X-Vault-Token: hvs.QQQQQQQQQQQQQQQQ'",
  ];
  const cases = SECRETS.flatMap((secret) =>
    Array.from({ length: secret.length + 2 }, (_, i): [string, number] => [secret, i]),
  );
  it.each(cases)('%s, the limit passed %i characters into it', (secret, into) => {
    const start = MAX + 1 - into; // where the secret starts: the line passes MAX `into` characters into it
    const text = `${'w '.repeat(start / 2)}${start % 2 ? 'w' : ''} ${secret} and the rest\nnext\n`;
    const at = text.indexOf(secret);
    // One chunk up to the secret, then one character a chunk.
    const shown = shownLive(text, [
      at,
      ...Array.from({ length: text.length - at - 1 }, (_, i) => at + i + 1),
    ]);
    expect(shown).not.toContain('QQQQ');
    expect(shown.endsWith('\nnext\n')).toBe(true);
  });

  it("a cookie's value longer than 4 KiB across the cut: masked after it too (the whole part shown is read again)", () => {
    const value = `sid=${'Q'.repeat(6000)}`;
    for (const into of [10, 3000, 5990]) {
      const start = MAX + 1 - into - 'Cookie: '.length;
      const text = `${'w'.repeat(start - 1)} Cookie: ${value}\nnext\n`;
      const at = text.indexOf('Cookie');
      const shown = shownLive(text, [
        at,
        ...Array.from({ length: text.length - at - 1 }, (_, i) => at + i + 1),
      ]);
      expect(shown).not.toContain('QQQQ');
      expect(shown.endsWith('\nnext\n')).toBe(true);
    }
  });

  it('a long line without a secret is shown whole, in parts cut after a blank', () => {
    const text = `${'word '.repeat(40_000)}end\n`;
    const parts: string[] = [];
    const live = liveLines((t) => parts.push(t));
    for (let i = 0; i < text.length; i += 1000) live.push(text.slice(i, i + 1000));
    live.flush();
    expect(parts.join('')).toBe(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts.slice(0, -1)) expect(p.endsWith(' ')).toBe(true);
  });
});

describe('a failing custom test that prints the environment', () => {
  it.each<[string, number[]]>([
    ['in one chunk', []],
    ['cut inside the secret name (DB_PASS|WORD=)', [ENV_DUMP.indexOf('WORD=')]],
    ['cut inside the value (a pipe flushes in 4 KiB blocks)', [ENV_DUMP.indexOf('dbpw99')]],
    ['cut everywhere, one character a chunk', Array.from({ length: ENV_DUMP.length - 1 }, (_, i) => i + 1)],
  ])('keeps no secret-named value in its result or in the streamed log: %s', async (_, cuts) => {
    const tests = customTests([{ name: 'envdump', command: 'env; exit 1' }]);
    const docker = fakeDocker({
      inspectImage: async () => imageDetails(),
      runContainer: async (spec) => {
        const at = [0, ...cuts, ENV_DUMP.length];
        for (let i = 1; i < at.length; i++) spec.onOutput?.(ENV_DUMP.slice(at[i - 1], at[i]), 'stdout');
        return containerResult({ exitCode: 1, stdout: ENV_DUMP });
      },
    });
    const streamed: string[] = [];
    const result = await runSmoke(customSmokeInput(tests), {
      docker,
      output: (chunk) => streamed.push(chunk),
    });
    const test = result.tests.find((t) => t.id === 'custom:envdump')!;
    expect(test.status).toBe('fail');
    expect(test.output).toContain(`DB_PASSWORD=${R}`);
    expect(streamed.join('')).toContain(`DB_PASSWORD=${R}`);
    // Everything else of the stream is there, in order.
    expect(streamed.join('')).toBe(ENV_DUMP.replace('PLANTEDdbpw99', R));
    expect(JSON.stringify({ result, streamed })).not.toContain('PLANTED');
  });
});

describe("the image's own secret values, printed without their names", () => {
  const ENV = [
    'PATH=/usr/local/bin:/usr/bin',
    'WANDB_API_KEY=PLANT02wbvalue',
    'HTTPS_PROXY=pxuser:PLANT04pw@proxy:3128',
    'AUTH_ENABLED=true',
    'PIP_KEYRING_PROVIDER=subprocess',
    'HF_TOKEN_PATH=/root/.cache/huggingface/token',
    'DB_PASSWORD=short',
    'LANG=C.UTF-8',
    'API_SECRET=PLANT05"q\\u/o te',
    'DB_PASSPHRASE=pässwörd-PLANT06',
  ];

  it.each<[string, string, string]>([
    ['a secret name', 'key: PLANT02wbvalue.', `key: ${R}.`],
    ['a schemeless proxy login', 'via pxuser:PLANT04pw@proxy:3128 ok', `via ${R} ok`],
    [
      'common and short values are left (true, 5 characters)',
      'enabled=true pw=short',
      'enabled=true pw=short',
    ],
    ['innocent values', '/usr/local/bin:/usr/bin C.UTF-8', '/usr/local/bin:/usr/bin C.UTF-8'],
    [
      "a value printed by Python's json.dumps (what is not ASCII as \\u00e4)",
      '{"v": "p\\u00e4ssw\\u00f6rd-PLANT06"}',
      `{"v": "${R}"}`,
    ],
    ['a value printed inside a JSON string (json.dumps)', '{"v": "PLANT05\\"q\\\\u/o te"}', `{"v": "${R}"}`],
    [
      'a word or a path under a secret-like name (KEYRING, TOKEN_PATH) is left',
      'subprocess.CalledProcessError at /root/.cache/huggingface/token',
      'subprocess.CalledProcessError at /root/.cache/huggingface/token',
    ],
  ])('imageEnvMask: %s', (_, text, want) => {
    expect(imageEnvMask(ENV)(text)).toBe(want);
  });

  it('a test that could not run, its error quoting a value: masked in its progress line and result', async () => {
    const tests = customTests([{ name: 'q', command: 'true' }]);
    const docker = fakeDocker({
      inspectImage: async () => ({ ...imageDetails(), env: ENV }),
      runContainer: async () => {
        throw new Error('bad mount /srv/PLANT02wbvalue');
      },
    });
    const progress: string[] = [];
    const result = await runSmoke(customSmokeInput(tests), { docker, progress: (l) => progress.push(l) });
    expect(result.tests.find((t) => t.id === 'custom:q')?.reason).toContain(`bad mount /srv/${R}`);
    expect(progress.join('\n')).toContain(`bad mount /srv/${R}`);
    expect(JSON.stringify({ result, progress })).not.toContain('PLANT02');
  });

  it('a custom test that prints one value: masked in its result, its reason and the stream', async () => {
    const out = 'token is PLANT02wbvalue\nproxy pxuser:PLANT04pw@proxy:3128\n';
    const tests = customTests([
      { name: 'print', command: 'python3 -c x; exit 3', expectedOutput: ['^never$'] },
    ]);
    const docker = fakeDocker({
      inspectImage: async () => ({ ...imageDetails(), env: ENV }),
      runContainer: async (spec) => {
        spec.onOutput?.(out, 'stdout');
        return containerResult({ exitCode: 3, stdout: out, stderr: out });
      },
    });
    const streamed: string[] = [];
    const progress: string[] = [];
    const result = await runSmoke(customSmokeInput(tests), {
      docker,
      output: (chunk) => streamed.push(chunk),
      progress: (l) => progress.push(l),
    });
    const test = result.tests.find((t) => t.id === 'custom:print')!;
    expect(test.status).toBe('fail');
    expect(test.output).toContain(`token is ${R}`);
    expect(streamed.join('')).toContain(`token is ${R}`);
    expect(JSON.stringify({ result, streamed, progress })).not.toMatch(/PLANT0[24]/);
  });

  // The run's own secret values (a build.secrets value, an index login), whatever their shape and
  // name: a test that echoed $APP_SETTING (the base image's ENV, a build secret's value) showed it
  // in the live log, smoke-*.json and junit.
  it('a value the run knows is a secret: masked in its result, its reason and the stream', async () => {
    const out = 'app=s3cr3t-PLANT-base3 pw=idxpw\n';
    const tests = customTests([{ name: 'echo', command: 'sh -c x; exit 3' }]);
    const docker = fakeDocker({
      inspectImage: async () => ({ ...imageDetails(), env: ['APP_SETTING=s3cr3t-PLANT-base3'] }),
      runContainer: async (spec) => {
        spec.onOutput?.(out, 'stdout');
        return containerResult({ exitCode: 3, stdout: out, stderr: out });
      },
    });
    const streamed: string[] = [];
    const result = await runSmoke(
      customSmokeInput(tests, { secretValues: ['s3cr3t-PLANT-base3', 'idxpw'] }),
      { docker, output: (chunk) => streamed.push(chunk), progress: () => undefined },
    );
    const test = result.tests.find((t) => t.id === 'custom:echo')!;
    expect(test.output).toContain(`app=${R} pw=${R}`);
    expect(streamed.join('')).toContain(`app=${R} pw=${R}`);
    expect(JSON.stringify({ result, streamed })).not.toMatch(/PLANT-base3|idxpw/);
  });

  it("valueMasks: a value's JSON forms, of values of MIN characters or more only; a lone surrogate is no error", () => {
    expect(valueMasks(['é', 'a b', '},'])).toEqual([]);
    expect(valueMasks(['ab"cd'])).toEqual(['ab\\"cd', 'ab"cd']);
    expect(valueMasks(['äbcd'])).toEqual(['\\u00e4bcd', 'äbcd']);
    expect(imageEnvMask(['API_TOKEN=abcdefghij\ud800klm'])('x abcdefghij\ud800klm')).toBe(`x ${R}`);
  });

  it('knownSecretsMasked: each occurrence of a known value, in any string of the record, the rest kept', () => {
    const record = makeRecord();
    record.image.env = {
      APP_SETTING: 's3cr3t-PLANT-base3',
      URL: 'https://h/x?k=s3cr3t-PLANT-base3',
      LANG: 'C',
    };
    record.env = { FROM_PROBE: 's3cr3t-PLANT-base3', PATH: '/usr/bin' };
    record.image.labels = { note: 'built with s3cr3t-PLANT-base3' };
    record.image.history = [{ createdBy: 'ENV APP_SETTING=s3cr3t-PLANT-base3', sizeBytes: 0, empty: true }];
    const masked = knownSecretsMasked(record, ['s3cr3t-PLANT-base3', 'abc']);
    expect(masked.image.env).toEqual({ APP_SETTING: R, URL: `https://h/x?k=${R}`, LANG: 'C' });
    expect(masked.env).toEqual({ FROM_PROBE: R, PATH: '/usr/bin' });
    expect(JSON.stringify(masked)).not.toContain('PLANT-base3');
    expect(masked.image.history?.[0]?.createdBy).toBe(`ENV APP_SETTING=${R}`);
    // Shorter than 4 characters: no mask (it would hide that text everywhere).
    expect(knownSecretsMasked(record, ['C'])).toBe(record);
  });
});

describe('the live view of a test in a container of its own: stdout and stderr apart', () => {
  it("a stderr line between a secret's key on stdout and its block does not end the block", async () => {
    const tests = customTests([{ name: 'yaml', command: 'true' }]);
    const stdout = 'DB_PASSWORD: |\n  PLANTED-one\n  PLANTED-two\nLANG: C\n';
    const docker = fakeDocker({
      inspectImage: async () => imageDetails(),
      runContainer: async (spec) => {
        spec.onOutput?.('DB_PASSWORD: |\n', 'stdout');
        spec.onOutput?.('warning: dedented\n', 'stderr');
        spec.onOutput?.('  PLANTED-one\n', 'stdout');
        spec.onOutput?.('  PLANTED-two\nLANG: C\n', 'stdout');
        return containerResult({ stdout, stderr: 'warning: dedented\n' });
      },
    });
    const streamed: string[] = [];
    await runSmoke(customSmokeInput(tests), { docker, output: (chunk) => streamed.push(chunk) });
    const all = streamed.join('');
    expect(all).not.toContain('PLANTED');
    expect(all).toContain(redactOutput(stdout));
    expect(all).toContain('warning: dedented\n');
  });
});
