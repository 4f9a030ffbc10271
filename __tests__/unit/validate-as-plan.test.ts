// `ml-image validate` refuses what plan and the stages refuse, every problem at once: planned in
// plan's own git context (the checkout's tag names the version), the files the config names all
// checked whatever the others hold, and a ${NAME} build.secrets does not list named by its line.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CommandRunner } from '../../src/docker/adapter.js';
import { ConfigError } from '../../src/errors.js';
import { readListedRequirements } from '../../src/requirements/references.js';
import { captureIo, fakeDocker, NOT_A_REPOSITORY } from '../helpers/fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-validate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (rel: string) => path.join(dir, rel);
function put(rel: string, content: string): void {
  mkdirSync(path.dirname(at(rel)), { recursive: true });
  writeFileSync(at(rel), content);
}

/**
 * git in a checkout of one commit tagged TAG (what gitContextFromCheckout asks, each read with a
 * bare repository refused; HEAD as checkoutHead reads it: DIR is the work tree, DIR/.git its own).
 */
function taggedCheckout(tag: string): CommandRunner {
  mkdirSync(at('.git'), { recursive: true });
  const answers: Record<string, string> = {
    'rev-parse --show-toplevel --absolute-git-dir HEAD': `${dir}\n${at('.git')}\n${'c'.repeat(40)}`,
    'show -s --format=%cI HEAD': '2025-01-02T03:04:05Z',
    'describe --tags --exact-match HEAD': tag,
    'symbolic-ref --short HEAD': '',
  };
  return {
    run: (command, args) => {
      const safe = args[0] === '-c' && args[1] === 'safe.bareRepository=explicit';
      const out = command === 'git' && safe ? answers[args.slice(2).join(' ')] : undefined;
      return Promise.resolve(
        out
          ? { exitCode: 0, stdout: `${out}\n`, stderr: '' }
          : { exitCode: 128, stdout: '', stderr: 'fatal' },
      );
    },
  };
}

