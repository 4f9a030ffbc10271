// The SLSA v1 provenance predicate (https://slsa.dev/spec/v1.0/provenance) of one image by digest:
// what was built from what (the source repository's commit, the config, the requirement and
// constraint files, the base image by digest), by which builder (the workflow run in Actions, the
// CLI elsewhere), and when. Pure.
import { createHash } from 'node:crypto';
import { parseImageRef } from '../oci/ref.js';
import { dockerPurl } from './purl.js';
import { runUrlFromEnv } from '../github/run.js';
import { withoutUserinfo } from '../util/url-userinfo.js';
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
      /** The workflow that ran the build (GITHUB_WORKFLOW_REF), as SLSA's GitHub build type names it. */
      workflow?: { ref: string; repository: string; path: string };
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

/** What was built from: a repository's commit, and the ref it was checked out as when known. */
export interface SourceRevision {
  /** https://github.com/acme/model (a login in it is taken out). */
  repositoryUrl: string;
  /**
   * The full commit id: 40 hex digits (64 in a SHA-256 repository); anything else names none (''
   * from a git context that names no commit: sourceOf).
   */
  commit: string;
  /** refs/heads/main, refs/tags/v1.4.0, refs/pull/12/merge. */
  ref?: string;
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
  /**
   * The run's git context as a source: off GitHub Actions the one named; in Actions GitHub's
   * variables name it, and this decides where the run built another commit (sourceOf).
   */
  source?: SourceRevision;
}

/** The builder: the workflow run (attempt) URL in GitHub Actions, the CLI's id elsewhere. */
export function builderFromEnv(env: Env): { id: string } {
  return { id: runUrlFromEnv(env) ?? CLI_BUILDER_ID };
}

/**
 * The base image as a resolved dependency: its purl (dockerPurl: pkg:docker/<path>@<digest, else
 * tag>?repository_url=<registry>), with its sha256 when known. A reference without a name (one that
 * ends in "/") has no purl, as in the SBOM: it is named by the reference, and left out without a
 * digest either (a ResourceDescriptor needs a uri, a digest or the content).
 */
export function baseImageDependency(base: {
  ref: string;
  digest?: string | null;
}): ResourceDescriptor | undefined {
  const hex = sha256Hex(base.digest ?? parseImageRef(base.ref).digest);
  const uri = dockerPurl(base.ref, hex && `sha256:${hex}`);
  if (uri === undefined && hex === undefined) return undefined;
  return {
    ...(uri !== undefined && { uri }),
    name: base.ref,
    ...(hex !== undefined && { digest: { sha256: hex } }),
  };
}

/** The source GitHub's variables name (the run's repository, commit and ref), if they do. */
function sourceFromEnv(env: Env): SourceRevision | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha, GITHUB_REF: ref } = env;
  if (!server || !repo || !sha) return undefined;
  return { repositoryUrl: `${server.replace(/\/+$/, '')}/${repo}`, commit: sha, ...(ref && { ref }) };
}

/**
 * The commit built. On a pull request's merge ref (refs/pull/N/merge: pull_request and its review
 * events) GitHub's variables: GITHUB_SHA is the merge commit the checkout holds (the git context
 * names the head, which people see). Elsewhere GIT, the run's git context, decides where it is
 * given: another commit than GITHUB_SHA (a workflow_run, issue_comment or schedule run's checkout)
 * is named without a ref, GITHUB_REF not being its; no commit (an empty one: the git context names
 * none for what may be a pull request's code whose checkout was not read) names no source, never
 * GITHUB_SHA. A pull_request_target run names none: GITHUB_SHA is the base branch's, the git
 * context names the head, and which commit its checkout holds is not read.
 */
function sourceOf(env: Env, git: SourceRevision | undefined): SourceRevision | undefined {
  const fromEnv = sourceFromEnv(env);
  if (!fromEnv) return git;
  // GITHUB_SHA is the base branch's and the git context names the head, whatever was checked out.
  if (env.GITHUB_EVENT_NAME === 'pull_request_target') return undefined;
  if (/^refs\/pull\//.test(env.GITHUB_REF ?? '') || !git) return fromEnv;
  if (!git.commit) return undefined;
  if (git.commit.toLowerCase() === fromEnv.commit.toLowerCase()) return fromEnv;
  return { repositoryUrl: fromEnv.repositoryUrl, commit: git.commit };
}

/**
 * The source as a resolved dependency, as actions/attest-build-provenance and SLSA's GitHub build
 * type write it: git+<repository>@<ref> with its gitCommit; undefined without a full commit id.
 */
function sourceDependency(source: SourceRevision | undefined): ResourceDescriptor | undefined {
  const commit = source?.commit.toLowerCase();
  if (!source || !commit || !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(commit)) return undefined;
  const url = withoutUserinfo(source.repositoryUrl).replace(/\/+$/, '');
  return { uri: `git+${url}${source.ref ? `@${source.ref}` : ''}`, digest: { gitCommit: commit } };
}

/**
 * The workflow of the run (GITHUB_WORKFLOW_REF: <owner>/<repo>/<path>@<ref>) as SLSA's GitHub build
 * type names it in externalParameters: its ref, repository URL and path; undefined outside Actions.
 */
function workflowFromEnv(env: Env): { ref: string; repository: string; path: string } | undefined {
  const m = /^([^/@]+\/[^/@]+)\/([^@]+)@(.+)$/.exec(env.GITHUB_WORKFLOW_REF ?? '');
  const server = env.GITHUB_SERVER_URL?.replace(/\/+$/, '');
  if (!m || !server) return undefined;
  return { ref: m[3]!, repository: withoutUserinfo(`${server}/${m[1]}`), path: m[2]! };
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
  const source = sourceDependency(sourceOf(input.env, input.source));
  const workflow = workflowFromEnv(input.env);
  const base = baseImageDependency(input.baseImage);
  const deps = [
    ...(source ? [source] : []),
    ...(base ? [base] : []),
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
        ...(workflow && { workflow }),
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
