// What the Slurm and Kubernetes exports share: the checked inputs, the image by digest, the suites
// as steps, and the shell that turns each suite's output into one JSON result file.
import type { SmokeSuite } from '../config/schema.js';
import { InputError } from '../errors.js';
import { memoryOf } from './memory.js';
import { checkImportNames } from './import-names.js';
import { checkNodesForDdp } from './nodes.js';
import { type DigestRef, parseDigestRef } from '../oci/ref.js';
import { type Baseline, bundledBaseline, floorsArg } from '../smoke/baselines.js';

export interface ExportSpec {
  /** REF@sha256:<64 hex>: a cluster must run exactly the image that was built and tested. */
  image: string;
  suites: readonly SmokeSuite[];
  /** Nodes (Slurm) or pods (Kubernetes); more than one needs the ddp suite, run across them. */
  nodes: number;
  /**
   * GPUs per node. 0 = a CPU-only cluster: the GPU suites skip and ddp runs 2 processes per node
   * over gloo. 'all' (Slurm only) = whole nodes (--exclusive), ddp one process per GPU each node
   * shows at run time. With GPUs, CUDA is required: train and ddp never fall back to CPU or gloo.
   */
  gpusPerNode: number | 'all';
  /** Per suite, as `ml-image smoke --timeout`; the job's own limit is derived from it. */
  timeoutSeconds: number;
  /**
   * Distributions the imports suite imports (from the config's requirements, those pip installs on
   * the image's Python and platform); with distributionsByMachine, those every machine shares.
   */
  distributions?: readonly string[];
  /**
   * An image of several platforms whose requirements differ by machine (environment markers on
   * platform_machine): the names per `uname -m` (x86_64, aarch64), chosen where the suite runs.
   */
  distributionsByMachine?: Readonly<Record<string, readonly string[]>>;
  /** NVIDIA driver floor of the variant (from plan.json), for the gpu suite. */
  driverFloor?: string;
  /** Minimum fractional loss drop of the train suite (default 0.5, as `ml-image smoke`). */
  minLossDrop?: number;
  /** CPUs per node (Slurm --cpus-per-task, Kubernetes cpu request). */
  cpus?: number;
  /**
   * Memory per node, `<n>Mi|Gi|Ti` (checked by memoryOf): Slurm --mem, the Kubernetes container's
   * memory request and limit. Absent: the cluster's default (a namespace's LimitRange, Slurm's
   * DefMemPerCPU), which may be far below what 8 ranks and their /dev/shm take.
   */
  memory?: string;
  /** Job name (Slurm --job-name; Kubernetes Job, ConfigMap and Service names). */
  name?: string;
  /** Port of the c10d rendezvous store on the first node. */
  rdzvPort?: number;
  /** Per-GPU floors the script judges compute-gpu and ddp against (default: the bundled table). */
  baseline?: Baseline;
}

/** In the header of every job file an export writes: a file without it is a person's (--force). */
export const EXPORT_MARKER = 'exported by ml-image-action';
/** The smoke script's docstring begins so (images/probe/ml_image_smoke.py): the script is ours. */
export const SMOKE_SCRIPT_MARKER = '"""ml-image smoke suites, run inside the image';
export const DEFAULT_RDZV_PORT = 29500;
/** Pulling a CUDA image onto a fresh node takes minutes: the job limits allow for it once. */
export const IMAGE_PULL_ALLOWANCE_S = 900;

const PIN_FIX =
  'a tag can move, and the cluster must run the image that was built and tested; "ml-image build --out DIR" writes the digest to DIR/build.json';

/**
 * The image by digest, in export's words (FIELD: the flag or file it came from): REF@sha256:...,
 * a tag before the digest allowed and dropped (the digest decides). Pass its `ref` on.
 */
export function pinnedImage(image: string, field = '--image'): DigestRef {
  return parseDigestRef(image, { field, orElse: '--from DIR (from build.json)', fix: PIN_FIX });
}

/**
 * The image as Pyxis's --container-image takes it: Enroot's URI without "docker://",
 * REGISTRY#PATH@DIGEST. Enroot splits the registry at "#" (a "/" would make the host part of the
 * path); Docker Hub images name no registry. `legacy` puts the digest in the tag slot
 * (REGISTRY#PATH:sha256:...), the only form older Enroot 3.x releases parse.
 */
