// The report model: everything the Markdown report says, as data. It is also the fork-safe
// artifact: a privileged workflow re-validates it with ReportModelSchema (./model-schema.ts) and
// re-renders it, so it carries data only (never pre-rendered Markdown) and every string in it is
// treated as untrusted.
// The severity policy lives here too (assessReport, at the end): the renderer only renders it.
import type { EnvRecord } from '../capture/record.js';
import { cudaLossOf, diffRecords, gpuBuildName, lostBuildText, summarize } from '../diff/diff.js';
import { diffSmoke } from '../diff/smoke.js';
import { type PackageChange, packageChangeKey, type SmokeDiff } from '../diff/schema.js';
import { formatIssues } from '../config/issues.js';
import { InputError } from '../errors.js';
import { boundedSafeParse } from '../util/parse-input.js';
import type { SmokeResult } from '../smoke/result.js';
import { VERSION } from '../version.js';
import { changeName, clip, safeUrl } from './escape.js';
import { fmtBytes, fmtInt, pct, plural, signed } from './format.js';
import {
  type PlatformReport,
  REPORT_MODEL_SCHEMA_VERSION,
  type ReportModel,
  ReportModelSchema,
  type SupplyChain,
} from './model-schema.js';
import { type Assessment, type Finding, SEVERITY_RANK } from './assessment.js';
import { budgetBreaches, budgetSkips } from './size.js';
import { kindShort } from './size-kind.js';
import { type Add, componentFindings, type Diffed } from './component-findings.js';

export interface ReportInput {
  /** Repository, e.g. ghcr.io/acme/model */
  image: string;
  /** cpu, cuda12.8 */
  variant: string;
  /** config report.markerKey overrides the default key */
  markerKey?: string;
  entries: {
    platform: string;
    head: EnvRecord;
    base?: EnvRecord | null;
    headSmoke?: SmokeResult | null;
    baseSmoke?: SmokeResult | null;
  }[];
  /**
   * Where the base records came from: the branch and commit; noRecordOf, the pull request's base
   * branch when it had none and these are the default branch's.
   */
  baseline?: { ref: string; sha?: string; noRecordOf?: string } | null;
  /** e.g. "first run: no record of main yet" */
  noBaselineReason?: string;
  /** Resolver explanations, plain text lines. */
  resolution?: string[];
  links?: { run?: string; artifact?: string };
  head?: { ref?: string; sha?: string };
  /** Relative change of a smoke metric in the bad direction that counts as a regression (0.10). */
  smokeThreshold?: number;
  /** What the attest stage attached and signed for this variant (attest.json). */
  supplyChain?: SupplyChain;
  /** config size.budget ("8GB", "+5%"): a breach is a failure naming the top contributor. */
  sizeBudget?: string;
  /** Platforms the baseline has records of and the config no longer builds (a warning each). */
  droppedPlatforms?: readonly string[];
  /** Platforms this run built and has no record of (their capture failed): a warning each. */
  unreportedPlatforms?: readonly string[];
}

/** The marker key when the config sets none: one comment per image, variant and platform set. */
export function defaultMarkerKey(image: string, variant: string, platforms: readonly string[]): string {
  return `${image}:${variant}@${[...platforms].sort().join(',')}`;
}

export function buildReportModel(input: ReportInput): ReportModel {
  if (input.entries.length === 0) throw new InputError(`report ${input.image}:${input.variant}: no records`);
  const entries = [...input.entries].sort((a, b) =>
    a.platform < b.platform ? -1 : a.platform > b.platform ? 1 : 0,
  );
  const threshold = input.smokeThreshold !== undefined ? { threshold: input.smokeThreshold } : {};
  const platforms = entries.map((e): PlatformReport => ({
    platform: e.platform,
    head: summarize(e.head),
    base: e.base ? summarize(e.base) : null,
    diff: e.base ? diffRecords(e.base, e.head) : null,
    smoke: e.headSmoke ? diffSmoke(e.baseSmoke ?? undefined, e.headSmoke, threshold) : null,
  }));
  const links: ReportModel['links'] = {};
  // A link that is not http(s) is dropped here rather than failing the poster later.
  if (input.links?.run && safeUrl(input.links.run)) links.run = input.links.run;
  if (input.links?.artifact && safeUrl(input.links.artifact)) links.artifact = input.links.artifact;
  return {
    schemaVersion: REPORT_MODEL_SCHEMA_VERSION,
    kind: 'ml-image-report',
    tool: { version: VERSION },
    image: input.image,
    variant: input.variant,
    markerKey:
      input.markerKey ??
      defaultMarkerKey(
        input.image,
        input.variant,
        entries.map((e) => e.platform),
      ),
    head: {
      ...(input.head?.ref !== undefined && { ref: input.head.ref }),
      ...(input.head?.sha !== undefined && { sha: input.head.sha }),
    },
    baseline: input.baseline
      ? {
          ref: input.baseline.ref,
          ...(input.baseline.sha !== undefined && { sha: input.baseline.sha }),
          ...(input.baseline.noRecordOf !== undefined && { noRecordOf: input.baseline.noRecordOf }),
        }
      : null,
    noBaselineReason: input.noBaselineReason ?? null,
    resolution: input.resolution ?? [],
    links,
    platforms,
    ...(input.supplyChain && { supplyChain: input.supplyChain }),
    ...(input.sizeBudget !== undefined && { sizeBudget: input.sizeBudget }),
    ...(input.droppedPlatforms?.length && { droppedPlatforms: [...input.droppedPlatforms].sort() }),
    ...(input.unreportedPlatforms?.length && { unreportedPlatforms: [...input.unreportedPlatforms].sort() }),
  };
}

