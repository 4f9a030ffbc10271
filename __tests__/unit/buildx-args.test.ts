// The buildx argv builder as a table of cases, the way docker/build-push-action tests its context.
import { scopedCacheOf } from '../../src/build/push-tag.js';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type BuilderInfo,
  type BuildRequest,
  buildxBuildArgs,
  checkBuildArgs,
  SECRETS_MIN_BUILDX,
  secretMountsUnsupported,
} from '../../src/build/buildx-args.js';
import { cacheFor } from '../../src/build/cache-scope.js';
import { BUILD_TAG_PREFIX_PATTERN, buildPushTag, pullRequestOf } from '../../src/build/push-tag.js';
import { localRefOf } from '../../src/build/target.js';
import { EnvironmentError, InputError } from '../../src/errors.js';

const base: BuildRequest = {
  context: '/src',
  dockerfile: '/images/cpu/Dockerfile',
  platform: 'linux/arm64',
  repository: 'ghcr.io/o/m',
  pushTag: 'ml-image-build-cpu-arm64',
  push: true,
  labels: { 'org.opencontainers.image.revision': 'abc' },
  buildArgs: { BASE_IMAGE: 'python:3.12-slim', ML_IMAGE_INPUTS_SHA256: 'ab12' },
  cache: { type: 'registry', ref: 'ghcr.io/o/m:cache-cpu-arm64' },
  metadataFile: '/tmp/meta.json',
  provenance: 'min',
  secrets: [],
};
const container: BuilderInfo = { buildxVersion: '0.21.2', driver: 'docker-container' };
const dockerDriver: BuilderInfo = { buildxVersion: '0.13.1', driver: 'docker' };

/** The value following each occurrence of a flag. */
const values = (args: string[], flag: string) => args.flatMap((a, i) => (a === flag ? [args[i + 1]!] : []));

