// The root action. Inputs are parsed once, here at the edge; stages receive a typed Config.
// Stages today: config -> plan -> resolve -> build (push by digest, merge). Capture, smoke and
// report (CLI today) plug in after the build.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import { findImagesDir, runBuildStage } from '../build/run.js';
import { overridesFromInputs, parseInputValue } from '../config/inputs.js';
import { loadConfig } from '../config/load.js';
import type { DockerAdapter } from '../docker/adapter.js';
import { createDefaultDockerAdapter } from '../docker/engine.js';
import { checkRegistry } from '../docker/registry.js';
import { ConfigError, describeError, MlImageError } from '../errors.js';
import { bundledCatalog } from '../plan/catalog.js';
import { gitContextFromGitHubEnv } from '../plan/git-context.js';
import { planBuild } from '../plan/plan.js';
import { defaultCacheDir, fileSnapshotCache } from '../resolve/snapshot-cache.js';
import { runResolveStage } from '../resolve/stage.js';

export interface ActionIo {
  getInput: (name: string) => string;
  setOutput: (name: string, value: string) => void;
  setFailed: (message: string) => void;
  error: (message: string, props?: { title?: string; file?: string }) => void;
  warning: (message: string, props?: { title?: string }) => void;
  info: (message: string) => void;
  group: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  docker: () => DockerAdapter;
}

export function coreIo(): ActionIo {
  let docker: DockerAdapter | undefined;
  return {
    getInput: (n) => core.getInput(n),
    setOutput: (n, v) => core.setOutput(n, v),
    setFailed: (m) => core.setFailed(m),
    error: (m, p) => core.error(m, p),
    warning: (m, p) => core.warning(m, p),
    info: (m) => core.info(m),
    group: (n, fn) => core.group(n, fn),
    cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
    env: process.env,
    docker: () => (docker ??= createDefaultDockerAdapter()),
  };
}

export async function run(io: ActionIo = coreIo()): Promise<void> {
  try {
    const configInput = io.getInput('config').trim();
    const loaded = loadConfig({
      cwd: io.cwd,
      // The default "ml-image.yml" may be absent when inputs carry the whole config.
      ...(configInput !== '' && configInput !== 'ml-image.yml' && { file: configInput }),
      overrides: overridesFromInputs(io.getInput),
    });
    const { config } = loaded;
    io.info(
      `config ${loaded.file ?? '(from inputs)'}: ${config.variants.map((v) => v.name).join(', ')} x ${config.platforms.join(', ')}`,
    );
    io.setOutput('config', JSON.stringify(config));
    io.setOutput('variants', JSON.stringify(config.variants.map((v) => v.name)));
    io.setOutput('platforms', JSON.stringify(config.platforms));

    const plan = planBuild(config, {
      catalog: bundledCatalog(),
      git: gitContextFromGitHubEnv(io.env) ?? {},
      now: new Date(),
    });
    for (const w of plan.warnings) io.warning(w, { title: 'ml-image plan' });
    for (const v of plan.variants) io.info(`plan ${v.name}: ${v.base.ref} (${v.base.reason})`);
    io.setOutput('plan', JSON.stringify(plan));
    io.setOutput('matrix', JSON.stringify(plan.matrix));

    const resultDir = path.resolve(io.cwd, io.getInput('result-dir').trim() || 'ml-image-results');
    mkdirSync(resultDir, { recursive: true });
    writeFileSync(path.join(resultDir, 'plan.json'), `${JSON.stringify(plan, null, 2)}\n`);
    io.setOutput('result-dir', resultDir);

    const build = io.getInput('build').trim();
    if (build !== '' && !parseInputValue({ input: 'build', path: [], kind: 'boolean' }, build)) {
      io.info('build: false, stopping after the plan');
      return;
    }
    const docker = io.docker();
    await checkRegistry(config.image.registry);
    const t0 = Date.now();
    const progress = (line: string) => io.info(`[${((Date.now() - t0) / 1000).toFixed(0)}s] ${line}`);
    const resolved = await io.group('resolve', () =>
      runResolveStage(plan, config, loaded.baseDir, {
        docker,
        progress,
        cache: fileSnapshotCache(defaultCacheDir(io.env)),
      }),
    );
    for (const [key, r] of Object.entries(resolved)) {
      writeFileSync(
        path.join(resultDir, `resolution-${key.replace(/\//g, '-')}.json`),
        `${JSON.stringify(r.resolution, null, 2)}\n`,
      );
      for (const h of r.resolution.hazards)
        io.warning(`${h.message}. Fix: ${h.fix}`, { title: `ml-image resolve (${key})` });
    }
    const result = await runBuildStage(
      {
        plan,
        config,
        baseDir: loaded.baseDir,
        imagesDir: findImagesDir(path.dirname(fileURLToPath(import.meta.url))),
        push: true,
        resolved,
      },
      {
        docker,
        env: io.env,
        progress,
        output: (line) => io.info(line),
        group: io.group,
      },
    );
    writeFileSync(path.join(resultDir, 'build.json'), `${JSON.stringify(result, null, 2)}\n`);
    io.setOutput(
      'digests',
      JSON.stringify(Object.fromEntries(result.variants.map((v) => [v.variant, v.digest]))),
    );
    io.setOutput('tags', JSON.stringify(Object.fromEntries(result.variants.map((v) => [v.variant, v.tags]))));
  } catch (err) {
    if (err instanceof ConfigError) {
      // One annotation per problem, on the config file when there is one.
      for (const p of err.problems) {
        io.error(p, {
          title: 'ml-image config',
          ...(err.source !== 'inputs' && err.source !== 'plan' && { file: err.source }),
        });
      }
    }
    io.setFailed(
      err instanceof MlImageError
        ? describeError(err, false).replace(/^error: /, '')
        : describeError(err, true),
    );
  }
}
