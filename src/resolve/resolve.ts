// resolve: find where the user's requirements would change what the base image ships (the NumPy
// <2 vs >=2 class), explain it, and find a plan that holds the base fixed. All pip runs happen in
// ONE container of the base image (pip's cache reused), for the target platform.
import { createHash } from 'node:crypto';
import type { ContainerSession, DockerAdapter } from '../docker/adapter.js';
import { redactUrls } from '../capture/redact.js';
import { CheckFailedError, EnvironmentError, InputError, type MlImageError } from '../errors.js';
import { describeIndexes, type PipIndexes, pipIndexEnv } from '../python/indexes.js';
import type { RequirementOrigin } from '../requirements/read.js';
import { constraintsText, type InstalledDist, pinDecisions } from './constraints.js';
import { renderExplanation } from './explain.js';
import { findHazards } from './hazards.js';
import { HELPER_PY } from './helper-py.js';
import {
  classifyPipFailure,
  conflictBlock,
  indexUnreachable,
  pipMessage,
  requirementNames,
  transientIndexError,
  userRequestedInConflict,
} from './pip-output.js';
import { RESOLUTION_SCHEMA_VERSION, type Replacement, type Resolution } from './result.js';
import { type SnapshotCache, snapshotKey } from './snapshot-cache.js';
import { VERSION } from '../version.js';

export interface ResolveInput {
  image: string;
  platform: string;
  /** Requirements as one text, and where each of its lines came from ("file:line"). */
  requirements: {
    text: string;
    origins: readonly string[];
    /** Requirement lines with their direct URLs (from readRequirements), to blame the right one. */
    requirements?: readonly RequirementOrigin[];
    /** --index-url / --extra-index-url lines inside the requirements files. */
    indexes?: { indexUrl?: string; extraIndexUrls: readonly string[] };
  };
  /** Where pip looks (config or environment): reaches pip through its environment, never argv. */
  indexes?: PipIndexes;
  /** More environment for pip (e.g. the variables requirement lines reference as ${NAME}). */
  pipEnv?: Readonly<Record<string, string>>;
  mode: 'auto' | 'check';
  network?: 'host' | 'bridge';
  /** For hazards: a CUDA variant, and where torch comes from. */
  variant?: { cuda?: string; torchIndexUrl?: string };
}

export interface ResolveOutput {
  resolution: Resolution;
  /** Constraints for the build: base pins + the resolved versions (auto mode). */
  constraints: string;
  /** Requirements for the build (relaxed where the resolver had to). */
  requirements: string;
  explanation: string;
}

interface Snapshot {
  python: { version: string };
  pipVersion?: string;
  environment: Record<string, string>;
  env: Record<string, string>;
  installed: InstalledDist[];
  constraintFile: { path: string; content: string } | null;
  error?: string;
}

interface Analysis {
  install: { name: string; version: string; requested: boolean }[];
  replaced: Replacement[];
  environment: Record<string, string>;
}

const DIR = '/tmp/ml-image-resolve';
const PIP_ENV = {
  PIP_DISABLE_PIP_VERSION_CHECK: '1',
  PIP_NO_INPUT: '1',
  PIP_ROOT_USER_ACTION: 'ignore',
  // Debian/Ubuntu images mark their Python externally managed; this is a dry run in a throwaway container.
  PIP_BREAK_SYSTEM_PACKAGES: '1',
};

/** Cache key of a resolution: the base digest and every input that can change pip's answer. */
export function resolutionKey(baseDigest: string, input: ResolveInput): string {
  const { network: _network, ...decisive } = input;
  return `resolution-${createHash('sha256')
    .update(JSON.stringify({ baseDigest, decisive, VERSION }))
    .digest('hex')}`;
}

