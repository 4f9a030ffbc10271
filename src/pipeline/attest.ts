// The attest stage as the pipeline runs it: what each target's predicates are made of (this job's
// smoke entries or the result directory's records; the config and requirements files, -r includes
// and -c files too, and the resolver's constraints, by the digests build.json records: an older
// version's build.json has none, then the files now and this process's or the resolution file's
// constraints), the signing identity, and cosign.
import path from 'node:path';
import { otherImage, recordImage, smokeImage } from '../attest/of-image.js';
import type { FileDigest, PredicateContext } from '../attest/predicates.js';
import { chooseSigning, type SigningChoice, type SigningTools, signingTools } from '../attest/signing.js';
import { isEncryptedCosignKey } from '../attest/cosign-key.js';
import { InputError } from '../errors.js';
import { createSigner, preconnect, signingKey } from '../attest/signers.js';
import { type AttestOutcome, type AttestSigner, runAttestStage } from '../attest/stage.js';
import { attestTargets } from '../attest/targets.js';
import type { BuildResult, PlatformBuild, VariantBuild } from '../build/result.js';
import type { EnvRecord } from '../capture/record.js';
import type { LoadedConfig } from '../config/load.js';
import { asConfigProblem } from '../config/field-error.js';
import type { GitContext, Plan } from '../plan/schema.js';
import type { Resolved } from '../resolve/stage.js';
import { resolvedKey } from '../resolve/stage.js';
import { readRequirements, workspaceRoot } from '../requirements/read.js';
import { recordFile, type ResultDir } from '../results/results.js';
import type { SmokeResult } from '../smoke/result.js';
import type { SmokeEntry } from '../smoke/stage.js';
import { VERSION } from '../version.js';
import { materialPath } from '../build/materials.js';
import { fileDigest, sha256 } from '../util/file-digest.js';
import { printable } from '../util/text.js';

type Env = Readonly<Record<string, string | undefined>>;

interface AttestRunInput {
  plan: Plan;
  /** The run's git context (the plan's): the source the provenance names outside Actions. */
  git?: GitContext;
  loaded: LoadedConfig;
  build: BuildResult;
  smoke: readonly SmokeEntry[];
  resolved: Resolved;
  results: ResultDir;
  env: Env;
  now: Date;
}

interface AttestRunIo {
  signer?: () => AttestSigner;
  progress: (line: string) => void;
  warning: (message: string, props?: { title?: string }) => void;
}

/**
 * Every requirements file the build read: python.requirements with their -r includes and -c files,
 * read as the build stage reads them. Should that read fail now (a file changed since the build),
 * the files the config names, as before includes were followed.
 */
function requirementsFiles(loaded: LoadedConfig, env: Env): string[] {
  const { requirements } = loaded.config.python;
  try {
    return readRequirements(requirements, loaded.baseDir, env, {
      ...workspaceRoot(env, loaded.baseDir),
      expandable: loaded.config.build.secrets,
    }).files;
  } catch {
    return requirements.map((r) => path.resolve(loaded.baseDir, r));
  }
}

/**
 * The config file and the requirements files by their digests now: the same for every target of a
 * run. Only for a build.json without `materials` (an older version's): a note says so.
 */
function runFiles(loaded: LoadedConfig, env: Env): { config: FileDigest | undefined; inputs: FileDigest[] } {
  const rel = (f: string) => materialPath(loaded.baseDir, f);
  return {
    config: loaded.file ? fileDigest(loaded.file, rel(loaded.file)) : undefined,
    inputs: requirementsFiles(loaded, env)
      .map((f) => fileDigest(f, rel(f)))
      .filter((d): d is FileDigest => d !== undefined),
  };
}

/** The note of a target whose provenance names the files as they are now (runFiles). */
const FILES_NOW_NOTE =
  'provenance: build.json records no digests of the files the build read (an older version wrote it): the config and requirements files are named by their digests when attested, right only if they have not changed since the build';

/**
 * Undefined for the result of a smoke run that ran to the end; for the results so far of one that
 * was stopped (a cancelled job, SIGINT/SIGTERM, the daemon gone: `interrupted`), the note that
 * says it is not attested. Its last test "failed" because it was stopped and the rest never ran:
 * signed, it would say the image failed a test it did not fail, and replace an earlier run's smoke
 * attestation of the same digest.
 */
function stoppedRun(smoke: SmokeResult, file: string): string | undefined {
  if (smoke.interrupted === undefined) return undefined;
  return `the smoke result in ${file} is of a smoke run that was stopped after ${smoke.tests.length} test(s) (${printable(smoke.interrupted)}), not attested`;
}

/**
 * A target's record and smoke result from the result directory (this run's smoke stage did not
 * test it: `--stages attest`, a separate attest job, or its smoke target failed), each only when it
 * is of this platform's digest. The directory outlives a run: an earlier image's files there are
 * not signed as this one's; the note says they were left out.
 */
