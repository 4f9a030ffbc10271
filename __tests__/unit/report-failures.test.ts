// What the report stage leaves when a run fails after it, or has nothing to report: a size-budget
// breach, an attest error or a comment that could not be posted still hands back what the run
// produced (the CLI prints report.md before it fails, the action sets its outputs:
// action-run.test.ts), with the same error and exit code; `ml-image report --out DIR` writes the
// reports there; a run with nothing to report removes the report files an earlier run left (its
// own names only).
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/result.js';
import { printedReport } from '../../src/cli/commands/shared.js';
import { runCli } from '../../src/cli/main.js';
import { loadConfig, validateConfigData } from '../../src/config/load.js';
import type { CommandRunner } from '../../src/docker/adapter.js';
import { CheckFailedError, EnvironmentError, ExitCode } from '../../src/errors.js';
import { pipelineResultOf, runPipeline } from '../../src/pipeline/pipeline.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { COMMENT_ARTIFACT_FILE } from '../../src/report/artifact.js';
import { reportStage } from '../../src/report/stage.js';
import { openResultDir } from '../../src/results/results.js';
import { fixture, FIXTURE_PASSWORD } from '../helpers/cosign-keys.js';
import { captureIo, fakeDocker } from '../helpers/fakes.js';
import { makeRecord, makeSmoke } from '../helpers/records.js';
import { RESULT_DIR_LOCK } from '../../src/results/owner-lock.js';

/** The files of a result directory: its owner lock (this process's, held to its end) left out. */
const listed = (d: string): string[] => readdirSync(d).filter((n) => n !== RESULT_DIR_LOCK);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-report-failures-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const CONFIG = 'image: {name: acme/model}\nvariants: [cpu]\nplatforms: [linux/amd64]\nsize: {budget: 1GB}\n';
const DIGEST = `sha256:${'d'.repeat(64)}`;

/** The records of a cpu image of SIZE bytes in DIR/NAME (the reviewer's 2 GB one by default). */
function records(name = 'res', sizeBytes = 2e9, variant = 'cpu'): string {
  const res = openResultDir(path.join(dir, name));
  res.writeEnv(variant, 'linux/amd64', makeRecord({ variant, sizeBytes }));
  res.writeSmoke(variant, 'linux/amd64', makeSmoke([{ id: 'import', status: 'pass' }]));
  return res.dir!;
}

/** On a runner (no git process to start), no pull request. */
const env = () => ({
  GITHUB_ACTIONS: 'true',
  GITHUB_SHA: 'c'.repeat(40),
  ML_IMAGE_CACHE_DIR: path.join(dir, 'cache'),
});

describe('a size-budget breach: report.md is printed, then the command fails as before', () => {
  it('ml-image report: exit 1, the report on stdout, the error on stderr', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), CONFIG);
    records();
    const io = captureIo(dir, fakeDocker(), env());
    expect(await runCli(['report', '--results', 'res'], io)).toBe(1);
    // The run's report.md, as printed (no color off a TTY).
    expect(io.out()).toBe(printedReport(io, readFileSync(path.join(dir, 'res', 'report.md'), 'utf8')));
    expect(io.out()).toMatch(/ml-image report: .*acme\/model/);
    expect(io.out()).toContain('size budget 1GB exceeded');
    expect(io.err()).toContain('error: the image is over its size budget (config size.budget):');
  });

  it('ml-image report --json: the error alone on stdout, as one object, exit 1', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), CONFIG);
    records();
    const io = captureIo(dir, fakeDocker(), env());
    expect(await runCli(['report', '--results', 'res', '--json'], io)).toBe(1);
    expect(JSON.parse(io.out()).error).toMatchObject({ exitCode: 1 });
  });

  it('ml-image run: exit 1, the report on stdout', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), CONFIG);
    records();
    const io = captureIo(dir, fakeDocker(), env());
    expect(await runCli(['run', '--stages', 'report', '--baseline', 'none', '--out', 'res'], io)).toBe(1);
    expect(io.out()).toContain('size budget 1GB exceeded');
    expect(io.err()).toContain('error: the image is over its size budget (config size.budget):');
  });
});

