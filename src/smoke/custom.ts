// The user's own tests (smoke.tests), container-structure-test style: a command with its exit code
// and expected/excluded output, a file that exists (with a mode), or the image's metadata. A command
// runs without GPUs unless marked `gpu: true`, on the network smoke.network names (default none);
// one that fails for want of a GPU on a GPU run is told to ask for one (missingGpuCause).
import { z } from 'zod';
import type { CustomTestSpec } from '../config/schema.js';
import type { ImageDetails } from '../docker/adapter.js';
import { MAX_STREAM_CHARS, overflowNote } from '../docker/streams.js';
import { batchOutcome } from './batch.js';
import { knownInBatch } from './batch-start.js';
import { type Classified, classifyFailure } from './classify.js';
import { MATCH_TEXT_BYTES, matchOutput } from './match.js';
import { lacksProgram, lacksPython, noPythonReason, tail, timedOutReason } from './output.js';
import type { SmokeTest } from './result.js';
import { gpuAbsent, guarded, python, record, type SmokeSession } from './session.js';
import { sizeText } from '../util/read-regular.js';
import { redactDeep, secretLabel } from '../util/redact.js';
import { redactOutput } from '../util/redact-instruction.js';

type Verdict = (ok: boolean, reason: string, output?: string) => SmokeTest;

/** The verdict of one custom test: a failure keeps its reason and the end of its output. */
function verdictOf(t: CustomTestSpec, started: number): Verdict {
  return (ok, reason, output) => ({
    id: `custom:${t.name}`,
    suite: 'custom',
    status: ok ? 'pass' : 'fail',
    ...(!ok && { reason }),
    ...(!ok && output !== undefined && { output: tail(output) }),
    durationMs: Date.now() - started,
    metrics: {},
  });
}

async function commandTest(
  s: SmokeSession,
  t: CustomTestSpec,
  command: string | readonly string[],
  result: Verdict,
): Promise<SmokeTest> {
  const cmd = typeof command === 'string' ? ['sh', '-c', command] : [...command];
  // The run's GPUs only for a test marked gpu: true; the network smoke.network says (containerRunner:
  // none unless it says bridge).
  const r = await s.run({
    entrypoint: [cmd[0]!],
    cmd: cmd.slice(1),
    ...(t.gpu && { gpu: true }),
    ...(s.input.network !== undefined && { network: s.input.network }),
  });
  const out = `${r.stdout}${r.stderr}`;
  if (r.timedOut) return result(false, timedOutReason(s.input.timeoutMs), out);
  // Stopped for its output (the engine's SIGKILL: 137), not by itself: neither passes nor fails
  // on that exit code.
  const flooded = (['stdout', 'stderr'] as const).find((w) => r.stderr.includes(overflowNote(w)));
  if (flooded)
    return result(
      false,
      `the ${flooded} passed ${sizeText(MAX_STREAM_CHARS)}: the container was stopped (print less)`,
      out,
    );
  if (r.exitCode !== t.exitCode) {
    // 127 (126: not executable) with the runtime's or the shell's wording: say which program. The
    // command line is masked as its output would be (`--password x`, `mysql -px`).
    if (lacksProgram(r)) {
      const program =
        typeof command === 'string'
          ? `a program of "${redactOutput(command)}"`
          : `"${redactOutput(cmd[0]!)}"`;
      return result(
        false,
        `command not found in the image: ${program} (exit ${r.exitCode}, expected ${t.exitCode})`,
        out,
      );
    }
    return result(false, `exit code ${r.exitCode}, expected ${t.exitCode}`, out);
  }
  // The patterns see the last MATCH_TEXT_BYTES of the output: an excluded text before them cannot
  // be ruled out, so such a test fails rather than pass on what it did not see.
  const size = Buffer.byteLength(out);
  if (t.excludedOutput.length > 0 && size > MATCH_TEXT_BYTES)
    return result(
      false,
      `the output is ${sizeText(size)}, over the ${sizeText(MATCH_TEXT_BYTES)} that excludedOutput is checked against: the excluded text cannot be ruled out (print less, or check a file)`,
      out,
    );
  // Bounded in size and time, off the main thread: a pathological pattern cannot hang the run.
  const m = await matchOutput(out, t.expectedOutput, t.excludedOutput);
  if (m.ok) return result(true, '');
  if (m.kind === 'missing') return result(false, `output does not match /${m.pattern}/`, out);
  if (m.kind === 'unwanted') return result(false, `output matches the excluded /${m.pattern}/`, out);
  return result(false, m.message, out);
}

