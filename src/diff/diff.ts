// Record-vs-record diff (pure): packages, components, env, labels, size; the smoke results are
// compared in src/diff/smoke.ts. The base record is the base branch's (read through
// src/diff/read.ts, so it may have been written by an older version).
import { type EnvRecord, packageListProblem, sizeKindOf } from '../capture/record.js';
import { canonicalName } from '../requirements/parse.js';
import { REDACTED, redactEnvMap, redactLabels } from '../util/redact.js';
import {
  COMPONENT_IDS,
  type ComponentChange,
  type ComponentId,
  type EnvDiff,
  HOST_COMPONENTS,
  type EnvSummary,
  type EnvVarChange,
  type LabelChange,
  type PackageChange,
  type PackageDiff,
} from './schema.js';
import {
  aptKey,
  condaChange,
  knowsPipSources,
  pipChange,
  condaPackages,
  condaPrefixedNames,
  cudaBuildLoss,
  gpuBuildName,
  lostBuildText,
  multiArchNames,
  packageLoss,
  pipCopies,
  type ShownChange,
} from './packages.js';
import { cudaLibraries, withUnknownSources } from './library-sources.js';
import { explainSize, sizeTop } from './size.js';
import { compareText } from '../util/text.js';
import { CHANGE_LEVELS, compareAny, compareApt, type VersionChange } from './versions.js';

export { gpuBuildName, lostBuildText };

type PipEntry = EnvRecord['python']['packages'][number];

/** Labels that change on every build; they are listed but never make the verdict. */
const VOLATILE_LABELS: ReadonlySet<string> = new Set([
  'org.opencontainers.image.created',
  'org.opencontainers.image.revision',
  'org.label-schema.build-date',
  'org.label-schema.vcs-ref',
]);

/** Compared as plain strings (no version order). */
const TEXT_COMPONENTS: ReadonlySet<ComponentId> = new Set(['os', 'gpus']);

// ---- packages ----

interface Pkg {
  name: string;
  version: string;
  /** pip: where it was installed from (record.ts directUrl; packages.ts pipChange). */
  directUrl?: PipEntry['directUrl'];
  /** conda: the environment, for a name keyed by it (packages.ts condaPrefixedNames). */
  prefix?: string;
}

/** pip: one entry per normalised name, the copy Python imports (packages.ts). */
const pipIndexes = new WeakMap<EnvRecord, Map<string, Pkg>>();
function pipIndex(r: EnvRecord): Map<string, Pkg> {
  const cached = pipIndexes.get(r);
  if (cached) return cached;
  const out = new Map<string, Pkg>();
  for (const [key, { imported }] of pipCopies(r))
    out.set(key, {
      name: imported.name,
      version: imported.version,
      ...optional('directUrl', imported.directUrl),
    });
  pipIndexes.set(r, out);
  return out;
}

/** apt: by name, or name:arch for a name either record has for several architectures (packages.ts). */
function aptIndex(r: EnvRecord, multi: ReadonlySet<string>): Map<string, Pkg> {
  const out = new Map<string, Pkg>();
  for (const p of r.apt) {
    const name = aptKey(p, multi);
    out.set(name, { name, version: p.version });
  }
  return out;
}

/** The probe reads conda packages from this version on: an older record's none are unknown. */
const CONDA_PROBE = 4;

/**
 * conda packages by name (and environment, for a name in several: packages.ts condaPrefixedNames),
 * versions in compareAny's order (conda's own versions are PEP 440-like:
 * 2024.0.0, 12.4, 1.26.4), a build or channel change at the same version a change without a
 * direction (packages.ts condaChange); undefined when neither record has any, or when one was
 * written by a probe that did not read them (its every package would read as added or removed).
 */
function diffConda(base: EnvRecord, head: EnvRecord): PackageDiff | undefined {
  if (base.conda === undefined && head.conda === undefined) return undefined;
  if ([base, head].some((r) => r.conda === undefined && r.capture.probeVersion < CONDA_PROBE))
    return undefined;
  const prefixed = condaPrefixedNames(base, head);
  return diffPackages('conda', condaPackages(base, prefixed), condaPackages(head, prefixed), condaChange);
}

