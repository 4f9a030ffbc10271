// pip starts a second pip to install a source distribution's build requirements and gives it every
// index URL as an argument (`pip install ... -i URL -- backend`): a token in an index URL's path
// (Anaconda's /t/<token>/) would be in that process's /proc/PID/cmdline, which every user of the
// machine reads. The resolver and the templates' install step run pip through ml_image_pip.py,
// which hands that second pip the URLs in its environment instead.
//
// A tripwire proves it without racing a process list: the base image carries a .pth file (Python
// runs it at every start) that ends any Python process whose command line holds the planted
// marker, with exit 97. pip's second pip, given the marker on its command line, dies, and the
// install fails; given it in its environment, it runs.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runBuildStage } from '../../src/build/stage.js';
import { runCli } from '../../src/cli/main.js';
import { validateConfigData } from '../../src/config/load.js';
import type { DockerAdapter } from '../../src/docker/adapter.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { ActionsExecRunner } from '../../src/docker/exec-runner.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import type { Resolution } from '../../src/resolve/result.js';
import { findImagesDir } from '../../src/util/images-dir.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { captureIo } from '../helpers/fakes.js';
import { buildTestImage } from '../helpers/images.js';
import { startWheelIndex, type WheelIndex } from '../helpers/wheel-index.js';

const env = inject('dockerEnv');
const SHIM = path.join(REPO_ROOT, 'src/python/py/ml_image_pip.py');
const TRIPPED = 97;

// A PEP 517 backend (a build requirement the second pip installs): it builds the wheel of the
// source distribution it runs in, named by its PKG-INFO.
const BACKEND = `import base64, hashlib, os, zipfile


def get_requires_for_build_wheel(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    info = dict(line.split(": ", 1) for line in open("PKG-INFO").read().splitlines() if ": " in line)
    module = info["Name"].replace("-", "_")
    name = module + "-" + info["Version"]
    files = {
        module + "/__init__.py": "built = True\\n",
        name + ".dist-info/METADATA": "Metadata-Version: 2.1\\nName: %s\\nVersion: %s\\n" % (info["Name"], info["Version"]),
        name + ".dist-info/WHEEL": "Wheel-Version: 1.0\\nGenerator: t\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n",
    }
    record = []
    for p, c in files.items():
        h = base64.urlsafe_b64encode(hashlib.sha256(c.encode()).digest()).rstrip(b"=").decode()
        record.append("%s,sha256=%s,%d" % (p, h, len(c.encode())))
    files[name + ".dist-info/RECORD"] = "\\n".join(record + [name + ".dist-info/RECORD,,"]) + "\\n"
    whl = name + "-py3-none-any.whl"
    with zipfile.ZipFile(os.path.join(wheel_directory, whl), "w") as z:
        for p, c in files.items():
            z.writestr(p, c)
    return whl
`;

/**
 * NAME-1.0.0.tar.gz in ROOT/NAME/: a source distribution built by the mlimg-backend backend, whose
 * build also requires REQUIRES (a source distribution itself: a build inside a build).
 */
function writeSdist(root: string, name: string, requires: readonly string[] = []): void {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  const base = `${name.replace(/-/g, '_')}-1.0.0`;
  const script = [
    'import io, json, sys, tarfile',
    'base, name, requires = sys.argv[2], sys.argv[3], json.loads(sys.argv[4])',
    'files = {',
    '  base + "/PKG-INFO": "Metadata-Version: 2.1\\nName: %s\\nVersion: 1.0.0\\n" % name,',
    '  base + "/pyproject.toml": "[build-system]\\nrequires = %s\\nbuild-backend = \\"mlimg_backend\\"\\n" % json.dumps(["mlimg-backend"] + requires),',
    '}',
    'with tarfile.open(sys.argv[1], "w:gz") as t:',
    '  for path, text in files.items():',
    '    data = text.encode(); info = tarfile.TarInfo(path); info.size = len(data)',
    '    t.addfile(info, io.BytesIO(data))',
  ].join('\n');
  const r = spawnSync(
    'python3',
    ['-c', script, path.join(dir, `${base}.tar.gz`), base, name, JSON.stringify(requires)],
    { encoding: 'utf8' },
  );
  expect(r.status, r.stderr).toBe(0);
}

