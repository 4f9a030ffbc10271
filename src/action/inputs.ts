// Which stage reads which input of the action: ONE table, used by the action's input parsing (run.ts
// reads an input only when a stage that reads it runs) and by the generator of the sub-actions'
// action.yml (each declares exactly the inputs its stages read), so the two cannot drift. A test
// (__tests__/unit/sub-action-inputs.test.ts) runs the parsing with a recording io per sub-action and
// compares what it read with what the sub-action declares.
import { InputError } from '../errors.js';
import { checkEarlierBuild } from '../pipeline/earlier-build.js';
import type { Stage } from '../pipeline/pipeline.js';
import { keywordMissedBy } from '../util/near-keyword.js';

/**
 * 'every': read whatever stages run, because the plan is computed in every run (each job of a
 * composed workflow recomputes it from the config and these inputs, and must get the same plan).
 * Otherwise the stages whose code reads the input.
 */
type InputReaders = 'every' | readonly Stage[];

export const INPUT_STAGES: Readonly<Record<string, InputReaders>> = {
  // The config and what the plan is made of: the image, the variants, the platforms, the base
  // (template / own Dockerfile), the tags and labels.
  config: 'every',
  stages: 'every',
  'result-dir': 'every',
  image: 'every',
  registry: 'every',
  version: 'every',
  dockerfile: 'every',
  template: 'every',
  variants: 'every',
  platforms: 'every',
  tags: 'every',
  labels: 'every',
  // The requirement files: checked line by line by the plan (a bad line stops the plan job, not each
  // build job), resolved, installed, imported by the smoke suites, digested into the provenance.
  requirements: ['plan', 'resolve', 'build', 'smoke', 'attest'],
  'resolve-mode': ['resolve'],
  // smoke.gpuRunnerLabels only travels in the plan's `config` output (the workflow maps the GPU job
  // onto it).
  'gpu-runner-labels': ['plan'],
  // Build (docker/build-push-action's inputs, the merge of matrix jobs).
  context: ['build'],
  'build-args': ['build'],
  pull: ['build'],
  provenance: ['build'],
  annotations: ['build'],
  secrets: ['build'],
  'secret-envs': ['build'],
  'cache-from': ['build'],
  'cache-to': ['build'],
  target: ['build'],
  builder: ['build'],
  'no-cache': ['build'],
  sbom: ['build'],
  load: ['build'],
  'secret-files': ['build'],
  ssh: ['build'],
  'build-contexts': ['build'],
  outputs: ['build'],
  attests: ['build'],
  'add-hosts': ['build'],
  'shm-size': ['build'],
  ulimit: ['build'],
  allow: ['build'],
  'cgroup-parent': ['build'],
  'no-cache-filters': ['build'],
  call: ['build'],
  // build.network: the RUN steps' network, and the resolver's probe container's.
  network: ['resolve', 'build'],
  build: ['build'],
  push: ['build'],
  merge: ['build'],
  'merge-from': ['build'],
  // What the post step does with the images the build left and the smoke stage pulled.
  'keep-images': ['build', 'smoke'],
  // Smoke.
  'smoke-suites': ['smoke'],
  'require-gpu': ['smoke'],
  gpus: ['smoke'],
  // Attest.
  attest: ['attest'],
  sign: ['attest'],
  // Report (and the fork poster, which is the report stage on an artifact).
  comment: ['report'],
  'marker-key': ['report'],
  'comment-mode': ['report'],
  'from-artifact': ['report'],
  baseline: ['report'],
  'github-token': ['report'],
  'comment-author': ['report'],
};

/** Whether a run of these stages reads the input (an unknown name is a bug here: thrown). */
export function readsInput(name: string, stages: ReadonlySet<Stage>): boolean {
  const readers = INPUT_STAGES[name];
  if (readers === undefined)
    throw new Error(`input "${name}" is not in INPUT_STAGES (src/action/inputs.ts): add it with its stages`);
  return readers === 'every' || readers.some((s) => stages.has(s));
}

/** The inputs a run of these stages reads, in the table's order. */
export function inputsForStages(stages: ReadonlySet<Stage>): string[] {
  return Object.keys(INPUT_STAGES).filter((n) => readsInput(n, stages));
}

/**
 * `get` for the parsing of a run of these stages: an input no running stage reads is '' (as if
 * unset) and is not read at all, so a sub-action need not declare it.
 */
export function stageInputReader(
  get: (name: string) => string,
  stages: ReadonlySet<Stage>,
): (name: string) => string {
  return (name) => (readsInput(name, stages) ? get(name) : '');
}

/**
 * Every variable the `secret-envs` input names (ID=ENVNAME) is set: refused at the edge, naming the
 * input, before the resolve stage spends minutes (the build stage checks again where it mounts them).
 */
export function checkSecretEnvs(
  secretEnvs: Readonly<Record<string, string>> | undefined,
  env: Readonly<Record<string, string | undefined>>,
): void {
  for (const [id, name] of Object.entries(secretEnvs ?? {}))
    if (env[name] === undefined)
      throw new InputError(
        `input "secret-envs": ${id}=${name}: ${name} is not set in the environment`,
        `set it in the step's env: (e.g. ${name}: \${{ secrets.${name} }})`,
      );
}

/**
 * A smoke or attest job without build reads the build job's build.json from result-dir (DIR):
 * missing or broken, bad input before the plan stage, with the action's way to give it.
 */
export function checkDownloadedBuild(stages: ReadonlySet<Stage>, dir: string): void {
  checkEarlierBuild(stages, dir, {
    asked: `stages ${[...stages].join(',')}`,
    label: 'result-dir',
    fix: "download the build job's build.json into result-dir before this step (actions/download-artifact), or add build to the stages input",
  });
}

/** The `baseline` input's keywords; any other value is a directory. */
const BASELINE_KEYWORDS = ['cache', 'none'] as const;

/**
 * The `baseline` input, trimmed ('' for the default, cache). A bare word that is no directory of
 * the workspace yet and is near a keyword (`None`, `CACHE`, `cahce`) is refused: read as a
 * directory it would turn the baseline off, or save it in a folder of that name, without a word.
 * A path (./None) or a directory that exists is taken as given.
 */
export function baselineInput(raw: string, cwd: string): string {
  const v = raw.trim();
  const near = keywordMissedBy(v, BASELINE_KEYWORDS, cwd);
  if (near === undefined) return v;
  throw new InputError(
    `input "baseline": ${JSON.stringify(v)} is neither cache nor none (they are lower case) and no directory: did you mean ${near}?`,
    `write ${near}, or name a directory as a path (./${v})`,
  );
}
