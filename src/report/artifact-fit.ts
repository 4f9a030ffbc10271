// Fitting the fork-safe artifact under the poster's size limit (MAX_COMMENT_ARTIFACT_BYTES). The
// artifact carries every row of every table, while the poster's comment shows at most 65,536
// characters: a run of many variants with thousands of changed packages each is over the limit
// long before its comment is. So, when it is over, each package list keeps only the changes a
// comment could ever show (the rows whose table, up to them, fits in COMMENT_ROW_CHARS), and the
// rest become hidden changes ([id, kind, level], artifact.ts's trimmed): the poster puts a stand-in
// in the place of each (restoreTrimmed), so the counts ("… and N more"), the platforms that share a
// table and the verdict are those of the full reports, and its comment is the one the full
// reports render. Equal changes of a report's platforms share an id, as the verdict counts them
// once; a hidden change equal to one a platform keeps stays whole, so that it is still counted once.
// Should even that be over the limit, the lists are cut shorter (the comment may then name fewer
// packages, a warning says so); should nothing fit, no artifact is written: never a failed job.
import { type PackageChange, packageChangeKey } from '../diff/schema.js';
import { InputError } from '../errors.js';
import { type CommentArtifact, MAX_COMMENT_ARTIFACT_BYTES, type TrimmedList } from './artifact.js';
import { fmtInt } from './format.js';
import type { PlatformReport, ReportModel } from './model-schema.js';
import { DEFAULT_MAX_CHARS } from './render.js';
import { packageRow } from './render/sections.js';
import { GITHUB_COMMENT_MAX_CHARS } from './sticky.js';

const ECOS = ['pip', 'apt', 'conda'] as const;
type Eco = (typeof ECOS)[number];
type Tail = TrimmedList['tail'];

/** The most characters the poster renders its comment in: no table in it shows a row past these. */
export const COMMENT_ROW_CHARS = Math.max(DEFAULT_MAX_CHARS, GITHUB_COMMENT_MAX_CHARS);

/** Shorter cuts, tried in turn when the exact one is over the limit: the comment may then lose rows. */
const SHORTER_ROW_CHARS = [32_768, 16_384, 8_192, 4_096, 2_048, 1_024, 0];

interface ArtifactFit {
  /** What to write; null: over the limit even with every package list left out. */
  payload: CommentArtifact<ReportModel> | null;
  /** The size of payload (of the smallest cut when null), and of the reports as they were. */
  bytes: number;
  fullBytes: number;
  /** The characters of rows each package list keeps; null: nothing was cut. */
  rowChars: number | null;
}

/** The artifact's size as writeCommentArtifact (src/results/comment.ts) writes it. */
export const artifactBytes = (payload: CommentArtifact): number =>
  Buffer.byteLength(`${JSON.stringify(payload)}\n`);

/** The payload as it is when it fits, else with its package lists cut to fit (see above). */
export function fitCommentArtifact(
  payload: CommentArtifact<ReportModel>,
  maxBytes = MAX_COMMENT_ARTIFACT_BYTES,
): ArtifactFit {
  const fullBytes = artifactBytes(payload);
  if (fullBytes <= maxBytes) return { payload, bytes: fullBytes, fullBytes, rowChars: null };
  const sizes = rowSizes();
  let bytes = fullBytes;
  for (const rowChars of [COMMENT_ROW_CHARS, ...SHORTER_ROW_CHARS]) {
    const trimmed = trimArtifact(payload, rowChars, sizes);
    bytes = artifactBytes(trimmed);
    if (bytes <= maxBytes) return { payload: trimmed, bytes, fullBytes, rowChars };
  }
  return { payload: null, bytes, fullBytes, rowChars: 0 };
}

/** What the report stage logs of a fit: a warning when the comment may differ; undefined: nothing cut. */
export function fitMessage(
  fit: ArtifactFit,
  maxBytes = MAX_COMMENT_ARTIFACT_BYTES,
): { warn: boolean; text: string } | undefined {
  const over = `the reports are ${fmtInt(fit.fullBytes)} bytes, over the ${fmtInt(maxBytes)}-byte limit the poster accepts`;
  if (fit.payload === null)
    return {
      warn: true,
      text: `comment artifact not written: ${over}, and still ${fmtInt(fit.bytes)} bytes with every package table left out; report fewer variants per job (the reports are in report.md and the job summary)`,
    };
  if (fit.rowChars === null) return undefined;
  if (fit.rowChars >= COMMENT_ROW_CHARS)
    return {
      warn: false,
      text: `comment artifact: ${over}: each package table keeps the rows a ${fmtInt(COMMENT_ROW_CHARS)}-character comment can show, and the count of the rest (${fmtInt(fit.bytes)} bytes; the comment is the same)`,
    };
  return {
    warn: true,
    text: `comment artifact: ${over}, even with each package table cut to the rows a comment can show: each keeps ${fmtInt(fit.rowChars)} characters of rows and the count of the rest (${fmtInt(fit.bytes)} bytes), so the posted comment may name fewer packages than report.md; report fewer variants per job to keep them all`,
  };
}

