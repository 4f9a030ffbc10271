// The buildx argv for one build target: a pure function of the request and what the builder can do
// (buildx version and driver), tested as a table of cases.
import { BUILD_ARGS_FIX, buildArgSecretProblem } from '../config/build-args.js';
import { EnvironmentError, InputError } from '../errors.js';
import { cacheSpecType } from './bpa-lists.js';
import type { CacheSpec } from './cache-scope.js';
import { compareVersions } from '../util/versions.js';
import { provenanceArgs, type ProvenanceRequest } from './provenance-args.js';

export interface BuilderInfo {
  /** buildx version, e.g. "0.13.1". */
  buildxVersion: string;
  /** Driver of the builder: docker (dockerd's BuildKit), docker-container, kubernetes, remote. */
  driver: string;
  /** --builder NAME: the builder input's, else the current one's at the start of the run. */
  name?: string;
  /** BuildKit version of the builder when known, e.g. "0.8.2" (dockerd 20.10's built-in). */
  buildkitVersion?: string;
  /** Its nodes' endpoints, as `buildx inspect` names them (BuilderDescription.endpoints). */
  endpoints?: string[];
  /** docker driver on the containerd image store: exports cache and attests (unset: classic store). */
  containerdStore?: boolean;
}

export interface BuildRequest extends ProvenanceRequest {
  context: string;
  dockerfile: string;
  platform: string;
  /** Repository pushed to, without tag: registry/name. */
  repository: string;
  /** Tag used to carry the push where the driver cannot push by digest alone (docker driver). */
  pushTag: string;
  /** The default branch's push tag, when pushTag is another's (a scoped run): its inline cache is read too. */
  defaultPushTag?: string;
  push: boolean;
  /** Local tag for a build that is loaded into the engine instead of pushed (push: false). */
  loadTag?: string;
  /**
   * More tags of the loaded image: a variant built for one platform carries its tags too (the
   * `tags` input's), as build-push-action's `load` with `tags` (build, load, test, push).
   */
  loadTags?: readonly string[];
  labels: Readonly<Record<string, string>>;
  buildArgs: Readonly<Record<string, string>>;
  /** Named build contexts (--build-context name=path), e.g. the resolver's constraints directory. */
  buildContexts?: Readonly<Record<string, string>>;
  /** Where cache is read from and written to; scoped per variant and platform by the caller. */
  cache: CacheSpec;
  /**
   * Why the run writes no cache the default branch reads (it may build a pull request's code, or is
   * another ref's): the registry cache is read, never written (a branch must not plant layers a
   * release build reuses); the docker driver's inline cache rides on the run's own push tag.
   */
  cacheReadOnly?: string;
  /**
   * With cacheReadOnly: GitHub keeps this run's gha cache entries to its own ref (refs/pull/N/...),
   * so gha is still written. Unset (pull_request_target, workflow_run, issue_comment: GITHUB_REF is
   * the default branch), a gha write would land in the branch's scope: gha is read only.
   */
  ghaCacheOwnScope?: boolean;
  metadataFile: string;
  /** Secret ids: each is read from the environment variable of the same name, never a build arg. */
  secrets: readonly string[];
  /**
   * File secrets, id -> path of a 0600 file in the build's private temp directory (requirements,
   * constraints, pip.conf ...): mounted at /run/secrets/<id> by `RUN --mount=type=secret,id=<id>`.
   */
  fileSecrets?: Readonly<Record<string, string>>;
  network?: 'default' | 'host' | 'none';
  pull?: boolean;
  noCache?: boolean;
  target?: string;
  /** `secret-envs` input: id -> environment variable (`--secret id=ID,env=NAME`). */
  secretEnvs?: Readonly<Record<string, string>>;
  /** `cache-from` / `cache-to` inputs: CSV specs passed as given, instead of `cache`. */
  cacheFrom?: readonly string[];
  cacheTo?: readonly string[];
  /** `--annotation` values for the per-platform image (manifest level), buildx >= 0.12. */
  annotations?: readonly string[];
  /** `--sbom=true|false` (BuildKit's SBOM attestation). */
  sbom?: boolean;
  /** Also load the image into the engine when pushing (a second exporter, buildx >= 0.13). */
  load?: boolean;
  /** Push OCI manifests (`oci-mediatypes=true`): annotations live only in OCI ones (`imagetools
   * create` writes a Docker list, dropping index annotations, when every manifest is a Docker one). */
  ociMediatypes?: boolean;
  /** `secret-files` input: id -> path of the user's file (`--secret id=ID,src=PATH`). */
  secretFiles?: Readonly<Record<string, string>>;
  /** `ssh` input: `--ssh` values (`default`, `ID=PATH`). */
  ssh?: readonly string[];
  /** `outputs` input: extra exporters next to the push/load one (buildx >= 0.13). */
  outputs?: readonly string[];
  /** `attests` input: `--attest` values (buildx >= 0.10, not the docker driver). */
  attests?: readonly string[];
  // Inputs passed as given: add-hosts (--add-host values), shm-size, ulimit (--ulimit values), allow
  // (--allow entitlements), cgroup-parent, no-cache-filters (--no-cache-filter stages).
  addHosts?: readonly string[];
  shmSize?: string;
  ulimits?: readonly string[];
  allow?: readonly string[];
  cgroupParent?: string;
  noCacheFilters?: readonly string[];
}

