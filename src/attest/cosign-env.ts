// cosign's environment: the run's id, and for a cosign run that reads Sigstore's TUF metadata
// (Fulcio's and Rekor's keys: keyless signing and verifying, the transparency log) a TUF_ROOT of
// the run's own. cosign keeps that metadata in TUF_ROOT, by default ~/.sigstore/root, one cache for
// every cosign of the user: two jobs on self-hosted runners sharing a HOME (two attest stages, an
// attest stage and a deploy gate's verify) trip over its lock ("creating cached local store:
// resource temporarily unavailable", sigstore/cosign#2576) or over each other's writes ("failed
// to persist metadata"). The run's own is an empty directory under the run's temp root, made once
// and removed with it: cosign starts an empty one from the root it embeds and fetches the current
// metadata from tuf-repo-cdn.sigstore.dev (sigstore/sigstore pkg/tuf, sigstore-go's tuf client),
// one refresh per run. A TUF_ROOT the user set is theirs, and used as it is; so is the default
// ~/.sigstore/root where `cosign initialize --mirror` pointed it at a TUF repository other than
// Sigstore's public one (a private Sigstore, whose root a fresh TUF_ROOT would not know).
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { EnvironmentError } from '../errors.js';
import { RUN_ID_ENV } from '../docker/exec-runner.js';
import { registerCleanup } from '../util/cleanup.js';
import { RUN_ID } from '../util/run-id.js';
import { runTempDir, runTempRoot } from '../util/temp.js';

type Env = Readonly<Record<string, string | undefined>>;

const TUF_ROOT_ENV = 'TUF_ROOT';

/** An empty dir under the run's temp root; one that cannot be made is exit 3, before cosign starts. */
function makeTufRoot(): string {
  try {
    return runTempDir('cosign-tuf-');
  } catch (e) {
    if (e instanceof EnvironmentError) throw e; // the temp root is not private (temp.ts says so)
    throw new EnvironmentError(
      `cannot make a TUF_ROOT for cosign under ${runTempRoot()} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      "check that the temp dir (TMPDIR) is writable and has room, or set TUF_ROOT to a directory of this job's own",
      { cause: e },
    );
  }
}

/**
 * A run's own TUF_ROOT, made on the first call (MAKE: a temp dir under the run's temp root) and
 * the same after; REGISTER's cleanup removes it, and a call after that makes another.
 */
export function tufRootOnce(
  make: () => string = makeTufRoot,
  register: (cleanup: () => void) => unknown = registerCleanup,
): () => string {
  let dir: string | undefined;
  return () => {
    if (dir !== undefined) return dir;
    const made = make();
    dir = made;
    register(() => {
      if (dir === made) dir = undefined;
      rmSync(made, { recursive: true, force: true });
    });
    return made;
  };
}

/** This run's own TUF_ROOT (see tufRootOnce). */
export const runTufRoot = tufRootOnce();

/** The TUF_ROOT the user gave (the call's environment over BASE), if any: an empty one is none. */
export function givenTufRoot(
  extra: Readonly<Record<string, string>> | undefined,
  base: Env,
): string | undefined {
  const dir = extra?.[TUF_ROOT_ENV] ?? base[TUF_ROOT_ENV];
  return dir === undefined || dir === '' ? undefined : dir;
}

/** Sigstore's public TUF repository, by the names `cosign initialize --mirror` takes for it. */
const PUBLIC_TUF_MIRRORS = new Set([
  'tuf-repo-cdn.sigstore.dev',
  'sigstore-tuf-root.storage.googleapis.com',
  'sigstore-tuf-root',
]);

/**
 * ~/.sigstore/root (HOME from BASE) when `cosign initialize --mirror` wrote it for a TUF repository
 * other than Sigstore's public one: its remote.json names that mirror (a URL, or a GCS bucket's
 * name). cosign then trusts the root kept there, which a fresh TUF_ROOT would not have; so that
 * cache is used as before. Anything else there (none, the public mirror, unreadable): undefined.
 */
export function initializedTufRoot(
  base: Env,
  read: (file: string) => string = (f) => readFileSync(f, 'utf8'),
): string | undefined {
  if (base.HOME === undefined || base.HOME === '') return undefined;
  const dir = path.join(base.HOME, '.sigstore', 'root');
  let mirror: unknown;
  try {
    mirror = (JSON.parse(read(path.join(dir, 'remote.json'))) as { mirror?: unknown } | null)?.mirror;
  } catch {
    return undefined;
  }
  if (typeof mirror !== 'string' || mirror.trim() === '') return undefined;
  let name = mirror.trim();
  try {
    name = new URL(name).hostname;
  } catch {
    // a GCS bucket's name
  }
  return PUBLIC_TUF_MIRRORS.has(name.toLowerCase()) ? undefined : dir;
}

/**
 * cosign's environment: BASE (this process's), the call's own (EXTRA), and the run's id
 * (ML_IMAGE_RUN_ID), by which the action's post step finds a cosign a cancelled job left running,
 * as it finds docker CLIs. Given TUF_ROOT (the call reads Sigstore's TUF metadata), the run's own
 * TUF_ROOT from it, unless the user set one or initialized the default for a mirror of their own.
 */
export function cosignEnv(
  extra: Readonly<Record<string, string>> | undefined,
  base: Env,
  tufRoot?: () => string,
  initialized: (base: Env) => string | undefined = initializedTufRoot,
): Record<string, string | undefined> {
  const own =
    tufRoot !== undefined && givenTufRoot(extra, base) === undefined && initialized(base) === undefined;
  return { ...base, ...extra, ...(own && { [TUF_ROOT_ENV]: tufRoot() }), [RUN_ID_ENV]: RUN_ID };
}

/**
 * cosign could not open or update its Sigstore cache, twice (cosign-run.ts tries once more): in a
 * TUF_ROOT the user set (GIVEN) another cosign most likely uses it too, as in cosign's default
 * ~/.sigstore/root (a run without OWN, the run's own: one that reads no TUF metadata, or one that
 * keeps the default because cosign initialize set it up for a private mirror: INITIALIZED); in
 * the run's own the temp dir is the suspect.
 */
export function sigstoreCacheError(
  what: string,
  detail: string,
  given: string | undefined,
  own: boolean,
  initialized?: string,
): EnvironmentError {
  const ownUsed = own && given === undefined && initialized === undefined;
  const where =
    given !== undefined ? `TUF_ROOT ${given}` : ownUsed ? "the run's own TUF_ROOT" : '~/.sigstore/root';
  const fix =
    given !== undefined
      ? 'the TUF_ROOT set in the environment is shared by every cosign run that has it (another job on this machine): give each job a TUF_ROOT of its own, or unset it (each run then uses one of its own), and run again'
      : ownUsed
        ? `each run's cosign keeps that cache in a TUF_ROOT of its own under ${runTempRoot()}: check that the temp dir (TMPDIR) is writable and has room, and run again`
        : initialized !== undefined
          ? `${initialized} is set up for your own TUF mirror (cosign initialize), so every cosign of this user shares it (another job on this machine was using it): give each job a TUF_ROOT of its own, initialized for your mirror ("TUF_ROOT=DIR cosign initialize --mirror ... --root ..."), and run again`
          : "another cosign of this user (another job on this machine) was using it: set TUF_ROOT to a directory of this job's own, and run again";
  return new EnvironmentError(
    `${what}: cosign could not use its Sigstore cache (the TUF metadata in ${where}) (${detail})`,
    fix,
  );
}
