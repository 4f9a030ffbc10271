// The smoke run of custom tests that the runSmoke unit tests start with fakes: the tests as the
// config declares them, the input of a CPU run of the custom suite, and a container's result.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateConfigData } from '../../src/config/load.js';
import type { ContainerRunResult } from '../../src/docker/adapter.js';
import type { SmokeInput } from '../../src/smoke/run.js';

/** The repository's images/ folder (the suites' scripts). */
export const imagesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../images');

/** The custom tests of a config whose smoke.tests is TESTS, validated as ml-image.yml is. */
export const customTests = (tests: unknown[]) =>
  validateConfigData({ image: { name: 'o/m' }, smoke: { tests } }, 'ml-image.yml').smoke.tests;

/** The input of a CPU run of the custom suite over TESTS, OVER replacing any of it. */
export function customSmokeInput(tests: SmokeInput['tests'], over: Partial<SmokeInput> = {}): SmokeInput {
  return {
    image: 'localhost:5000/o/m:1-cpu',
    suites: ['custom'],
    gpus: 'none',
    requireGpu: false,
    distributions: [],
    tests,
    timeoutMs: 60_000,
    imagesDir,
    ...over,
  };
}

/** What runContainer answers for a container that exited (0 unless OVER says otherwise) in 1 ms. */
export const containerResult = (over: Partial<ContainerRunResult> = {}): ContainerRunResult => ({
  containerId: 'c',
  exitCode: 0,
  timedOut: false,
  stdout: '',
  stderr: '',
  durationMs: 1,
  ...over,
});
