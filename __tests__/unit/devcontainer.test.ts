// `ml-image devcontainer`: the devcontainer.json writer (image by digest, user, cache volumes, GPU
// only for CUDA variants, ports only for installed servers) and the command's files and exit codes.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/result.js';
import type { EnvRecord } from '../../src/capture/record.js';
import {
  hostPlatform,
  resultDevcontainerFile,
  writeResultDevcontainers,
} from '../../src/devcontainer/from-results.js';
import { runCli } from '../../src/cli/main.js';
import { SUMMARY_FIELDS } from '../../src/cli/commands/devcontainer.js';
import {
  cacheVolumeName,
  chooseImage,
  devcontainerJson,
  nonRootUser,
  SERVICE_PORTS,
} from '../../src/devcontainer/devcontainer.js';
import { captureIo } from '../helpers/fakes.js';
import { CUDA_128, makePlan, planVariant } from '../helpers/plans.js';
import { makeRecord } from '../helpers/records.js';

const D1 = `sha256:${'a'.repeat(64)}`;
const D2 = `sha256:${'b'.repeat(64)}`;
const TEMPLATE_ENV = {
  HF_HOME: '/cache/huggingface',
  TORCH_HOME: '/cache/torch',
  PIP_CACHE_DIR: '/cache/pip',
  XDG_CACHE_HOME: '/cache',
  PIP_NO_CACHE_DIR: '1',
};

function platform(p: string, digest: string, localRef?: string) {
  return { platform: p, digest, durationMs: 1, attempts: 1, metadata: {}, ...(localRef && { localRef }) };
}

function build(variants: Partial<BuildResult['variants'][number]>[]): BuildResult {
  return {
    schemaVersion: 1,
    variants: variants.map((v) => ({
      variant: 'cpu',
      repository: 'ghcr.io/acme/model',
      tags: ['ghcr.io/acme/model:cpu'],
      platforms: [platform('linux/amd64', D2)],
      baseImage: 'python:3.12-slim',
      ...v,
    })),
  };
}

/** A record of a template image: USER app, the template's cache variables, these distributions. */
function templateRecord(pip: Record<string, string> = {}, extra: Partial<EnvRecord['cuda']> = {}): EnvRecord {
  const r = makeRecord({
    pip: { pip: '24.0', ...pip },
    env: { PATH: '/usr/bin', ...TEMPLATE_ENV },
    cuda: extra,
  });
  return { ...r, image: { ...r.image, user: 'app' } };
}

describe('chooseImage', () => {
  it('pins the merged manifest list by digest', () => {
    const c = chooseImage(build([{ digest: D1 }]), 'build.json', undefined);
    expect(c).toMatchObject({ image: `ghcr.io/acme/model@${D1}`, pinned: true, variant: 'cpu' });
  });

  it('pins the one pushed platform when there is no merged digest', () => {
    expect(chooseImage(build([{}]), 'build.json', undefined).image).toBe(`ghcr.io/acme/model@${D2}`);
  });

  it('takes the local tag of the host platform for a --load build, unpinned', () => {
    const b = build([
      {
        platforms: [
          platform('linux/arm64', D1, 'model:cpu-arm64'),
          platform('linux/amd64', D2, 'model:cpu-amd64'),
        ],
      },
    ]);
    expect(chooseImage(b, 'build.json', undefined, 'linux/amd64')).toMatchObject({
      image: 'model:cpu-amd64',
      pinned: false,
    });
    expect(chooseImage(b, 'build.json', undefined, 'linux/riscv64').image).toBe('model:cpu-arm64');
  });

  it('pins the one platform pushed and loaded (the load input) by digest, not its local tag', () => {
    const loadedToo = build([
      {
        platforms: [
          { ...platform('linux/amd64', D2, 'ghcr.io/acme/model:ml-image-local-cpu-amd64'), pushed: true },
        ],
      },
    ]);
    expect(chooseImage(loadedToo, 'build.json', undefined)).toMatchObject({
      image: `ghcr.io/acme/model@${D2}`,
      pinned: true,
    });
    // Several platforms pushed and loaded, not merged: as a push without load (no digest to pin),
    // never a local tag (the docker driver's is the registry tag it pushed by, which other runs move).
    const unmerged = build([
      {
        platforms: [
          { ...platform('linux/arm64', D1, 'ghcr.io/acme/model:ml-image-build-cpu-arm64'), pushed: true },
          { ...platform('linux/amd64', D2, 'ghcr.io/acme/model:ml-image-build-cpu-amd64'), pushed: true },
        ],
      },
    ]);
    expect(() => chooseImage(unmerged, 'build.json', undefined, 'linux/amd64')).toThrow(
      /no digest and no local tag/,
    );
    // Recorded as loaded only (pushed: false): the local tag, as a build.json without the field.
    const loaded = build([
      { platforms: [{ ...platform('linux/amd64', D2, 'model:cpu-amd64'), pushed: false }] },
    ]);
    expect(chooseImage(loaded, 'build.json', undefined)).toMatchObject({
      image: 'model:cpu-amd64',
      pinned: false,
    });
  });

  it('needs --variant with several variants and names the ones there for an unknown one', () => {
    const b = build([{ variant: 'cpu' }, { variant: 'cuda12.8' }]);
    expect(() => chooseImage(b, 'build.json', undefined)).toThrow(/2 variants \(cpu, cuda12\.8\).*--variant/);
    expect(() => chooseImage(b, 'build.json', 'rocm')).toThrow(
      /no variant "rocm" in build.json; it has cpu, cuda12\.8/,
    );
    expect(chooseImage(b, 'build.json', 'cuda12.8').variant).toBe('cuda12.8');
  });
});