interface BuildxArgs {
  args: string[];
  /** What was adapted to the builder's abilities (shown to the user once). */
  notes: string[];
  /** What was asked for (sbom, attests, annotations, cache-to) and left out: said as warnings. */
  warnings: string[];
}

const atLeast = (v: string, min: string) => compareVersions(v, min) >= 0;
/** The notes and the warnings (BuildxArgs') being made. */
type Said = [notes: string[], warnings: string[]];

/**
 * `--secret id=X,src=FILE` is as old as buildx itself; `--secret id=X,env=VAR` came with buildx
 * 0.6.0 (docker/buildx#488). Secrets are the only way credentials and requirements reach the build,
 * so an older buildx is refused rather than fall back to build arguments.
 */
export const SECRETS_MIN_BUILDX = '0.6.0';
/** `RUN --mount=type=secret` without a `# syntax=` line: dockerfile frontend 1.2, built into BuildKit 0.8. */
const SECRET_MOUNTS_MIN_BUILDKIT = '0.8.0';

/** Why this builder cannot mount build secrets (undefined when it can). */
export function secretMountsUnsupported(b: BuilderInfo): string | undefined {
  if (!atLeast(b.buildxVersion, SECRETS_MIN_BUILDX))
    return `buildx ${b.buildxVersion} cannot pass build secrets from the environment (needs buildx >= ${SECRETS_MIN_BUILDX})`;
  if (b.buildkitVersion !== undefined && !atLeast(b.buildkitVersion, SECRET_MOUNTS_MIN_BUILDKIT))
    return `BuildKit ${b.buildkitVersion} of builder ${b.name ?? '(current)'} does not understand RUN --mount=type=secret (needs BuildKit >= ${SECRET_MOUNTS_MIN_BUILDKIT}, Docker >= 20.10)`;
  return undefined;
}

export const SECRETS_FIX = `install buildx >= ${SECRETS_MIN_BUILDX} (https://github.com/docker/buildx/releases, or docker/setup-buildx-action) and Docker Engine >= 20.10; credentials and requirements reach the build only through secret mounts, never build arguments`;

/**
 * build.args end up in the image history (`docker history --no-trunc`) for anyone who can pull it:
 * refuse an entry whose name looks like a credential or whose value carries URL userinfo or a
 * token. The config schema refuses them already; this holds for a config that came another way.
 */
export function checkBuildArgs(args: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(args)) {
    const why = buildArgSecretProblem(name, value);
    if (why !== undefined) throw new InputError(`build.args.${name}: ${why}`, BUILD_ARGS_FIX);
  }
}

