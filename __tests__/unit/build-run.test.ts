import { getEventListeners } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRequirements } from '../../src/requirements/read.js';
import {
  BUILD_SECRET_IDS,
  type BuildInputs,
  INPUTS_DIGEST_ARG,
  inputsDigest,
  publicPlanArgs,
  secretEnvFrom,
  secretEnvScript,
  shellQuote,
} from '../../src/build/inputs.js';
import { outputMasker } from '../../src/python/indexes.js';
import {
  afterFailedAttempt,
  failureReason,
  isTransient,
  MAX_ATTEMPTS,
  nextAttempt,
  RETRY_BUDGET_MS,
  retryWaitMs,
} from '../../src/build/retry.js';
import { type BuildStageInput, runBuildStage } from '../../src/build/stage.js';
import type { VariantBuild } from '../../src/build/result.js';
import { findImagesDir } from '../../src/util/images-dir.js';
import { validateConfigData } from '../../src/config/load.js';
import type { CommandRunner, ExecOptions } from '../../src/docker/adapter.js';
import { CheckFailedError, ConfigError, EnvironmentError, exitCodeOf, InputError } from '../../src/errors.js';
import { readGitHubEventFile } from '../../src/github/event.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { fakeDocker } from '../helpers/fakes.js';

/** git in a directory that is no repository (exit 128), without starting it: unit tests start no processes. */
const NO_GIT: CommandRunner = {
  run: async () => ({ exitCode: 128, stdout: '', stderr: 'fatal: not a git repository' }),
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-buildrun-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const DIGEST = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;

/** hang: a build that runs until it is stopped (its signal aborted), then exits 143. */
type Outcome = { ok: true } | { ok: false; log: string } | { hang: true };

/** A secret file as buildx found it when called (the stage deletes its work directory afterwards). */
type SecretFile = { path: string; content: string; mode: number; dirMode: number };

/** A Docker adapter whose buildx replays scripted outcomes per architecture and writes the metadata file. */
function scriptedDocker(outcomes: Partial<Record<'amd64' | 'arm64', Outcome[]>>, buildxVersion = '0.21.2') {
  const calls: string[][] = [];
  /** Per call: secret id -> the file buildx would read. */
  const secretFiles: Record<string, SecretFile>[] = [];
  const merges: { tags: readonly string[]; sources: readonly string[] }[] = [];
  /** Hanging builds that were stopped: whether their work files were still there then. */
  const stopped: { arch: string; metadataDirThere: boolean }[] = [];
  /** The Dockerfile-specific ignore file beside each build's Dockerfile, when there is one. */
  const ignoreFiles: (string | undefined)[] = [];
  /** The signals the builds were given (a variant's, shared by its platforms). */
  const signals = new Set<AbortSignal>();
  const seen: Record<string, number> = {};
  let n = 0;
  const docker = fakeDocker({
    buildxVersion: async () => buildxVersion,
    buildxInspect: async () => ({
      name: 'ml',
      driver: 'docker-container',
      platforms: ['linux/amd64', 'linux/arm64'],
    }),
    imageDigest: async (ref) => {
      if (ref.includes('nodigest')) throw new Error('MANIFEST_UNKNOWN');
      return ref.includes('python') ? DIGEST(9) : DIGEST(7);
    },
    buildx: async (args: readonly string[], options?: ExecOptions) => {
      calls.push([...args]);
      if (options?.signal) signals.add(options.signal);
      const dockerfile = `${args[args.indexOf('--file') + 1]!}.dockerignore`;
      ignoreFiles.push(existsSync(dockerfile) ? readFileSync(dockerfile, 'utf8') : undefined);
      const files: Record<string, SecretFile> = {};
      args.forEach((a, i) => {
        const m = args[i - 1] === '--secret' ? /^id=([^,]+),src=(.+)$/.exec(a) : null;
        if (m)
          files[m[1]!] = {
            path: m[2]!,
            content: readFileSync(m[2]!, 'utf8'),
            mode: statSync(m[2]!).mode & 0o777,
            dirMode: statSync(path.dirname(path.dirname(m[2]!))).mode & 0o777,
          };
      });
      secretFiles.push(files);
      const arch = args[args.indexOf('--platform') + 1]!.split('/')[1] as 'amd64' | 'arm64';
      const k = (seen[arch] = (seen[arch] ?? 0) + 1);
      const outcome = outcomes[arch]?.[k - 1] ?? { ok: true };
      if ('hang' in outcome) {
        await new Promise<void>((resolve) =>
          options?.signal?.addEventListener('abort', () => resolve(), { once: true }),
        );
        const meta = args[args.indexOf('--metadata-file') + 1]!;
        stopped.push({ arch, metadataDirThere: existsSync(path.dirname(meta)) });
        // The build ends a moment after its SIGTERM.
        await new Promise((r) => setTimeout(r, 20));
        return { exitCode: 143, stdout: '', stderr: 'ERROR: canceled' };
      }
      if (!outcome.ok) {
        for (const l of outcome.log.split('\n')) options?.onLine?.(l, 'stderr');
        return { exitCode: 1, stdout: '', stderr: outcome.log };
      }
      const meta = args[args.indexOf('--metadata-file') + 1]!;
      writeFileSync(meta, JSON.stringify({ 'containerimage.digest': DIGEST(arch === 'amd64' ? 1 : 2) }));
      n++;
      return { exitCode: 0, stdout: '', stderr: '' };
    },
    imagetoolsCreate: async (tags, sources) => {
      merges.push({ tags, sources });
      return DIGEST(7);
    },
  });
  const callsFor = (arch: string) => calls.filter((a) => a.includes(`linux/${arch}`));
  return { docker, calls, callsFor, merges, secretFiles, stopped, ignoreFiles, signals, built: () => n };
}

function setup(extra: Record<string, unknown> = {}) {
  writeFileSync(path.join(dir, 'requirements.txt'), 'numpy<2\n-r more.txt\n');
  writeFileSync(path.join(dir, 'more.txt'), 'opencv-python-headless\n');
  const config = validateConfigData(
    {
      image: { name: 'o/m', registry: 'localhost:5000' },
      python: { requirements: ['requirements.txt'] },
      ...extra,
    },
    'x',
  );
  const plan = planBuild(config, { catalog: bundledCatalog(), git: { sha: 'abcdef1234' }, now: new Date(0) });
  return { config, plan };
}

async function run(
  outcomes: Parameters<typeof scriptedDocker>[0],
  extra: Record<string, unknown> = {},
  env: Record<string, string> = {},
  buildxVersion?: string,
  more: Partial<BuildStageInput> = {},
) {
  const { config, plan } = setup(extra);
  const s = scriptedDocker(outcomes, buildxVersion);
  const progress: string[] = [];
  const output: string[] = [];
  const sleeps: number[] = [];
  const result = runBuildStage(
    {
      plan,
      config,
      baseDir: dir,
      imagesDir: findImagesDir(process.cwd()),
      push: true,
      resolved: {
        'cpu/linux/amd64': { constraints: 'numpy==1.26.4', requirements: 'numpy<2\nopencv-python-headless' },
      },
      ...more,
    },
    {
      docker: s.docker,
      exec: NO_GIT,
      env,
      // As the pipeline hands it over: the payload at GITHUB_EVENT_PATH.
      event: readGitHubEventFile(env.GITHUB_EVENT_PATH),
      progress: (l) => progress.push(l),
      output: (l) => output.push(l),
      sleep: async (ms) => void sleeps.push(ms),
    },
  );
  return { result, ...s, progress, output, sleeps, plan };
}

const buildArg = (args: readonly string[], name: string) =>
  args.flatMap((a, i) =>
    args[i - 1] === '--build-arg' && a.startsWith(`${name}=`) ? [a.slice(name.length + 1)] : [],
  )[0];

describe('runBuildStage (plain-object Docker)', () => {
  it("keeps this tool's files out of the context: a copy of the Dockerfile beside its own ignore file", async () => {
    writeFileSync(path.join(dir, '.dockerignore'), '.git\n');
    const r = await run({}, {}, {}, undefined, {
      keepOut: [path.join(dir, 'ml-image-results'), path.join(dir, '.ml-image-action'), path.dirname(dir)],
    });
    await r.result;
    for (const args of r.calls) {
      const file = args[args.indexOf('--file') + 1]!;
      expect(file).toMatch(/[/]dockerfile-cpu[/]Dockerfile$/);
      // The context itself is unchanged, and still the last argument.
      expect(args.at(-1)).toBe(dir);
    }
    // What BuildKit reads instead of the context's .dockerignore: it, then the paths inside the
    // context (the parent directory is not one of them).
    expect(r.ignoreFiles).toEqual(
      [0, 1].map(
        () =>
          '.git\n# kept out by ml-image (its config, records and secret files)\n/ml-image-results\n/.ml-image-action\n**/*.git\n**/gha-creds-*.json\n**/.env\n**/.env.*\n**/.envrc\n**/.netrc\n**/.pypirc\n**/.git-credentials\n',
      ),
    );
    expect(r.progress.filter((l) => l.includes('kept out'))).toEqual([
      "note: ml-image-results, .ml-image-action kept out of the build context (this tool's config, records and files, the files read as secrets, git's, the credential files the environment names, files that hold secrets by convention such as .env and .netrc, and the outputs' destinations: never copied into the image)",
    ]);
    expect(readFileSync(path.join(dir, '.dockerignore'), 'utf8')).toBe('.git\n');
  });

  it("none of this tool's files in the context: the ignore file keeps only nested clones' .git out, without a note", async () => {
    const r = await run({}, {}, {}, undefined, { keepOut: [path.join(path.dirname(dir), 'elsewhere')] });
    await r.result;
    for (const args of r.calls) {
      const file = args[args.indexOf('--file') + 1]!;
      expect(file).toMatch(/[/]dockerfile-cpu[/]Dockerfile$/);
    }
    expect(r.ignoreFiles).toEqual(
      [0, 1].map(
        () =>
          '# kept out by ml-image (its config, records and secret files)\n**/*.git\n**/gha-creds-*.json\n**/.env\n**/.env.*\n**/.envrc\n**/.netrc\n**/.pypirc\n**/.git-credentials\n',
      ),
    );
    expect(r.progress.filter((l) => l.includes('kept out'))).toEqual([]);
  });

  it('builds each platform, then merges the digests under the variant tags', async () => {
    const r = await run({});
    const result = await r.result;
    expect(r.calls).toHaveLength(2);
    expect(r.merges).toEqual([
      {
        tags: ['localhost:5000/o/m:sha-abcdef1-cpu'],
        sources: [`localhost:5000/o/m@${DIGEST(1)}`, `localhost:5000/o/m@${DIGEST(2)}`],
      },
    ]);
    const v = result.variants[0]!;
    expect(v.digest).toBe(DIGEST(7));
    expect(v.baseDigest).toBe(DIGEST(9));
    expect(v.platforms.map((p) => [p.platform, p.attempts])).toEqual([
      ['linux/amd64', 1],
      ['linux/arm64', 1],
    ]);
    // When each finished, for the provenance (made later, in the attest stage): a real time.
    const started = Date.now() - 60_000;
    for (const p of v.platforms) {
      expect(Date.parse(p.finishedAt!)).toBeGreaterThan(started);
      expect(Date.parse(p.finishedAt!)).toBeLessThanOrEqual(Date.now());
    }
  });

  it.each([
    ['merge: false (a matrix build job: the merge job annotates the list)', true, { merge: false }],
    ['a merge of its own, without index annotations (buildx < 0.12)', false, {}],
  ])('%s: OCI media types pushed: %s', async (_what, oci, more) => {
    const r = await run({}, {}, {}, '0.11.2', more);
    await r.result;
    for (const args of r.calls)
      expect(args[args.indexOf('--output') + 1]!.endsWith(',oci-mediatypes=true')).toBe(oci);
  });

  it('push: false: each platform is loaded under its local tag and recorded as not pushed', async () => {
    const r = await run({}, {}, {}, undefined, { push: false });
    const v = (await r.result).variants[0]!;
    expect(r.merges).toEqual([]);
    expect(v.platforms.map((p) => [p.localRef, p.pushed])).toEqual([
      ['localhost:5000/o/m:ml-image-local-cpu-amd64', false],
      ['localhost:5000/o/m:ml-image-local-cpu-arm64', false],
    ]);
    // Nothing asked to load them (a fork's run): no word of the tags.
    expect(r.progress.filter((l) => l.includes('are not applied'))).toEqual([]);
  });

  it('load with push false and two platforms: says once that the tags are not applied (build-push-action fails there)', async () => {
    const r = await run({}, {}, {}, undefined, { push: false, options: { load: true } });
    await r.result;
    const said = r.progress.filter((l) => l.includes('are not applied'));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(
      /^warning: cpu: with load, push false and 2 platforms each platform's image is loaded as localhost:5000\/o\/m:ml-image-local-cpu-ARCH only; its tags \(.+\) are not applied/,
    );
    expect(said[0]).toContain('localhost:5000/o/m:sha-abcdef1-cpu');
  });

  it('passes requirements and constraints as secret files (0600 in a 0700 dir), never build args', async () => {
    const r = await run({});
    await r.result;
    const args = r.calls[0]!;
    const [amd, arm] = r.secretFiles;
    // amd64: the resolver's requirements and constraints; arm64: the files as written, includes inlined
    expect(amd![BUILD_SECRET_IDS.requirements]!.content).toBe('numpy<2\nopencv-python-headless\n');
    expect(amd![BUILD_SECRET_IDS.constraints]!.content).toBe('numpy==1.26.4\n');
    expect(arm![BUILD_SECRET_IDS.requirements]!.content).toBe('numpy<2\nopencv-python-headless\n');
    expect(arm![BUILD_SECRET_IDS.constraints]!.content).toBe('');
    for (const f of Object.values(amd!)) {
      expect(f.mode).toBe(0o600);
      expect(f.dirMode).toBe(0o700);
    }
    expect(Object.keys(amd!).sort()).toEqual(Object.values(BUILD_SECRET_IDS).sort());
    for (const a of r.calls.flat().filter((_, i, all) => all[i - 1] === '--build-arg'))
      expect(a).not.toMatch(/^(REQUIREMENTS_TXT|CONSTRAINTS_TXT|INDEX_URL|EXTRA_INDEX_URL|TORCH_INDEX_URL)=/);
    expect(buildArg(args, INPUTS_DIGEST_ARG)).toMatch(/^[0-9a-f]{64}$/);
    // different constraints per platform: different digests, so the pip layer is not shared
    expect(buildArg(args, INPUTS_DIGEST_ARG)).not.toBe(buildArg(r.calls[1]!, INPUTS_DIGEST_ARG));
    expect(args).toContain(`io.github.ml-image-action.base-digest=${DIGEST(9)}`);

    expect(args).toContain('--output');
    expect(args.find((a) => a.startsWith('type=image'))).toContain('push-by-digest=true');
  });

  it("a -c file's lines are the constraints where the resolver left none; where it answered, its own (which hold them)", async () => {
    writeFileSync(path.join(dir, 'requirements.txt'), 'numpy<2\n-c pins.txt\n');
    writeFileSync(path.join(dir, 'pins.txt'), 'numpy==1.26.4  # held\nscipy<1.12\n');
    const { config, plan } = setup();
    // setup() wrote its own requirements.txt: this test's again.
    writeFileSync(path.join(dir, 'requirements.txt'), 'numpy<2\n-c pins.txt\n');
    const s = scriptedDocker({});
    await runBuildStage(
      {
        plan,
        config,
        baseDir: dir,
        imagesDir: findImagesDir(process.cwd()),
        push: true,
        resolved: { 'cpu/linux/amd64': { constraints: 'resolver', requirements: 'numpy<2' } },
      },
      { docker: s.docker, exec: NO_GIT, env: {}, progress: () => undefined, sleep: async () => undefined },
    );
    const [amd, arm] = s.secretFiles;
    expect(amd![BUILD_SECRET_IDS.constraints]!.content).toBe('resolver\n');
    expect(arm![BUILD_SECRET_IDS.requirements]!.content).toBe('numpy<2\n');
    expect(arm![BUILD_SECRET_IDS.constraints]!.content).toBe('numpy==1.26.4\nscipy<1.12\n');
  });

  it("a base whose digest is unknown: the base-digest labels are set empty, so the base image's own are not inherited", async () => {
    const r = await run({}, { variants: [{ name: 'own', base: 'localhost:5000/nodigest/base:1' }] });
    await r.result;
    const args = r.calls[0]!;
    expect(args).toContain('io.github.ml-image-action.base-digest=');
    expect(args).toContain('org.opencontainers.image.base.digest=');
    expect(r.progress.join('\n')).toContain('could not resolve the digest of localhost:5000/nodigest/base:1');
  });

  it('retries a transient failure with backoff, then succeeds', async () => {
    const r = await run({
      amd64: [{ ok: false, log: 'ERROR: failed to push: read tcp 10.0.0.1:443: connection reset by peer' }],
    });
    const result = await r.result;
    expect(r.callsFor('amd64')).toHaveLength(2);
    expect(r.callsFor('arm64')).toHaveLength(1);
    expect(r.sleeps).toEqual([2000]);
    expect(result.variants[0]!.platforms[0]!.attempts).toBe(2);
    expect(
      r.progress.some((l) => l.includes('transient failure') && l.includes('connection reset by peer')),
    ).toBe(true);
    // The wait's listener on the variant's signal went with it (one per wait would pile up).
    expect(r.signals.size).toBe(1);
    for (const signal of r.signals) expect(getEventListeners(signal, 'abort')).toEqual([]);
  });

  it('a first attempt longer than the retry budget still gets its retries: the budget counts from the first failure', async () => {
    const { config, plan } = setup();
    const reset = {
      ok: false as const,
      log: 'ERROR: failed to push: read tcp 10.0.0.1:443: connection reset by peer',
    };
    const s = scriptedDocker({ amd64: [reset, reset] });
    let clock = 0;
    const buildx = s.docker.buildx;
    // A torch install: the first amd64 attempt runs 10 minutes, then its push is reset; each
    // retry (its steps cached) takes 30 s.
    s.docker.buildx = async (args, options) => {
      if (args.includes('linux/amd64')) clock += s.callsFor('amd64').length === 0 ? 600_000 : 30_000;
      return buildx(args, options);
    };
    const sleeps: number[] = [];
    const result = await runBuildStage(
      { plan, config, baseDir: dir, imagesDir: findImagesDir(process.cwd()), push: true },
      {
        docker: s.docker,
        exec: NO_GIT,
        env: {},
        progress: () => {},
        now: () => clock,
        sleep: async (ms) => {
          sleeps.push(ms);
          clock += ms;
        },
      },
    );
    expect(s.callsFor('amd64')).toHaveLength(MAX_ATTEMPTS);
    expect(sleeps).toEqual([2000, 4000]);
    expect(result.variants[0]!.platforms[0]!.attempts).toBe(MAX_ATTEMPTS);
  });

  it.each([
    [
      'its layer, at export',
      `#10 exporting to image\n#10 ERROR: failed to get layer sha256:${'2'.repeat(64)}: layer does not exist\nERROR: failed to solve: failed to get layer sha256:${'2'.repeat(64)}: layer does not exist`,
    ],
    [
      "its snapshot, at the next step (dockerd's BuildKit after an image removal)",
      '#7 CACHED\n#8 [3/5] RUN pip install\n#8 ERROR: failed to prepare 43jqk4y53v888vjrdc0pa7i6u: open /var/lib/docker/overlay2/e0xwgo6erb0ct7u33vl0dlba4/committed: no such file or directory\nERROR: failed to solve: failed to prepare 43jqk4y53v888vjrdc0pa7i6u: open /var/lib/docker/overlay2/e0xwgo6erb0ct7u33vl0dlba4/committed: no such file or directory',
    ],
  ])(
    'a cached step whose %s the engine lacks: built once more without any cache, at once',
    async (_, log) => {
      const r = await run({ amd64: [{ ok: false, log }] });
      const result = await r.result;
      const [first, second] = r.callsFor('amd64');
      expect(first).toContain('--cache-from');
      expect(first).not.toContain('--no-cache');
      expect(second).not.toContain('--cache-from');
      expect(second).toContain('--no-cache');
      // The same build otherwise, the context still last; the cache is still exported.
      expect(second!.at(-1)).toBe(first!.at(-1));
      expect(second!.filter((a) => a !== '--no-cache')).toEqual(
        first!.filter((a, i) => a !== '--cache-from' && first![i - 1] !== '--cache-from'),
      );
      expect(r.sleeps).toEqual([]);
      expect(result.variants[0]!.platforms[0]!.attempts).toBe(2);
      expect(r.progress.some((l) => l.includes('lacks a layer of a cached step'))).toBe(true);
    },
  );

  it('lacking a snapshot again without any cache: exit 3 naming the engine store, not "fix the Dockerfile"', async () => {
    const missing = {
      ok: false as const,
      log: '#8 ERROR: failed to prepare 43jq: open /var/lib/docker/overlay2/e0xw/committed: no such file or directory\nERROR: failed to solve: failed to prepare 43jq: open /var/lib/docker/overlay2/e0xw/committed: no such file or directory',
    };
    const r = await run({ amd64: [missing, missing] });
    const err = await r.result.catch((e: unknown) => e);
    expect(exitCodeOf(err)).toBe(3);
    expect((err as Error).message).toMatch(
      /^build cpu\/amd64: the engine lacks a layer or snapshot it holds as present/,
    );
    expect((err as EnvironmentError).fix).toMatch(
      /^the engine's image store changed under the build or is damaged/,
    );
    // Two attempts, the second without any cache; no third.
    expect(r.callsFor('amd64')).toHaveLength(2);
    expect(r.callsFor('amd64')[1]).toContain('--no-cache');
  });

  it('gives up after 3 attempts on a failure that stays transient: exit 3, the retry bound stated', async () => {
    const bad = {
      ok: false as const,
      log: 'ERROR: received unexpected HTTP status: 503 Service Unavailable',
    };
    const r = await run({ amd64: [bad, bad, bad] });
    const err = await r.result.catch((e) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.exitCode).toBe(3);
    expect(err.message).toMatch(/and 3 attempts: received unexpected HTTP status: 503/);
    expect(err.fix).toContain(`${MAX_ATTEMPTS} attempts or ${RETRY_BUDGET_MS / 1000}s`);
    expect(r.sleeps).toEqual([2000, 4000]);
    expect(r.merges).toEqual([]); // nothing half-tagged
  });

  it('fails at once on a deterministic failure, with the reason and the end of the log', async () => {
    const log = [
      '#5 [2/4] RUN pip install -r /tmp/requirements.txt',
      '#5 2.1 ERROR: ResolutionImpossible: numpy==1.26.4 conflicts with opencv-python-headless 4.13.0.90',
      'ERROR: failed to solve: process "/bin/sh -c pip install -r /tmp/requirements.txt" did not complete successfully: exit code: 1',
    ].join('\n');
    const r = await run({ amd64: [{ ok: false, log }] });
    const err = await r.result.catch((e) => e);
    expect(err).toBeInstanceOf(CheckFailedError);
    expect(err.exitCode).toBe(1);
    expect(err.message).toContain('build cpu/amd64 failed after');
    expect(err.message).toContain(': failed to solve: process "/bin/sh -c pip install');
    expect(err.message).toContain('ResolutionImpossible');
    expect(r.callsFor('amd64')).toHaveLength(1);
    expect(r.sleeps).toEqual([]);
    expect(r.merges).toEqual([]);
  });

  it('a platform that fails stops the other one still building, and the stage ends after it with the first failure', async () => {
    const log =
      'ERROR: failed to solve: process "/bin/sh -c pip install" did not complete successfully: exit code: 1';
    // The docker-container driver builds both platforms at once: arm64 (under QEMU) is still going.
    const r = await run({ amd64: [{ ok: false, log }], arm64: [{ hang: true }] });
    const err = await r.result.catch((e) => e);
    expect(err).toBeInstanceOf(CheckFailedError);
    expect(err.message).toContain('build cpu/amd64 failed after');
    // arm64 was stopped while its work files were still there, not retried, and reported nothing
    // of its own (its exit is not a failure of its build).
    expect(r.stopped).toEqual([{ arch: 'arm64', metadataDirThere: true }]);
    expect(r.callsFor('arm64')).toHaveLength(1);
    expect(r.progress.filter((l) => l.includes('arm64') && /fail|retry/.test(l))).toEqual([]);
    expect(r.merges).toEqual([]);
  });

  it.each([
    [
      'no daemon',
      'ERROR: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    ],
    [
      'registry refuses the push',
      'ERROR: failed to push localhost:5000/o/m: dial tcp 127.0.0.1:5000: connect: connection refused',
    ],
  ])('%s during a build is an environment problem (exit 3), not retried', async (_n, log) => {
    const r = await run({ amd64: [{ ok: false, log }] });
    const err = await r.result.catch((e) => e);
    expect(err.exitCode).toBe(3);
    expect(err.fix).toBeTruthy();
    expect(r.callsFor('amd64')).toHaveLength(1);
  });

  it('reports each target as soon as it is built, before a later target fails (the post step removes it)', async () => {
    const { config, plan } = setup({ variants: ['cpu', { cuda: '12.8' }], platforms: ['linux/amd64'] });
    const log =
      'ERROR: failed to solve: process "/bin/sh -c pip install" did not complete successfully: exit code: 1';
    const s = scriptedDocker({ amd64: [{ ok: true }, { ok: false, log }] });
    const built: VariantBuild[] = [];
    const err = await runBuildStage(
      { plan, config, baseDir: dir, imagesDir: findImagesDir(process.cwd()), push: true },
      { docker: s.docker, exec: NO_GIT, env: {}, progress: () => {}, builtTarget: (t) => built.push(t) },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckFailedError);
    expect(built).toEqual([
      {
        variant: 'cpu',
        repository: plan.repository,
        tags: [],
        baseImage: plan.variants[0]!.base.ref,
        baseDigest: DIGEST(9),
        platforms: [expect.objectContaining({ platform: 'linux/amd64', digest: DIGEST(1) })],
      },
    ]);
  });

  it("a push of another branch reads the default branch's registry cache, writes none of it, and pushes by its own tags", async () => {
    const event = path.join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ repository: { default_branch: 'main' } }));
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'o/m',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: event,
    };
    const feature = await run(
      {},
      { build: { cache: 'registry' } },
      { ...env, GITHUB_REF: 'refs/heads/feature' },
    );
    await feature.result;
    const [args] = feature.callsFor('amd64');
    expect(args!.filter((a, i) => args![i - 1] === '--cache-to')).toEqual([]);
    expect(args).toContain('type=registry,ref=localhost:5000/o/m:cache-cpu-amd64');
    expect(feature.progress.join('\n')).toMatch(
      /a run of refs\/heads\/feature, not of the default branch main, so it writes no cache the default branch reads \(the docker driver pushes by ml-image-build\.ref-[0-9a-f]{8}-\* tags\)/,
    );
    // The default branch's own push writes it, as before.
    const main = await run({}, { build: { cache: 'registry' } }, { ...env, GITHUB_REF: 'refs/heads/main' });
    await main.result;
    const [mainArgs] = main.callsFor('amd64');
    expect(mainArgs!.filter((a, i) => mainArgs![i - 1] === '--cache-to')).toEqual([
      'type=registry,ref=localhost:5000/o/m:cache-cpu-amd64,mode=max,image-manifest=true,oci-mediatypes=true',
    ]);
    expect(main.progress.join('\n')).not.toContain('writes no cache');
  });

  it('refuses a build secret that is not in the environment', async () => {
    const r = await run({}, { build: { secrets: ['HF_TOKEN'] } }, {});
    const err = await r.result.catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toBe('build.secrets: HF_TOKEN is not set in the environment');
    expect(r.calls).toHaveLength(0);
  });

  it('passes secrets by id only, so their values never reach the argv', async () => {
    const r = await run(
      {},
      { build: { secrets: ['HF_TOKEN'] } },
      { HF_TOKEN: 'hf_plantedSecretValue123456' },
    );
    await r.result;
    for (const args of r.calls) {
      expect(args).toContain('id=HF_TOKEN,env=HF_TOKEN');
      expect(args.join(' ')).not.toContain('hf_plantedSecretValue123456');
    }
  });

  it('index URLs reach pip in the pip.conf secret, their logins in the netrc secret, never argv, log or result', async () => {
    const log =
      'ERROR: failed to solve: pip could not fetch http://mlimg:tok_log_3333@idx.corp/simple/numpy/';
    const r = await run(
      { amd64: [{ ok: false, log }] },
      {
        python: {
          requirements: ['requirements.txt'],
          indexUrl: 'https://mlimg:tok_index_1111@idx.corp/simple',
          extraIndexUrls: ['https://x:tok_extra_2222@extra.corp/simple'],
        },
      },
    );
    const err = await r.result.catch((e) => e);
    // pip copies the URLs onto the command line of the pip that builds an sdist: they carry no login.
    expect(r.secretFiles[0]![BUILD_SECRET_IDS.pipConf]!.content).toBe(
      '[global]\nindex-url = https://idx.corp/simple\nextra-index-url =\n    https://extra.corp/simple\n',
    );
    expect(r.secretFiles[0]![BUILD_SECRET_IDS.netrc]!.content).toBe(
      'machine idx.corp login mlimg password tok_index_1111\nmachine extra.corp login x password tok_extra_2222\n',
    );
    const shown = [r.calls.flat().join(' '), err.message, err.fix, ...r.progress, ...r.output].join('\n');
    for (const token of ['tok_index_1111', 'tok_extra_2222', 'tok_log_3333'])
      expect(shown).not.toContain(token);
    expect(err.message).toContain('http://mlimg:***@idx.corp/simple/numpy/');
  });

  describe('your own Dockerfile without the netrc mount: a warning, where an index has a login', () => {
    const LOGIN = { indexUrl: 'https://u:tok_own_5555@idx.corp/simple' };
    const OLD =
      'FROM x\nRUN --mount=type=secret,id=ml_image_pip_conf PIP_CONFIG_FILE=/run/secrets/ml_image_pip_conf pip install -r r.txt\n';
    const NEW = OLD.replace('RUN ', 'RUN --mount=type=secret,id=ml_image_netrc ');
    it.each<[string, string | undefined, Record<string, unknown>, boolean]>([
      ['mounts the pip.conf alone, an index with a login', OLD, LOGIN, true],
      ['mounts the netrc file too', NEW, LOGIN, false],
      ['no index has a login', OLD, { indexUrl: 'https://idx.corp/simple' }, false],
      ['mounts none of ours (its own pip setup)', 'FROM x\nRUN pip install numpy\n', LOGIN, false],
      ['the bundled template (it mounts both)', undefined, LOGIN, false],
    ])('%s', async (_name, text, python, warned) => {
      if (text !== undefined) writeFileSync(path.join(dir, 'Own.Dockerfile'), text);
      const r = await run(
        {},
        {
          python: { requirements: ['requirements.txt'], ...python },
          ...(text !== undefined && { build: { dockerfile: 'Own.Dockerfile' } }),
        },
      );
      await r.result;
      const warnings = r.progress.filter((l) => l.includes('but not ml_image_netrc'));
      expect(warnings).toHaveLength(warned ? 1 : 0);
      if (warned)
        expect(warnings[0]).toMatch(/^warning: .*Own\.Dockerfile mounts the ml_image_pip_conf secret/);
      expect(r.progress.join('\n')).not.toContain('tok_own_5555');
    });
  });

  it.each<[string, string | undefined, boolean]>([
    ['FROM another image', 'FROM busybox:1.36\nRUN true\n', true],
    ['FROM ${BASE_IMAGE}', 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN true\n', false],
    ['the bundled template', undefined, false],
  ])(
    'your own Dockerfile that starts from another image than the planned base is said: %s',
    async (_n, text, warned) => {
      if (text !== undefined) writeFileSync(path.join(dir, 'Own.Dockerfile'), text);
      const r = await run({}, text !== undefined ? { build: { dockerfile: 'Own.Dockerfile' } } : {});
      await r.result;
      const warnings = r.progress.filter((l) => l.includes('the build starts FROM'));
      expect(warnings).toHaveLength(warned ? 1 : 0);
      if (warned)
        expect(warnings[0]).toMatch(
          /^warning: cpu: Own\.Dockerfile:1: the build starts FROM busybox:1\.36, not the variant's planned base \S+: .*labels, SBOM and provenance name it\. Write FROM \$\{BASE_IMAGE\}/,
        );
    },
  );

  it('PIP_INDEX_URL from the environment is used when the config names no index', async () => {
    const r = await run({}, {}, { PIP_INDEX_URL: 'https://u:tok_env_4444@idx.corp/simple' });
    await r.result;
    expect(r.secretFiles[0]![BUILD_SECRET_IDS.pipConf]!.content).toBe(
      '[global]\nindex-url = https://idx.corp/simple\n',
    );
    expect(r.secretFiles[0]![BUILD_SECRET_IDS.netrc]!.content).toBe(
      'machine idx.corp login u password tok_env_4444\n',
    );
    expect(r.calls.flat().join(' ')).not.toContain('tok_env_4444');
  });

  it('the torch index travels as a secret; TORCH_VERSION stays a build arg', async () => {
    const r = await run({}, { variants: [{ torch: '2.11' }] });
    await r.result;
    expect(r.secretFiles[0]![BUILD_SECRET_IDS.torchIndex]!.content).toBe(
      'https://download.pytorch.org/whl/cpu',
    );
    expect(buildArg(r.calls[0]!, 'TORCH_VERSION')).toMatch(/^2\.11/);
    expect(buildArg(r.calls[0]!, 'TORCH_INDEX_URL')).toBeUndefined();
  });

  it("a torch variant's two pip steps see the resolver's indexes: the configured ones and the torch index", async () => {
    const r = await run(
      {},
      {
        variants: [{ torch: '2.11' }],
        python: {
          requirements: ['requirements.txt'],
          indexUrl: 'https://mlimg:tok_index_1111@idx.corp/simple',
          extraIndexUrls: ['https://x:tok_extra_2222@extra.corp/simple'],
          torchIndexUrl: 'https://t:tok_torch_5555@torch.corp/whl',
        },
      },
    );
    await r.result;
    const files = r.secretFiles[0]!;
    // The requirements step: the configured indexes, the torch index one more extra index (a
    // resolver pin such as torchvision==0.20.1+cpu is only there).
    expect(files[BUILD_SECRET_IDS.pipConf]!.content).toBe(
      '[global]\nindex-url = https://idx.corp/simple\nextra-index-url =\n' +
        '    https://extra.corp/simple\n    https://torch.corp/whl/cpu\n',
    );
    // The torch step's index (ml_image_torch_index) carries no login either: the netrc file has it.
    expect(files[BUILD_SECRET_IDS.torchIndex]!.content).toBe('https://torch.corp/whl/cpu');
    expect(files[BUILD_SECRET_IDS.netrc]!.content).toContain(
      'machine torch.corp login t password tok_torch_5555\n',
    );
    // Both steps use it: no second pip.conf.
    expect(Object.keys(files).sort()).toEqual(Object.values(BUILD_SECRET_IDS).sort());
    const shown = [r.calls.flat().join(' '), ...r.progress, ...r.output].join('\n');
    for (const token of ['tok_index_1111', 'tok_extra_2222', 'tok_torch_5555'])
      expect(shown).not.toContain(token);
  });

  it("no index configured: the torch index is the only one named (the base image's own stays the main one)", async () => {
    const torch = await run({}, { variants: [{ torch: '2.11' }] });
    await torch.result;
    expect(torch.secretFiles[0]![BUILD_SECRET_IDS.pipConf]!.content).toBe(
      '[global]\nextra-index-url =\n    https://download.pytorch.org/whl/cpu\n',
    );
    const plain = await run({}, {});
    await plain.result;
    expect(plain.secretFiles[0]![BUILD_SECRET_IDS.pipConf]!.content).toBe('[global]\n');
  });

  it('build.secrets are also sourced by the templates install step (ml_image_env), values quoted', async () => {
    const r = await run(
      {},
      { build: { secrets: ['GIT_TOKEN', 'PIP_INDEX_URL'] } },
      { GIT_TOKEN: "ghp_it's$(x)", PIP_INDEX_URL: 'https://t:tok@idx/simple' },
    );
    await r.result;
    const files = r.secretFiles[0]!;
    // PIP_INDEX_URL is in pip.conf already (config first, else the environment), not exported twice
    expect(files[BUILD_SECRET_IDS.env]!.content).toBe(`export GIT_TOKEN='ghp_it'\\''s$(x)'\n`);
    expect(files[BUILD_SECRET_IDS.pipConf]!.content).toContain('index-url = https://idx/simple');
    expect(files[BUILD_SECRET_IDS.netrc]!.content).toBe('machine idx login t password tok\n');
    expect(r.calls[0]).toContain('id=GIT_TOKEN,env=GIT_TOKEN');
  });

  it('a 200 KB requirements file goes by file, so the argv stays small (no E2BIG)', async () => {
    const { config, plan } = setup();
    const big = Array.from({ length: 12_000 }, (_, i) => `package-number-${i}==1.0.${i}`).join('\n');
    writeFileSync(path.join(dir, 'requirements.txt'), `${big}\n`);
    const s = scriptedDocker({});
    await runBuildStage(
      { plan, config, baseDir: dir, imagesDir: findImagesDir(process.cwd()), push: true },
      { docker: s.docker, exec: NO_GIT, env: {}, progress: () => {} },
    );
    expect(big.length).toBeGreaterThan(200_000);
    expect(s.secretFiles[0]![BUILD_SECRET_IDS.requirements]!.content).toBe(`${big}\n`);
    for (const args of s.calls) expect(args.join(' ').length).toBeLessThan(4_000);
  });

  it('masks build.secrets values and index credentials in every output line and error', async () => {
    const log = [
      'Looking in indexes: http://127.0.0.1:9/p-secretpath-5555/simple, https://t0k3n_user_6666@idx/simple',
      'ERROR: failed to solve: could not fetch http://127.0.0.1:9/p-secretpath-5555/simple/x/',
    ].join('\n');
    const r = await run(
      { amd64: [{ ok: false, log }] },
      { build: { secrets: ['IDX_PATH'] } },
      { IDX_PATH: 'p-secretpath-5555' },
    );
    const err = await r.result.catch((e) => e);
    const shown = [err.message, ...r.output].join('\n');
    expect(shown).not.toContain('secretpath-5555');
    expect(shown).not.toContain('t0k3n_user_6666');
    expect(r.output[0]).toBe('Looking in indexes: http://127.0.0.1:9/***/simple, https://***@idx/simple');
  });

  it("masks the torch index's password in the build output too", async () => {
    const log = 'ERROR: 401 from https://download.corp/whl/cpu (netrc torchpass-7777)';
    const r = await run(
      { amd64: [{ ok: false, log }] },
      {
        torch: '2.4.0',
        python: {
          requirements: ['requirements.txt'],
          torchIndexUrl: 'https://u:torchpass-7777@download.corp/whl',
        },
      },
    );
    expect(r.plan.variants[0]!.torch?.indexUrl).toContain('torchpass-7777');
    const err = await r.result.catch((e) => e);
    const shown = [err.message, ...r.output].join('\n');
    expect(shown).toContain('netrc ***');
    expect(shown).not.toContain('torchpass-7777');
  });

  it.each<[string, Record<string, unknown>, RegExp | undefined]>([
    // pip would expand it from the runner's environment: only what build.secrets lists gets there.
    ['not listed', {}, /more\.txt:2: \$\{IDX_TOKEN\} is not listed in build\.secrets/],
    ['listed in build.secrets', { build: { secrets: ['IDX_TOKEN'] } }, undefined],
  ])('a ${NAME} in the requirements, %s', async (_what, extra, refused) => {
    const { config, plan } = setup(extra);
    writeFileSync(
      path.join(dir, 'more.txt'),
      'opencv-python-headless\n--extra-index-url https://u:${IDX_TOKEN}@idx/simple\n',
    );
    const s = scriptedDocker({});
    const go = runBuildStage(
      { plan, config, baseDir: dir, imagesDir: findImagesDir(process.cwd()), push: true },
      { docker: s.docker, exec: NO_GIT, env: { IDX_TOKEN: 'tok-123456' }, progress: () => {} },
    );
    if (refused === undefined) return void (await expect(go).resolves.toBeDefined());
    const e = await go.catch((err: unknown) => err);
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toMatch(refused);
    expect(s.calls).toEqual([]); // nothing built
  });

  it('a requirement line is checked with only build.secrets filled in: no message quotes another value', async () => {
    const { config, plan } = setup({});
    writeFileSync(path.join(dir, 'more.txt'), 'foo==${PLANTED_X}\n');
    const s = scriptedDocker({});
    const e = await runBuildStage(
      { plan, config, baseDir: dir, imagesDir: findImagesDir(process.cwd()), push: true },
      { docker: s.docker, exec: NO_GIT, env: { PLANTED_X: 'planted-value-9876' }, progress: () => {} },
    ).then(
      () => undefined,
      (err: unknown) => err as ConfigError,
    );
    expect(e).toBeInstanceOf(InputError);
    if (!e) return;
    // Checked as written: the parser's words name the ${NAME}, never its value.
    expect(e.problems.join('\n')).toMatch(/"\$\{PLANTED_X\}" is not a valid PEP 440 version/);
    expect(`${e.message}\n${e.problems.join('\n')}\n${e.fix ?? ''}`).not.toContain('planted-value-9876');
    expect(s.calls).toEqual([]);
  });

  it('refuses a build arg that looks like a secret (exit 2, naming the key) where the config is read, before any build', async () => {
    const err = await run({}, { build: { args: { HF_TOKEN: 'hf_x' } } }).then(
      () => undefined,
      (e: unknown) => e as ConfigError,
    );
    expect(err).toBeInstanceOf(ConfigError);
    expect(err?.exitCode).toBe(2);
    expect(err?.message).toContain('build.args.HF_TOKEN: its name says it holds a credential');
    expect(err?.message).toContain('build.secrets');
    expect(err?.message).not.toContain('hf_x');
  });

  it('refuses (exit 3) a buildx that cannot pass secrets, without building', async () => {
    const r = await run({}, {}, {}, '0.5.1');
    const err = await r.result.catch((e) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.message).toContain('needs buildx >= 0.6.0');
    expect(r.calls).toHaveLength(0);
  });

  it('a frontend that does not know RUN --mount is an environment problem (exit 3)', async () => {
    const log = 'ERROR: failed to solve: dockerfile parse error line 40: Unknown flag: mount';
    const r = await run({ amd64: [{ ok: false, log }] });
    const err = await r.result.catch((e) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.fix).toContain('buildx >= 0.6.0');
  });

  it('uses the GitHub Actions cache on a runner, scoped per image (a hash of its repository), variant and platform', async () => {
    const r = await run({}, {}, { ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'https://results' });
    await r.result;
    expect(r.calls[1]).toContainEqual(
      expect.stringMatching(/^type=gha,scope=ml-image-[0-9a-f]{8}-cpu-arm64$/),
    );
  });
});