describe('devcontainerJson', () => {
  const image = {
    image: `ghcr.io/acme/model@${D1}`,
    variant: 'cpu',
    pinned: true,
    platforms: ['linux/amd64'],
  };

  it('"${" never reaches its name (the devcontainer CLI expands ${localEnv:...} in every string)', () => {
    const dc = devcontainerJson({
      ...image,
      variant: 'x${localEnv:T}',
      cuda: false,
      record: templateRecord(),
    });
    expect(dc.name).toBe('ml-image (x$ {localEnv:T})');
  });

  // Finding: the volumes were one set for every image, so a pull request's image from another
  // repository read the Hugging Face token a trusted image's container left in HF_HOME, or planted
  // a torch.hub hubconf.py the trusted one would run. One set per repository now.
  it.each([
    [`ghcr.io/acme/model@${D1}`, 'ml-image-hf-cache-model-e3cb52b6249e'],
    ['ghcr.io/acme/model:cpu', 'ml-image-hf-cache-model-e3cb52b6249e'],
    [`ghcr.io/acme/model:cpu@${D1}`, 'ml-image-hf-cache-model-e3cb52b6249e'],
    ['model:cpu-amd64', 'ml-image-hf-cache-model-21271baf6f78'], // docker.io/library/model, as oci/ref.ts names it
    ['docker.io/library/model:cpu', 'ml-image-hf-cache-model-21271baf6f78'],
    [`ghcr.io/someone/model@${D1}`, expect.not.stringMatching(/e3cb52b6249e$/)],
    ['localhost:5000/Weird_Name.x', expect.stringMatching(/^ml-image-hf-cache-weird_name\.x-[0-9a-f]{12}$/)],
  ])('cacheVolumeName(hf, %s)', (img, expected) => {
    expect(cacheVolumeName('ml-image-hf-cache', img)).toEqual(expected);
  });

  it('CPU variant: the image by digest, its user, the cache volumes, no GPU, no ports', () => {
    const dc = devcontainerJson({ ...image, cuda: false, record: templateRecord() });
    expect(dc.image).toBe(`ghcr.io/acme/model@${D1}`);
    expect(dc.remoteUser).toBe('app');
    expect(dc.updateRemoteUserUID).toBe(true);
    expect(dc.mounts).toEqual([
      'source=ml-image-hf-cache-model-e3cb52b6249e,target=/cache/huggingface,type=volume',
      'source=ml-image-torch-cache-model-e3cb52b6249e,target=/cache/torch,type=volume',
    ]);
    expect(dc.hostRequirements).toBeUndefined();
    expect(dc.runArgs.join(' ')).not.toMatch(/gpus/);
    expect(dc.forwardPorts).toBeUndefined();
    expect(dc.portsAttributes).toBeUndefined();
  });

  it('CUDA variant: asks for GPUs', () => {
    const dc = devcontainerJson({ ...image, variant: 'cuda12.8', cuda: true, record: templateRecord() });
    expect(dc.hostRequirements).toEqual({ gpu: true });
    expect(dc.name).toBe('ml-image (cuda12.8)');
  });

  it.each([
    [{ jupyterlab: '4.2.0' }, [8888], ['Jupyter']],
    [{ Jupyter_Server: '2.14.0' }, [8888], ['Jupyter']],
    [{ mlflow: '2.14.1' }, [5000], ['MLflow']],
    [{ notebook: '7.2.0', mlflow: '2.14.1' }, [8888, 5000], ['Jupyter', 'MLflow']],
    [{ 'mlflow-skinny': '2.14.1', 'jupyter-core': '5.7.0' }, undefined, undefined],
  ])('forwards ports only for installed servers: %o', (pip, ports, labels) => {
    const dc = devcontainerJson({ ...image, cuda: false, record: templateRecord(pip) });
    expect(dc.forwardPorts).toEqual(ports);
    expect(dc.forwardPorts?.map((p) => dc.portsAttributes?.[String(p)]?.label)).toEqual(labels);
  });

  it('without a record: no user, no volumes, no ports (the image defaults apply)', () => {
    const dc = devcontainerJson({ ...image, cuda: false });
    expect(dc.remoteUser).toBeUndefined();
    expect(dc.updateRemoteUserUID).toBe(true);
    expect(dc.mounts).toEqual([]);
    expect(dc.forwardPorts).toBeUndefined();
  });

  it('mounts only the cache directories the image sets, at its paths', () => {
    const r = templateRecord();
    const dc = devcontainerJson({
      ...image,
      cuda: false,
      record: {
        ...r,
        image: { ...r.image, env: { HF_HOME: '/data/hf', TORCH_HOME: 'relative', PIP_CACHE_DIR: '/a,b' } },
      },
    });
    expect(dc.mounts).toEqual(['source=ml-image-hf-cache-model-e3cb52b6249e,target=/data/hf,type=volume']);
  });

  // docker --mount reads its spec as one CSV record: a quote fails it, a line break cuts it short.
  // The devcontainer CLI expands ${localEnv:...} (and ${env:...}) in every string, with the host's
  // environment: an image's ENV must not choose what it reads.
  it.each([
    '/cache/hf"x',
    '/t\nline',
    '/t\rx',
    '/t\u0000x',
    '/a,b',
    '/cache/${localEnv:GITHUB_TOKEN}',
    '/c/${env:X}',
  ])('leaves out a cache directory %j that --mount would not read as written', (dir) => {
    const r = templateRecord();
    const dc = devcontainerJson({
      ...image,
      cuda: false,
      record: { ...r, image: { ...r.image, env: { HF_HOME: dir, TORCH_HOME: '/cache/torch' } } },
    });
    expect(dc.mounts).toEqual([
      'source=ml-image-torch-cache-model-e3cb52b6249e,target=/cache/torch,type=volume',
    ]);
    expect(JSON.stringify(dc)).not.toContain('${');
  });

  it('mounts a pip cache volume only where pip keeps a cache (no PIP_NO_CACHE_DIR)', () => {
    const r = templateRecord();
    const { PIP_NO_CACHE_DIR: _, ...env } = r.image.env;
    const dc = devcontainerJson({ ...image, cuda: false, record: { ...r, image: { ...r.image, env } } });
    expect(dc.mounts).toContain('source=ml-image-pip-cache-model-e3cb52b6249e,target=/cache/pip,type=volume');
    expect(dc.mounts).toHaveLength(3);
  });

  it.each([
    ['', undefined],
    ['root', undefined],
    ['0:0', undefined],
    ['app', 'app'],
    ['1000:0', '1000:0'],
    ['1000', '1000'],
    // By name alone: the Dev Containers CLI finds remoteUser in /etc/passwd by name to remap its UID.
    ['app:app', 'app'],
    ['app:0', 'app'],
    ['root:app', undefined],
    ['${localEnv:GITHUB_TOKEN}', undefined],
    ['app:${localEnv:X}', undefined],
    ['app user', undefined],
  ])('user %j -> remoteUser %j', (user, expected) => {
    const r = templateRecord();
    expect(nonRootUser({ ...r, image: { ...r.image, user } })).toBe(expected);
  });
});