/** A field of buildx's CSV-parsed --secret value, quoted when it holds a comma or a quote. */
function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The docker driver (dockerd's built-in BuildKit) cannot push by digest (buildx refuses it). */
export function canPushByDigest(b: BuilderInfo): boolean {
  return b.driver !== 'docker';
}

/** The docker driver on the classic image store: no cache export, attestations or annotations. */
export const classicDocker = (b: BuilderInfo) => b.driver === 'docker' && b.containerdStore !== true;

/** --build-context: named build contexts need buildx >= 0.8.0. */
function buildContextArgs(req: BuildRequest, builder: BuilderInfo): string[] {
  if (!req.buildContexts || Object.keys(req.buildContexts).length === 0) return [];
  if (!atLeast(builder.buildxVersion, '0.8.0')) {
    throw new EnvironmentError(
      `named build contexts need buildx >= 0.8.0 (found ${builder.buildxVersion})`,
      'update the buildx CLI plugin (docker-buildx-plugin, or docker-buildx on Debian 13+/Ubuntu)',
    );
  }
  return Object.entries(req.buildContexts).flatMap(([k, v]) => ['--build-context', `${k}=${v}`]);
}

/** --secret: from the environment (build.secrets) and from files; refused where unsupported. */
function secretArgs(req: BuildRequest, builder: BuilderInfo): string[] {
  const fileSecrets = [...Object.entries(req.fileSecrets ?? {}), ...Object.entries(req.secretFiles ?? {})];
  const secretEnvs = Object.entries(req.secretEnvs ?? {});
  if (req.secrets.length > 0 || fileSecrets.length > 0 || secretEnvs.length > 0) {
    const why = secretMountsUnsupported(builder);
    if (why !== undefined) throw new EnvironmentError(why, SECRETS_FIX);
  }
  const ids = [...req.secrets, ...secretEnvs.map(([id]) => id), ...fileSecrets.map(([id]) => id)];
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length)
    throw new InputError(
      `secret id ${[...new Set(twice)].join(', ')} is given twice (build.secrets, secrets, secret-envs, secret-files, or one this action mounts itself)`,
      'give each secret id once',
    );
  return [
    ...req.secrets.flatMap((id) => ['--secret', `id=${id},env=${id}`]),
    ...secretEnvs.flatMap(([id, env]) => ['--secret', `id=${id},env=${env}`]),
    ...fileSecrets.flatMap(([id, file]) => ['--secret', `id=${id},${csvField(`src=${file}`)}`]),
  ];
}

/** --ssh, --add-host, --shm-size, --ulimit, --allow, --cgroup-parent, --no-cache-filter: as given. */
function runArgs(req: BuildRequest): string[] {
  return [
    ...(req.ssh ?? []).flatMap((s) => ['--ssh', s]),
    ...(req.addHosts ?? []).flatMap((h) => ['--add-host', h]),
    ...(req.shmSize !== undefined ? ['--shm-size', req.shmSize] : []),
    ...(req.ulimits ?? []).flatMap((u) => ['--ulimit', u]),
    ...(req.allow ?? []).flatMap((a) => ['--allow', a]),
    ...(req.cgroupParent !== undefined ? ['--cgroup-parent', req.cgroupParent] : []),
    ...(req.noCacheFilters ?? []).flatMap((f) => ['--no-cache-filter', f]),
  ];
}

/** The `outputs` input: more exporters next to the action's own, which needs buildx >= 0.13. */
function givenOutputArgs(req: BuildRequest, builder: BuilderInfo): string[] {
  if (!req.outputs?.length) return [];
  if (!atLeast(builder.buildxVersion, '0.13.0'))
    throw new EnvironmentError(
      `outputs: the action exports the image itself (${req.push ? 'push' : 'load'}), and a second exporter needs buildx >= 0.13.0 (found ${builder.buildxVersion})`,
      'update buildx (docker/setup-buildx-action), or drop the outputs input',
    );
  if (builder.buildkitVersion !== undefined && !atLeast(builder.buildkitVersion, '0.13.0'))
    throw new EnvironmentError(
      `outputs: the action exports the image itself (${req.push ? 'push' : 'load'}), and BuildKit ${builder.buildkitVersion} of builder ${builder.name ?? '(current)'} exports once (a second exporter needs BuildKit >= 0.13)`,
      'use a docker-container builder (docker/setup-buildx-action, then its name as the builder input), or drop the outputs input',
    );
  return req.outputs.flatMap((o) => ['--output', o]);
}

/**
 * The `cache-from` / `cache-to` inputs, as given (BPA): the docker driver on the classic image store
 * reads any cache but exports only inline cache, so other `cache-to` specs are left out with a note. A
 * run that may build a pull request's code or builds another ref (cacheReadOnly) writes no cache the default branch reads
 * either: only inline cache (on its own image) and gha where GitHub scopes its entries to the pull
 * request (ghaCacheOwnScope) are kept.
 */
