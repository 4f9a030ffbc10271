// "This machine's platform" is the Docker engine's, not Node's: on an Apple silicon Mac the engine
// is aarch64 (and Node may be x64 under Rosetta). resolve without --platform resolves for the
// engine's platform, the --load fix names it, devcontainer takes its local tag and notes by it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/result.js';
import type { DockerAdapter, SessionSpec } from '../../src/docker/adapter.js';
import { askEnginePlatform, loadOnePlatformFix } from '../../src/cli/commands/engine-platform.js';
import { binfmtFix } from '../../src/cli/commands/doctor.js';
import { runCli } from '../../src/cli/main.js';
import { EnvironmentError } from '../../src/errors.js';
import { captureIo, fakeDocker } from '../helpers/fakes.js';

const DIGEST = `sha256:${'d'.repeat(64)}`;
const D1 = `sha256:${'a'.repeat(64)}`;
const D2 = `sha256:${'b'.repeat(64)}`;

const engine = (arch: string, over: Partial<DockerAdapter> = {}) =>
  fakeDocker({
    ping: () => Promise.resolve({ version: '29.0.0', apiVersion: '1.52', os: 'linux', arch }),
    ...over,
  });

/**
 * An engine's socket in this process (node:http on a unix socket, no process started): GET /version
 * answers ARCH, or never answers ('hang'). `open()` counts the connections still open.
 */