describe('the pipeline: a run that fails after its reports hands back what it produced', () => {
  const build: BuildResult = {
    schemaVersion: 1,
    variants: [
      {
        variant: 'cpu',
        repository: 'ghcr.io/acme/model',
        tags: ['ghcr.io/acme/model:1.0-cpu'],
        baseImage: 'python:3.12-slim',
        platforms: [{ platform: 'linux/amd64', digest: DIGEST, durationMs: 1, attempts: 1, metadata: {} }],
      },
    ],
  };

  it('an attest error (a registry that went away): the same EnvironmentError, with the build and the reports', async () => {
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image: {name: acme/model}\nvariants: [cpu]\nplatforms: [linux/amd64]\nattest: {sign: key, types: [sbom]}\n',
    );
    const res = records('res', 1e9);
    openResultDir(res).writeBuild(build);
    // The smoke stage captures a pushed image by its digest: the report takes a record of build.json's.
    const ref = `ghcr.io/acme/model@${DIGEST}`;
    openResultDir(res).writeEnv('cpu', 'linux/amd64', makeRecord({ variant: 'cpu', sizeBytes: 1e9, ref }));
    const gone = new EnvironmentError('registry ghcr.io went away', 'try again');
    const err = await runPipeline(
      {
        loaded: loadConfig({ cwd: dir }),
        stages: new Set(['attest', 'report'] as const),
        results: openResultDir(res),
        push: true,
        merge: true,
        gpus: 'none',
        imagesDir: dir,
        git: {},
        cacheDir: path.join(dir, 'cache'),
        report: { mode: 'off', baseline: null },
      },
      {
        docker: () => fakeDocker(),
        env: { COSIGN_KEY: fixture('fixture.key'), COSIGN_PASSWORD: FIXTURE_PASSWORD },
        progress: () => undefined,
        error: () => undefined,
        warning: () => undefined,
        signer: () => ({
          sign: () => Promise.reject(gone),
          attest: () => Promise.reject(gone),
        }),
      },
    ).catch((e: unknown) => e);
    expect(err).toBe(gone);
    expect((err as EnvironmentError).exitCode).toBe(ExitCode.Environment);
    const result = pipelineResultOf(err)!;
    expect(result.build?.variants[0]?.platforms[0]?.digest).toBe(DIGEST);
    expect(result.reports.map((r) => r.variant)).toEqual(['cpu']);
    expect(readFileSync(result.reports[0]!.runFile, 'utf8')).toContain('ml-image report');
    expect(pipelineResultOf(new EnvironmentError('other', 'x'))).toBeUndefined();
  });

  it('a size-budget breach: the same CheckFailedError (exit 1), with the reports', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), CONFIG);
    const res = records();
    const err = await runPipeline(
      {
        loaded: loadConfig({ cwd: dir }),
        stages: new Set(['report'] as const),
        results: openResultDir(res),
        push: true,
        merge: true,
        gpus: 'none',
        imagesDir: dir,
        git: {},
        cacheDir: path.join(dir, 'cache'),
        report: { mode: 'off', baseline: null },
      },
      {
        docker: () => fakeDocker(),
        env: {},
        progress: () => undefined,
        error: () => undefined,
        warning: () => undefined,
      },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckFailedError);
    expect((err as Error).message).toMatch(/^the image is over its size budget/);
    expect(pipelineResultOf(err)!.reports[0]!.verdict).toMatch(/size budget 1GB exceeded/);
  });
});