function givenCacheArgs(req: BuildRequest, builder: BuilderInfo, [notes, warnings]: Said): string[] {
  // The type buildx will use (the last type=), or refused: a spec it could read as another type.
  for (const spec of req.cacheFrom ?? []) cacheSpecType('cache-from', spec);
  const to = (req.cacheTo ?? []).filter((spec) => {
    const type = cacheSpecType('cache-to', spec);
    if (req.cacheReadOnly && type !== 'inline' && (type !== 'gha' || !req.ghaCacheOwnScope)) {
      notes.push(
        `${req.cacheReadOnly}: cache-to ${type} left out (a branch must not write a cache that release builds read; it still reads cache-from)`,
      );
      return false;
    }
    if (!classicDocker(builder) || type === 'inline') return true;
    warnings.push(
      `docker driver: cannot export cache type=${type}; cache-to left out (use a docker-container builder)`,
    );
    return false;
  });
  return [
    ...(req.cacheFrom ?? []).flatMap((spec) => ['--cache-from', spec]),
    ...to.flatMap((spec) => ['--cache-to', spec]),
  ];
}

/**
 * --cache-from / --cache-to for what the driver can do (notes say what was adapted). The registry
 * cache is written only by a build that pushes: push: false reads it.
 */
function cacheArgs(req: BuildRequest, builder: BuilderInfo, said: Said): string[] {
  if (req.cacheFrom !== undefined || req.cacheTo !== undefined) return givenCacheArgs(req, builder, said);
  const [notes] = said;
  // Cache: the classic-store docker driver can only embed inline cache in the pushed image and read it back.
  if (classicDocker(builder)) {
    if (req.cache.type === 'none') return [];
    notes.push(
      req.push
        ? 'docker driver: cache is kept inline in the pushed per-platform image (no gha/registry cache export)'
        : "push: false: docker driver: no cache is read from or written to the registry (its inline cache is in pushed images only); the engine's own build cache still applies",
    );
    const tags = req.defaultPushTag ? [req.pushTag, req.defaultPushTag] : [req.pushTag];
    const from = tags.flatMap((t) => ['--cache-from', `type=registry,ref=${req.repository}:${t}`]);
    return req.push ? ['--cache-to', 'type=inline', ...from] : [];
  }
  if (req.cache.type === 'gha') {
    if (atLeast(builder.buildxVersion, '0.21.0')) {
      const gha = `type=gha,scope=${req.cache.scope}`;
      if (req.cacheReadOnly && !req.ghaCacheOwnScope) {
        notes.push(
          `${req.cacheReadOnly}: the gha cache ${req.cache.scope} is read, not written (this event's cache scope is the branch's)`,
        );
        return ['--cache-from', gha];
      }
      return ['--cache-from', gha, '--cache-to', `${gha},mode=max`];
    }
    notes.push(
      `GitHub Actions cache needs buildx >= 0.21.0 (found ${builder.buildxVersion}; the old cache service is gone): building without cache`,
    );
    return [];
  }
  if (req.cache.type === 'registry') {
    const from = ['--cache-from', `type=registry,ref=${req.cache.ref}`];
    if (req.cacheReadOnly) {
      notes.push(`${req.cacheReadOnly}: the registry cache ${req.cache.ref} is read, not written`);
      return from;
    }
    // push: false (--load) pushes nothing to the registry, its cache included.
    if (!req.push) {
      notes.push(`push: false: the registry cache ${req.cache.ref} is read, not written`);
      return from;
    }
    const opts = 'mode=max,image-manifest=true,oci-mediatypes=true';
    return [...from, '--cache-to', `type=registry,ref=${req.cache.ref},${opts}`];
  }
  return [];
}

