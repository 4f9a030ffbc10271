// Action inputs that complete or override ml-image.yml. One table: main.ts reads inputs through it,
// and a test checks that action.yml declares exactly these inputs (plus the non-config ones).
import { InputError } from '../errors.js';
import type { Override } from './load.js';

export type InputKind = 'string' | 'list' | 'boolean' | 'json-list';

export interface ConfigInput {
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
  { input: 'platforms', path: ['platforms'], kind: 'list' },
  { input: 'requirements', path: ['python', 'requirements'], kind: 'list' },
  { input: 'resolve-mode', path: ['resolve', 'mode'], kind: 'string' },
  { input: 'smoke-suites', path: ['smoke', 'suites'], kind: 'list' },
  { input: 'require-gpu', path: ['smoke', 'requireGpu'], kind: 'boolean' },
  { input: 'gpu-runner-labels', path: ['smoke', 'gpuRunnerLabels'], kind: 'json-list' },
  { input: 'comment', path: ['report', 'comment'], kind: 'boolean' },
  { input: 'marker-key', path: ['report', 'markerKey'], kind: 'string' },
  { input: 'attest', path: ['attest', 'types'], kind: 'list' },
  { input: 'sign', path: ['attest', 'sign'], kind: 'string' },
];

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
  'github-token',
] as const;

/** "a, b\nc" -> ["a", "b", "c"] (commas or newlines, blanks dropped). */
export function splitList(raw: string): string[] {
  return raw
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function parseInputValue(spec: ConfigInput, raw: string): unknown {
  switch (spec.kind) {
    case 'string':
      return raw.trim();
    case 'list':
      return splitList(raw);
    case 'boolean': {
      const v = raw.trim().toLowerCase();
      if (['true', 'yes', '1', 'on'].includes(v)) return true;
      if (['false', 'no', '0', 'off'].includes(v)) return false;
      throw new InputError(`input "${spec.input}": expected true or false, got ${JSON.stringify(raw)}`);
    }
    case 'json-list': {
      const t = raw.trim();
      if (!t.startsWith('[')) return splitList(t);
      try {
        return JSON.parse(t) as unknown;
      } catch (e) {
        throw new InputError(
          `input "${spec.input}": expected a JSON list like ["self-hosted","gpu"] or a comma list, got ${JSON.stringify(raw)} (${(e as Error).message})`,
        );
      }
    }
  }
}

/** Overrides for every non-empty input. `get` reads one input ('' when unset), e.g. core.getInput. */
export function overridesFromInputs(get: (name: string) => string): Override[] {
  const out: Override[] = [];
  for (const spec of CONFIG_INPUTS) {
    const raw = get(spec.input);
    if (raw.trim() === '') continue;
    out.push({ path: spec.path, value: parseInputValue(spec, raw), source: `input "${spec.input}"` });
  }
  return out;
}
