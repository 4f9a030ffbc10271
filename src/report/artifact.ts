// The fork-safe hand-off: a pull request from a fork runs with a read-only token, so its job
// writes the reports to an artifact and a privileged `workflow_run` job posts the comment.
// That job runs with write access on data an untrusted job produced: everything read here is
// bounded, validated, and checked against what the privileged job knows (repository, head SHA).
// The file is written through the results contract (src/results/comment.ts).
import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { jsonSyntaxProblem } from '../util/json-file.js';
import { readBounded as readFd } from '../util/read-bounded.js';
import path from 'node:path';
import { z } from 'zod';
import { formatIssues } from '../config/issues.js';
import { ChangeLevelSchema, PackageChangeSchema } from '../diff/schema.js';
import { InputError } from '../errors.js';
import { safeParseInput } from '../util/parse-input.js';
import { COMMENT_ARTIFACT_FILE } from '../results/names.js';
import { MAX_REPORT_PLATFORMS } from './model-schema.js';

/** The artifact's file name (the result directory's names: src/results/names.ts). */
export { COMMENT_ARTIFACT_FILE };

export const COMMENT_ARTIFACT_SCHEMA_VERSION = 1;
/**
 * Reports of a few variants are well under 1 MB; bigger ones have their package lists cut to what a
 * comment can show (artifact-fit.ts). A bigger artifact is not ours.
 */
export const MAX_COMMENT_ARTIFACT_BYTES = 5 * 1024 * 1024;
const MAX_REPORTS = 64;

/**
 * A package change the artifact leaves out (artifact-fit.ts): [id, kind, level]. The poster puts a
 * stand-in in its place, so the table's counts and the verdict stay those of the full report;
 * equal changes of a report's platforms share an id, as they share a row.
 */
const HiddenChangeSchema = z.tuple([
  z.number().int().nonnegative(),
  PackageChangeSchema.shape.kind,
  ChangeLevelSchema.nullable(),
]);

/** What follows the entries a report's package list keeps in the artifact (artifact-fit.ts). */
export const TrimmedListSchema = z.strictObject({
  /** Index in reports. */
  report: z.number().int().nonnegative(),
  /** Index in that report's platforms. */
  platform: z.number().int().nonnegative(),
  /** conda: a report's conda table (an older version's artifact trims only pip and apt: still read). */
  eco: z.enum(['pip', 'apt', 'conda']),
  /** The rest of the list, in order: a change a comment could show in full, else a hidden one. */
  tail: z.array(z.union([HiddenChangeSchema, PackageChangeSchema])),
});
export type TrimmedList = z.infer<typeof TrimmedListSchema>;

const REPOSITORY_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

function artifactSchema<R>(reports: z.ZodType<R>) {
  return z.strictObject({
    schemaVersion: z.literal(COMMENT_ARTIFACT_SCHEMA_VERSION),
    prNumber: z
      .number({ error: 'expected a pull-request number' })
      .int({ error: 'expected a positive whole number' })
      .positive({ error: 'expected a positive whole number' })
      .max(2 ** 31 - 1, { error: 'expected a pull-request number' }),
    headSha: z.string({ error: 'expected a commit SHA' }).regex(/^[0-9a-f]{40}$/, {
      error: 'expected a full commit SHA (40 lowercase hex characters)',
    }),
    repository: z
      .string({ error: 'expected "owner/repo"' })
      .regex(REPOSITORY_RE, { error: 'expected "owner/repo"' }),
    /** The run's comment key (one comment for every report); absent in artifacts of older versions. */
    markerKey: z.string().min(1).max(1000).optional(),
    reports: z.array(reports).max(MAX_REPORTS, { error: `expected at most ${MAX_REPORTS} reports` }),
    /**
     * The run's variants with no report (no environment record of the build: renderRun's
     * unreported); absent when there are none (and in older versions). Escaped where shown.
     */
    unreported: z
      .array(z.string().min(1).max(64))
      .max(MAX_REPORTS, { error: `expected at most ${MAX_REPORTS} variants` })
      .optional(),
    /** Package lists cut to fit the size limit; absent when none is (and in older versions). */
    trimmed: z
      .array(TrimmedListSchema)
      .max(MAX_REPORTS * MAX_REPORT_PLATFORMS * 3)
      .optional(),
  });
}