describe('buildxBuildArgs', () => {
  it.each<[string, Partial<BuildRequest>, BuilderInfo, Record<string, string[]>, string[]]>([
    [
      'push by digest on a container builder',
      {},
      container,
      { '--output': ['type=image,name=ghcr.io/o/m,push-by-digest=true,name-canonical=true,push=true'] },
      ['--provenance=mode=min'],
    ],
    [
      'docker driver: push by tag, provenance off, inline cache from the pushed tag',
      {},
      dockerDriver,
      {
        '--output': ['type=image,name=ghcr.io/o/m:ml-image-build-cpu-arm64,push=true'],
        '--cache-to': ['type=inline'],
        '--cache-from': ['type=registry,ref=ghcr.io/o/m:ml-image-build-cpu-arm64'],
      },
      ['--provenance=false'],
    ],
    [
      'registry cache scoped per variant and platform',
      {},
      container,
      {
        '--cache-from': ['type=registry,ref=ghcr.io/o/m:cache-cpu-arm64'],
        '--cache-to': [
          'type=registry,ref=ghcr.io/o/m:cache-cpu-arm64,mode=max,image-manifest=true,oci-mediatypes=true',
        ],
      },
      [],
    ],
    [
      'a pull request reads the registry cache and never writes it',
      { cacheReadOnly: "may build a pull request's code" },
      container,
      { '--cache-from': ['type=registry,ref=ghcr.io/o/m:cache-cpu-arm64'], '--cache-to': [] },
      [],
    ],
    [
      'gha cache with a scope per variant and platform',
      { cache: { type: 'gha', scope: 'ml-image-cuda12.8-amd64' } },
      container,
      {
        '--cache-from': ['type=gha,scope=ml-image-cuda12.8-amd64'],
        '--cache-to': ['type=gha,scope=ml-image-cuda12.8-amd64,mode=max'],
      },
      [],
    ],
    [
      "a pull request's gha cache is its own (GitHub scopes it to refs/pull/N): read and written",
      {
        cache: { type: 'gha', scope: 'ml-image-cpu-arm64' },
        cacheReadOnly: "may build a pull request's code",
        ghaCacheOwnScope: true,
      },
      container,
      {
        '--cache-from': ['type=gha,scope=ml-image-cpu-arm64'],
        '--cache-to': ['type=gha,scope=ml-image-cpu-arm64,mode=max'],
      },
      [],
    ],
    [
      "pull_request_target / workflow_run: the gha scope is the branch's, read and never written",
      {
        cache: { type: 'gha', scope: 'ml-image-cpu-arm64' },
        cacheReadOnly: "may build a pull request's code",
      },
      container,
      { '--cache-from': ['type=gha,scope=ml-image-cpu-arm64'], '--cache-to': [] },
      [],
    ],
    ['no cache', { cache: { type: 'none' } }, container, { '--cache-from': [], '--cache-to': [] }, []],
    [
      'build args and labels, multi-line values kept whole',
      { labels: { 'org.opencontainers.image.description': 'line 1\nline 2' } },
      container,
      {
        '--build-arg': ['BASE_IMAGE=python:3.12-slim', 'ML_IMAGE_INPUTS_SHA256=ab12'],
        '--label': ['org.opencontainers.image.description=line 1\nline 2'],
      },
      [],
    ],
    [
      'named build context for the resolver constraints',
      { buildContexts: { constraints: '/tmp/resolve' } },
      container,
      { '--build-context': ['constraints=/tmp/resolve'] },
      [],
    ],
    [
      'secrets by id from the environment, never as build args',
      { secrets: ['HF_TOKEN', 'PIP_INDEX_TOKEN'] },
      container,
      { '--secret': ['id=HF_TOKEN,env=HF_TOKEN', 'id=PIP_INDEX_TOKEN,env=PIP_INDEX_TOKEN'] },
      [],
    ],
    [
      'file secrets (requirements, pip.conf) by path, after the env secrets',
      {
        secrets: ['HF_TOKEN'],
        fileSecrets: { ml_image_requirements: '/tmp/w/req', ml_image_pip_conf: '/tmp/w/pip.conf' },
      },
      dockerDriver,
      {
        '--secret': [
          'id=HF_TOKEN,env=HF_TOKEN',
          'id=ml_image_requirements,src=/tmp/w/req',
          'id=ml_image_pip_conf,src=/tmp/w/pip.conf',
        ],
        '--build-arg': ['BASE_IMAGE=python:3.12-slim', 'ML_IMAGE_INPUTS_SHA256=ab12'],
      },
      [],
    ],
    [
      'a secret file path with a comma or a quote is CSV-quoted (buildx parses --secret as CSV)',
      { fileSecrets: { ml_image_env: '/tmp/a,b/"e"' } },
      container,
      { '--secret': ['id=ml_image_env,"src=/tmp/a,b/""e"""'] },
      [],
    ],
    [
      'platform, file, metadata file, network, pull, target',
      { network: 'host', pull: true, target: 'runtime' },
      container,
      {
        '--platform': ['linux/arm64'],
        '--file': ['/images/cpu/Dockerfile'],
        '--metadata-file': ['/tmp/meta.json'],
        '--network': ['host'],
        '--target': ['runtime'],
      },
      ['--pull'],
    ],
    ['provenance max', { provenance: 'max' }, container, {}, ['--provenance=mode=max']],
    ['provenance off', { provenance: 'false' }, container, {}, ['--provenance=false']],
    ['local build loads instead of pushing', { push: false }, container, { '--output': [] }, ['--load']],
  ])('%s', (_name, overrides, builder, expected, flags) => {
    const { args } = buildxBuildArgs({ ...base, ...overrides }, builder);
    expect(args[0]).toBe('build');
    expect(args.at(-1)).toBe('/src');
    for (const [flag, vals] of Object.entries(expected)) expect(values(args, flag)).toEqual(vals);
    for (const f of flags) expect(args).toContain(f);
  });

  it("a trusted run of another ref: the default branch's registry cache is read, not written, and the note says why", () => {
    const why = 'a run of refs/heads/feature, not of the default branch main';
    const { args, notes } = buildxBuildArgs({ ...base, cacheReadOnly: why }, container);
    expect(values(args, '--cache-from')).toEqual(['type=registry,ref=ghcr.io/o/m:cache-cpu-arm64']);
    expect(values(args, '--cache-to')).toEqual([]);
    expect(notes).toContain(`${why}: the registry cache ghcr.io/o/m:cache-cpu-arm64 is read, not written`);
    // A given registry cache-to is left out the same way; its gha is written (GitHub scopes it to the ref).
    const given = buildxBuildArgs(
      {
        ...base,
        cacheReadOnly: why,
        ghaCacheOwnScope: true,
        cacheTo: ['type=registry,ref=ghcr.io/o/m:buildcache,mode=max', 'type=gha,scope=x'],
      },
      container,
    );
    expect(values(given.args, '--cache-to')).toEqual(['type=gha,scope=x']);
    expect(given.notes).toContain(
      `${why}: cache-to registry left out (a branch must not write a cache that release builds read; it still reads cache-from)`,
    );
  });

  it("docker driver, a scoped run: its own push tag's inline cache and the default branch's are read", () => {
    const { args } = buildxBuildArgs(
      {
        ...base,
        pushTag: 'ml-image-build.ref-1a2b3c4d-cpu-arm64',
        ...scopedCacheOf(
          {
            pushScope: 'ref-1a2b3c4d',
            ghaOwnScope: true,
            why: 'a run of refs/tags/v1, not of the default branch main',
          },
          'cpu',
          'arm64',
        ),
      },
      dockerDriver,
    );
    expect(values(args, '--cache-from')).toEqual([
      'type=registry,ref=ghcr.io/o/m:ml-image-build.ref-1a2b3c4d-cpu-arm64',
      'type=registry,ref=ghcr.io/o/m:ml-image-build-cpu-arm64',
    ]);
    expect(values(args, '--cache-to')).toEqual(['type=inline']);
  });

  // push: false (--load) pushes nothing: the registry cache is read, never written; the gha cache
  // is the runner's cache service, no push.
  it.each<[string, BuildRequest['cache'], BuilderInfo, string[], string[], string | undefined]>([
    [
      'registry: read, not written',
      { type: 'registry', ref: 'ghcr.io/o/m:cache-cpu-arm64' },
      container,
      ['type=registry,ref=ghcr.io/o/m:cache-cpu-arm64'],
      [],
      'push: false: the registry cache ghcr.io/o/m:cache-cpu-arm64 is read, not written',
    ],
    [
      'gha: read and written',
      { type: 'gha', scope: 'ml-image-cpu-arm64' },
      container,
      ['type=gha,scope=ml-image-cpu-arm64'],
      ['type=gha,scope=ml-image-cpu-arm64,mode=max'],
      undefined,
    ],
    ['none', { type: 'none' }, container, [], [], undefined],
    [
      'docker driver: no inline cache without a pushed tag',
      { type: 'registry', ref: 'ghcr.io/o/m:cache-cpu-arm64' },
      dockerDriver,
      [],
      [],
      "push: false: docker driver: no cache is read from or written to the registry (its inline cache is in pushed images only); the engine's own build cache still applies",
    ],
  ])('push: false, %s', (_, cache, builder, from, to, note) => {
    const { args, notes } = buildxBuildArgs({ ...base, push: false, cache }, builder);
    expect(values(args, '--cache-from')).toEqual(from);
    expect(values(args, '--cache-to')).toEqual(to);
    if (note !== undefined) expect(notes).toContain(note);
    // Nothing is pushed: no note may say the cache is kept in the pushed image.
    expect(notes.filter((n) => n.includes('pushed per-platform image'))).toEqual([]);
  });

  it('never puts a secret value or id into a build arg', () => {
    const { args } = buildxBuildArgs({ ...base, secrets: ['HF_TOKEN'] }, container);
    expect(values(args, '--build-arg').some((a) => a.includes('HF_TOKEN'))).toBe(false);
  });

  it.each<[string, BuilderInfo, RegExp | undefined]>([
    ['buildx 0.13 on dockerd 20.10 (BuildKit 0.8)', { ...dockerDriver, buildkitVersion: '0.8.2' }, undefined],
    ['buildx 0.21, BuildKit unknown', container, undefined],
    [
      `buildx ${SECRETS_MIN_BUILDX} exactly`,
      { buildxVersion: SECRETS_MIN_BUILDX, driver: 'docker' },
      undefined,
    ],
    ['buildx 0.5.1: no env secrets', { buildxVersion: '0.5.1', driver: 'docker' }, /needs buildx >= 0\.6\.0/],
    [
      'BuildKit 0.6 (Docker 19.03): no RUN --mount without a syntax line',
      { ...container, buildkitVersion: '0.6.4', name: 'old' },
      /BuildKit 0\.6\.4 of builder old .*needs BuildKit >= 0\.8\.0/,
    ],
  ])('secret mounts: %s', (_n, builder, why) => {
    const reason = secretMountsUnsupported(builder);
    if (why === undefined) expect(reason).toBeUndefined();
    else expect(reason).toMatch(why);
  });

  const thrown = (fn: () => unknown): unknown => {
    try {
      fn();
    } catch (e) {
      return e;
    }
    return undefined;
  };

  it('refuses (exit 3) a builder that cannot mount secrets, instead of falling back to build args', () => {
    const err = thrown(() =>
      buildxBuildArgs(
        { ...base, fileSecrets: { ml_image_requirements: '/x' } },
        { buildxVersion: '0.5.1', driver: 'docker' },
      ),
    ) as EnvironmentError;
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.exitCode).toBe(3);
    expect(err.fix).toContain(`buildx >= ${SECRETS_MIN_BUILDX}`);
  });

  it.each<[string, Record<string, string>, string | undefined]>([
    ['plain args', { APP_UID: '1001', HTTP_PROXY: 'http://proxy:3128', MODEL: 'bert' }, undefined],
    ['ssh user git is no credential', { SRC: 'ssh://git@github.com/o/r.git' }, undefined],
    ['CACHE_KEY is not a credential name', { CACHE_KEY: 'v2' }, undefined],
    [
      'PATH, PATTERN, COMPASS and a SORT_KEY are none',
      { PATH_EXTRA: '/opt/x', PATTERN: 'a*', COMPASS: 'n', SORT_KEY: 'k' },
      undefined,
    ],
    [
      'public key ids, keyservers and key URLs are no credentials',
      {
        GPG_KEY: 'A4A9406876FCBD3C456770C88C718D3B5072E1F5',
        NVIDIA_GPGKEY_FPR: 'ae09fe4bbd223a84b2ccfce3f60f4b3d7fa2af80',
        SSH_KEYSCAN_HOSTS: 'github.com',
        PKG_SIGNING_KEY_URL: 'https://pkg.example/key.asc',
        HF_KEYWORD: 'bert',
      },
      undefined,
    ],
    [
      'a hash value is no token',
      { CACHE_BUST: 'f'.repeat(64), GIT_SHA: '0123456789abcdef0123456789abcdef01234567' },
      undefined,
    ],
    ...(
      [
        'WANDB_KEY',
        'HF_KEY',
        'SSH_KEY',
        'SIGNING_KEY',
        'SESSION_ID',
        'AUTHORIZATION',
        'GH_PAT',
        'DB_PASS',
        'GPG_PASSPHRASE',
        'GOOGLE_CREDS',
      ] as const
    ).map((n): [string, Record<string, string>, string] => [
      `${n} by name`,
      { [n]: 'x' },
      `build.args.${n}: its name says it holds a credential`,
    ]),
    [
      'a GitHub token as a value',
      { GH: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789' },
      'build.args.GH: its value holds a token ([redacted])',
    ],
    [
      'a Hugging Face token inside a value',
      { HUB: 'token=hf_abcdefghijklmnopqrstuvwxyz' },
      'build.args.HUB: its value holds a token (token=[redacted])',
    ],
    ['a token by name', { HF_TOKEN: 'x' }, 'build.args.HF_TOKEN: its name says it holds a credential'],
    ['a password by name', { DB_PASSWORD: 'x' }, 'build.args.DB_PASSWORD: its name'],
    [
      'an index URL by name',
      { PIP_INDEX_URL: 'https://pypi.org/simple' },
      'build.args.PIP_INDEX_URL: its name',
    ],
    ['an API key by name', { OPENAI_API_KEY: 'x' }, 'build.args.OPENAI_API_KEY: its name'],
    [
      'user:password in a value',
      { MIRROR: 'https://me:s3cret@pypi.corp/simple' },
      'build.args.MIRROR: its value carries URL credentials (user:password@ or token@ before the host)',
    ],
    [
      // A password the shared rule would not read as one ('#' ends a URL's userinfo there): never echoed.
      'a password with # in a value',
      { MIRROR: 'https://me:p#ss3cr3t@pypi.corp/simple' },
      'build.args.MIRROR: its value carries URL credentials',
    ],
    [
      'a token as the user name in a value',
      { REPO: 'git+https://glpat-abcdefghijklmnopqrstu@gitlab.com/o/r' },
      'build.args.REPO: its value carries URL credentials',
    ],
  ])('checkBuildArgs: %s', (_n, args, message) => {
    const err = thrown(() => checkBuildArgs(args)) as InputError | undefined;
    if (message === undefined) {
      expect(err).toBeUndefined();
      return;
    }
    expect(err).toBeInstanceOf(InputError);
    expect(err!.exitCode).toBe(2);
    expect(err!.message).toContain(message);
    expect(err!.message).not.toContain('s3cret');
    expect(err!.message).not.toContain('3cr3t');
    expect(err!.message).not.toContain('glpat-');
    expect(err!.message).not.toMatch(/ghp_|hf_/);
    expect(err!.fix).toContain('build.secrets');
  });

  it('buildx before 0.10 gets no --provenance flag (it does not know it)', () => {
    const { args } = buildxBuildArgs(base, { buildxVersion: '0.9.1', driver: 'docker-container' });
    expect(args.some((a) => a.startsWith('--provenance'))).toBe(false);
  });

  // BuildKit reads `version` since v0.23.0 (moby/buildkit a58f93e7b); 0.11 to 0.22 ignore it and
  // write SLSA v0.2: left out there, with a warning when v1 was asked for.
  const V1_OLD =
    'provenance version=v1: BuildKit 0.13.2 of builder ci writes SLSA provenance v0.2 only (v1 needs BuildKit >= 0.23.0), version left out: the attestation is v0.2';
  it.each<[string, Partial<BuildRequest>, BuilderInfo, string | undefined, string[], string[]]>([
    [
      'v1 on BuildKit 0.23',
      { provenanceVersion: 'v1' },
      { ...container, buildkitVersion: '0.23.0' },
      '--provenance=mode=min,version=v1',
      [],
      [],
    ],
    [
      'max, v1 on BuildKit 0.28',
      { provenance: 'max', provenanceVersion: 'v1' },
      { ...container, buildkitVersion: '0.28.1' },
      '--provenance=mode=max,version=v1',
      [],
      [],
    ],
    [
      'v0.2 on BuildKit 0.28 (whose default is v1)',
      { provenanceVersion: 'v0.2' },
      { ...container, buildkitVersion: '0.28' },
      '--provenance=mode=min,version=v0.2',
      [],
      [],
    ],
    [
      'v0.2 on a BuildKit of unknown version: passed, no note',
      { provenanceVersion: 'v0.2' },
      container,
      '--provenance=mode=min,version=v0.2',
      [],
      [],
    ],
    [
      'v1 on a BuildKit of unknown version: passed (an older one ignores it), with a note',
      { provenanceVersion: 'v1' },
      container,
      '--provenance=mode=min,version=v1',
      [
        'provenance version=v1: builder (current) does not report its BuildKit version, so version=v1 is passed as asked; a BuildKit older than 0.23.0 ignores it and writes SLSA provenance v0.2',
      ],
      [],
    ],
    [
      'v1 on BuildKit 0.13: left out, warned',
      { provenance: 'max', provenanceVersion: 'v1' },
      { ...container, name: 'ci', buildkitVersion: '0.13.2' },
      '--provenance=mode=max',
      [],
      [V1_OLD],
    ],
    [
      'v1 on BuildKit 0.22.0',
      { provenanceVersion: 'v1' },
      { ...container, buildkitVersion: '0.22.0' },
      '--provenance=mode=min',
      [],
      [expect.stringContaining('BuildKit 0.22.0 of builder (current) writes SLSA provenance v0.2 only')],
    ],
    [
      'v0.2 on BuildKit 0.13: left out, what it writes anyway',
      { provenanceVersion: 'v0.2' },
      { ...container, buildkitVersion: '0.13.2' },
      '--provenance=mode=min',
      [],
      [],
    ],
    [
      'the containerd-store docker driver of dockerd 26.1 (BuildKit 0.13)',
      { provenanceVersion: 'v1' },
      { ...dockerDriver, name: 'ci', buildkitVersion: '0.13.2', containerdStore: true },
      '--provenance=mode=min',
      [],
      [V1_OLD],
    ],
    [
      'the classic-store docker driver (BuildKit 0.8): off, as without a version',
      { provenance: 'max', provenanceVersion: 'v1' },
      { ...dockerDriver, buildkitVersion: '0.8' },
      '--provenance=false',
      ['docker driver: provenance attestations are not supported, disabled'],
      [],
    ],
    [
      'off with a version: off',
      { provenance: 'false', provenanceVersion: 'v1' },
      { ...container, buildkitVersion: '0.28.0' },
      '--provenance=false',
      [],
      [],
    ],
    [
      'buildx 0.9: no flag at all',
      { provenanceVersion: 'v1' },
      { buildxVersion: '0.9.1', driver: 'docker-container' },
      undefined,
      [],
      [],
    ],
  ])('provenance version: %s', (_name, overrides, builder, flag, notes, warnings) => {
    const r = buildxBuildArgs({ ...base, ...overrides }, builder);
    expect(r.args.filter((a) => a.startsWith('--provenance'))).toEqual(flag === undefined ? [] : [flag]);
    expect(r.notes.filter((n) => /provenance/.test(n))).toEqual(notes);
    expect(r.warnings).toEqual(warnings);
  });

  it('gha cache on a buildx too old for the current cache service: no cache, with a note', () => {
    const r = buildxBuildArgs(
      { ...base, cache: { type: 'gha', scope: 's' } },
      { buildxVersion: '0.13.1', driver: 'docker-container' },
    );
    expect(values(r.args, '--cache-to')).toEqual([]);
    expect(r.notes[0]).toContain('buildx >= 0.21.0');
  });

  it('named build contexts need buildx 0.8', () => {
    expect(() =>
      buildxBuildArgs(
        { ...base, buildContexts: { c: '/x' } },
        { buildxVersion: '0.7.1', driver: 'docker-container' },
      ),
    ).toThrow(/buildx >= 0\.8\.0/);
  });

  it('uses a named builder when given', () => {
    expect(buildxBuildArgs(base, { ...container, name: 'ml' }).args.slice(0, 3)).toEqual([
      'build',
      '--builder',
      'ml',
    ]);
  });

  // The gha scope names the image repository (a hash of it): the GitHub repository's images may
  // share a variant name, and each write replaces the scope's index.
  const ghaScope = (repository: string) =>
    `ml-image-${createHash('sha256').update(repository).digest('hex').slice(0, 8)}-cpu-arm64`;
  it.each([
    ['gha', 'ghcr.io/o/m', { type: 'gha', scope: ghaScope('ghcr.io/o/m') }],
    ['gha', 'ghcr.io/o/other', { type: 'gha', scope: ghaScope('ghcr.io/o/other') }],
    ['registry', 'ghcr.io/o/m', { type: 'registry', ref: 'ghcr.io/o/m:cache-cpu-arm64' }],
    ['none', 'ghcr.io/o/m', { type: 'none' }],
  ] as const)('cacheFor(%s, %s)', (kind, repository, expected) => {
    expect(cacheFor(kind, repository, 'cpu', 'arm64')).toEqual(expected);
  });

  it('two images of one repository with the same variant get different gha scopes', () => {
    const scope = (repository: string) => {
      const c = cacheFor('gha', repository, 'cpu', 'arm64');
      return c.type === 'gha' ? c.scope : '';
    };
    expect(scope('ghcr.io/o/m')).toMatch(/^ml-image-[0-9a-f]{8}-cpu-arm64$/);
    expect(scope('ghcr.io/o/m')).not.toBe(scope('ghcr.io/o/other'));
  });
});

