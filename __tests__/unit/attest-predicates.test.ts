// The SLSA v1 provenance predicate and the smoke-test predicate (src/attest/provenance.ts,
// src/attest/smoke-predicate.ts): their shape, the builder and runner read from GitHub's variables,
// no test output or secret in them, and the zod schema and the JSON Schema in
// docs/attestations/smoke-v1.schema.json accepting and refusing the same predicates.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Statement } from '../../src/attest/cosign-args.js';
import type { AttestationKind } from '../../src/config/attest.js';
import { earlierPredicate, type PredicateContext, predicateFor } from '../../src/attest/predicates.js';
import { buildSbom, SBOM_FORMAT, SBOM_INPUTS_PROPERTY, sbomInputsDigest } from '../../src/attest/sbom.js';
import {
  baseImageDependency,
  BUILD_TYPE,
  buildProvenance,
  builderFromEnv,
  CLI_BUILDER_ID,
  type ProvenanceInput,
  type SlsaProvenanceV1,
} from '../../src/attest/provenance.js';
import {
  buildSmokePredicate,
  metricValue,
  type SmokePredicate,
  type SmokePredicateInput,
  SmokePredicateSchema,
} from '../../src/attest/smoke-predicate.js';
import { sha256Hex, SMOKE_PREDICATE_TYPE } from '../../src/attest/types.js';
import { runnerFromEnv } from '../../src/github/run.js';
import { InputError } from '../../src/errors.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { makeRecord, makeSmoke } from '../helpers/records.js';

const HEX = (c: string) => c.repeat(64);
const DIGEST = `sha256:${HEX('d')}`;
const ACTIONS_ENV = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/model',
  GITHUB_RUN_ID: '123456',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_JOB: 'smoke',
  RUNNER_NAME: 'gpu-runner-7',
  RUNNER_OS: 'Linux',
  RUNNER_ARCH: 'X64',
};
const RUN_URL = 'https://github.com/acme/model/actions/runs/123456/attempts/2';
const HF = 'hf_PLANTEDplantedPLANTEDplanted1234';
const PW = 'tok3nPl4nted';

describe('builderFromEnv / runnerFromEnv', () => {
  it.each([
    ['GitHub Actions', ACTIONS_ENV, RUN_URL],
    ['attempt missing: 1', { ...ACTIONS_ENV, GITHUB_RUN_ATTEMPT: undefined }, RUN_URL.replace(/2$/, '1')],
    [
      'GHES with a trailing slash',
      { ...ACTIONS_ENV, GITHUB_SERVER_URL: 'https://ghe.corp/' },
      'https://ghe.corp/acme/model/actions/runs/123456/attempts/2',
    ],
    ['no run id: the CLI', { ...ACTIONS_ENV, GITHUB_RUN_ID: undefined }, CLI_BUILDER_ID],
    ['nothing set: the CLI', {}, CLI_BUILDER_ID],
    [
      'credentials in the server URL are masked',
      { ...ACTIONS_ENV, GITHUB_SERVER_URL: `https://x:${PW}@ghe.corp` },
      'https://x:[redacted]@ghe.corp/acme/model/actions/runs/123456/attempts/2',
    ],
  ])('%s', (_what, env, id) => {
    expect(builderFromEnv(env)).toEqual({ id });
  });

  it.each([
    ['GitHub Actions', ACTIONS_ENV, { name: 'gpu-runner-7', os: 'Linux', arch: 'X64', url: RUN_URL }],
    ['locally', {}, {}],
    ['empty values left out', { RUNNER_NAME: '', RUNNER_OS: 'Linux' }, { os: 'Linux' }],
  ])('runner %s', (_what, env, runner) => {
    expect(runnerFromEnv(env)).toEqual(runner);
  });
});

function provenanceInput(over: Partial<ProvenanceInput> = {}): ProvenanceInput {
  return {
    repository: 'ghcr.io/acme/model',
    digest: DIGEST,
    platform: 'linux/amd64',
    variant: 'cuda12.8',
    tags: ['ghcr.io/acme/model:pr-12-cuda12.8'],
    baseImage: { ref: 'nvidia/cuda:12.8.1-runtime-ubuntu24.04', digest: `sha256:${HEX('b')}` },
    config: { path: 'ml-image.yml', sha256: HEX('1') },
    inputs: [{ path: 'requirements.txt', sha256: HEX('2') }],
    constraints: { path: 'constraints (resolver)', sha256: `sha256:${HEX('3')}` },
    env: ACTIONS_ENV,
    startedOn: new Date('2026-01-05T10:00:00Z'),
    finishedOn: new Date('2026-01-05T10:04:30Z'),
    toolVersion: '0.1.0',
    ...over,
  };
}

