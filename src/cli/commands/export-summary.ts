// What `ml-image export` prints when it has written a job: the --json summary and the human lines
// (files, image, what runs where, how to submit and collect, and notes).
import type { SmokeSuite } from '../../config/schema.js';
import { type ExportSpec, pinnedImage, pyxisImage } from '../../export/common.js';

export interface Written {
  files: string[];
  submit: string;
  results: string;
}

/** The node label of a node's architecture (amd64, arm64), as the kubelet sets it. */
export const ARCH_LABEL = 'kubernetes.io/arch';

/** What --json prints: the target, the image, what runs, the files and how to submit and collect. */
export interface ExportSummary extends Written {
  target: 'slurm' | 'k8s';
  image: string;
  containerImage?: string;
  variant?: string;
  /** The platforms the image was built for, when build.json says (--from). */
  platforms?: string[];
  /** Kubernetes: the node selector the Job got (the flag's, with the image's architecture). */
  nodeSelector?: Record<string, string>;
  nodes: number;
  gpusPerNode: number | 'all';
  suites: SmokeSuite[];
}

export function exportSummary(
  source: { image: string; variant?: string | undefined; platforms?: string[] | undefined },
  spec: ExportSpec,
  slurm: boolean,
  written: Written,
): ExportSummary {
  const ref = pinnedImage(source.image);
  return {
    target: slurm ? 'slurm' : 'k8s',
    image: ref.ref,
    ...(slurm && { containerImage: pyxisImage(ref) }),
    ...(source.variant !== undefined && { variant: source.variant }),
    ...(source.platforms !== undefined && { platforms: source.platforms }),
    nodes: spec.nodes,
    gpusPerNode: spec.gpusPerNode,
    suites: [...new Set(spec.suites)],
    ...written,
  };
}

/** The human summary: files, image, what runs where, how to submit and collect, and notes. */
export function summaryLines(summary: ExportSummary): string[] {
  const { suites } = summary;
  const lines = [
    ...summary.files.map((f) => `wrote ${f}`),
    `image:   ${summary.containerImage ?? summary.image}`,
    `runs:    ${suites.join(', ')} on ${summary.nodes} ${summary.target === 'slurm' ? 'node' : 'pod'}(s) x ${summary.gpusPerNode === 'all' ? 'every GPU' : `${summary.gpusPerNode} GPU(s)`}`,
    `submit:  ${summary.submit}`,
    `results: ${summary.results}`,
  ];
  if (summary.gpusPerNode === 0 && suites.some((s) => s === 'gpu' || s === 'compute' || s === 'ddp'))
    lines.push('note:    no GPUs requested: gpu skips, compute and ddp run on CPU (pass --gpus-per-node N)');
  if (summary.gpusPerNode === 'all')
    lines.push(
      'note:    whole nodes (--exclusive), ddp over every GPU a node shows; where GPUs are given only on request, pass --gpus-per-node N',
    );
  if (summary.gpusPerNode === 1 && suites.includes('ddp'))
    lines.push(
      'note:    ddp runs over 1 GPU per node: pass --gpus-per-node N (the GPUs of a node) for an all-reduce across them',
    );
  if (suites.includes('custom'))
    lines.push('note:    custom tests are not exported; run them with ml-image smoke');
  if (summary.platforms?.length === 1) {
    const [platform] = summary.platforms;
    lines.push(
      summary.target === 'slurm'
        ? `note:    the image is built for ${platform} only: submit it to nodes of that architecture (--partition)`
        : `note:    the image is built for ${platform} only: the Job asks for ${ARCH_LABEL}=${summary.nodeSelector?.[ARCH_LABEL]} nodes`,
    );
  }
  return lines;
}