/** Each list's row sizes, summed (as the renderer's table counts them), computed once per list. */
function rowSizes(): (changes: readonly PackageChange[]) => number[] {
  const known = new WeakMap<readonly PackageChange[], number[]>();
  return (changes) => {
    let sums = known.get(changes);
    if (!sums) {
      sums = [0];
      // The pip, apt and conda tables' row (render/sections.ts packagePart), and its newline.
      for (const c of changes) sums.push(sums.at(-1)! + packageRow(c).length + 1);
      known.set(changes, sums);
    }
    return sums;
  };
}

/** The payload with each package list cut after the rows that fit in rowChars (see above). */
export function trimArtifact(
  payload: CommentArtifact<ReportModel>,
  rowChars: number,
  sizes = rowSizes(),
): CommentArtifact<ReportModel> {
  const trimmed: TrimmedList[] = [];
  const reports = payload.reports.map((model, report) => {
    let platforms = model.platforms;
    for (const eco of ECOS) {
      const cut = cutLists(platforms, eco, rowChars, sizes);
      platforms = platforms.map((p, platform) => {
        const tail = cut[platform];
        const list = p.diff?.[eco];
        if (!tail || !p.diff || !list) return p;
        trimmed.push({ report, platform, eco, tail: tail.tail });
        return { ...p, diff: { ...p.diff, [eco]: { ...list, changes: tail.kept } } };
      });
    }
    return platforms === model.platforms ? model : { ...model, platforms };
  });
  return trimmed.length === 0 ? payload : { ...payload, reports, trimmed };
}

/** The verdict's key of a package change (model.ts packageFindings): equal ones count once. */
const changeKey = packageChangeKey;

/** One report's lists of one ecosystem: per platform, the changes kept and the tail (null: all kept). */
function cutLists(
  platforms: readonly PlatformReport[],
  eco: Eco,
  rowChars: number,
  sizes: (changes: readonly PackageChange[]) => number[],
): ({ kept: PackageChange[]; tail: Tail } | null)[] {
  const lists = platforms.map((p) => p.diff?.[eco]?.changes ?? []);
  const cuts = lists.map((l) => {
    const sums = sizes(l);
    let n = 0;
    while (n < l.length && sums[n + 1]! <= rowChars) n++;
    return n;
  });
  const kept = new Set(lists.flatMap((l, i) => l.slice(0, cuts[i]).map(changeKey)));
  const ids = new Map<string, number>();
  return lists.map((l, i) => {
    if (cuts[i] === l.length) return null;
    const tail = l.slice(cuts[i]).map((c): Tail[number] => {
      const key = changeKey(c);
      // A change the verdict names (a lost CUDA build, model.ts) stays whole, as it says the same.
      if (kept.has(key) || c.cudaLoss) return c;
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      return [id, c.kind, c.level];
    });
    return { kept: l.slice(0, cuts[i]), tail };
  });
}

/** The stand-in for a hidden change: never shown by an exact cut; its name says what it is when shown. */
function standIn([id, kind, level]: readonly [
  number,
  PackageChange['kind'],
  PackageChange['level'],
]): PackageChange {
  return { name: `(left out of the comment artifact: ${id + 1})`, kind, from: null, to: null, level };
}

/**
 * The reports with each trimmed list whole again, a stand-in in the place of each hidden change
 * (the poster renders these). InputError naming `source` for a trimmed list that names none.
 */
export function restoreTrimmed(artifact: CommentArtifact<ReportModel>, source: string): ReportModel[] {
  const reports = [...artifact.reports];
  const seen = new Set<string>();
  (artifact.trimmed ?? []).forEach((t, i) => {
    const at = `${source}: trimmed[${i}]`;
    const model = reports[t.report];
    if (!model)
      throw new InputError(`${at}.report: ${t.report} is not a report's index (${reports.length} reports)`);
    const p = model.platforms[t.platform];
    if (!p)
      throw new InputError(`${at}.platform: ${t.platform} is not a platform's index of report ${t.report}`);
    if (!p.diff)
      throw new InputError(
        `${at}.platform: report ${t.report}'s ${JSON.stringify(p.platform.slice(0, 40))} has no diff`,
      );
    const list = `${t.report}/${t.platform}/${t.eco}`;
    if (seen.has(list))
      throw new InputError(
        `${at}: report ${t.report}'s platform ${t.platform} ${t.eco} list is trimmed twice`,
      );
    seen.add(list);
    const d = p.diff[t.eco];
    if (!d)
      throw new InputError(
        `${at}.eco: report ${t.report}'s ${JSON.stringify(p.platform.slice(0, 40))} has no ${t.eco} packages`,
      );
    const changes = [...d.changes, ...t.tail.map((c) => (Array.isArray(c) ? standIn(c) : c))];
    const restored = { ...p, diff: { ...p.diff, [t.eco]: { ...d, changes } } };
    reports[t.report] = {
      ...model,
      platforms: model.platforms.map((x, j) => (j === t.platform ? restored : x)),
    };
  });
  return reports;
}
