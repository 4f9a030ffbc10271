// A private Docker daemon for one test file: its own socket, data-root, exec-root, pidfile, managed
// containerd (under its exec-root) and cgroup parent, no network changes to the host (no bridge, no
// iptables). Tests that stop or kill a daemon use this one and never disturb the shared dockerd.
// Needs root. destroy() leaves no process, mount, cgroup or file behind, even after a SIGKILL.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PrivateDockerd {
  /** The temp dir that holds everything of this daemon (its name is also the cgroup parent). */
  readonly dir: string;
  readonly socketPath: string;
  /** The running dockerd's pid (undefined while stopped). */
  pid(): number | undefined;
  /** Start (or start again, with the same dirs) and wait until the API answers. */
  start(): Promise<void>;
  /** SIGTERM (a clean stop: waits up to graceMs, then SIGKILL) or SIGKILL (a crash). */
  stop(signal: 'SIGTERM' | 'SIGKILL', graceMs?: number): Promise<void>;
  /** The docker CLI against this daemon; throws with its stderr on a non-zero exit. */
  cli(args: readonly string[]): string;
  /** The containerd dockerd started for itself (its child, configured under this exec-root). */
  containerd(): { pid: number; args: string } | undefined;
  /** The last lines of the daemon's log (for error messages). */
  logTail(lines?: number): string;
  /** Stop everything this daemon started, unmount, remove the dir; returns what it had to clean. */
  destroy(): Promise<string[]>;
}

const START_LIMIT_MS = 60_000;

/** GET /_ping over the socket: true when the daemon answers OK. */
function ping(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function cmdline(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

function procStat(pid: string): { ppid: number } | undefined {
  try {
    // pid (comm) state ppid ...: comm may hold spaces, so split after its closing parenthesis.
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return { ppid: Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]) };
  } catch {
    return undefined;
  }
}

const pids = () => readdirSync('/proc').filter((p) => /^\d+$/.test(p));

/** Processes of this daemon's world: its command lines name the dir, or they run in its cgroups. */
function processesOf(dir: string): number[] {
  const parent = `/${path.basename(dir)}/`;
  return pids()
    .filter((p) => {
      if (Number(p) === process.pid) return false;
      if (cmdline(p).includes(dir)) return true;
      try {
        return readFileSync(`/proc/${p}/cgroup`, 'utf8').includes(parent);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * Where a containerd-shim-runc-v2 (its command line) listens: /run/containerd/s/ and the SHA-256 of
 * "<containerd address>/<namespace>/<id>" (containerd 1.6). The shim removes it when it exits cleanly.
 */
function shimSocket(args: string): string | undefined {
  const arg = (name: string) => new RegExp(`(?:^| )-${name} (\\S+)`).exec(args)?.[1];
  const [address, ns, id] = [arg('address'), arg('namespace'), arg('id')];
  if (!args.includes('containerd-shim') || !address || !ns || !id) return undefined;
  return `/run/containerd/s/${createHash('sha256').update(`${address}/${ns}/${id}`).digest('hex')}`;
}

/** Mount points under dir, deepest (latest) first. */
function mountsUnder(dir: string): string[] {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[4] ?? '')
    .filter((m) => m === dir || m.startsWith(`${dir}/`))
    .reverse();
}

/** cgroup dirs named after dir (v1: one per controller; v2: one), children first. */
function cgroupsOf(dir: string): string[] {
  const name = path.basename(dir);
  const roots = ['/sys/fs/cgroup', ...safeList('/sys/fs/cgroup').map((c) => `/sys/fs/cgroup/${c}`)];
  const out: string[] = [];
  for (const root of roots) {
    const top = path.join(root, name);
    if (!existsSync(top)) continue;
    for (const child of safeList(top).filter((c) => /^[0-9a-f]{64}$/.test(c)))
      out.push(path.join(top, child));
    out.push(top);
  }
  return out;
}

function safeList(d: string): string[] {
  try {
    return readdirSync(d);
  } catch {
    return [];
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((r) => child.once('exit', () => r()));
}

async function waitGone(pidList: number[], ms: number): Promise<number[]> {
  const until = Date.now() + ms;
  let alive = pidList;
  for (;;) {
    alive = alive.filter((p) => existsSync(`/proc/${p}`) && !/\) Z /.test(statLine(p)));
    if (alive.length === 0 || Date.now() > until) return alive;
    await sleep(100);
  }
}

function statLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return '';
  }
}

/** Make the dirs; the daemon starts with start(). Throws (with the reason) when it cannot run here. */
export function createPrivateDockerd(): PrivateDockerd {
  if (process.getuid?.() !== 0) throw new Error('a private dockerd needs root (run the tests as root)');
  const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-dockerd-'));
  const socketPath = path.join(dir, 'docker.sock');
  const log = path.join(dir, 'dockerd.log');
  for (const d of ['data', 'exec']) mkdirSync(path.join(dir, d));
  // Its own (empty) config file: /etc/docker/daemon.json of the shared daemon is not read.
  writeFileSync(path.join(dir, 'daemon.json'), '{}\n');
  const args = [
    `--host=unix://${socketPath}`,
    `--data-root=${path.join(dir, 'data')}`,
    `--exec-root=${path.join(dir, 'exec')}`,
    `--pidfile=${path.join(dir, 'docker.pid')}`,
    `--config-file=${path.join(dir, 'daemon.json')}`,
    `--cgroup-parent=/${path.basename(dir)}`,
    '--bridge=none', // no network of its own (and, in its own netns, no effect on the host's)
    '--iptables=false',
    '--ip-masq=false',
    '--storage-driver=overlay2',
  ];
  let child: ChildProcess | undefined;

  const logTail = (lines = 30) => {
    try {
      // grpc's connection chatter ("[core] ...") says nothing a reader needs.
      const all = readFileSync(log, 'utf8').trimEnd().split('\n');
      return all
        .filter((l) => !l.includes('[core]'))
        .slice(-lines)
        .join('\n');
    } catch {
      return '(no log)';
    }
  };

  const self: PrivateDockerd = {
    dir,
    socketPath,
    pid: () => (child && child.exitCode === null && child.signalCode === null ? child.pid : undefined),
    async start() {
      if (self.pid() !== undefined) throw new Error('the private dockerd is already running');
      const fd = openSync(log, 'a');
      try {
        // In a network namespace of its own: dockerd with --bridge=none deletes the host's docker0
        // at start (it cleans up "its" default bridge), which would cut the shared daemon's
        // containers off. unshare execs dockerd, so the pid is dockerd's.
        child = spawn('unshare', ['--net', '--', 'dockerd', ...args], {
          detached: true,
          stdio: ['ignore', fd, fd],
        });
      } finally {
        closeSync(fd);
      }
      const spawned = child;
      const failed = new Promise<string>((resolve) => {
        spawned.once('error', (e) => resolve(`could not start dockerd: ${e.message}`));
        spawned.once('exit', (code, sig) => resolve(`dockerd exited (${sig ?? `code ${code}`})`));
      });
      let why: string | undefined;
      void failed.then((w) => (why = w));
      const until = Date.now() + START_LIMIT_MS;
      while (!(await ping(socketPath))) {
        if (why !== undefined || Date.now() > until) {
          if (why === undefined) await self.stop('SIGKILL');
          throw new Error(
            `the private dockerd did not answer on ${socketPath}${why ? `: ${why}` : ` within ${START_LIMIT_MS / 1000}s`}\n--- ${log} (tail) ---\n${logTail()}`,
          );
        }
        await sleep(200);
      }
    },
    async stop(signal, graceMs = 30_000) {
      const c = child;
      if (!c || self.pid() === undefined) return;
      const containerd = self.containerd();
      c.kill(signal);
      const done = await Promise.race([exited(c).then(() => true), sleep(graceMs).then(() => false)]);
      if (!done) {
        c.kill('SIGKILL');
        await exited(c);
      }
      // Its containerd ends with it (a parent-death signal after a SIGKILL). Wait for that, and
      // drop its pidfile: a zombie not yet reaped still counts as running for dockerd, which would
      // then wait for the dead containerd's socket instead of starting its own.
      if (containerd && (await waitGone([containerd.pid], 10_000)).length > 0) {
        process.kill(containerd.pid, 'SIGKILL');
        await waitGone([containerd.pid], 5_000);
      }
      rmSync(path.join(dir, 'exec', 'containerd', 'containerd.pid'), { force: true });
    },
    cli(cmd) {
      try {
        return execFileSync('docker', ['-H', `unix://${socketPath}`, ...cmd], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
          timeout: 120_000,
        });
      } catch (e) {
        const err = e as { stderr?: string; message: string };
        throw new Error(`docker ${cmd.join(' ')} (private daemon): ${err.stderr?.trim() || err.message}`);
      }
    },
    containerd() {
      const daemon = self.pid();
      if (daemon === undefined) return undefined;
      const p = pids().find((x) => procStat(x)?.ppid === daemon && cmdline(x).startsWith('containerd '));
      return p ? { pid: Number(p), args: cmdline(p) } : undefined;
    },
    logTail,
    destroy: () => destroy(self, dir),
  };
  return self;
}

