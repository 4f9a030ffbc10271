// The attest stage: for each pushed platform digest, the predicates (SBOM from the environment
// record, SLSA provenance from the build, the smoke results) are written to the result directory,
// attached to the image with cosign and signed, and the image itself is signed. Without a signing
// identity the predicates are still written and the stage says why nothing was signed.
// A registry that goes away while attaching is exit 3 after what was done is recorded (attest.json)
// and the image stays pushed; the pipeline still reports before it fails.
import type { BuildResult, PlatformBuild, VariantBuild } from '../build/result.js';
import { type EnvRecord, packageListProblem } from '../capture/record.js';
import type { AttestationKind, AttestConfig } from '../config/attest.js';
import { EnvironmentError } from '../errors.js';
import { envelopeFile, type ResultDir } from '../results/results.js';
import { InterruptedError, interruptedFailure, registerCleanup } from '../util/cleanup.js';
import { mapLimitSerialByKey } from '../util/map-limit.js';
import {
  earlierPredicate,
  type Made,
  type PredicateContext,
  predicateFor,
  REUSABLE_KINDS,
} from './predicates.js';
import type { Attestation, AttestResult, AttestTarget } from './result.js';
import { ATTEST_RESULT_SCHEMA_VERSION, forgetFiles } from './result.js';
import type { PredicateSpec, Signer } from './cosign.js';
import type { BatchSigner } from './signers.js';
import { spdxFromCycloneDx } from './spdx.js';
import { type SigningChoice, verifyCommand } from './signing.js';
import { endLine, signingLine, startLine } from './stage-lines.js';
import { attestTargets } from './targets.js';

/**
 * What the stage needs of a signer (createSigner in src/attest/signers.ts): with attestAll, one
 * image's attestations are written in one update of its .att tag.
 */
export type AttestSigner = Pick<Signer, 'sign' | 'attest'> &
  Partial<Pick<BatchSigner, 'attestAll' | 'prefetch' | 'release' | 'signedBefore'>>;

interface AttestStageInput {
  build: BuildResult;
  attest: AttestConfig;
  signing: SigningChoice;
  results: ResultDir;
  /** Per target: what the predicates are made of (record, smoke result, files, run). */
  context: (variant: VariantBuild, platform: PlatformBuild) => PredicateContext;
  /** owner/repo of the workflow run (GITHUB_REPOSITORY): the keyless identity a verifier expects. */
  repository?: string | undefined;
  /**
   * owner/repo of the signing workflow file when it is not REPOSITORY's (the reusable workflow's
   * own repository, which its certificate names): ML_IMAGE_WORKFLOW_REPOSITORY.
   */
  workflowRepository?: string | undefined;
  /** The signing run's git ref (GITHUB_REF): the shown keyless command pins it. */
  workflowRef?: string | undefined;
}

interface AttestStageIo {
  signer: () => AttestSigner;
  progress: (line: string) => void;
  warning: (message: string, props?: { title?: string }) => void;
}

export interface AttestOutcome {
  result: AttestResult;
  /** Set when attaching stopped (exit 3); thrown by the caller after the report. */
  error?: EnvironmentError;
}

/** One target's attestation: what it is made of, and where it is recorded. */
interface TargetJob {
  input: AttestStageInput;
  io: AttestStageIo;
  v: VariantBuild;
  p: PlatformBuild;
  /** Already in the result: when attaching stops half-way, attest.json says what was done. */
  target: AttestTarget;
  /** The envelopes an earlier run left, by file (ResultDir.takeEnvelopes). */
  earlier: ReadonlyMap<string, Buffer>;
  /** The target's files being written (in the background): awaited before it is done. */
  writes: Promise<void>[];
  /** Those whose write failed (relative to the result directory): attest.json does not name them. */
  unwritten: Set<string>;
}

/** Attach one target's predicates and sign the image (JOB.target says what was done). */
async function attestTarget(
  job: TargetJob,
  /** This target's turn on node's one thread (see `turns`): awaited, then released. */
  turn: () => Promise<() => void>,
): Promise<void> {
  const release = await turn();
  let calls: Promise<void>[] = [];
  try {
    calls = await startTarget(job);
  } catch (e) {
    // The files it started writing are there (or failed) before the stage records anything.
    await Promise.allSettled(job.writes);
    forgetFiles(job.target, job.unwritten);
    throw e;
  } finally {
    // The next target's turn once this one's requests are out (an I/O round and its callbacks).
    setImmediate(release);
  }
  const settled = await Promise.allSettled(calls);
  // The files: each write's own failure (no room: exit 3) after the registry's.
  const wrote = await Promise.allSettled(job.writes);
  forgetFiles(job.target, job.unwritten);
  const failed = [...settled, ...wrote].find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** A file being written, in JOB's list (its failure is the target's, when it is awaited). */