// The names of a loaded image: its local tag (the smoke stage runs it), then the tags it carries
// too (a variant built for one platform: build-push-action's build, load, test, push).
describe('buildxBuildArgs: the loaded image and its tags', () => {
  const loaded = { loadTag: 'ghcr.io/o/m:ml-image-local-cpu-arm64' };
  const byDigest = 'type=image,name=ghcr.io/o/m,push-by-digest=true,name-canonical=true,push=true';
  it.each<[string, Partial<BuildRequest>, BuilderInfo, string[], string[], RegExp | undefined]>([
    ['push: false, the local tag', { push: false, ...loaded }, container, [loaded.loadTag], [], undefined],
    [
      'push: false, with tags',
      { push: false, ...loaded, loadTags: ['user/app:test', 'user/app:1.0'] },
      container,
      [loaded.loadTag, 'user/app:test', 'user/app:1.0'],
      [],
      undefined,
    ],
    [
      'push: false, docker driver, with tags',
      { push: false, ...loaded, loadTags: ['user/app:test'] },
      dockerDriver,
      [loaded.loadTag, 'user/app:test'],
      [],
      undefined,
    ],
    [
      'push: false, a tag given twice is named once',
      { push: false, ...loaded, loadTags: [loaded.loadTag, 'user/app:test', 'user/app:test'] },
      container,
      [loaded.loadTag, 'user/app:test'],
      [],
      undefined,
    ],
    [
      'push and load: one name in the second exporter',
      { load: true, ...loaded },
      container,
      [],
      [byDigest, `type=docker,name=${loaded.loadTag}`],
      undefined,
    ],
    [
      'push and load with tags: every name, quoted for buildx',
      { load: true, ...loaded, loadTags: ['user/app:test', 'user/app:1.0'] },
      container,
      [],
      [byDigest, `type=docker,"name=${loaded.loadTag},user/app:test,user/app:1.0"`],
      undefined,
    ],
    [
      'push and load, docker driver: the pushed image under its push tag only, said',
      { load: true, ...loaded, loadTags: ['user/app:test'] },
      dockerDriver,
      [],
      ['type=image,name=ghcr.io/o/m:ml-image-build-cpu-arm64,push=true'],
      /docker driver: the pushed image is in the engine already \(load\), under its push tag ml-image-build-cpu-arm64 only/,
    ],
  ])('%s', (_name, overrides, builder, tags, outputs, note) => {
    const { args, notes } = buildxBuildArgs({ ...base, ...overrides }, builder);
    expect(values(args, '--tag')).toEqual(tags);
    expect(values(args, '--output')).toEqual(outputs);
    expect(args.includes('--load')).toBe(overrides.push === false);
    if (note) expect(notes.join('\n')).toMatch(note);
  });
});

