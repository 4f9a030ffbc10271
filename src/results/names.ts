// The names of a result directory's files: every file the stages hand each other (and the jobs of a
// matrix hand each other as artifacts), relative to the directory. Pure and a leaf (it imports no
// stage), so that a module a stage's files import (the comment artifact's, the devcontainer's) takes
// its name from here without a cycle; results.ts re-exports every name with its reader and writer.
//
//   plan.json                                 Plan                 (src/plan/schema.ts)
//   resolution-<variant>-<os>-<arch>.json     Resolution           (src/resolve/result.ts)
//   build.json                                BuildResult          (src/build/result.ts)
//   digests/<variant>__<arch>.json            DigestFile           (results.ts: one matrix job's share)
//   env-<variant>-<arch>.json                 EnvRecord            (src/capture/record.ts)
//   smoke-<variant>-<arch>.json               SmokeResult          (src/smoke/result.ts)
//   junit-<variant>-<arch>.xml                the SmokeResult as JUnit XML
//   smoke-key-<variant>-<arch>.txt            what decided the smoke result (image digest [+ content] + inputs)
//   report-<variant>.md / .json               the report, rendered / its ReportModel (src/report/model-schema.ts)
//   report.md                                 the run's report: every variant (what the comment says)
//   comment/ml-image-comment.json             the fork-safe comment artifact (src/report/artifact.ts)
//   attest.json                               AttestResult         (src/attest/result.ts)
//   attest/<variant>-<arch>.<kind>.json       a predicate (CycloneDX SBOM, SLSA provenance, smoke; sbom.spdx: the SBOM as SPDX)
//   attest/<variant>-<arch>.<kind>.dsse.json  its signed DSSE envelope, as attached (built-in signer)
//   devcontainer/<variant>/devcontainer.json  the action's devcontainer output (src/devcontainer/)
import path from 'node:path';
import { archOf } from '../config/platform.js';

export const PLAN_FILE = 'plan.json';
export const BUILD_FILE = 'build.json';
const DIGESTS_DIR = 'digests';
export const COMMENT_DIR = 'comment';
/** The fork-safe comment artifact, in COMMENT_DIR (written by ./comment.ts, read by src/report/artifact.ts). */
export const COMMENT_ARTIFACT_FILE = 'ml-image-comment.json';
export const ATTEST_FILE = 'attest.json';
export const ATTEST_DIR = 'attest';
export const DEVCONTAINER_DIR = 'devcontainer';
/** The directories the tool makes in a result directory: never links (src/util/own-dir.ts). */
export const OWN_SUBDIRS = [DIGESTS_DIR, ATTEST_DIR, COMMENT_DIR, DEVCONTAINER_DIR] as const;

/** The per-target files of the smoke stage (the report and the reuse of a later run read them). */
type RecordKind = 'env' | 'smoke' | 'junit' | 'smoke-key';
export const RECORD_KINDS: readonly RecordKind[] = ['env', 'smoke', 'junit', 'smoke-key'];

const extension = (kind: RecordKind) => (kind === 'junit' ? 'xml' : kind === 'smoke-key' ? 'txt' : 'json');

/** env-<variant>-<arch>.json, smoke-..., junit-...xml, smoke-key-...txt */
export const recordFile = (kind: RecordKind, variant: string, platform: string): string =>
  `${kind}-${variant}-${archOf(platform)}.${extension(kind)}`;

/** Whether NAME is an environment record's file name (env-<variant>-<arch>.json), of any target. */
export const isEnvRecordFile = (name: string): boolean => /^env-.+\.json$/.test(name);

/** resolution-<variant>-<os>-<arch>.json: the resolve stage's key "<variant>/<platform>", slashes as dashes. */
export const resolutionFile = (variant: string, platform: string): string =>
  `resolution-${`${variant}/${platform}`.replace(/\//g, '-')}.json`;

/** digests/<variant>__<arch>.json: one matrix build job's share, for the merge job. */
export const digestFile = (variant: string, platform: string): string =>
  path.join(DIGESTS_DIR, `${variant}__${archOf(platform)}.json`);

export const reportFile = (variant: string, ext: 'md' | 'json'): string => `report-${variant}.${ext}`;
/** The run's report: all variants in one document, as the pull-request comment and the job summary. */
export const RUN_REPORT_FILE = 'report.md';

/** comment/ml-image-comment.json: the fork-safe comment artifact. */
export const commentArtifactFile = (): string => path.join(COMMENT_DIR, COMMENT_ARTIFACT_FILE);

/** attest/<variant>-<arch>.<kind>.json: one predicate, as attached (kind sbom.spdx: the SPDX copy). */
export const attestationFile = (variant: string, platform: string, kind: string): string =>
  path.join(ATTEST_DIR, `${variant}-${archOf(platform)}.${kind}.json`);

/** attest/<variant>-<arch>.<kind>.dsse.json: the signed envelope of a predicate, as attached. */
export const envelopeFile = (variant: string, platform: string, kind: string): string =>
  path.join(ATTEST_DIR, `${variant}-${archOf(platform)}.${kind}.dsse.json`);

/** devcontainer/<variant>/devcontainer.json: the action's `devcontainer` output for a variant. */
export const devcontainerFile = (variant: string): string =>
  path.join(DEVCONTAINER_DIR, variant, 'devcontainer.json');