/** A model from JSON (the artifact a privileged workflow downloads); InputError naming the source. */
export function parseReportModel(json: unknown, source: string): ReportModel {
  const r = boundedSafeParse(ReportModelSchema, json);
  if ('overflow' in r)
    throw new InputError(
      `${source}: not a valid report model: too many problems to list (zod ran out of stack)`,
    );
  if (r.success) return r.data;
  throw new InputError(
    `${source}: not a valid report model: ${formatIssues(r.error, json, ReportModelSchema).slice(0, 5).join('; ')}`,
  );
}

// ---- severity policy: what the verdict says, and how bad each finding is ----
// The renderer only renders an Assessment. It is derived from the model's data every time (never
// stored in the artifact, whose content is untrusted), so a re-rendered artifact says the same.

export { type Assessment, type Finding, SEVERITY_RANK, type Verdict } from './assessment.js';
export { componentSeverity } from './component-findings.js';

export function assessReport(model: ReportModel): Assessment {
  const smoke = model.platforms.map((p) => p.smoke).filter((s): s is SmokeDiff => !!s);
  const withDiff = model.platforms.filter((p): p is Diffed => !!p.diff);
  if (withDiff.length === 0) return noBaselineAssessment(model, smoke);
  const findings: Finding[] = [];
  // The texts said so far: a Set, so that many findings cost no more than their number.
  const said = new Set<string>();
  const add: Add = (raw, severity) => {
    // Values come from the image: a 1,000-character version must not crowd out the rest.
    const text = clip(raw, 120);
    if (said.has(text)) return;
    said.add(text);
    findings.push({ text, severity });
  };
  // A platform without a base record (one the base branch has not built yet) is said first, but it
  // is no change: with nothing else found the verdict stays unchanged (and such a variant collapses).
  for (const p of model.platforms.filter((x) => !x.diff)) add(`no baseline for ${p.platform}`, 'info');
  const missing = findings.length;
  for (const p of model.droppedPlatforms ?? []) add(droppedText(model, p), 'warning');
  for (const p of model.unreportedPlatforms ?? []) add(unreportedText(p), 'warning');
  for (const b of budgetBreaches(model.sizeBudget, model.platforms)) add(b.short, 'failure');
  for (const f of incompleteFindings(model)) add(f.text, f.severity);
  componentFindings(withDiff, add);
  smokeFindings(smoke, add);
  packageFindings(withDiff, 'pip', add);
  packageFindings(withDiff, 'apt', add);
  packageFindings(withDiff, 'conda', add);
  otherFindings(withDiff, add);
  const changes = findings.slice(missing);
  // A size of another kind (the runner's image store changed, as a driver may) and the growth
  // budget it leaves unjudged are said after the changes (the headline leads with those), and
  // are no change of the image.
  for (const k of kindChanges(withDiff)) add(k, 'info');
  for (const b of budgetSkips(model.sizeBudget, model.platforms)) add(b.short, 'info');
  if (changes.length === 0) {
    // A variable masked on both sides may have changed: the verdict says it was not compared.
    const masked = Math.max(...withDiff.map((p) => p.diff.env.redactedBoth));
    const unseen: Finding[] = masked
      ? [
          {
            text: `${plural(masked, 'variable')} with a secret's name not compared (masked)`,
            severity: 'info',
          },
        ]
      : [];
    return {
      verdict: 'unchanged',
      findings: [{ text: 'No environment changes', severity: 'info' }, ...unseen, ...findings],
    };
  }
  const worst = Math.max(...changes.map((f) => SEVERITY_RANK[f.severity]));
  return { verdict: worst === 2 ? 'failure' : worst === 1 ? 'warning' : 'changed', findings };
}

