// Bad input found by an audit of hostile but plausible inputs: each row a command line (and the
// files it reads) that must exit 2 with a message naming the flag, field or value, never an
// internal error, a stack trace, a secret value echoed back, or a message a zod default wrote.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { captureIo } from '../helpers/fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-bad-input-audit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const GOOD = 'image:\n  name: my-org/model\nvariants: [cpu]\nplatforms: [linux/amd64]\n';

interface Case {
  name: string;
  files?: Record<string, string>;
  /** The files written as UTF-16 LE (a text in it starting with U+FEFF gets the mark FF FE). */
  utf16?: boolean;
  argv: string[];
  env?: Record<string, string>;
  exit: number;
  /** Must match stderr. */
  message: RegExp;
  /** Must not appear on stderr or stdout (a secret value, a zod default's wording). */
  absent?: RegExp;
  /** Where the case's directory is made, instead of the system's temporary directory. */
  root?: string;
}

const CASES: Case[] = [
  {
    name: 'capture --env NAME=VALUE (docker run form): names NAME, never echoes the value',
    argv: ['capture', '--image', 'python:3.12-slim', '--env', 'DB_PASSWORD=hunter2', '--json'],
    exit: 2,
    message:
      /error: capture: --env "DB_PASSWORD" is given a value: --env takes a variable's name alone, not NAME=VALUE\nfix: export the variable and pass --env DB_PASSWORD: its value is read from your environment/,
    absent: /hunter2|redacted/,
  },
  {
    name: 'capture --env NAME=VALUE with a plain value: refused the same, the value not shown',
    argv: ['capture', '--image', 'python:3.12-slim', '--env', 'MODE=fast'],
    env: { MODE: 'x' },
    exit: 2,
    message: /error: capture: --env "MODE" is given a value: --env takes a variable's name alone/,
    absent: /fast/,
  },
  {
    name: 'capture --env with a name no shell sets, not set: says so, with the hint it is no shell variable name',
    argv: ['capture', '--image', 'python:3.12-slim', '--env', '1BAD'],
    exit: 2,
    message:
      /error: capture: --env "1BAD": not set in your environment \(and not a variable name a shell sets: letters, digits and _, not starting with a digit\)/,
  },
  {
    name: 'capture --env "": an empty name, refused',
    argv: ['capture', '--image', 'python:3.12-slim', '--env', ''],
    exit: 2,
    message: /error: capture: --env is empty/,
  },
  // Valid: Linux allows any name without '=' or NUL; one set is looked up and passes (the next
  // --env, unset, then stops the command before any engine call).
  ...['my-var', 'a.b', '1BAD'].map((name): Case => ({
    name: `capture --env ${name} (set; no shell identifier, a valid environment name): looked up, not refused`,
    argv: ['capture', '--image', 'python:3.12-slim', '--env', name, '--env', 'UNSET_AFTER'],
    env: { [name]: 'x' },
    exit: 2,
    message: /^error: capture: --env UNSET_AFTER: not set in your environment\n/,
  })),
  {
    name: "a number past its bound: one problem, the field's, not also the safe-integer range zod adds",
    files: {
      'ml-image.yml': `${GOOD}smoke:\n  timeoutSeconds: 99999999999999999999999999\n  tests: [{name: t, command: x, exitCode: 1e308}]\n`,
    },
    argv: ['validate', '--skip-file-checks'],
    exit: 2,
    message:
      /error: ml-image\.yml: 2 problems\n {2}- line 6: smoke\.timeoutSeconds: expected number to be <=86400, got 1e\+26\n {2}- line 7: smoke\.tests\[0\]\.exitCode: expected number to be <=255, got 1e\+308\n$/,
    absent: /9007199254740991/,
  },
  {
    name: '.inf / .nan where a number goes: "expected a finite number", not "expected a number, got number"',
    files: {
      'ml-image.yml': `${GOOD}smoke:\n  timeoutSeconds: .inf\n  tests: [{name: t, command: x, exitCode: .nan}]\n`,
    },
    argv: ['validate', '--skip-file-checks', '--json'],
    exit: 2,
    message:
      /line 6: smoke\.timeoutSeconds: expected a finite number, got Infinity\n {2}- line 7: smoke\.tests\[0\]\.exitCode: expected a finite number, got NaN/,
    absent: /got number/,
  },
  {
    name: 'a map of the user\'s names given another type: "expected a mapping", not zod\'s "expected a record"',
    files: { 'ml-image.yml': `${GOOD}build:\n  args: [a]\n  mirrors: x\n` },
    argv: ['validate', '--skip-file-checks'],
    exit: 2,
    message:
      /line 6: build\.args: expected a mapping, got a list\n {2}- line 7: build\.mirrors: expected a mapping, got "x"/,
    absent: /record/,
  },
  {
    name: 'a smoke.baseline GPU row without its measured mapping: "required: expected a mapping"',
    files: {
      'ml-image.yml': `${GOOD}smoke:\n  baseline: base.json\n`,
      'base.json':
        '{"schemaVersion":1,"floorFraction":0.5,"gpus":[{"name":"H100","match":"H100","source":"x"}]}',
    },
    argv: ['validate'],
    exit: 2,
    message: /line 6: smoke\.baseline: .*base\.json: gpus\[0\]\.measured: required: expected a mapping/,
    absent: /expected a record/,
  },
  {
    name: 'python.requirements given a URL: names the field, its line and the URL (login masked), not a mangled path',
    files: {
      'ml-image.yml': `${GOOD}python:\n  requirements: ["https://user:s3cret@host.example/req.txt"]\n`,
    },
    argv: ['validate'],
    exit: 2,
    message:
      /line 6: python\.requirements\[0\]: "https:\/\/\*\*\*@host\.example\/req\.txt" is a URL, not a file: requirements files are read from disk; .* an "-r URL" line in a requirements file/,
    absent: /s3cret|https:\/host/,
  },
  {
    name: 'resolve --requirements URL: the same, not "not found: ./https:/host/req.txt"',
    argv: [
      'resolve',
      '--image',
      'python:3.12-slim',
      '--requirements',
      'https://host.example/req.txt',
      '--json',
    ],
    exit: 2,
    message: /error: requirements file "https:\/\/host\.example\/req\.txt" is a URL, not a file/,
    absent: /not found/,
  },
  {
    name: 'a config saved as UTF-16 with its mark (PowerShell 5\'s >): says UTF-16, not "byte 0xff is not UTF-8"',
    files: { 'ml-image.yml': `\ufeff${GOOD}` },
    utf16: true,
    argv: ['validate'],
    exit: 2,
    message:
      /error: ml-image\.yml: the file is UTF-16 \(it starts with FF FE\); the config must be UTF-8 text\nfix: save the file as UTF-8/,
  },
  {
    name: 'a config in UTF-16 without a mark: its NUL bytes named with line and column, not "expected a mapping, got string"',
    files: { 'ml-image.yml': GOOD },
    utf16: true,
    argv: ['validate', '--json'],
    exit: 2,
    message:
      /error: ml-image\.yml: line 1, column 2: a NUL byte \(the file looks like UTF-16: every other byte is NUL\); the config must be UTF-8 text/,
    absent: /expected a mapping/,
  },
  {
    name: 'a NUL byte in a UTF-8 config: named with its line and column',
    files: { 'ml-image.yml': `${GOOD}# a\u0000b\n` },
    argv: ['validate'],
    exit: 2,
    message: /error: ml-image\.yml: line 5, column 4: a NUL byte; the config must be UTF-8 text/,
  },
  {
    // Left out, it was 'expected OWNER/REPO with --pr, got ""', as if an empty --repo were given.
    name: 'report --pr without --repo: the flag to add',
    files: { 'ml-image.yml': GOOD, 'results/keep': '' },
    argv: ['report', '--results', 'results', '--pr', '1'],
    exit: 2,
    message:
      /error: report: --pr needs --repo OWNER\/REPO, the repository of the pull request\nfix: add --repo OWNER\/REPO/,
  },
  ...['../r', 'o/..', './r'].map((repo): Case => ({
    name: `report --repo ${repo}: not OWNER/REPO (a URL path /repos/${repo} steps out of the repository's)`,
    files: { 'ml-image.yml': GOOD, 'results/keep': '' },
    argv: ['report', '--results', 'results', '--pr', '1', '--repo', repo],
    exit: 2,
    message: new RegExp(
      `error: report: --repo: expected OWNER/REPO with --pr, got "${repo.replace(/\./g, '\\.')}"`,
    ),
  })),
  {
    name: 'verify --certificate-github-workflow-repository ../r: not OWNER/REPO',
    argv: [
      'verify',
      `ghcr.io/a/b@sha256:${'a'.repeat(64)}`,
      '--certificate-identity-regexp',
      'x',
      '--certificate-github-workflow-repository',
      '../r',
    ],
    exit: 2,
    message: /--certificate-github-workflow-repository: expected OWNER\/REPO/,
  },
  {
    name: 'YAML "\\0" in a command, a build argument and a file path: each named with its line, before any spawn',
    files: {
      'ml-image.yml': `${GOOD}build:\n  args: {X: "a\\0b"}\nsmoke:\n  tests:\n    - {name: t, command: ["echo", "a\\0b"]}\n    - {name: f, file: {path: "/a\\0b"}}\n`,
    },
    argv: ['validate', '--skip-file-checks', '--json'],
    exit: 2,
    message:
      /error: ml-image\.yml: 3 problems\n {2}- line 6: build\.args\.X: holds a NUL character \(U\+0000, "\\0"\): no command, argument, file name or label can carry one; remove it\n {2}- line 9: smoke\.tests\[0\]\.command\[1\]: holds a NUL[^\n]*\n {2}- line 10: smoke\.tests\[1\]\.file\.path: holds a NUL/,
  },
  {
    name: 'YAML "\\0" in expectedOutput / excludedOutput (matched in-process, never spawned): valid',
    files: {
      'ml-image.yml': `${GOOD}smoke:\n  tests:\n    - {name: t, command: [echo, hi], expectedOutput: ["a\\0b"], excludedOutput: ["x\\0y"]}\n`,
    },
    argv: ['validate', '--skip-file-checks'],
    exit: 0,
    message: /^(?![\s\S]*NUL)/,
  },
  ...['/proc/self', '/dev', '/sys/kernel'].map((context): Case => ({
    name: `build.context: ${context} (outside any repository): refused as a pseudo filesystem, not sent to the builder`,
    files: { 'ml-image.yml': `${GOOD}build:\n  context: ${context}\n` },
    argv: ['validate'],
    exit: 2,
    message: new RegExp(
      `line 6: build\\.context: .* is under /${context.split('/')[1]}, a pseudo filesystem \\(the builder would read its endless or blocking files\\)`,
    ),
  })),
  // Valid: a checkout on /dev/shm (a tmpfs of real files), its context inside it.
  ...['.', 'src'].map((context): Case => ({
    name: `build.context: ${context} of a repository under /dev/shm: valid (no pseudo filesystem, not outside it)`,
    root: '/dev/shm',
    files: {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'src/keep': '',
      'ml-image.yml': `${GOOD}build:\n  context: ${context}\n`,
    },
    argv: ['validate'],
    exit: 0,
    message: /^(?![\s\S]*pseudo filesystem)/,
  })),
  // A value or argument holding a line break (a variable of several lines): refused naming the
  // flag, the value escaped; quoted as typed, its second line stood among the CLI's own lines.
  {
    name: 'export --nodes "1\\nfix: ...": refused naming --nodes, no line of the value on its own',
    argv: [
      'export',
      '--k8s',
      '--image',
      `x@sha256:${'a'.repeat(64)}`,
      '--out',
      'o',
      '--nodes',
      '1\nfix: FORGED',
      '--json',
    ],
    exit: 2,
    message:
      /^error: export: --nodes: the value "1\\nfix: FORGED" has a line break; a flag's value is one line\nfix: give --nodes a one-line value\n$/,
    absent: /^fix: FORGED/m,
  },
  {
    name: 'resolve --mode=VALUE with a CRLF: named as --mode (the = form)',
    argv: [
      'resolve',
      '--image',
      'python:3.12-slim',
      '--requirements',
      'r.txt',
      '--mode=check\r\nerror: FORGED',
    ],
    exit: 2,
    message: /^error: resolve: --mode: the value "check\\r\\nerror: FORGED" has a line break/,
    absent: /^error: FORGED/m,
  },
  {
    name: 'an argument with a line break (after --, or a stray word): refused as an argument',
    argv: ['verify', '--key', 'cosign.pub', '--', 'img@sha256:1\nfix: FORGED'],
    exit: 2,
    message:
      /^error: verify: the argument "img@sha256:1\\nfix: FORGED" has a line break; an argument is one line/,
    absent: /^fix: FORGED/m,
  },
  {
    name: 'a boolean flag followed by a value with a line break: the value is an argument',
    argv: ['build', '--load', 'yes\nerror: FORGED'],
    exit: 2,
    message: /^error: build: the argument "yes\\nerror: FORGED" has a line break/,
    absent: /^error: FORGED/m,
  },
  {
    name: 'an unknown command with a line break: quoted escaped',
    argv: ['pln\nfix: FORGED', '--json'],
    exit: 2,
    message: /^error: unknown command "pln\\nfix: FORGED"/,
    absent: /^fix: FORGED/m,
  },
  {
    name: 'export --nodes 99999999999999999999: refused as typed, not as the 1e20 it rounds to',
    argv: [
      'export',
      '--k8s',
      '--image',
      `x@sha256:${'a'.repeat(64)}`,
      '--out',
      'o',
      '--nodes',
      '99999999999999999999',
    ],
    exit: 2,
    message: /^error: export: --nodes: "99999999999999999999" is too large a number$/m,
    absent: /100000000000000000000|1e\+20/,
  },
  {
    name: 'export --gpus-per-node with a quote in it: quoted as JSON',
    argv: [
      'export',
      '--k8s',
      '--image',
      `x@sha256:${'a'.repeat(64)}`,
      '--out',
      'o',
      '--gpus-per-node',
      '2"x',
    ],
    exit: 2,
    message: /^error: export: --gpus-per-node: expected a whole number or "all", got "2\\"x"$/m,
  },
  {
    name: 'verify --certificate-identity-regexp of 40,000 characters: exit 2 asking whose run signed, the pattern cut in the message',
    argv: [
      'verify',
      `x@sha256:${'a'.repeat(64)}`,
      '--certificate-identity-regexp',
      `^https://github\\.com/a/b/${'x'.repeat(40_000)}`,
      '--json',
    ],
    exit: 2,
    message:
      /^error: verify: --certificate-identity-regexp "\^https:\/\/github\\\\\.com\/a\/b\/x+…" holds a pattern too large for JavaScript's regular expression engine, which this check does not read as cosign \(Go's RE2\) does: it may accept the reusable workflow's signatures/,
    absent: /internal error|too large\/|Regular expression too large/,
  },
];

describe('bad input found by the audit', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    if (c.root !== undefined) {
      rmSync(dir, { recursive: true, force: true });
      dir = mkdtempSync(path.join(c.root, 'ml-image-bad-input-audit-'));
    }
    for (const [rel, content] of Object.entries(c.files ?? {})) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), c.utf16 ? Buffer.from(content, 'utf16le') : content);
    }
    // Its Docker adapter rejects every call: nothing may reach the engine.
    const io = captureIo(dir, undefined, { ML_IMAGE_CACHE_DIR: `${dir}/.ml-image-cache`, ...c.env });
    expect(await runCli(c.argv, io)).toBe(c.exit);
    expect(io.err()).toMatch(c.message);
    expect(io.err()).not.toContain('internal error');
    expect(io.err()).not.toMatch(/\n\s+at /);
    if (c.absent) {
      expect(io.err()).not.toMatch(c.absent);
      expect(io.out()).not.toMatch(c.absent);
    }
    if (c.argv.includes('--json')) expect(JSON.parse(io.out()).error.exitCode).toBe(c.exit);
  });
});