const levelRank = (l: PackageChange['level']) =>
  l === null ? CHANGE_LEVELS.length : CHANGE_LEVELS.indexOf(l);
const KIND_RANK: Record<PackageChange['kind'], number> = {
  upgraded: 0,
  downgraded: 0,
  changed: 0,
  added: 1,
  removed: 2,
};

const byName = compareText;

/** Changed packages first, by level (major first), then added, then removed; by name (and environment) within. */
function sortPackageChanges(changes: PackageChange[]): PackageChange[] {
  return changes.sort(
    (a, b) =>
      KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
      levelRank(a.level) - levelRank(b.level) ||
      byName(a.name.toLowerCase(), b.name.toLowerCase()) ||
      byName(a.prefix ?? '', b.prefix ?? ''),
  );
}

/** pip and apt: the versions compared and shown as they are. */
const byVersion =
  (compare: (a: string, b: string) => VersionChange) =>
  (b: Pkg, h: Pkg): ShownChange => ({ ...compare(b.version, h.version), from: b.version, to: h.version });

function diffPackages<P extends Pkg>(
  eco: 'pip' | 'apt' | 'conda',
  base: Map<string, P>,
  head: Map<string, P>,
  compare: (b: P, h: P) => ShownChange,
  /** pip: this PR's torch is a CUDA build (record torch.cuda): see packageLoss. */
  cudaTorch = false,
): PackageDiff {
  const changes: PackageChange[] = [];
  let unchanged = 0;
  for (const [key, h] of head) {
    const b = base.get(key);
    if (!b) {
      changes.push({ name: h.name, ...where(h), kind: 'added', from: null, to: h.version, level: null });
      continue;
    }
    const c = compare(b, h);
    if (c.order === 0) unchanged++;
    else
      changes.push({
        name: h.name,
        ...where(h),
        kind: c.order === null ? 'changed' : c.order > 0 ? 'upgraded' : 'downgraded',
        from: c.from,
        to: c.to,
        level: c.level,
        ...optional('cudaLoss', packageLoss(eco, c, h.name, cudaTorch)),
      });
  }
  for (const [key, b] of base)
    if (!head.has(key))
      changes.push({ name: b.name, ...where(b), kind: 'removed', from: b.version, to: null, level: null });
  return { baseCount: base.size, headCount: head.size, unchanged, changes: sortPackageChanges(changes) };
}

/** A change's environment, for a conda name keyed by it. */
const where = (p: Pkg) => optional('prefix', p.prefix);

/** { [key]: value } when value is defined (exactOptionalPropertyTypes), else {}. */
const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

// ---- components ----

function gpuSummary(r: EnvRecord): string | null {
  if (r.gpus.length === 0) return null;
  const byModel = new Map<string, number>();
  for (const g of r.gpus) byModel.set(g.name, (byModel.get(g.name) ?? 0) + 1);
  return [...byModel]
    .sort(([a], [b]) => byName(a, b))
    .map(([name, n]) => `${n} × ${name}`)
    .join(', ');
}

