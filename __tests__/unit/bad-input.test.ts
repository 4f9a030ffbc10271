// Bad input stopped at the door: every case from issue #11 ("Trust", item 7 and build 3) that needs
// no Docker, as a table of (input, exit code, message). Each drives runCli with a plain CliIo and a
// Docker adapter that fails the test if it is touched: bad input is refused before any work.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { pbkdf2 } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { MAX_CONFIG_BYTES } from '../../src/config/load.js';
import { EnvironmentError, InputError } from '../../src/errors.js';
import { imageRefProblem } from '../../src/oci/ref.js';
import {
  clearInterruptedForTests,
  InterruptedError,
  markInterrupted,
  runPendingCleanups,
} from '../../src/util/cleanup.js';
import { writeError, writeFileAtomic, writeFileAtomicLater } from '../../src/util/json-file.js';
import { captureIo } from '../helpers/fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-bad-input-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const GOOD = 'image:\n  name: my-org/model\nvariants: [cpu]\nplatforms: [linux/amd64]\n';

/** Ten levels of ten aliases each: 10^10 strings if expanded ("billion laughs"). */
function aliasBomb(): string {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(',')}]`,
    );
  return `image:\n  name: my-org/model\n${lines.map((l) => `x-${l}`).join('\n')}\n`.replace(
    /x-(a\d+): /g,
    '$1: ',
  );
}

/** A config just under the size cap with thousands of keys (the old quadratic duplicate-key check). */
function manyKeys(): string {
  const lines = ['image:', '  name: my-org/model', 'build:', '  args:'];
  let size = lines.join('\n').length;
  for (let i = 0; size < MAX_CONFIG_BYTES - 100; i++) {
    const l = `    K${i}: v${i}`;
    lines.push(l);
    size += l.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

interface Case {
  name: string;
  files?: Record<string, string>;
  argv: (dir: string) => string[];
  exit: number;
  /** Must match stderr. */
  message: RegExp;
  /** Extra environment (the default is a cache directory in the test's directory). */
  env?: Record<string, string>;
  /** Must not appear on stderr (a secret the input holds). */
  absent?: string;
}

/** On a runner: the commit comes from GitHub's environment, not from running git (no processes). */
const ON_RUNNER = { GITHUB_ACTIONS: 'true', GITHUB_SHA: 'a'.repeat(40), GITHUB_REF: 'refs/heads/main' };

const CASES: Case[] = [
  // --- config loading ---
  {
    name: 'a YAML alias bomb is exit 2 naming the file',
    files: { 'bomb.yml': aliasBomb() },
    argv: () => ['validate', '--config', 'bomb.yml'],
    exit: 2,
    message: /error: bomb\.yml: invalid YAML[\s\S]*aliases expand too far/,
  },
  {
    name: 'a config over the size cap is exit 2 saying its size and the limit',
    files: { 'big.yml': `${GOOD}# ${'x'.repeat(MAX_CONFIG_BYTES)}\n` },
    argv: () => ['validate', '--config', 'big.yml'],
    exit: 2,
    message: new RegExp(
      `error: big\\.yml is ${MAX_CONFIG_BYTES + GOOD.length + 3} bytes; the limit is ${MAX_CONFIG_BYTES} bytes`,
    ),
  },
  {
    name: '--config /dev/zero is refused at once (exit 2), never read',
    argv: () => ['validate', '--config', '/dev/zero'],
    exit: 2,
    message: /error: config path \/dev\/zero is a character device, not a regular file/,
  },
  {
    name: '--config naming a directory is exit 2',
    files: { 'sub/keep': '' },
    argv: () => ['validate', '--config', 'sub'],
    exit: 2,
    message: /error: config path sub is a directory, not a regular file/,
  },
  {
    name: 'duplicate keys are found (line and column), in linear time',
    files: { 'dup.yml': 'image:\n  name: a/b\n  name: c/d\n' },
    argv: () => ['validate', '--config', 'dup.yml'],
    exit: 2,
    message: /line 3, column 3: duplicate key "name" \(map keys must be unique\)/,
  },
  {
    name: 'thousands of unknown keys: the first 100 listed, the rest counted',
    files: {
      'wide.yml': `image:\n  name: a/b\n${Array.from({ length: 5000 }, (_, i) => `key${i}: 1`).join('\n')}\n`,
    },
    argv: () => ['validate', '--config', 'wide.yml'],
    exit: 2,
    // The header counts the problems (5000), not the listed lines (100 and the "... and N more").
    message:
      /error: wide\.yml: 5000 problems\n[\s\S]*key99: unknown key[\s\S]*\.\.\. and 4900 more \(fix the ones above first\)/,
  },
  {
    name: 'build.context: / is refused by the schema (exit 2)',
    files: { 'ml-image.yml': `${GOOD}build:\n  context: /\n` },
    argv: () => ['validate'],
    exit: 2,
    message: /build\.context: the filesystem root cannot be the build context/,
  },
  {
    name: 'build.context reaching the root through .. is refused (exit 2)',
    files: { 'ml-image.yml': `${GOOD}build:\n  context: ${'../'.repeat(40)}\n` },
    argv: () => ['validate'],
    exit: 2,
    message: /build\.context: \/ is the filesystem root/,
  },
  {
    name: 'build.context outside the repository is refused (exit 2)',
    files: {
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/ml-image.yml': `${GOOD}build:\n  context: ..\n`,
    },
    argv: () => ['validate', '--config', 'repo/ml-image.yml'],
    exit: 2,
    message: /build\.context: .* is outside the repository .*repo; use a directory inside it/,
  },
  // --- --out ---
  {
    name: '--out under /proc is exit 2 at once, never a hang',
    files: { 'ml-image.yml': GOOD },
    argv: () => ['validate', '--out', '/proc/self/fd/0'],
    exit: 2,
    message: /error: validate: --out \/proc\/self\/fd\/0: .* is on a pseudo filesystem/,
  },
  {
    name: '--out naming a file is exit 2',
    files: { 'ml-image.yml': GOOD, afile: 'x' },
    argv: () => ['validate', '--out', 'afile'],
    exit: 2,
    message: /error: validate: --out afile: .*afile exists and is not a directory/,
  },
  {
    name: '--out below a file is exit 2',
    files: { 'ml-image.yml': GOOD, afile: 'x' },
    argv: () => ['plan', '--out=afile/sub'],
    exit: 2,
    message:
      /error: plan: --out afile\/sub: cannot write .*afile\/sub: a path component is not a directory \(.*afile\)/,
  },
  // --- smoke / capture flags ---
  {
    name: "smoke --image 'a; b' is exit 2 naming it",
    argv: () => ['smoke', '--image', 'a; b'],
    exit: 2,
    message: /error: smoke: --image "a; b" is not a valid image reference: character ";" is not allowed/,
  },
  {
    name: 'capture --image with upper case is exit 2',
    argv: () => ['capture', '--image', 'My/Image:1'],
    exit: 2,
    message:
      /error: capture: --image "My\/Image:1" is not a valid image reference: the repository name must be lowercase/,
  },
  {
    name: 'smoke --image $(x) is exit 2',
    argv: () => ['smoke', '--image', '$(touch /tmp/pwned)'],
    exit: 2,
    message: /not a valid image reference: character "\$" is not allowed/,
  },
  ...['3000000', '0', '-5', '1.5', 'abc', '86401', '1e3'].map((t): Case => ({
    name: `smoke --timeout ${t} is exit 2 (the bounds of smoke.timeoutSeconds)`,
    argv: () => ['smoke', '--image', 'python:3.12-slim', `--timeout=${t}`],
    exit: 2,
    message: new RegExp(
      `error: smoke: --timeout: expected whole seconds from 1 to 86400 \\(as smoke\\.timeoutSeconds\\), got "${t.replace(/[.+]/g, '\\$&')}"`,
    ),
  })),
  {
    name: 'export --timeout 3000000 is exit 2 too (export checks the same bounds)',
    argv: () => [
      'export',
      '--slurm',
      '--image',
      `x@sha256:${'a'.repeat(64)}`,
      '--timeout',
      '3000000',
      '--out',
      'o',
    ],
    exit: 2,
    message: /--timeout: expected a whole number from 1 to 86400, got 3000000/,
  },
  // --- attest.key: checked before any work, naming the field and its line ---
  ...(
    [
      ['missing', 'nope.key', /no key file at .*nope\.key/],
      ['a directory', 'd', /\S*\/d is a directory, not a regular file/],
      ['/dev/zero', '/dev/zero', /\/dev\/zero is a character device, not a regular file/],
      ['not a key', 'k.key', /\S*\/k\.key is not an encrypted cosign private key/],
    ] as const
  ).map(([what, key, message]): Case => ({
    name: `validate: attest.key ${what} is exit 2 naming the field and its line`,
    files: {
      'ml-image.yml': `${GOOD}attest:\n  key: ${key}\n`,
      'd/x': '',
      'k.key': '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n',
    },
    argv: () => ['validate'],
    exit: 2,
    message: new RegExp(`error: ml-image\\.yml: 1 problem\\n {2}- line 6: attest\\.key: ${message.source}`),
  })),
  // Review: a key reference holding a secret was refused only at the attest stage, after the build.
  ...(
    [
      [
        'a login',
        'https://ci:Zq9xLmP2wR7tKv4s@keys.example/cosign.key',
        /https:\/\/ci:\*\*\*@keys\.example\/cosign\.key: the key reference holds a secret/,
      ],
      [
        'a PKCS #11 PIN',
        'pkcs11:token=t;object=o?module-path=/usr/lib/p11.so&pin-value=Zq9xLmP2wR7tKv4s',
        /pkcs11:token=t;object=o\?module-path=\/usr\/lib\/p11\.so&pin-value=\*\*\*: the PKCS #11 URI holds the token's PIN/,
      ],
    ] as const
  ).map(([what, key, message]): Case => ({
    name: `validate: attest.key holding ${what} is exit 2 naming the field and its line, the secret masked`,
    files: { 'ml-image.yml': `${GOOD}attest:\n  key: "${key}"\n` },
    argv: () => ['validate'],
    exit: 2,
    message: new RegExp(`error: ml-image\\.yml: 1 problem\\n {2}- line 6: attest\\.key: ${message.source}`),
    absent: 'Zq9xLmP2wR7tKv4s',
  })),
  // Finding: a fork's labelled run on a self-hosted GPU runner passed the runner's own variables
  // that the pull request's config named in build.secrets into its build (and its resolver).
  ...(
    [
      ['run --stages plan,resolve', ['run', '--stages', 'plan,resolve', '--baseline', 'none']],
      ['run --stages plan,build', ['run', '--stages', 'plan,build', '--baseline', 'none']],
      ['build', ['build']],
    ] as const
  ).map(([what, argv]): Case => ({
    name: `${what} in a fork's run (ML_IMAGE_FORK=true): build.secrets is exit 2 at its line, before any stage`,
    files: { 'ml-image.yml': `${GOOD}build:\n  secrets: [HF_TOKEN]\n` },
    argv: () => [...argv, '--load', '--out', 'o'],
    env: { ML_IMAGE_FORK: 'true', HF_TOKEN: 'hf_Zq9xLmP2wR7tKv4sAbCdEfGh' },
    exit: 2,
    message:
      /error: ml-image\.yml: 1 problem\n {2}- line 6: build\.secrets: HF_TOKEN: a fork's run \(ML_IMAGE_FORK=true\) is given no secret/,
    absent: 'hf_Zq9xLmP2wR7tKv4sAbCdEfGh',
  })),
  {
    name: 'run: attest.key not a key is exit 2 before the registry is asked',
    files: {
      'ml-image.yml': `image:\n  name: my-org/model\n  registry: localhost:1\nvariants: [cpu]\nplatforms: [linux/amd64]\nattest: {key: k.key}\n`,
      'k.key': 'not a key\n',
    },
    argv: () => ['run', '--baseline', 'none', '--out', 'o'],
    env: ON_RUNNER,
    exit: 2,
    message:
      /error: ml-image\.yml: 1 problem\n {2}- line 6: attest\.key: .*k\.key is not an encrypted cosign private key/,
  },
  // --- attest.sign: a setting that cannot work, at its line, before the registry is asked ---
  ...(
    [
      ['key', /attest\.sign: key, but there is no key \(COSIGN_KEY is empty, attest\.key unset\)/],
      ['keyless', /attest\.sign: keyless, but this job has no OIDC token/],
    ] as const
  ).map(([sign, message]): Case => ({
    name: `run: attest.sign ${sign} without what it needs is exit 2 naming the field and its line`,
    files: {
      'ml-image.yml': `image:\n  name: my-org/model\n  registry: localhost:1\nvariants: [cpu]\nplatforms: [linux/amd64]\nattest:\n  sign: ${sign}\n`,
    },
    argv: () => ['run', '--baseline', 'none', '--out', 'o'],
    env: ON_RUNNER,
    exit: 2,
    message: new RegExp(`error: ml-image\\.yml: 1 problem\\n {2}- line 7: ${message.source}`),
  })),
  // The plan's bad input is said before the registry's answer: localhost:1 is closed (exit 3 there).
  ...(['build', 'run'] as const).map((cmd) => ({
    name: `${cmd}: a tag two variants push is exit 2, not hidden behind an unreachable registry`,
    files: {
      'ml-image.yml':
        'image:\n  name: my-org/model\n  registry: localhost:1\nvariants: [cpu, {name: latest}]\nplatforms: [linux/amd64]\n',
    },
    argv: () => (cmd === 'run' ? ['run', '--baseline', 'none', '--out', 'o'] : ['build']),
    env: ON_RUNNER,
    exit: 2,
    message: /would push the tag "latest" that variants\[0\] \(cpu\) pushes/,
  })),
  // --- impossible plans ---
  {
    name: 'torch 2.5 with CUDA 12.8 is exit 2 before any plan is printed',
    files: {
      'ml-image.yml': 'image: {name: a/b}\nvariants: [cuda12.8]\ntorch: "2.5"\nplatforms: [linux/amd64]\n',
    },
    argv: () => ['plan'],
    env: ON_RUNNER,
    exit: 2,
    message:
      /error: plan of ml-image\.yml: 1 problem\n {2}- line 3: torch \(variants\[0\] cuda12\.8\): torch 2\.5 has no CUDA 12\.8 wheels \(it has 11\.8, 12\.1, 12\.4\); nearest valid: torch 2\.7 or 2\.8 with CUDA 12\.8/,
  },
  {
    name: 'validate refuses what plan refuses, naming the config file',
    files: {
      'ml-image.yml': 'image: {name: a/b}\nvariants: [cuda12.8]\ntorch: "2.5"\nplatforms: [linux/amd64]\n',
    },
    argv: () => ['validate'],
    env: ON_RUNNER,
    exit: 2,
    message:
      /error: plan of ml-image\.yml: 1 problem\n {2}- line 3: torch \(variants\[0\] cuda12\.8\): torch 2\.5 has no CUDA 12\.8 wheels/,
  },
  {
    name: 'report refuses what plan refuses, naming the config file and line',
    files: {
      'ml-image.yml': 'image: {name: a/b}\nvariants: [cuda12.8]\ntorch: "2.5"\nplatforms: [linux/amd64]\n',
    },
    argv: () => ['report', '--results', '.'],
    env: ON_RUNNER,
    exit: 2,
    message:
      /error: plan of ml-image\.yml: 1 problem\n {2}- line 3: torch \(variants\[0\] cuda12\.8\): torch 2\.5 has no CUDA 12\.8 wheels/,
  },
  {
    name: 'the same plan on arm64 gives the same advice',
    files: {
      'ml-image.yml': 'image: {name: a/b}\nvariants: [cuda12.8]\ntorch: "2.5"\nplatforms: [linux/arm64]\n',
    },
    argv: () => ['plan'],
    env: ON_RUNNER,
    exit: 2,
    message:
      /torch 2\.5 has no CUDA 12\.8 wheels \(it has 11\.8, 12\.1, 12\.4\); nearest valid: torch 2\.7 or 2\.8 with CUDA 12\.8$/m,
  },
];