describe("earlierPredicate: an earlier run's signed SBOM attached again when its inputs are these", () => {
  const ctx = (over: Partial<PredicateContext> = {}): PredicateContext => ({
    variant: 'cpu',
    platform: 'linux/amd64',
    repository: 'ghcr.io/acme/model',
    digest: DIGEST,
    tags: [],
    baseImage: { ref: 'python:3.11-slim', digest: `sha256:${HEX('b')}` },
    record: makeRecord({ pip: { numpy: '1.26.4' } }),
    inputs: [],
    buildDurationMs: 1000,
    env: {},
    now: new Date('2026-01-05T13:00:00Z'),
    toolVersion: '0.1.0',
    ...over,
  });
  /** The statement an earlier run signed for C's SBOM (the predicate as predicateFor makes it). */
  const statementFor = (
    c: PredicateContext,
    edit: (p: Record<string, unknown>) => void = () => {},
  ): Statement => {
    const made = predicateFor('sbom', c) as { predicate: Record<string, unknown> };
    const predicate = structuredClone(made.predicate);
    edit(predicate);
    return {
      type: 'https://in-toto.io/Statement/v1',
      predicateType: 'https://cyclonedx.org/bom',
      subject: [{ name: 'ghcr.io/acme/model', digest: { sha256: HEX('d') } }],
      predicate,
    };
  };

  it('the same inputs: the earlier predicate, as it was signed (not made again)', () => {
    // A field no build would write: what comes back is the statement's own predicate.
    const st = statementFor(ctx(), (p) => (p.earlierRun = true));
    const got = earlierPredicate('sbom', ctx(), st);
    expect(got).toEqual({
      predicate: st.predicate,
      predicateType: 'https://cyclonedx.org/bom',
      cosignType: 'cyclonedx',
    });
    expect(predicateFor('sbom', ctx())).toEqual({ ...got, predicate: statementFor(ctx()).predicate });
  });

  it.each<
    [
      string,
      AttestationKind,
      Partial<PredicateContext>,
      (p: Record<string, unknown>) => void,
      Partial<Statement>,
    ]
  >([
    [
      'another record (a package upgraded)',
      'sbom',
      { record: makeRecord({ pip: { numpy: '2.1.0' } }) },
      () => {},
      {},
    ],
    ['another tool version', 'sbom', { toolVersion: '0.2.0' }, () => {}, {}],
    [
      'another base image digest',
      'sbom',
      { baseImage: { ref: 'python:3.11-slim', digest: `sha256:${HEX('c')}` } },
      () => {},
      {},
    ],
    ['another platform', 'sbom', { platform: 'linux/arm64' }, () => {}, {}],
    [
      'no inputs recorded (an older SBOM)',
      'sbom',
      {},
      (p) => delete (p.metadata as Record<string, unknown>).properties,
      {},
    ],
    [
      'a statement about another digest',
      'sbom',
      {},
      () => {},
      { subject: [{ digest: { sha256: HEX('e') } }] },
    ],
    ['another predicate type', 'sbom', {}, () => {}, { predicateType: 'https://spdx.dev/Document' }],
    ['a provenance (it names this run: always made anew)', 'provenance', {}, () => {}, {}],
    ['no record in this job', 'sbom', { record: undefined }, () => {}, {}],
  ])('made anew: %s', (_what, kind, now, edit, statement) => {
    const st = { ...statementFor(ctx(), edit), ...statement };
    const c = ctx(now);
    if (now.record === undefined && 'record' in now) delete c.record;
    expect(earlierPredicate(kind, c, st)).toBeUndefined();
  });
});

describe('sbomInputsDigest: what an SBOM was made from', () => {
  const record = makeRecord({ pip: { torch: '2.4.0' } });
  it('is in the SBOM, and tells apart a default from none and one input from another', () => {
    const input = { record, imageRef: 'ghcr.io/acme/model@' + DIGEST, platform: 'linux/amd64' };
    const sbom = buildSbom(input) as { metadata: { properties: { name: string; value: string }[] } };
    expect(sbom.metadata.properties).toContainEqual({
      name: SBOM_INPUTS_PROPERTY,
      value: sbomInputsDigest(input),
    });
    const digests = [
      sbomInputsDigest(input),
      sbomInputsDigest({ ...input, variant: null }), // none, where the record's variant is the default
      sbomInputsDigest({ ...input, driverFloor: '535.54' }),
      sbomInputsDigest({ ...input, toolVersion: '9.9.9' }),
      sbomInputsDigest({ ...input, record: makeRecord({ pip: { torch: '2.4.1' } }) }),
    ];
    expect(new Set(digests).size).toBe(digests.length);
    expect(sbomInputsDigest({ ...input })).toBe(digests[0]);
  });

  it('SBOM_FORMAT is bumped with any change to what buildSbom makes of the same input', () => {
    // The bytes of one fixed input's SBOM, pinned: when this fails, the SBOM changed. Bump
    // SBOM_FORMAT in src/attest/sbom.ts (an earlier run's SBOM is then made anew, not attached
    // again as this code's) and pin the new digest and format here. A change of the redaction
    // rules alone changes it too (sbomInputsDigest, a property of the SBOM, holds them): pin the
    // new digest only, since the inputs digest already tells such an SBOM from an earlier one.
    // The ML stack's paths too: torch with its CUDA build, CUDA, cuDNN, NCCL (and where each was
    // read), the base image and the driver floor; apt packages built from another source package
    // (upstream=); a string the redaction rules scrub; a pypi name with a dot (kept in its purl); a
    // conda package pip lists at another version (a component of its own); and the interpreter's CPE.
    const fixed = makeRecord({
      ref: 'ghcr.io/acme/model:1.0',
      pip: {
        numpy: '1.26.4',
        torch: '2.4.0+cu124',
        'sk-tools': 'sk-PLANTEDplanted0123456789',
        'zope.interface': '7.2',
        'cuda-toolkit': '13.0.2',
      },
      apt: [
        { name: 'libssl3', version: '3.0.15-1~deb12u1', arch: 'amd64', source: 'openssl' },
        {
          name: 'libc6',
          version: '2.36-9+deb12u7+b1',
          arch: 'amd64',
          source: 'glibc',
          sourceVersion: '2.36-9+deb12u7',
        },
      ],
      torch: { version: '2.4.0+cu124', cuda: '12.4' },
      cuda: {
        runtime: '12.4.1',
        cudnn: '9.1.0',
        nccl: '2.21.5',
        sources: { runtime: 'system', cudnn: 'torch: nvidia/cudnn/lib/libcudnn.so.9', nccl: 'system' },
      },
    });
    fixed.capture.time = '2026-01-01T00:00:00.000Z';
    fixed.conda = [
      { name: 'cuda-toolkit', version: '12.4.1', build: '0', channel: 'https://conda.anaconda.org/nvidia' },
    ];
    const sbom = buildSbom({
      record: fixed,
      imageDigest: DIGEST,
      platform: 'linux/amd64',
      baseImage: {
        ref: 'nvcr.io/nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04',
        digest: `sha256:${HEX('b')}`,
      },
      driverFloor: '525.60.13',
      toolVersion: '0.1.0',
    });
    expect(JSON.stringify(sbom)).not.toContain('PLANTED');
    for (const part of [
      'pkg:pypi/zope.interface@7.2',
      'pkg:conda/cuda-toolkit@12.4.1',
      'cpe:2.3:a:python:python:3.11.9:',
    ])
      expect(JSON.stringify(sbom)).toContain(part);
    const digest = createHash('sha256').update(JSON.stringify(sbom)).digest('hex');
    expect([SBOM_FORMAT, digest]).toEqual([
      21,
      '359e762c7c1155331a256de583ef658aa0d36ccc11257570a05d39afad55339b',
    ]);
  });
});