async function engineSocket(
  arch: string | 'hang',
): Promise<{ env: Record<string, string>; open: () => number; close: () => Promise<void> }> {
  const socket = path.join(dir, `engine-${arch}.sock`);
  let open = 0;
  const server = http.createServer((req, res) => {
    if (arch === 'hang') return; // accepts, never answers
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(req.url === '/version' ? { Os: 'linux', Arch: arch, ApiVersion: '1.52' } : {}));
  });
  server.on('connection', (c) => {
    open += 1;
    c.on('close', () => (open -= 1));
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return {
    env: { DOCKER_HOST: `unix://${socket}`, ML_IMAGE_CACHE_DIR: path.join(dir, '.cache') },
    open: () => open,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
/** An engine that is not there: a socket path nothing listens on. */
const NO_ENGINE = () => ({
  DOCKER_HOST: `unix://${path.join(dir, 'none.sock')}`,
  ML_IMAGE_CACHE_DIR: path.join(dir, '.cache'),
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-engine-platform-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ml-image resolve without --platform', () => {
  it.each([
    ['aarch64', 'linux/arm64'],
    ['arm64', 'linux/arm64'],
    ['x86_64', 'linux/amd64'],
  ])("an engine whose Arch is %s: the resolver's container is %s", async (arch, want) => {
    writeFileSync(path.join(dir, 'requirements.txt'), 'tqdm\n');
    const specs: SessionSpec[] = [];
    const io = captureIo(
      dir,
      engine(arch, {
        imageDigest: () => Promise.resolve(DIGEST),
        inspectLocalImage: () => Promise.resolve(undefined),
        startSession: (spec) => {
          specs.push(spec);
          return Promise.reject(new EnvironmentError('stopped here by the test', 'none'));
        },
      }),
    );
    const code = await runCli(
      ['resolve', '--image', 'python:3.12-slim', '--requirements', 'requirements.txt'],
      io,
    );
    expect(code, io.err()).toBe(3);
    expect(specs.map((s) => s.platform)).toEqual([want]);
    expect(io.err()).toContain(
      `resolve: for ${want}, the Docker engine's platform (--platform picks another)`,
    );
  });

  it('--platform still wins over the engine, which is not asked', async () => {
    writeFileSync(path.join(dir, 'requirements.txt'), 'tqdm\n');
    const specs: SessionSpec[] = [];
    const io = captureIo(
      dir,
      fakeDocker({
        imageDigest: () => Promise.resolve(DIGEST),
        inspectLocalImage: () => Promise.resolve(undefined),
        startSession: (spec) => {
          specs.push(spec);
          return Promise.reject(new EnvironmentError('stopped here by the test', 'none'));
        },
      }),
    );
    const argv = ['resolve', '--image', 'python:3.12-slim', '--requirements', 'requirements.txt'];
    expect(await runCli([...argv, '--platform', 'linux/amd64'], io)).toBe(3);
    expect(specs.map((s) => s.platform)).toEqual(['linux/amd64']);
    expect(io.err()).not.toContain("the Docker engine's platform");
  });

  it('no daemon: exit 3 with the daemon error, after the inputs are checked (a missing file is exit 2)', async () => {
    const down = fakeDocker({
      ping: () => Promise.reject(new EnvironmentError('cannot reach the Docker daemon', 'start Docker')),
    });
    const argv = ['resolve', '--image', 'python:3.12-slim', '--requirements', 'requirements.txt'];
    expect(await runCli(argv, captureIo(dir, down))).toBe(2);
    writeFileSync(path.join(dir, 'requirements.txt'), 'tqdm\n');
    const io = captureIo(dir, down);
    expect(await runCli(argv, io)).toBe(3);
    expect(io.err()).toContain('cannot reach the Docker daemon');
    // A time limit that is no number of seconds is bad input too, said before the daemon is asked.
    const bad = captureIo(dir, down, { ML_IMAGE_RESOLVE_TIMEOUT_SECONDS: '15m' });
    expect(await runCli(argv, bad)).toBe(2);
    expect(bad.err()).toContain('ML_IMAGE_RESOLVE_TIMEOUT_SECONDS: expected whole seconds');
  });

  it("--help: the default is the engine's platform, another one runs under QEMU", async () => {
    const io = captureIo(dir);
    expect(await runCli(['resolve', '--help'], io)).toBe(0);
    const help = io.out().replace(/\s+/g, ' ');
    expect(help).toContain("default: the engine's own");
    expect(help).toContain("a platform other than the engine's runs under QEMU");
    expect(help).not.toContain('linux/amd64 (default)');
  });
});

describe('--load with several platforms: the fix names the engine platform', () => {
  const CONFIG = 'image:\n  name: my-org/model\nvariants: [cpu]\nplatforms: [linux/amd64, linux/arm64]\n';

  it.each(['build', 'run'])('ml-image %s --load on an aarch64 engine', async (command) => {
    writeFileSync(path.join(dir, 'ml-image.yml'), CONFIG);
    const sock = await engineSocket('aarch64');
    const io = captureIo(dir, engine('aarch64'), sock.env);
    expect(await runCli([command, '--load', '--json', '--out', 'o'], io)).toBe(2);
    await sock.close();
    const { error } = JSON.parse(io.out());
    expect(error.message).toContain('--load builds one platform into the local engine');
    expect(error.fix).toContain('add --platforms linux/arm64 (this engine');
    expect(error.fix).not.toContain('linux/amd64');
  });

  it('an engine that does not answer: the fix says which platform to pick, exit 2 all the same', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), CONFIG);
    const down = fakeDocker({
      ping: () => Promise.reject(new EnvironmentError('no daemon', 'start Docker')),
    });
    const io = captureIo(dir, down, NO_ENGINE());
    expect(await runCli(['build', '--load', '--json'], io)).toBe(2);
    expect(JSON.parse(io.out()).error.fix).toContain(
      "one platform, this machine's (linux/arm64 on Apple silicon",
    );
  });

  it('an engine that accepts and never answers: not waited for past the limit, its connection closed', async () => {
    const hung = await engineSocket('hang');
    expect(await askEnginePlatform({ env: hung.env }, 200)).toBeUndefined();
    // The request was destroyed: nothing keeps the command's process open.
    await new Promise((r) => setTimeout(r, 50));
    expect(hung.open()).toBe(0);
    await hung.close();
    const amd = await engineSocket('x86_64');
    expect(await loadOnePlatformFix({ env: amd.env })).toContain('--platforms linux/amd64');
    await amd.close();
  });

  it('a remote engine (tcp://) is not asked: the generic wording', async () => {
    expect(await askEnginePlatform({ env: { DOCKER_HOST: 'tcp://10.255.255.1:2375' } }, 200)).toBeUndefined();
  });
});