export async function resolveAgainstBase(
  input: ResolveInput,
  deps: {
    docker: DockerAdapter;
    progress?: (line: string) => void;
    cache?: SnapshotCache;
    /** Reuse an earlier resolution of exactly these inputs (base digest included): `ml-image run`. */
    reuse?: boolean;
  },
): Promise<ResolveOutput> {
  const t0 = Date.now();
  const progress = deps.progress ?? (() => undefined);
  // Like BuildKit's layer cache for the pip install it feeds: same base digest, requirements,
  // indexes and tool version -> the same answer, until one of them changes.
  let reuseKey: string | undefined;
  if (deps.reuse && deps.cache) {
    const d = await deps.docker.imageDigest(input.image).catch(() => undefined);
    if (d !== undefined) {
      reuseKey = resolutionKey(d, input);
      const hit = deps.cache.get(reuseKey);
      if (hit !== undefined) {
        progress(
          `resolve ${input.platform}: reused the resolution of identical inputs (base ${d.slice(0, 19)})`,
        );
        return JSON.parse(hit) as ResolveOutput;
      }
    }
  }
  const [session, digest] = await Promise.all([
    deps.docker.startSession({
      image: input.image,
      platform: input.platform,
      network: input.network ?? 'host',
      env: PIP_ENV,
      labels: { 'io.github.ml-image-action.stage': 'resolve' },
    }),
    // Only images in a registry have a digest to key the cache by; a local-only image is not cached.
    deps.cache ? deps.docker.imageDigest(input.image).catch(() => undefined) : Promise.resolve(undefined),
  ]);
  try {
    const key = digest !== undefined ? snapshotKey(digest, input.platform) : undefined;
    const cached = key !== undefined ? deps.cache?.get(key) : undefined;
    await session.putFiles(DIR, {
      'helper.py': HELPER_PY,
      'requirements.txt': `${input.requirements.text}\n`,
      ...(cached !== undefined && { 'snapshot.json': cached }),
    });
    // The snapshot stays in the container (analyze reads it) and comes back as JSON once.
    const snapRun = cached
      ? { exitCode: 0, stdout: cached, stderr: '' }
      : await session.exec([
          'sh',
          '-c',
          `python3 ${DIR}/helper.py snapshot > ${DIR}/snapshot.json && cat ${DIR}/snapshot.json`,
        ]);
    noPython(snapRun, input.image);
    const snap = parseHelper<Snapshot>(snapRun, input.image);
    if (key !== undefined && !cached && !snap.error) deps.cache?.set(key, snapRun.stdout);
    if (cached) progress(`resolve ${input.platform}: base snapshot from the cache (${digest!.slice(0, 19)})`);
    if (snap.error)
      throw new InputError(
        `${input.image}: ${snap.error}`,
        'resolve needs python3 and pip >= 22.2 in the base image: use such a base, or resolve mode "off"',
      );
    progress(
      `resolve ${input.platform}: base has ${snap.installed.length} Python distributions (python ${snap.python.version}, pip ${snap.pipVersion})`,
    );

    const decisions = pinDecisions(snap.installed);
    const basePins = constraintsText(
      decisions,
      `ml-image resolve: pins of ${input.image} (${input.platform})`,
    );
    await session.putFiles(DIR, { 'base-constraints.txt': basePins });
    const requested = requirementNames(input.requirements.text);
    // Index URLs (often with credentials) reach pip through the exec environment only.
    const ixEnv = { ...pipIndexEnv(input.indexes ?? { extraIndexUrls: [] }), ...input.pipEnv };
    const ctx: FailureContext = {
      image: input.image,
      origins: input.requirements.origins,
      requirements: input.requirements.requirements ?? [],
      indexes: shownIndexes(input),
    };
    const runPip = async (report: string, extra: string[], env: Record<string, string>) => {
      const r = await session.exec(
        [
          'python3',
          '-m',
          'pip',
          'install',
          '--dry-run',
          // pip retries 5xx answers and broken connections itself (backoff 0.25 s, doubling).
          '--retries',
          '3',
          '--timeout',
          '15',
          '--report',
          `${DIR}/${report}`,
          ...extra,
        ],
        { env: { ...ixEnv, ...env } },
      );
      return { ok: r.exitCode === 0, out: `${r.stdout}\n${r.stderr}` };
    };
    /** A dry run; a failure that is not a conflict is thrown as pip reported it. */
    const dryRun = async (report: string, extra: string[], env: Record<string, string> = {}) => {
      let run = await runPip(report, extra, env);
      if (!run.ok && looksTransient(run.out)) {
        // An index that answered 5xx (or nothing) past pip's own retries: one more try, verbose,
        // because pip reports a failing index page ("Could not fetch URL") only at debug level.
        progress(
          `resolve ${input.platform}: the package index failed (${firstLine(run.out)}); trying once more`,
        );
        run = await runPip(report, ['-v', ...extra], env);
      }
      if (run.ok) return run;
      const failure = pipFailureError(run.out, ctx);
      if (failure) throw failure;
      return run;
    };
    const analyze = async (report: string) =>
      helper<Analysis>(session, ['analyze', `${DIR}/snapshot.json`, `${DIR}/${report}`], input.image);

    // 1. The naive plan: what `pip install -r` would do, with the image's own PIP_CONSTRAINT off.
    const naive = await dryRun('naive.json', ['-r', `${DIR}/requirements.txt`], { PIP_CONSTRAINT: '' });
    let naiveAnalysis: Analysis = { install: [], replaced: [], environment: {} };
    if (naive.ok) naiveAnalysis = await analyze('naive.json');
    progress(
      `resolve ${input.platform}: a plain pip install would replace ${naiveAnalysis.replaced.length} base package(s)`,
    );

    const base = {
      schemaVersion: RESOLUTION_SCHEMA_VERSION,
      image: input.image,
      platform: input.platform,
      mode: input.mode,
      python: snap.python.version,
      naive: {
        install: naiveAnalysis.install.map(({ name, version }) => ({ name, version })),
        replaces: naiveAnalysis.replaced,
      },
      constraints: {
        pinned: decisions.filter((d) => d.pin).length,
        skipped: decisions.filter((d) => d.skipped).map((d) => ({ name: d.dist.name, reason: d.skipped! })),
      },
    } as const;

    let resolution: Resolution;
    let requirements = input.requirements.text;
    let constraints = basePins;
    if (input.mode === 'check' || naive.ok === false) {
      const causes = naive.ok ? [] : conflictBlock(naive.out).map((c) => redactUrls(c));
      resolution = {
        ...base,
        status: naive.ok && naiveAnalysis.replaced.length === 0 ? 'clean' : 'conflict',
        hazards: [],
        ...(naive.ok
          ? naiveAnalysis.replaced.length > 0 && {
              conflict: {
                causes,
                chain: chainOf(naiveAnalysis.replaced),
                options: ['resolve mode "auto" looks for versions that keep the base image intact'],
              },
            }
          : {
              conflict: {
                causes,
                chain: ['your requirements conflict among themselves (before the base image is considered)'],
                options: ['change the requirements pip names above'],
              },
            }),
        durationMs: 0,
      };
    } else {
      // 2. The same requirements with every base distribution held at its version. When the plain
      // plan replaces nothing (and the image has no constraint file of its own), it already holds
      // the base: pip would choose the same again, so that run is skipped.
      let heldReport = 'held.json';
      let held =
        naiveAnalysis.replaced.length === 0 && snap.constraintFile === null
          ? ((heldReport = 'naive.json'), naive)
          : await dryRun('held.json', ['-r', `${DIR}/requirements.txt`, '-c', `${DIR}/base-constraints.txt`]);
      let relaxed: { name: string; from: string; to: string }[] = [];
      if (!held.ok) {
        // 3. Relax the user's specifiers that pip blames, keeping a lower bound, and try again.
        const names = userRequestedInConflict(conflictBlock(held.out), requested);
        if (names.length > 0) {
          const chosen = names.map(
            (n) => `${n}=${naiveAnalysis.install.find((i) => i.name === n)?.version ?? ''}`,
          );
          const r = await helper<{ requirements: string; changes: typeof relaxed }>(
            session,
            ['relax', `${DIR}/requirements.txt`, ...chosen],
            input.image,
          );
          if (r.changes.length > 0) {
            relaxed = r.changes;
            progress(
              `resolve ${input.platform}: relaxing ${relaxed.map((c) => `${c.from} -> ${c.to}`).join(', ')}`,
            );
            await session.putFiles(DIR, { 'relaxed.txt': r.requirements });
            const again = await dryRun('held.json', [
              '-r',
              `${DIR}/relaxed.txt`,
              '-c',
              `${DIR}/base-constraints.txt`,
            ]);
            if (again.ok) {
              requirements = r.requirements.trimEnd();
              heldReport = 'held.json';
            }
            held = again.ok ? again : { ok: false, out: held.out };
          }
        }
      }
      if (held.ok) {
        const heldAnalysis = heldReport === 'naive.json' ? naiveAnalysis : await analyze(heldReport);
        const moved = heldAnalysis.install
          .filter((i) => i.requested)
          .flatMap((i) => {
            const n = naiveAnalysis.install.find((x) => x.name === i.name);
            if (!n || n.version === i.version) return [];
            const held = naiveAnalysis.replaced.filter((r) => r.pulledInBy.some((p) => p.dist === i.name));
            const why = held.length
              ? `the newest that accepts ${held.map((r) => `${r.name} ${r.from}`).join(', ')} held by the base image`
              : 'to keep every base package at its version';
            return [{ name: i.name, naive: n.version, resolved: i.version, reason: why }];
          });
        const resolvedPins = heldAnalysis.install.map((i) => `${i.name}==${i.version}`);
        constraints = `${basePins}# resolved for this image\n${resolvedPins.join('\n')}${resolvedPins.length ? '\n' : ''}`;
        resolution = {
          ...base,
          status: naiveAnalysis.replaced.length === 0 && relaxed.length === 0 ? 'clean' : 'fixed',
          resolved: {
            install: heldAnalysis.install.map(({ name, version }) => ({ name, version })),
            moved,
            relaxed,
          },
          hazards: [],
          durationMs: 0,
        };
      } else {
        const causes = conflictBlock(held.out).map((c) => redactUrls(c));
        resolution = {
          ...base,
          status: 'conflict',
          conflict: {
            causes,
            chain: chainOf(naiveAnalysis.replaced, causes),
            options: await optionsFor(session, dryRun, causes, naiveAnalysis, requested),
          },
          hazards: [],
          durationMs: 0,
        };
      }
    }
    resolution.hazards = findHazards({
      snapshot: snap,
      install: resolution.resolved?.install ?? resolution.naive.install,
      platform: input.platform,
      ...(input.variant !== undefined && { variant: input.variant }),
      indexUrl: input.indexes?.indexUrl,
    });
    resolution.durationMs = Date.now() - t0;
    const out = { resolution, constraints, requirements, explanation: renderExplanation(resolution) };
    // Only a finished answer is kept: a conflict is worth re-checking next time.
    if (reuseKey !== undefined && resolution.status !== 'conflict')
      deps.cache!.set(reuseKey, JSON.stringify(out));
    return out;
  } finally {
    await session.close();
  }
}