describe("predicateFor(provenance): the build's own times", () => {
  const ctx = (over: Partial<PredicateContext> = {}): PredicateContext => ({
    variant: 'cpu',
    platform: 'linux/amd64',
    repository: 'ghcr.io/acme/model',
    digest: DIGEST,
    tags: [],
    baseImage: { ref: 'python:3.11-slim' },
    inputs: [],
    buildDurationMs: 270_000,
    env: {},
    // The attest stage runs hours later (after GPU smoke tests, in another job).
    now: new Date('2026-01-05T13:00:00Z'),
    toolVersion: '0.1.0',
    ...over,
  });
  const times = (c: PredicateContext) => {
    const made = predicateFor('provenance', c);
    const p = (made as { predicate: SlsaProvenanceV1 }).predicate;
    return [p.runDetails.metadata.startedOn, p.runDetails.metadata.finishedOn];
  };

  it('started and finished when the build did (build.json), not when it was attested', () => {
    expect(times(ctx({ buildFinishedAt: '2026-01-05T10:04:30.000Z' }))).toEqual([
      '2026-01-05T10:00:00.000Z',
      '2026-01-05T10:04:30.000Z',
    ]);
  });

  it('a build.json of an older version (no finishing time): the attest time, as before', () => {
    expect(times(ctx())).toEqual(['2026-01-05T12:55:30.000Z', '2026-01-05T13:00:00.000Z']);
  });

  it("the files by path (uri), the resolver's constraints by name (no uri), each with its digest", () => {
    const made = predicateFor(
      'provenance',
      ctx({
        inputs: [{ path: 'requirements.txt', sha256: HEX('2') }],
        constraints: { path: 'constraints (resolver)', sha256: `sha256:${HEX('3')}` },
      }),
    );
    const deps = (made as { predicate: SlsaProvenanceV1 }).predicate.buildDefinition.resolvedDependencies;
    expect(deps.slice(1)).toEqual([
      { uri: 'requirements.txt', digest: { sha256: HEX('2') } },
      { name: 'constraints (resolver)', digest: { sha256: HEX('3') } },
    ]);
  });
});