/** --sbom (buildx >= 0.10, not on the classic-store docker driver) and --annotation (buildx >= 0.12). */
function attestationArgs(req: BuildRequest, builder: BuilderInfo, warnings: string[]): string[] {
  const args: string[] = [];
  if (req.sbom !== undefined) {
    const old = !atLeast(builder.buildxVersion, '0.10.0');
    if (old && req.sbom)
      warnings.push(`sbom: needs buildx >= 0.10.0 (found ${builder.buildxVersion}), left out`);
    else if (classicDocker(builder) && req.sbom)
      warnings.push('docker driver: SBOM attestations are not supported, left out');
    else if (!old) args.push(`--sbom=${req.sbom}`);
  }
  if (req.attests?.length) {
    if (!atLeast(builder.buildxVersion, '0.10.0'))
      warnings.push(`attests: need buildx >= 0.10.0 (found ${builder.buildxVersion}), left out`);
    else if (classicDocker(builder))
      warnings.push('docker driver: attestations are not supported, attests left out');
    else args.push(...req.attests.flatMap((a) => ['--attest', a]));
  }
  if (req.annotations?.length) {
    if (classicDocker(builder))
      warnings.push(
        'docker driver: images are pushed with Docker manifests, which carry no annotations: annotations left out (use a docker-container builder)',
      );
    else if (atLeast(builder.buildxVersion, '0.12.0'))
      args.push(...req.annotations.flatMap((a) => ['--annotation', a]));
    else warnings.push(`annotations: need buildx >= 0.12.0 (found ${builder.buildxVersion}), left out`);
  }
  return args;
}

/** The names of a loaded image: its local tag, then the tags it carries too (loadTags). */
const loadNames = (req: BuildRequest) => [...new Set([req.loadTag ?? [], req.loadTags ?? []].flat())];

/** Where the image goes: loaded into the engine, pushed by digest, or pushed by tag (docker driver). */
function outputArgs(req: BuildRequest, builder: BuilderInfo, notes: string[]): string[] {
  if (!req.push) return ['--load', ...loadNames(req).flatMap((t) => ['--tag', t])];
  if (canPushByDigest(builder)) {
    return [
      '--output',
      `type=image,name=${req.repository},push-by-digest=true,name-canonical=true,push=true${req.ociMediatypes ? ',oci-mediatypes=true' : ''}`,
      ...loadToo(req, builder),
    ];
  }
  if (req.load)
    notes.push(
      req.loadTags?.length
        ? `docker driver: the pushed image is in the engine already (load), under its push tag ${req.pushTag} only (the tags name the merged list in the registry)`
        : 'docker driver: the pushed image is in the engine already (load)',
    );
  notes.push(`docker driver: pushes by tag ${req.pushTag} and merges by the digest it reports`);
  const oci = req.ociMediatypes && !classicDocker(builder) ? ',oci-mediatypes=true' : '';
  return ['--output', `type=image,name=${req.repository}:${req.pushTag},push=true${oci}`];
}

/** push and load: a second exporter into the engine (buildx >= 0.13 can export twice). */
function loadToo(req: BuildRequest, builder: BuilderInfo): string[] {
  if (!req.load) return [];
  if (!atLeast(builder.buildxVersion, '0.13.0'))
    throw new EnvironmentError(
      `load with push needs buildx >= 0.13.0 to export twice (found ${builder.buildxVersion})`,
      'update buildx, or set push: false to load only',
    );
  // Several names in one field, quoted for buildx's CSV: `type=docker,"name=a,b"`.
  const names = loadNames(req);
  return ['--output', `type=docker${names.length ? `,${csvField(`name=${names.join(',')}`)}` : ''}`];
}

export function buildxBuildArgs(req: BuildRequest, builder: BuilderInfo): BuildxArgs {
  const [notes, warnings]: Said = [[], []];
  const args: string[] = ['build'];
  if (builder.name) args.push('--builder', builder.name);
  args.push('--platform', req.platform, '--file', req.dockerfile, '--progress', 'plain');
  args.push('--metadata-file', req.metadataFile);

  for (const [k, v] of Object.entries(req.buildArgs)) args.push('--build-arg', `${k}=${v}`);
  for (const [k, v] of Object.entries(req.labels)) args.push('--label', `${k}=${v}`);
  args.push(...buildContextArgs(req, builder), ...secretArgs(req, builder), ...runArgs(req));
  if (req.network && req.network !== 'default') args.push('--network', req.network);
  if (req.pull) args.push('--pull');
  if (req.noCache) args.push('--no-cache');
  if (req.target) args.push('--target', req.target);

  args.push(...cacheArgs(req, builder, [notes, warnings]));
  args.push(...provenanceArgs(req, builder, classicDocker(builder), [notes, warnings]));
  args.push(...attestationArgs(req, builder, warnings));
  args.push(...outputArgs(req, builder, notes), ...givenOutputArgs(req, builder), req.context);
  return { args, notes, warnings };
}