/** Without a report schema the entries stay unknown (src/report/model.ts's ReportModelSchema fits here). */
export const CommentArtifactSchema = artifactSchema(z.unknown());

export interface CommentArtifact<R = unknown> {
  schemaVersion: typeof COMMENT_ARTIFACT_SCHEMA_VERSION;
  prNumber: number;
  headSha: string;
  repository: string;
  /** The run's comment key; absent: the first report's image. */
  markerKey?: string;
  reports: R[];
  /** The run's variants with no report (renderRun's unreported). */
  unreported?: string[];
  /** Package lists cut to fit MAX_COMMENT_ARTIFACT_BYTES (artifact-fit.ts). */
  trimmed?: TrimmedList[];
}

interface ExpectedArtifact<R> {
  /** owner/repo the privileged job runs in (GITHUB_REPOSITORY); compared case-insensitively, as GitHub does. */
  repository: string;
  /** workflow_run.head_sha: the artifact must describe the commit that run built. */
  headSha?: string;
  /** Validates each report (e.g. ReportModelSchema); left out: reports stay unknown. */
  reportSchema?: z.ZodType<R>;
  maxBytes?: number;
}

/** Read and validate `dir/ml-image-comment.json`, treating it as hostile input. */
export function readCommentArtifact<R = unknown>(
  dir: string,
  expected: ExpectedArtifact<R>,
): CommentArtifact<R> {
  const file = path.join(dir, COMMENT_ARTIFACT_FILE);
  const maxBytes = expected.maxBytes ?? MAX_COMMENT_ARTIFACT_BYTES;
  const text = readBounded(file, maxBytes);

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // By line and column only: V8's message quotes the text, which a fork's run wrote.
    throw new InputError(`${file}: not JSON: ${jsonSyntaxProblem(text, e)}`);
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version !== COMMENT_ARTIFACT_SCHEMA_VERSION) {
    throw new InputError(
      `${file}: schemaVersion: expected ${COMMENT_ARTIFACT_SCHEMA_VERSION}, got ${version}`,
      'the pull-request job and the poster workflow use different versions of ml-image-action: pin both to the same one',
    );
  }
  const schema = artifactSchema(expected.reportSchema ?? (z.unknown() as z.ZodType<R>));
  // A list of a million bad entries (a package list's tail) overflowed zod's issue gathering.
  const parsed = safeParseInput(
    schema,
    data,
    file,
    'the artifact is not one ml-image wrote: refusing to post it',
  );
  if (!parsed.success) {
    const problems = formatIssues(parsed.error, data, schema);
    throw new InputError(`${file}: not a comment artifact: ${problems.slice(0, 5).join('; ')}`);
  }
  const artifact = parsed.data as CommentArtifact<R>;
  if (artifact.repository.toLowerCase() !== expected.repository.toLowerCase()) {
    throw new InputError(
      `${file}: repository: expected ${JSON.stringify(expected.repository)}, got ${JSON.stringify(artifact.repository)}`,
      'the artifact was written for another repository: refusing to post it here',
    );
  }
  if (expected.headSha !== undefined && artifact.headSha !== expected.headSha.toLowerCase()) {
    throw new InputError(
      `${file}: headSha: expected ${expected.headSha} (the workflow run's head SHA), got ${artifact.headSha}`,
      'the artifact does not belong to the run that triggered this workflow',
    );
  }
  return artifact;
}

/** The file's text, refusing links, non-files and anything over maxBytes before reading it. */
function readBounded(file: string, maxBytes: number): string {
  let fd: number;
  try {
    // O_NOFOLLOW: an artifact could carry a symlink to a file of the privileged runner.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new InputError(
        `${file}: not found`,
        'download the "ml-image-comment" artifact of the triggering run into this folder',
      );
    if (code === 'ELOOP') throw new InputError(`${file}: is a symbolic link; refusing to follow it`);
    throw new InputError(`${file}: cannot open: ${(e as Error).message}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new InputError(`${file}: not a regular file`);
    if (st.size > maxBytes)
      throw new InputError(`${file}: ${st.size} bytes, over the ${maxBytes}-byte limit`);
    // One byte more than fstat said: a file that grows between fstat and read is refused, never read unbounded.
    const buf = readFd(fd, st.size + 1);
    if (buf.length > st.size) throw new InputError(`${file}: changed while being read; refusing it`);
    return buf.toString('utf8');
  } finally {
    closeSync(fd);
  }
}