/** Failing smoke tests, counted once however many platforms they fail on. */
const distinctFailing = (smoke: readonly SmokeDiff[], exceptRegressions: boolean) =>
  new Set(
    smoke.flatMap((s) =>
      s.tests.filter((t) => t.to === 'fail' && !(exceptRegressions && t.regression)).map((t) => t.id),
    ),
  ).size;

/** A platform this run built and could not capture: the report has nothing of its image. */
const unreportedText = (platform: string) => `${platform} not reported (no record of this run's image)`;

/** A platform the baseline has and this config no longer builds: its users get no image. */
const droppedText = (model: ReportModel, platform: string) =>
  clip(`${platform} no longer built (${model.baseline?.ref ?? 'the baseline'} has it)`, 120);

function noBaselineAssessment(model: ReportModel, smoke: readonly SmokeDiff[]): Assessment {
  const reason = model.noBaselineReason?.trim();
  const text = reason
    ? `${reason.charAt(0).toUpperCase()}${reason.slice(1)} — environment summary below`
    : model.baseline
      ? `First run: no baseline for ${model.baseline.ref} yet — environment summary below`
      : 'No baseline to compare with — environment summary below';
  const findings: Finding[] = [{ text: clip(text, 160), severity: 'info' }];
  // This run's platforms have no base record, but the baseline has one this config no longer builds.
  for (const p of model.droppedPlatforms ?? [])
    findings.push({ text: droppedText(model, p), severity: 'warning' });
  for (const p of model.unreportedPlatforms ?? [])
    findings.push({ text: unreportedText(p), severity: 'warning' });
  const failing = distinctFailing(smoke, false);
  if (failing)
    findings.push({ text: clip(`${plural(failing, 'smoke test')} failing`, 120), severity: 'failure' });
  const breaches = budgetBreaches(model.sizeBudget, model.platforms);
  for (const b of breaches) findings.push({ text: clip(b.short, 160), severity: 'failure' });
  findings.push(...incompleteFindings(model));
  const dropped = (model.droppedPlatforms?.length ?? 0) + (model.unreportedPlatforms?.length ?? 0) > 0;
  return {
    verdict: failing || breaches.length > 0 ? 'failure' : dropped ? 'warning' : 'no-baseline',
    findings,
  };
}

/**
 * A record whose pip package list is incomplete (the probe could not read every distribution):
 * its packages are missing from the diff (shown as removed or added) and from the SBOM.
 */
function incompleteFindings(model: ReportModel): Finding[] {
  const sides = (p: PlatformReport) => [
    ...(p.head.pipIncomplete !== undefined ? ['this PR'] : []),
    ...(p.base?.pipIncomplete !== undefined ? ['baseline'] : []),
  ];
  return model.platforms
    .filter((p) => sides(p).length > 0)
    .map((p) => ({
      text: clip(
        `pip package list incomplete (${sides(p).join(', ')}, ${p.platform}): the probe could not read every package`,
        120,
      ),
      severity: 'warning' as const,
    }));
}

function smokeFindings(smoke: readonly SmokeDiff[], add: Add): void {
  // The same test regressing on two platforms is one regression to look at.
  const distinct = (pick: (s: SmokeDiff) => string[]) => new Set(smoke.flatMap(pick)).size;
  const regressions = distinct((s) => s.tests.filter((t) => t.regression).map((t) => t.id));
  const failing = distinctFailing(smoke, true);
  const metricRegressions = distinct((s) =>
    s.metrics.filter((m) => m.regression).map((m) => `${m.test}\u0000${m.metric}`),
  );
  const fixed = distinct((s) => s.tests.filter((t) => t.fixed).map((t) => t.id));
  if (regressions) add(plural(regressions, 'smoke regression'), 'failure');
  if (failing > 0) add(`${plural(failing, 'smoke test')} failing`, 'failure');
  if (metricRegressions) add(plural(metricRegressions, 'metric regression'), 'warning');
  if (fixed) add(`${plural(fixed, 'smoke test')} fixed`, 'info');
}

