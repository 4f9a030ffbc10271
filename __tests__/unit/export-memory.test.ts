// --memory: the memory per node of an exported job. Without it the cluster's default holds (a
// namespace's LimitRange, which /dev/shm counts against, or Slurm's DefMemPerCPU x the CPUs), which
// an 8-rank ddp run may outgrow (an audit finding: neither job set any memory).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportCommand } from '../../src/cli/commands/export.js';
import { InputError } from '../../src/errors.js';
import { k8sManifests } from '../../src/export/k8s.js';
import { slurmScript } from '../../src/export/slurm.js';
import { IMAGE, k8s, type Loose, slurm } from '../helpers/export-fixtures.js';
import { k8sIssues } from '../helpers/k8s-schema.js';
import { captureIo } from '../helpers/fakes.js';

const resourcesOf = (objects: Record<string, unknown>[]) =>
  (objects.find((o) => o.kind === 'Job') as Loose).spec.template.spec.containers[0].resources;

describe('--memory in each job', () => {
  it.each([
    // [memory, GPUs, the container's resources, sbatch's line]
    [undefined, 8, { requests: { cpu: '8' }, limits: { 'nvidia.com/gpu': '8' } }, undefined],
    [
      '64Gi',
      8,
      { requests: { cpu: '8', memory: '64Gi' }, limits: { memory: '64Gi', 'nvidia.com/gpu': '8' } },
      '#SBATCH --mem=64G',
    ],
    ['64G', 0, { requests: { cpu: '8', memory: '64Gi' }, limits: { memory: '64Gi' } }, '#SBATCH --mem=64G'],
    [
      '512Mi',
      1,
      { requests: { cpu: '8', memory: '512Mi' }, limits: { memory: '512Mi', 'nvidia.com/gpu': '1' } },
      '#SBATCH --mem=512M',
    ],
  ] as const)('%s with %d GPUs', (memory, gpusPerNode, resources, sbatch) => {
    const over = { gpusPerNode, ...(memory !== undefined && { memory }) };
    const objects = k8sManifests(k8s(over));
    for (const o of objects) expect(k8sIssues(o)).toEqual([]);
    expect(resourcesOf(objects)).toEqual(resources);
    const script = slurmScript(slurm(over));
    const lines = script.split('\n').filter((l) => l.startsWith('#SBATCH --mem'));
    expect(lines).toEqual(sbatch === undefined ? [] : [sbatch]);
  });

  it.each(['64', '64GB', '0Gi', '1.5Gi', '64gi', '64Ki', '-1Gi', '64Gi '])(
    '%j is exit 2 naming --memory, in both targets',
    (memory) => {
      for (const make of [() => k8sManifests(k8s({ memory })), () => slurmScript(slurm({ memory }))]) {
        let e: unknown;
        try {
          make();
        } catch (err) {
          e = err;
        }
        expect(e).toBeInstanceOf(InputError);
        expect((e as InputError).message).toMatch(/^--memory: expected a size per node like 64Gi/);
      }
    },
  );
});

describe('ml-image export --memory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'export-memory-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...argv: string[]) => exportCommand.run(argv, captureIo(dir));

  it('reaches the pod and the sbatch script', async () => {
    const common = ['--image', IMAGE, '--gpus-per-node', '8', '--memory', '96Gi'];
    expect(await run('--k8s', ...common, '--out', 'k')).toBe(0);
    const objects = parseAllDocuments(readFileSync(path.join(dir, 'k', 'job.yaml'), 'utf8')).map(
      (d) => d.toJS() as Record<string, unknown>,
    );
    expect(resourcesOf(objects).limits.memory).toBe('96Gi');
    expect(await run('--slurm', ...common, '--out', 's')).toBe(0);
    expect(readFileSync(path.join(dir, 's', 'job.sbatch'), 'utf8')).toContain('#SBATCH --mem=96G\n');
  });
});
