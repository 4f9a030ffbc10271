// The build stage on real Docker: the example project as the cpu variant for amd64 + arm64 from the
// local Python base images; a cuda variant FROM a stand-in carrying nvidia/cuda's environment;
// bad input and failing builds.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stringify } from 'yaml';
import type { BuildResult } from '../../src/build/result.js';
import { runCli } from '../../src/cli/main.js';
import type { DockerAdapter } from '../../src/docker/adapter.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { ActionsExecRunner } from '../../src/docker/exec-runner.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { captureIo } from '../helpers/fakes.js';
import { startWheelIndex, type WheelIndex } from '../helpers/wheel-index.js';
import { buildTestImage } from '../helpers/images.js';

const env = inject('dockerEnv');
const EXAMPLE = path.join(REPO_ROOT, 'examples', 'hello-ml');

describe.skipIf(!env.available)('ml-image build on real Docker', () => {
  const images = env.images!;
  const registry = images.registry;
  // The local mirror holds python:3.11-slim and the nvidia/cuda stand-in under these prefixes.
  const mirrors = {
    'docker.io/library/python': `${registry}/ml-image-test/python`,
    'docker.io/nvidia': `${registry}/ml-image-test/nvidia`,
  };
  let docker: DockerAdapter;
  let index: WheelIndex;
  let dir: string;

  beforeAll(async () => {
    docker = createDefaultDockerAdapter();
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-build-it-'));
    index = await startWheelIndex([
      { name: 'tqdm', version: '4.66.0', requires: ['colorama; platform_system == "Windows"'] },
      {
        // Stand-in for the CUDA wheel of torch on https://download.pytorch.org/whl/cu128.
        name: 'torch',
        version: '2.11.0+cu128',
        index: 'whl/cu128',
        files: {
          '__init__.py': 'from . import version\n__version__ = version.__version__\n',
          'version.py': "cuda = '12.8'\n__version__ = '2.11.0+cu128'\n",
        },
      },
      // A pin only the torch index has, as torchvision==0.26.0+cu128 is.
      { name: 'torchaddon', version: '0.1.0+cu128', index: 'whl/cu128' },
    ]);
  });
  afterAll(async () => {
    await index?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function cli(args: string[], config: Record<string, unknown>) {
    const file = path.join(dir, `ml-image-${Math.random().toString(36).slice(2)}.yml`);
    writeFileSync(file, stringify(config));
    // Real git, as the CLI has: the build stage reads the context's commit time with it.
    const io = { ...captureIo(dir, docker), git: new ActionsExecRunner() };
    const code = await runCli(['build', '--config', file, '--quiet', ...args], io);
    return { code, out: io.out(), err: io.err() };
  }

  type ImageConfig = { config: { Labels: Record<string, string>; User: string } };
  /** Image configs by platform (imagetools prints a bare config when the list has one entry). */
  async function imageConfigs(ref: string): Promise<Record<string, ImageConfig>> {
    const r = await docker.buildx(['imagetools', 'inspect', '--format', '{{json .Image}}', ref]);
    expect(r.exitCode, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout) as
      Record<string, ImageConfig> | (ImageConfig & { os: string; architecture: string });
    if ('config' in data && 'os' in data) return { [`${data.os}/${data.architecture}`]: data as ImageConfig };
    return data as Record<string, ImageConfig>;
  }

  it('builds the example project as cpu for linux/amd64 and linux/arm64, merged into one tag', async () => {
    const out = path.join(dir, 'out-cpu');
    const r = await cli(['--out', out], {
      image: { name: 'ml-image-it/hello-ml', registry, version: '0.1.0' },
      variants: [{ python: '3.11' }],
      platforms: ['linux/amd64', 'linux/arm64'],
      python: { requirements: [path.join(EXAMPLE, 'requirements.txt')], indexUrl: index.url },
      build: { context: EXAMPLE, mirrors, network: 'host' },
    });
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/build cpu\/amd64: done in \d+\.\ds/);
    expect(r.err).toMatch(/build cpu\/arm64: done in \d+\.\ds/);
    expect(r.err).toContain('merge cpu: 2 platform(s)');

    const result = JSON.parse(readFileSync(path.join(out, 'build.json'), 'utf8')) as BuildResult;
    const v = result.variants[0]!;
    expect(v.tags).toEqual([`${registry}/ml-image-it/hello-ml:0.1.0-cpu`]);
    expect(v.platforms.map((p) => p.platform)).toEqual(['linux/amd64', 'linux/arm64']);
    expect(v.baseImage).toBe(`${registry}/ml-image-test/python:3.11-slim`);
    expect(v.baseDigest).toMatch(/^sha256:/);

    const indexed = await docker.imagetoolsInspect(v.tags[0]!);
    expect(indexed.platforms.map((p) => `${p.os}/${p.architecture}`).sort()).toEqual([
      'linux/amd64',
      'linux/arm64',
    ]);
    expect(await docker.imageDigest(v.tags[0]!)).toBe(v.digest);

    const configs = await imageConfigs(v.tags[0]!);
    for (const platform of ['linux/amd64', 'linux/arm64']) {
      const c = configs[platform]!.config;
      expect(c.User).toBe('app');
      expect(c.Labels).toMatchObject({
        'io.github.ml-image-action.variant': 'cpu',
        'io.github.ml-image-action.python': '3.11',
        'io.github.ml-image-action.base-image': 'docker.io/library/python:3.11-slim',
        'io.github.ml-image-action.base-digest': v.baseDigest,
        'org.opencontainers.image.version': '0.1.0',
        'org.opencontainers.image.base.name': 'docker.io/library/python:3.11-slim',
      });
      expect(c.Labels['org.opencontainers.image.created']).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }

    // python -c in both platform images: the module and its requirement are there, arm64 under QEMU.
    for (const [p, machine] of [
      [v.platforms[0]!, 'x86_64'],
      [v.platforms[1]!, 'aarch64'],
    ] as const) {
      const run = await docker.runContainer({
        image: `${v.repository}@${p.digest}`,
        platform: p.platform,
        cmd: [
          'python3',
          '-c',
          'import hello_ml, os; print(hello_ml.greeting()); print(os.environ["HF_HOME"])',
        ],
      });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stdout).toBe(`hello from ${machine} (tqdm 4.66.0)\n/cache/huggingface\n`);
    }
  });

  it('builds a cuda variant FROM a stand-in carrying nvidia/cuda environment and labels', async () => {
    // The stand-in: the local Python image with nvidia/cuda's environment variables and labels.
    const standIn = `${registry}/ml-image-test/nvidia/cuda:12.8.2-runtime-ubuntu24.04`;
    await buildTestImage(
      docker,
      dir,
      `FROM ${images.pythonAmd64}
ENV NVARCH=x86_64 CUDA_VERSION=12.8.1 NVIDIA_REQUIRE_CUDA="cuda>=12.8 brand=tesla,driver>=535,driver<536" \\
    NV_CUDA_CUDART_VERSION=12.8.90-1 NVIDIA_VISIBLE_DEVICES=all NVIDIA_DRIVER_CAPABILITIES=compute,utility \\
    LD_LIBRARY_PATH=/usr/local/nvidia/lib:/usr/local/nvidia/lib64
LABEL maintainer="NVIDIA CORPORATION <cudatools@nvidia.com>" com.nvidia.cudnn.version=""
`,
      standIn,
      '--push',
    );

    const out = path.join(dir, 'out-cuda');
    // Requirements that name their own index (pip then drops every index given before it) and a pin
    // only the torch index has: the build's requirements step still searches the torch index, as
    // the resolver's dry runs do.
    const requirements = path.join(dir, 'requirements-cuda.txt');
    writeFileSync(requirements, `--index-url ${index.url}\ntqdm>=4.60\ntorchaddon==0.1.0+cu128\n`);
    const r = await cli(['--out', out], {
      image: { name: 'ml-image-it/cuda-demo', registry, version: '0.1.0' },
      variants: [{ cuda: '12.8', torch: '2.11' }],
      platforms: ['linux/amd64'],
      python: {
        requirements: [requirements],
        indexUrl: index.url,
        torchIndexUrl: `${index.origin}/whl`,
      },
      build: { context: EXAMPLE, mirrors, network: 'host' },
    });
    expect(r.code, r.err).toBe(0);
    const v = (JSON.parse(readFileSync(path.join(out, 'build.json'), 'utf8')) as BuildResult).variants[0]!;
    expect(v.baseImage).toBe(standIn);
    const c = (await imageConfigs(v.tags[0]!))['linux/amd64']!;
    expect(c.config.Labels).toMatchObject({
      'io.github.ml-image-action.variant': 'cuda12.8',
      'io.github.ml-image-action.cuda': '12.8',
      'io.github.ml-image-action.torch': '2.11.0',
      'org.opencontainers.image.base.name': 'docker.io/nvidia/cuda:12.8.2-runtime-ubuntu24.04',
      maintainer: 'NVIDIA CORPORATION <cudatools@nvidia.com>',
    });
    const run = await docker.runContainer({
      image: `${v.repository}@${v.platforms[0]!.digest}`,
      platform: 'linux/amd64',
      cmd: [
        'python3',
        '-c',
        'import torch.version as v, os, importlib.metadata as m; print(v.cuda, os.environ["CUDA_VERSION"], os.environ["NVIDIA_DRIVER_CAPABILITIES"], os.environ["ML_IMAGE_VARIANT"], m.version("torchaddon"))',
      ],
    });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('12.8 12.8.1 compute,utility cuda12.8 0.1.0+cu128');
  });

  it('two builds of an unchanged context push the same manifest list', async () => {
    // The context is in this repository: the created label comes from its last commit (the
    // config's own directory is no git checkout, so the plan has no commit time).
    const commit = execFileSync('git', ['-C', EXAMPLE, 'log', '-1', '--format=%ct'], { encoding: 'utf8' });
    const config = {
      image: { name: 'ml-image-it/reproducible', registry, version: '0.1.0' },
      variants: [{ python: '3.11' }],
      platforms: ['linux/amd64'],
      build: { context: EXAMPLE, mirrors, cache: 'none' },
    };
    const first = await cli(['--json', '--verbose'], config);
    expect(first.code, first.err).toBe(0);
    const second = await cli(['--json'], config);
    expect(second.code, second.err).toBe(0);
    const [a, b] = [first, second].map((r) => (JSON.parse(r.out) as BuildResult).variants[0]!);
    expect(b!.digest).toBe(a!.digest);
    expect(b!.platforms[0]!.digest).toBe(a!.platforms[0]!.digest);
    // One platform still gets its manifest list (the `digest` output is the list's).
    expect(a!.digest).not.toBe(a!.platforms[0]!.digest);
    expect(await docker.imageDigest(a!.tags[0]!)).toBe(a!.digest);
    expect(first.err).toMatch(/timing: merge cpu [\d.]+s/);
    // --verbose: a timing line per step.
    expect(first.err).toMatch(/timing: builder facts [\d.]+s/);
    expect(first.err).toMatch(/timing: build cpu\/amd64 [\d.]+s/);
    const created = new Date(Number(commit) * 1000).toISOString();
    expect(first.err).toContain(`created label ${created}: commit time of the context's git repository`);
    expect(second.err).not.toContain('timing:');
    const labels = (await imageConfigs(a!.tags[0]!))['linux/amd64']!.config.Labels;
    expect(labels['org.opencontainers.image.created']).toBe(created);
  });

  describe('bad input and failing builds', () => {
    const minimal = (extra: Record<string, unknown> = {}) => ({
      image: { name: 'ml-image-it/bad', registry },
      variants: [{ python: '3.11' }],
      platforms: ['linux/amd64'],
      build: { context: EXAMPLE, mirrors, network: 'host' },
      ...extra,
    });

    it('unknown platform: exit 2 naming the value', async () => {
      const r = await cli(['--platforms', 'linux/s390x'], minimal());
      expect(r.code).toBe(2);
      expect(r.err).toContain(
        'platforms[0]: expected one of "linux/amd64", "linux/arm64", got "linux/s390x" (from flag --platforms)',
      );
    });

    it('missing Dockerfile: exit 2 naming the path', async () => {
      const r = await cli([], minimal({ build: { context: EXAMPLE, dockerfile: 'Dockerfile.missing' } }));
      expect(r.code).toBe(2);
      expect(r.err).toContain(`build.dockerfile: file not found: ${path.join(dir, 'Dockerfile.missing')}`);
    });

    it('template that does not exist: exit 2 listing the templates', async () => {
      const r = await cli([], minimal({ build: { context: EXAMPLE, template: 'rocm' } }));
      expect(r.code).toBe(2);
      expect(r.err).toContain('build.template: expected one of "cpu", "cuda", "ngc", got "rocm"');
    });

    it('registry unreachable: exit 3 with the fix, before building anything', async () => {
      const r = await cli([], minimal({ image: { name: 'ml-image-it/bad', registry: 'localhost:5999' } }));
      expect(r.code).toBe(3);
      expect(r.err).toContain('registry localhost:5999 is unreachable');
      expect(r.err).toContain('fix: start the registry at localhost:5999, or, if that host or port is wrong');
      expect(r.err).toContain('image.registry in the config');
      expect(r.err).not.toContain('test-env.sh');
      expect(r.err).not.toContain('build cpu/amd64: started');
    });

    it("an index that is down: exit 3 naming the index and pip's line, not the registry", async () => {
      // A port that refuses: taken, then let go.
      const port = await new Promise<number>((resolve) => {
        const s = createServer().listen(0, '127.0.0.1', () => {
          const { port: p } = s.address() as AddressInfo;
          s.close(() => resolve(p));
        });
      });
      const req = path.join(dir, 'down-requirements.txt');
      writeFileSync(req, 'tqdm>=4.60\n');
      const r = await cli(
        [],
        minimal({
          resolve: { mode: 'off' },
          python: { requirements: [req], indexUrl: `http://127.0.0.1:${port}/simple` },
        }),
      );
      expect(r.code, r.err).toBe(3);
      expect(r.err).toMatch(
        new RegExp(
          `error: build cpu/amd64 failed after \\d+\\.\\ds: pip in the build could not reach the package index http://127\\.0\\.0\\.1:${port}/simple: WARNING: Retrying \\(Retry\\(total=0, .*Connection refused`,
        ),
      );
      expect(r.err).not.toContain('registry unreachable');
      expect(r.err).toContain('fix: check that the index is up');
      expect(r.err.match(/build cpu\/amd64: started/g)).toHaveLength(1);
    });

    it('a Dockerfile that fails: exit 1, one attempt, the reason and the end of the log', async () => {
      const ctx = mkdtempSync(path.join(dir, 'failing-'));
      writeFileSync(
        path.join(ctx, 'Dockerfile'),
        `ARG BASE_IMAGE\nFROM \${BASE_IMAGE}\nRUN echo "about to fail: missing-model-weights" && exit 42\n`,
      );
      const r = await cli(
        [],
        minimal({
          build: { context: ctx, dockerfile: path.join(ctx, 'Dockerfile'), mirrors, network: 'host' },
        }),
      );
      expect(r.code).toBe(1);
      expect(r.err).toMatch(
        /error: build cpu\/amd64 failed after \d+\.\ds: .*(did not complete successfully|executor failed running).*exit code: 42/,
      );
      expect(r.err).toContain('--- last lines of the build log ---');
      expect(r.err).toContain('about to fail: missing-model-weights');
      expect(r.err.match(/build cpu\/amd64: started/g)).toHaveLength(1);
      expect(r.err).toContain('not retried because the failure is deterministic');
    });
  });
});
