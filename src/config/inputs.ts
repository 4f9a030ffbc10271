// Action inputs that complete or override ml-image.yml. One table: main.ts reads inputs through it,
// and a test checks that action.yml declares exactly these inputs (plus the non-config ones).
import { InputError } from '../errors.js';
import { parseBpaList } from './bpa-list.js';
import type { Override } from './overrides.js';
import { parseProvenanceInput } from './provenance.js';
import { runnerLabelProblem } from './smoke-schema.js';
import { RESERVED_MAP_KEY, RESERVED_MAP_KEY_PROBLEM } from './user-map.js';
import { printable } from '../util/text.js';

/**
 * kv-list: BPA's `build-args` (KEY=VALUE a line); bpa-list: a list as BPA reads it (`platforms`:
 * CSV, a quoted item loses its quotes); provenance: BPA's `provenance` forms.
 */
type InputKind = 'string' | 'list' | 'bpa-list' | 'boolean' | 'json-list' | 'kv-list' | 'provenance';

interface ConfigInput {
  input: string;
  path: readonly string[];
  kind: InputKind;
}

export const CONFIG_INPUTS: readonly ConfigInput[] = [
  { input: 'image', path: ['image', 'name'], kind: 'string' },
  { input: 'registry', path: ['image', 'registry'], kind: 'string' },
  { input: 'version', path: ['image', 'version'], kind: 'string' },
  { input: 'context', path: ['build', 'context'], kind: 'string' },
  { input: 'dockerfile', path: ['build', 'dockerfile'], kind: 'string' },
  { input: 'template', path: ['build', 'template'], kind: 'string' },
  { input: 'variants', path: ['variants'], kind: 'list' },
  { input: 'platforms', path: ['platforms'], kind: 'bpa-list' },
  { input: 'requirements', path: ['python', 'requirements'], kind: 'list' },
  { input: 'resolve-mode', path: ['resolve', 'mode'], kind: 'string' },
  { input: 'smoke-suites', path: ['smoke', 'suites'], kind: 'list' },
  { input: 'require-gpu', path: ['smoke', 'requireGpu'], kind: 'boolean' },
  { input: 'gpu-runner-labels', path: ['smoke', 'gpuRunnerLabels'], kind: 'json-list' },
  { input: 'comment', path: ['report', 'comment'], kind: 'boolean' },
  { input: 'marker-key', path: ['report', 'markerKey'], kind: 'string' },
  { input: 'attest', path: ['attest', 'types'], kind: 'list' },
  { input: 'sign', path: ['attest', 'sign'], kind: 'string' },
  // docker/build-push-action's names and forms for the config keys they share.
  { input: 'build-args', path: ['build', 'args'], kind: 'kv-list' },
  { input: 'pull', path: ['build', 'pull'], kind: 'boolean' },
  { input: 'provenance', path: ['build', 'provenance'], kind: 'provenance' },
  { input: 'network', path: ['build', 'network'], kind: 'string' },
];

/**
 * docker/build-push-action's inputs without a config key: src/build/action-inputs.ts reads them into
 * the build's options (action.yml declares each).
 */
export const BUILD_INPUTS = [
  'tags',
  'labels',
  'annotations',
  'secrets',
  'secret-envs',
  'cache-from',
  'cache-to',
  'target',
  'builder',
  'no-cache',
  'sbom',
  'load',
  'secret-files',
  'ssh',
  'build-contexts',
  'outputs',
  'attests',
  'add-hosts',
  'shm-size',
  'ulimit',
  'allow',
  'cgroup-parent',
  'no-cache-filters',
  'call',
] as const;

/** Inputs of the action that are not config overrides. */
export const OTHER_INPUTS = [
  'config',
  'stages',
  'build',
  'push',
  'merge',
  'merge-from',
  'gpus',
  'comment-mode',
  'from-artifact',
  'baseline',
  'result-dir',
  'keep-images',
  'github-token',
  'comment-author',
  // docker/build-push-action's inputs without a config key (read by src/build/action-inputs.ts).
  ...BUILD_INPUTS,
] as const;

/** "a, b\nc" -> ["a", "b", "c"] (commas or newlines, blanks dropped). */
export function splitList(raw: string): string[] {
  return raw
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * A list input that is not blank yet names nothing (", ," from unset variables): refused, as the
 * stages input is. Read as [] it replaced the config's list: no requirements installed, no smoke
 * suite run (the smoke gate passed on nothing), no attestation.
 */
function nonEmptyList(input: string, raw: string, items = splitList(raw)): string[] {
  if (items.length === 0)
    throw new InputError(
      `input "${input}": ${JSON.stringify(raw)} names nothing`,
      `give at least one, comma- or newline-separated, or leave ${input} empty to keep the config's`,
    );
  return items;
}

/** BPA's `build-args`: KEY=VALUE a line (a line is CSV: quote a value that holds a comma). */
function parseKvList(spec: ConfigInput, raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [i, item] of parseBpaList(raw, { input: spec.input, ignoreComma: true }).entries()) {
    const at = item.indexOf('=');
    if (at <= 0) {
      // Never the line itself: its value may be a secret. Its name, when it is written as YAML's
      // `NAME: value` (an env: block pasted).
      const name = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:/.exec(item)?.[1];
      throw new InputError(
        `input "${spec.input}": item ${i + 1} is no KEY=VALUE line${name !== undefined ? ` (${name}: ..., written as YAML)` : ''}`,
        name !== undefined
          ? `write ${name}=VALUE`
          : 'write one KEY=VALUE a line; a bare NAME, which build-push-action leaves to buildx to read from the environment, is written NAME=${{ env.NAME }} here, so that its value is checked for credentials',
      );
    }
    const key = item.slice(0, at).trim();
    // Assigning it would set the object's prototype: the line would vanish without a word.
    if (key === RESERVED_MAP_KEY) throw new InputError(`input "${spec.input}": ${RESERVED_MAP_KEY_PROBLEM}`);
    out[key] = item.slice(at + 1);
  }
  return out;
}