/** The overview's facts about one record. */
export function summarize(r: EnvRecord): EnvSummary {
  const pip = pipIndex(r);
  const drivers = [...new Set(r.gpus.map((g) => g.driver).filter((d): d is string => !!d))].sort();
  const components: Record<ComponentId, string | null> = {
    os: r.os.osRelease.PRETTY_NAME ?? r.os.osRelease.NAME ?? null,
    glibc: r.os.glibc ? r.os.glibc.replace(/^glibc\s+/i, '') : null,
    python: r.python.version || null,
    torch: r.torch?.version ?? pip.get('torch')?.version ?? null,
    torchCuda: r.torch?.cuda ?? null,
    numpy: pip.get('numpy')?.version ?? null,
    cuda: r.cuda.runtime ?? null,
    ...cudaLibraries(r),
    driverMaxCuda: r.cuda.driverMaxCuda ?? null,
    driver: drivers.length ? drivers.join(', ') : null,
    gpus: gpuSummary(r),
  };
  return {
    ref: r.image.ref,
    digest: r.image.digest ?? null,
    platform: r.image.platform,
    variant: r.image.variant,
    created: r.image.created,
    sizeBytes: r.image.sizeBytes,
    ...optional('sizeKind', r.image.sizeKind),
    layers: r.image.layers,
    pipCount: pip.size,
    aptCount: r.apt.length,
    ...optional('top', sizeTop(r)),
    ...optional('pipIncomplete', packageListProblem(r)),
    components,
  };
}

function diffComponent(id: ComponentId, from: string | null, to: string | null): ComponentChange {
  const host = HOST_COMPONENTS.has(id);
  if (from === to) return { id, from, to, changed: false, direction: null, level: null, host };
  if (from === null || to === null || TEXT_COMPONENTS.has(id) || id === 'driver')
    return {
      id,
      from,
      to,
      changed: true,
      direction: id === 'driver' && from && to ? direction(compareAny(from, to)) : 'changed',
      level: null,
      host,
    };
  const c = compareAny(from, to);
  // Same version spelled differently (12.8 vs 12.8.0) is no change.
  if (c.order === 0) return { id, from, to, changed: false, direction: null, level: null, host };
  const cudaLoss = id === 'torch' ? cudaBuildLoss('pip', from, to) : null;
  return {
    id,
    from,
    to,
    changed: true,
    direction: direction(c),
    level: c.level,
    host,
    ...optional('cudaLoss', cudaLoss ?? undefined),
  };
}

const direction = (c: VersionChange): ComponentChange['direction'] =>
  c.order === 1 ? 'up' : c.order === -1 ? 'down' : 'changed';

// ---- env and labels ----

function diffMaps(
  base: Readonly<Record<string, string>>,
  head: Readonly<Record<string, string>>,
): { changes: EnvVarChange[]; unchanged: number; redactedBoth: number } {
  const changes: EnvVarChange[] = [];
  let unchanged = 0;
  let redactedBoth = 0;
  for (const name of [...new Set([...Object.keys(base), ...Object.keys(head)])].sort(byName)) {
    const from = Object.hasOwn(base, name) ? base[name]! : null;
    const to = Object.hasOwn(head, name) ? head[name]! : null;
    if (from === to) {
      unchanged++;
      if (from === REDACTED) redactedBoth++;
    } else
      changes.push({
        name,
        kind: from === null ? 'added' : to === null ? 'removed' : 'changed',
        from,
        to,
      });
  }
  return { changes, unchanged, redactedBoth };
}

/**
 * pip's changes without those of the Python packages conda installed (pip's INSTALLER "conda") in
 * each record that has them, when the conda table shows them: with their build and channel, a
 * conda upgrade of numpy is one change, not one in each table. The conda table shows such a change
 * when it has one of the same name, or one of the same kind between the same versions under a
 * name no Python package has (conda names some packages otherwise: `pytorch` is pip's `torch`).
 * Any other stays in pip's table: one whose version pip reads changed while conda's list did not
 * (its metadata edited), and a package pip installed on either side (over conda's, or instead of
 * it). The counts stay those of every package Python sees.
 */