export function pyxisImage(r: DigestRef, legacy = false): string {
  const sep = legacy ? ':' : '@';
  return r.registry === 'docker.io'
    ? `${r.path}${sep}${r.digest}`
    : `${r.registry}#${r.path}${sep}${r.digest}`;
}

const int = (v: number, field: string, min: number, max: number) => {
  if (!Number.isInteger(v) || v < min || v > max)
    throw new InputError(`${field}: expected a whole number from ${min} to ${max}, got ${v}`);
};

/** A driver floor as the gpu suite takes it (535.104, or none); FIELD names where it came from (exit 2). */
export function checkDriverFloor(floor: string | undefined, field = 'driver floor', fix?: string): void {
  if (floor !== undefined && floor !== '' && !/^\d+(\.\d+)*$/.test(floor))
    throw new InputError(`${field}: expected a version like 535.104, got "${floor}"`, fix);
}

/**
 * A job whose every suite skips (custom tests only, which are not exported; gpu with no GPUs asked
 * for; imports with no requirements to import) would take a node and pull the image to run nothing,
 * and read as a pass: refused, with each suite's reason (exit 2).
 */
function checkSomethingRuns(s: ExportSpec): void {
  const steps = exportSteps(s);
  if (!steps.every((t) => t.kind === 'skip')) return;
  const reasons = steps.map((t) => `${t.id}: ${t.kind === 'skip' ? t.reason : ''}`).join('; ');
  // The fix names only suites that would run with these flags (no gpu with --gpus-per-node 0).
  const runs = (['imports', 'pip-check', 'gpu'] as const).filter((x) =>
    exportSteps({ ...s, suites: [x] }).some((t) => t.kind !== 'skip'),
  );
  throw new InputError(
    `no smoke suite to export: every suite that --suites, else the config's smoke.suites, names would skip (${reasons}): the job would run nothing`,
    `give --suites a suite that runs on the cluster (e.g. ${runs.join(',')}); run custom tests with ml-image smoke`,
  );
}

/** Check the numbers and names the builders embed, naming the flag for each (exit 2). */
export function checkSpec(s: ExportSpec): DigestRef {
  const ref = pinnedImage(s.image);
  int(s.nodes, '--nodes', 1, 4096);
  if (s.gpusPerNode !== 'all') int(s.gpusPerNode, '--gpus-per-node', 0, 64);
  int(s.timeoutSeconds, '--timeout', 1, 86400);
  if (s.cpus !== undefined) int(s.cpus, '--cpus', 1, 4096);
  if (s.memory !== undefined) memoryOf(s.memory);
  if (s.rdzvPort !== undefined) int(s.rdzvPort, 'rendezvous port', 1, 65535);
  if (s.suites.length === 0)
    throw new InputError(
      "no smoke suite to run: --suites, else the config's smoke.suites, names none",
      'give --suites (e.g. imports,pip-check,gpu) or list suites in smoke.suites',
    );
  checkSomethingRuns(s);
  checkNodesForDdp(s);
  checkDriverFloor(s.driverFloor);
  checkImportNames(s);
  if (s.minLossDrop !== undefined && !(s.minLossDrop >= 0 && s.minLossDrop <= 1))
    throw new InputError(`minimum loss drop: expected 0..1, got ${s.minLossDrop}`);
  return ref;
}

/**
 * One suite run in the export: the smoke script, pip check, the multi-node DDP launch, or a skip. A
 * script argument equal to FLOORS_ARG stands for the floors table, in $ML_IMAGE_FLOORS (stepWords).
 */
export type ExportStep =
  | { kind: 'script'; id: string; suite: SmokeSuite; args: string[] }
  | { kind: 'pip-check'; id: 'pip-check'; suite: 'pip-check' }
  | { kind: 'ddp'; id: 'ddp'; suite: 'ddp' }
  | { kind: 'skip'; id: string; suite: SmokeSuite; reason: string }
  | MachineStep;