describe('attest.key is checked only where it is read', () => {
  it.each(['keyless', 'off'])('sign %s: a key file a release job writes is no problem', async (sign) => {
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      `${GOOD}attest:\n  sign: ${sign}\n  key: release/cosign.key\n`,
    );
    const io = captureIo(dir, undefined, { ML_IMAGE_CACHE_DIR: `${dir}/.ml-image-cache` });
    expect(await runCli(['validate'], io), io.err()).toBe(0);
    expect(io.err()).not.toContain('attest.key');
  });
});

describe('bad input: exit code and message, nothing done', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    for (const [rel, content] of Object.entries(c.files ?? {})) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), content);
    }
    const before = new Set(readdirSync(dir));
    // Its Docker adapter rejects every call: nothing may reach the engine.
    const io = captureIo(dir, undefined, { ML_IMAGE_CACHE_DIR: `${dir}/.ml-image-cache`, ...c.env });
    expect(await runCli(c.argv(dir), io)).toBe(c.exit);
    expect(io.err()).toMatch(c.message);
    if (c.absent !== undefined) expect(io.err()).not.toContain(c.absent);
    expect(io.err()).not.toContain('internal error');
    expect(io.err()).not.toMatch(/\n\s+at /);
    expect(io.out()).toBe('');
    // No result directory or file appeared.
    expect(readdirSync(dir).filter((f) => !before.has(f) && f !== '.ml-image-cache')).toEqual([]);
  });

  it('--json adds the same failure as one JSON object on stdout', async () => {
    writeFileSync(path.join(dir, 'bomb.yml'), aliasBomb());
    const io = captureIo(dir);
    expect(await runCli(['validate', '--config', 'bomb.yml', '--json'], io)).toBe(2);
    const { error } = JSON.parse(io.out());
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('bomb.yml: invalid YAML: 1 problem');
    expect(error.problems[0]).toMatch(/aliases expand too far/);
  });

  it.each([
    ['image: !!binary aGVsbG8=\n', 'image: expected a mapping'],
    ['image:\n  name: a/b\nvariants: !!timestamp 2001-12-14\n', 'variants'],
  ])(
    'a YAML type tag (%j) stays text: one problem naming the field, not the methods of a Buffer',
    async (text, problem) => {
      writeFileSync(path.join(dir, 'ml-image.yml'), text);
      const io = captureIo(dir);
      expect(await runCli(['validate', '--json'], io)).toBe(2);
      const { error } = JSON.parse(io.out());
      expect(error.problems).toHaveLength(1);
      expect(error.problems[0]).toContain(problem);
    },
  );

  it('a config just under the cap with thousands of keys validates', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), manyKeys());
    const io = captureIo(dir);
    expect(await runCli(['validate', '--json', '--skip-file-checks'], io)).toBe(0);
    expect(Object.keys(JSON.parse(io.out()).build.args).length).toBeGreaterThan(10_000);
  });

  it('a --timeout within bounds passes the flag check (and reaches the engine)', async () => {
    const io = captureIo(dir);
    // The fake engine rejects the first call: proof that the flags were accepted.
    expect(
      await runCli(
        ['smoke', '--image', 'localhost:5000/x/y:1.0@sha256:' + 'a'.repeat(64), '--timeout', '86400'],
        io,
      ),
    ).toBe(1);
    expect(io.err()).toContain('unexpected call: docker.daemonFeatures');
  });
});