describe('secret inputs', () => {
  const inputs: BuildInputs = {
    requirements: 'numpy<2\n--extra-index-url https://x:tok_req@idx/simple',
    constraints: 'numpy==1.26.4',
    indexes: { indexUrl: 'https://u:tok_a@idx/simple', extraIndexUrls: [] },
    torchIndexUrl: 'https://download.pytorch.org/whl/cpu',
    secretEnv: { HF_TOKEN: 'hf_a' },
  };

  it.each<[string, Partial<BuildInputs>, boolean]>([
    ['the same inputs', {}, true],
    [
      'a rotated index token',
      { indexes: { indexUrl: 'https://u:tok_b@idx/simple', extraIndexUrls: [] } },
      true,
    ],
    [
      'a rotated token inside the requirements',
      { requirements: 'numpy<2\n--extra-index-url https://x:tok_2@idx/simple' },
      true,
    ],
    ['a rotated build secret', { secretEnv: { HF_TOKEN: 'hf_b' } }, true],
    ['another requirement', { requirements: 'numpy<2\nscipy' }, false],
    ['other constraints', { constraints: 'numpy==1.26.3' }, false],
    [
      'another index host',
      { indexes: { indexUrl: 'https://u:tok_a@other/simple', extraIndexUrls: [] } },
      false,
    ],
    ['another torch index', { torchIndexUrl: 'https://download.pytorch.org/whl/cu128' }, false],
    ['another set of build secrets', { secretEnv: { HF_TOKEN: 'hf_a', GIT_TOKEN: 'g' } }, false],
  ])('inputsDigest: %s -> same digest: %s', (_n, change, same) => {
    expect(inputsDigest({ ...inputs, ...change }) === inputsDigest(inputs)).toBe(same);
  });

  it('inputsDigest: a torch variant keeps no token in the digest text, and a rotated torch or index token keeps the digest', () => {
    const torch = (tok: string): BuildInputs => ({
      ...inputs,
      indexes: { indexUrl: `https://u:${tok}@idx/simple`, extraIndexUrls: [] },
      torchIndexUrl: `https://t:${tok}@torch.corp/whl/cpu`,
    });
    expect(inputsDigest(torch('tok_1'))).toBe(inputsDigest(torch('tok_2')));
    expect(inputsDigest(torch('tok_1'))).not.toBe(
      inputsDigest({ ...torch('tok_1'), torchIndexUrl: 'https://t:tok_1@torch.corp/whl/cu128' }),
    );
  });

  it.each([
    ['plain', 'abc', "'abc'"],
    ['empty', '', "''"],
    ['single quote', "it's", `'it'\\''s'`],
    ['shell syntax stays literal', '$(rm -rf /) `x` $HOME "q" \\', `'$(rm -rf /) \`x\` $HOME "q" \\'`],
    ['newline', 'a\nb', "'a\nb'"],
  ])('shellQuote: %s', (_n, value, quoted) => {
    expect(shellQuote(value)).toBe(quoted);
  });

  it('secretEnvScript exports only variable names the install step does not use itself', () => {
    // pip-token is mounted by id only; PATH or the step's own variables would break the step.
    expect(
      secretEnvScript({
        'A-B': 'x',
        PATH: '/evil',
        s: 'x',
        TORCH_VERSION: '9',
        A: 'x',
        PIP_EXTRA_INDEX_URL: 'y',
      }),
    ).toBe("export A='x'\n");
  });
});