function fromResultDir(
  results: ResultDir,
  v: VariantBuild,
  p: PlatformBuild,
): { record?: EnvRecord; smoke?: SmokeResult; notOfThisImage?: { record?: string; smoke?: string } } {
  const file = (kind: 'env' | 'smoke') =>
    path.join(results.dir ?? '.', recordFile(kind, v.variant, p.platform));
  const record = results.readEnv(v.variant, p.platform) ?? undefined;
  const smoke = results.readSmoke(v.variant, p.platform) ?? undefined;
  const staleRecord = record && otherImage('environment record', file('env'), recordImage(record), p.digest);
  const staleSmoke =
    smoke &&
    (otherImage('smoke result', file('smoke'), smokeImage(smoke), p.digest) ??
      stoppedRun(smoke, file('smoke')));
  return {
    ...(record && !staleRecord && { record }),
    ...(smoke && !staleSmoke && { smoke }),
    ...((staleRecord || staleSmoke) && {
      notOfThisImage: {
        ...(staleRecord && { record: staleRecord }),
        ...(staleSmoke && { smoke: staleSmoke }),
      },
    }),
  };
}

/**
 * The resolver's constraints the build of a target got, by digest (provenance's "constraints
 * (resolver)"): the digest build.json records (none: it got none), else (an older version's
 * build.json) this process's resolve stage's, else (attest in another job: the reusable
 * workflow's, `--stages attest`) the digest its resolution file records. Such a file is this
 * build's: the pipeline removes the file of every target it builds without one (removeResolution).
 */
function constraintsOf(input: AttestRunInput, v: VariantBuild, p: PlatformBuild): FileDigest | undefined {
  // What the build recorded: whatever resolve ran since (`--stages resolve`) wrote.
  if (input.build.materials !== undefined)
    return p.constraintsSha256 !== undefined
      ? { path: CONSTRAINTS_PATH, sha256: p.constraintsSha256 }
      : undefined;
  const here = input.resolved[resolvedKey(v.variant, p.platform)]?.constraints;
  if (here !== undefined) return { path: CONSTRAINTS_PATH, sha256: sha256(here) };
  const recorded = input.results.readResolution(v.variant, p.platform);
  const digest = recorded?.platform === p.platform ? recorded.constraints.sha256 : undefined;
  return digest !== undefined ? { path: CONSTRAINTS_PATH, sha256: digest } : undefined;
}

/** How provenance names the resolver's constraints: made by the run, no file anyone can fetch. */
const CONSTRAINTS_PATH = 'constraints (resolver)';

/** What the predicates of one target are made of (FILES: runFiles, read once per stage). */
function contextFor(
  input: AttestRunInput,
  files: () => ReturnType<typeof runFiles>,
  v: VariantBuild,
  p: PlatformBuild,
): PredicateContext {
  const entry = input.smoke.find((e) => e.variant === v.variant && e.platform === p.platform);
  const { record, smoke, notOfThisImage } = entry
    ? { record: entry.record, smoke: entry.result, notOfThisImage: undefined }
    : fromResultDir(input.results, v, p);
  const planned = input.plan.variants.find((x) => x.name === v.variant);
  const recorded = input.build.materials;
  const { config, inputs } = recorded ? { config: recorded.config, inputs: recorded.requirements } : files();
  const constraints = constraintsOf(input, v, p);
  const { repositoryUrl, sha, ref } = input.git ?? {};
  // A git context without a commit is kept as one (commit ''): provenance then names no source,
  // never GITHUB_SHA, for what may be a pull request's code (provenance.ts sourceOf).
  const source = repositoryUrl ? { repositoryUrl, commit: sha ?? '', ...(ref && { ref }) } : undefined;
  const filesNow = !recorded && input.loaded.config.attest.types.includes('provenance');
  return {
    variant: v.variant,
    platform: p.platform,
    repository: v.repository,
    digest: p.digest,
    tags: v.tags,
    baseImage: { ref: v.baseImage, ...(v.baseDigest !== undefined && { digest: v.baseDigest }) },
    ...(planned?.cuda && { driverFloor: planned.cuda.minorCompatDriverMin }),
    ...(record && { record }),
    ...(smoke && { smoke }),
    ...(notOfThisImage && { notOfThisImage }),
    ...(filesNow && { notes: [FILES_NOW_NOTE] }),
    ...(config && { config }),
    inputs,
    ...(constraints !== undefined && { constraints }),
    buildDurationMs: p.durationMs,
    ...(source && { source }),
    ...(p.finishedAt !== undefined && { buildFinishedAt: p.finishedAt }),
    env: input.env,
    now: input.now,
    toolVersion: VERSION,
  };
}

