// The SLSA v1 provenance predicate (https://slsa.dev/spec/v1.0/provenance) of one image by digest:
// what was built from what (the config, the requirement and constraint files, the base image by
// digest), by which builder (the workflow run in Actions, the CLI elsewhere), and when. Pure.
import { createHash } from 'node:crypto';
import { parseImageRef } from '../oci/ref.js';
import { purlEncode } from './purl.js';
import { runUrlFromEnv } from '../github/run.js';
import { type ResourceDescriptor, scrubDeep, sha256Hex } from './types.js';

// Its predicate type is defined with the other kinds' in result.ts (KIND_TYPES).
export { SLSA_PROVENANCE_V1 } from './result.js';
export const BUILD_TYPE = 'https://ml-image-action.github.io/buildtypes/buildx/v1';
/** The builder id outside GitHub Actions. */
export const CLI_BUILDER_ID = 'https://ml-image-action.github.io/builders/cli';

type Env = Readonly<Record<string, string | undefined>>;

export interface SlsaProvenanceV1 {
  buildDefinition: {
    buildType: string;
    externalParameters: {
      config?: { path: string; sha256: string };
      variant: string;
      platform: string;
      tags: string[];
    };
    internalParameters: { toolVersion: string };
    resolvedDependencies: ResourceDescriptor[];
  };
  runDetails: {
    builder: { id: string };
    metadata: { invocationId: string; startedOn: string; finishedOn: string };
  };
}

export interface FileDigest {
  /** As given in the config (relative to the repository), never an absolute path of the runner. */
  path: string;
  sha256: string;
}

export interface ProvenanceInput {
  repository: string;
  /** The per-platform image digest the predicate is about (sha256:...). */
  digest: string;
  platform: string;
  variant: string;
  tags: readonly string[];
  baseImage: { ref: string; digest?: string | null };
  config?: FileDigest;
  /** The requirements files (python.requirements), by content digest: uri is their path. */
  inputs: readonly FileDigest[];
  /** The resolver's constraints (content digest): made by the run, named rather than given a uri. */
  constraints?: FileDigest;
  env: Env;
  startedOn: Date;
  finishedOn: Date;
  toolVersion: string;
  /** Default: the run URL in Actions, else a UUID URN derived from the digest and start time. */
  invocationId?: string;
}

/** The builder: the workflow run (attempt) URL in GitHub Actions, the CLI's id elsewhere. */
export function builderFromEnv(env: Env): { id: string } {
  return { id: runUrlFromEnv(env) ?? CLI_BUILDER_ID };
}

/**
 * The base image as a resolved dependency: pkg:docker/<path>@<digest, else tag>?repository_url=<registry>
 * (the docker purl type), with its sha256 when known.
 */
export function baseImageDependency(base: { ref: string; digest?: string | null }): ResourceDescriptor {
  const ref = parseImageRef(base.ref);
  const hex = sha256Hex(base.digest ?? ref.digest);
  const version = hex !== undefined ? `sha256:${hex}` : ref.tag;
  const path = ref.path.split('/').map(purlEncode).join('/');
  return {
    uri: `pkg:docker/${path}${version !== undefined ? `@${purlEncode(version)}` : ''}?repository_url=${purlEncode(ref.registry)}`,
    name: base.ref,
    ...(hex !== undefined && { digest: { sha256: hex } }),
  };
}

function fileDependency(f: FileDigest): ResourceDescriptor {
  const hex = sha256Hex(f.sha256);
  return { uri: f.path, ...(hex !== undefined && { digest: { sha256: hex } }) };
}

function invocationIdFor(input: ProvenanceInput): string {
  const run = runUrlFromEnv(input.env);
  if (run !== undefined) return input.env.GITHUB_JOB ? `${run}#${input.env.GITHUB_JOB}` : run;
  const h = createHash('sha256')
    .update(`${input.digest}\n${input.platform}\n${input.startedOn.toISOString()}`)
    .digest('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The resolver's constraints: made by the run, so no file anyone can fetch; named, with the
 * sha256 of their text (a ResourceDescriptor needs a uri, a digest or the content, not all).
 */
function constraintsDependency(f: FileDigest): ResourceDescriptor {
  const hex = sha256Hex(f.sha256);
  return { name: f.path, ...(hex !== undefined && { digest: { sha256: hex } }) };
}

/** The SLSA v1 predicate; every string scrubbed (no URL credentials, no tokens). */
export function buildProvenance(input: ProvenanceInput): SlsaProvenanceV1 {
  const files = [...input.inputs, ...(input.constraints ? [input.constraints] : [])];
  const seen = new Set<string>();
  const deps = [
    baseImageDependency(input.baseImage),
    ...input.inputs.map(fileDependency),
    ...(input.constraints ? [constraintsDependency(input.constraints)] : []),
  ].filter((d) => {
    const key = `${d.uri ?? `name:${d.name}`}\n${d.digest?.sha256 ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const predicate: SlsaProvenanceV1 = {
    buildDefinition: {
      buildType: BUILD_TYPE,
      externalParameters: {
        ...(input.config && { config: { path: input.config.path, sha256: input.config.sha256 } }),
        variant: input.variant,
        platform: input.platform,
        tags: [...input.tags],
      },
      internalParameters: { toolVersion: input.toolVersion },
      resolvedDependencies: deps,
    },
    runDetails: {
      builder: builderFromEnv(input.env),
      metadata: {
        invocationId: input.invocationId ?? invocationIdFor(input),
        startedOn: input.startedOn.toISOString(),
        finishedOn: input.finishedOn.toISOString(),
      },
    },
  };
  // Names from the config and the plan: not secrets, however long.
  const names = [input.variant, input.platform, ...input.tags, ...files.map((f) => f.path)];
  return scrubDeep(predicate, input.config ? [...names, input.config.path] : names);
}