describe('failure classification', () => {
  it.each([
    ['connection reset by peer', true],
    ['dial tcp: lookup ghcr.io: i/o timeout', true],
    ['net/http: TLS handshake timeout', true],
    ['received unexpected HTTP status: 502 Bad Gateway', true],
    ['toomanyrequests: You have reached your pull rate limit', true],
    ['dockerfile parse error on line 3: unknown instruction: FRM', false],
    ['ERROR: ResolutionImpossible', false],
    ['exit code: 1', false],
    ['failed to copy: httpReadSeeker: failed open: unexpected EOF', true],
    // A rate limit with no "toomanyrequests" body: ghcr.io, ECR and quay.io answer the status alone.
    [
      'failed to copy: httpReadSeeker: failed open: unexpected status code https://ghcr.io/v2/o/r/blobs/sha256:abc: 429 Too Many Requests',
      true,
    ],
    ['unexpected status from PUT request to https://ghcr.io/v2/o/r/manifests/t: 429 Too Many Requests', true],
    ['ERROR: failed to push localhost:5000/x: unexpected EOF\n', true],
    // A RUN step's own deterministic failures that merely say "unexpected EOF".
    ['#6 0.434 bash: -c: line 1: unexpected EOF while looking for matching `"\'', false],
    ['#6 1.2 SyntaxError: unexpected EOF while parsing', false],
    ['#6 0.3 tar: Unexpected EOF in archive', false],
  ])('isTransient(%j) = %s', (log, expected) => {
    expect(isTransient(log)).toBe(expected);
  });

  it('keeps the start of a long RUN script in the reason', () => {
    const long = `ERROR: failed to solve: executor failed running [/bin/sh -c ${'x'.repeat(300)}]: exit code: 2`;
    const reason = failureReason(`#1 step\n${long}`);
    expect(reason).toMatch(
      /^failed to solve: executor failed running \[\/bin\/sh -c x{60}\.\.\.\]: exit code: 2$/,
    );
  });

  // Where the script is cut, as the expressions /(OPEN)(.{60}).{20,}(CLOSE)/ cut it before.
  const x = (n: number) => 'x'.repeat(n);
  it.each([
    [
      'a script of 80 characters',
      `[/bin/sh -c ${x(80)}]: exit code: 1`,
      `[/bin/sh -c ${x(60)}...]: exit code: 1`,
    ],
    [
      'a script of 79 characters stays',
      `[/bin/sh -c ${x(79)}]: exit code: 1`,
      `[/bin/sh -c ${x(79)}]: exit code: 1`,
    ],
    [
      'the last end of the script on its line',
      `a [/bin/sh -c ${x(90)}]: exit code 1 ]: exit code 2`,
      `a [/bin/sh -c ${x(60)}...]: exit code 2`,
    ],
    [
      'a carriage return ends the script',
      `[/bin/sh -c ${x(90)}\r]: exit code 1 [/bin/sh -c ${x(85)}]: exit code 2`,
      `[/bin/sh -c ${x(90)}\r]: exit code 1 [/bin/sh -c ${x(60)}...]: exit code 2`,
    ],
    [
      'both forms',
      `process "/bin/sh -c ${x(100)}" did not complete: [/bin/sh -c ${x(100)}]: exit code: 1`,
      `process "/bin/sh -c ${x(60)}..." did not complete: [/bin/sh -c ${x(60)}...]: exit code: 1`,
    ],
  ])('%s', (_what, line, want) => {
    expect(failureReason(`ERROR: ${line}`)).toBe(want);
  });

  // Each "[/bin/sh -c " ran to the line's end and back: an ERROR line repeating it 16,384 times took 6 s.
  it('a line repeating the start of a RUN script is read in time', () => {
    const script = '[/bin/sh -c '.repeat(2 ** 17);
    const log = `#5 ERROR\nERROR: process "/bin/sh -c ${script}" did not complete successfully: exit code: 1`;
    const ctx = vm.createContext({ failureReason, log });
    expect(vm.runInContext('failureReason(log)', ctx, { timeout: 20_000 })).toBe(
      `process "/bin/sh -c ${script.slice(0, 60)}..." did not complete successfully: exit code: 1`,
    );
  });
});