/** One line per replaced base package: what pulls it in and which base packages it breaks. */
export function chainOf(replaced: readonly Replacement[], causes: readonly string[] = []): string[] {
  const lines = replaced.map((r) => {
    const by = r.pulledInBy.map((p) => `${p.dist} ${p.version} needs ${p.requirement}`).join(' and ');
    const broken = r.breaks.map((b) => `${b.dist} ${b.version} (${b.requirement})`).join(' and ');
    return `${by || `your requirements`} -> ${r.name} ${r.to} would replace the base image's ${r.name} ${r.from}${broken ? `, which ${broken} need${r.breaks.length === 1 ? 's' : ''}` : ''}`;
  });
  return lines.length > 0 ? lines : causes.filter((c) => !c.startsWith('The user requested'));
}

async function optionsFor(
  session: ContainerSession,
  dryRun: (
    report: string,
    extra: string[],
    env?: Record<string, string>,
  ) => Promise<{ ok: boolean; out: string }>,
  causes: readonly string[],
  naive: Analysis,
  requested: readonly string[],
): Promise<string[]> {
  const names = userRequestedInConflict(causes, requested);
  const options: string[] = [];
  // What fits if the blamed packages are asked for by name only, with the base held?
  for (const name of names) {
    await session.putFiles(DIR, { 'probe.txt': `${name}\n` });
    const probe = await dryRun('probe.json', ['-r', `${DIR}/probe.txt`, '-c', `${DIR}/base-constraints.txt`]);
    if (probe.ok) {
      const r = await session.exec([
        'python3',
        '-c',
        `import json;print([i["metadata"]["version"] for i in json.load(open("${DIR}/probe.json"))["install"] if i["metadata"]["name"].lower().replace("_","-")=="${name}"][0])`,
      ]);
      const v = r.stdout.trim();
      if (r.exitCode === 0 && v)
        options.push(`use an older release: ${name}==${v} is the newest that fits the base image`);
    }
  }
  const replaced = naive.replaced.map((r) => `${r.name} ${r.to}`).join(', ');
  options.push(`use a newer base image whose packages accept ${replaced || 'what your requirements need'}`);
  options.push(
    `drop the pin at your own risk: resolve mode "off" lets pip replace ${naive.replaced.map((r) => r.name).join(', ') || 'base packages'}${
      naive.replaced.some((r) => r.breaks.length)
        ? `, breaking ${naive.replaced.flatMap((r) => r.breaks.map((b) => b.dist)).join(', ')}`
        : ''
    }`,
  );
  return options;
}