describe('buildProvenance (SLSA v1)', () => {
  it('holds the build definition and run details', () => {
    expect(buildProvenance(provenanceInput())).toEqual({
      buildDefinition: {
        buildType: BUILD_TYPE,
        externalParameters: {
          config: { path: 'ml-image.yml', sha256: HEX('1') },
          variant: 'cuda12.8',
          platform: 'linux/amd64',
          tags: ['ghcr.io/acme/model:pr-12-cuda12.8'],
        },
        internalParameters: { toolVersion: '0.1.0' },
        resolvedDependencies: [
          {
            uri: `pkg:docker/nvidia/cuda@sha256:${HEX('b')}?repository_url=docker.io`,
            name: 'nvidia/cuda:12.8.1-runtime-ubuntu24.04',
            digest: { sha256: HEX('b') },
          },
          { uri: 'requirements.txt', digest: { sha256: HEX('2') } },
          // Made by the run: a name and a digest, no uri (it is no file anyone can fetch).
          { name: 'constraints (resolver)', digest: { sha256: HEX('3') } },
        ],
      },
      runDetails: {
        builder: { id: RUN_URL },
        metadata: {
          invocationId: `${RUN_URL}#smoke`,
          startedOn: '2026-01-05T10:00:00.000Z',
          finishedOn: '2026-01-05T10:04:30.000Z',
        },
      },
    });
  });

  it.each([
    [
      'a tag, no digest',
      { ref: 'python:3.11-slim' },
      'pkg:docker/library/python@3.11-slim?repository_url=docker.io',
      undefined,
    ],
    [
      'a digest in the reference',
      { ref: `localhost:5000/base@sha256:${HEX('c')}` },
      `pkg:docker/base@sha256:${HEX('c')}?repository_url=localhost:5000`,
      HEX('c'),
    ],
    [
      'not a sha256 digest',
      { ref: 'python:3.11', digest: 'latest' },
      'pkg:docker/library/python@3.11?repository_url=docker.io',
      undefined,
    ],
    ['an empty tag', { ref: 'python:' }, 'pkg:docker/library/python?repository_url=docker.io', undefined],
    // No name (a reference that ends in "/"): no purl, as in the SBOM ("pkg:docker/acme/@..." is none).
    ['no name but a digest', { ref: 'ghcr.io/acme/', digest: `sha256:${HEX('d')}` }, undefined, HEX('d')],
    [
      'no name, a digest in the reference',
      { ref: `localhost:5000/@sha256:${HEX('e')}` },
      undefined,
      HEX('e'),
    ],
  ])('base image with %s', (_what, base, uri, hex) => {
    const d = baseImageDependency(base);
    expect(d).toEqual({
      ...(uri !== undefined && { uri }),
      name: base.ref,
      ...(hex !== undefined && { digest: { sha256: hex } }),
    });
  });

  it.each(['ghcr.io/acme/', 'a/', '/', 'localhost:5000/', 'ghcr.io/acme/:1.0'])(
    'a base image %s with no name and no digest is no resolved dependency (neither a uri nor a digest)',
    (ref) => {
      expect(baseImageDependency({ ref })).toBeUndefined();
      const p = buildProvenance(provenanceInput({ baseImage: { ref } }));
      expect(p.buildDefinition.resolvedDependencies.map((d) => d.uri ?? d.name)).toEqual([
        'requirements.txt',
        'constraints (resolver)',
      ]);
    },
  );

  it('locally: the CLI builder, a stable invocation id, no config when none is given, files once', () => {
    const input = provenanceInput({
      env: {},
      config: undefined,
      inputs: [
        { path: 'requirements.txt', sha256: HEX('2') },
        { path: 'requirements.txt', sha256: HEX('2') },
      ],
      constraints: undefined,
    });
    const p = buildProvenance(input);
    expect(p.runDetails.builder.id).toBe(CLI_BUILDER_ID);
    expect(p.runDetails.metadata.invocationId).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(buildProvenance(input).runDetails.metadata.invocationId).toBe(p.runDetails.metadata.invocationId);
    expect(p.buildDefinition.externalParameters.config).toBeUndefined();
    expect(p.buildDefinition.resolvedDependencies.map((d) => d.uri)).toEqual([
      `pkg:docker/nvidia/cuda@sha256:${HEX('b')}?repository_url=docker.io`,
      'requirements.txt',
    ]);
  });

  it('keeps long names from the config as a whole: the variant, tags and file paths', () => {
    const variant = 'cuda12-torch27-py311-ubuntu2204-flashattn2-devel';
    const lock = 'requirements/cuda-lock-torch27-cu128-py311-linux';
    const p = buildProvenance(provenanceInput({ variant, inputs: [{ path: lock, sha256: HEX('2') }] }));
    expect(p.buildDefinition.externalParameters.variant).toBe(variant);
    expect(p.buildDefinition.resolvedDependencies.map((d) => d.uri)).toContain(lock);
  });

  it('masks credentials and tokens wherever they were planted', () => {
    const p = buildProvenance(
      provenanceInput({
        env: { ...ACTIONS_ENV, GITHUB_SERVER_URL: `https://ci:${PW}@ghe.corp` },
        tags: [`ghcr.io/acme/model:${HF}`],
        inputs: [{ path: `https://ci:${PW}@pypi.corp/requirements.txt`, sha256: HEX('2') }],
      }),
    );
    const text = JSON.stringify(p);
    expect(text).not.toContain(PW);
    expect(text).not.toContain(HF);
    expect(text).toContain('ghe.corp/acme/model/actions/runs/123456');
  });

  const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
  const GH = { ...ACTIONS_ENV, GITHUB_SHA: SHA, GITHUB_REF: 'refs/heads/main' };
  const LOCAL = {
    repositoryUrl: 'https://gitlab.corp/ml/model',
    commit: HEX('e').slice(0, 40),
    ref: 'refs/heads/dev',
  };
  it.each([
    [
      'in Actions: git+<server>/<repository>@<ref> and GITHUB_SHA',
      GH,
      undefined,
      { uri: 'git+https://github.com/acme/model@refs/heads/main', digest: { gitCommit: SHA } },
    ],
    [
      'in Actions, GHES with a trailing slash: its server',
      { ...GH, GITHUB_SERVER_URL: 'https://ghe.corp/', GITHUB_REF: 'refs/tags/v1.4.0' },
      undefined,
      { uri: 'git+https://ghe.corp/acme/model@refs/tags/v1.4.0', digest: { gitCommit: SHA } },
    ],
    [
      'in Actions, the git context naming GITHUB_SHA: the ref too',
      GH,
      { ...LOCAL, repositoryUrl: 'https://github.com/acme/model', commit: SHA },
      { uri: 'git+https://github.com/acme/model@refs/heads/main', digest: { gitCommit: SHA } },
    ],
    [
      // A workflow_run or issue_comment run: GITHUB_SHA and GITHUB_REF are the default branch's,
      // the checkout (the git context) another commit: that commit, without a ref that is not its.
      'in Actions, the git context naming another commit than GITHUB_SHA: that commit, no ref',
      GH,
      LOCAL,
      { uri: 'git+https://github.com/acme/model', digest: { gitCommit: LOCAL.commit } },
    ],
    [
      // pull_request: GITHUB_SHA is the merge commit the checkout holds; the git context the head.
      'a pull_request run: GITHUB_SHA (the merge commit), not the head the git context names',
      { ...GH, GITHUB_REF: 'refs/pull/12/merge', GITHUB_HEAD_REF: 'feature' },
      LOCAL,
      { uri: 'git+https://github.com/acme/model@refs/pull/12/merge', digest: { gitCommit: SHA } },
    ],
    [
      // GITHUB_SHA and GITHUB_REF are the base branch's; the git context names the head, whatever
      // the checkout holds (review finding): no source.
      'a pull_request_target run: no source',
      { ...GH, GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_HEAD_REF: 'feature' },
      { ...LOCAL, repositoryUrl: 'https://github.com/acme/model' },
      undefined,
    ],
    [
      // An issue_comment or untrusted workflow_run run whose checkout was not read: the git
      // context names no commit, and the provenance no source (never the default branch's head).
      'a git context that names no commit: no source, not GITHUB_SHA',
      { ...GH, GITHUB_EVENT_NAME: 'issue_comment' },
      { repositoryUrl: 'https://github.com/acme/model', commit: '', ref: 'refs/heads/main' },
      undefined,
    ],
    [
      'a pull request: its merge ref',
      { ...GH, GITHUB_REF: 'refs/pull/12/merge' },
      undefined,
      { uri: 'git+https://github.com/acme/model@refs/pull/12/merge', digest: { gitCommit: SHA } },
    ],
    [
      'no GITHUB_REF: the repository alone',
      { ...GH, GITHUB_REF: undefined },
      undefined,
      { uri: 'git+https://github.com/acme/model', digest: { gitCommit: SHA } },
    ],
    [
      "off GitHub: the checkout's git context",
      {},
      LOCAL,
      { uri: 'git+https://gitlab.corp/ml/model@refs/heads/dev', digest: { gitCommit: LOCAL.commit } },
    ],
    [
      'off GitHub, a login in the remote URL: taken out',
      {},
      { ...LOCAL, repositoryUrl: `https://ci:${PW}@gitlab.corp/ml/model`, ref: undefined },
      { uri: 'git+https://gitlab.corp/ml/model', digest: { gitCommit: LOCAL.commit } },
    ],
    [
      'a password holding a raw @: taken out to the last @',
      {},
      { ...LOCAL, repositoryUrl: `https://ci:p@ss@${PW}@gitlab.corp/ml/model` },
      { uri: 'git+https://gitlab.corp/ml/model@refs/heads/dev', digest: { gitCommit: LOCAL.commit } },
    ],
    [
      'a token as the user name: taken out',
      {},
      { ...LOCAL, repositoryUrl: `https://${HF}@gitlab.corp/ml/model` },
      { uri: 'git+https://gitlab.corp/ml/model@refs/heads/dev', digest: { gitCommit: LOCAL.commit } },
    ],
    [
      'a SHA-256 repository: its 64-digit commit',
      {},
      { ...LOCAL, commit: HEX('F') },
      { uri: 'git+https://gitlab.corp/ml/model@refs/heads/dev', digest: { gitCommit: HEX('f') } },
    ],
    ['no full commit id: no source', {}, { ...LOCAL, commit: 'a1b2c3d' }, undefined],
    ['nothing known: no source', {}, undefined, undefined],
    ['in Actions without GITHUB_SHA: the git context', ACTIONS_ENV, undefined, undefined],
  ])('the source repository and commit, %s', (_what, env, source, dep) => {
    const input = provenanceInput({ env, ...(source && { source }) });
    const p = buildProvenance(input);
    const deps = p.buildDefinition.resolvedDependencies;
    expect(deps.filter((d) => d.digest?.gitCommit !== undefined)).toEqual(dep ? [dep] : []);
    if (dep) expect(deps[0]).toEqual(dep);
    expect(JSON.stringify(p)).not.toContain(PW);
    expect(JSON.stringify(p)).not.toContain(HF);
    expect(buildProvenance(input)).toEqual(p);
  });

  it.each([
    [
      'the workflow file and ref',
      { ...ACTIONS_ENV, GITHUB_WORKFLOW_REF: 'acme/model/.github/workflows/ml-image.yml@refs/heads/main' },
      {
        ref: 'refs/heads/main',
        repository: 'https://github.com/acme/model',
        path: '.github/workflows/ml-image.yml',
      },
    ],
    [
      'on GHES, a pull request',
      {
        ...ACTIONS_ENV,
        GITHUB_SERVER_URL: 'https://ghe.corp/',
        GITHUB_WORKFLOW_REF: 'acme/model/.github/workflows/ci.yaml@refs/pull/12/merge',
      },
      {
        ref: 'refs/pull/12/merge',
        repository: 'https://ghe.corp/acme/model',
        path: '.github/workflows/ci.yaml',
      },
    ],
    ['none outside Actions', {}, undefined],
    [
      'a malformed GITHUB_WORKFLOW_REF: none',
      { ...ACTIONS_ENV, GITHUB_WORKFLOW_REF: 'ml-image.yml' },
      undefined,
    ],
  ])('externalParameters.workflow: %s', (_what, env, workflow) => {
    expect(buildProvenance(provenanceInput({ env })).buildDefinition.externalParameters.workflow).toEqual(
      workflow,
    );
  });

  it('sha256Hex: the lowercase hex of a sha256 digest, undefined for anything else', () => {
    expect(sha256Hex(DIGEST)).toBe(HEX('d'));
    expect(sha256Hex(`sha256:${HEX('A')}`)).toBe(HEX('a'));
    expect(sha256Hex('sha256:abc')).toBeUndefined();
  });
});