describe('ml-image devcontainer', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-dc-'));
    mkdirSync(path.join(dir, 'results'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, v: unknown) =>
    writeFileSync(path.join(dir, 'results', name), JSON.stringify(v));

  async function cli(...args: string[]) {
    const io = captureIo(dir);
    const code = await runCli(['devcontainer', ...args], io);
    return { code, out: io.out(), err: io.err() };
  }

  it('writes .devcontainer/devcontainer.json from build.json, plan.json and the record', async () => {
    const arch = hostPlatform().split('/')[1];
    write(
      'build.json',
      build([{ variant: 'cuda12.8', digest: D1, platforms: [platform(hostPlatform(), D2)] }]),
    );
    write('plan.json', makePlan(planVariant('cuda12.8', CUDA_128)));
    write(`env-cuda12.8-${arch}.json`, templateRecord({ jupyterlab: '4.2.0' }));
    const r = await cli('--from', 'results', '--json');
    expect(r.code, r.err).toBe(0);
    const summary = JSON.parse(r.out);
    const file = path.join(dir, '.devcontainer', 'devcontainer.json');
    expect(summary).toMatchObject({
      file,
      pinned: true,
      cuda: true,
      remoteUser: 'app',
      forwardPorts: [8888],
    });
    const dc = JSON.parse(readFileSync(file, 'utf8'));
    expect(dc.image).toBe(`ghcr.io/acme/model@${D1}`);
    expect(dc.hostRequirements).toEqual({ gpu: true });
    expect(dc.remoteUser).toBe('app');
  });

  it('--help names the fields --json prints, every Jupyter distribution and each exit-2 reason', async () => {
    const help = (await cli('--help')).out.replace(/\s+/g, ' ');
    const arch = hostPlatform().split('/')[1];
    write('build.json', build([{ digest: D1, platforms: [platform(hostPlatform(), D2)] }]));
    write(`env-cpu-${arch}.json`, templateRecord());
    const r = await cli('--from', 'results', '--json');
    expect(r.code, r.err).toBe(0);
    const fields = Object.keys(JSON.parse(r.out));
    expect(fields).toContain('record');
    expect(fields).toEqual([...SUMMARY_FIELDS]);
    expect(help).toContain(`--json print {${fields.map((f) => `"${f}"`).join(', ')}}`);
    for (const d of SERVICE_PORTS.flatMap((p) => p.distributions))
      expect(help).toMatch(new RegExp(`\\b${d}\\b`));
    expect(help).toContain('nbclassic');
    expect(help).toContain('several variants without --variant');
  });

  it('--out FILE, a --load build (local tag, noted) and no record (noted)', async () => {
    write('build.json', build([{ platforms: [platform(hostPlatform(), D2, 'model:cpu')] }]));
    const r = await cli('--from', 'results', '--out', 'x/dc.json');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/not pinned by digest/);
    expect(r.out).toMatch(/no env-\*\.json/);
    // capture writes env.json, which is not read: the note says how it would be.
    expect(r.out).toContain(
      '"ml-image capture --out DIR" writes env.json, which is read only saved as env-<variant>-<arch>.json',
    );
    expect(JSON.parse(readFileSync(path.join(dir, 'x', 'dc.json'), 'utf8')).image).toBe('model:cpu');
  });

  it('notes an image pinned by digest that has nothing for this machine (another architecture only)', async () => {
    const other = hostPlatform() === 'linux/amd64' ? 'linux/arm64' : 'linux/amd64';
    write('build.json', build([{ digest: undefined, platforms: [platform(other, D2)] }]));
    const r = await cli('--from', 'results', '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).notes).toContainEqual(
      `the image is built for ${other} only: on this ${hostPlatform()} machine it runs under emulation (QEMU), if at all`,
    );
    write(
      'build.json',
      build([{ digest: D1, platforms: [platform(hostPlatform(), D2), platform(other, D2)] }]),
    );
    const both = await cli('--from', 'results', '--json', '--force');
    expect(JSON.stringify(JSON.parse(both.out).notes)).not.toContain('is built for');
  });

  it("keeps a person's devcontainer.json (exit 2) unless --force; replaces its own", async () => {
    write('build.json', build([{ digest: D1 }]));
    const file = path.join(dir, '.devcontainer', 'devcontainer.json');
    mkdirSync(path.dirname(file));
    const mine = '// mine\n{ "name": "MY CONFIG", "features": {} }\n';
    writeFileSync(file, mine);
    const kept = await cli('--from', 'results');
    expect(kept.code).toBe(2);
    expect(kept.err).toContain(`${file} exists and was not written by ml-image`);
    expect(kept.err).toMatch(/--force/);
    expect(readFileSync(file, 'utf8')).toBe(mine);
    // --force replaces it; a later run replaces its own file without being asked.
    expect((await cli('--from', 'results', '--force')).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).image).toBe(`ghcr.io/acme/model@${D1}`);
    write('build.json', build([{ digest: D2 }]));
    const again = await cli('--from', 'results');
    expect(again.code, again.err).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).image).toBe(`ghcr.io/acme/model@${D2}`);
  });

  it("a file there that cannot be read is kept (exit 2) unless --force: it may be a person's", async () => {
    write('build.json', build([{ digest: D1 }]));
    // Over the read limit stands in for no read permission (the tests run as root): a sparse file.
    const file = path.join(dir, 'big.json');
    writeFileSync(file, '');
    truncateSync(file, 300 * 1024 * 1024);
    const kept = await cli('--from', 'results', '--out', 'big.json');
    expect(kept.code, kept.err).toBe(2);
    expect(kept.err).toContain(`${file} exists and cannot be read`);
    expect(kept.err).toMatch(/--force/);
    expect(statSync(file).size).toBe(300 * 1024 * 1024);
    expect((await cli('--from', 'results', '--out', 'big.json', '--force')).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).image).toBe(`ghcr.io/acme/model@${D1}`);
  });

  it('--out under /proc: exit 2 about the FILE (not the directory flag of other commands)', async () => {
    write('build.json', build([{ digest: D1 }]));
    const r = await cli('--from', 'results', '--out', '/proc/ml-image-none/dc.json');
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(/--out \/proc\/ml-image-none\/dc\.json: .*the file needs a real directory/);
    expect(r.err).toContain('pass --out FILE naming a file on disk');
    expect(r.err).not.toMatch(/result files|--out DIR|internal error/);
  });

  it.each([
    ['/dev/zero', /--out \/dev\/zero is a character device, not a regular file/],
    ['/dev/null', /--out \/dev\/null is a character device, not a regular file/],
    ['results', /--out results is a directory, not a regular file/],
  ])('--out %s: exit 2 at once, nothing read from it or written (--force too)', async (out, message) => {
    write('build.json', build([{ digest: D1 }]));
    for (const force of [[], ['--force']]) {
      const r = await cli('--from', 'results', '--out', out, ...force);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).not.toContain('internal error');
    }
  });

  it.each<[string, () => void, RegExp]>([
    [
      'a/d.json', // a is a file
      () => writeFileSync(path.join(dir, 'a'), 'x'),
      /--out a\/d\.json: cannot write .*a\/d\.json: a path component is not a directory/,
    ],
    [
      'loop.json', // a link to itself
      () => symlinkSync(path.join(dir, 'loop.json'), path.join(dir, 'loop.json')),
      /--out loop\.json: cannot write .*loop\.json/,
    ],
    ['x'.repeat(300) + '/d.json', () => undefined, /cannot write .*(too long|ENAMETOOLONG)/],
  ])('--out %s: exit 2 naming it, not an internal error', async (out, make, message) => {
    write('build.json', build([{ digest: D1 }]));
    make();
    const r = await cli('--from', 'results', '--out', out);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toContain('internal error');
  });

  it.each([
    [[], /--from DIR is required/],
    [['--from', 'nowhere'], /--from nowhere: no build\.json/],
    [['--from', 'results', '--variant', 'rocm'], /no variant "rocm"/],
    [['--from', 'results', '--bogus'], /Unknown option '--bogus'/],
  ])('bad input %j is exit 2 naming it', async (args, message) => {
    write('build.json', build([{}]));
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it.each([
    [{ repository: 'a/b\n  evil: 1' }, /variants\[0\]\.repository: not a repository/],
    [
      { repository: 'ghcr.io/Acme/x' },
      /variants\[0\]\.repository: not a repository: the repository name must be lowercase/,
    ],
    [
      { repository: 'ghcr.io/acme/model:1.0' },
      /variants\[0\]\.repository: not a repository: a repository without a tag/,
    ],
    [
      { platforms: [platform(hostPlatform(), D2, 'x y\nz')] },
      /variants\[0\]\.platforms\[0\]\.localRef: not an image reference/,
    ],
  ])('build.json with %j: exit 2 naming the field, nothing written', async (override, message) => {
    write('build.json', build([{ digest: D1, ...override }]));
    const r = await cli('--from', 'results');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(existsSync(path.join(dir, '.devcontainer'))).toBe(false);
  });

  it('reads build.json and plan.json through the results contract: a broken one is exit 2 naming it', async () => {
    const file = (name: string) => path.join(dir, 'results', name);
    write('build.json', { schemaVersion: 1, variants: [{ variant: 'cpu' }] });
    const broken = await cli('--from', 'results', '--json');
    expect(broken.code).toBe(2);
    const message: string = JSON.parse(broken.out).error.message;
    expect(message.startsWith(`${file('build.json')}: not a build result: `)).toBe(true);
    expect(message).toMatch(/repository/);
    write('build.json', build([{ digest: D1 }]));
    write('plan.json', { variants: [{ name: 'cpu' }] }); // no schemaVersion: not what the plan stage writes
    const plan = await cli('--from', 'results', '--json');
    expect(plan.code).toBe(2);
    expect(JSON.parse(plan.out).error.message).toContain(`${file('plan.json')}: not a plan: schemaVersion`);
    // A plan of another version is left out: the record (none here) decides CUDA-ness.
    write('plan.json', { schemaVersion: 2, variants: [{ name: 'cpu', cuda: {} }] });
    const other = await cli('--from', 'results', '--json');
    expect(other.code, other.err).toBe(0);
    expect(JSON.parse(other.out)).toMatchObject({ cuda: false, record: null });
  });

  it.each([
    // The devcontainer CLI fills ${localEnv:...} from the host's environment, in "name" too.
    ['${localEnv:GITHUB_TOKEN}'],
    // env-<variant>-<arch>.json would be read from outside --from.
    ['x/../../outside'],
    ['CPU'],
    [''],
  ])(
    "a build.json (another run's, tampered) whose variant %j is no variant name: exit 2 naming it, nothing written",
    async (variant) => {
      write('build.json', build([{ variant, digest: D1, platforms: [platform(hostPlatform(), D2)] }]));
      const r = await cli('--from', 'results');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/build\.json/);
      expect(r.err).toMatch(/a variant name: lowercase letters, digits/);
      expect(existsSync(path.join(dir, '.devcontainer'))).toBe(false);
    },
  );

  it('a variant with neither digest nor local tag is exit 2 naming the fields', async () => {
    // Pushed by digest on two platforms, never merged, never loaded (a variant of no platforms is
    // refused as no build's: run-earlier-results.test.ts).
    write('build.json', build([{ platforms: [platform('linux/amd64', D1), platform('linux/arm64', D2)] }]));
    const r = await cli('--from', 'results', '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error.message).toMatch(/variants\[\]\.digest/);
  });
});