function track<T extends { written: Promise<void>; file: string }>(job: TargetJob, w: T): T {
  w.written.catch(() => job.unwritten.add(relative(job.input.results, w.file)));
  job.writes.push(w.written);
  return w;
}

/**
 * KIND's predicate as an earlier run made it, from its envelope BEFORE, when the signing key signed
 * it and it is what would be made now (earlierPredicate: an SBOM of the same inputs). A warm rerun
 * then attaches it again without making it.
 */
async function madeBefore(
  input: AttestStageInput,
  io: AttestStageIo,
  ref: string,
  kind: AttestationKind,
  ctx: PredicateContext,
  before: Buffer | undefined,
): Promise<Made | undefined> {
  const { identity, tlog } = input.signing;
  if (!before || !identity || !REUSABLE_KINDS.has(kind)) return undefined;
  const statement = await io.signer().signedBefore?.(ref, before, identity, { tlog });
  return statement ? earlierPredicate(kind, ctx, statement) : undefined;
}

/** attest.spdx: the SBOM (CycloneDX) as SPDX 2.3 too, in the result directory only. */
function writeSpdx(job: TargetJob, sbom: object, entry: Attestation): void {
  const { input, v, p } = job;
  if (!input.attest.spdx || input.results.dir === undefined) return;
  const doc = spdxFromCycloneDx(sbom);
  const { file } = track(job, input.results.writeAttestation(v.variant, p.platform, 'sbom.spdx', doc));
  entry.spdx = relative(input.results, file);
}

/**
 * An SBOM made from a record whose pip package list is incomplete (the probe could not read every
 * distribution) lacks those packages: the target's notes (attest.json, the report) and a warning say so.
 */
function noteIncompletePackages(job: TargetJob, record: EnvRecord | undefined): void {
  const incomplete = record && packageListProblem(record);
  if (incomplete === undefined) return;
  job.target.notes.push(`sbom: ${incomplete}`);
  job.io.warning(`${job.v.variant} ${job.p.platform}: sbom: ${incomplete}`, { title: 'ml-image attest' });
}

/** Make and write a target's predicates, and start signing and attaching (the calls under way). */
async function startTarget(job: TargetJob): Promise<Promise<void>[]> {
  const { input, io, v, p, target, earlier } = job;
  const { ref } = target;
  const identity = input.signing.identity;
  const ctx = input.context(v, p);
  target.notes.push(...(ctx.notes ?? []));
  const { tlog } = input.signing;
  const attached: { entry: Attestation; spec: PredicateSpec }[] = [];
  for (const kind of input.attest.types) {
    const before = earlier.get(envelopeFile(v.variant, p.platform, kind));
    const made = (await madeBefore(input, io, ref, kind, ctx, before)) ?? predicateFor(kind, ctx);
    if ('missing' in made) {
      target.notes.push(`${kind}: ${made.missing}`);
      continue;
    }
    const { file, text, written } = track(
      job,
      input.results.writeAttestation(v.variant, p.platform, kind, made.predicate),
    );
    const entry: Attestation = {
      kind,
      predicateType: made.predicateType,
      file: relative(input.results, file),
      attached: false,
    };
    target.attestations.push(entry);
    if (kind === 'sbom') {
      writeSpdx(job, made.predicate, entry);
      noteIncompletePackages(job, ctx.record);
    }
    attached.push({
      entry,
      spec: { predicatePath: file, text, written, type: made.cosignType, ...(before && { earlier: before }) },
    });
  }
  if (!identity) return [];
  const signer = io.signer();
  const done = ({ entry, spec }: (typeof attached)[number], envelope?: Buffer) => {
    entry.attached = true;
    entry.verify = verifyCommand(ref, spec.type, identity, tlog, input);
    const w = envelope && input.results.writeEnvelope(v.variant, p.platform, entry.kind, envelope);
    if (w) entry.envelope = relative(input.results, track(job, w).file);
  };
  // One image's attestations share one .att tag that each `cosign attest` reads, extends and
  // pushes: they go one after the other (at once, the last push would drop the others), or in one
  // update where the signer can. The signature (.sig) is another tag: it is made meanwhile.
  const attach = async () => {
    if (attached.length === 0) return;
    if (signer.attestAll) {
      const specs = attached.map((a) => a.spec);
      await signer.attestAll(ref, specs, identity, { tlog }, (i, envelope) => done(attached[i]!, envelope));
      return;
    }
    for (const a of attached) {
      await signer.attest(ref, a.spec, identity, { tlog });
      done(a);
    }
  };
  const sign = () =>
    signer.sign(ref, identity, { tlog }).then(() => {
      target.signed = true;
    });
  // With the transparency log (keyless, or a key with tlog) both are cosign runs, which share the
  // run's Sigstore cache (its TUF_ROOT, cosign-env.ts): one after the other. Otherwise the
  // signature is made meanwhile.
  return tlog ? [attach().then(sign)] : [attach(), sign()];
}

