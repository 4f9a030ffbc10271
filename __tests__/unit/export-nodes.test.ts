// ml-image export --nodes N > 1: several nodes (Slurm) or pods (Kubernetes) are for the ddp suite
// alone, every other suite runs once on the first. Without ddp among the suites the other N-1 would
// be allocated, GPUs and all, for nothing: refused (exit 2) on both targets, naming --nodes, the
// suites and both ways out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SmokeSuite } from '../../src/config/schema.js';
import { runCli } from '../../src/cli/main.js';
import { k8sManifests } from '../../src/export/k8s.js';
import { slurmScript } from '../../src/export/slurm.js';
import { captureIo } from '../helpers/fakes.js';
import { IMAGE, k8s, slurm } from '../helpers/export-fixtures.js';
import { inputErrorOf } from '../helpers/errors.js';

const FIX =
  'add ddp to --suites (or to smoke.suites) for an all-reduce across the nodes, or drop --nodes (one node runs the other suites)';

const targets = {
  slurm: (nodes: number, suites: SmokeSuite[]) => () => slurmScript(slurm({ nodes, suites, gpusPerNode: 8 })),
  k8s: (nodes: number, suites: SmokeSuite[]) => () => k8sManifests(k8s({ nodes, suites, gpusPerNode: 8 })),
};

describe('--nodes > 1 without the ddp suite', () => {
  it.each<[keyof typeof targets, number, SmokeSuite[], string]>([
    ['slurm', 2, ['train'], '(train)'],
    ['k8s', 2, ['train'], '(train)'],
    ['slurm', 4, ['imports', 'gpu', 'compute'], '(imports, gpu, compute)'],
    ['k8s', 4, ['imports', 'gpu', 'compute'], '(imports, gpu, compute)'],
    [
      'k8s',
      3,
      ['imports', 'pip-check', 'gpu', 'compute', 'train', 'custom'],
      '(imports, pip-check, gpu, compute, train, custom)',
    ],
    ['slurm', 2, ['gpu', 'gpu'], '(gpu)'],
  ])(
    '%s, %i nodes, %j: refused (exit 2) naming --nodes, the suites and the fix',
    (target, nodes, suites, named) => {
      const e = inputErrorOf(targets[target](nodes, suites));
      expect(e.exitCode).toBe(2);
      expect(e.message).toMatch(new RegExp(`^--nodes ${nodes}: only the ddp suite runs across nodes`));
      expect(e.message).toContain(`the suites to run ${named} have no ddp`);
      expect(e.message).toContain(`${nodes - 1} of the ${nodes} nodes (pods) would be allocated`);
      expect(e.fix).toBe(FIX);
    },
  );

  // The line is ddp among the suites, or one node: each row also refuses its suites on more nodes
  // without ddp.
  it.each<[keyof typeof targets, number, SmokeSuite[]]>([
    ['slurm', 1, ['train']],
    ['k8s', 1, ['imports', 'gpu']],
    ['slurm', 2, ['ddp', 'gpu']],
    ['k8s', 2, ['compute', 'ddp']],
    ['slurm', 4, ['imports', 'ddp', 'train']],
    ['k8s', 4, ['imports', 'ddp', 'train']],
  ])('%s, %i node(s), %j: written; without ddp on 2+ nodes: refused', (target, nodes, suites) => {
    expect(targets[target](nodes, suites)).not.toThrow();
    const withoutDdp = suites.filter((s) => s !== 'ddp');
    const refused = inputErrorOf(targets[target](Math.max(2, nodes), withoutDdp));
    expect(refused.message).toMatch(/^--nodes \d+: only the ddp suite runs across nodes/);
  });
});

describe('ml-image export --nodes 2 --suites without ddp', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-export-nodes-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([['--slurm'], ['--k8s']])(
    '%s exits 2 under the command name, in text and in --json',
    async (target) => {
      const argv = [
        'export',
        target,
        '--image',
        IMAGE,
        '--suites',
        'imports,train',
        '--nodes',
        '2',
        '--out',
        dir,
      ];
      const io = captureIo(dir);
      expect(await runCli(argv, io)).toBe(2);
      expect(io.err()).toContain(
        'error: export: --nodes 2: only the ddp suite runs across nodes, and the suites to run (imports, train) have no ddp',
      );
      expect(io.err()).toContain(FIX);
      const json = captureIo(dir);
      expect(await runCli([...argv, '--json'], json)).toBe(2);
      const { error } = JSON.parse(json.out()) as { error: { message: string; fix?: string } };
      expect(error.message).toMatch(/^export: --nodes 2: only the ddp suite runs across nodes/);
      expect(JSON.stringify(error)).toContain(FIX);
    },
  );
});