describe('image references (the --image check)', () => {
  it.each([
    'python:3.12-slim',
    'python',
    'localhost:5000/ml/model:1.4.0-cpu',
    'ghcr.io/my-org/my-model@sha256:' + 'f'.repeat(64),
    'nvcr.io/nvidia/pytorch:25.03-py3',
    '127.0.0.1:5000/a__b/c-d.e:tag_1',
    '[::1]:5000/x:1',
    'sha256:' + '0'.repeat(64),
    '0123456789ab',
    'localhost/x:1',
    // As docker's splitDockerDomain: a first component with capitals names a registry host.
    'MYREG/team/python:3.12',
    'MyRegistry.example/x:1',
    'host:5000/x',
  ])('%s is valid', (ref) => {
    expect(imageRefProblem(ref)).toBeUndefined();
  });

  it.each([
    ['a; b', /character ";"/],
    ['', /empty/],
    ['Python:3', /lowercase/],
    ['x:tag with space', /character " "/],
    ['x@sha256:short', /expected NAME\[:TAG\]\[@DIGEST\]/],
    ['-x', /expected NAME/],
    ['x'.repeat(600), /600 characters/],
    ['a\nb', /character "\\n"/],
    [`ghcr.io/x:1@sha256:${'A'.repeat(64)}`, /64 lowercase hex digits/],
  ])('%j is refused', (ref, why) => {
    expect(imageRefProblem(ref)).toMatch(why);
  });
});