/** One change per key; of one that loses a build on a platform and not on another, the loss. */
function onePerChange(changes: PackageChange[]): PackageChange[] {
  const m = new Map<string, PackageChange>();
  for (const c of changes) if (!m.get(packageChangeKey(c))?.cudaLoss) m.set(packageChangeKey(c), c);
  return [...m.values()];
}

function packageFindings(withDiff: readonly Diffed[], eco: 'pip' | 'apt' | 'conda', add: Add): void {
  // The same change on several platforms counts once.
  const list = onePerChange(withDiff.flatMap((p) => p.diff[eco]?.changes ?? []));
  if (!list.length) return;
  const major = list.filter((c) => c.level === 'major').length;
  // What may break an import or an API, counted where it is seen: "6 pip changes (1 major, 1 removed)".
  const counted = [
    [major, 'major'],
    [list.filter((c) => c.kind === 'downgraded').length, 'downgraded'],
    [list.filter((c) => c.kind === 'removed').length, 'removed'],
  ] as const;
  const said = counted.filter(([n]) => n > 0).map(([n, what]) => `${fmtInt(n)} ${what}`);
  add(
    `${plural(list.length, `${eco} change`)}${said.length ? ` (${said.join(', ')})` : ''}`,
    said.length ? 'warning' : 'info',
  );
  cudaLossFindings(withDiff, eco, list, add);
}

/** Named in the verdict one by one; more packages than these that lost CUDA are one finding. */
const CUDA_LOSS_NAMED = 3;

/**
 * Each package that lost its CUDA build (`torchvision 0.16.0+cu121` -> `+cpu`, a conda `pytorch`
 * build `…cuda12.1…` -> `…cpu…`): a warning, as a GPU image without it is broken as much as by a
 * downgrade. pip's torch is left to its own line (componentFindings) when that changed.
 */
function cudaLossFindings(
  withDiff: readonly Diffed[],
  eco: 'pip' | 'apt' | 'conda',
  list: readonly PackageChange[],
  add: Add,
): void {
  const torchSaid = withDiff.some((p) => p.diff.components.some((c) => c.id === 'torch' && c.changed));
  const judged = withDiff.every((p) => p.diff.lossesJudged);
  const lost = list.flatMap((c) => {
    const loss = cudaLossOf(eco, c, judged);
    return loss && !(eco === 'pip' && torchSaid && c.name.toLowerCase() === 'torch') ? [{ c, loss }] : [];
  });
  const named = lost.slice(0, CUDA_LOSS_NAMED);
  for (const { c, loss } of named) add(`${changeName(c)} lost its ${lostBuildText(loss)}`, 'warning');
  const shown = (c: PackageChange) => `${c.name}\u0000${c.prefix ?? ''}`;
  const saidNames = new Set(named.map(({ c }) => shown(c)));
  const others = lost.filter(({ c }) => !saidNames.has(shown(c)));
  const rest = new Set(others.map(({ c }) => shown(c))).size;
  const kind = gpuBuildName(...others.map(({ loss }) => loss.from));
  if (rest > 0) add(`${plural(rest, `more ${eco} package`)} lost the ${kind} build`, 'warning');
}

/** "image size not comparable on linux/amd64: image store changed (unpacked → compressed)". */
function kindChanges(withDiff: readonly Diffed[]): string[] {
  return withDiff.flatMap((p) => {
    const k = p.diff.sizeKindChange;
    const where = withDiff.length > 1 ? ` on ${p.platform}` : '';
    return k
      ? [`image size not comparable${where}: image store changed (${kindShort(k.from)} → ${kindShort(k.to)})`]
      : [];
  });
}

/** Environment variables, labels (volatile ones aside) and an image size change of 5% or more. */
function otherFindings(withDiff: readonly Diffed[], add: Add): void {
  const env = Math.max(...withDiff.map((p) => p.diff.env.changes.length));
  if (env) add(plural(env, 'env change'), 'info');
  const labels = Math.max(...withDiff.map((p) => p.diff.labels.changes.filter((c) => !c.volatile).length));
  if (labels) add(plural(labels, 'label change'), 'info');
  for (const p of withDiff) {
    const s = p.diff.size;
    // Sizes of different kinds are no change (kindChanges says so).
    if (!p.diff.sizeKindChange && s.base > 0 && Math.abs(s.delta) / s.base >= 0.05)
      add(
        `image ${signed(s.delta, fmtBytes)} (${pct(s.delta / s.base)})${withDiff.length > 1 ? ` on ${p.platform}` : ''}`,
        'info',
      );
  }
}