describe('the action output: writeResultDevcontainers', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-dc-action-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one definition per pushed variant, none for a loaded or unmerged one', () => {
    writeFileSync(
      path.join(dir, 'build.json'),
      JSON.stringify(
        build([
          { variant: 'cpu', digest: D1 },
          { variant: 'cuda12.8', digest: D2 },
          { variant: 'local', platforms: [platform('linux/amd64', D2, 'model:local')] },
          { variant: 'unmerged', platforms: [platform('linux/amd64', D1), platform('linux/arm64', D2)] },
        ]),
      ),
    );
    writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(makePlan(planVariant('cuda12.8', CUDA_128))));
    const files = writeResultDevcontainers(dir, ['cpu', 'cuda12.8', 'local', 'unmerged']);
    expect(files).toEqual([resultDevcontainerFile(dir, 'cpu'), resultDevcontainerFile(dir, 'cuda12.8')]);
    const cpu = JSON.parse(readFileSync(files[0]!, 'utf8'));
    const cuda = JSON.parse(readFileSync(files[1]!, 'utf8'));
    expect(cpu.image).toBe(`ghcr.io/acme/model@${D1}`);
    expect(cpu.hostRequirements).toBeUndefined();
    expect(cuda).toMatchObject({ image: `ghcr.io/acme/model@${D2}`, hostRequirements: { gpu: true } });
  });

  it('writes nothing without a build.json', () => {
    expect(writeResultDevcontainers(dir, ['cpu'])).toEqual([]);
  });

  it('a broken plan.json: none written, and the note says why (not silently)', () => {
    writeFileSync(path.join(dir, 'build.json'), JSON.stringify(build([{ variant: 'cpu', digest: D1 }])));
    writeFileSync(path.join(dir, 'plan.json'), '{"schemaVersion": 1, "variants": "no"}');
    const notes: string[] = [];
    expect(writeResultDevcontainers(dir, ['cpu'], (l) => notes.push(l))).toEqual([]);
    expect(notes).toEqual([expect.stringMatching(/^devcontainer cpu: none \(.*plan\.json/)]);
  });
});
