// A flag that takes a directory of results (devcontainer --from, export --from, collect --slurm)
// given the file it looks for there (build.json, job.json) instead: exit 2 saying the path is a
// file and naming the directory that holds it, not "no build.json in .../build.json" with a fix to
// write one.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { captureIo } from '../helpers/fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-dir-as-file-'));
  mkdirSync(path.join(dir, 'res'));
  writeFileSync(path.join(dir, 'res', 'build.json'), '{}');
  mkdirSync(path.join(dir, 'job'));
  writeFileSync(path.join(dir, 'job', 'job.json'), '{}');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a results directory given as the file it holds', () => {
  it.each([
    [
      'devcontainer --from DIR/build.json',
      ['devcontainer', '--from', 'res/build.json', '--out', 'dc.json'],
      'devcontainer: --from res/build.json: ',
      'res/build.json',
      'a result directory',
      'build.json',
    ],
    [
      'export --from DIR/build.json',
      ['export', '--slurm', '--from', 'res/build.json', '--out', 'exported'],
      'export: --from res/build.json: ',
      'res/build.json',
      'a result directory',
      'build.json',
    ],
    [
      'collect --slurm DIR/job.json',
      ['collect', '--slurm', 'job/job.json', '--out', 'res'],
      'collect: --slurm job/job.json: ',
      'job/job.json',
      "the job's results directory",
      'job.json',
    ],
  ])('%s: exit 2, the path is a file, its directory named', async (_what, argv, prefix, given, not, name) => {
    const io = captureIo(dir);
    expect(await runCli([...argv, '--json'], io)).toBe(2);
    const { error } = JSON.parse(io.out()) as { error: { message: string; fix?: string } };
    const file = path.join(dir, given);
    expect(error.message).toBe(`${prefix}${file} is a file, not ${not}`);
    expect(error.fix).toBe(`name the directory that holds ${name} (${path.dirname(file)}), not the file`);
  });

  it('a directory without build.json is still said to lack it, with where one comes from', async () => {
    const io = captureIo(dir);
    expect(await runCli(['devcontainer', '--from', 'job', '--out', 'dc.json', '--json'], io)).toBe(2);
    const { error } = JSON.parse(io.out()) as { error: { message: string; fix?: string } };
    expect(error.message).toBe(`devcontainer: --from job: no build.json in ${path.join(dir, 'job')}`);
    expect(error.fix).toMatch(/^write it with "ml-image build --out DIR"/);
  });
});