/**
 * Turns for the targets, one after the other: a target makes its predicates (node's one thread,
 * a few milliseconds each) and starts its updates, then the next one begins, while the registry
 * answers the first. At once, the second target's predicates would hold back the first one's
 * requests, and both images would wait for the registry at the end.
 */
function turns(): () => Promise<() => void> {
  let last = Promise.resolve();
  return () => {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const before = last;
    last = last.then(() => mine);
    return before.then(() => release);
  };
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

const relative = (results: ResultDir, file: string) =>
  results.dir && file.startsWith(`${results.dir}/`) ? file.slice(results.dir.length + 1) : file;

/**
 * The uploads a target's `.att` update will likely need: its config, and each envelope that will
 * be new. One an earlier run left (TAKEN) is usually attached again, unless it is the provenance,
 * which names this run's build and is signed anew. Too many: the rest are cancelled; too few: the
 * update opens its own.
 */
export function uploadsAhead(
  input: Pick<AttestStageInput, 'attest'>,
  t: Pick<AttestTarget, 'variant' | 'platform'>,
  /** The envelope files an earlier run left (ResultDir.envelopeNames). */
  taken: { has(file: string): boolean },
): number {
  const fresh = input.attest.types.filter(
    (kind) => kind === 'provenance' || !taken.has(envelopeFile(t.variant, t.platform, kind)),
  );
  return fresh.length > 0 ? 1 + fresh.length : 0;
}

/**
 * What the signer will update is read, and the uploads it will need are opened, while the
 * predicates are made (one thread makes them; the registry answers meanwhile): the requests go out
 * before the first predicate is begun.
 */
async function startAhead(
  signer: AttestSigner,
  input: AttestStageInput,
  targets: readonly AttestTarget[],
  taken: { has(file: string): boolean },
): Promise<void> {
  if (!signer.prefetch || !input.signing.identity) return;
  try {
    const ahead = targets.map((t) => ({ ref: t.ref, uploads: uploadsAhead(input, t, taken) }));
    await signer.prefetch(ahead, input.signing.identity, { tlog: input.signing.tlog });
  } catch {
    // Only a head start: each update reads and opens what it needs itself.
  }
  await new Promise((resolve) => setImmediate(resolve));
}

/**
 * The envelopes an earlier run attached (kept in the result directory), which the signer may
 * attach again: all taken out, so that what is there when the stage ends is what this run
 * attached. When that fails (a file it may not remove), the uploads opened ahead are cancelled
 * before the error goes on.
 */
async function takeEarlier(
  input: AttestStageInput,
  signer: AttestSigner | undefined,
  unregister: (() => void) | undefined,
): Promise<Map<string, Buffer>> {
  try {
    return input.results.takeEnvelopes();
  } catch (e) {
    // Registered until the DELETEs are done: a signal meanwhile waits for them (release again).
    await signer?.release?.().catch(() => undefined);
    unregister?.();
    throw e;
  }
}

/** Targets attached at once: each may run a cosign process or two. */
const MAX_TARGETS_AT_ONCE = 4;

export async function runAttestStage(input: AttestStageInput, io: AttestStageIo): Promise<AttestOutcome> {
  const { signing } = input;
  const { targets, notPushed } = attestTargets(input.build);
  const result: AttestResult = {
    schemaVersion: ATTEST_RESULT_SCHEMA_VERSION,
    signing: {
      mode: signing.identity?.kind ?? 'none',
      reason: signing.reason,
      tlog: signing.tlog,
    },
    targets: targets.map((t) => t.target),
  };
  // How it will sign, not yet that it did; not signing is a note, not a warning: most local runs
  // and forks have no identity.
  io.progress(signingLine(signing));
  for (const n of notPushed)
    io.progress(
      `${n.variant} ${n.platform}: not pushed${n.localRef !== undefined ? ` (loaded as ${n.localRef})` : ''}: nothing to attest`,
    );
  const signer = signing.identity && targets.length > 0 ? io.signer() : undefined;
  // On SIGINT/SIGTERM too: the uploads opened ahead are cancelled, not left on the registry.
  const unregister = signer?.release && registerCleanup(() => signer.release!().catch(() => undefined));
  // The first requests go out before anything else: which envelopes an earlier run left is one
  // directory listing, and reading and removing them (below) happens while the registry answers.
  if (signer) await startAhead(signer, input, result.targets, input.results.envelopeNames());
  const taken = await takeEarlier(input, signer, unregister);
  const turn = turns();
  const work = targets.map(({ v, p, target }) => {
    const job: TargetJob = { input, io, v, p, target, earlier: taken, writes: [], unwritten: new Set() };
    return { target, run: () => attestTarget(job, turn) };
  });
  // The targets are independent images (their own .sig/.att tags): attached side by side, a few at
  // a time, targets of one digest one after the other. With the transparency log (keyless, or a
  // key with tlog) they go one at a time: cosign runs them, and concurrent cosign runs trip over
  // the Sigstore cache they share (the run's own TUF_ROOT: cosign-env.ts). After any failure no
  // target starts.
  const limit = signing.tlog ? 1 : MAX_TARGETS_AT_ONCE;
  let error: EnvironmentError | undefined;
  const attaching = mapLimitSerialByKey(
    work,
    limit,
    (w) => w.target.ref,
    (w) => {
      const started = performance.now();
      if (signer) io.progress(startLine(w.target));
      const run = w.run();
      // Each target's line as it ends, with its time; the first registry failure to come (exit
      // 3), whichever target it was, is the stage's.
      const ended = (stopped: boolean) =>
        io.progress(endLine(w.target, { signing: !!signer, ms: performance.now() - started, stopped }));
      run.then(
        () => ended(false),
        (reason: unknown) => {
          ended(true);
          // After a signal, a registry call the cleanup cut short (its uploads cancelled) is the
          // signal's failure: exit 130/143/129 in --json and attest.json, not "registry ... unreachable".
          if (reason instanceof EnvironmentError)
            error ??=
              reason instanceof InterruptedError
                ? reason
                : (interruptedFailure(`attaching to ${w.target.ref}`, firstLine(reason), reason) ?? reason);
        },
      );
      return run;
    },
  );
  let settled: Awaited<typeof attaching>;
  try {
    settled = await attaching;
  } finally {
    // Uploads opened ahead that no update took (a guess that was too high, or a stopped stage).
    // The cleanup stays registered until their DELETEs are done: a SIGINT/SIGTERM meanwhile runs
    // it, and its release waits for them, rather than finding nothing to clean up and exiting.
    await signer?.release?.().catch(() => undefined);
    unregister?.();
  }
  // Targets that never started are not in attest.json (as if the stage had stopped before them).
  result.targets = result.targets.filter((_, i) => settled[i] !== undefined);
  // Any other failure (bad input, a bug) is thrown, after attest.json says what was done: the
  // earlier run's file, which names envelopes taken out above, must not stay.
  let thrown: { reason: unknown } | undefined;
  for (const s of settled)
    if (s?.status === 'rejected' && !(s.reason instanceof EnvironmentError)) thrown ??= { reason: s.reason };
  // The error the stage ends with (thrown, or handed back for exit 3) is the one recorded.
  const failure = thrown?.reason ?? error;
  if (failure !== undefined) result.error = firstLine(failure);
  input.results.writeAttest(result);
  if (thrown) throw thrown.reason;
  return { result, ...(error && { error }) };
}