describe('requirements text', () => {
  it('inlines -r includes relative to the including file and drops blank lines and comments', () => {
    writeFileSync(path.join(dir, 'a.txt'), 'numpy\n\n-r sub/b.txt\n# comment kept\n');
    const sub = path.join(dir, 'sub');
    mkdirSync(sub);
    writeFileSync(path.join(sub, 'b.txt'), '--requirement=c.txt\nscipy\n');
    writeFileSync(path.join(sub, 'c.txt'), 'pandas\n');

    expect(readRequirements(['a.txt'], dir, {}).text).toBe('numpy\npandas\nscipy');
  });

  it('names a missing include and where it was included from', () => {
    writeFileSync(path.join(dir, 'a.txt'), 'numpy\n-r nope.txt\n');
    expect(() => readRequirements(['a.txt'], dir, {})).toThrow(
      `requirements file not found: ${path.join(dir, 'nope.txt')} (included from ${path.join(dir, 'a.txt')}:2)`,
    );
  });
});

describe('Dockerfile templates', () => {
  const images = findImagesDir(process.cwd());
  const read = (t: string) => readFileSync(path.join(images, t, 'Dockerfile'), 'utf8');
  const block = (text: string, name: string) => {
    const start = text.indexOf(`# --- shared: ${name} ---`);
    const end = text.indexOf('# --- end shared ---', start);
    expect(start, `block ${name}`).toBeGreaterThan(0);
    return text.slice(start, end);
  };

  it.each(['user-and-caches', 'python-packages', 'app'])(
    'shared block %s is identical in every template',
    (name) => {
      const cpu = block(read('cpu'), name);
      expect(block(read('cuda'), name)).toBe(cpu);
      expect(block(read('ngc'), name)).toBe(cpu);
    },
  );

  it.each(['cpu', 'cuda', 'ngc'])(
    '%s: inputs by secret mount, no secret-like ARG, PEP 668; non-root; healthcheck; no caches left',
    (t) => {
      const text = read(t);
      for (const arg of ['BASE_IMAGE', 'TORCH_VERSION', INPUTS_DIGEST_ARG]) {
        expect(text).toMatch(new RegExp(`^ARG ${arg}`, 'm'));
      }
      // the same rule as the repository's hook: no credential or index URL as a build argument
      expect(text).not.toMatch(/^ARG +[A-Z_]*(INDEX_URL|TOKEN|PASSWORD|SECRET|CREDENTIAL)/m);
      expect(text).not.toMatch(/REQUIREMENTS_TXT|CONSTRAINTS_TXT/);
      // a syntax line would make BuildKit pull the frontend image; the built-in one knows --mount
      expect(text).not.toMatch(/^# *syntax=/im);
      const install = block(text, 'python-packages');
      for (const id of Object.values(BUILD_SECRET_IDS)) {
        expect(install).toContain(`--mount=type=secret,id=${id} `);
        expect(install).toContain(`$s/${id}`);
      }
      expect(install).toContain('export PIP_BREAK_SYSTEM_PACKAGES=1;');
      expect(install).toContain('export PIP_CONFIG_FILE="$s/ml_image_pip_conf"');
      // Both pip steps under that one pip.conf (the resolver's indexes): it is set before torch's,
      // and no step replaces the indexes (a base image's own index stays the main one).
      expect(install.indexOf('export PIP_CONFIG_FILE=')).toBeLessThan(
        install.indexOf('pip_install "torch=='),
      );
      // Every install runs pip through ml_image_pip where it is mounted (the pip it starts for a
      // source distribution gets the index URLs in its environment, not its command line): plain
      // pip only in the fallback that defines pip_install.
      expect(install).toContain(
        'pip_install() { python3 -m pip install "$@"; }; \\\n    if [ -r "$s/ml_image_pip" ] && [ -s "$s/ml_image_pip" ]; then pip_install() { python3 "$s/ml_image_pip" install "$@"; }; fi;',
      );
      expect(install.match(/pip install/g)).toHaveLength(1);
      expect(install.match(/pip_install "/g)).toHaveLength(2);
      expect(install).not.toMatch(/PIP_INDEX_URL="|PIP_CONFIG_FILE="\$s\/ml_image_torch/);
      // the digest ARG is declared right before the install step, so it keys that layer only
      expect(install.indexOf(`ARG ${INPUTS_DIGEST_ARG}=`)).toBeLessThan(install.indexOf('RUN --mount'));

      expect(text).toMatch(/^FROM \$\{BASE_IMAGE\}$/m);
      expect(text).toMatch(/^USER app$/m);
      expect(text).toMatch(/^HEALTHCHECK /m);
      expect(text).toContain('PIP_NO_CACHE_DIR=1');
      // the cache directories exist and are chowned before USER app
      expect(text.indexOf('chown -R app:0 /app /cache')).toBeLessThan(text.indexOf('USER app'));
      for (const dir of ['HF_HOME=/cache/huggingface', 'TORCH_HOME=/cache/torch', 'PIP_CACHE_DIR=/cache/pip'])
        expect(text).toContain(dir);
      if (text.includes('apt-get install')) expect(text).toContain('rm -rf /var/lib/apt/lists/*');
    },
  );

  it.each(['cpu', 'cuda', 'ngc'])(
    '%s: the install step scrubs build.secrets values from direct_url.json in the same RUN, after pip',
    (t) => {
      // pip keeps a direct URL's query (`?sig=${SAS}`, filled in) in dist-info/direct_url.json.
      const install = block(read(t), 'python-packages');
      const run = install.slice(install.indexOf('RUN --mount')).replace(/\\\n\s*/g, ' ');
      const scrub = run.indexOf(`if [ -s "$s/${BUILD_SECRET_IDS.env}" ]; then printf '%s\\n' `);
      expect(scrub).toBeGreaterThan(run.lastIndexOf('python3 -m pip install -r'));
      expect(scrub).toBeGreaterThan(run.lastIndexOf('pip install "torch=='));
      const script = run.slice(scrub);
      // One RUN: nothing after it but its python (isolated from the working directory) and fi.
      expect(script).toMatch(/' +\| python3 -I -; +fi\n$/);
      expect(script).not.toMatch(/\nRUN /);
      // The names from the exported secret file, their values from the environment.
      expect(script).toContain(`pathlib.Path("/run/secrets/${BUILD_SECRET_IDS.env}").read_text()`);
      expect(script).toContain('re.findall("^export ([A-Za-z_][A-Za-z0-9_]*)=", env, re.M)');
      expect(script).toContain('if len(v) >= 4');
      // Each value maps to its NAME; where names share a value, a secret name (sorted last) wins.
      expect(script).toContain('key=lambda n: bool(secret(n)))');
      expect(script).toContain('vals = {w: n for n in names ');
      for (const where of ['getsitepackages', '"purelib", "platlib"', '*.dist-info/direct_url.json'])
        expect(script).toContain(where);
      // The URL without query, fragment and login, written as pip writes it, its RECORD line updated.
      expect(script).toContain('up.urlunsplit((u.scheme, u.netloc.rpartition("@")[2], u.path, "", ""))');
      expect(script).toContain('json.dumps(dict(d, url=url), sort_keys=True)');
      expect(script).toContain('"/direct_url.json,"');
      // A secret-named variable's value left fails the step, naming the file and the variable (never
      // the value); another variable's value (GH_USER=myorg, also in github.com/myorg/pkg.git) is
      // a note on stderr, never a failure. An editable checkout's .git/config is checked the same way.
      expect(script).toContain(
        'if secret(n): sys.exit(f"{f}: holds the value of {n}, a build.secrets value, {where}")',
      );
      expect(script).toContain(
        'print(f"{f}: holds the value of {n} (not a secret by its name): left as it is", file=sys.stderr)',
      );
      expect(script).not.toMatch(/sys\.exit\([^)]*\{v\}/);
      expect(script).toContain('left(f, b.decode(), "outside its URL query and login")');
      expect(script).toMatch(
        /glob\("src\/\*\/\.git\/config"\):' +' +left\(g, g\.read_text\(errors="replace"\), /,
      );
      // Only held() decides a rewrite (any variable's value); a URL left as it was is not rewritten.
      expect(script).toContain('if not held(f.read_text()): continue');
      expect(script).toContain('if url == d["url"]: continue');
      // One python line per single-quoted argument: no quote inside, no backslash the Dockerfile
      // would take as a line continuation.
      const physical = install.slice(install.indexOf("then printf '%s\\n'")).split('\n');
      const args = physical.slice(
        1,
        physical.findIndex((l) => l.includes('| python3 -I -')),
      );
      expect(args.length).toBeGreaterThan(10);
      for (const l of args) expect(l).toMatch(/^ {6}'[^']*' \\$/);
    },
  );

  it.each(['cpu', 'cuda', 'ngc'])(
    '%s: the direct_url.json scrub tells a secret by its NAME with the secretName rule of redaction-rules.json, copied as it is',
    (t) => {
      // One rule for what a secret name is: the script's copy cannot drift from the JSON's.
      const rules = JSON.parse(readFileSync(path.join(images, 'probe', 'redaction-rules.json'), 'utf8')) as {
        secretName: { pattern: string; ignoreCase: boolean };
      };
      const install = block(read(t), 'python-packages');
      const copies = [...install.matchAll(/'secret = re\.compile\(r"([^"]*)", ([^)]*)\)\.search' \\$/gm)];
      expect(copies).toHaveLength(1);
      const [, pattern, flags] = copies[0]!;
      expect(pattern).toBe(rules.secretName.pattern);
      expect(flags).toBe(rules.secretName.ignoreCase ? 're.I' : '0');
      // Written into a single-quoted printf argument as it is: no quote, no backslash to re-read.
      expect(pattern).not.toMatch(/['\\]/);
    },
  );

  it.each(['cpu', 'cuda', 'ngc'])(
    '%s: builds as root whatever user the base ends as, and keeps a user or group app the base has',
    (t) => {
      const text = read(t);
      // A base built from these templates ends as USER app: its RUN steps need root again.
      const root = text.search(/^USER root$/m);
      expect(root).toBeGreaterThan(text.search(/^FROM \$\{BASE_IMAGE\}$/m));
      expect(root).toBeLessThan(text.search(/^RUN /m));
      expect(text.match(/^USER .*$/gm)).toEqual(['USER root', 'USER app']);
      const users = block(text, 'user-and-caches');
      const run = users.slice(users.indexOf('RUN ')).replace(/\\\n\s*/g, ' ');
      // A user app is kept, its UID the image's (useradd would exit 9: user 'app' already exists);
      // a root app is refused.
      const ifApp = run.indexOf('if getent passwd app >/dev/null; then ');
      const elseNew = run.indexOf(' else ', ifApp);
      expect(ifApp).toBeGreaterThan(0);
      expect(elseNew).toBeGreaterThan(ifApp);
      const kept = run.slice(ifApp, elseNew);
      expect(kept).not.toMatch(/useradd|userdel/);
      expect(kept).toMatch(/if \[ "\$\(id -u app\)" = 0 \]; then echo [^;]*>&2; exit 1; fi;/);
      // A group app becomes app's group (useradd would exit 9: group app exists ... use -g).
      const created = run.slice(elseNew);
      expect(created).toContain('if getent group app >/dev/null; then set -- --gid app; fi;');
      expect(created).toContain(
        'if ! getent passwd "${APP_UID}" >/dev/null; then set -- "$@" --uid "${APP_UID}"; fi;',
      );
      expect(created.indexOf('getent group app')).toBeLessThan(created.indexOf('useradd '));
      expect(run.match(/useradd [^;]*;/g)).toEqual(['useradd --create-home --shell /bin/bash "$@" app;']);
      // The rest addresses the user by name, so it is the kept user's UID too.
      expect(run).toContain('chown -R app:0 /app /cache;');
      expect(text).toContain('COPY --chown=app:0 . /app');
    },
  );

  it('the devcontainer forwards Jupyter and MLflow and asks for GPUs', () => {
    const dc = JSON.parse(readFileSync(path.join(images, 'devcontainer', 'devcontainer.json'), 'utf8'));
    expect(dc.forwardPorts).toEqual([8888, 5000]);
    expect(dc.runArgs).toContain('--gpus=all');
    expect(dc.remoteUser).toBe('app');
    expect(dc.portsAttributes['8888'].label).toBe('Jupyter');
    expect(dc.portsAttributes['5000'].label).toBe('MLflow');
  });
});

describe('retry policy after a failed attempt', () => {
  const attempt = (log: string, n: number, spentMs = 0) => ({
    id: 'cpu/amd64',
    result: { exitCode: 1, stdout: '', stderr: log },
    log,
    attempt: n,
    spentMs,
    elapsed: (spentMs / 1000).toFixed(1),
    registries: { write: 'localhost:5000', read: 'docker.io' },
  });
  it.each([
    [1, 2000],
    [2, 4000],
    [3, 8000],
  ])('retryWaitMs(%i) = %i', (n, ms) => {
    expect(retryWaitMs(n)).toBe(ms);
  });
  // The decision the build (afterFailedAttempt) and the merge (imagetools create) both take.
  it.each<[string, string, number, number, number | undefined]>([
    ['transient, first attempt', 'ERROR: connection reset by peer', 1, 0, 2000],
    ['transient, second attempt', 'x\nERROR: 502 Bad Gateway', 2, 10_000, 4000],
    ['transient, the last attempt', 'ERROR: connection reset by peer', MAX_ATTEMPTS, 0, undefined],
    ['transient, the budget spent', 'ERROR: i/o timeout', 1, RETRY_BUDGET_MS - 1000, undefined],
    ['deterministic', 'ERROR: failed to solve: exit code: 1', 1, 0, undefined],
    [
      'a reset pip recovered from, 20 lines before a deterministic end',
      ['Retrying after connection reset by peer', ...Array(20).fill('...'), 'ERROR: exit code: 1'].join('\n'),
      1,
      0,
      undefined,
    ],
  ])('nextAttempt: %s', (_what, log, n, spent, waitMs) => {
    const next = nextAttempt(log, n, spent);
    expect(next?.waitMs).toBe(waitMs);
    if (next) expect(next.reason).toBe(failureReason(log));
  });
  it.each([
    ['transient, first attempt: retried', 'ERROR: connection reset by peer', 1, 0, { waitMs: 2000 }],
    [
      'transient, second attempt: retried',
      'ERROR: received unexpected HTTP status: 503 Service Unavailable',
      2,
      0,
      { waitMs: 4000 },
    ],
    [
      'transient, last attempt: environment',
      'ERROR: connection reset by peer',
      MAX_ATTEMPTS,
      0,
      EnvironmentError,
    ],
    [
      'transient, budget spent: environment',
      'ERROR: connection reset by peer',
      1,
      RETRY_BUDGET_MS - 1000,
      EnvironmentError,
    ],
    ['deterministic: check failed', 'ERROR: failed to solve: exit code: 1', 1, 0, CheckFailedError],
    [
      "a RUN step's shell syntax error (unexpected EOF): check failed, not retried",
      [
        "#6 [2/2] RUN bash -c 'echo \"unterminated'",
        '#6 0.434 bash: -c: line 1: unexpected EOF while looking for matching `"\'',
        "#6 ERROR: executor failed running [/bin/sh -c bash -c 'echo \"unterminated']: exit code: 2",
        '------',
        " > [2/2] RUN bash -c 'echo \"unterminated':",
        '0.434 bash: -c: line 1: unexpected EOF while looking for matching `"\'',
        '------',
        "ERROR: failed to solve: executor failed running [/bin/sh -c bash -c 'echo \"unterminated']: exit code: 2",
      ].join('\n'),
      1,
      0,
      CheckFailedError,
    ],
    [
      'a network error pip recovered from, then a deterministic failure: check failed',
      [
        '#7 3.1 WARNING: Retrying after connection broken: connection reset by peer',
        ...Array(20).fill('#7 ok'),
        'ERROR: failed to solve: exit code: 1',
      ].join('\n'),
      1,
      0,
      CheckFailedError,
    ],
    [
      'a rate limit (429) pushing: retried first',
      'ERROR: failed to push ghcr.io/o/r:t: unexpected status from PUT request to https://ghcr.io/v2/o/r/manifests/t: 429 Too Many Requests',
      1,
      0,
      { waitMs: 2000 },
    ],
    [
      'an i/o timeout pushing: retried first',
      'ERROR: failed to push: dial tcp 1.2.3.4:443: i/o timeout',
      1,
      0,
      { waitMs: 2000 },
    ],
    [
      'no daemon: environment',
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock',
      1,
      0,
      EnvironmentError,
    ],
    [
      'frontend without --mount: environment',
      'dockerfile parse error: Unknown flag: mount',
      1,
      0,
      EnvironmentError,
    ],
  ] as const)('%s', (_name, log, n, spent, expected) => {
    if (typeof expected === 'function') {
      expect(() => afterFailedAttempt(attempt(log, n, spent))).toThrow(expected);
    } else {
      expect(afterFailedAttempt(attempt(log, n, spent))).toEqual({ ...expected, reason: failureReason(log) });
    }
  });
  it('names the attempts and the end of the log in the final failure', () => {
    const log = 'step 1\nERROR: failed to solve: pip install exited 1';
    expect(() => afterFailedAttempt(attempt(log, 2, 3000))).toThrow(
      /^build cpu\/amd64 failed after 3\.0s and 2 attempts: failed to solve: pip install exited 1\n--- last lines of the build log ---\nstep 1\n/,
    );
  });
});

describe('build inputs helpers', () => {
  it.each([
    [{ TORCH_VERSION: '2.4.0', TORCH_INDEX_URL: 'https://u:p@idx/whl' }, { TORCH_VERSION: '2.4.0' }],
    [{ BASE_IMAGE: 'python:3.12-slim' }, { BASE_IMAGE: 'python:3.12-slim' }],
    [{}, {}],
  ])('publicPlanArgs(%j) = %j', (args, expected) => {
    expect(publicPlanArgs(args)).toEqual(expected);
  });
  it.each([
    [['A'], { A: 'x', B: 'y' }, { A: 'x' }],
    [[], { A: 'x' }, {}],
    [['A', 'C'], { A: 'x' }, InputError],
  ] as const)('secretEnvFrom(%j, %j)', (secrets, env, expected) => {
    if (typeof expected === 'function') expect(() => secretEnvFrom(secrets, env)).toThrow(expected);
    else expect(secretEnvFrom(secrets, env)).toEqual(expected);
  });
  it.each([
    ['uses s3cr3t-value here', 'uses *** here'],
    ['pip from https://u:idxpass@idx/simple', 'pip from https://u:***@idx/simple'],
    ['short abc stays', 'short abc stays'],
    // A multi-line value (a service account's JSON) is masked line by line: output comes in lines.
    ['  "private_key_id": "9f8e7d6c5b4a",', '  ***'],
    ['{ and } alone stay', '{ and } alone stay'],
  ])('outputMasker masks %j', (line, expected) => {
    const mask = outputMasker(
      { TOKEN: 's3cr3t-value', SHORT: 'abc', SA_KEY: '{\n  "private_key_id": "9f8e7d6c5b4a",\n}\n' },
      { indexUrl: 'https://u:idxpass@idx/simple', extraIndexUrls: [] },
    );
    expect(mask(line)).toBe(expected);
  });
  it.each<[string, Parameters<typeof outputMasker>[1], string | undefined, string, string]>([
    [
      'a bare % in the password (decoding threw: nothing was masked)',
      { indexUrl: 'https://bot:p%ssw0rd@pypi.corp/simple', extraIndexUrls: [] },
      undefined,
      'auth p%ssw0rd failed',
      'auth *** failed',
    ],
    [
      'the password as written in the URL (percent-encoded), besides the decoded one',
      { extraIndexUrls: ['https://u:s%40cret-pw@idx/simple'] },
      undefined,
      'netrc s%40cret-pw and s@cret-pw',
      'netrc *** and ***',
    ],
    [
      'the torch index password',
      { extraIndexUrls: [] },
      'https://u:torchpass@download.corp/whl',
      'GET torchpass',
      'GET ***',
    ],
    [
      "a secret in a direct URL's path, as requests re-quotes it in pip's error",
      { extraIndexUrls: [] },
      undefined,
      'File not found for url: http://h/nope/s3cr3t%22PLANT%3Cq3%3E%7Bx%7D%7C/t.whl',
      'File not found for url: http://h/nope/***/t.whl',
    ],
    [
      'a secret with a non-ASCII letter, encoded in lower-case hex',
      { extraIndexUrls: [] },
      undefined,
      'GET /w/s3cr3tplantq4%c3%a9~!/t.whl 404',
      'GET /w/***/t.whl 404',
    ],
    [
      'a secret as encodeURIComponent writes it',
      { extraIndexUrls: [] },
      undefined,
      'fetch ?k=s3cr3t%22PLANT%3Cq3%3E%7Bx%7D%7C',
      'fetch ?k=***',
    ],
    [
      'a token as the torch index user name',
      { extraIndexUrls: [] },
      'https://tok-123456@download.corp/whl',
      'token tok-123456 rejected',
      'token *** rejected',
    ],
  ])('outputMasker masks %s', (_name, indexes, torchIndexUrl, line, expected) => {
    const secrets = { A: 's3cr3t"PLANT<q3>{x}|', B: 's3cr3tplantq4é~!' };
    expect(outputMasker(secrets, indexes, torchIndexUrl === undefined ? [] : [torchIndexUrl])(line)).toBe(
      expected,
    );
  });
});
