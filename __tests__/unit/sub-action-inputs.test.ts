// Each sub-action declares exactly the inputs its stages read: the action's own input parsing is run
// as a runner runs a sub-action (its declared inputs set to their defaults, nothing else) with a
// recording io, and the names it read are compared with the sub-action's action.yml. A declared
// input no stage reads fails, and so does an input the parsing reads that the sub-action lacks.
// Each default the root action.yml writes is the one the parsing takes for an empty input.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INPUT_STAGES, inputsForStages, readsInput, stageInputReader } from '../../src/action/inputs.js';
import { type ActionIo, parseActionInputs } from '../../src/action/run.js';
import { parseStages, STAGES } from '../../src/pipeline/pipeline.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { fakeDocker } from '../helpers/fakes.js';

type Inputs = Record<string, { default?: string }>;
const actionInputs = (rel: string): Inputs =>
  (parse(readFileSync(path.join(REPO_ROOT, rel), 'utf8')) as { inputs: Inputs }).inputs;
const STAGE_SUB_ACTIONS = ['plan', 'build', 'smoke', 'attest', 'report'] as const;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-sub-inputs-'));
  writeFileSync(
    path.join(dir, 'ml-image.yml'),
    'image: {name: a/b}\nvariants: [cpu]\nplatforms: [linux/amd64]\n',
  );
  writeFileSync(path.join(dir, 'requirements.txt'), 'numpy\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** An io as the runner sets it up for an action: each declared input (default or given), nothing else. */
function recordingIo(declared: Inputs, given: Record<string, string> = {}) {
  const read: string[] = [];
  const value = (n: string): string => {
    if (n in given) return given[n]!;
    const d = declared[n]?.default ?? '';
    return d === '${{ github.token }}' ? 'ghs_token' : d;
  };
  const io: ActionIo = {
    getInput: (n) => {
      read.push(n);
      return value(n);
    },
    setOutput: () => undefined,
    setFailed: () => undefined,
    error: () => undefined,
    warning: () => undefined,
    info: () => undefined,
    setSecret: () => undefined,
    group: (_n, fn) => fn(),
    cwd: dir,
    env: {},
    docker: () => fakeDocker(),
  };
  return { io, read };
}

/** What a sub-action declares that the parsing does not read, and what it reads undeclared. */
function drift(declared: Iterable<string>, read: Iterable<string>) {
  const d = new Set(declared);
  const r = new Set(read);
  return {
    declaredNotRead: [...d].filter((n) => !r.has(n)).sort(),
    readNotDeclared: [...r].filter((n) => !d.has(n)).sort(),
  };
}

describe('the table of which stage reads which input (src/action/inputs.ts)', () => {
  it('names every input of the root action.yml, and nothing else', () => {
    expect(drift(Object.keys(actionInputs('action.yml')), Object.keys(INPUT_STAGES))).toEqual({
      declaredNotRead: [],
      readNotDeclared: [],
    });
  });

  it('names only real stages', () => {
    for (const readers of Object.values(INPUT_STAGES))
      if (readers !== 'every') for (const s of readers) expect(STAGES).toContain(s);
  });

  it('an input no running stage reads is not read at all; an unknown name is a bug', () => {
    const asked: string[] = [];
    const get = stageInputReader(
      (n) => {
        asked.push(n);
        return 'x';
      },
      new Set(['smoke']),
    );
    expect(get('gpus')).toBe('x');
    expect(get('sign')).toBe('');
    expect(get('image')).toBe('x'); // the plan is computed in every run
    expect(asked).toEqual(['gpus', 'image']);
    expect(() => readsInput('no-such-input', new Set(STAGES))).toThrow(/not in INPUT_STAGES/);
  });

  it('the drift check reports both directions (the comparison below is real)', () => {
    expect(drift(['config', 'gpus'], ['config', 'sign'])).toEqual({
      declaredNotRead: ['gpus'],
      readNotDeclared: ['sign'],
    });
  });
});

describe.each(STAGE_SUB_ACTIONS)('actions/%s', (name) => {
  const declared = actionInputs(`actions/${name}/action.yml`);

  it('declares exactly the inputs its stages read (the parsing, recorded)', () => {
    const { io, read } = recordingIo(declared);
    const parsed = parseActionInputs(io);
    expect(parsed.kind).toBe('stages');
    expect(drift(Object.keys(declared), read)).toEqual({ declaredNotRead: [], readNotDeclared: [] });
  });

  it('declares what the table gives its stages, in the root order', () => {
    const stages = parseStages(declared.stages!.default!, name);
    expect(Object.keys(declared)).toEqual(
      Object.keys(actionInputs('action.yml')).filter((n) => inputsForStages(stages).includes(n)),
    );
  });
});

describe('the root action', () => {
  it('reads every input it declares when every stage runs', () => {
    const declared = actionInputs('action.yml');
    const { io, read } = recordingIo(declared);
    parseActionInputs(io);
    expect(drift(Object.keys(declared), read)).toEqual({ declaredNotRead: [], readNotDeclared: [] });
  });

  // The runner passes an input's action.yml default when a step leaves it out; a sub-action of
  // yours, a test or a local run (no runner) passes ''. Both must be the same run, so each default
  // written in action.yml (and its docs table) is the code's own. stages: '' is refused (a value
  // naming no stage); github-token: an expression only the runner evaluates.
  it.each(
    Object.entries(actionInputs('action.yml'))
      .filter(([n, i]) => i.default !== undefined && n !== 'stages' && n !== 'github-token')
      .map(([n, i]) => [n, i.default!]),
  )('%s: its default (%j) is what the parsing takes when the input is empty', (name, value) => {
    const declared = actionInputs('action.yml');
    const parsed = (given: string) => {
      const r = parseActionInputs(recordingIo(declared, { [name]: given }).io);
      if (r.kind !== 'stages') throw new Error(r.kind);
      // The baseline store is made from the raw text: '' is cache there (run.ts baselineStore).
      // As data: the loaded config's lineOf is a function of each load.
      return JSON.parse(JSON.stringify({ ...r, baseline: r.baseline.trim() || 'cache' })) as unknown;
    };
    expect(parsed(value)).toEqual(parsed(''));
  });

  it('a default that differs from the empty input is told apart (the comparison is real)', () => {
    const declared = actionInputs('action.yml');
    const gpus = (given: string) => parseActionInputs(recordingIo(declared, { gpus: given }).io);
    expect(gpus('all')).not.toEqual(gpus(''));
  });

  it('the fork poster (from-artifact) reads no config input', () => {
    const declared = actionInputs('actions/report/action.yml');
    const { io, read } = recordingIo(declared, {
      'from-artifact': 'comment',
      image: 'x/y',
      'comment-author': ' my-app[bot] ',
    });
    expect(parseActionInputs(io)).toMatchObject({
      kind: 'poster',
      fromArtifact: 'comment',
      author: 'my-app[bot]',
    });
    expect(read).not.toContain('image');
    expect(read).not.toContain('config');
  });
});

describe('what a stage does not read cannot change its run', () => {
  it('the smoke sub-action gets requirements (the imports suite) but not resolve-mode', () => {
    const { io, read } = recordingIo(actionInputs('actions/smoke/action.yml'), {
      requirements: 'requirements.txt',
      'resolve-mode': 'check',
    });
    const parsed = parseActionInputs(io);
    if (parsed.kind !== 'stages') throw new Error('expected a stage run');
    expect(parsed.loaded.config.python.requirements).toEqual(['requirements.txt']);
    expect(read).not.toContain('resolve-mode');
    expect(parsed.loaded.config.resolve.mode).not.toBe('check');
  });

  it('build: false on the build sub-action stops after the plan', () => {
    const { io } = recordingIo(actionInputs('actions/build/action.yml'), { build: 'false' });
    const parsed = parseActionInputs(io);
    expect(parsed.kind === 'stages' && [...parsed.stages]).toEqual(['plan']);
  });
});