/** What signs when nothing was pushed (a --load run, a fork's): nothing to sign, nothing to ask. */
const NOTHING_PUSHED: SigningChoice = {
  identity: null,
  reason: 'not signed: nothing was pushed',
  tlog: false,
};

/** The runner's tools for signing; with a signer given (tests), whatever it needs is there. */
const toolsFor = (env: Env, given: boolean): SigningTools => (given ? { cosign: true } : signingTools(env));

export function runAttest(input: AttestRunInput, io: AttestRunIo): Promise<AttestOutcome> {
  const attest = input.loaded.config.attest;
  const pushed = attestTargets(input.build).targets.length > 0;
  const signing = pushed
    ? chooseSigning(attest, input.env, input.loaded.baseDir, toolsFor(input.env, io.signer !== undefined))
    : NOTHING_PUSHED;
  if (pushed && !input.build.materials && attest.types.includes('provenance'))
    io.progress(`note: ${FILES_NOW_NOTE}`);
  let signer: AttestSigner | undefined;
  let files: ReturnType<typeof runFiles> | undefined;
  const filesOnce = () => (files ??= runFiles(input.loaded, input.env));
  return runAttestStage(
    {
      build: input.build,
      attest,
      signing,
      results: input.results,
      context: (v, p) => contextFor(input, filesOnce, v, p),
      repository: input.env.GITHUB_REPOSITORY,
      // The reusable workflow sets it to its own repository (job.workflow_repository).
      workflowRepository: input.env.ML_IMAGE_WORKFLOW_REPOSITORY,
      workflowRef: input.env.GITHUB_REF,
    },
    {
      signer: () => (signer ??= io.signer?.() ?? createSigner({ env: input.env, tlog: signing.tlog })),
      progress: io.progress,
      warning: io.warning,
    },
  );
}

/**
 * Before the registry is asked (the CLI's run, the action's stages): a signing setup that cannot
 * work is bad input said at its config line ("line 7: attest.sign: key, but there is no key"), or
 * as the input's that set it; a key file that is no key, the same; cosign missing for keyless,
 * exit 3. SIGNERGIVEN: a signer of the caller's signs (tests), which needs no cosign on PATH.
 */
export function checkSigningSetup(loaded: LoadedConfig, env: Env, signerGiven: boolean): void {
  asConfigProblem(loaded, () =>
    chooseSigning(loaded.config.attest, env, loaded.baseDir, toolsFor(env, signerGiven)),
  );
}

/**
 * Before anything is built: a signing setup that cannot work (attest.sign: key without a key,
 * keyless without an OIDC token, a key file that is not there) is bad input now (exit 2), not
 * after the build, push and smoke tests. Then decrypting the signing key starts (scrypt, off the
 * main thread) so that the attest stage does not wait for it. The decryption is handed back (when
 * the built-in signer will sign): the pipeline awaits it before it pushes anything, so that a
 * wrong password stops the run before unsigned images are pushed.
 */
export function prepareSigning(
  loaded: LoadedConfig,
  env: Env,
  startKey = true,
): Promise<unknown> | undefined {
  // A setting that cannot work is said at its line ("line 12: attest.sign: key, but there is no
  // key"), or as the input's that gave it.
  const signing = asConfigProblem(loaded, () =>
    chooseSigning(loaded.config.attest, env, loaded.baseDir, toolsFor(env, !startKey)),
  );
  if (!startKey || !signing.identity) return undefined;
  // COSIGN_KEY must hold the key's PEM text (cosign reads it as env://COSIGN_KEY): a key stored
  // otherwise (base64, a file name) is said now, not after the push.
  if (
    signing.identity.kind === 'key' &&
    signing.identity.key === 'env://COSIGN_KEY' &&
    !isEncryptedCosignKey(env.COSIGN_KEY ?? '')
  )
    throw new InputError(
      'COSIGN_KEY does not hold an encrypted cosign private key (no "ENCRYPTED SIGSTORE PRIVATE KEY" block)',
      'store the text of the cosign.key file that "cosign generate-key-pair" wrote (not base64 of it, nor its path: that is attest.key)',
    );
  // signingKey keeps a failure from going unhandled; the pipeline and the attest stage await it.
  return signingKey(signing.identity, env, signing.tlog);
}

/**
 * As the build starts: the connections the attest stage will use to the image's registry are
 * opened (when the built-in signer signs there), while node waits for buildx. A warm run's attest
 * stage then starts on open sockets; after a long build they have been closed again (idle), and
 * the stage opens its own.
 */
export function warmRegistry(loaded: LoadedConfig, env: Env, repository: string, targets: number): void {
  const signing = chooseSigning(loaded.config.attest, env, loaded.baseDir, toolsFor(env, false));
  if (!signing.identity) return;
  // The stage's first round: each target's .sig and .att reads, then its uploads.
  preconnect(repository, signing.identity, env, signing.tlog, Math.min(4 * targets, 16));
}