describe('ml-image devcontainer: the engine platform, not process.arch', () => {
  const arch = Object.getOwnPropertyDescriptor(process, 'arch')!;
  beforeEach(() => {
    // An x64 Node under Rosetta on an Apple silicon Mac.
    Object.defineProperty(process, 'arch', { value: 'x64', configurable: true });
    mkdirSync(path.join(dir, 'results'));
  });
  afterEach(() => Object.defineProperty(process, 'arch', arch));

  const local = (p: string, digest: string, localRef?: string) => ({
    platform: p,
    digest,
    durationMs: 1,
    attempts: 1,
    metadata: {},
    ...(localRef && { localRef }),
  });
  const build = (v: Partial<BuildResult['variants'][number]>): BuildResult => ({
    schemaVersion: 1,
    variants: [
      {
        variant: 'cpu',
        repository: 'ghcr.io/acme/model',
        tags: ['ghcr.io/acme/model:cpu'],
        platforms: [],
        baseImage: 'python:3.12-slim',
        ...v,
      },
    ],
  });
  const write = (b: BuildResult) => writeFileSync(path.join(dir, 'results', 'build.json'), JSON.stringify(b));

  async function cli(docker: DockerAdapter, arch?: string) {
    const sock = arch !== undefined ? await engineSocket(arch) : undefined;
    const io = captureIo(dir, docker, sock?.env ?? NO_ENGINE());
    try {
      return await devcontainer(io);
    } finally {
      await sock?.close();
    }
  }
  async function devcontainer(io: ReturnType<typeof captureIo>) {
    const code = await runCli(['devcontainer', '--from', 'results', '--json', '--force'], io);
    expect(code, io.err()).toBe(0);
    return JSON.parse(io.out()) as { image: string; notes: string[] };
  }

  it('a --load build of both platforms: the arm64 local tag on an aarch64 engine', async () => {
    write(
      build({
        platforms: [local('linux/amd64', D1, 'model:amd64'), local('linux/arm64', D2, 'model:arm64')],
      }),
    );
    const summary = await cli(engine('aarch64'), 'aarch64');
    expect(summary.image).toBe('model:arm64');
    expect(JSON.parse(readFileSync(path.join(dir, '.devcontainer', 'devcontainer.json'), 'utf8')).image).toBe(
      'model:arm64',
    );
    expect(JSON.stringify(summary.notes)).not.toMatch(/emulation|did not answer/);
  });

  it('an arm64-only image pinned by digest: no emulation note on an aarch64 engine; one on amd64', async () => {
    write(build({ platforms: [local('linux/arm64', D2)] }));
    const arm = await cli(engine('aarch64'), 'aarch64');
    expect(arm.image).toBe(`ghcr.io/acme/model@${D2}`);
    expect(JSON.stringify(arm.notes)).not.toContain('emulation');
    const amd = await cli(engine('x86_64'), 'x86_64');
    expect(amd.notes).toContainEqual(
      'the image is built for linux/arm64 only: on this linux/amd64 machine it runs under emulation (QEMU), if at all',
    );
  });

  it("no engine: Node's platform, and a note that says so", async () => {
    write(
      build({
        platforms: [local('linux/amd64', D1, 'model:amd64'), local('linux/arm64', D2, 'model:arm64')],
      }),
    );
    const summary = await cli(
      fakeDocker({ ping: () => Promise.reject(new EnvironmentError('no daemon', 'start Docker')) }),
    );
    expect(summary.image).toBe('model:amd64');
    expect(summary.notes).toContainEqual(
      expect.stringContaining(
        "the Docker engine's platform is not known here (a local engine did not answer, or the engine is remote)",
      ),
    );
    expect(summary.notes).toContainEqual(expect.stringContaining('process.arch x64'));
  });
});

describe("doctor's fix for a platform the builder lacks", () => {
  it.each(['darwin', 'win32'] as const)(
    '%s: the binfmt image first (the engine is in a VM), no apt-get',
    (os) => {
      const fix = binfmtFix(os);
      expect(fix).toMatch(
        /^register QEMU binfmt handlers in the engine's VM: "docker run --privileged --rm tonistiigi\/binfmt/,
      );
      expect(fix).not.toContain('apt-get');
    },
  );

  it('linux: apt-get or the binfmt image, as before', () => {
    expect(binfmtFix('linux')).toBe(
      'register QEMU binfmt handlers: "apt-get install qemu-user-static binfmt-support" or "docker run --privileged --rm tonistiigi/binfmt --install all"',
    );
  });
});