function withoutCondaOwned(
  pip: PackageDiff,
  base: EnvRecord,
  head: EnvRecord,
  conda: PackageDiff | undefined,
): PackageDiff {
  if (conda === undefined) return pip;
  const sides = [pipCopies(base), pipCopies(head)];
  const byConda = (name: string) =>
    sides.every((copies) => {
      const p = copies.get(canonicalName(name))?.imported;
      return p === undefined || p.installer.trim().toLowerCase() === 'conda';
    });
  // conda's shown versions are "VERSION [BUILD] [(CHANNEL)]" (packages.ts condaChange).
  const version = (shown: string | null) => shown?.split(' ')[0] ?? null;
  // A conda name that is no Python package's on either side may be another name for one (pytorch);
  // scipy's change never stands for torch's.
  const aliasable = (name: string) => sides.every((copies) => !copies.has(canonicalName(name)));
  const shown = (c: PackageChange) =>
    conda.changes.some(
      (d) =>
        canonicalName(d.name) === canonicalName(c.name) ||
        (d.kind === c.kind && version(d.from) === c.from && version(d.to) === c.to && aliasable(d.name)),
    );
  return { ...pip, changes: pip.changes.filter((c) => !(byConda(c.name) && shown(c))) };
}

/**
 * The CUDA build change C loses (ECO's labels), as the diff decided it (cudaLoss); for a change an
 * older version wrote without that field (a fork-safe artifact, a report-<variant>.json), as the
 * diff decides it now from the labels shown, so that its verdict still names the loss.
 */
export function cudaLossOf(
  eco: 'pip' | 'apt' | 'conda',
  c: Pick<PackageChange, 'from' | 'to' | 'cudaLoss'>,
  /** The diff's lossesJudged: its absent cudaLoss is no loss. */
  judged = false,
): PackageChange['cudaLoss'] {
  return c.cudaLoss ?? (judged ? undefined : (cudaBuildLoss(eco, c.from, c.to) ?? undefined));
}

export function diffRecords(base: EnvRecord, head: EnvRecord): EnvDiff {
  const conda = diffConda(base, head);
  const pip = withoutCondaOwned(
    diffPackages(
      'pip',
      pipIndex(base),
      pipIndex(head),
      (b, h) => pipChange(b, h, knowsPipSources(base, head)),
      !!head.torch?.cuda,
    ),
    base,
    head,
    conda,
  );
  const multi = multiArchNames(base, head);
  const apt = diffPackages('apt', aptIndex(base, multi), aptIndex(head, multi), byVersion(compareApt));
  const b = summarize(base);
  const h = summarize(head);
  const components = COMPONENT_IDS.map((id) =>
    withUnknownSources(diffComponent(id, b.components[id], h.components[id]), base, head),
  );
  // Both sides masked as capture masks them now: a baseline recorded before a rule was widened
  // (DB_PASS, GH_PAT) kept the value. Records read from files are masked again already
  // (src/diff/read.ts); this covers records given in memory.
  const env = diffMaps(redactEnvMap(base.image.env), redactEnvMap(head.image.env));
  const labelDiff = diffMaps(redactLabels(base.image.labels), redactLabels(head.image.labels));
  const labels = {
    changes: labelDiff.changes.map((c): LabelChange => ({ ...c, volatile: VOLATILE_LABELS.has(c.name) })),
    unchanged: labelDiff.unchanged,
  };
  const size = { base: b.sizeBytes, head: h.sizeBytes, delta: h.sizeBytes - b.sizeBytes };
  // Sizes of different kinds (the engine's image store changed) are not a change of the image.
  const kinds = { from: sizeKindOf(base), to: sizeKindOf(head) };
  const sizeKindChange = kinds.from !== kinds.to ? kinds : undefined;
  const layers = { base: b.layers, head: h.layers, delta: h.layers - b.layers };
  const changed =
    pip.changes.length > 0 ||
    apt.changes.length > 0 ||
    (conda?.changes.length ?? 0) > 0 ||
    components.some((c) => c.changed && !c.host) ||
    env.changes.length > 0 ||
    labels.changes.some((c) => !c.volatile) ||
    (size.delta !== 0 && !sizeKindChange) ||
    layers.delta !== 0;
  return {
    pip,
    apt,
    ...optional('conda', conda),
    components,
    env,
    labels,
    size,
    ...optional('sizeKindChange', sizeKindChange),
    layers,
    ...optional('sizeExplanation', explainSize(base, head)),
    changed,
    lossesJudged: true,
  };
}