/** What the file check prints: the file's mode in octal, or nothing when it does not exist. */
const FileInfoSchema = z.object({ mode: z.string().optional() });
const FILE_CHECK =
  'import os,sys,json\ntry:\n s=os.stat(sys.argv[1]); print(json.dumps({"mode": oct(s.st_mode & 0o7777)[2:]}))\nexcept FileNotFoundError: print("{}")';

async function fileTest(
  s: SmokeSession,
  id: string,
  f: NonNullable<CustomTestSpec['file']>,
  result: Verdict,
  onNoPython: () => void,
): Promise<SmokeTest> {
  const r =
    (await batchOutcome(s, id)) ??
    (await s.run({ entrypoint: ['python3'], cmd: ['-c', FILE_CHECK, f.path] }));
  if (r.timedOut) return result(false, timedOutReason(s.input.timeoutMs, r), r.stdout + r.stderr);
  if (lacksPython(r)) {
    onNoPython();
    return result(
      false,
      `${noPythonReason(s.input.image)} (file tests read the file with python3)`,
      r.stderr,
    );
  }
  let mode: string | undefined;
  try {
    mode = FileInfoSchema.parse(JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '')).mode;
  } catch {
    return result(
      false,
      `cannot check ${f.path}: the check exited ${r.exitCode} without a result`,
      r.stdout + r.stderr,
    );
  }
  const exists = mode !== undefined;
  if (exists !== f.exists) return result(false, `${f.path} ${exists ? 'exists' : 'does not exist'}`);
  // As numbers: "04755" and "4755" are one mode (the config allows a leading 0 before four digits).
  if (f.mode !== undefined && mode !== undefined && parseInt(mode, 8) !== parseInt(f.mode, 8)) {
    return result(false, `${f.path} has mode ${mode}, expected ${f.mode}`);
  }
  return result(true, '');
}