/** The indexes pip will use, as shown to people: the requirements' own lines win, as in pip. */
function shownIndexes(input: ResolveInput): PipIndexes {
  const own = input.requirements.indexes;
  const indexUrl = own?.indexUrl ?? input.indexes?.indexUrl;
  return {
    ...(indexUrl !== undefined && { indexUrl }),
    extraIndexUrls: [...(input.indexes?.extraIndexUrls ?? []), ...(own?.extraIndexUrls ?? [])],
  };
}

const firstLine = (out: string) =>
  redactUrls(transientIndexError(out) ?? indexUnreachable(out) ?? 'no versions found').slice(0, 200);

/** A failure worth one more run: 5xx, resets, timeouts, refused connections, or "versions: none". */
export function looksTransient(out: string): boolean {
  if (/ResolutionImpossible|DO NOT MATCH THE HASHES|Invalid requirement/.test(out)) return false;
  return (
    transientIndexError(out) !== undefined ||
    indexUnreachable(out) !== undefined ||
    /\(from versions: none\)/.test(out)
  );
}

export interface FailureContext {
  image: string;
  origins: readonly string[];
  requirements: readonly RequirementOrigin[];
  indexes: PipIndexes;
}

const sameUrl = (a: string, b: string) => a.replace(/#.*$/, '') === b.replace(/#.*$/, '');

function urlMatches(url: string, at: { host: string; port: string; path: string }): boolean {
  try {
    const u = new URL(url.replace(/^[a-z]+\+/, ''));
    const port = u.port || (u.protocol === 'https:' ? '443' : '80');
    return u.hostname === at.host && port === at.port && u.pathname === at.path.replace(/[?#].*$/, '');
  } catch {
    return false;
  }
}

/**
 * The error for a failed pip run that is not a conflict (undefined for a conflict): pip's own
 * message, redacted, with the requirement line's origin. Pure.
 */
export function pipFailureError(out: string, ctx: FailureContext): MlImageError | undefined {
  const f = classifyPipFailure(out);
  const at = (line: number) => (line > 0 ? (ctx.origins[line - 1] ?? `line ${line}`) : undefined);
  // pip names lines of the file in the container: show the user's file and line instead.
  const said = (m: string) =>
    `\npip said:\n${redactUrls(
      m
        .replace(
          /(?:-r )?\/tmp\/ml-image-resolve\/requirements\.txt \(line (\d+)\)/g,
          (x, n: string) => at(Number(n)) ?? x,
        )
        .replace(
          /from line (\d+) of \/tmp\/ml-image-resolve\/requirements\.txt/g,
          (x, n: string) => `from ${at(Number(n)) ?? x}`,
        )
        .replaceAll(`${DIR}/`, ''),
    ).replace(/^/gm, '  ')}`;
  switch (f.kind) {
    case 'conflict':
      return undefined;
    case 'invalid-requirement': {
      const origin = at(f.line);
      return new InputError(
        `${origin ? `${origin}: ` : ''}invalid requirement "${redactUrls(f.requirement)}"${said(f.message)}`,
        'fix that line (PEP 508 syntax, e.g. "numpy>=1.26,<2"; a local path must exist inside the base image)',
      );
    }
    case 'direct-url': {
      const line =
        ctx.requirements.find((r) => r.url !== undefined && sameUrl(r.url, f.url)) ??
        (f.line > 0 ? ctx.requirements.find((r) => r.origin === ctx.origins[f.line - 1]) : undefined) ??
        ctx.requirements.find((r) => r.url !== undefined && r.url.endsWith(`/${f.url}`));
      const url = redactUrls(f.url);
      const where = line ? `${line.origin}: ` : '';
      const msg = `${where}the direct URL ${url} failed: ${redactUrls(f.reason)}${said(f.message)}`;
      return f.notFound
        ? new InputError(
            msg,
            'fix the URL on that requirement line (pip fetches it from that URL as written)',
          )
        : new EnvironmentError(
            msg,
            `check that ${url} is reachable from inside ${ctx.image} (the resolver runs pip there)`,
          );
    }
    case 'hash': {
      const origin = at(f.line);
      return new InputError(
        `${origin ? `${origin}: ` : ''}a downloaded file does not match the --hash given in the requirements${said(f.message)}`,
        'update the --hash values (pip hash FILE), or find out why the file changed; with any --hash, every requirement needs one',
      );
    }
    case 'local-path': {
      const origin = at(f.line);
      return new InputError(
        `${origin ? `${origin}: ` : ''}a local path in the requirements is not there inside ${ctx.image}${said(f.message)}`,
        'resolve runs pip inside the base image, where your checkout is not: install local projects in the Dockerfile, or use resolve mode "off"',
      );
    }
    case 'unreachable': {
      // A direct URL that cannot be fetched is that line's fault, not the index's.
      const u = f.url;
      const line = u && ctx.requirements.find((r) => r.url !== undefined && urlMatches(r.url, u));
      if (line)
        return new EnvironmentError(
          `${line.origin}: the direct URL ${redactUrls(line.url!)} is unreachable from ${ctx.image}: ${redactUrls(f.message)}${said(pipMessage(out))}`,
          'check that URL and the network (the resolver runs pip inside the base image)',
        );
      return new EnvironmentError(
        `the package index ${describeIndexes(ctx.indexes)} is unreachable from ${ctx.image}: ${redactUrls(f.message)}`,
        'check python.indexUrl / PIP_INDEX_URL and the network (the resolver runs pip inside the base image)',
      );
    }
    case 'no-match': {
      const name = /^[A-Za-z0-9][A-Za-z0-9._-]*/
        .exec(f.requirement)?.[0]
        ?.toLowerCase()
        .replace(/[-_.]+/g, '-');
      const line = ctx.requirements.find((r) => r.name === name);
      return new InputError(
        `${line ? `${line.origin}: ` : ''}no release of "${redactUrls(f.requirement)}" found on ${describeIndexes(ctx.indexes)}${said(f.message)}`,
        'check the package name and version in your requirements, and that the index has it',
      );
    }
    case 'other':
      return new CheckFailedError(
        `pip failed in ${ctx.image} (not a dependency conflict)${said(f.message)}`,
        "see pip's message above",
      );
  }
}

/** The image has no python3 (or no shell to start it): a clear exit 2, not "helper failed". */
function noPython(r: { exitCode: number; stdout: string; stderr: string }, image: string): void {
  if (r.exitCode === 0) return;
  const text = `${r.stderr}\n${r.stdout}`;
  if (
    r.exitCode === 127 ||
    r.exitCode === 126 ||
    /python3: (not found|No such file)|executable file not found|no such file or directory/i.test(text)
  ) {
    throw new InputError(
      `${image} has no python3 (${text.trim().split('\n')[0]!.slice(0, 200)}): resolve needs python3 and pip in the base image`,
      'use a base image with python3 and pip (e.g. python:3.12-slim), or set resolve mode "off"',
    );
  }
}

async function helper<T>(session: ContainerSession, args: string[], image: string): Promise<T> {
  return parseHelper<T>(await session.exec(['python3', `${DIR}/helper.py`, ...args]), image);
}

function parseHelper<T>(r: { exitCode: number; stdout: string; stderr: string }, image: string): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new CheckFailedError(
      `the resolver helper failed in ${image} (exit ${r.exitCode}): ${(r.stderr || r.stdout).trim().slice(-500)}`,
    );
  }
}
