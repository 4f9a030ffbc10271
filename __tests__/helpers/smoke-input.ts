// The smoke run of custom tests that the runSmoke unit tests start with fakes: the tests as the
// config declares them, and the input of a CPU run of the custom suite.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateConfigData } from '../../src/config/load.js';
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
