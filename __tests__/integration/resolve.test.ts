// Resolve on real pip in real containers: a local PEP 503 index of generated wheels whose METADATA
// copies the real packages' Requires-Dist, and a base image holding numpy 1.26.4 + numba +
// nvidia-modelopt (which need numpy<2.1 and numpy<2).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli } from '../../src/cli/main.js';
import { type ContainerSession, type DockerAdapter, RUN_LABEL } from '../../src/docker/adapter.js';
import { RUN_ID } from '../../src/util/run-id.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import type { Resolution } from '../../src/resolve/result.js';
import {
  PIP_CACHE_DIR,
  PIP_CACHE_LABEL,
  pipCacheScope,
  pipCacheVolume,
} from '../../src/resolve/pip-cache.js';
import { SESSION_PIDS_LIMIT } from '../../src/docker/sessions.js';
import { closedPort } from '../helpers/net.js';
import { RESOLVE_TIMEOUT_ENV } from '../../src/resolve/exec-limit.js';
import { systemLookup } from '../../src/docker/host-lookup.js';
import { resolveAgainstBase } from '../../src/resolve/resolve.js';
import { InputError } from '../../src/errors.js';
import { fileSnapshotCache, snapshotKey } from '../../src/resolve/snapshot-cache.js';
import { captureIo } from '../helpers/fakes.js';
import { startWheelIndex, type WheelIndex, type WheelSpec, wheelFileName } from '../helpers/wheel-index.js';

const env = inject('dockerEnv');

/** Requires-Dist as published by the real releases (trimmed to the lines that matter on Linux). */
export const NUMPY_CONFLICT_WHEELS: WheelSpec[] = [
  { name: 'numpy', version: '1.26.4', requiresPython: '>=3.9' },
  { name: 'numpy', version: '2.2.6', requiresPython: '>=3.10' },
  { name: 'numpy', version: '2.3.1', requiresPython: '>=3.11' },
  ...['4.10.0.84', '4.11.0.86'].map((version) => ({
    name: 'opencv-python-headless',
    module: 'cv2',
    version,
    requires: ['numpy>=1.21.2; python_version >= "3.10"', 'numpy>=1.23.5; python_version >= "3.11"'],
  })),
  {
    name: 'opencv-python-headless',
    module: 'cv2',
    version: '4.12.0.88',
    requires: ['numpy<2.3.0,>=2; python_version >= "3.9"'],
  },
  { name: 'opencv-python-headless', module: 'cv2', version: '4.13.0.90', requires: ['numpy>=2'] },
  { name: 'llvmlite', version: '0.43.0' },
  { name: 'numba', version: '0.60.0', requires: ['llvmlite<0.44,>=0.43.0dev0', 'numpy<2.1,>=1.22'] },
  { name: 'nvidia-modelopt', module: 'modelopt', version: '0.25.0', requires: ['numpy<2'] },
  { name: 'tqdm', version: '4.66.0' },
];

/** A resolve input that only names an index (what the pip cache volume is keyed by). */
const withIndex = (indexUrl: string, requirements = '') => ({
  image: 'any',
  platform: 'linux/amd64',
  requirements: { text: requirements, origins: [] },
  mode: 'auto' as const,
  indexes: { indexUrl, extraIndexUrls: [] },
});

/** The host's address on Docker's default bridge (docker0), as the bridge's containers reach it. */
function bridgeGateway(): string {
  const r = spawnSync('ip', ['-4', '-o', 'addr', 'show', 'docker0'], { encoding: 'utf8' });
  return /inet (\d+\.\d+\.\d+\.\d+)\//.exec(r.stdout ?? '')?.[1] ?? '172.17.0.1';
}

