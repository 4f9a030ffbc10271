// An image whose ENTRYPOINT (else CMD) runs another Python than the python3 on its PATH (uv's
// layout: ENTRYPOINT ["/app/.venv/bin/python"], PATH without the venv): capture's record and the
// smoke suites describe python3 on PATH, and say so (record errors, a warning), instead of silence.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureImage } from '../../src/capture/capture.js';
import {
  entryPython,
  entryPythonError,
  entryPythonOffPath,
  entryPythonProblem,
  otherPython,
} from '../../src/python/entry-python.js';
import type { ContainerRunResult, ImageDetails } from '../../src/docker/adapter.js';
import { runSmoke } from '../../src/smoke/run.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { fakeDocker, imageDetails } from '../helpers/fakes.js';
import { makeRecord } from '../helpers/records.js';

type Argv = string[] | null;

describe('entryPython: the Python executable the image starts', () => {
  it.each<[string, Argv, Argv, string | undefined]>([
    ['an absolute venv python', ['/app/.venv/bin/python'], null, '/app/.venv/bin/python'],
    [
      'python3.12 with arguments',
      ['/opt/venv/bin/python3.12', '-m', 'app'],
      null,
      '/opt/venv/bin/python3.12',
    ],
    [
      'the CMD when there is no entrypoint',
      null,
      ['/app/.venv/bin/python3', 'serve.py'],
      '/app/.venv/bin/python3',
    ],
    ['the CMD when the entrypoint is empty', [], ['/app/.venv/bin/python'], '/app/.venv/bin/python'],
    ['a relative python (looked up on PATH)', ['python'], null, undefined],
    ['a non-python entrypoint', ['/opt/nvidia/nvidia_entrypoint.sh'], ['/app/.venv/bin/python'], undefined],
    ['a shell', ['/bin/sh', '-c', 'exec /app/.venv/bin/python'], null, undefined],
    ['pythonw-like names', ['/usr/bin/python3-config'], null, undefined],
    ['nothing', null, null, undefined],
  ])('%s', (_what, entrypoint, cmd, expected) => {
    expect(entryPython(entrypoint, cmd)).toBe(expected);
  });
});

describe('otherPython: another environment than the one the record describes', () => {
  it.each<[string, string | undefined, string, boolean]>([
    ['a venv against /usr/bin/python3', '/app/.venv/bin/python', '/usr/bin/python3', true],
    [
      "a venv whose bin is on PATH (the probe ran the venv's python3)",
      '/app/.venv/bin/python',
      '/app/.venv/bin/python3',
      false,
    ],
    ['/usr/bin/python3 itself', '/usr/bin/python3', '/usr/bin/python3', false],
    ['/usr/bin/python3.11 against /usr/bin/python3', '/usr/bin/python3.11', '/usr/bin/python3', false],
    ['/bin/python3 on a merged-/usr system', '/bin/python3', '/usr/bin/python3', false],
    ['a conda env against the base', '/opt/conda/envs/app/bin/python', '/opt/conda/bin/python3', true],
    ['/usr/local against /usr', '/usr/local/bin/python3', '/usr/bin/python3', true],
    ['no entry python', undefined, '/usr/bin/python3', false],
  ])('%s', (_what, entry, probed, warns) => {
    expect(otherPython(entry, probed) !== undefined).toBe(warns);
  });

  it('names both interpreters, where each comes from, and the fix', () => {
    expect(
      entryPythonError({ entrypoint: ['/app/.venv/bin/python'], cmd: null }, '/usr/bin/python3'),
    ).toEqual({
      field: 'python',
      error:
        'the image runs /app/.venv/bin/python (its ENTRYPOINT); this record describes python3 on PATH ' +
        '(/usr/bin/python3): put /app/.venv/bin first on PATH (ENV PATH=/app/.venv/bin:$PATH) to have it described',
    });
    expect(
      entryPythonError({ entrypoint: null, cmd: ['/app/.venv/bin/python'] }, '/usr/bin/python3')?.error,
    ).toMatch(/\(its CMD\)/);
  });
});

