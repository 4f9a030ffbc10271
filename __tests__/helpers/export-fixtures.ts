// What the export tests share (unit: the jobs as text and objects; integration: the scripts run by
// real shells): one image by digest, every suite, shell-hostile words and the option builders.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SmokeSuite } from '../../src/config/schema.js';
import type { ExportSpec } from '../../src/export/common.js';
import type { K8sOptions } from '../../src/export/k8s.js';
import type { SlurmOptions } from '../../src/export/slurm.js';

// Manifests are walked by path in the assertions; a loose type keeps that readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export const D = `sha256:${'ab'.repeat(32)}`;
export const IMAGE = `ghcr.io/acme/train:v1@${D}`;
export const ALL: SmokeSuite[] = ['imports', 'pip-check', 'gpu', 'compute', 'train', 'ddp', 'custom'];
export const SMOKE_PY = readFileSync(
  fileURLToPath(new URL('../../images/probe/ml_image_smoke.py', import.meta.url)),
  'utf8',
);
// Words a shell must not interpret: quotes, substitutions, separators, globs, a newline.
export const HOSTILE = [
  `it's`,
  '$(touch PWNED)',
  '`touch PWNED`',
  '"; touch PWNED; "',
  'a b',
  '*',
  'x\ny',
  '--flag',
];

/** job.json's tests of these ids, in this order (compute-cpu and compute-gpu are the compute suite's). */
export const testsOf = (...ids: string[]) => ids.map((id) => ({ id, suite: id.replace(/-[cg]pu$/, '') }));

export const spec = (over: Partial<ExportSpec> = {}): ExportSpec => ({
  image: IMAGE,
  suites: ALL,
  nodes: 1,
  gpusPerNode: 0,
  timeoutSeconds: 600,
  distributions: ['numpy'],
  ...over,
});
export const EXPORTS = '/shared/exports/smoke';
export const slurm = (over: Partial<SlurmOptions> = {}): SlurmOptions => ({
  ...spec(),
  exportDir: EXPORTS,
  ...over,
});
export const k8s = (over: Partial<K8sOptions> = {}): K8sOptions => ({
  ...spec(),
  smokeScript: SMOKE_PY,
  ...over,
});