describe('pullRequestOf: the pull request a runner builds (its cache read-only, its push tag its own)', () => {
  it.each([
    [{ GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/42/merge' }, 42],
    [
      { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request_review', GITHUB_REF: 'refs/pull/7/merge' },
      7,
    ],
    [{ GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' }, undefined],
    [{ GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/pull/42/merge' }, undefined],
    [{ GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/42/merge' }, undefined],
    [
      { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/0/merge' },
      undefined,
    ],
  ])('%j: %s', (env, want) => {
    expect(pullRequestOf(env)).toBe(want);
  });
});

describe("buildPushTag: a scoped run's push tag is never a default-branch tag (finding: PR 5's cuda pushed variant pr5-cuda's)", () => {
  const variants = ['cuda', 'pr5-cuda', '5-cuda', 'untrusted-cpu', 'ref-1a2b3c4d-cpu', 'cpu', 'a.b_c'];
  const scopes = [undefined, 'pr5', 'pr51', 'untrusted', 'ref-1a2b3c4d', 'ref-00000000'];
  it('no two (scope, variant) pairs share a tag', () => {
    const seen = new Map<string, string>();
    for (const scope of scopes)
      for (const variant of variants) {
        const tag = buildPushTag(variant, 'amd64', scope);
        expect(seen.get(tag), `${tag}: ${String(scope)}/${variant}`).toBeUndefined();
        seen.set(tag, `${String(scope)}/${variant}`);
      }
  });
  it.each([
    ['cuda', 'pr5', 'ml-image-build.pr5-cuda-amd64'],
    ['pr5-cuda', undefined, 'ml-image-build-pr5-cuda-amd64'],
    ['cpu', 'ref-1a2b3c4d', 'ml-image-build.ref-1a2b3c4d-cpu-amd64'],
  ])('%s in scope %s -> %s (a valid tag, its shape the post step knows)', (variant, scope, want) => {
    const tag = buildPushTag(variant, 'amd64', scope);
    expect(tag).toBe(want);
    expect(tag).toMatch(/^[\w][\w.-]{0,127}$/);
    expect(tag).toMatch(new RegExp(`^${BUILD_TAG_PREFIX_PATTERN}${variant.replace('.', '\\.')}-amd64$`));
  });
});

describe('localRefOf: where the engine holds a target after the build', () => {
  const t = { v: { name: 'cpu' } };
  it.each([
    ['loaded only', false, false, container, undefined, 'ghcr.io/o/m:ml-image-local-cpu-amd64'],
    ['pushed only', true, false, container, undefined, undefined],
    [
      'pushed and loaded (a second exporter)',
      true,
      true,
      container,
      undefined,
      'ghcr.io/o/m:ml-image-local-cpu-amd64',
    ],
    // The docker driver pushes by tag and names the image in the engine by that tag alone.
    [
      'pushed and loaded, docker driver',
      true,
      true,
      dockerDriver,
      undefined,
      'ghcr.io/o/m:ml-image-build-cpu-amd64',
    ],
    [
      'the same in a pull request',
      true,
      true,
      dockerDriver,
      'pr7',
      'ghcr.io/o/m:ml-image-build.pr7-cpu-amd64',
    ],
    [
      'the same in a workflow_run run',
      true,
      true,
      dockerDriver,
      'untrusted',
      'ghcr.io/o/m:ml-image-build.untrusted-cpu-amd64',
    ],
  ] as const)('%s -> %s', (_n, push, load, builder, pushScope, expected) => {
    const ctx = {
      repository: 'ghcr.io/o/m',
      push,
      builder,
      ...(pushScope !== undefined && { untrusted: { pushScope, ghaOwnScope: false, why: 'x' } }),
      options: { load },
    };
    expect(localRefOf(ctx, t, 'amd64')).toBe(expected);
  });
});