/** docker ARGS, without blocking this process (the index answers from its event loop). */
function docker_(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('docker', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', (e) => resolve({ code: -1, out: String(e) }));
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

describe.skipIf(!env.available)("index URLs stay off the command line of pip's second pip (real pip)", () => {
  const images = env.images!;
  const tripwire = `${images.registry}/ml-image-it/pip-tripwire:amd64`;
  // The index's path holds the token, as Anaconda's /t/<token>/ does: no netrc file can carry it.
  const marker = `mlimgtripwire${randomBytes(6).toString('hex')}`;
  let docker: DockerAdapter;
  let index: WheelIndex;
  let dir: string;
  let indexUrl: string;

  beforeAll(async () => {
    docker = createDefaultDockerAdapter();
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-pip-argv-it-'));
    index = await startWheelIndex([
      {
        name: 'mlimg-backend',
        version: '1.0.0',
        index: `t/${marker}/simple`,
        files: { '__init__.py': BACKEND },
      },
    ]);
    const simple = path.join(index.root, 't', marker, 'simple');
    writeSdist(simple, 'mlimg-mid');
    // Its build requires mlimg-mid, a source distribution: the second pip starts a third.
    writeSdist(simple, 'mlimg-top', ['mlimg-mid']);
    indexUrl = `${index.origin}/t/${marker}/simple`;
    await buildTestImage(
      docker,
      dir,
      `FROM ${images.pythonAmd64}
RUN printf '%s\\n' 'import os; os._exit(${TRIPPED}) if b"mlimgtripwire" in open("/proc/self/cmdline", "rb").read() else None' \\
      > "$(python3 -c 'import site; print(site.getsitepackages()[0])')/zz_ml_image_tripwire.pth"
`,
      tripwire,
      '--push',
    );
  }, 300_000);

  afterAll(async () => {
    await index?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** `pip install --dry-run mlimg-top` in the tripwire base, plain or through the shim. */
  const dryRun = (shim: boolean) =>
    docker_([
      'run',
      '--rm',
      '--network',
      'host',
      ...(shim ? ['-v', `${SHIM}:/shim/ml_image_pip.py:ro`] : []),
      '-e',
      `PIP_INDEX_URL=${indexUrl}`,
      tripwire,
      'python3',
      ...(shim ? ['/shim/ml_image_pip.py'] : ['-m', 'pip']),
      'install',
      '--dry-run',
      '--break-system-packages',
      'mlimg-top==1.0.0',
    ]);

  it('the tripwire trips: plain pip hands the second pip the URL on its command line', async () => {
    const r = await dryRun(false);
    expect(r.code).not.toBe(0);
    expect(r.out).toContain(`exit code: ${TRIPPED}`);
  });

  it('through ml_image_pip.py the second pip gets it in its environment, and the build requirement installs', async () => {
    const r = await dryRun(true);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('Would install mlimg-top-1.0.0');
  });

  it('the resolver: a source distribution from an index whose path holds a token resolves', async () => {
    const req = path.join(dir, 'req.txt');
    writeFileSync(req, 'mlimg-top==1.0.0\n');
    const out = path.join(dir, 'resolve-out');
    const io = captureIo(dir, docker, { ML_IMAGE_CACHE_DIR: `${dir}/.ml-image-cache` });
    const code = await runCli(
      [
        'resolve',
        '--image',
        tripwire,
        '--platform',
        'linux/amd64',
        '--requirements',
        req,
        '--index-url',
        indexUrl,
        '--out',
        out,
      ],
      io,
    );
    expect(code, io.err()).toBe(0);
    const res = JSON.parse(readFileSync(path.join(out, 'resolution.json'), 'utf8')) as Resolution;
    expect(res.status).toBe('clean');
    expect(JSON.stringify(res)).toContain('mlimg-top');
    expect(io.err()).not.toContain(marker);
  });

  it("the build: the templates' install step builds the source distribution from that index", async () => {
    const cfgDir = mkdtempSync(path.join(dir, 'cfg-'));
    mkdirSync(path.join(cfgDir, 'app'));
    writeFileSync(path.join(cfgDir, 'app', 'app.py'), 'print("hi")\n');
    writeFileSync(path.join(cfgDir, 'requirements.txt'), 'mlimg-top==1.0.0\n');
    const config = validateConfigData(
      {
        image: { name: 'ml-image-it/pip-argv', registry: images.registry, version: '0.1.0' },
        variants: [{ name: 'cpu', base: tripwire }],
        platforms: ['linux/amd64'],
        python: { requirements: ['requirements.txt'], indexUrl },
        build: { context: 'app', network: 'host' },
      },
      path.join(cfgDir, 'ml-image.yml'),
    );
    const plan = planBuild(config, {
      catalog: bundledCatalog(),
      git: { sha: 'abcdef1234' },
      now: new Date(),
    });
    const log: string[] = [];
    const result = await runBuildStage(
      { plan, config, baseDir: cfgDir, imagesDir: findImagesDir(REPO_ROOT), push: true },
      {
        docker,
        exec: new ActionsExecRunner(),
        env: {},
        progress: (l) => log.push(l),
        output: (l) => log.push(l),
      },
    );
    const v = result.variants[0]!;
    expect(v.digest, log.join('\n')).toMatch(/^sha256:/);
    const ref = `${v.repository}@${v.platforms[0]!.digest}`;
    const run = await docker.runContainer({
      image: ref,
      platform: 'linux/amd64',
      cmd: ['python3', '-c', 'import mlimg_top; print("built", mlimg_top.built)'],
    });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain('built True');
    await docker_(['image', 'rm', '-f', ref]);
  });
});
