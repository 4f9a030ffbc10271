// resolve: find where the user's requirements would change what the base image ships (the NumPy
// <2 vs >=2 class), explain it, and find a plan that holds the base fixed. All pip runs happen in
// ONE container of the base image (pip's cache reused), for the target platform.
import { createHash } from 'node:crypto';
import type { ContainerSession, DockerAdapter } from '../docker/adapter.js';
import { CheckFailedError, EnvironmentError, InputError } from '../errors.js';
import { constraintsText, type InstalledDist, pinDecisions } from './constraints.js';
import { renderExplanation } from './explain.js';
import { findHazards } from './hazards.js';
import { HELPER_PY } from './helper-py.js';
import {
  conflictBlock,
  indexUnreachable,
  invalidRequirement,
  noMatchingDistribution,
  requirementNames,
  userRequestedInConflict,
} from './pip-output.js';
import { RESOLUTION_SCHEMA_VERSION, type Replacement, type Resolution } from './result.js';
import { type SnapshotCache, snapshotKey } from './snapshot-cache.js';
import { VERSION } from '../version.js';

export interface ResolveInput {
  image: string;
  platform: string;
  /** Requirements as one text, and where each of its lines came from ("file:line"). */
  requirements: { text: string; origins: readonly string[] };
  indexUrl?: string;
  extraIndexUrls?: readonly string[];
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
    await writeFiles(session, {
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
    const snap = parseHelper<Snapshot>(snapRun, input.image);
    if (key !== undefined && !cached && !snap.error) deps.cache?.set(key, snapRun.stdout);
    if (cached) progress(`resolve ${input.platform}: base snapshot from the cache (${digest!.slice(0, 19)})`);
    if (snap.error)
      throw new InputError(`${input.image}: ${snap.error}`, 'use a base image with python3 and pip >= 22.2');
    progress(
      `resolve ${input.platform}: base has ${snap.installed.length} Python distributions (python ${snap.python.version}, pip ${snap.pipVersion})`,
    );

    const decisions = pinDecisions(snap.installed);
    const basePins = constraintsText(
      decisions,
      `ml-image resolve: pins of ${input.image} (${input.platform})`,
    );
    await writeFiles(session, { 'base-constraints.txt': basePins });
    const requested = requirementNames(input.requirements.text);
    const index = [
      ...(input.indexUrl ? ['--index-url', input.indexUrl] : []),
      ...(input.extraIndexUrls ?? []).flatMap((u) => ['--extra-index-url', u]),
    ];
    const dryRun = async (report: string, extra: string[], env: Record<string, string> = {}) => {
      const r = await session.exec(
        [
          'python3',
          '-m',
          'pip',
          'install',
          '--dry-run',
          '--retries',
          '1',
          '--timeout',
          '15',
          '--report',
          `${DIR}/${report}`,
          ...index,
          ...extra,
        ],
        { env },
      );
      const out = `${r.stdout}\n${r.stderr}`;
      const bad = invalidRequirement(out);
      if (bad) {
        const origin = input.requirements.origins[bad.line - 1] ?? `line ${bad.line}`;
        throw new InputError(
          `${origin}: invalid requirement "${bad.requirement}"`,
          'fix that line (PEP 508 syntax, e.g. "numpy>=1.26,<2")',
        );
      }
      const unreachable = indexUnreachable(out);
      if (r.exitCode !== 0 && unreachable) {
        throw new EnvironmentError(
          `the package index ${input.indexUrl ?? 'https://pypi.org/simple'} is unreachable from ${input.image}: ${unreachable}`,
          'check python.indexUrl and the network (the resolver runs pip inside the base image)',
        );
      }
      return { ok: r.exitCode === 0, out };
    };
    const analyze = async (report: string) =>
      helper<Analysis>(session, ['analyze', `${DIR}/snapshot.json`, `${DIR}/${report}`], input.image);

    // 1. The naive plan: what `pip install -r` would do, with the image's own PIP_CONSTRAINT off.
    const naive = await dryRun('naive.json', ['-r', `${DIR}/requirements.txt`], { PIP_CONSTRAINT: '' });
    const missing = naive.ok ? undefined : noMatchingDistribution(naive.out);
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
    if (!naive.ok && missing) {
      throw new InputError(
        `no release of "${missing}" found on ${input.indexUrl ?? 'PyPI'}`,
        'check the package name and version in your requirements',
      );
    }
    if (input.mode === 'check' || naive.ok === false) {
      const causes = naive.ok ? [] : conflictBlock(naive.out);
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
            await writeFiles(session, { 'relaxed.txt': r.requirements });
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
        const causes = conflictBlock(held.out);
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
      indexUrl: input.indexUrl,
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
    await writeFiles(session, { 'probe.txt': `${name}\n` });
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

async function writeFiles(session: ContainerSession, files: Record<string, string>): Promise<void> {
  const payload = Buffer.from(JSON.stringify(files)).toString('base64');
  const r = await session.exec([
    'python3',
    '-c',
    `import base64,json,os,sys\nos.makedirs("${DIR}",exist_ok=True)\nfor n,c in json.loads(base64.b64decode(sys.argv[1])).items(): open(os.path.join("${DIR}",n),"w").write(c)`,
    payload,
  ]);
  if (r.exitCode !== 0) {
    if (/executable file not found|no such file or directory/i.test(r.stderr + r.stdout)) {
      throw new InputError(
        `the base image has no python3: ${r.stderr.trim()}`,
        'resolve needs a base image with python3 and pip',
      );
    }
    throw new CheckFailedError(`could not write the resolver's files into the container: ${r.stderr.trim()}`);
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