describe('a comment that cannot be posted: the reports are written and the error handed back', () => {
  function input(size: string) {
    const config = validateConfigData(
      {
        image: { name: 'acme/model' },
        variants: ['cpu'],
        platforms: ['linux/amd64'],
        size: { budget: size },
      },
      'ml-image.yml',
    );
    const plan = planBuild(config, { catalog: bundledCatalog(), git: {}, now: new Date() });
    const results = openResultDir(records());
    const down = new EnvironmentError('GitHub API unreachable: connect ECONNREFUSED', 'try again later');
    const warnings: string[] = [];
    return {
      down,
      warnings,
      results,
      run: () =>
        reportStage(
          {
            plan,
            config,
            results,
            git: {},
            options: {
              mode: 'post' as const,
              baseline: null,
              github: {
                token: 'ghs_x',
                apiUrl: 'https://api.github.com',
                repository: 'acme/model',
                prNumber: 7,
              },
              client: () => Promise.reject(down),
            },
          },
          { env: {}, progress: () => undefined, warning: (m: string) => void warnings.push(m) },
        ),
    };
  }

  it.each([
    ['within its budget', '8GB', 0],
    ['over its budget too (warned, the post error is the one that fails)', '1GB', 1],
  ])('%s', async (_, size, warned) => {
    const t = input(size);
    const r = await t.run();
    expect(r.failure).toBe(t.down);
    expect(r.outcomes.map((o) => o.variant)).toEqual(['cpu']);
    expect(r.outcomes[0]!.comment).toBeUndefined();
    expect(readFileSync(r.outcomes[0]!.runFile!, 'utf8')).toContain('ml-image report');
    expect(t.warnings.filter((w) => w.startsWith('the image is over its size budget'))).toHaveLength(warned);
  });
});

describe('ml-image report with no record of the config', () => {
  it('records of another platform or variant: exit 2 naming what was expected and what is there', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), CONFIG);
    const res = openResultDir(path.join(dir, 'res'));
    res.writeEnv('cpu', 'linux/arm64', makeRecord({ variant: 'cpu', platform: 'linux/arm64' }));
    res.writeEnv('cuda12.8', 'linux/amd64', makeRecord({ variant: 'cuda12.8' }));
    const io = captureIo(dir, fakeDocker(), env());
    expect(await runCli(['report', '--results', 'res'], io)).toBe(2);
    expect(io.err()).toContain(
      `error: report: no env-<variant>-<arch>.json of the config's variants in ${path.join(dir, 'res')} (expected cpu (linux/amd64)); it has env-cpu-arm64.json, env-cuda12.8-amd64.json`,
    );
    expect(io.err()).toContain(
      'fix: pass --config, --variants or --platforms naming what those records are of',
    );
  });

  it('an empty directory: the first fix; a --results that does not exist: said so, nothing created', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), CONFIG);
    mkdirSync(path.join(dir, 'empty'));
    const io = captureIo(dir, fakeDocker(), env());
    expect(await runCli(['report', '--results', 'empty'], io)).toBe(2);
    expect(io.err()).toMatch(
      /expected cpu \(linux\/amd64\)\)\nfix: run "ml-image run" or the smoke stage first/,
    );
    const gone = captureIo(dir, fakeDocker(), env());
    expect(await runCli(['report', '--results', 'nowhere'], gone)).toBe(2);
    expect(gone.err()).toContain(
      `error: report: --results nowhere (${path.join(dir, 'nowhere')}) does not exist`,
    );
    expect(existsSync(path.join(dir, 'nowhere'))).toBe(false);
  });

  // existsSync is false for them too: a link loop was called missing.
  it.each([
    ['a link to itself', 'loop', 'loop', 'is a symbolic link that leads back to itself (ELOOP)'],
    ['a link to nowhere', 'dangling', 'gone', 'is a symbolic link to a path that does not exist'],
  ])('a --results that is %s: said as what it is', async (_n, name, target, why) => {
    writeFileSync(path.join(dir, 'ml-image.yml'), CONFIG);
    symlinkSync(target, path.join(dir, name));
    const io = captureIo(dir, fakeDocker(), env());
    expect(await runCli(['report', '--results', name], io)).toBe(2);
    expect(io.err()).toContain(`error: report: --results ${name} (${path.join(dir, name)}) ${why}`);
  });
});

