// Resolve against a base whose Python packages Debian's apt installed: the test bed's torch-cpu
// image (python3-torch 1.13, python3-numpy 1.24.2, all in /usr/lib/python3/dist-packages, which
// Debian's pip calls outside its environment). Real pip, a local index of generated wheels with the
// real packages' Requires-Dist; and a base that sets its own PIP_INDEX_URL.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { DockerAdapter } from '../../src/docker/adapter.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import type { Resolution } from '../../src/resolve/result.js';
import { captureIo } from '../helpers/fakes.js';
import { buildTestImage } from '../helpers/images.js';
import { closedPort } from '../helpers/net.js';
import { startWheelIndex, type WheelIndex, type WheelSpec } from '../helpers/wheel-index.js';

const env = inject('dockerEnv');

/** numpy 2 and the opencv releases around it (their real Requires-Dist on Linux). */
const WHEELS: WheelSpec[] = [
  { name: 'numpy', version: '2.3.1', requiresPython: '>=3.11' },
  {
    name: 'opencv-python-headless',
    module: 'cv2',
    version: '4.11.0.86',
    requires: ['numpy>=1.21.2; python_version >= "3.10"', 'numpy>=1.23.5; python_version >= "3.11"'],
  },
  { name: 'opencv-python-headless', module: 'cv2', version: '4.13.0.90', requires: ['numpy>=2'] },
  { name: 'tqdm', version: '4.66.0' },
];

interface SnapshotFile {
  installed: { name: string; version: string; location: string; local: boolean }[];
  env: Record<string, string>;
}

describe.skipIf(!env.available)("resolve against Debian's python3-* packages (torch-cpu test image)", () => {
  const images = env.images!;
  let docker: DockerAdapter;
  let index: WheelIndex;
  let dir: string;

  beforeAll(async () => {
    docker = createDefaultDockerAdapter();
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-resolve-debian-'));
    index = await startWheelIndex(WHEELS);
  });
  afterAll(async () => {
    await index?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function resolve(image: string, requirements: string, args: string[]) {
    const run = mkdtempSync(path.join(dir, 'run-'));
    const req = path.join(run, 'requirements.txt');
    writeFileSync(req, requirements);
    const cacheDir = path.join(run, 'cache');
    const io = captureIo(run, docker, { ML_IMAGE_CACHE_DIR: cacheDir });
    const out = path.join(run, 'out');
    const code = await runCli(
      [
        'resolve',
        '--image',
        image,
        '--platform',
        'linux/amd64',
        '--requirements',
        req,
        '--out',
        out,
        ...args,
      ],
      io,
    );
    const read = (f: string) => readFileSync(path.join(out, f), 'utf8');
    const snapshots = () =>
      readdirSync(path.join(cacheDir, 'snapshots')).map((f) =>
        readFileSync(path.join(cacheDir, 'snapshots', f), 'utf8'),
      );
    return { code, stdout: io.out(), stderr: io.err(), read, snapshots };
  }

  it("the snapshot holds apt's numpy 1.24.2 and torch; numpy>=2 wanted: fixed with both held", async () => {
    const r = await resolve(images.torch, 'opencv-python-headless\n', ['--index-url', index.url]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('base has 0 Python distributions');
    expect(r.stderr).toContain(
      'a plain pip install would replace 1 base package(s) (1 of them shadowed: pip does not uninstall them, outside its environment)',
    );
    const [text] = r.snapshots();
    const snap = JSON.parse(text!) as SnapshotFile;
    const at = (name: string) => snap.installed.find((d) => d.name === name);
    expect(at('numpy')).toMatchObject({ version: '1.24.2', local: false });
    expect(at('numpy')!.location).toMatch(/^\/usr\/lib\/python3\/dist-packages\//);
    expect(at('torch')).toMatchObject({ version: '1.13.0a0+gitunknown', local: false });

    const res = JSON.parse(r.read('resolution.json')) as Resolution;
    expect(res.status).toBe('fixed');
    // pip leaves apt's numpy in place: the plain plan shadows it, and says so.
    expect(res.naive.replaces).toEqual([
      expect.objectContaining({ name: 'numpy', from: '1.24.2', to: '2.3.1', shadows: true }),
    ]);
    expect(res.resolved?.moved).toEqual([
      expect.objectContaining({ name: 'opencv-python-headless', naive: '4.13.0.90', resolved: '4.11.0.86' }),
    ]);
    const constraints = r.read('constraints.txt');
    expect(constraints).toMatch(/^numpy==1\.24\.2$/m);
    expect(constraints).toMatch(/^torch==1\.13\.0a0\+gitunknown$/m);
    expect(constraints).toMatch(/^opencv-python-headless==4\.11\.0\.86$/m);
    expect(r.read('explanation.md')).toContain('pip does not uninstall a package outside its environment');
  });

  it('check mode: the change is a conflict, and the NumPy-1 torch hazard names the base torch', async () => {
    const r = await resolve(images.torch, 'opencv-python-headless\n', [
      '--index-url',
      index.url,
      '--mode',
      'check',
    ]);
    expect(r.code, r.stderr).toBe(1);
    const res = JSON.parse(r.read('resolution.json')) as Resolution;
    expect(res.status).toBe('conflict');
    expect(res.hazards.map((h) => h.id)).toEqual(
      expect.arrayContaining(['numpy1-abi:torch', 'torch-no-numpy-dependency']),
    );
    expect(r.stdout).toContain('shadow `numpy 1.24.2` with `2.3.1`');
  });

  it('a base with its own PIP_INDEX_URL: an unreachable index is named as pip used it (masked); the snapshot keeps no PIP_* value', async () => {
    const port = await closedPort();
    const tag = `ml-image-it/own-index:${port}`;
    await buildTestImage(
      docker,
      dir,
      `FROM ${images.pythonAmd64}\nENV PIP_INDEX_URL=http://ci-bot:S3CRETpw@127.0.0.1:${port}/simple\n`,
      tag,
      '--load',
    );
    try {
      const r = await resolve(tag, 'tqdm\n', ['--network', 'host']);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toContain(
        `the package index http://ci-bot:***@127.0.0.1:${port}/simple is unreachable`,
      );
      expect(r.stderr).not.toContain('pypi.org');
      expect(r.stderr).not.toContain('S3CRETpw');
      const [text] = r.snapshots();
      expect(text).toBeDefined();
      expect(text).not.toContain('S3CRETpw');
      expect((JSON.parse(text!) as SnapshotFile).env).toEqual({});
    } finally {
      await docker.removeImage(tag).catch(() => undefined);
    }
  });
});