const GPU = {
  name: 'NVIDIA H100 80GB HBM3',
  memoryMiB: 81559,
  computeCapability: '9.0',
  driver: '570.124.06',
};

function smokeInput(over: Partial<SmokePredicateInput> = {}): SmokePredicateInput {
  const smoke = makeSmoke([
    { id: 'imports:torch', status: 'pass', metrics: { imported: 3 } },
    {
      id: 'compute-gpu',
      status: 'pass',
      suite: 'compute',
      metrics: { fp32_tflops: 51.2, tf32_tflops: 378.1, bf16_tflops: 702.5, gpu: GPU.name },
    },
    {
      id: 'ddp',
      status: 'pass',
      metrics: { world: 8, backend: 'nccl', algbw_gbps: 180.5, busbw_gbps: 315.9, launcher: 'torchrun' },
    },
    { id: 'gpu', status: 'pass', metrics: { gpus: 8, names: [GPU.name], driver: GPU.driver, x: null } },
    { id: 'train', status: 'skip', reason: 'no CUDA device visible' },
  ]);
  return {
    smoke: { ...smoke, gpus: 'all' },
    record: makeRecord({ cuda: { runtime: '12.8' }, gpus: [GPU] }),
    variant: 'cuda12.8',
    imageRef: `ghcr.io/acme/model@${DIGEST}`,
    digest: DIGEST,
    platform: 'linux/amd64',
    env: ACTIONS_ENV,
    toolVersion: '0.1.0',
    finishedAt: new Date('2026-01-05T10:30:00Z'),
    ...over,
  };
}