describe('entryPythonOffPath: ml-image smoke without a record', () => {
  it.each<[string, Argv, string[], boolean]>([
    ['a venv off PATH', ['/app/.venv/bin/python'], ['PATH=/usr/local/bin:/usr/bin:/bin'], true],
    [
      'a venv on PATH',
      ['/app/.venv/bin/python'],
      ['PATH=/app/.venv/bin:/usr/local/bin:/usr/bin:/bin'],
      false,
    ],
    ['/usr/bin/python3 without a PATH (the default)', ['/usr/bin/python3'], [], false],
    ['no entry python', ['/entrypoint.sh'], ['PATH=/usr/bin'], false],
  ])('%s', (_what, entrypoint, env, warns) => {
    expect(entryPythonOffPath({ entrypoint, cmd: null, env }) !== undefined).toBe(warns);
  });
});

const UV = { entrypoint: ['/app/.venv/bin/python'], env: ['PATH=/usr/local/bin:/usr/bin:/bin'] };

async function capture(details: Partial<ImageDetails>) {
  const record = makeRecord();
  const { image: _i, schemaVersion: _v, ...probed } = record;
  const run: ContainerRunResult = {
    containerId: 'c',
    exitCode: 0,
    timedOut: false,
    stdout: JSON.stringify({ ...probed, python: { ...probed.python, executable: '/usr/bin/python3' } }),
    stderr: '',
    durationMs: 1,
  };
  const docker = fakeDocker({
    inspectImage: async () => imageDetails(details),
    runContainer: async () => run,
  });
  return captureImage({ image: 'uv-app:1', imagesDir: path.join(REPO_ROOT, 'images') }, { docker });
}

describe('captureImage: the record says when the image runs another Python', () => {
  it("an ENTRYPOINT of a venv's python off PATH: an errors entry under python", async () => {
    const record = await capture(UV);
    expect(record.errors).toContainEqual({
      field: 'python',
      error: expect.stringContaining('the image runs /app/.venv/bin/python (its ENTRYPOINT)'),
    });
    expect(entryPythonProblem(record)).toMatch(/ENV PATH=\/app\/\.venv\/bin:\$PATH/);
  });

  it('an image that runs python3 on PATH: no entry', async () => {
    const record = await capture({ entrypoint: null, cmd: ['python3'] });
    expect(record.errors.filter((e) => e.field === 'python')).toEqual([]);
    expect(entryPythonProblem(record)).toBeUndefined();
  });
});

describe('runSmoke: one warning before the suites', () => {
  const smoke = async (details: Partial<ImageDetails>, checked?: boolean) => {
    const lines: string[] = [];
    const docker = fakeDocker({ inspectImage: async () => imageDetails(details) });
    await runSmoke(
      {
        image: 'uv-app:1',
        suites: [],
        gpus: 'none',
        requireGpu: false,
        distributions: [],
        tests: [],
        timeoutMs: 1000,
        imagesDir: path.join(REPO_ROOT, 'images'),
        ...(checked !== undefined && { entryPythonChecked: checked }),
      },
      { docker, progress: (l) => lines.push(l) },
    );
    return lines.filter((l) => l.includes('/app/.venv/bin/python'));
  };

  it("a venv's python off PATH is named once", async () => {
    expect(await smoke(UV)).toEqual([
      expect.stringMatching(/^smoke warning: the image runs \/app\/\.venv\/bin\/python/),
    ]);
  });

  it('not again when the smoke stage warned from the record, nor for a plain image', async () => {
    expect(await smoke(UV, true)).toEqual([]);
    expect(await smoke({ env: ['PATH=/app/.venv/bin:/usr/bin'], entrypoint: UV.entrypoint })).toEqual([]);
  });
});
