// What `ml-image export` prints when it has written a job: the --json summary and the human lines
// (files, image, what runs where, how to submit and collect, and notes); and the job files in --out
// DIR: which are an export's, and their removal when an export stops without writing its own.
import { unlinkSync } from 'node:fs';
import path from 'node:path';
import type { SmokeSuite } from '../../config/schema.js';
import {
  EXPORT_MARKER,
  type ExportSpec,
  pinnedImage,
  pyxisImage,
  SMOKE_SCRIPT_MARKER,
} from '../../export/common.js';
import { archOf } from '../../config/platform.js';
import { ARCH_LABEL, K8S_JOB_FILE } from '../../export/k8s.js';
import { SLURM_JOB_FILE, SMOKE_SCRIPT_FILE } from '../../export/slurm.js';
import { MAX_JSON_INPUT_BYTES, readRegularFile, statOrAbsent } from '../../util/read-regular.js';
import type { ForeignFileCheck } from '../output.js';

export interface Written {
  files: string[];
  submit: string;
  results: string;
  /** The `ml-image collect` line that takes the job's results into the build's result directory. */
  collect: string;
}

/** What --json prints: the target, the image, what runs, the files and how to submit and collect. */
interface ExportSummary extends Written {
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
  /** The variant's NVIDIA driver floor (DIR/plan.json): the gpu suite fails on a node below it (but under cuda-compat). */
  driverFloor?: string;
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
    ...(spec.driverFloor && { driverFloor: spec.driverFloor }),
    ...written,
  };
}

/**
 * The human summary: files, image, what runs where, how to submit and collect, and notes. Without
 * --config (`config: false`) no smoke setting of the project is read: said, since the imports suite
 * then skips in the job while `runs:` lists it.
 */
export function summaryLines(summary: ExportSummary, { config = true }: { config?: boolean } = {}): string[] {
  const { suites } = summary;
  const lines = [
    ...summary.files.map((f) => `wrote ${f}`),
    `image:   ${summary.containerImage ?? summary.image}`,
    `runs:    ${suites.filter((s) => s !== 'custom').join(', ') || 'no suite'} on ${summary.nodes} ${summary.target === 'slurm' ? 'node' : 'pod'}(s) x ${summary.gpusPerNode === 'all' ? 'every GPU' : `${summary.gpusPerNode} GPU(s)`}`,
    `submit:  ${summary.submit}`,
    `results: ${summary.results}`,
    `collect: ${summary.collect}`,
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
  if (summary.driverFloor !== undefined && summary.gpusPerNode !== 0) lines.push(driverLine(summary));
  if (suites.includes('custom'))
    lines.push('note:    custom tests are not exported; run them with ml-image smoke');
  if (!config)
    lines.push(
      `note:    no --config: no smoke settings were read${suites.includes('imports') ? ', so imports skips (no requirements to import)' : ''}; pass --config ml-image.yml for its requirements, smoke.suites, timeout and floors`,
    );
  if (summary.platforms?.length === 1) lines.push(onePlatformNote(summary, summary.platforms[0]!));
  return lines;
}

/** The variant's driver floor: checked by the gpu suite, else said to be checked by nothing. */
function driverLine({ driverFloor, suites }: ExportSummary): string {
  return suites.includes('gpu')
    ? `driver:  NVIDIA >= ${driverFloor} (plan.json): the gpu suite fails on a node below it (but where NVIDIA's forward compatibility, cuda-compat, runs it)`
    : `note:    the variant needs NVIDIA driver >= ${driverFloor} (plan.json); no gpu suite runs to check it (add gpu to --suites)`;
}

/** The note of an image built for PLATFORM only: where it runs, as the job asks for it. */
function onePlatformNote(summary: ExportSummary, platform: string): string {
  const built = `note:    the image is built for ${platform} only`;
  if (summary.target === 'slurm') return `${built}: submit it to nodes of that architecture (--partition)`;
  const asked = summary.nodeSelector?.[ARCH_LABEL];
  if (asked === undefined)
    return `${built}: the Job asks for no ${ARCH_LABEL}; run it on nodes of that architecture`;
  // A --node-selector of the label wins over the image's (an emulating node pool): said as the flag's.
  const flag = asked === archOf(platform) ? '' : ' (--node-selector)';
  return `${built}: the Job asks for ${ARCH_LABEL}=${asked} nodes${flag}`;
}

/**
 * What marks NAME in DIR (--out OUT) as an export's: the smoke script's docstring, else the
 * "exported by ml-image-action" line of the job files (a job.yaml of a version before its header
 * line has it in the ConfigMap's run.sh). Never a label alone: a person's Job may carry
 * app.kubernetes.io/managed-by: ml-image-action and is kept (and never removed) all the same.
 */
export function foreignCheck(out: string, force: boolean, name: string): ForeignFileCheck {
  const script = name === SMOKE_SCRIPT_FILE;
  return {
    prefix: 'export: ',
    flag: `--out ${path.join(out, name)}`,
    ours: (text) => (script ? text.includes(SMOKE_SCRIPT_MARKER) : text.includes(EXPORT_MARKER)),
    tell: script ? 'it is not the smoke script' : `no "${EXPORT_MARKER}" line`,
    force,
    fix: 'pass --out another directory',
  };
}

/**
 * An export that stops without writing its job (a failed --verify, bad input, an unreachable
 * registry) removes the files of its target that an earlier export left in DIR, so that no pipeline
 * applies or submits the earlier image's job: by name, only regular files an export wrote (never a
 * person's file, a link or the directory), and adds what it removed, or could not, to E's message.
 */
export function removeEarlierJob(cwd: string, out: string, slurm: boolean, e: unknown): void {
  const dir = path.resolve(cwd, out);
  const removed: string[] = [];
  const kept: string[] = [];
  for (const name of slurm ? [SLURM_JOB_FILE, SMOKE_SCRIPT_FILE] : [K8S_JOB_FILE]) {
    const file = path.join(dir, name);
    try {
      if (!statOrAbsent(file, true)?.isFile()) continue;
      const text = readRegularFile(file, MAX_JSON_INPUT_BYTES).toString('utf8');
      if (!foreignCheck(out, false, name).ours(text)) continue;
    } catch {
      continue; // nothing there to look at, or not readable: nothing that is known to be an export's
    }
    try {
      unlinkSync(file);
      removed.push(name);
    } catch (err) {
      kept.push(`${name} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
  }
  if (!(e instanceof Error)) return;
  if (removed.length > 0) e.message += `; removed the earlier ${removed.join(' and ')} from ${out}`;
  if (kept.length > 0)
    e.message += `; the earlier ${kept.join(' and ')} in ${out} could not be removed: it is not this export's job, do not apply it`;
}