/** A suite that runs otherwise on each machine (`uname -m`): `other` on a machine not listed. */
export interface MachineStep {
  kind: 'by-machine';
  id: string;
  suite: SmokeSuite;
  machines: Readonly<Record<string, ExportStep>>;
  other: ExportStep;
}

/**
 * A MachineStep's shell lines: a `case` on `uname -m` where the step runs (Slurm: the first node,
 * whose steps the suites run on; Kubernetes: the pod), each machine's LINES in its arm.
 */
export function machineCaseLines(st: MachineStep, lines: (step: ExportStep) => string[]): string[] {
  const arm = (pattern: string, step: ExportStep) => [
    `  ${pattern})`,
    ...lines(step).map((l) => `    ${l}`),
    '    ;;',
  ];
  return [
    'case $(uname -m) in',
    ...Object.entries(st.machines).flatMap(([m, step]) => arm(m, step)),
    ...arm('*', st.other),
    'esac',
  ];
}

/**
 * The imports suite: the requirement names, else a skip. Where they differ by machine, each
 * machine's (a machine whose markers leave none skips), and on another machine those all share.
 */
function importsStep(s: ExportSpec): ExportStep {
  const of = (names: readonly string[] | undefined, none: string): ExportStep =>
    names?.length
      ? { kind: 'script', id: 'imports', suite: 'imports', args: ['imports', ...names] }
      : { kind: 'skip', id: 'imports', suite: 'imports', reason: none };
  if (s.distributionsByMachine === undefined)
    return of(s.distributions, 'no requirements declared to import (pass --config)');
  const machines = Object.entries(s.distributionsByMachine).map(([m, names]) => [
    m,
    of(names, `no requirement is installed on ${m} (their environment markers)`),
  ]);
  return {
    kind: 'by-machine',
    id: 'imports',
    suite: 'imports',
    machines: Object.fromEntries(machines) as Record<string, ExportStep>,
    other: of(s.distributions, 'no requirement is installed on every platform of the image'),
  };
}

/** Stands for the floors JSON in a step's arguments (no name holds NUL: checkImportNames). */
export const FLOORS_ARG = '\u0000floors';
const FLOORS_VAR = 'ML_IMAGE_FLOORS';

/** Whether the job asks for GPUs (then CUDA is required: no CPU or gloo fallback). */
const wantsGpus = (s: Pick<ExportSpec, 'gpusPerNode'>): boolean =>
  s.gpusPerNode === 'all' || s.gpusPerNode > 0;

/** A step's arguments as shell words: each quoted, the floors as "$ML_IMAGE_FLOORS". */
export const stepWords = (args: readonly string[]): string =>
  args.map((a) => (a === FLOORS_ARG ? `"$${FLOORS_VAR}"` : shellQuote(a))).join(' ');

/** The shell line that sets $ML_IMAGE_FLOORS: the floors table, the same the smoke stage passes. */
const floorsLine = (s: Pick<ExportSpec, 'baseline'>): string =>
  `${FLOORS_VAR}=${shellQuote(floorsArg(s.baseline ?? bundledBaseline()))}`;