const jsonSchema = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'docs/attestations/smoke-v1.schema.json'), 'utf8'),
) as Record<string, unknown>;
const ajvValidate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(jsonSchema);

describe('buildSmokePredicate', () => {
  it('sums up the run: verdict, suites, metrics, the GPUs and runner', () => {
    const p = buildSmokePredicate(smokeInput());
    expect(p).toMatchObject({
      schemaVersion: 1,
      image: {
        ref: `ghcr.io/acme/model@${DIGEST}`,
        digest: DIGEST,
        platform: 'linux/amd64',
        variant: 'cuda12.8',
      },
      verdict: 'pass',
      summary: { pass: 4, fail: 0, skip: 1, durationMs: 7500 },
      gpus: { requested: 'all', devices: [GPU], cuda: '12.8' },
      runner: { name: 'gpu-runner-7', os: 'Linux', arch: 'X64', url: RUN_URL },
      tool: { name: 'ml-image-action', version: '0.1.0' },
      finishedAt: '2026-01-05T10:30:00.000Z',
    });
    expect(p.suites).toEqual([
      { name: 'imports', pass: 1, fail: 0, skip: 0 },
      { name: 'compute', pass: 1, fail: 0, skip: 0 },
      { name: 'ddp', pass: 1, fail: 0, skip: 0 },
      { name: 'gpu', pass: 1, fail: 0, skip: 0 },
      { name: 'train', pass: 0, fail: 0, skip: 1 },
    ]);
    const metrics = Object.fromEntries(p.tests.map((t) => [t.id, t.metrics]));
    expect(metrics['compute-gpu']).toEqual({
      fp32_tflops: 51.2,
      tf32_tflops: 378.1,
      bf16_tflops: 702.5,
      gpu: GPU.name,
    });
    expect(metrics.ddp?.busbw_gbps).toBe(315.9);
    expect(metrics.gpu).toEqual({ gpus: 8, names: GPU.name, driver: GPU.driver });
    expect(p.tests.find((t) => t.id === 'train')?.reason).toBe('no CUDA device visible');
  });

  // The reusable workflow's attest job (ubuntu-latest) makes the predicate from the smoke job's
  // result: the runner and time are the smoke job's, not the attest job's.
  it.each([
    [
      'the result says where and when (another job made it)',
      { finishedAt: '2026-01-04T08:00:00.000Z', runner: { name: 'gpu-h100-3', os: 'Linux', arch: 'X64' } },
      { name: 'gpu-h100-3', os: 'Linux', arch: 'X64' },
      '2026-01-04T08:00:00.000Z',
    ],
    [
      'an offset time is written in UTC',
      { finishedAt: '2026-01-04T10:00:00+02:00', runner: { name: 'gpu-h100-3' } },
      { name: 'gpu-h100-3' },
      '2026-01-04T08:00:00.000Z',
    ],
    [
      "a result of suites run off a runner (locally): no runner, not the attesting job's",
      { finishedAt: '2026-01-04T08:00:00.000Z' },
      {},
      '2026-01-04T08:00:00.000Z',
    ],
    [
      'a result of an older version: this job and the attest time',
      {},
      { name: 'gpu-runner-7', os: 'Linux', arch: 'X64', url: RUN_URL },
      '2026-01-05T10:30:00.000Z',
    ],
  ])('%s', (_what, fields, runner, finishedAt) => {
    const base = smokeInput();
    const p = buildSmokePredicate({ ...base, smoke: { ...base.smoke, ...fields } });
    expect(p.runner).toEqual(runner);
    expect(p.finishedAt).toBe(finishedAt);
    expect(ajvValidate(p)).toBe(true);
  });

  it('fails when any test failed, and keeps neither output nor the failure pattern text', () => {
    const smoke = makeSmoke([
      { id: 'imports:torch', status: 'pass' },
      {
        id: 'compute',
        status: 'fail',
        reason: 'CUDA error: no kernel image is available',
        output: 'Traceback (most recent call last):\n  SECRET_OUTPUT_LINE',
        cause: {
          id: 'sm-arch',
          cause: 'wheel built without sm_90',
          fix: 'use cu128',
          source: 'x',
          match: 'MATCHED_TEXT',
        },
      },
    ]);
    const p = buildSmokePredicate(smokeInput({ smoke, record: undefined, env: {} }));
    expect(p.verdict).toBe('fail');
    expect(p.summary).toMatchObject({ pass: 1, fail: 1, skip: 0 });
    expect(p.gpus).toEqual({ requested: 'none', devices: [] });
    expect(p.runner).toEqual({});
    const text = JSON.stringify(p);
    expect(text).toContain('no kernel image');
    for (const gone of ['SECRET_OUTPUT_LINE', 'Traceback', 'MATCHED_TEXT', 'sm-arch', 'use cu128'])
      expect(text).not.toContain(gone);
  });

  it('never carries a planted token: reasons, metrics, record, runner', () => {
    const smoke = makeSmoke([
      { id: 'custom:login', status: 'fail', reason: `login with ${HF} to https://ci:${PW}@hub.corp failed` },
      {
        id: 'custom:probe',
        status: 'pass',
        metrics: { note: `token ${HF}`, blob: 'QWxhZGRpbjpvcGVuIHNlc2FtZQ0aSGVsbG8gV29ybGQhIDEyMzQ1Ng==' },
      },
    ]);
    const record = makeRecord({ env: { HF_TOKEN: HF } });
    record.env = { HF_TOKEN: HF };
    const p = buildSmokePredicate(
      smokeInput({ smoke, record, env: { ...ACTIONS_ENV, RUNNER_NAME: `runner-${HF}` } }),
    );
    const text = JSON.stringify(p);
    expect(text).not.toContain(HF);
    expect(text).not.toContain(PW);
    expect(text).not.toContain('QWxhZGRpbjpvcGVu');
    expect(p.tests[0]?.reason).toBe('login with [redacted] to https://ci:[redacted]@hub.corp failed');
  });

  it('scrubs text before cutting it: a secret at the cut is masked, not half kept', () => {
    // The "@" of the URL and the token's tail both lie past the cut.
    const reason = `${'r'.repeat(960)} https://ci:SuperSecretPassw0rdXYZ@hub.corp/simple`;
    const metric = `${'m'.repeat(230)} ${HF}`;
    const smoke = makeSmoke([{ id: 'custom:cut', status: 'fail', reason, metrics: { note: metric } }]);
    const p = buildSmokePredicate(smokeInput({ smoke }));
    const text = JSON.stringify(p);
    for (const part of ['SuperSe', HF.slice(0, 12)]) expect(text).not.toContain(part);
    expect(p.tests[0]?.reason).toMatch(/^r{960} https:\/\/ci:\[redacted\]@hub\.corp\/simple$/);
    expect(p.tests[0]?.metrics.note).toBe(`${'m'.repeat(230)} [redacted]`);
  });

  it('keeps long names from the config that look like tokens as a whole (variant, test ids)', () => {
    const variant = 'cuda12-torch27-py311-ubuntu2204-flashattn2-devel';
    const id = 'custom:cuda12-torch27-py311-flashattn2-kernels-check';
    const smoke = makeSmoke([{ id, status: 'pass' }]);
    const p = buildSmokePredicate(smokeInput({ smoke, variant }));
    expect(p.image.variant).toBe(variant);
    expect(p.tests[0]?.id).toBe(id);
    // The same text as a metric (not a name) is still replaced as a whole.
    const q = buildSmokePredicate(
      smokeInput({ smoke: makeSmoke([{ id, status: 'pass', metrics: { v: variant } }]) }),
    );
    expect(q.tests[0]?.metrics.v).toBe('[redacted]');
  });

  it.each([
    [1.5, 1.5],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
    ['a100', 'a100'],
    [true, 'true'],
    [['A100', 'H100'], 'A100, H100'],
    [null, undefined],
    [{ nested: 1 }, undefined],
    [[{ a: 1 }], undefined],
    ['x'.repeat(300), `${'x'.repeat(255)}…`],
  ])('metric %j -> %j', (value, kept) => {
    expect(metricValue(value)).toEqual(kept);
  });

  it('refuses a digest that is not sha256 (exit 2 naming the field)', () => {
    expect(() => buildSmokePredicate(smokeInput({ digest: 'latest' }))).toThrow(InputError);
    expect(() => buildSmokePredicate(smokeInput({ digest: 'latest' }))).toThrow(/image\.digest/);
  });

  it('has the predicate type the docs name', () => {
    expect(SMOKE_PREDICATE_TYPE).toBe('https://ml-image-action.github.io/attestations/smoke/v1');
    expect(jsonSchema.$id).toBe(`${SMOKE_PREDICATE_TYPE}/schema.json`);
  });
});

