// A Dockerfile at the build context's root that no variant builds (neither build.dockerfile nor a
// template set): a docker/build-push-action user's file defaults to <context>/Dockerfile, and the
// template's image was built and pushed under their tags without a word (finding). The plan warns,
// naming both ways to say which is meant; a config that says either is not warned.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { captureIo, fakeDocker, NOT_A_REPOSITORY } from '../helpers/fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-unbuilt-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function plan(config: string, dockerfileAt: string | undefined) {
  writeFileSync(path.join(dir, 'ml-image.yml'), config);
  mkdirSync(path.join(dir, 'app'), { recursive: true });
  if (dockerfileAt !== undefined) writeFileSync(path.join(dir, dockerfileAt), 'FROM busybox\n');
  const io = {
    ...captureIo(dir, fakeDocker(), { ML_IMAGE_CACHE_DIR: path.join(dir, '.cache') }),
    git: NOT_A_REPOSITORY,
  };
  const code = await runCli(['plan', '--json'], io);
  const out = JSON.parse(io.out()) as { warnings: string[] };
  return { code, warnings: out.warnings.filter((w) => w.includes('no variant builds it')) };
}

const IMAGE = 'image: {name: a/b}\nvariants: [cpu]\nplatforms: [linux/amd64]\n';

describe("a Dockerfile in the build context that no variant builds: the plan's warning", () => {
  it.each([
    ['the context is the config directory', IMAGE, 'Dockerfile', 'build.dockerfile: Dockerfile'],
    [
      'build.context: app',
      `${IMAGE}build:\n  context: app\n`,
      'app/Dockerfile',
      'build.dockerfile: app/Dockerfile',
    ],
  ])('%s: warned, naming build.dockerfile and build.template', async (_what, config, at, named) => {
    const r = await plan(config, at);
    expect(r.code).toBe(0);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain(
      `${path.join(dir, at)} is in the build context, and no variant builds it`,
    );
    expect(r.warnings[0]).toContain(named);
    expect(r.warnings[0]).toContain('build.template');
  });

  it.each([
    ['build.template set', `${IMAGE}build:\n  template: cpu\n`, 'Dockerfile'],
    [
      "a variant's template set",
      'image: {name: a/b}\nvariants: [{name: cpu, template: cpu}]\n',
      'Dockerfile',
    ],
    ['build.dockerfile set', `${IMAGE}build:\n  dockerfile: Dockerfile\n`, 'Dockerfile'],
    ['no Dockerfile in the context', `${IMAGE}build:\n  context: app\n`, 'Dockerfile'],
    ['none at all', IMAGE, undefined],
  ])('%s: no warning', async (_what, config, at) => {
    const r = await plan(config, at);
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual([]);
  });
});

// build.dockerfile beside variants that each set a template: every variant built its template and
// the named Dockerfile was built by none, without a word.
describe("build.dockerfile that no variant builds (each sets a template): the plan's warning", () => {
  const run = async (config: string) => {
    writeFileSync(path.join(dir, 'ml-image.yml'), config);
    writeFileSync(path.join(dir, 'Own.Dockerfile'), 'FROM busybox\n');
    const io = {
      ...captureIo(dir, fakeDocker(), { ML_IMAGE_CACHE_DIR: path.join(dir, '.cache') }),
      git: NOT_A_REPOSITORY,
    };
    const code = await runCli(['plan', '--json'], io);
    const out = JSON.parse(io.out()) as { warnings: string[] };
    return { code, warnings: out.warnings.filter((w) => w.includes('is built by no variant')) };
  };

  it('every variant with a template: warned at the line of build.dockerfile, naming the templates', async () => {
    const r = await run(
      'image: {name: a/b}\nplatforms: [linux/amd64]\nbuild:\n  dockerfile: Own.Dockerfile\nvariants:\n  - {name: cpu, template: cpu}\n  - {name: cu, cuda: "12.8", template: cuda}\n',
    );
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual([
      "line 4: build.dockerfile: Own.Dockerfile is built by no variant: each sets a template of its own (cpu: cpu, cu: cuda), which it builds instead. Remove build.dockerfile (the action's dockerfile input), or the template of the variants that should build it",
    ]);
  });

  it.each([
    [
      'one variant without a template builds it',
      'variants:\n  - {name: cpu, template: cpu}\n  - {name: mine, cuda: "12.8"}\n',
    ],
    ['no variant sets a template', 'variants: [cpu]\n'],
  ])('%s: no warning', async (_what, variants) => {
    const r = await run(
      `image: {name: a/b}\nplatforms: [linux/amd64]\nbuild:\n  dockerfile: Own.Dockerfile\n${variants}`,
    );
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual([]);
  });
});