/** The suites as steps, in the order given, mirroring src/smoke/suites.ts (ids and arguments). */
export function exportSteps(s: ExportSpec): ExportStep[] {
  const steps: ExportStep[] = [];
  const gpus = wantsGpus(s);
  const cuda = gpus ? ['--cuda'] : [];
  for (const suite of new Set(s.suites)) {
    switch (suite) {
      case 'imports':
        steps.push(importsStep(s));
        break;
      case 'pip-check':
        steps.push({ kind: 'pip-check', id: 'pip-check', suite });
        break;
      case 'gpu':
        // GPUs were asked for: none found (or CUDA that cannot start) fails.
        steps.push(
          gpus
            ? { kind: 'script', id: 'gpu', suite, args: ['gpu', s.driverFloor ?? '', '--require'] }
            : { kind: 'skip', id: 'gpu', suite, reason: 'no GPUs requested (--gpus-per-node 0)' },
        );
        break;
      case 'compute':
        steps.push({ kind: 'script', id: 'compute-cpu', suite, args: ['compute', 'cpu'] });
        if (gpus)
          steps.push({
            kind: 'script',
            id: 'compute-gpu',
            suite,
            args: ['compute', 'cuda', '--floors', FLOORS_ARG],
          });
        break;
      case 'train':
        steps.push({
          kind: 'script',
          id: 'train',
          suite,
          args: ['train', String(s.minLossDrop ?? 0.5), ...cuda],
        });
        break;
      case 'ddp':
        // One node: the script's own ddp suite (torchrun --standalone), judged as `ml-image smoke`
        // judges it. Several: torchrun on every node with a rendezvous (the job script's).
        steps.push(
          s.nodes > 1
            ? { kind: 'ddp', id: 'ddp', suite }
            : {
                kind: 'script',
                id: 'ddp',
                suite,
                args: [
                  'ddp',
                  String(ddpProcsPerNode(s)),
                  ...(gpus ? ['--cuda', '--floors', FLOORS_ARG] : []),
                ],
              },
        );
        break;
      case 'custom':
        // Custom tests check the image's metadata and regex-match output in TypeScript: not exported.
        steps.push({
          kind: 'skip',
          id: 'custom',
          suite,
          reason: 'custom tests are not exported: run them with ml-image smoke',
        });
        break;
    }
  }
  return steps;
}

/**
 * Processes per node for the ddp suite: one per GPU requested, else 2 over gloo (as `ml-image
 * smoke`). With whole nodes ('all'), every GPU the node shows, counted at run time: 'auto' for the
 * script's ddp suite, 'gpu' for torchrun (both torch.cuda.device_count(), and an error without CUDA).
 */
function ddpProcsPerNode(s: ExportSpec, launcher: 'script' | 'torchrun' = 'script'): number | string {
  if (s.gpusPerNode === 'all') return launcher === 'script' ? 'auto' : 'gpu';
  return s.gpusPerNode > 0 ? s.gpusPerNode : 2;
}

/** A multi-node all-reduce crosses the nodes' network: the per-node (NVLink) busbw floors do not apply. */
export const MULTI_NODE_DDP_NOTE = "no busbw floor across nodes: the floors describe one node's interconnect";

/**
 * The job's GPU settings: processes per node for a multi-node ddp; with GPUs, CUDA required in the
 * ddp workers (ML_IMAGE_DDP_CUDA, srun passes the environment into the container), and the floors
 * table the suites are judged against (the same `ml-image smoke` passes).
 */
export function gpuLines(o: ExportSpec): string[] {
  const gpus = wantsGpus(o);
  return [
    ...(o.nodes > 1
      ? [
          `NPROC_PER_NODE=${ddpProcsPerNode(o, 'torchrun')}`,
          ...(gpus ? ['export ML_IMAGE_DDP_CUDA=1', `DDP_NOTE=${shellQuote(MULTI_NODE_DDP_NOTE)}`] : []),
        ]
      : []),
    ...(gpus
      ? ['# Per-GPU floors (src/smoke/baselines.json merged with smoke.baseline): JSON', floorsLine(o)]
      : []),
  ];
}

/**
 * The suites' timeout, for the smoke script: its ddp launcher stops within it (the variable
 * `ml-image smoke` sets too: SMOKE_TIMEOUT_ENV, src/smoke/batch.ts). Exported, so srun hands it
 * into the container.
 */
export const TIMEOUT_EXPORT_LINE = 'export ML_IMAGE_SMOKE_TIMEOUT="$TIMEOUT"';

/** Seconds the whole job may take: every container step at its timeout, plus one image pull. */
export function jobDeadlineSeconds(s: ExportSpec): number {
  const running = exportSteps(s).filter((st) => st.kind !== 'skip').length;
  return Math.max(1, running) * s.timeoutSeconds + IMAGE_PULL_ALLOWANCE_S;
}

/** Quote one word for sh/bash: bare when it is plainly safe, else single-quoted. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Shell functions (POSIX sh, so bash and the image's /bin/sh both run them) that turn a suite's
 * stdout into RESULTS/ID.json: the smoke script's JSON line with id, suite, durationMs and exitCode
 * added, or a failure naming the exit code when the suite printed no result. Needs RESULTS, TIMEOUT
 * (S_LIMIT, when set, is the limit of the step just run).
 * Data (JSON, paths, output) is printed with printf '%s', never echo: dash's echo (the /bin/sh of
 * Debian and Ubuntu images) turns the backslashes of JSON escapes such as \n into characters.
 */
