// SIGTERM while the registry never answers (issue: a stopped run said nothing): a TCP server that
// accepts connections and never answers stands in for the registry; the built CLI (dist/) runs
// `verify` and `run --stages attest` (the built-in signer) against it and gets SIGTERM once the
// server saw its connection. The requests under way are stopped by the signal: exit 143, the
// "interrupted by SIGTERM" line on stderr, with --json the error object on stdout, and neither a
// process of the run nor a temp dir left. No Docker: nothing is built or pulled. No timing is
// asserted: a hang guard only.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { fixture, FIXTURE_PASSWORD } from '../helpers/cosign-keys.js';

const CLI = path.join(REPO_ROOT, 'dist/cli/index.js');
const DIGEST = `sha256:${'b'.repeat(64)}`;

/** A TCP server that accepts and never answers; `connected` resolves at its first connection. */
async function startBlackHole() {
  const sockets = new Set<net.Socket>();
  let seen!: () => void;
  let connected = new Promise<void>((r) => (seen = r));
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
    seen();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    connected: () => connected,
    reset: () => (connected = new Promise<void>((r) => (seen = r))),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

type BlackHole = Awaited<ReturnType<typeof startBlackHole>>;

/** Processes whose environment holds MARK (the CLI and any child it started). */
function processesMarked(mark: string): number[] {
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').includes(mark)) found.push(Number(pid));
    } catch {
      // Gone, or not ours to read.
    }
  }
  return found;
}

/** Run the CLI with ARGS in CWD, SIGTERM once HOLE saw a connection; how it ended. */
async function interrupted(hole: BlackHole, cwd: string, args: string[], env: Record<string, string> = {}) {
  hole.reset();
  const tmp = mkdtempSync(path.join(cwd, 'tmp-'));
  const mark = `ML_IMAGE_BLACK_HOLE_MARK=${path.basename(tmp)}`;
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/root',
      TMPDIR: tmp,
      ML_IMAGE_CACHE_DIR: path.join(cwd, '.cache'),
      ML_IMAGE_BLACK_HOLE_MARK: path.basename(tmp),
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  // The request is under way: the registry saw its connection (else the CLI ended without one).
  const first = await Promise.race([hole.connected().then(() => 'connected'), exited]);
  expect(first, `the CLI ended before reaching the registry: ${stderr}`).toBe('connected');
  // Give the request time to be written after the connect (a signal before it tests less).
  await new Promise((r) => setTimeout(r, 200));
  child.kill('SIGTERM');
  const code = await exited;
  return { code, stdout, stderr, left: readdirSync(tmp), processes: processesMarked(mark) };
}

describe('SIGTERM while the registry never answers (the built CLI, no Docker)', () => {
  let hole: BlackHole;
  let dir: string;
  beforeAll(async () => {
    hole = await startBlackHole();
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-black-hole-'));
    writeFileSync(path.join(dir, 'cosign.pub'), fixture('fixture.pub'));
  });
  afterAll(async () => {
    await hole?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ref = () => `127.0.0.1:${hole.port}/team/model@${DIGEST}`;

  it('verify: exit 143 saying it was interrupted; nothing left', { timeout: 60_000 }, async () => {
    const r = await interrupted(hole, dir, ['verify', ref(), '--key', 'cosign.pub']);
    expect(r.code, r.stderr).toBe(143);
    expect(r.stderr).toMatch(/^error: interrupted by SIGTERM: .*was stopped/m);
    expect(r.left).toEqual([]);
    expect(r.processes).toEqual([]);
  });

  it('verify --json: exit 143 and the error object on stdout', { timeout: 60_000 }, async () => {
    const r = await interrupted(hole, dir, ['verify', ref(), '--key', 'cosign.pub', '--json']);
    expect(r.code, r.stderr).toBe(143);
    const out = JSON.parse(r.stdout) as { error?: { message?: string; exitCode?: number } };
    expect(out.error?.message).toMatch(/^interrupted by SIGTERM: .*was stopped/);
    expect(r.left).toEqual([]);
    expect(r.processes).toEqual([]);
  });

  /** `run --stages attest` of a build.json naming an image on the black hole, signed with a key. */
  function attestRun(json: boolean) {
    const work = mkdtempSync(path.join(dir, 'attest-'));
    const out = path.join(work, 'out');
    mkdirSync(out);
    writeFileSync(
      path.join(work, 'ml-image.yml'),
      [
        `image: { name: team/model, registry: "127.0.0.1:${hole.port}" }`,
        'variants: [{ name: cpu, base: "python:3.12-slim" }]',
        'platforms: [linux/amd64]',
        'resolve: { mode: "off" }',
        'attest: { types: [provenance], sign: key }',
        '',
      ].join('\n'),
    );
    const build = {
      schemaVersion: 1,
      variants: [
        {
          variant: 'cpu',
          repository: `127.0.0.1:${hole.port}/team/model`,
          tags: [],
          baseImage: 'python:3.12-slim',
          platforms: [{ platform: 'linux/amd64', digest: DIGEST, durationMs: 1, attempts: 1, metadata: {} }],
        },
      ],
    };
    writeFileSync(path.join(out, 'build.json'), JSON.stringify(build));
    const args = ['run', '--config', path.join(work, 'ml-image.yml'), '--stages', 'attest', '--out', out];
    return interrupted(hole, work, json ? [...args, '--json'] : args, {
      COSIGN_KEY: fixture('fixture.key'),
      COSIGN_PASSWORD: FIXTURE_PASSWORD,
    });
  }

  it(
    'run --stages attest (built-in signer): exit 143 saying it was interrupted; nothing left',
    { timeout: 60_000 },
    async () => {
      const r = await attestRun(false);
      expect(r.code, r.stderr).toBe(143);
      expect(r.stderr).toMatch(/^error: interrupted by SIGTERM: .*was stopped/m);
      expect(r.left).toEqual([]);
      expect(r.processes).toEqual([]);
    },
  );

  it('run --stages attest --json: exit 143 and the error object on stdout', { timeout: 60_000 }, async () => {
    const r = await attestRun(true);
    expect(r.code, r.stderr).toBe(143);
    const out = JSON.parse(r.stdout) as { error?: { message?: string } };
    expect(out.error?.message).toMatch(/^interrupted by SIGTERM: .*was stopped/);
    expect(r.left).toEqual([]);
    expect(r.processes).toEqual([]);
  });
});
