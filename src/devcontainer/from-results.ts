// The devcontainer of a result directory: build.json for the image, plan.json for the variant's
// CUDA-ness, env-<variant>-<arch>.json for its user, caches and servers, each read through the
// results contract (src/results/). `ml-image devcontainer` and the action's `devcontainer` output
// both write through here.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { VariantBuild } from '../build/result.js';
import type { EnvRecord } from '../capture/record.js';
import { InputError } from '../errors.js';
import { variantFromPlan } from '../plan/schema.js';
import {
  BUILD_FILE,
  devcontainerFile,
  noBuildFile,
  openResultDir,
  recordFile,
  type ResultDir,
} from '../results/results.js';
import {
  type ChosenImage,
  chooseImage,
  devcontainerJson,
  type DevcontainerJson,
  devcontainerText,
  recordIsCuda,
  recordOfOtherImage,
  writtenByMlImage,
} from './devcontainer.js';

/**
 * linux/amd64 or linux/arm64 from Node's architecture: only a fallback for the engine's platform
 * (the CLI asks the engine; an x64 Node under Rosetta on Apple silicon says amd64 here).
 */
export function hostPlatform(arch: string = process.arch): string {
  return `linux/${arch === 'x64' ? 'amd64' : arch}`;
}

/** A record left out: its file, and the digest of the image it is of instead. */
export interface OtherImageRecord {
  file: string;
  digest: string;
}

/**
 * DIR/env-<variant>-<arch>.json of V: the host's platform first, else the first one there; a
 * record of another image (recordOfOtherImage: an earlier run's, in a reused directory) is left
 * out, and said in `other`.
 */
function findRecord(
  results: ResultDir,
  dir: string,
  v: VariantBuild | undefined,
  { variant, platforms }: Pick<ChosenImage, 'variant' | 'platforms'>,
  host: string,
): { found?: { record: EnvRecord; file: string }; other: OtherImageRecord[] } {
  const order = [...platforms].sort((a, b) => Number(b === host) - Number(a === host));
  const other: OtherImageRecord[] = [];
  for (const platform of order) {
    const record = results.readEnv(variant, platform);
    if (!record) continue;
    const file = path.join(dir, recordFile('env', variant, platform));
    const digest = v && recordOfOtherImage(record, v, platform);
    if (digest === undefined) return { found: { record, file }, other };
    other.push({ file, digest });
  }
  return { other };
}

/** What a record left out is, said alike by `ml-image devcontainer` and the action. */
export const otherImageNote = (o: OtherImageRecord): string =>
  `${o.file} is of another image (${o.digest.slice(0, 19)}), not this build's (an earlier run's in a reused directory): left out`;

interface ResultDevcontainer {
  json: DevcontainerJson;
  text: string;
  chosen: ChosenImage;
  /** The env record read, when there was one. */
  recordFile?: string;
  /** The records left out: of another image than this build's (an earlier run's). */
  otherImageRecords: OtherImageRecord[];
}

/**
 * The devcontainer of one variant of result directory `dir` (`label` names it in errors); `host`:
 * the platform of the engine that opens it (its local tag, its record first), default Node's.
 */
export function devcontainerFromResults(
  dir: string,
  variant: string | undefined,
  label = dir,
  host = hostPlatform(),
): ResultDevcontainer {
  const buildFile = path.join(dir, BUILD_FILE);
  if (!existsSync(buildFile))
    throw noBuildFile(dir, label, 'write it with "ml-image build --out DIR" or "ml-image run --out DIR"');
  // The build's result directory, only read: build.json, plan.json and the records through their schemas.
  const results = openResultDir(dir, label, { create: false });
  const build = results.readBuild({
    what: 'build result (--from)',
    fix: 'pass the --out directory of "ml-image build" or "ml-image run"',
  });
  const chosen = chooseImage(build, buildFile, variant, host);
  const plan = results.readPlan({ what: 'plan (--from)' });
  const planned = plan && variantFromPlan(plan, chosen.variant);
  const v = build.variants.find((x) => x.variant === chosen.variant);
  const { found, other } = findRecord(results, dir, v, chosen, host);
  const json = devcontainerJson({
    ...chosen,
    cuda: planned?.cuda ?? recordIsCuda(found?.record),
    ...(found && { record: found.record }),
  });
  return {
    json,
    text: devcontainerText(json),
    chosen,
    ...(found && { recordFile: found.file }),
    otherImageRecords: other,
  };
}

/** Where the action writes each variant's definition: RESULT_DIR/devcontainer/<variant>/devcontainer.json. */
export const resultDevcontainerFile = (dir: string, variant: string): string =>
  path.join(dir, devcontainerFile(variant));

/** Result directory DIR for the action's definitions: only checked, as devcontainerFromResults. */
const resultDir = (dir: string): ResultDir => openResultDir(dir, `result-dir ${dir}`, { create: false });

/**
 * Every RESULT_DIR/devcontainer/<name>/devcontainer.json that ml-image wrote, removed through the
 * results contract (a reused directory: an earlier run's definition of a variant this build did not
 * push, or no longer builds, would open that earlier image); one it did not write (its name is not
 * "ml-image (...)") is kept. Returns the files removed.
 */
export const removeResultDevcontainers = (dir: string): string[] =>
  resultDir(dir).removeDevcontainers(writtenByMlImage);

/**
 * The action's `devcontainer` output: one definition per variant of `variants` whose image is
 * pinned by digest (a pushed build), written under the result directory, after an earlier run's
 * are removed (removeResultDevcontainers); returns their paths.
 */
export function writeResultDevcontainers(
  dir: string,
  variants: readonly string[],
  note: (line: string) => void = () => undefined,
): string[] {
  const results = resultDir(dir);
  results.removeDevcontainers(writtenByMlImage);
  const files: string[] = [];
  for (const variant of variants) {
    let dc: ResultDevcontainer;
    try {
      dc = devcontainerFromResults(dir, variant, 'result-dir');
    } catch (e) {
      // A variant without a digest a registry serves (not merged, several platforms) gets none; so
      // does one whose results cannot be read (a broken plan.json): the note says which and why.
      if (!(e instanceof InputError)) throw e;
      note(`devcontainer ${variant}: none (${e.message})`);
      continue;
    }
    if (!dc.chosen.pinned) continue;
    for (const o of dc.otherImageRecords) note(`devcontainer ${variant}: ${otherImageNote(o)}`);
    // Never through a link planted at devcontainer/ or devcontainer/<variant>/ (a checkout's).
    files.push(results.writeDevcontainer(variant, dc.json));
  }
  return files;
}