async function cli(argv: string[], git: CommandRunner = NOT_A_REPOSITORY) {
  const io = { ...captureIo(dir, fakeDocker(), { ML_IMAGE_CACHE_DIR: at('.cache') }), git };
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('validate plans in the git context plan uses', () => {
  const CONFIG = 'image: {name: a/b}\nvariants: [cpu, {name: 1.2.3-cpu}]\nplatforms: [linux/amd64]\n';

  it('a tag the checkout version would push twice: plan and validate both refuse it', async () => {
    put('ml-image.yml', CONFIG);
    const git = taggedCheckout('v1.2.3');
    const plan = await cli(['plan'], git);
    expect(plan.code, plan.err).toBe(2);
    const validate = await cli(['validate'], git);
    expect(validate.code, validate.err).toBe(2);
    expect(validate.err).toContain(
      'line 2: variants[1] (1.2.3-cpu): it would push the tag "1.2.3-cpu" that variants[0] (cpu) pushes',
    );
    // Outside a repository (or at another version) the same config is valid, as plan says.
    expect((await cli(['plan'])).code).toBe(0);
    expect((await cli(['validate'])).code).toBe(0);
  });

  it('a tag over 128 characters from the checkout tag: refused by validate as by plan', async () => {
    put('ml-image.yml', 'image: {name: a/b}\nvariants: [cpu]\nplatforms: [linux/amd64]\n');
    const git = taggedCheckout(`v1.2.3-${'a'.repeat(124)}`);
    const plan = await cli(['plan'], git);
    expect(plan.code, plan.err).toBe(2);
    const validate = await cli(['validate'], git);
    expect(validate.code, validate.err).toBe(2);
    expect((await cli(['validate'])).code).toBe(0);
    for (const r of [plan, validate])
      expect(r.err).toContain(
        `  - line 2: variants[0] (cpu): the tag "1.2.3-${'a'.repeat(124)}-cpu" is 134 characters, over the 128 a registry takes: its version comes from the git tag v1.2.3-${'a'.repeat(124)}: set a shorter image.version (at most 124 characters beside this variant's name) or shorten the variant's name\n`,
      );
  });

  it("a tag over 128 characters made of image.version: plan, validate and run name image.version's line", async () => {
    const version = `1.0.0-${'a'.repeat(120)}`;
    put(
      'ml-image.yml',
      `image:\n  name: a/b\n  version: ${version}\nvariants:\n  - cpu\n  - name: big\n    python: '3.12'\nplatforms: [linux/amd64]\n`,
    );
    for (const argv of [['plan'], ['validate'], ['run', '--stages', 'plan', '--out', at('o')]]) {
      const r = await cli(argv);
      expect(r.code, `${argv[0]}: ${r.err}`).toBe(2);
      expect(r.err).toContain('error: plan of ml-image.yml: 2 problems\n');
      expect(r.err).toContain(
        `  - line 3: image.version: the tag "${version}-cpu" of variants[0] (cpu) is 130 characters, over the 128 a registry takes: shorten image.version (at most 124 characters beside this variant's name) or the variant's name\n`,
      );
      expect(r.err).toContain(
        `  - line 3: image.version: the tag "${version}-big" of variants[1] (big) is 130 characters`,
      );
      const json = await cli([...argv, '--json']);
      const { error } = JSON.parse(json.out) as { error: { problems: string[] } };
      expect(error.problems.every((p) => p.startsWith('line 3: image.version: the tag '))).toBe(true);
    }
  });
});

describe('validate lists every problem of the files the config names', () => {
  it('a baseline that is no JSON, a missing key and bad requirement lines: all of them, counted', async () => {
    put('conf/floors.json', '{not json');
    put('conf/r3.txt', 'numpy\nnot a req here\n-r gone.txt\nalso not a req\n');
    put('conf/r4.txt', 'pandas\n==1\n');
    put(
      'conf/multi.yml',
      'image: {name: a/b}\nvariants: [cpu]\nplatforms: [linux/amd64]\npython:\n  requirements: [r3.txt, r4.txt]\nsmoke:\n  baseline: floors.json\nattest:\n  sign: key\n  key: cosign.key\n',
    );
    const r = await cli(['validate', '--config', 'conf/multi.yml']);
    expect(r.code, r.err).toBe(2);
    const r3 = at('conf/r3.txt');
    expect(r.err).toContain('error: conf/multi.yml: 6 problems\n');
    expect(r.err).toMatch(/ {2}- line 7: smoke\.baseline: .*floors\.json: not JSON/);
    expect(r.err).toMatch(/ {2}- line 10: attest\.key: /);
    expect(r.err).toContain(`  - ${r3}:2: invalid requirement "not a req here"`);
    // A missing include is a problem of its line; the lines after it, and the next file, are read.
    expect(r.err).toContain(`  - ${r3}:3: requirements file not found: ${at('conf/gone.txt')}\n`);
    expect(r.err).toContain(`  - ${r3}:4: invalid requirement "also not a req"`);
    expect(r.err).toContain(`  - ${at('conf/r4.txt')}:2: invalid requirement "==1"`);
    const json = await cli(['validate', '--config', 'conf/multi.yml', '--json']);
    expect(JSON.parse(json.out).error.problems).toHaveLength(6);
  });

  it('one problem alone is said as before', async () => {
    put('floors.json', '{not json');
    put(
      'ml-image.yml',
      'image: {name: a/b}\nvariants: [cpu]\nplatforms: [linux/amd64]\nsmoke:\n  baseline: floors.json\n',
    );
    const r = await cli(['validate']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: ml-image\.yml: 1 problem\n {2}- line 5: smoke\.baseline: /);
  });
});

describe('a ${NAME} build.secrets does not list: named by its file and line', () => {
  const REQ =
    'pkg @ https://user:${PYPI_PW}@pypi.corp/pkg-1.0.tar.gz\n--extra-index-url https://u:${IDX_PW}@idx.corp/simple\nfoo @ ${HF_TOKEN}\n';

  it('each reference a problem of its own line', () => {
    put('req2.txt', REQ);
    let err: unknown;
    try {
      readListedRequirements(['req2.txt'], ['IDX_PW'], dir, {});
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const f = at('req2.txt');
    expect((err as ConfigError).problems).toEqual([
      `${f}:1: \${PYPI_PW} is not listed in build.secrets`,
      `${f}:3: \${HF_TOKEN} is not listed in build.secrets`,
    ]);
    expect((err as ConfigError).fix).toMatch(/^list each \$\{NAME\} a line names in build\.secrets/);
    // All listed: read as before, the references kept for the resolver's environment.
    const read = readListedRequirements(['req2.txt'], ['PYPI_PW', 'IDX_PW', 'HF_TOKEN'], dir, {});
    expect(read.envReferences).toEqual(['PYPI_PW', 'IDX_PW', 'HF_TOKEN']);
  });

  it('validate names them with the other problems of the files', async () => {
    put('req2.txt', `${REQ}not a req\n`);
    put(
      'ml-image.yml',
      'image: {name: a/b}\nvariants: [cpu]\nplatforms: [linux/amd64]\npython:\n  requirements: [req2.txt]\n',
    );
    const r = await cli(['validate']);
    expect(r.code, r.err).toBe(2);
    const f = at('req2.txt');
    expect(r.err).toContain('error: req2.txt: 4 problems\n');
    for (const [line, name] of [
      [1, 'PYPI_PW'],
      [2, 'IDX_PW'],
      [3, 'HF_TOKEN'],
    ] as const)
      expect(r.err).toContain(`  - ${f}:${line}: \${${name}} is not listed in build.secrets\n`);
    expect(r.err).toContain(`  - ${f}:4: invalid requirement "not a req"`);
  });
});

describe('validate --variants checks the selection and says what it left out', () => {
  it("the file's other variants are named as not checked (one of them would be refused)", async () => {
    put(
      'ml-image.yml',
      "image: {name: a/b}\nvariants: [cpu, {name: old, cuda: '11.0'}]\nplatforms: [linux/amd64]\n",
    );
    expect((await cli(['validate'])).code).toBe(2);
    const some = await cli(['validate', '--variants', 'cpu']);
    expect(some.code, some.err).toBe(0);
    expect(some.err).toContain(
      'warning: --variants selects cpu: the variant(s) old in ml-image.yml were not checked (run "ml-image validate" without --variants to check them)\n',
    );
  });

  it('a file whose own variants do not validate says so', async () => {
    put('ml-image.yml', 'image: {name: a/b}\nvariants: [{name: x, nonsense: 1}]\nplatforms: [linux/amd64]\n');
    const r = await cli(['validate', '--variants', 'cpu']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(
      'warning: --variants selects cpu: the variants ml-image.yml itself lists do not validate and were not checked (run "ml-image validate" without --variants to check them)\n',
    );
  });

  it('nothing is said when the selection is every variant the file lists', async () => {
    put('ml-image.yml', 'image: {name: a/b}\nvariants: [cpu]\nplatforms: [linux/amd64]\n');
    const r = await cli(['validate', '--variants', 'cpu']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toContain('not checked');
  });
});
