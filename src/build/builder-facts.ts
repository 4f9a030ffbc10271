// What the build stage needs to know of the builder (its name, buildx version, driver, BuildKit
// version, its nodes' endpoints, the docker driver's image store): asked once per Docker adapter (a
// process), and kept between runs in the cache directory under a key made of everything that
// changes the answer without a command: the buildx plugin binaries (path, size, mtime), Docker's
// config.json and buildx's builder state (current builder, builder instances), the DOCKER_* /
// BUILDX_* variables, and, for the local engine, its socket and the daemon's pid file (both
// rewritten when the daemon restarts or is upgraded, as a switch of its image store needs). An
// entry also expires: a day for the local engine, ten minutes for a remote one or a builder whose
// driver is `remote` or `kubernetes` (their BuildKit can change without a local trace). A build
// that fails deletes the entry (forgetBuilder), so the next run asks buildx again.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { DockerAdapter } from '../docker/adapter.js';
import { writeFileAtomic } from '../util/json-file.js';
import type { BuilderInfo } from './buildx-args.js';

type Env = Readonly<Record<string, string | undefined>>;
/**
 * The builder's facts, its name among them: the one `buildx inspect` reported (the current builder
 * where none was named), which every later buildx call of the run names (--builder): another job on
 * this HOME that switches the current builder (`buildx create --use`) does not move the run.
 */
export type BuilderFacts = BuilderInfo;

const LOCAL_TTL_MS = 24 * 3600_000;
const REMOTE_TTL_MS = 10 * 60_000;
/** Drivers whose BuildKit runs elsewhere: their facts hold as long as a remote engine's. */
const REMOTE_DRIVERS = new Set(['remote', 'kubernetes']);
const ENV_KEYS = ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_CONFIG', 'BUILDX_BUILDER', 'BUILDX_CONFIG'];
/** Where the docker CLI looks for plugins (after DOCKER_CONFIG/cli-plugins), in its order. */
const SYSTEM_PLUGIN_DIRS = [
  '/usr/local/lib/docker/cli-plugins',
  '/usr/local/libexec/docker/cli-plugins',
  '/usr/lib/docker/cli-plugins',
  '/usr/libexec/docker/cli-plugins',
];

export interface FactsFs {
  stat: (file: string) => string;
  read: (file: string) => string;
  list: (dir: string) => string[];
}