describe('the zod schema and docs/attestations/smoke-v1.schema.json agree', () => {
  const valid: [string, SmokePredicate][] = [
    ['a GPU run', buildSmokePredicate(smokeInput())],
    [
      'a failing CPU run without record or runner',
      buildSmokePredicate(smokeInput({ record: undefined, env: {} })),
    ],
    ['no tests', buildSmokePredicate(smokeInput({ smoke: makeSmoke([]) }))],
    [
      'an image without nvidia-smi: 8 GPUs CUDA counted, none named',
      buildSmokePredicate(
        smokeInput({
          smoke: {
            ...makeSmoke([
              {
                id: 'gpu',
                status: 'pass',
                metrics: { gpus: 0, names: [], driver: '580.159.04', cuda_devices: 8 },
              },
            ]),
            gpus: 'all',
          },
          record: makeRecord({ cuda: { runtime: '12.8' }, gpus: [] }),
        }),
      ),
    ],
    [
      'a unified-memory GPU (GB10): no memory in the record, none in the predicate',
      buildSmokePredicate(
        smokeInput({
          record: makeRecord({
            cuda: { runtime: '13.0' },
            gpus: [{ name: 'NVIDIA GB10', memoryMiB: null, computeCapability: '12.1', driver: '580.95.05' }],
          }),
        }),
      ),
    ],
    [
      'an offset time, a GPU without a driver',
      {
        ...buildSmokePredicate(smokeInput()),
        finishedAt: '2026-01-05T12:30:00+02:00',
        gpus: { requested: 'all', devices: [{ name: 'gpu', driver: null }] },
      },
    ],
  ];
  it.each(valid)('both accept %s', (_what, p) => {
    expect(SmokePredicateSchema.safeParse(p).success).toBe(true);
    expect(ajvValidate(p), JSON.stringify(ajvValidate.errors)).toBe(true);
  });

  it('a GPU whose memory the record does not know (GB10) has no memoryMiB', () => {
    const gb10 = { name: 'NVIDIA GB10', memoryMiB: null, computeCapability: '12.1', driver: '580.95.05' };
    const p = buildSmokePredicate(smokeInput({ record: makeRecord({ gpus: [gb10, GPU] }) }));
    expect(p.gpus.devices).toEqual([
      { name: 'NVIDIA GB10', driver: '580.95.05', computeCapability: '12.1' },
      { name: GPU.name, driver: GPU.driver, memoryMiB: GPU.memoryMiB, computeCapability: '9.0' },
    ]);
  });

  it("a GPU memory figure that is none (an image's own nvidia-smi printing -1): left out, a valid predicate", () => {
    const odd = { ...GPU, memoryMiB: -1 };
    const p = buildSmokePredicate(smokeInput({ record: makeRecord({ gpus: [odd] }) }));
    expect(p.gpus.devices).toEqual([{ name: GPU.name, driver: GPU.driver, computeCapability: '9.0' }]);
  });

  it('both accept the example in docs/attestations.md', () => {
    const doc = readFileSync(path.join(REPO_ROOT, 'docs/attestations.md'), 'utf8');
    const block = /<!-- smoke-example -->\s*```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    const example = JSON.parse(block!) as unknown;
    expect(SmokePredicateSchema.safeParse(example).success).toBe(true);
    expect(ajvValidate(example), JSON.stringify(ajvValidate.errors)).toBe(true);
    expect(doc).toContain(SMOKE_PREDICATE_TYPE);
  });

  const base = buildSmokePredicate(smokeInput());
  const test0 = base.tests[0]!;
  const invalid: [string, unknown][] = [
    ['an unknown top-level field', { ...base, extra: 1 }],
    ['a missing verdict', { ...base, verdict: undefined }],
    ['verdict "skip"', { ...base, verdict: 'skip' }],
    ['schemaVersion 2', { ...base, schemaVersion: 2 }],
    ['a short digest', { ...base, image: { ...base.image, digest: 'sha256:abc' } }],
    ['an uppercase digest', { ...base, image: { ...base.image, digest: `sha256:${HEX('D')}` } }],
    ['an empty variant', { ...base, image: { ...base.image, variant: '' } }],
    ['a negative count', { ...base, summary: { ...base.summary, fail: -1 } }],
    ['a fractional count', { ...base, summary: { ...base.summary, pass: 1.5 } }],
    ['requested "some"', { ...base, gpus: { ...base.gpus, requested: 'some' } }],
    ['a device without driver', { ...base, gpus: { ...base.gpus, devices: [{ name: 'x' }] } }],
    ['a test with output', { ...base, tests: [{ ...test0, output: 'log' }] }],
    ['a test status "error"', { ...base, tests: [{ ...test0, status: 'error' }] }],
    ['an object metric', { ...base, tests: [{ ...test0, metrics: { a: { b: 1 } } }] }],
    ['a boolean metric', { ...base, tests: [{ ...test0, metrics: { a: true } }] }],
    ['another tool', { ...base, tool: { name: 'other', version: '1' } }],
    ['a runner field not in the schema', { ...base, runner: { host: 'x' } }],
    ['a date without time', { ...base, finishedAt: '2026-01-05' }],
  ];
  it.each(invalid)('both refuse %s', (_what, p) => {
    expect(SmokePredicateSchema.safeParse(p).success).toBe(false);
    expect(ajvValidate(p)).toBe(false);
  });
});