/**
 * A boolean input as the action and build-push-action's inputs read it: true/yes/1/on or
 * false/no/0/off, any case, around spaces; anything else (blank included) is bad input naming INPUT.
 */
export function parseBooleanInput(input: string, raw: string): boolean {
  const v = raw.trim().toLowerCase();
  if (['true', 'yes', '1', 'on'].includes(v)) return true;
  if (['false', 'no', '0', 'off'].includes(v)) return false;
  throw new InputError(`input "${input}": expected true or false, got ${JSON.stringify(raw)}`);
}

export function parseInputValue(spec: ConfigInput, raw: string): unknown {
  switch (spec.kind) {
    case 'kv-list':
      return parseKvList(spec, raw);
    case 'provenance':
      return parseProvenanceInput(spec.input, raw);
    case 'string':
      return raw.trim();
    case 'list':
      return nonEmptyList(spec.input, raw);
    case 'bpa-list':
      return nonEmptyList(spec.input, raw, parseBpaList(raw, { input: spec.input, ignoreComma: false }));
    case 'boolean':
      return parseBooleanInput(spec.input, raw);
    case 'json-list':
      return parseLabelList(spec.input, raw);
  }
}

const LABELS_FIX =
  'give a JSON list of strings like ["self-hosted","gpu"], or a comma list: self-hosted, gpu';

/**
 * `gpu-runner-labels`: a JSON list (a value starting with "[") or a comma list of runner labels,
 * each a string that can match a runner's label. An object ("{...}") is no list: refused, not
 * read as the one label "{...}". Its items are checked here, in the input's terms: the schema's
 * words are the config file's (a YAML hint on an input that is no YAML).
 */
function parseLabelList(input: string, raw: string): string[] {
  const t = raw.trim();
  if (t.startsWith('{'))
    throw new InputError(
      `input "${input}": ${printable(JSON.stringify(t.slice(0, 200)))} is an object; runner labels are a list`,
      LABELS_FIX,
    );
  let items: unknown;
  try {
    items = t.startsWith('[') ? JSON.parse(t) : splitList(t);
  } catch (e) {
    throw new InputError(
      `input "${input}": expected a JSON list like ["self-hosted","gpu"] or a comma list, got ${JSON.stringify(raw)} (${(e as Error).message})`,
      LABELS_FIX,
    );
  }
  if (!Array.isArray(items))
    throw new InputError(
      `input "${input}": expected a list of runner labels, got ${JSON.stringify(t)}`,
      LABELS_FIX,
    );
  items.forEach((item, i) => {
    if (typeof item !== 'string')
      throw new InputError(
        `input "${input}": item ${i + 1} is ${printable(JSON.stringify(item) ?? String(item))}, not a string: a runner label is text`,
        `write it as a JSON string (in double quotes), as the runner shows the label: ${LABELS_FIX}`,
      );
    const problem = runnerLabelProblem(item);
    if (problem !== undefined)
      throw new InputError(
        `input "${input}": item ${i + 1}: ${problem}`,
        'remove it, or give the label as the runner shows it',
      );
  });
  return items as string[];
}

/**
 * docker/build-push-action's `file` (its Dockerfile) is `dockerfile` here. action.yml declares no
 * `file`, so the runner only warns "Unexpected input(s) 'file'" and still exports it (INPUT_FILE):
 * unread, the template's Dockerfile would be built and pushed under the user's tags instead.
 */
function refuseBpaFileInput(env: Readonly<Record<string, string | undefined>>): void {
  const file = env.INPUT_FILE?.trim() ?? '';
  if (file === '') return;
  throw new InputError(
    `input "file" (${JSON.stringify(file)}): the file input is build-push-action's: use dockerfile: PATH`,
    `rename it: dockerfile: ${file} (your own Dockerfile, relative to the config file, or to the workspace when the inputs carry the config; exclusive with template)`,
  );
}

/**
 * Overrides for every non-empty input. `get` reads one input ('' when unset), e.g. core.getInput;
 * ENV is the step's environment, where the runner puts an input action.yml does not declare too
 * (build-push-action's `file` is refused there).
 */
export function overridesFromInputs(
  get: (name: string) => string,
  env: Readonly<Record<string, string | undefined>> = {},
): Override[] {
  refuseBpaFileInput(env);
  const out: Override[] = [];
  for (const spec of CONFIG_INPUTS) {
    const raw = get(spec.input);
    if (raw.trim() === '') continue;
    out.push({ path: spec.path, value: parseInputValue(spec, raw), source: `input "${spec.input}"` });
  }
  return out;
}