describe.skipIf(!env.available)('ml-image resolve on real pip', () => {
  const images = env.images!;
  const baseRepo = `${images.registry}/ml-image-test/numpy1-base`;
  let docker: DockerAdapter;
  let index: WheelIndex;
  let dir: string;

  beforeAll(async () => {
    docker = createDefaultDockerAdapter();
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-resolve-it-'));
    index = await startWheelIndex(NUMPY_CONFLICT_WHEELS);
    // The base image: the local Python image + numpy 1.26.4, numba 0.60.0, nvidia-modelopt 0.25.0.
    writeFileSync(
      path.join(dir, 'Dockerfile'),
      `ARG BASE\nFROM \${BASE}\nARG INDEX\nRUN pip install --no-cache-dir --index-url "$INDEX" numpy==1.26.4 numba==0.60.0 nvidia-modelopt==0.25.0\n`,
    );
    for (const [arch, base] of [
      ['amd64', images.pythonAmd64],
      ['arm64', images.pythonArm64],
    ] as const) {
      const r = await docker.buildx([
        'build',
        '--platform',
        `linux/${arch}`,
        '--network',
        'host',
        '--provenance=false',
        '--build-arg',
        `BASE=${base}`,
        '--build-arg',
        `INDEX=${index.url}`,
        '-t',
        `${baseRepo}:${arch}`,
        '--push',
        dir,
      ]);
      expect(r.exitCode, r.stderr).toBe(0);
    }
  });
  afterAll(async () => {
    await index?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function resolve(
    requirements: string,
    args: string[] = [],
    arch = 'amd64',
    opts: {
      indexUrl?: string | null;
      docker?: DockerAdapter;
      image?: string;
      /** More of the CLI's environment (it reads its own, never the process's). */
      env?: Record<string, string>;
    } = {},
  ) {
    const req = path.join(dir, `req-${Math.random().toString(36).slice(2)}.txt`);
    writeFileSync(req, requirements);
    const out = path.join(dir, `out-${Math.random().toString(36).slice(2)}`);
    const io = captureIo(dir, opts.docker ?? docker, {
      ML_IMAGE_CACHE_DIR: `${dir}/.ml-image-cache`,
      ...opts.env,
    });
    const code = await runCli(
      [
        'resolve',
        '--image',
        opts.image ?? `${baseRepo}:${arch}`,
        '--platform',
        `linux/${arch}`,
        '--requirements',
        req,
        ...(opts.indexUrl === null ? [] : ['--index-url', opts.indexUrl ?? index.url]),
        '--out',
        out,
        ...args,
      ],
      io,
    );
    const read = (f: string) => readFileSync(path.join(out, f), 'utf8');
    return { code, stdout: io.out(), stderr: io.err(), out, read, req };
  }

  it('fixable: unpinned opencv moves to 4.11.0.86 with numpy held at 1.26.4', async () => {
    const r = await resolve('opencv-python-headless\n');
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.read('resolution.json')) as Resolution;
    expect(res.status).toBe('fixed');
    expect(res.naive.replaces).toEqual([
      expect.objectContaining({
        name: 'numpy',
        from: '1.26.4',
        to: '2.3.1',
        breaks: expect.arrayContaining([
          expect.objectContaining({ dist: 'numba', requirement: 'numpy<2.1,>=1.22' }),
          expect.objectContaining({ dist: 'nvidia-modelopt', requirement: 'numpy<2' }),
        ]),
        pulledInBy: [
          expect.objectContaining({
            dist: 'opencv-python-headless',
            version: '4.13.0.90',
            requirement: 'numpy>=2',
          }),
        ],
      }),
    ]);
    expect(res.resolved?.moved).toEqual([
      {
        name: 'opencv-python-headless',
        naive: '4.13.0.90',
        resolved: '4.11.0.86',
        reason: 'the newest that accepts numpy 1.26.4 held by the base image',
      },
    ]);
    const constraints = r.read('constraints.txt');
    expect(constraints).toMatch(/^numpy==1\.26\.4$/m);
    expect(constraints).toMatch(/^numba==0\.60\.0$/m);
    expect(constraints).toMatch(/^opencv-python-headless==4\.11\.0\.86$/m);
    expect(constraints).not.toMatch(/^pip==/m);
    expect(r.read('explanation.md')).toContain('opencv-python-headless` 4.13.0.90 -> 4.11.0.86');
    expect(
      await docker.listManagedContainers({
        'io.github.ml-image-action.stage': 'resolve',
        [RUN_LABEL]: RUN_ID,
      }),
    ).toEqual([]);
  });

  it('caches the base snapshot by digest and platform: the second run skips pip inspect', async () => {
    await resolve('tqdm\n');
    const again = await resolve('tqdm\n');
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/base snapshot from the cache \(sha256:/);
  });

  it('unfixable: opencv-python-headless==4.12.0.88 exits 1 naming the whole chain', async () => {
    const r = await resolve('opencv-python-headless==4.12.0.88\n');
    expect(r.code).toBe(1);
    const res = JSON.parse(r.read('resolution.json')) as Resolution;
    expect(res.status).toBe('conflict');
    const chain = res.conflict!.chain.join('\n');
    expect(chain).toContain('opencv-python-headless 4.12.0.88 needs numpy<2.3.0,>=2');
    expect(chain).toContain("would replace the base image's numpy 1.26.4");
    expect(chain).toContain('numba 0.60.0 (numpy<2.1,>=1.22)');
    expect(chain).toContain('nvidia-modelopt 0.25.0 (numpy<2)');
    // The option names the line to change.
    expect(res.conflict!.options[0]).toBe(
      `use an older release: opencv-python-headless==4.11.0.86 is the newest that fits the base image (change ${r.req}:1)`,
    );
    expect(res.conflict!.options.join('\n')).toContain('newer base image');
    expect(res.conflict!.options.join('\n')).toContain('at your own risk');
    expect(r.stdout).toContain(
      'Conflict: your requirements cannot be installed without breaking the base image.',
    );
  });

  it('no conflict: nothing moves and the base is only pinned', async () => {
    const r = await resolve('tqdm\n');
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.read('resolution.json')) as Resolution;
    expect(res.status).toBe('clean');
    expect(res.naive.replaces).toEqual([]);
    expect(res.resolved?.moved).toEqual([]);
    expect(res.resolved?.install).toEqual([{ name: 'tqdm', version: '4.66.0' }]);
  });

  it('check mode: any change to the base fails with the explanation', async () => {
    const r = await resolve('opencv-python-headless\n', ['--mode', 'check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('replace `numpy 1.26.4` with `2.3.1`');
  });

  it('malformed requirements: exit 2 naming the file and line', async () => {
    const r = await resolve('tqdm\nnumpy[\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /error: .*req-[a-z0-9]+\.txt: 1 problem\n {2}- .*req-[a-z0-9]+\.txt:2: invalid requirement "numpy\["/,
    );
  });

  it('index unreachable: exit 3', async () => {
    const port = await closedPort();
    const io = captureIo(dir, docker);
    const req = path.join(dir, 'unreachable.txt');
    writeFileSync(req, 'tqdm\n');
    const code = await runCli(
      [
        'resolve',
        '--image',
        `${baseRepo}:amd64`,
        '--requirements',
        req,
        '--index-url',
        `http://127.0.0.1:${port}/simple`,
      ],
      io,
    );
    expect(code).toBe(3);
    expect(io.err()).toContain(`the package index http://127.0.0.1:${port}/simple is unreachable`);
    // On the host's network (a loopback index): the fix does not send anyone to the host's network.
    expect(io.err()).not.toContain('bridge network');
    // On the bridge, the fix says so and how to switch.
    const bridged = captureIo(dir, docker);
    const again = await runCli(
      [
        'resolve',
        '--image',
        `${baseRepo}:amd64`,
        '--requirements',
        req,
        '--index-url',
        `http://127.0.0.1:${port}/simple`,
        '--network',
        'bridge',
      ],
      bridged,
    );
    expect(again).toBe(3);
    expect(bridged.err()).toContain("the resolver's container ran on Docker's bridge network");
    expect(bridged.err()).toContain('--network host');
  });

  it('the same fixable case on linux/arm64 (pip runs in the arm64 image under QEMU)', async () => {
    const r = await resolve('opencv-python-headless\n', [], 'arm64');
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.read('resolution.json')) as Resolution;
    expect(res.platform).toBe('linux/arm64');
    expect(res.resolved?.moved[0]).toMatchObject({ name: 'opencv-python-headless', resolved: '4.11.0.86' });
  });

  it('build with resolve auto: the constraints hold numpy and pip check is clean in the image', async () => {
    const ctx = mkdtempSync(path.join(dir, 'ctx-'));
    writeFileSync(path.join(ctx, 'requirements.txt'), 'opencv-python-headless\n');
    const config = path.join(ctx, 'ml-image.yml');
    writeFileSync(
      config,
      stringify({
        image: { name: 'ml-image-it/resolved', registry: images.registry, version: '0.1.0' },
        variants: [{ name: 'numpy1', base: `${baseRepo}:amd64` }],
        platforms: ['linux/amd64'],
        python: { requirements: ['requirements.txt'], indexUrl: index.url },
        resolve: { mode: 'auto' },
        build: { network: 'host' },
      }),
    );
    const io = captureIo(ctx, docker);
    const code = await runCli(['build', '--config', config, '--quiet', '--out', 'out'], io);
    expect(code, io.err()).toBe(0);
    expect(io.err()).toContain(
      'opencv-python-headless 4.13.0.90 -> 4.11.0.86, the newest that accepts numpy 1.26.4',
    );
    const digest = JSON.parse(readFileSync(path.join(ctx, 'out', 'build.json'), 'utf8')).variants[0]
      .platforms[0].digest;
    const run = await docker.runContainer({
      image: `${images.registry}/ml-image-it/resolved@${digest}`,
      platform: 'linux/amd64',
      cmd: [
        'sh',
        '-c',
        'python3 -m pip check && python3 -c "import numpy, cv2; print(numpy.__version__, cv2.__version__)"',
      ],
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('No broken requirements found.');
    expect(run.stdout.trim().split('\n').at(-1)).toBe('1.26.4 4.11.0.86');
  });

  // ---- the requirements' own -c files: constraints in every dry run and in the build

  it('a -c file of the repository holds back what it names, and ends the constraints the build gets', async () => {
    writeFileSync(path.join(dir, 'cv-pins.txt'), '# held back on purpose\nopencv-python-headless<4.11\n');
    const r = await resolve('opencv-python-headless\n-c cv-pins.txt\n');
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.read('resolution.json')) as Resolution;
    expect(res.status).toBe('clean');
    expect(res.naive.install).toEqual([{ name: 'opencv-python-headless', version: '4.10.0.84' }]);
    const constraints = r.read('constraints.txt');
    expect(constraints).toMatch(/^numpy==1\.26\.4$/m);
    expect(
      constraints.endsWith("# the requirements' own constraints (-c files)\nopencv-python-headless<4.11\n"),
    ).toBe(true);
  });

  it("a -c file's constraint that contradicts the base image is a conflict (exit 1) pip names", async () => {
    // The second line's marker does not hold for this Python: pip leaves it out, so it is not named.
    writeFileSync(path.join(dir, 'np2-pins.txt'), 'numpy>=2\nnumpy<1.20 ; python_version < "3"\n');
    const r = await resolve('opencv-python-headless\n-c np2-pins.txt\n');
    expect(r.code, r.stderr).toBe(1);
    const res = JSON.parse(r.read('resolution.json')) as Resolution;
    expect(res.status).toBe('conflict');
    // pip merges the base's pin and the user's constraint on numpy into one.
    expect(res.conflict!.causes).toContain('The user requested (constraint) numpy==1.26.4,>=2');
    expect(res.conflict!.options[0]).toBe(
      `loosen or drop your constraint "numpy>=2" (${path.join(dir, 'np2-pins.txt')}:1): the requirements' own -c files are held as firmly as the base image's packages`,
    );
    expect(res.conflict!.options.filter((o) => o.startsWith('loosen or drop your constraint'))).toHaveLength(
      1,
    );
    expect(r.stdout).toContain(
      'Conflict: your requirements cannot be installed without breaking the base image.',
    );
  });

  it('build with resolve off: the -c file reaches pip in the build (ml_image_constraints)', async () => {
    const ctx = mkdtempSync(path.join(dir, 'ctx-'));
    writeFileSync(path.join(ctx, 'requirements.txt'), 'opencv-python-headless\n-c pins/cv.txt\n');
    mkdirSync(path.join(ctx, 'pins'));
    writeFileSync(path.join(ctx, 'pins', 'cv.txt'), 'opencv-python-headless<4.11\nnumpy<2\n');
    const config = path.join(ctx, 'ml-image.yml');
    writeFileSync(
      config,
      stringify({
        image: { name: 'ml-image-it/user-constraints', registry: images.registry, version: '0.1.0' },
        variants: [{ name: 'numpy1', base: `${baseRepo}:amd64` }],
        platforms: ['linux/amd64'],
        python: { requirements: ['requirements.txt'], indexUrl: index.url },
        resolve: { mode: 'off' },
        build: { network: 'host' },
      }),
    );
    const io = captureIo(ctx, docker);
    const code = await runCli(['build', '--config', config, '--quiet', '--out', 'out'], io);
    expect(code, io.err()).toBe(0);
    const digest = JSON.parse(readFileSync(path.join(ctx, 'out', 'build.json'), 'utf8')).variants[0]
      .platforms[0].digest;
    const run = await docker.runContainer({
      image: `${images.registry}/ml-image-it/user-constraints@${digest}`,
      platform: 'linux/amd64',
      cmd: ['python3', '-c', 'import numpy, cv2; print(numpy.__version__, cv2.__version__)'],
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    // Without the -c file pip takes opencv 4.13.0.90 and numpy 2.3.1.
    expect(run.stdout.trim().split('\n').at(-1)).toBe('1.26.4 4.10.0.84');
  });

  // ---- trust: nothing large or secret on a command line; pip's failures named for what they are

  /** The real adapter, recording `docker inspect` of every session container it starts. */
  function inspectingDocker(seen: string[]): DockerAdapter {
    return {
      ...docker,
      async startSession(spec) {
        const s: ContainerSession = await docker.startSession(spec);
        const r = spawnSync('docker', ['inspect', s.containerId], { encoding: 'utf8' });
        expect(r.status, r.stderr).toBe(0);
        seen.push(r.stdout);
        return s;
      },
    };
  }

  it('a 150 KB requirements file resolves (files reach the container as an archive, not argv)', async () => {
    // The size of a hash-pinned lock file: one requirement with 2,000 --hash lines (the right one last).
    const wheel = path.join(index.root, 'simple', 'tqdm', wheelFileName({ name: 'tqdm', version: '4.66.0' }));
    const sha = createHash('sha256').update(readFileSync(wheel)).digest('hex');
    const decoys = Array.from({ length: 1999 }, (_, i) =>
      createHash('sha256').update(String(i)).digest('hex'),
    );
    const text = `tqdm==4.66.0 \\\n${[...decoys, sha].map((h) => `    --hash=sha256:${h}`).join(' \\\n')}\n`;
    expect(text.length).toBeGreaterThan(150_000);
    const r = await resolve(text);
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.read('resolution.json')) as Resolution;
    expect(res.resolved?.install).toEqual([{ name: 'tqdm', version: '4.66.0' }]);
  });

  it("the requirements' own --index-url with a token works, and the token is shown nowhere", async () => {
    const token = 'glpat-SECRETxTOKENx0123456789abc';
    const seen: string[] = [];
    // Written as ${NAME} (a literal token in the file is refused): pip fills it in from its
    // environment, which reaches it through the exec, never the container's own Env.
    const authed = index.url.replace('http://', 'http://mlimg:${IDX_TOKEN}@');
    const r = await resolve(`--index-url ${authed}\ntqdm\n`, ['--json'], 'amd64', {
      indexUrl: null,
      docker: inspectingDocker(seen),
      env: { IDX_TOKEN: token },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'clean' });
    for (const f of ['resolution.json', 'explanation.md', 'constraints.txt'])
      expect(r.read(f)).not.toContain(token);
    expect(r.stdout).not.toContain(token);
    expect(r.stderr).not.toContain(token);
    expect(seen).toHaveLength(1);
    expect(seen[0]).not.toContain(token); // not in the container's Cmd, Entrypoint, Env or labels
    expect(seen[0]).not.toContain(PIP_CACHE_DIR); // an index with credentials gets no pip cache volume
  });

  it("keeps pip's HTTP cache in one named volume per index, and reports where the time went", async () => {
    // An index that answers as PyPI does, with cache headers (the test index sends none); pip
    // caches only https and trusted hosts (no volume is made for others), so the requirements trust
    // this one.
    const wheelName = wheelFileName({ name: 'tqdm', version: '4.66.0' });
    const wheel = readFileSync(path.join(index.root, 'simple', 'tqdm', wheelName));
    const cached: Server = createServer((req, res) => {
      const headers = { 'Cache-Control': 'max-age=600, public', ETag: '"ml-image-test-1"' };
      if (req.url === '/simple/tqdm/')
        res
          .writeHead(200, { ...headers, 'Content-Type': 'text/html' })
          .end(`<a href="/files/${wheelName}">${wheelName}</a>`);
      else if (req.url === `/files/${wheelName}`)
        res.writeHead(200, { ...headers, 'Content-Type': 'application/octet-stream' }).end(wheel);
      else res.writeHead(404).end();
    });
    await new Promise<void>((ok) => cached.listen(0, '127.0.0.1', () => ok()));
    const url = `http://127.0.0.1:${(cached.address() as { port: number }).port}/simple`;
    const host = new URL(url).host;
    const requirements = `--trusted-host ${host}\ntqdm\n`;
    // One volume per base (by its registry digest) and trust scope, as well as per index set.
    const digest = await docker.imageDigest(`${baseRepo}:amd64`);
    const volume = pipCacheVolume(withIndex(url, requirements), {
      base: digest,
      scope: pipCacheScope(process.env),
    })!.name;
    try {
      const seen: string[] = [];
      const r = await resolve(requirements, ['--verbose'], 'amd64', {
        docker: inspectingDocker(seen),
        indexUrl: url,
      });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(
        /timing: container start \d+\.\d\ds \(base digest lookup \d+\.\d\ds\), snapshot .*, plain dry run \d+\.\d\ds, .*container stop \d+\.\d\ds, total/,
      );
      expect(seen[0]).toContain(`"Source": "${volume}"`);
      // pip ran as root with every capability dropped, and still wrote its cache (below).
      const [inspected] = JSON.parse(seen[0]!) as {
        HostConfig: Record<string, unknown>;
        Config: { Image: string };
      }[];
      expect(inspected!.HostConfig).toMatchObject({
        CapDrop: ['ALL'],
        SecurityOpt: ['no-new-privileges'],
        PidsLimit: SESSION_PIDS_LIMIT,
      });
      // The image this machine holds under the tag (the build's FROM), by its id; pulled from the
      // registry, so keyed by the registry digest.
      const localId = spawnSync('docker', ['image', 'inspect', '--format', '{{.Id}}', `${baseRepo}:amd64`], {
        encoding: 'utf8',
      }).stdout.trim();
      expect(inspected!.Config.Image).toBe(localId);
      const labels = spawnSync('docker', ['volume', 'inspect', volume, '--format', '{{json .Labels}}'], {
        encoding: 'utf8',
      });
      expect(labels.status, labels.stderr).toBe(0);
      expect(JSON.parse(labels.stdout)).toMatchObject({ [PIP_CACHE_LABEL]: 'pip-http' });
      // pip kept what it fetched there, for the next run (and nothing that names the index's host).
      const files = spawnSync(
        'docker',
        ['run', '--rm', '-v', `${volume}:/c:ro`, images.pythonAmd64, 'find', '/c', '-type', 'f'],
        { encoding: 'utf8' },
      );
      expect(files.status, files.stderr).toBe(0);
      expect(files.stdout).toMatch(/\/c\/http/);
    } finally {
      cached.closeAllConnections();
      await new Promise<void>((ok) => cached.close(() => ok()));
      spawnSync('docker', ['volume', 'rm', volume], { stdio: 'ignore' });
    }
  });

  it('an index URL with a token from the flag reaches pip by environment only, and a failure hides it', async () => {
    const token = 'SECRETxFLAGxTOKEN';
    const port = await closedPort();
    const seen: string[] = [];
    const r = await resolve('tqdm\n', [], 'amd64', {
      indexUrl: `http://u:${token}@127.0.0.1:${port}/simple`,
      docker: inspectingDocker(seen),
    });
    expect(r.code).toBe(3);
    // pip is given the URL without its login (the login in a netrc file): pip's errors name it so.
    expect(r.stderr).toContain(`the package index http://127.0.0.1:${port}/simple is unreachable`);
    expect(r.stderr + r.stdout).not.toContain(token);
    expect(seen[0]).not.toContain(token);
  });

  it('a base image without python3 is exit 2 naming the image', async () => {
    const r = await resolve('tqdm\n', [], 'amd64', { image: images.busyboxAmd64 });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`error: ${images.busyboxAmd64} has no python3`);
    expect(r.stderr).toContain('resolve needs python3 and pip');
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it("a wrong --hash is exit 2 with pip's message and the line, not a conflict", async () => {
    const r = await resolve(`tqdm==4.66.0 --hash=sha256:${'0'.repeat(64)}\n`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/req-[a-z0-9]+\.txt:1: a downloaded file does not match the --hash/);
    expect(r.stderr).toContain('THESE PACKAGES DO NOT MATCH THE HASHES');
    expect(r.stderr).not.toContain('conflict');
  });

  it('the right --hash resolves', async () => {
    const wheel = path.join(index.root, 'simple', 'tqdm', wheelFileName({ name: 'tqdm', version: '4.66.0' }));
    const sha = createHash('sha256').update(readFileSync(wheel)).digest('hex');
    const r = await resolve(`tqdm==4.66.0 --hash=sha256:${sha}\n`);
    expect(r.code, r.stderr).toBe(0);
  });

  it('-e /usr (no project there) is exit 2: the local project is not inside the base image', async () => {
    const r = await resolve('tqdm\n-e /usr\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/req-[a-z0-9]+\.txt:2: a local path in the requirements is not there inside/);
    expect(r.stderr).toContain('does not appear to be a Python project');
  });

  it('-e . is exit 2 before the pull: no relative path is in the resolver container', async () => {
    const r = await resolve('tqdm\n-e .\n', [], 'amd64', {
      image: 'localhost:5999/nowhere/python:3.11-slim',
    });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(
      /req-[a-z0-9]+\.txt:2: "-e \.": a requirement by a relative path names a file of your repository, which the resolver's container does not have/,
    );
    expect(r.stderr).not.toContain('unreachable');
  });

  it('a failing direct URL is blamed on that URL (redacted), not the index', async () => {
    // The login as ${NAME} (a literal one is refused before pip runs); pip fills it in.
    const missing = `${index.origin.replace('http://', 'http://u:${DIRECT_PW}@')}/nowhere/pkg-1.0-py3-none-any.whl`;
    const r = await resolve(`tqdm\npkg @ ${missing}\n`, [], 'amd64', { env: { DIRECT_PW: 'SECRETxDIRECT' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /req-[a-z0-9]+\.txt:2: the direct URL http:\/\/u:\*\*\*@127\.0\.0\.1:\d+\/nowhere\/pkg-1\.0-py3-none-any\.whl failed: HTTP error 404/,
    );
    expect(r.stderr).not.toContain('package index');
    expect(r.stderr).not.toContain('SECRETxDIRECT');
  });

  it('the index answering 503 and then 200 is retried, not classified as a conflict', async () => {
    // A proxy in front of the wheel index: the first 5 requests get 503 (more than pip's own 3
    // retries of one URL), then everything is passed through.
    let requests = 0;
    const target = new URL(index.origin);
    const proxy: Server = createServer((req, res) => {
      requests += 1;
      if (requests <= 5) {
        res.writeHead(503).end('busy');
        return;
      }
      const up = request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (ur) => {
          res.writeHead(ur.statusCode ?? 502, ur.headers);
          ur.pipe(res);
        },
      );
      up.on('error', () => res.writeHead(502).end());
      req.pipe(up);
    });
    await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
    try {
      const { port } = proxy.address() as { port: number };
      const r = await resolve('tqdm\n', [], 'amd64', { indexUrl: `http://127.0.0.1:${port}/simple` });
      expect(r.code, r.stderr).toBe(0);
      // At pip's normal level a 503 past its retries reads as "from versions: none", which a name
      // the index lacks shows too: the line says so, and pip's debug level tells them apart.
      expect(r.stderr).toMatch(
        /(?:the package index failed .*|no versions of "tqdm" found: .*); trying once more/,
      );
      const res = JSON.parse(r.read('resolution.json')) as Resolution;
      expect(res.status).toBe('clean');
      expect(res.resolved?.install).toEqual([{ name: 'tqdm', version: '4.66.0' }]);
      expect(requests).toBeGreaterThan(5);
    } finally {
      proxy.closeAllConnections();
      await new Promise<void>((ok) => proxy.close(() => ok()));
    }
  });

  it('a name the index lacks, after one it has: exit 2 on that line, the rerun not blaming the index', async () => {
    const r = await resolve('tqdm\nnot-a-real-package-xyz==1.0\n');
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/req-[a-z0-9]+\.txt:2: no release of "not-a-real-package-xyz==1\.0" found/);
    expect(r.stderr).toMatch(
      /no versions of "not-a-real-package-xyz==1\.0" found: a name the index lacks, or/,
    );
    expect(r.stderr).not.toMatch(/index failed/);
  });

  it.each([401, 403] as const)(
    'an index that refuses the token (%i): exit 3 naming the refusal and the credentials to check, not "no release"',
    async (status) => {
      const sent: (string | undefined)[] = [];
      const refusing: Server = createServer((req, res) => {
        sent.push(req.headers.authorization);
        res.writeHead(status, status === 401 ? { 'WWW-Authenticate': 'Basic realm="idx"' } : {}).end();
      });
      await new Promise<void>((ok) => refusing.listen(0, '127.0.0.1', ok));
      try {
        const { port } = refusing.address() as { port: number };
        const r = await resolve('tqdm\n', [], 'amd64', {
          indexUrl: null,
          env: { PIP_INDEX_URL: `http://u:EXPIREDxTOKEN123@127.0.0.1:${port}/simple` },
        });
        expect(r.code, r.stderr).toBe(3);
        expect(r.stderr).toMatch(
          new RegExp(
            `req-[a-z0-9]+\\.txt:1: no release of "tqdm" found: the package index refused pip \\(http://127\\.0\\.0\\.1:${port}/simple/tqdm/ answered ${status} `,
          ),
        );
        // The login reached pip through the netrc file (the URL pip was given has none).
        expect(sent).toContain(`Basic ${Buffer.from('u:EXPIREDxTOKEN123').toString('base64')}`);
        expect(r.stderr).toContain("check the index's credentials");
        expect(r.stderr + r.stdout).not.toContain('EXPIREDxTOKEN123');
      } finally {
        refusing.closeAllConnections();
        await new Promise<void>((ok) => refusing.close(() => ok()));
      }
    },
  );

  // ---- a base image and requirements a pull request may choose: the container is hardened

  it('the session runs as root with no capabilities, no new privileges, a process limit and no GPU; pip still writes', async () => {
    const volume = `ml-image-it-hardening-${process.pid}`;
    const session = await docker.startSession({
      image: images.pythonAmd64,
      platform: 'linux/amd64',
      network: 'bridge',
      labels: { 'io.github.ml-image-action.stage': 'resolve' },
      volumes: [{ name: volume, target: PIP_CACHE_DIR }],
    });
    try {
      const r = await session.exec(
        [
          'sh',
          '-c',
          'id -u; echo "gpus=$NVIDIA_VISIBLE_DEVICES"; grep -E "^(CapEff|CapPrm|CapBnd|NoNewPrivs):" /proc/self/status; cat /sys/fs/cgroup/pids/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids.max',
        ],
        { timeoutMs: 60_000 },
      );
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^0\n/);
      // No GPU, even where dockerd's default runtime is NVIDIA's and the image says "all".
      expect(r.stdout).toContain('gpus=void\n');
      for (const cap of ['CapEff', 'CapPrm', 'CapBnd'])
        expect(r.stdout).toMatch(new RegExp(`${cap}:\\s+0{16}\\n`));
      expect(r.stdout).toMatch(/NoNewPrivs:\s+1\n/);
      expect(r.stdout.trim().split('\n').at(-1)).toBe(String(SESSION_PIDS_LIMIT));
      // Root owns the volume's root and what it creates there and in /tmp (pip's HTTP cache written
      // for real: the pip cache test): it needs no capability for that.
      const pip = await session.exec(
        [
          'sh',
          '-c',
          `mkdir -p ${PIP_CACHE_DIR}/http/a && echo x > ${PIP_CACHE_DIR}/http/a/f && mkdir /tmp/d && echo x > /tmp/d/f && echo written`,
        ],
        { timeoutMs: 60_000 },
      );
      expect(pip.stdout, pip.stderr).toContain('written');
      // What needs a capability fails: handing a file to another user (CAP_CHOWN).
      const chown = await session.exec(['chown', '1234', '/tmp/d/f'], { timeoutMs: 60_000 });
      expect(chown.exitCode).not.toBe(0);
      expect(chown.stderr).toMatch(/Operation not permitted/);
      // On the bridge, the host's loopback services (the test registry) are out of reach.
      const port = new URL(`http://${images.registry}`).port || '80';
      const reach = await session.exec(
        [
          'python3',
          '-c',
          `import urllib.request; urllib.request.urlopen("http://127.0.0.1:${port}/v2/", timeout=5)`,
        ],
        { timeoutMs: 60_000 },
      );
      expect(reach.exitCode).not.toBe(0);
      expect(reach.stderr).toMatch(/Connection refused|timed out/);
    } finally {
      await session.close();
      spawnSync('docker', ['volume', 'rm', volume], { stdio: 'ignore' });
    }
  });

  it('a pip run that hangs is stopped at the limit: exit 3 naming the step and the limit, no container left', async () => {
    // An index that accepts connections and never answers (pip waits 15 s per read, 3 retries).
    const hanging: Server = createServer(() => undefined);
    await new Promise<void>((ok) => hanging.listen(0, '127.0.0.1', () => ok()));
    const { port } = hanging.address() as { port: number };
    // The base snapshot in the cache already: the first command in the container is the plain run.
    expect((await resolve('tqdm\n')).code).toBe(0);
    try {
      // The limit from the CLI's environment (a variable of the process would not reach it).
      const r = await resolve('tqdm\n', [], 'amd64', {
        indexUrl: `http://127.0.0.1:${port}/simple`,
        env: { [RESOLVE_TIMEOUT_ENV]: '10' },
      });
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toContain(
        `error: resolve linux/amd64: the plain dry run (pip install --dry-run) in ${baseRepo}:amd64 did not finish within 10 s; it was stopped and the resolver's container removed`,
      );
      expect(r.stderr).toContain(`raise ${RESOLVE_TIMEOUT_ENV}`);
      expect(
        await docker.listManagedContainers({
          'io.github.ml-image-action.stage': 'resolve',
          [RUN_LABEL]: RUN_ID,
        }),
      ).toEqual([]);
    } finally {
      hanging.closeAllConnections();
      await new Promise<void>((ok) => hanging.close(() => ok()));
    }
  });

  it("an index that is not on this machine's loopback is reached over the bridge, not the host network", async () => {
    // The wheel index behind a proxy on the bridge's gateway address (the host, as containers see it).
    const gateway = bridgeGateway();
    const target = new URL(index.origin);
    const proxy: Server = createServer((req, res) => {
      const up = request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (ur) => {
          res.writeHead(ur.statusCode ?? 502, ur.headers);
          ur.pipe(res);
        },
      );
      up.on('error', () => res.writeHead(502).end());
      req.pipe(up);
    });
    await new Promise<void>((ok) => proxy.listen(0, gateway, () => ok()));
    let volume: string | undefined;
    try {
      const { port } = proxy.address() as { port: number };
      const seen: string[] = [];
      const progress: string[] = [];
      // pip ignores a plain-http index that is not on localhost unless it is trusted.
      const input = {
        image: `${baseRepo}:amd64`,
        platform: 'linux/amd64',
        requirements: { text: `--trusted-host ${gateway}:${port}\ntqdm\n`, origins: ['requirements.txt:1'] },
        indexes: { indexUrl: `http://${gateway}:${port}/simple`, extraIndexUrls: [] },
        mode: 'auto' as const,
      };
      volume = pipCacheVolume(input, {
        base: await docker.imageDigest(input.image),
        scope: pipCacheScope(process.env),
      })?.name;
      const out = await resolveAgainstBase(input, {
        env: process.env,
        lookupHost: systemLookup,
        docker: inspectingDocker(seen),
        verbose: true,
        progress: (l) => progress.push(l),
      });
      expect(out.resolution.status, out.explanation).toBe('clean');
      expect(out.resolution.resolved?.install).toEqual([{ name: 'tqdm', version: '4.66.0' }]);
      const [inspected] = JSON.parse(seen[0]!) as { HostConfig: { NetworkMode: string } }[];
      expect(inspected!.HostConfig.NetworkMode).toBe('bridge');
      expect(progress).toContain('resolve linux/amd64: container network bridge (no index on this machine)');
    } finally {
      if (volume !== undefined) spawnSync('docker', ['volume', 'rm', volume], { stdio: 'ignore' });
      proxy.closeAllConnections();
      await new Promise<void>((ok) => proxy.close(() => ok()));
    }
  });

  it("a local image under the tag of another in the registry: resolved as the build would use it, and cached under its own id; with pull, the registry's by digest", async () => {
    // The registry holds the numpy base under this tag; this machine holds the plain python image
    // under it. dockerd's builder (the docker driver, no --pull) would build FROM the local one, so
    // the resolver resolves against it too, and keys what it caches by that image's id. With pull
    // (build.pull: true) both use the registry's image, by its digest.
    const shadowed = `${baseRepo}:shadowed`;
    await docker.imagetoolsCreate([shadowed], [`${baseRepo}:amd64`]);
    const digest = await docker.imageDigest(shadowed);
    const tag = spawnSync('docker', ['tag', images.pythonAmd64, shadowed], { encoding: 'utf8' });
    expect(tag.status, tag.stderr).toBe(0);
    const localId = spawnSync('docker', ['image', 'inspect', '--format', '{{.Id}}', shadowed], {
      encoding: 'utf8',
    }).stdout.trim();
    const cacheDir = path.join(dir, '.ml-image-cache');
    const snapshotAt = (key: string) =>
      path.join(cacheDir, 'snapshots', `${snapshotKey(key, 'linux/amd64')}.json`);
    const numpyOf = (file: string) =>
      (
        JSON.parse(readFileSync(file, 'utf8')) as { installed: { name: string; version: string }[] }
      ).installed.find((d) => d.name === 'numpy');
    try {
      const seen: string[] = [];
      const r = await resolve('opencv-python-headless\n', [], 'amd64', {
        image: shadowed,
        docker: inspectingDocker(seen),
      });
      expect(r.code, r.stderr).toBe(0);
      // The local image has no numpy: nothing of the base is replaced.
      expect((JSON.parse(r.read('resolution.json')) as Resolution).status).toBe('clean');
      expect(r.stderr).toContain(
        `the image this machine holds under ${shadowed} (${localId.slice(0, 19)}) is not the registry's`,
      );
      const [inspected] = JSON.parse(seen[0]!) as { Config: { Image: string } }[];
      expect(inspected!.Config.Image).toBe(localId);
      expect(numpyOf(snapshotAt(localId))).toBeUndefined();
      // Whatever is kept under the registry digest is still what that digest ships.
      if (existsSync(snapshotAt(digest))) expect(numpyOf(snapshotAt(digest))?.version).toBe('1.26.4');

      const pulled = await resolveAgainstBase(
        {
          image: shadowed,
          platform: 'linux/amd64',
          requirements: { text: 'opencv-python-headless', origins: ['requirements.txt:1'] },
          indexes: { indexUrl: index.url, extraIndexUrls: [] },
          mode: 'auto',
          pull: true,
        },
        {
          lookupHost: systemLookup,
          docker: inspectingDocker(seen),
          cache: fileSnapshotCache(cacheDir),
          env: {},
        },
      );
      // numpy 1.26.4 of the registry's image is held.
      expect(pulled.resolution.status, pulled.explanation).toBe('fixed');
      expect(pulled.resolution.resolved?.moved[0]).toMatchObject({
        name: 'opencv-python-headless',
        resolved: '4.11.0.86',
      });
      // By the platform's own manifest (of the index, when the digest is one): the engine may hold
      // another platform's image under the index digest.
      const listed = await docker.imagetoolsInspect(`${baseRepo}@${digest}`);
      const own = listed.platforms.find((p) => p.os === 'linux' && p.architecture === 'amd64')?.digest;
      expect((JSON.parse(seen[1]!) as { Config: { Image: string } }[])[0]!.Config.Image).toBe(
        `${baseRepo}@${own ?? digest}`,
      );
      expect(numpyOf(snapshotAt(digest))?.version).toBe('1.26.4');
    } finally {
      spawnSync('docker', ['rmi', shadowed], { stdio: 'ignore' });
    }
  });

  describe("a variant's torch (the build installs torch==V from the torch index first)", () => {
    // A fake torch 2.5.1 (its +cpu wheel, on the torch index only) that needs somedep==1.0, as torch
    // 2.5 needs sympy==1.13.1; needsnew needs somedep>=1.1 (sympy 1.14's place), usesdep any 1.x.
    let torchIndex: WheelIndex;
    const variant = () => ({ torchIndexUrl: `${torchIndex.origin}/whl/cpu`, torchVersion: '2.5.1' });
    beforeAll(async () => {
      torchIndex = await startWheelIndex([
        { name: 'torch', version: '2.5.1+cpu', requires: ['somedep==1.0'], index: 'whl/cpu' },
        { name: 'torch', version: '2.5.1+cu128', requires: ['somedep==1.0'], index: 'whl/cu128' },
        { name: 'somedep', version: '1.0' },
        { name: 'somedep', version: '1.1' },
        { name: 'needsnew', version: '1.0', requires: ['somedep>=1.1'] },
        { name: 'usesdep', version: '1.0', requires: ['somedep>=1.0'] },
      ]);
    });
    afterAll(async () => {
      await torchIndex?.close();
    });
    const resolveWithTorch = (text: string) =>
      resolveAgainstBase(
        {
          image: images.pythonAmd64,
          platform: 'linux/amd64',
          requirements: { text, origins: ['requirements.txt:1'] },
          indexes: { indexUrl: torchIndex.url, extraIndexUrls: [] },
          mode: 'auto',
          variant: variant(),
        },
        { lookupHost: systemLookup, docker, env: {} },
      );
    /**
     * The build's torch step, `pip install torch==2.5.1 -c CONSTRAINTS` (dry run), in the base. Not
     * spawnSync: the index answers from this process's event loop.
     */
    const torchStep = (constraints: string) =>
      new Promise<{ status: number | null; stderr: string }>((done, fail) => {
        const pip = `python3 -m pip install --dry-run --quiet --index-url ${torchIndex.url} --extra-index-url ${variant().torchIndexUrl} torch==2.5.1 -c /tmp/c.txt`;
        const p = spawn(
          'docker',
          [
            'run',
            '--rm',
            '--network',
            'host',
            '-e',
            'PIP_BREAK_SYSTEM_PACKAGES=1',
            '-e',
            `C=${constraints}`,
            images.pythonAmd64,
            'sh',
            '-c',
            `printf '%s' "$C" > /tmp/c.txt && ${pip}`,
          ],
          { stdio: ['ignore', 'ignore', 'pipe'] },
        );
        let stderr = '';
        p.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
        p.on('error', fail);
        p.on('close', (status) => done({ status, stderr }));
      });

    it("a requirement that contradicts torch's own dependencies is a conflict, not clean", async () => {
      const out = await resolveWithTorch('needsnew\n');
      expect(out.resolution.status, out.explanation).toBe('conflict');
      expect(out.resolution.conflict?.causes).toEqual(
        expect.arrayContaining([
          'torch 2.5.1+cpu depends on somedep==1.0',
          'needsnew 1.0 depends on somedep>=1.1',
        ]),
      );
      expect(out.resolution.conflict?.chain[0]).toContain("what the variant's torch 2.5.1 depends on");
      // What "clean" used to pin (somedep 1.1) the build's torch step cannot meet.
      const r = await torchStep('somedep==1.1\n');
      expect(r.status, r.stderr).not.toBe(0);
      expect(r.stderr).toContain('ResolutionImpossible');
    });

    it("a compatible requirement is clean, and the build's torch step accepts its constraints", async () => {
      const out = await resolveWithTorch('usesdep\n');
      expect(out.resolution.status, out.explanation).toBe('clean');
      expect(out.resolution.resolved?.install).toEqual(
        expect.arrayContaining([
          { name: 'torch', version: '2.5.1+cpu' },
          { name: 'somedep', version: '1.0' },
          { name: 'usesdep', version: '1.0' },
        ]),
      );
      expect(out.constraints).toMatch(/^torch==2\.5\.1\+cpu$/m);
      expect(out.constraints).toMatch(/^somedep==1\.0$/m);
      const r = await torchStep(out.constraints);
      expect(r.status, r.stderr).toBe(0);
    });

    it("an --index-url line in the requirements keeps the torch index: pip still finds the variant's torch", async () => {
      // pip's handle_option_line: a file's --index-url replaces the whole index list, the extra
      // indexes of the environment included; the torch index file comes after the requirements.
      const text = `--index-url ${torchIndex.url}\nusesdep\n`;
      const out = await resolveAgainstBase(
        {
          image: images.pythonAmd64,
          platform: 'linux/amd64',
          requirements: {
            text,
            origins: ['requirements.txt:1', 'requirements.txt:2'],
            indexes: { indexUrl: torchIndex.url, extraIndexUrls: [] },
          },
          indexes: { indexUrl: torchIndex.url, extraIndexUrls: [] },
          mode: 'auto',
          variant: variant(),
        },
        { lookupHost: systemLookup, docker, env: {} },
      );
      expect(out.resolution.status, out.explanation).toBe('clean');
      expect(out.resolution.resolved?.install).toEqual(
        expect.arrayContaining([
          { name: 'torch', version: '2.5.1+cpu' },
          { name: 'usesdep', version: '1.0' },
        ]),
      );
      expect(out.constraints).toMatch(/^torch==2\.5\.1\+cpu$/m);
    });

    // The requirements' own index served the CPU wheel to a CUDA variant's dry run, which settled
    // on it: the constraints pinned torch==2.5.1+cpu, which the build's torch step (the variant's
    // cu128 index, without the requirements' index lines) cannot install. Refused here instead.
    it("a torch pin the variant's torch index does not serve (the requirements' index does) is exit 2 on its line", async () => {
      const cuda = { torchIndexUrl: `${torchIndex.origin}/whl/cu128`, torchVersion: '2.5.1' };
      const e: unknown = await resolveAgainstBase(
        {
          image: images.pythonAmd64,
          platform: 'linux/amd64',
          requirements: {
            text: `--extra-index-url ${torchIndex.origin}/whl/cpu\ntorch==2.5.1+cpu\n`,
            origins: ['requirements.txt:1', 'requirements.txt:2'],
            requirements: [{ name: 'torch', editable: false, origin: 'requirements.txt:2' }],
          },
          indexes: { indexUrl: torchIndex.url, extraIndexUrls: [] },
          mode: 'auto',
          variant: { cuda: '12.8', ...cuda },
        },
        { lookupHost: systemLookup, docker, env: {} },
      ).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).message).toMatch(
        /^requirements\.txt:2: torch 2\.5\.1\+cpu \(cpu wheels\) is not the torch the build installs: the variant's torch step installs torch==2\.5\.1 from .*\/whl\/cu128 \(cu128 wheels\)/,
      );
      // What it would have pinned, the build's torch step (the variant's index only) cannot meet.
      const step = await new Promise<{ status: number | null; stderr: string }>((done, fail) => {
        const pip = `python3 -m pip install --dry-run --quiet --index-url ${torchIndex.url} --extra-index-url ${cuda.torchIndexUrl} torch==2.5.1 -c /tmp/c.txt`;
        const p = spawn(
          'docker',
          [
            'run',
            '--rm',
            '--network',
            'host',
            '-e',
            'PIP_BREAK_SYSTEM_PACKAGES=1',
            images.pythonAmd64,
            'sh',
            '-c',
            `echo torch==2.5.1+cpu > /tmp/c.txt && ${pip}`,
          ],
          { stdio: ['ignore', 'ignore', 'pipe'] },
        );
        let stderr = '';
        p.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
        p.on('error', fail);
        p.on('close', (status) => done({ status, stderr }));
      });
      expect(step.status, step.stderr).not.toBe(0);
      expect(step.stderr).toContain('ResolutionImpossible');
    });
  });

  it('leaves no resolver container behind', async () => {
    expect(
      await docker.listManagedContainers({
        'io.github.ml-image-action.stage': 'resolve',
        [RUN_LABEL]: RUN_ID,
      }),
    ).toEqual([]);
    expect(readdirSync(dir).length).toBeGreaterThan(0);
  });
});