const realFs: FactsFs = {
  stat: (f) => {
    try {
      const s = statSync(f);
      return `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
    } catch {
      return '-';
    }
  },
  read: (f) => {
    try {
      return readFileSync(f, 'utf8');
    } catch {
      return '';
    }
  },
  list: (d) => {
    try {
      return readdirSync(d).sort();
    } catch {
      return [];
    }
  },
};

/** The cache key of the builder's facts and how long an entry holds (see the header). */
export function builderFactsKey(
  env: Env,
  name: string | undefined,
  fs: FactsFs = realFs,
): { key: string; ttlMs: number } {
  const configDir = env.DOCKER_CONFIG ?? path.join(env.HOME ?? homedir(), '.docker');
  const buildxDir = env.BUILDX_CONFIG ?? path.join(configDir, 'buildx');
  const instances = path.join(buildxDir, 'instances');
  const plugins = [path.join(configDir, 'cli-plugins'), ...SYSTEM_PLUGIN_DIRS].map((d) =>
    fs.stat(path.join(d, 'docker-buildx')),
  );
  const host = env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
  const config = fs.read(path.join(configDir, 'config.json'));
  const otherContext =
    (env.DOCKER_CONTEXT ?? '') !== '' || /"currentContext"\s*:\s*"(?!default")/.test(config);
  const local = host.startsWith('unix://') && !otherContext;
  const socket = host.slice('unix://'.length);
  const parts = [
    // The facts' shape: 2 holds the nodes' endpoints, 3 the builder's name, 4 the docker driver's
    // image store (containerdStore; older entries lack them).
    'facts=4',
    `name=${name ?? ''}`,
    ...ENV_KEYS.map((k) => `${k}=${env[k] ?? ''}`),
    `plugins=${plugins.join(',')}`,
    `config=${config}`,
    `current=${fs.read(path.join(buildxDir, 'current'))}`,
    `instances=${fs
      .list(instances)
      .map((i) => `${i}@${fs.stat(path.join(instances, i))}`)
      .join(',')}`,
    `socket=${local ? fs.stat(socket) : host}`,
    ...(local ? [`pid=${daemonPidStat(socket, fs)}`] : []),
  ];
  return {
    key: createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32),
    ttlMs: local ? LOCAL_TTL_MS : REMOTE_TTL_MS,
  };
}

/**
 * The daemon's pid file next to its socket (dockerd writes docker.pid in the socket's directory:
 * /var/run for the system daemon, $XDG_RUNTIME_DIR when rootless), else /var/run/docker.pid.
 */
function daemonPidStat(socket: string, fs: FactsFs): string {
  const beside = fs.stat(path.join(path.dirname(socket), 'docker.pid'));
  return beside !== '-' ? beside : fs.stat('/var/run/docker.pid');
}

/** `buildx version` and `buildx inspect`, side by side. */
async function askBuildx(docker: DockerAdapter, name: string | undefined): Promise<BuilderFacts> {
  const [buildxVersion, inspect] = await Promise.all([
    docker.buildxVersion(),
    name !== undefined ? docker.buildxInspect(name) : docker.buildxInspect(),
  ]);
  return {
    buildxVersion,
    ...(inspect.name !== '' && { name: inspect.name }),
    driver: inspect.driver,
    ...(inspect.buildkitVersion !== undefined && { buildkitVersion: inspect.buildkitVersion }),
    ...(inspect.endpoints !== undefined && { endpoints: inspect.endpoints }),
    // As buildx tells it: dockerd's BuildKit worker has a snapshotter label only on the containerd store.
    ...(inspect.driver === 'docker' && inspect.snapshotter !== undefined && { containerdStore: true }),
  };
}

interface Entry {
  savedAt: number;
  facts: BuilderFacts;
}

function readEntry(file: string, ttlMs: number, now: number): BuilderFacts | undefined {
  try {
    const e = JSON.parse(readFileSync(file, 'utf8')) as Entry;
    const endpoints = e.facts?.endpoints;
    const valid =
      typeof e.facts?.buildxVersion === 'string' &&
      typeof e.facts.driver === 'string' &&
      (e.facts.name === undefined || typeof e.facts.name === 'string') &&
      (e.facts.containerdStore === undefined || typeof e.facts.containerdStore === 'boolean') &&
      // An earlier version kept an unstamped BuildKit's "v0.0.0+unknown" as 0.0.0, and refused it.
      !/^0\.0(?:\.0)?$/.test(String(e.facts.buildkitVersion)) &&
      (endpoints === undefined ||
        (Array.isArray(endpoints) && endpoints.every((x) => typeof x === 'string')));
    if (!valid) return undefined;
    const holds = REMOTE_DRIVERS.has(e.facts.driver) ? Math.min(ttlMs, REMOTE_TTL_MS) : ttlMs;
    const fresh = typeof e.savedAt === 'number' && now - e.savedAt >= 0 && now - e.savedAt < holds;
    return fresh ? e.facts : undefined;
  } catch {
    return undefined;
  }
}

function writeEntry(file: string, entry: Entry): void {
  try {
    // The cache directory's rule (resolve/snapshot-cache.ts): 0700, files 0600.
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileAtomic(file, JSON.stringify(entry), file, false, 0o600);
  } catch {
    // A cache that cannot be written is only slower next time; no half-written file stays in it.
  }
}

function entryFile(cache: FactsCache, name: string | undefined): { file: string; ttlMs: number } {
  const at = builderFactsKey(cache.env, name, cache.fs);
  return { file: path.join(cache.dir, 'builders', `${at.key}.json`), ttlMs: at.ttlMs };
}

/** Per adapter (one per process, or per test): the facts of each builder name, asked once. */
const perAdapter = new WeakMap<object, Map<string, Promise<BuilderFacts>>>();

/** Where the facts are kept between runs, and what their key is made of. */
export interface FactsCache {
  dir: string;
  env: Env;
  now?: () => number;
  fs?: FactsFs;
}

export interface FactsSource {
  facts: BuilderFacts;
  /** 'asked' (buildx was run), 'process' (asked earlier in this process), 'disk' (the cache dir). */
  from: 'asked' | 'process' | 'disk';
}

/**
 * The builder's facts: from this process's earlier answer, else the cache directory (when given),
 * else buildx (and then kept). Only a builder that reported its BuildKit version is kept on disk:
 * a docker-container builder that is not running yet reports none, and will after its first build.
 */
export async function lookUpBuilder(
  docker: DockerAdapter,
  name: string | undefined,
  cache?: FactsCache,
): Promise<FactsSource> {
  const memo = perAdapter.get(docker) ?? new Map<string, Promise<BuilderFacts>>();
  perAdapter.set(docker, memo);
  const known = memo.get(name ?? '');
  if (known) return { facts: await known, from: 'process' };
  const now = cache?.now ?? Date.now;
  const at = cache && entryFile(cache, name);
  const file = at?.file;
  const stored = at ? readEntry(at.file, at.ttlMs, now()) : undefined;
  const asked = stored ? Promise.resolve(stored) : askBuildx(docker, name);
  memo.set(name ?? '', asked);
  try {
    const facts = await asked;
    if (!stored && file && facts.buildkitVersion !== undefined) writeEntry(file, { savedAt: now(), facts });
    return { facts, from: stored ? 'disk' : 'asked' };
  } catch (e) {
    memo.delete(name ?? '');
    throw e;
  }
}

/**
 * After a failed build: the builder's facts are forgotten (this process's answer and the entry in
 * the cache directory), so the next run asks buildx again, in case they were what went wrong.
 */
export function forgetBuilder(docker: DockerAdapter, name: string | undefined, cache?: FactsCache): void {
  perAdapter.get(docker)?.delete(name ?? '');
  if (!cache) return;
  try {
    rmSync(entryFile(cache, name).file, { force: true });
  } catch {
    // Nothing to forget.
  }
}
