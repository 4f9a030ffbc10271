import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_INPUTS, overridesFromInputs, parseInputValue, splitList } from '../../src/config/inputs.js';
import { validateConfigData } from '../../src/config/load.js';
import { renderConfigReference } from '../../src/config/reference.js';
import { STAGES } from '../../src/pipeline/stages.js';
import { COMMENT_MODES } from '../../src/report/stage.js';
import { GPU_MODES } from '../../src/smoke/gpu-mode.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { ConfigError, InputError } from '../../src/errors.js';

const spec = (input: string) => CONFIG_INPUTS.find((s) => s.input === input)!;

describe('action inputs', () => {
  it.each([
    ['a, b,c', ['a', 'b', 'c']],
    ['a\nb\n\n c ', ['a', 'b', 'c']],
    ['', []],
  ])('splitList(%j)', (raw, expected) => {
    expect(splitList(raw)).toEqual(expected);
  });

  it.each([
    ['require-gpu', 'true', true],
    ['require-gpu', 'False', false],
    ['comment', 'no', false],
    ['gpu-runner-labels', '["self-hosted","gpu"]', ['self-hosted', 'gpu']],
    ['gpu-runner-labels', 'self-hosted, gpu', ['self-hosted', 'gpu']],
    ['platforms', 'linux/amd64\nlinux/arm64', ['linux/amd64', 'linux/arm64']],
    // As build-push-action reads platforms (Util.getInputList, CSV): a quoted item loses its
    // quotes, a lone \r ends a line (before: the items kept their quotes, and were refused).
    ['platforms', '"linux/amd64,linux/arm64"', ['linux/amd64', 'linux/arm64']],
    ['platforms', '"linux/amd64"\n"linux/arm64/v8"', ['linux/amd64', 'linux/arm64/v8']],
    ['platforms', 'linux/amd64\rlinux/arm64', ['linux/amd64', 'linux/arm64']],
    ['platforms', ' linux/amd64 , linux/arm64 ,', ['linux/amd64', 'linux/arm64']],
    ['image', ' my-org/model ', 'my-org/model'],
  ])('%s = %j', (input, raw, expected) => {
    expect(parseInputValue(spec(input), raw)).toEqual(expected);
  });

  // Read as [] it replaced the config's list: the smoke gate passed on no suite, no requirements
  // were installed, no attestation made (finding).
  it.each(
    CONFIG_INPUTS.filter((s) => s.kind === 'list' || s.kind === 'bpa-list').flatMap((s) =>
      [',', ' , \n ,'].map((raw) => [s.input, raw]),
    ),
  )('list input %s = %j names nothing: refused, not read as an empty list', (input, raw) => {
    expect(() => parseInputValue(spec(input), raw)).toThrow(
      new InputError(
        `input "${input}": ${JSON.stringify(raw)} names nothing`,
        `give at least one, comma- or newline-separated, or leave ${input} empty to keep the config's`,
      ),
    );
    expect(overridesFromInputs((n) => (n === input ? '  ' : ''))).toEqual([]);
  });

  it.each([
    ['require-gpu', 'maybe', 'input "require-gpu": expected true or false, got "maybe"'],
    ['gpu-runner-labels', '["a",', 'input "gpu-runner-labels": expected a JSON list'],
  ])('%s rejects %j', (input, raw, message) => {
    expect(() => parseInputValue(spec(input), raw)).toThrow(InputError);
    expect(() => parseInputValue(spec(input), raw)).toThrow(message);
  });

  it('turns only non-empty inputs into overrides, each naming its input', () => {
    const inputs: Record<string, string> = {
      image: 'a/b',
      platforms: 'linux/arm64',
      'require-gpu': 'true',
      variants: '  ',
    };
    const overrides = overridesFromInputs((n) => inputs[n] ?? '');
    expect(overrides).toEqual([
      { path: ['image', 'name'], value: 'a/b', source: 'input "image"' },
      { path: ['platforms'], value: ['linux/arm64'], source: 'input "platforms"' },
      { path: ['smoke', 'requireGpu'], value: true, source: 'input "require-gpu"' },
    ]);
  });

  // The runner exports an input action.yml does not declare (it only warns): build-push-action's
  // `file` would be dropped without a word, and the template built and pushed under the tags.
  it.each<[string, Record<string, string>, string | undefined]>([
    ['file given', { INPUT_FILE: 'docker/Dockerfile.gpu' }, 'docker/Dockerfile.gpu'],
    ['file padded', { INPUT_FILE: ' Dockerfile \n' }, 'Dockerfile'],
    ['file empty', { INPUT_FILE: '' }, undefined],
    ['file blank', { INPUT_FILE: '  ' }, undefined],
    ['no file', {}, undefined],
  ])("build-push-action's file input: %s", (_name, env, refused) => {
    const read = () => overridesFromInputs((n) => (n === 'image' ? 'a/b' : ''), env);
    if (refused === undefined) {
      expect(read()).toEqual([{ path: ['image', 'name'], value: 'a/b', source: 'input "image"' }]);
      return;
    }
    expect(read).toThrow(
      new InputError(
        `input "file" (${JSON.stringify(refused)}): the file input is build-push-action's: use dockerfile: PATH`,
        `rename it: dockerfile: ${refused} (your own Dockerfile, relative to the config file, or to the workspace when the inputs carry the config; exclusive with template)`,
      ),
    );
  });

  it.each([
    [
      'smoke-suites',
      'imports, gpu, imports',
      'smoke.suites[2]: duplicate suite "imports" (from input "smoke-suites")',
    ],
    [
      'attest',
      'sbom\nprovenance\nsbom',
      'attest.types[2]: duplicate attestation type "sbom" (from input "attest")',
    ],
    [
      'platforms',
      'linux/amd64,linux/amd64',
      'platforms[1]: duplicate platform "linux/amd64" (from input "platforms")',
    ],
  ])('input %s: a name given twice is refused (exit 2), naming the input', (input, raw, problem) => {
    const overrides = overridesFromInputs((n) => (n === input ? raw : n === 'image' ? 'a/b' : ''));
    let error: unknown;
    try {
      validateConfigData({}, 'inputs', overrides);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([problem]);
  });
});

describe("action.yml's descriptions name the values an input takes", () => {
  const descriptions = Object.fromEntries(
    Object.entries(
      (
        parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
          inputs: Record<string, { description: string }>;
        }
      ).inputs,
    ).map(([n, i]) => [n, i.description]),
  );
  /** The values of a config key whose type is one of a set (`a` \| `b`, or a list of them). */
  const reference = renderConfigReference().split('\n');
  const valuesOf = (key: string) => {
    const row = reference.find((l) => l.startsWith(`| \`${key}\` |`));
    return [...(row?.split(' | ')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  };
  const escape = (v: string) => v.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const unnamed = (description: string, values: readonly string[]) =>
    values.filter((v) => !new RegExp(`(?<![\\w/-])${escape(v)}(?![\\w/-])`).test(description));

  const sets: [string, readonly string[]][] = [
    ...CONFIG_INPUTS.map((s): [string, readonly string[]] => [s.input, valuesOf(s.path.join('.'))]).filter(
      ([, values]) => values.length > 0,
    ),
    ['gpus', GPU_MODES],
    ['comment-mode', COMMENT_MODES],
    ['stages', [...STAGES, 'all']],
  ];

  it('finds the sets (the reader is real)', () => {
    expect(valuesOf('resolve.mode')).toEqual(['auto', 'check', 'off']);
    expect(sets.map(([n]) => n)).toEqual(
      expect.arrayContaining(['template', 'smoke-suites', 'sign', 'network']),
    );
    expect(unnamed('auto, check or off', ['auto', 'check', 'off', 'sometimes'])).toEqual(['sometimes']);
  });

  it.each(sets)('%s names each of %j', (input, values) => {
    expect(unnamed(descriptions[input]!, values)).toEqual([]);
  });
});