/** Containers first (through the daemon, if it still answers), then the daemon, then whatever is left. */
async function destroy(d: PrivateDockerd, dir: string): Promise<string[]> {
  const notes: string[] = [];
  if (d.pid() !== undefined && (await ping(d.socketPath))) {
    const ids = d.cli(['ps', '-aq']).split('\n').filter(Boolean);
    if (ids.length > 0) d.cli(['rm', '-f', ...ids]);
  }
  await d.stop('SIGTERM', 20_000);
  // A dockerd killed with SIGKILL leaves its shims and their containers running (containerd dies
  // with it): kill what still runs in this daemon's cgroups or names its dir.
  const left = processesOf(dir);
  const sockets = left.map((p) => shimSocket(cmdline(String(p)))).filter((x) => x !== undefined);
  if (left.length > 0) {
    notes.push(`killed ${left.length} leftover process(es): ${left.join(', ')}`);
    for (const p of left) {
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    const still = await waitGone(left, 10_000);
    if (still.length > 0) throw new Error(`processes of ${dir} survived SIGKILL: ${still.join(', ')}`);
    // A shim killed so leaves its socket in the host's /run/containerd/s.
    for (const s of sockets.filter((x) => existsSync(x))) {
      rmSync(s, { force: true });
      notes.push(`removed the stale shim socket ${s}`);
    }
  }
  for (const m of mountsUnder(dir)) {
    try {
      execFileSync('umount', [m], { stdio: 'ignore' });
    } catch {
      execFileSync('umount', ['-l', m], { stdio: 'ignore' });
    }
    notes.push(`unmounted ${m}`);
  }
  const mounted = mountsUnder(dir);
  // Never rm -rf through a mount point: it would delete what is mounted there.
  if (mounted.length > 0) throw new Error(`still mounted under ${dir}: ${mounted.join(', ')}`);
  for (const cg of cgroupsOf(dir)) {
    try {
      rmdirSync(cg);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        notes.push(`could not remove cgroup ${cg}: ${(e as Error).message}`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return notes;
}
