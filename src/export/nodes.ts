// What several nodes (Slurm) or pods (Kubernetes) are for in an export: the ddp suite alone. Pure.
import type { SmokeSuite } from '../config/schema.js';
import { InputError } from '../errors.js';

/**
 * Several nodes (pods) are for the ddp suite alone: every other suite runs once, on the first node
 * (pod 0). Without ddp the other nodes would be allocated, GPUs and all, to run nothing (on
 * Kubernetes each pod first waits for a GPU node of its own). Refused (exit 2) with both ways out,
 * not quietly shrunk to one node: the suites asked for (often the config's smoke.suites) may leave
 * ddp out by mistake, and a job of another size than was asked for would hide it.
 */
export function checkNodesForDdp(s: { nodes: number; suites: readonly SmokeSuite[] }): void {
  if (s.nodes <= 1 || s.suites.includes('ddp')) return;
  throw new InputError(
    `--nodes ${s.nodes}: only the ddp suite runs across nodes, and the suites to run (${[...new Set(s.suites)].join(', ')}) have no ddp: ` +
      `the others run on the first node (pod 0), so ${s.nodes - 1} of the ${s.nodes} nodes (pods) would be allocated, their GPUs with them, to run nothing`,
    'add ddp to --suites (or to smoke.suites) for an all-reduce across the nodes, or drop --nodes (one node runs the other suites)',
  );
}