export const RECORD_SHELL = `FAILED=0
# record ID SUITE RC STARTED [REASON]: the suite's JSON in RESULTS/ID.out -> RESULTS/ID.json
record() {
  r_id=$1; r_suite=$2; r_rc=$3; r_start=$4; r_reason=\${5:-}
  r_ms=$(( ($(date +%s) - r_start) * 1000 ))
  # The last line holding a result's start, read from it (as the host's suiteResult): a module may
  # print before the result on its line, or after it at exit.
  r_line=$(grep -a '{"status": "' "$RESULTS/$r_id.out" 2>/dev/null | tail -n 1)
  case $r_line in
    *'{"status": "'*) r_body='"status": "'\${r_line#*'{"status": "'} ;;
    *)
      if [ "$r_rc" = 124 ]; then r_reason="timed out after \${S_LIMIT:-$TIMEOUT}s"
      elif [ -z "$r_reason" ]; then r_reason="the suite exited $r_rc without a result"; fi
      r_body="\\"status\\": \\"fail\\", \\"reason\\": \\"$r_reason\\"}" ;;
  esac
  r_status=\${r_body#'"status": "'}
  r_status=\${r_status%%'"'*}
  printf '{"id": "%s", "suite": "%s", "durationMs": %s, "exitCode": %s, %s\\n' \\
    "$r_id" "$r_suite" "$r_ms" "$r_rc" "$r_body" > "$RESULTS/$r_id.json"
  printf 'ml-image: %s %s\\n' "$r_id" "$r_status"
  if [ "$r_status" = fail ]; then FAILED=1; fi
}
# skip ID SUITE JSON: a suite that does not run here
skip() {
  printf '%s\\n' "$3" > "$RESULTS/$1.out"
  record "$1" "$2" 0 "$(date +%s)"
}
# pip_result ID: pip check prints no JSON; its exit code is the result (an image without pip: a
# skip, as the pipeline's pip-check says it)
pip_result() {
  if [ "$S_RC" = 0 ]; then echo '{"status": "pass", "reason": ""}' >> "$RESULTS/$1.out"
  elif [ "$S_RC" != 124 ] && grep -qE ': No module named pip[[:space:]]*$' "$RESULTS/$1.err" "$RESULTS/$1.out" 2> /dev/null; then
    echo '{"status": "skip", "reason": "pip is not installed in the image"}' >> "$RESULTS/$1.out"
  elif [ "$S_RC" != 124 ]; then echo '{"status": "fail", "reason": "pip check found broken requirements"}' >> "$RESULTS/$1.out"; fi
}
# ddp_result ID: rank 0 prints "ML_IMAGE_DDP {json}" (ml_image_smoke.py ddp-worker); it becomes the
# metrics, with DDP_NOTE (when set) as their floor_note
ddp_result() {
  d_line=$(sed -n 's/^ML_IMAGE_DDP //p' "$RESULTS/$1.out" | head -n 1)
  case $d_line in
    *'}') if [ -n "\${DDP_NOTE:-}" ]; then d_line="\${d_line%?}, \\"floor_note\\": \\"$DDP_NOTE\\"}"; fi ;;
  esac
  case $S_RC:$d_line in
    0:*'"ok": true'*) printf '{"status": "pass", "reason": "", "metrics": %s}\\n' "$d_line" >> "$RESULTS/$1.out" ;;
    *:'{'*) printf '{"status": "fail", "reason": "all-reduce failed or returned a wrong sum (exit %s)", "metrics": %s}\\n' \\
      "$S_RC" "$d_line" >> "$RESULTS/$1.out" ;;
  esac
}`;

/** The skip line of a step, in the smoke script's own JSON layout (json.dumps: ", " and ": "). */
export const skipJson = (reason: string): string => `{"status": "skip", "reason": ${JSON.stringify(reason)}}`;