describe('ml-image report --comment-mode artifact with no head commit known', () => {
  it('exit 2 naming it and the fix (was a warning, no artifact and exit 0); with GITHUB_SHA it is written', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), CONFIG.replace('1GB', '8GB'));
    records();
    const argv = [
      'report',
      '--results',
      'res',
      '--pr',
      '7',
      '--repo',
      'acme/model',
      '--comment-mode',
      'artifact',
    ];
    // dir is no git checkout, and the environment names no commit.
    const { GITHUB_SHA: _, ...noSha } = env();
    const io = captureIo(dir, fakeDocker(), noSha);
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err()).toContain('error: report: --comment-mode artifact: no head commit known');
    expect(io.err()).toContain('fix: run it in the checkout of the pull request, or set GITHUB_SHA');
    expect(existsSync(path.join(dir, 'res', 'comment', COMMENT_ARTIFACT_FILE))).toBe(false);
    const ok = captureIo(dir, fakeDocker(), env());
    expect(await runCli(argv, ok), ok.err()).toBe(0);
    expect(existsSync(path.join(dir, 'res', 'comment', COMMENT_ARTIFACT_FILE))).toBe(true);
  });
  it("a blank GITHUB_SHA is unset: a git checkout's own commit is named (was exit 2, not a git checkout)", async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), CONFIG.replace('1GB', '8GB'));
    records();
    mkdirSync(path.join(dir, '.git'));
    const head = 'd'.repeat(40);
    // git as in a checkout of dir: rev-parse names it and its commit; nothing else is known.
    const git: CommandRunner = {
      run: (_cmd, args) =>
        Promise.resolve(
          args.includes('rev-parse')
            ? { exitCode: 0, stdout: `${dir}\n${path.join(dir, '.git')}\n${head}\n`, stderr: '' }
            : { exitCode: 128, stdout: '', stderr: 'fatal: no such thing' },
        ),
    };
    const io = {
      ...captureIo(dir, fakeDocker(), { GITHUB_SHA: ' ', ML_IMAGE_CACHE_DIR: path.join(dir, 'cache') }),
      git,
    };
    const argv = [
      'report',
      '--results',
      'res',
      '--pr',
      '7',
      '--repo',
      'acme/model',
      '--comment-mode',
      'artifact',
    ];
    expect(await runCli(argv, io), io.err()).toBe(0);
    const artifact = JSON.parse(
      readFileSync(path.join(dir, 'res', 'comment', COMMENT_ARTIFACT_FILE), 'utf8'),
    );
    expect(artifact.headSha).toBe(head);
  });
});

describe('ml-image report: what only a pull request uses, without --pr', () => {
  it.each([
    [['--repo', 'nonsense'], 'report: --repo nonsense without --pr: it names where to comment'],
    [['--comment-mode', 'post'], 'report: --comment-mode post without --pr: it names where to comment'],
    [
      ['--repo', 'acme/model', '--comment-mode', 'artifact'],
      'report: --repo acme/model and --comment-mode artifact without --pr: they name where to comment',
    ],
  ])(
    '%j: exit 2 naming the flags, before anything is written (was ignored, or asked for a token)',
    async (extra, said) => {
      writeFileSync(path.join(dir, 'ml-image.yml'), CONFIG.replace('1GB', '8GB'));
      records();
      const io = captureIo(dir, fakeDocker(), env());
      expect(await runCli(['report', '--results', 'res', ...extra], io)).toBe(2);
      expect(io.err()).toContain(`error: ${said}`);
      expect(io.err()).toContain('fix: add --pr N --repo OWNER/REPO');
      expect(existsSync(path.join(dir, 'res', 'report.md'))).toBe(false);
      // --comment-mode off, the default without --pr, is no problem.
      const ok = captureIo(dir, fakeDocker(), env());
      expect(await runCli(['report', '--results', 'res', '--comment-mode', 'off'], ok), ok.err()).toBe(0);
    },
  );
});

