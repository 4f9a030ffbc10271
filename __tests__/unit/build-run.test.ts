import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRequirementsText } from '../../src/build/requirements.js';
import { failureReason, findImagesDir, isTransient, runBuildStage } from '../../src/build/run.js';
import { validateConfigData } from '../../src/config/load.js';
import type { ExecOptions } from '../../src/docker/adapter.js';
import { CheckFailedError, InputError } from '../../src/errors.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { fakeDocker } from '../helpers/fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-buildrun-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const DIGEST = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;

type Outcome = { ok: true } | { ok: false; log: string };

/** A Docker adapter whose buildx replays scripted outcomes per architecture and writes the metadata file. */
function scriptedDocker(outcomes: Partial<Record<'amd64' | 'arm64', Outcome[]>>) {
  const calls: string[][] = [];
  const merges: { tags: readonly string[]; sources: readonly string[] }[] = [];
  const seen: Record<string, number> = {};
  let n = 0;
  const docker = fakeDocker({
    buildxVersion: async () => '0.21.2',
    buildxInspect: async () => ({
      name: 'ml',
      driver: 'docker-container',
      platforms: ['linux/amd64', 'linux/arm64'],
    }),
    imageDigest: async (ref) => (ref.includes('python') ? DIGEST(9) : DIGEST(7)),
    buildx: async (args: readonly string[], options?: ExecOptions) => {
      calls.push([...args]);
      const arch = args[args.indexOf('--platform') + 1]!.split('/')[1] as 'amd64' | 'arm64';
      const k = (seen[arch] = (seen[arch] ?? 0) + 1);
      const outcome = outcomes[arch]?.[k - 1] ?? { ok: true };
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
  return { docker, calls, callsFor, merges, built: () => n };
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
  env = {},
) {
  const { config, plan } = setup(extra);
  const s = scriptedDocker(outcomes);
  const progress: string[] = [];
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
    },
    { docker: s.docker, env, progress: (l) => progress.push(l), sleep: async (ms) => void sleeps.push(ms) },
  );
  return { result, ...s, progress, sleeps };
}

describe('runBuildStage (plain-object Docker)', () => {
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
  });

  it('passes requirements (includes inlined), constraints and the base digest label', async () => {
    const r = await run({});
    await r.result;
    const args = r.calls[0]!;
    expect(args).toContain('REQUIREMENTS_TXT=numpy<2\nopencv-python-headless');
    expect(args).toContain('CONSTRAINTS_TXT=numpy==1.26.4');
    expect(args).toContain(`io.github.ml-image-action.base-digest=${DIGEST(9)}`);
    expect(args).toContain('--output');
    expect(args.find((a) => a.startsWith('type=image'))).toContain('push-by-digest=true');
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
  });

  it('gives up after 3 attempts on a failure that stays transient', async () => {
    const bad = {
      ok: false as const,
      log: 'ERROR: received unexpected HTTP status: 503 Service Unavailable',
    };
    const r = await run({ amd64: [bad, bad, bad] });
    const err = await r.result.catch((e) => e);
    expect(err).toBeInstanceOf(CheckFailedError);
    expect(err.message).toMatch(/and 3 attempts: received unexpected HTTP status: 503/);
    expect(r.sleeps).toEqual([2000, 4000]);
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

  it('uses the GitHub Actions cache on a runner, scoped per variant and platform', async () => {
    const r = await run({}, {}, { ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'https://results' });
    await r.result;
    expect(r.calls[1]).toContain('type=gha,scope=ml-image-cpu-arm64');
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
});

describe('requirements text', () => {
  it('inlines -r includes relative to the including file and drops blank lines', () => {
    writeFileSync(path.join(dir, 'a.txt'), 'numpy\n\n-r sub/b.txt\n# comment kept\n');
    const sub = path.join(dir, 'sub');
    mkdirSync(sub);
    writeFileSync(path.join(sub, 'b.txt'), '--requirement=c.txt\nscipy\n');
    writeFileSync(path.join(sub, 'c.txt'), 'pandas\n-r ../a.txt\n');
    expect(readRequirementsText(['a.txt'], dir)).toBe('numpy\npandas\nscipy\n# comment kept');
  });

  it('names a missing include and where it was included from', () => {
    writeFileSync(path.join(dir, 'a.txt'), 'numpy\n-r nope.txt\n');
    expect(() => readRequirementsText(['a.txt'], dir)).toThrow(
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
    '%s: base, requirements and constraints args; non-root; healthcheck; no caches left',
    (t) => {
      const text = read(t);
      for (const arg of ['BASE_IMAGE', 'REQUIREMENTS_TXT', 'CONSTRAINTS_TXT', 'TORCH_VERSION', 'INDEX_URL']) {
        expect(text).toMatch(new RegExp(`^ARG ${arg}`, 'm'));
      }
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

  it('the devcontainer forwards Jupyter and MLflow and asks for GPUs', () => {
    const dc = JSON.parse(readFileSync(path.join(images, 'devcontainer', 'devcontainer.json'), 'utf8'));
    expect(dc.forwardPorts).toEqual([8888, 5000]);
    expect(dc.runArgs).toContain('--gpus=all');
    expect(dc.remoteUser).toBe('app');
    expect(dc.portsAttributes['8888'].label).toBe('Jupyter');
    expect(dc.portsAttributes['5000'].label).toBe('MLflow');
  });
});
