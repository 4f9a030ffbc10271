// runPipeline over the ml-image.yml of a project folder as a local run with a fake engine: nothing
// pushed or merged, no GPUs, no report, the build's commit time from SOURCE_DATE_EPOCH (no git).
import path from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import type { DockerAdapter } from '../../src/docker/adapter.js';
import { runPipeline } from '../../src/pipeline/pipeline.js';
import type { Stage } from '../../src/pipeline/stages.js';
import { openResultDir } from '../../src/results/results.js';
import { imagesDir } from './smoke-input.js';

/** The STAGES of DIR's ml-image.yml on DOCKER; the results go to DIR/out, the cache to DIR/cache. */
export function runLocalPipeline(dir: string, stages: readonly Stage[], docker: DockerAdapter) {
  return runPipeline(
    {
      loaded: loadConfig({ cwd: dir, file: path.join(dir, 'ml-image.yml') }),
      stages: new Set(stages),
      results: openResultDir(path.join(dir, 'out')),
      push: false,
      merge: false,
      gpus: 'none',
      imagesDir,
      git: {},
      cacheDir: path.join(dir, 'cache'),
      report: {
        mode: 'off',
        baseline: { describe: () => 'none', restore: async () => undefined, save: async () => undefined },
        baseBranch: 'main',
        saveAs: { branch: 'main', sha: 'x' },
      },
    },
    {
      docker: () => docker,
      env: { SOURCE_DATE_EPOCH: '0' },
      progress: () => undefined,
      error: () => undefined,
      warning: () => undefined,
    },
  );
}