function metadataTest(
  m: NonNullable<CustomTestSpec['metadata']>,
  details: ImageDetails,
  result: Verdict,
): SmokeTest {
  const env = Object.fromEntries(
    details.env.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
  const problems: string[] = [];
  if (m.user !== undefined && details.user !== m.user)
    problems.push(`user is "${details.user}", expected "${m.user}"`);
  if (m.workdir !== undefined && (details.workdir ?? '') !== m.workdir)
    problems.push(`workdir is "${details.workdir ?? ''}", expected "${m.workdir}"`);
  for (const [k, v] of Object.entries(m.env ?? {}))
    if (env[k] !== v) problems.push(`env ${k} is ${env[k] === undefined ? 'unset' : 'different'}`);
  for (const [k, v] of Object.entries(m.labels ?? {}))
    if (details.labels[k] !== v)
      problems.push(
        // A label whose key names a secret is masked in the record: its value is not shown here either.
        secretLabel(k)
          ? `label ${k} is ${details.labels[k] === undefined ? 'unset' : 'different'}`
          : `label ${k} is "${redactDeep(details.labels[k] ?? '')}", expected "${v}"`,
      );
  if (m.entrypoint !== undefined && JSON.stringify(details.entrypoint ?? []) !== JSON.stringify(m.entrypoint))
    // Each argument masked as the record masks it (a long base64-like one, a URL's login).
    problems.push(`entrypoint is ${JSON.stringify(redactDeep(details.entrypoint))}`);
  if (m.cmd !== undefined && JSON.stringify(details.cmd ?? []) !== JSON.stringify(m.cmd))
    problems.push(`cmd is ${JSON.stringify(redactDeep(details.cmd))}`);
  return result(problems.length === 0, problems.join('; '));
}

/**
 * What a command finds in a container given no GPU (NVIDIA_VISIBLE_DEVICES=void: no device, no
 * driver library, no nvidia-smi): CUDA's "no device" (classify.ts: cuda-no-device), or no driver.
 */
const NO_GPU_IN_CONTAINER =
  /Found no NVIDIA driver on your system|libcuda\.so[.0-9]{0,12}: cannot open shared object file|NVML Shared Library Not Found|libnvidia-ml\.so[.0-9]{0,12}: cannot open shared object file|nvidia-smi"?: (\d+: )?(executable file not found|not found|command not found)|command not found in the image: "nvidia-smi"/i;

/**
 * The cause of a command test that failed for want of a GPU on a run that had GPUs: the test is
 * not marked `gpu: true`, so its container got none. Undefined when the failure is another one
 * (finishResult then classifies it as any other, whose "give the container GPUs" would mislead).
 */
export function missingGpuCause(
  test: SmokeTest,
  spec: CustomTestSpec,
  gpus: 'all' | 'none',
): Classified | undefined {
  if (test.status !== 'fail' || spec.gpu || gpus !== 'all' || spec.command === undefined) return undefined;
  const text = `${test.reason ?? ''}\n${test.output ?? ''}`;
  const classified = classifyFailure(text);
  const match = classified?.id === 'cuda-no-device' ? classified.match : NO_GPU_IN_CONTAINER.exec(text)?.[0];
  if (match === undefined) return undefined;
  return {
    id: 'custom-test-without-gpu',
    cause: `this run has GPUs, but the custom test "${spec.name}" is not marked gpu: true, so its container got none (custom tests run without GPUs unless they ask: NVIDIA_VISIBLE_DEVICES=void, no device, no driver library, no nvidia-smi)`,
    fix: `add gpu: true to the test "${spec.name}" in smoke.tests (ml-image.yml)`,
    source:
      'https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/docker-specialized.html',
    match: match.slice(0, 200),
  };
}

/** One custom test: a command, a file, else the image's metadata (the config allows exactly one). */
export async function customTest(
  s: SmokeSession,
  t: CustomTestSpec,
  onNoPython: () => void,
): Promise<SmokeTest> {
  const result = verdictOf(t, Date.now());
  if (t.command !== undefined) {
    const test = await commandTest(s, t, t.command, result);
    const cause = missingGpuCause(test, t, s.input.gpus);
    return cause ? { ...test, cause } : test;
  }
  if (t.file !== undefined) return fileTest(s, `custom:${t.name}`, t.file, result, onNoPython);
  return metadataTest(t.metadata!, s.details, result);
}

/** The custom suite: one progress line per test, under its own id (never the previous suite's). */
export async function runCustomTests(s: SmokeSession): Promise<void> {
  if (s.input.tests.length === 0) s.progress('smoke custom: no tests declared (smoke.tests)');
  for (const t of s.input.tests) {
    const id = `custom:${t.name}`;
    // A file check the shared process ran already said so as it started (batch.ts); one that no
    // process runs after a hang at python3's start is not run (batch-start.ts): no start line.
    if (!knownInBatch(s, id)) s.progress(`smoke ${id}: running`);
    // A test that uses a GPU, on a run without GPUs: skipped (failed under require-gpu).
    if (t.gpu && s.input.gpus === 'none') {
      record(s, gpuAbsent(id, 'custom', s.input));
      continue;
    }
    const run1 = () =>
      customTest(s, t, () => {
        s.noPython = id;
      });
    // A file test reads the file with python3; command and metadata tests need none.
    await (t.file !== undefined ? python(s, id, 'custom', run1) : guarded(s, id, 'custom', run1));
  }
}
