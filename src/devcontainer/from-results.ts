// The devcontainer of a result directory: build.json for the image, plan.json for the variant's
// CUDA-ness, env-<variant>-<arch>.json for its user, caches and servers, each read through the
// results contract (src/results/). `ml-image devcontainer` and the action's `devcontainer` output
// both write through here.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { EnvRecord } from '../capture/record.js';
import { InputError } from '../errors.js';
import { variantFromPlan } from '../plan/schema.js';
import {
  BUILD_FILE,
  devcontainerFile,
  openResultDir,
  recordFile,
  type ResultDir,
} from '../results/results.js';
import { writeFileAtomic } from '../util/json-file.js';
import {
  type ChosenImage,
  chooseImage,
  devcontainerJson,
  type DevcontainerJson,
  devcontainerText,
  recordIsCuda,
} from './devcontainer.js';

/**
 * linux/amd64 or linux/arm64 from Node's architecture: only a fallback for the engine's platform
 * (the CLI asks the engine; an x64 Node under Rosetta on Apple silicon says amd64 here).
 */
export function hostPlatform(arch: string = process.arch): string {
  return `linux/${arch === 'x64' ? 'amd64' : arch}`;
}

/** DIR/env-<variant>-<arch>.json: the host's platform first, else the first one there. */
function findRecord(
  results: ResultDir,
  dir: string,
  variant: string,
  platforms: readonly string[],
  host: string,
): { record: EnvRecord; file: string } | undefined {
  const order = [...platforms].sort((a, b) => Number(b === host) - Number(a === host));
  for (const platform of order) {
    const record = results.readEnv(variant, platform);
    if (record) return { record, file: path.join(dir, recordFile('env', variant, platform)) };
  }
  return undefined;
}

export interface ResultDevcontainer {
  json: DevcontainerJson;
  text: string;
  chosen: ChosenImage;
  /** The env record read, when there was one. */
  recordFile?: string;
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
    throw new InputError(
      `${label}: no ${BUILD_FILE} in ${dir}`,
      'write it with "ml-image build --out DIR" or "ml-image run --out DIR"',
    );
  // The build's result directory, only read: build.json, plan.json and the records through their schemas.
  const results = openResultDir(dir, label, { create: false });
  const chosen = chooseImage(
    results.readBuild({
      what: 'build result (--from)',
      fix: 'pass the --out directory of "ml-image build" or "ml-image run"',
    }),
    buildFile,
    variant,
    host,
  );
  const plan = results.readPlan({ what: 'plan (--from)' });
  const planned = plan && variantFromPlan(plan, chosen.variant);
  const found = findRecord(results, dir, chosen.variant, chosen.platforms, host);
  const json = devcontainerJson({
    ...chosen,
    cuda: planned?.cuda ?? recordIsCuda(found?.record),
    ...(found && { record: found.record }),
  });
  return { json, text: devcontainerText(json), chosen, ...(found && { recordFile: found.file }) };
}

/** Where the action writes each variant's definition: RESULT_DIR/devcontainer/<variant>/devcontainer.json. */
export const resultDevcontainerFile = (dir: string, variant: string): string =>
  path.join(dir, devcontainerFile(variant));

/**
 * The action's `devcontainer` output: one definition per variant of `variants` whose image is
 * pinned by digest (a pushed build), written under the result directory; returns their paths.
 */
export function writeResultDevcontainers(
  dir: string,
  variants: readonly string[],
  note: (line: string) => void = () => undefined,
): string[] {
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
    const file = resultDevcontainerFile(dir, variant);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, dc.text, `result-dir ${dir}`);
    files.push(file);
  }
  return files;
}