describe('result files: atomic, and write errors mapped to the exit-code contract', () => {
  it.each([
    ['ENOSPC', 3, 'no space left on device'],
    ['EDQUOT', 3, 'disk quota exceeded'],
    ['EROFS', 3, 'read-only file system'],
    ['EACCES', 2, 'permission denied'],
    ['ENOTDIR', 2, 'a path component is not a directory'],
    ['EISDIR', 2, 'is a directory'],
  ])('%s -> exit %d', (code, exit, reason) => {
    const e = writeError(Object.assign(new Error(code), { code }), '/r/plan.json', '--out r');
    expect(e).toBeInstanceOf(exit === 3 ? EnvironmentError : InputError);
    expect((e as EnvironmentError).exitCode).toBe(exit);
    expect(e.message).toBe(`--out r: cannot write /r/plan.json: ${reason}`);
    if (exit === 3)
      expect((e as EnvironmentError).fix).toContain(
        code === 'EROFS' ? 'the filesystem of /r is mounted read-only' : 'free space on the filesystem of /r',
      );
  });

  it('writes through a temp file and rename: no temp file left, an old file replaced whole', () => {
    const f = path.join(dir, 'plan.json');
    writeFileSync(f, '{"old": true}\n');
    writeFileAtomic(f, '{"new": true}\n');
    expect(readFileSync(f, 'utf8')).toBe('{"new": true}\n');
    expect(readdirSync(dir)).toEqual(['plan.json']);
  });

  it('a failed write leaves neither a partial file nor a temp file', () => {
    const target = path.join(dir, 'sub');
    mkdirSync(target);
    // Renaming a file over a directory fails after the temp file was written.
    expect(() => writeFileAtomic(target, '{"x": 1}\n')).toThrow(InputError);
    expect(readdirSync(dir)).toEqual(['sub']);
    expect(existsSync(path.join(target, 'x'))).toBe(false);
  });

  it('a file where its directory goes: the write error naming the file (exit 2), not a raw ENOTDIR', () => {
    writeFileSync(path.join(dir, 'file'), '');
    const target = path.join(dir, 'file', 'plan.json');
    expect(() => writeFileAtomic(target, '{}\n', '--out r')).toThrow(
      new InputError(`--out r: cannot write ${target}: a path component is not a directory`),
    );
  });

  it('in the background (writeFileAtomicLater): the same whole replacement, no temp file left', async () => {
    const f = path.join(dir, 'cpu-amd64.sbom.json');
    writeFileSync(f, '{"old": true}\n');
    const writing = writeFileAtomicLater(f, Buffer.from('{"new": true}\n'), '--out r', false);
    await writing;
    expect(readFileSync(f, 'utf8')).toBe('{"new": true}\n');
    expect(readdirSync(dir)).toEqual(['cpu-amd64.sbom.json']);
  });

  it('in the background, a signal while its open is queued: no temp file at exit, the write does not land', async () => {
    const f = path.join(dir, 'cpu-amd64.sbom.json');
    writeFileSync(f, '{"old": true}\n');
    // libuv's pool busy (as while a key is decrypted): the temporary file's open waits its turn.
    const busy = Array.from({ length: 8 }, () =>
      promisify(pbkdf2)('password', 'salt', 100_000, 32, 'sha256'),
    );
    const writing = writeFileAtomicLater(f, Buffer.from('{"new": true}\n'), '--out r', false).catch(
      (e: unknown) => e,
    );
    // What the signal handler does before it exits: the cleanups. (The listing right after passes
    // without the change too: the queued open has not made the file yet. What fails without it is
    // the write landing after the cleanup, below.)
    await runPendingCleanups();
    expect(readdirSync(dir)).toEqual(['cpu-amd64.sbom.json']);
    const err = await writing;
    expect(err).toBeInstanceOf(InputError);
    expect(readFileSync(f, 'utf8')).toBe('{"old": true}\n');
    expect(readdirSync(dir)).toEqual(['cpu-amd64.sbom.json']);
    await Promise.all(busy);
  });

  it('in the background, a signal (not only its cleanups): the write fails as interrupted, exit 130', async () => {
    const f = path.join(dir, 'cpu-amd64.sbom.json');
    const busy = Array.from({ length: 8 }, () =>
      promisify(pbkdf2)('password', 'salt', 100_000, 32, 'sha256'),
    );
    const writing = writeFileAtomicLater(f, Buffer.from('{}\n'), '--out r', false).catch((e: unknown) => e);
    markInterrupted('SIGINT');
    try {
      await runPendingCleanups();
      const err = await writing;
      expect(err).toBeInstanceOf(InterruptedError);
      expect((err as InterruptedError).exitCode).toBe(130);
      expect((err as Error).message).toBe(`interrupted by SIGINT: the write of ${f} was stopped`);
      expect(existsSync(f)).toBe(false);
    } finally {
      clearInterruptedForTests();
      await Promise.all(busy);
    }
  });

  it.each([
    ['a directory where the file goes (rename fails)', 'sub', 'is a directory'],
    ['a file where its directory goes (open fails)', 'file/x.json', 'a path component is not a directory'],
  ])(
    'in the background, failing: %s: the write error (exit 2), nothing left',
    async (_what, name, reason) => {
      mkdirSync(path.join(dir, 'sub'));
      writeFileSync(path.join(dir, 'file'), '');
      const target = path.join(dir, name);
      const err = await writeFileAtomicLater(target, '{"x": 1}\n', '--out r').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toBe(`--out r: cannot write ${target}: ${reason}`);
      expect(readdirSync(dir).sort()).toEqual(['file', 'sub']);
      expect(readdirSync(path.join(dir, 'sub'))).toEqual([]);
    },
  );

  it('--out files never carry URL credentials', async () => {
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      `${GOOD}python:\n  indexUrl: https://user:s3cr3tT0ken@pypi.corp.example/simple\n`,
    );
    const io = captureIo(dir);
    expect(await runCli(['validate', '--out', 'o'], io)).toBe(0);
    const written = readFileSync(path.join(dir, 'o', 'config.json'), 'utf8');
    expect(written).not.toContain('s3cr3tT0ken');
    expect(written).toContain('https://user:***@pypi.corp.example/simple');
  });
});
