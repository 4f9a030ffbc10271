// Resolve on real pip: the user's own -c line on a project pip names only as one side of the
// conflict ("bar 2.0.0 depends on foo>=1.0"; pip does not print the user's `bar==2.0.0`) is named,
// file and line, in the first option. The base image holds foo 0.9.0 and baz 1.0.0 (baz needs
// foo<1); bar 2.0.0 needs foo>=1.0, bar 2.1.0 foo>=0.5 (it fits).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { DockerAdapter } from '../../src/docker/adapter.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import type { Resolution } from '../../src/resolve/result.js';
import { captureIo } from '../helpers/fakes.js';
import { startWheelIndex, type WheelIndex } from '../helpers/wheel-index.js';

const env = inject('dockerEnv');

describe.skipIf(!env.available)("the user's -c pin on a project pip names as depending on another", () => {
  const images = env.images!;
  const base = `${images.registry}/ml-image-test/own-constraint-base:amd64`;
  let docker: DockerAdapter;
  let index: WheelIndex;
  let dir: string;

  beforeAll(async () => {
    docker = createDefaultDockerAdapter();
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-own-cons-it-'));
    index = await startWheelIndex([
      { name: 'foo', version: '0.9.0' },
      { name: 'foo', version: '1.0.0' },
      { name: 'baz', version: '1.0.0', requires: ['foo<1'] },
      { name: 'bar', version: '2.0.0', requires: ['foo>=1.0'] },
      { name: 'bar', version: '2.1.0', requires: ['foo>=0.5'] },
    ]);
    writeFileSync(
      path.join(dir, 'Dockerfile'),
      `ARG BASE\nFROM \${BASE}\nARG INDEX\nRUN pip install --no-cache-dir --index-url "$INDEX" foo==0.9.0 baz==1.0.0\n`,
    );
    const r = await docker.buildx([
      'build',
      '--platform',
      'linux/amd64',
      '--network',
      'host',
      '--provenance=false',
      '--build-arg',
      `BASE=${images.pythonAmd64}`,
      '--build-arg',
      `INDEX=${index.url}`,
      '-t',
      base,
      '--push',
      dir,
    ]);
    expect(r.exitCode, r.stderr).toBe(0);
  });
  afterAll(async () => {
    await index?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['bar, held by rc-cons.txt:2 alone', 'bar', 'bar==2.0.0'],
    [
      'bar==2.0.0 in the requirements too (relaxed, still held by the constraint)',
      'bar==2.0.0',
      'bar==2.0.0',
    ],
    // The marker holds in the image (pip took the line): judged in pip's marker environment.
    ['bar, held by a line whose marker holds', 'bar', 'bar==2.0.0; python_version >= "3.8"'],
  ])('%s: exit 1, the first option names rc-cons.txt:2', async (_, requirement, line) => {
    writeFileSync(path.join(dir, 'rc-cons.txt'), `# team pins\n${line}\n`);
    const req = path.join(dir, 'rc.txt');
    writeFileSync(req, `-c rc-cons.txt\n${requirement}\n`);
    const out = path.join(dir, `out-${Math.random().toString(36).slice(2)}`);
    const io = captureIo(dir, docker, { ML_IMAGE_CACHE_DIR: `${dir}/.ml-image-cache` });
    const argv = ['resolve', '--image', base, '--platform', 'linux/amd64', '--requirements', req];
    const code = await runCli([...argv, '--index-url', index.url, '--out', out], io);
    expect(code, io.err()).toBe(1);
    const res = JSON.parse(readFileSync(path.join(out, 'resolution.json'), 'utf8')) as Resolution;
    expect(res.conflict!.causes).toContain('bar 2.0.0 depends on foo>=1.0');
    expect(res.conflict!.options[0]).toBe(
      `loosen or drop your constraint "${line}" (${path.join(dir, 'rc-cons.txt')}:2): it pins bar 2.0.0, which depends on foo>=1.0; the requirements' own -c files are held as firmly as the base image's packages`,
    );
    // The requirement bar==2.0.0 is not loosened for a dry run that would fail again: the
    // constraint holds bar at 2.0.0 whatever the requirement says.
    expect(io.err()).not.toMatch(/relaxing bar==2\.0\.0 ->/);
    if (requirement === 'bar==2.0.0')
      expect(io.err()).toContain(
        `not relaxing "bar==2.0.0": your constraint "bar==2.0.0" (${path.join(dir, 'rc-cons.txt')}:2) holds it at that version`,
      );
  });
});