describe('ml-image report --pr N --repo R: a pull request the API does not find', () => {
  it.each<[string, number, boolean, number, RegExp]>([
    [
      'the pull request (404 for its comments): exit 2 naming --repo, --pr and the API',
      404,
      true,
      2,
      /error: report: --repo acme\/model --pr 7: GitHub API list issue comments failed: 404 Not Found \(API http:\/\/127\.0\.0\.1:\d+\)\nfix: check --repo \(OWNER\/REPO\), --pr/,
    ],
    [
      "a URL that is not the API's root (404 for /user): exit 2 naming the URL",
      404,
      false,
      2,
      /error: report: the GitHub API URL http:\/\/127\.0\.0\.1:\d+ answered 404 for GET \/user: it is not the API's root\nfix: give --api-url/,
    ],
    [
      "a token refused (401): exit 3 with the CLI's fix",
      401,
      true,
      3,
      /error: report: GitHub did not accept GITHUB_TOKEN for acme\/model#7: GitHub API .* failed: 401 boom; the reports are written, not posted\nfix: export GITHUB_TOKEN as a token GitHub knows/,
    ],
  ])('%s', async (_name, status, userOk, code, message) => {
    const server = createServer((req, res) => {
      res.writeHead(userOk && req.url === '/user' ? 200 : status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          userOk && req.url === '/user'
            ? { login: 'bot' }
            : { message: status === 404 ? 'Not Found' : 'boom' },
        ),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      writeFileSync(path.join(dir, 'ml-image.yml'), CONFIG.replace('1GB', '8GB'));
      records();
      const port = (server.address() as AddressInfo).port;
      const io = captureIo(dir, fakeDocker(), { ...env(), GITHUB_TOKEN: 'ghs_x' });
      const argv = ['report', '--results', 'res', '--pr', '7', '--repo', 'acme/model'];
      const rc = await runCli([...argv, '--api-url', `http://127.0.0.1:${port}`], io);
      expect(rc, io.err()).toBe(code);
      expect(io.err()).toMatch(message);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('ml-image report --out DIR', () => {
  it('writes the reports to DIR (created), leaving the result directory as it was', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), CONFIG.replace('1GB', '8GB'));
    const res = records();
    const before = listed(res).sort();
    const io = captureIo(dir, fakeDocker(), env());
    expect(await runCli(['report', '--results', 'res', '--out', 'reports/pr-7'], io)).toBe(0);
    const out = path.join(dir, 'reports', 'pr-7');
    expect(listed(out).sort()).toEqual(['report-cpu.json', 'report-cpu.md', 'report.md']);
    expect(listed(res).sort()).toEqual(before);
    expect(io.out()).toMatch(/ml-image report: .*acme\/model/);
  });
});

describe('nothing to report: the report files an earlier run left are removed (only those)', () => {
  const STALE = [
    'report.md',
    'report-cpu.md',
    'report-cpu.json',
    path.join('comment', COMMENT_ARTIFACT_FILE),
  ];
  const KEPT = ['report-other.md', 'notes.md', 'build.json'];

  function seed(res: string) {
    mkdirSync(path.join(res, 'comment'), { recursive: true });
    for (const f of [...STALE, ...KEPT]) writeFileSync(path.join(res, f), 'from an earlier run: pass\n');
  }

  it('the report stage: a variant without records loses its report-<variant>; a run without any, report.md too', async () => {
    const config = validateConfigData(
      { image: { name: 'acme/model' }, variants: ['cpu', 'cuda12.8'], platforms: ['linux/amd64'] },
      'ml-image.yml',
    );
    const plan = planBuild(config, { catalog: bundledCatalog(), git: {}, now: new Date() });
    const res = openResultDir(path.join(dir, 'res'));
    seed(res.dir!);
    const progress: string[] = [];
    const io = { env: {}, progress: (l: string) => progress.push(l), warning: () => undefined };
    const input = { plan, config, results: res, git: {}, options: { mode: 'off' as const, baseline: null } };
    // cuda12.8 has records, cpu none: cpu's report files go, report.md is this run's (and names cpu).
    res.writeEnv('cuda12.8', 'linux/amd64', makeRecord({ variant: 'cuda12.8' }));
    const some = await reportStage(input, io);
    expect(some.outcomes.map((o) => o.variant)).toEqual(['cuda12.8']);
    expect(existsSync(path.join(res.dir!, 'report-cpu.md'))).toBe(false);
    expect(existsSync(path.join(res.dir!, 'report-cpu.json'))).toBe(false);
    const run = readFileSync(path.join(res.dir!, 'report.md'), 'utf8');
    expect(run).toContain('<details><summary>cuda12.8: ');
    expect(run).toMatch(/^- \*\*cpu\*\*: ⚠️ not reported: /m);
    // No records at all: nothing of the report stage is left, everything else is.
    seed(res.dir!);
    rmSync(path.join(res.dir!, 'env-cuda12.8-amd64.json'));
    rmSync(path.join(res.dir!, 'report-cuda12.8.md'));
    const none = await reportStage(input, io);
    expect(none.outcomes).toEqual([]);
    for (const f of STALE) expect(existsSync(path.join(res.dir!, f)), f).toBe(false);
    for (const f of KEPT) expect(existsSync(path.join(res.dir!, f)), f).toBe(true);
    expect(progress).toContain(
      `removed an earlier run's report.md, ${path.join('comment', COMMENT_ARTIFACT_FILE)} from ${res.dir}`,
    );
  });

  it('a link at comment/: the file where it points is not removed (nothing outside the result directory)', async () => {
    const config = validateConfigData(
      { image: { name: 'acme/model' }, variants: ['cpu'], platforms: ['linux/amd64'] },
      'ml-image.yml',
    );
    const plan = planBuild(config, { catalog: bundledCatalog(), git: {}, now: new Date() });
    const res = openResultDir(path.join(dir, 'res'));
    const elsewhere = path.join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(path.join(elsewhere, COMMENT_ARTIFACT_FILE), "not the tool's\n");
    symlinkSync(elsewhere, path.join(res.dir!, 'comment'));
    writeFileSync(path.join(res.dir!, 'report.md'), 'from an earlier run: pass\n');
    const progress: string[] = [];
    const io = { env: {}, progress: (l: string) => progress.push(l), warning: () => undefined };
    const input = { plan, config, results: res, git: {}, options: { mode: 'off' as const, baseline: null } };
    expect((await reportStage(input, io)).outcomes).toEqual([]);
    expect(existsSync(path.join(res.dir!, 'report.md'))).toBe(false);
    expect(readFileSync(path.join(elsewhere, COMMENT_ARTIFACT_FILE), 'utf8')).toBe("not the tool's\n");
    expect(progress).toContain(`removed an earlier run's report.md from ${res.dir}`);
  });

  it('ml-image run with nothing to report: the earlier report.md is gone, build.json stays', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), CONFIG);
    const res = path.join(dir, 'res');
    mkdirSync(res);
    seed(res);
    // Records of another variant only: the run goes on (a directory with none is refused before
    // any stage: run-earlier-results.test.ts), and reports none of them.
    records('res', 2e9, 'other');
    const io = captureIo(dir, fakeDocker(), env());
    expect(await runCli(['run', '--stages', 'report', '--baseline', 'none', '--out', 'res'], io)).toBe(0);
    expect(io.out()).toBe('');
    for (const f of STALE) expect(existsSync(path.join(res, f)), f).toBe(false);
    for (const f of KEPT) expect(existsSync(path.join(res, f)), f).toBe(true);
  });
});
