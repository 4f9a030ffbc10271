// The build stage with docker/build-push-action's inputs, against a fake docker: the named builder
// is inspected and used, `secrets` values reach buildx only as 0600 files (and are masked in its
// output), `secret-envs` must be set, the merged index gets its annotations; and the BPA outputs.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { singleImageOutputs } from '../../src/action/run.js';
import { applyToPlan, buildOptionsFromInputs } from '../../src/build/action-inputs.js';
import { runBuildStage } from '../../src/build/stage.js';
import { validateConfigData } from '../../src/config/load.js';
import { InputError } from '../../src/errors.js';
import { readGitHubEventFile } from '../../src/github/event.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { findImagesDir } from '../../src/util/images-dir.js';
import type { CommandRunner } from '../../src/docker/adapter.js';
import { fakeDocker } from '../helpers/fakes.js';

/** git in a directory that is no repository (exit 128), without starting it: unit tests start no processes. */
const NO_GIT: CommandRunner = {
  run: async () => ({ exitCode: 128, stdout: '', stderr: 'fatal: not a git repository' }),
};

const DIGEST = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;
/** The manifest of the image the fake builds (config DIGEST(3)), as the registry has it. */
const MANIFEST = JSON.stringify({ schemaVersion: 2, config: { digest: DIGEST(3) }, layers: [] });
const sha256 = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-bpa-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function build(
  map: Record<string, string>,
  env: Record<string, string> = {},
  buildxVersion = '0.21.2',
  {
    push = true,
    config: more = {},
    driver = 'docker-container',
    say = [],
    fail = false,
  }: {
    push?: boolean;
    config?: Record<string, unknown>;
    driver?: string;
    /** More lines of buildx output. */
    say?: string[];
    /** buildx fails (a RUN step's exit 1), these lines the end of its log. */
    fail?: boolean;
  } = {},
) {
  const config = validateConfigData(
    { image: { name: 'o/m', registry: 'localhost:5000' }, platforms: ['linux/amd64'], ...more },
    'x',
  );
  const options = buildOptionsFromInputs((n) => map[n] ?? '');
  const plan = applyToPlan(
    planBuild(config, { catalog: bundledCatalog(), git: { sha: 'abcdef1234' }, now: new Date(0) }),
    options,
  );
  const calls: string[][] = [];
  const inspected: (string | undefined)[] = [];
  const merges: { tags: readonly string[]; annotations: readonly string[] }[] = [];
  const seenSecrets: Record<string, { content: string; mode: number }> = {};
  const output: string[] = [];
  const progress: string[] = [];
  const warnings: string[] = [];
  const docker = fakeDocker({
    buildxVersion: async () => buildxVersion,
    buildxInspect: async (name?: string) => {
      inspected.push(name);
      return { name: name ?? 'default', driver, platforms: ['linux/amd64'] };
    },
    imageDigest: async () => DIGEST(9),
    // The docker driver's push by tag is read back (pushed-image.ts): this build's manifest.
    imagetoolsRaw: async () => MANIFEST,
    buildx: async (args, opts) => {
      calls.push([...args]);
      args.forEach((a, i) => {
        const m = args[i - 1] === '--secret' ? /^id=([^,]+),src=(.+)$/.exec(a) : null;
        if (m)
          seenSecrets[m[1]!] = { content: readFileSync(m[2]!, 'utf8'), mode: statSync(m[2]!).mode & 0o777 };
      });
      opts?.onLine?.(`#5 echo s3cr3t-value and ${env.NPM_TOKEN ?? ''}`, 'stderr');
      for (const l of say) opts?.onLine?.(l, 'stderr');
      if (fail) return { exitCode: 1, stdout: '', stderr: say.join('\n') };
      writeFileSync(
        args[args.indexOf('--metadata-file') + 1]!,
        JSON.stringify({
          'containerimage.digest': driver === 'docker' ? sha256(MANIFEST) : DIGEST(1),
          'containerimage.config.digest': DIGEST(3),
        }),
      );
      return { exitCode: 0, stdout: '', stderr: '' };
    },
    imagetoolsCreate: async (tags, _sources, o) => {
      merges.push({ tags, annotations: o?.annotations ?? [] });
      return DIGEST(7);
    },
  });
  const result = await runBuildStage(
    { plan, config, baseDir: dir, imagesDir: findImagesDir(process.cwd()), push, options },
    {
      docker,
      exec: NO_GIT,
      env,
      // As the pipeline hands it over: the payload at GITHUB_EVENT_PATH.
      event: readGitHubEventFile(env.GITHUB_EVENT_PATH),
      progress: (l) => progress.push(l),
      warning: (m) => warnings.push(m),
      output: (l) => output.push(l),
    },
  );
  return { result, calls, inspected, merges, seenSecrets, output, progress, warnings };
}

describe('build stage with BPA inputs', () => {
  it('builds on the named builder, mounts secrets from 0600 files, masks them, annotates the index', async () => {
    const r = await build(
      {
        builder: 'ci-builder',
        secrets: 'tok=s3cr3t-value',
        'secret-envs': 'npm=NPM_TOKEN',
        tags: 'localhost:5000/o/m:1.0',
        labels: 'org.opencontainers.image.description=An ML image',
        annotations: 'index:org.opencontainers.image.vendor=Acme',
      },
      { NPM_TOKEN: 'npm-abcdef' },
    );
    expect(r.inspected).toEqual(['ci-builder']);
    const args = r.calls[0]!;
    expect(args.slice(0, 3)).toEqual(['build', '--builder', 'ci-builder']);
    expect(r.seenSecrets.tok).toEqual({ content: 's3cr3t-value', mode: 0o600 });
    expect(args).toContain('id=npm,env=NPM_TOKEN');
    expect(args.join(' ')).not.toContain('s3cr3t-value');
    expect(r.output.join('\n')).not.toMatch(/s3cr3t-value|npm-abcdef/);
    expect(r.merges).toEqual([
      {
        tags: ['localhost:5000/o/m:1.0'],
        annotations: expect.arrayContaining([
          'index:org.opencontainers.image.vendor=Acme',
          'index:org.opencontainers.image.description=An ML image',
        ]) as unknown as string[],
      },
    ]);
    expect(r.result.variants[0]!.tags).toEqual(['localhost:5000/o/m:1.0']);
  });

  // Whether the build pushed is recorded: a local tag (the `load` input's) does not mean "not pushed".
  it.each([
    ['push', {}, undefined],
    ['push and load', { load: 'true' }, 'localhost:5000/o/m:ml-image-local-cpu-amd64'],
  ])(
    '%s: build.json records the image as pushed, with the tag it is loaded under',
    async (_n, map, local) => {
      const r = await build(map);
      const [p] = r.result.variants[0]!.platforms;
      expect(p!.pushed).toBe(true);
      expect(p!.localRef).toBe(local);
    },
  );

  // Each target (variant x platform) its own scope: one gha scope shared by all is replaced by each write.
  it.each([
    ['{variant} and {arch} filled in', 'my-model-{variant}-{arch}', 'my-model-cpu-amd64'],
    ['a scope without them, as given', 'my-model', 'my-model'],
  ])('cache-from / cache-to: %s', async (_n, scope, want) => {
    const r = await build({
      'cache-from': `type=gha,scope=${scope}`,
      'cache-to': `type=gha,scope=${scope},mode=max`,
    });
    const args = r.calls[0]!;
    const after = (flag: string) => args.flatMap((a, i) => (args[i - 1] === flag ? [a] : []));
    expect(after('--cache-from')).toEqual([`type=gha,scope=${want}`]);
    expect(after('--cache-to')).toEqual([`type=gha,scope=${want},mode=max`]);
  });

  // A RUN --mount=type=secret step that prints the file (or a pip or curl error quoting it): its
  // text is masked as a `secrets` value is, in the log and in the build failure's message.
  it("secret-files: the file's text is masked in the output and in the failure (finding: it was not)", async () => {
    const file = path.join(dir, 'netrc');
    writeFileSync(file, 'machine h.example login ci password LitFilePw0123\n');
    const say = ['#7 cat /run/secrets/netrc', '#7 machine h.example login ci password LitFilePw0123'];
    const r = await build({ 'secret-files': `netrc=${file}` }, {}, undefined, { say });
    expect(r.calls[0]!.join(' ')).toContain(`id=netrc,src=${file}`);
    expect(r.output.join('\n')).toContain('#7 ***');
    expect(r.output.join('\n')).not.toContain('LitFilePw0123');
    const failed = await build({ 'secret-files': `netrc=${file}` }, {}, undefined, { say, fail: true }).then(
      () => undefined,
      (e: unknown) => e as Error & { fix?: string },
    );
    expect(failed).toBeInstanceOf(Error);
    expect(`${failed!.message}\n${failed!.fix ?? ''}`).toContain('#7 ***');
    expect(`${failed!.message}\n${failed!.fix ?? ''}`).not.toContain('LitFilePw0123');
  });

  it('refuses a secret-envs variable that is not set, and a secret id given twice', async () => {
    await expect(build({ 'secret-envs': 'npm=NPM_TOKEN' })).rejects.toThrow(
      /input "secret-envs": npm=NPM_TOKEN: NPM_TOKEN is not set/,
    );
    await expect(build({ secrets: 'ml_image_requirements=x' })).rejects.toBeInstanceOf(InputError);
  });

  // A run that may build a pull request's code writes no cache a branch's build reads: the
  // registry cache never, gha only where GitHub keeps the entries to the pull request's own ref.
  const gha = { ACTIONS_RUNTIME_TOKEN: 'rt', ACTIONS_CACHE_URL: 'https://cache.example/' };
  it.each([
    ['push', 'refs/heads/main', {}, true],
    ['pull_request', 'refs/pull/7/merge', {}, false],
    ['pull_request_target', 'refs/heads/main', {}, false],
    ['workflow_run', 'refs/heads/main', {}, false],
    ['issue_comment', 'refs/heads/main', {}, false],
    ['push', 'refs/heads/main', gha, true],
    ['pull_request', 'refs/pull/7/merge', gha, true],
    ['pull_request_target', 'refs/heads/main', gha, false],
    ['workflow_run', 'refs/heads/main', gha, false],
    ['issue_comment', 'refs/heads/main', gha, false],
    // Started with write access, but "/ok-to-test" and preview deploys check out a pull request.
    ['repository_dispatch', 'refs/heads/main', gha, false],
    ['deployment', 'refs/heads/main', {}, false],
    // A branch or tag pushed: a branch's run like a push.
    ['create', 'refs/heads/main', {}, true],
    // workflow_run after a push of this repository (the payload says so): trusted.
    ['workflow_run after push', 'refs/heads/main', gha, true],
  ])('%s on %s %j: writes the cache: %s', async (event, ref, cacheEnv, writes) => {
    const eventFile = path.join(dir, 'event.json');
    writeFileSync(
      eventFile,
      JSON.stringify({ workflow_run: { event: 'push', head_repository: { full_name: 'acme/model' } } }),
    );
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: event.split(' ')[0]!,
      GITHUB_REF: ref,
      GITHUB_REPOSITORY: 'acme/model',
      ...(event === 'workflow_run after push' && { GITHUB_EVENT_PATH: eventFile }),
      ...cacheEnv,
    };
    const r = await build({}, env);
    const args = r.calls[0]!;
    const cacheTo = args.flatMap((a, i) => (args[i - 1] === '--cache-to' ? [a] : []));
    expect(cacheTo).toHaveLength(writes ? 1 : 0);
    expect(args).toContain('--cache-from');
    // A run that may build a pull request's code says so in one line, with its push tag scope.
    const said = r.progress.filter((l) => l.includes("it may build a pull request's code"));
    const trusted = ['push', 'create', 'workflow_run after push'];
    expect(said).toHaveLength(trusted.includes(event) ? 0 : 1);
  });

  // BuildKit refuses an index type on a single-platform export: each build gets an annotation's
  // manifest types only, and the merge its index type.
  it.each<[string, string[], string[]]>([
    ['org.example.k=v', ['org.example.k=v'], []],
    ['manifest:org.example.k=v', ['manifest:org.example.k=v'], []],
    ['index:org.example.k=v', [], ['index:org.example.k=v']],
    ['index,manifest:org.example.k=v', ['manifest:org.example.k=v'], ['index:org.example.k=v']],
    ['manifest,index:org.example.k=v', ['manifest:org.example.k=v'], ['index:org.example.k=v']],
    [
      'index,manifest-descriptor:org.example.k=v',
      ['manifest-descriptor:org.example.k=v'],
      ['index:org.example.k=v'],
    ],
    [
      'index,manifest[linux/amd64]:org.example.k=v',
      ['manifest[linux/amd64]:org.example.k=v'],
      ['index:org.example.k=v'],
    ],
  ])('annotation %s: the build gets %j, the merged index %j', async (annotations, perPlatform, merged) => {
    const r = await build({ annotations });
    const args = r.calls[0]!;
    expect(args.flatMap((a, i) => (args[i - 1] === '--annotation' ? [a] : []))).toEqual(perPlatform);
    expect(r.merges[0]!.annotations.filter((a) => a.includes('org.example.'))).toEqual(merged);
  });

  // build-push-action's build, load, test, push: `push: false` (or `load: true`) with `tags`, then
  // `docker run TAG`. A variant built for one platform is loaded under its tags too, besides the
  // local tag the smoke stage runs; a variant of several platforms only under each local tag.
  const local = (v: string, arch: string) => `user/app:ml-image-local-${v}-${arch}`;
  const pushed =
    'type=image,name=user/app,push-by-digest=true,name-canonical=true,push=true,oci-mediatypes=true';
  it.each<[string, Record<string, string>, boolean, Record<string, unknown>, [string[], string[]][]]>([
    [
      'push: false, one target: its tags too',
      { tags: 'user/app:test' },
      false,
      {},
      [[[local('cpu', 'amd64'), 'user/app:test'], []]],
    ],
    [
      'push: false, two platforms: each its local tag only',
      { tags: 'user/app:test' },
      false,
      { platforms: ['linux/amd64', 'linux/arm64'] },
      [
        [[local('cpu', 'amd64')], []],
        [[local('cpu', 'arm64')], []],
      ],
    ],
    [
      "push: false, two variants of one platform: each its variant's tags",
      { tags: 'user/app:test\nuser/app:latest' },
      false,
      { variants: ['cpu', 'cuda12.8'] },
      [
        [[local('cpu', 'amd64'), 'user/app:test-cpu', 'user/app:cpu', 'user/app:latest'], []],
        [[local('cuda12.8', 'amd64'), 'user/app:test-cuda12.8', 'user/app:cuda12.8'], []],
      ],
    ],
    [
      'push and load, one target: the second exporter names its tags too',
      { tags: 'user/app:test', load: 'true' },
      true,
      {},
      [[[], [pushed, `type=docker,"name=${local('cpu', 'amd64')},user/app:test"`]]],
    ],
    [
      'push and load, two platforms: each its local tag only',
      { tags: 'user/app:test', load: 'true' },
      true,
      { platforms: ['linux/amd64', 'linux/arm64'] },
      [
        [[], [pushed, `type=docker,name=${local('cpu', 'amd64')}`]],
        [[], [pushed, `type=docker,name=${local('cpu', 'arm64')}`]],
      ],
    ],
  ])('%s', async (_name, map, push, config, builds) => {
    const r = await build(map, {}, '0.21.2', { push, config });
    const after = (args: string[], flag: string) => args.flatMap((a, i) => (args[i - 1] === flag ? [a] : []));
    expect(r.calls.map((args) => [after(args, '--tag'), after(args, '--output')])).toEqual(builds);
    for (const args of r.calls) expect(args.includes('--load')).toBe(!push);
    // build.json records the tags each image was loaded under besides its local tag (the post step
    // of keep-images: false removes them): those of the single-platform targets only.
    const loaded = r.result.variants.flatMap((v) => v.platforms.map((p) => p.loadedTags ?? []));
    const names = builds.map(([tags, outputs]) =>
      (push
        ? (outputs[1] ?? '')
            .replace(/^type=docker,"?name=/, '')
            .replace(/"$/, '')
            .split(',')
        : tags
      ).slice(1),
    );
    expect(loaded).toEqual(names);
  });

  it('the docker driver pushed and loaded: its image keeps the push tag only, so no loadedTags', async () => {
    const r = await build({ tags: 'user/app:test', load: 'true' }, {}, '0.21.2', { driver: 'docker' });
    expect(r.result.variants[0]!.platforms[0]!.loadedTags).toBeUndefined();
  });

  it('the docker driver: what was asked for and left out is a warning, once (it was a note)', async () => {
    const r = await build({ sbom: 'true', annotations: 'manifest:org.example.k=v' }, {}, '0.21.2', {
      driver: 'docker',
    });
    expect(r.warnings).toEqual([
      'docker driver: SBOM attestations are not supported, left out',
      'docker driver: images are pushed with Docker manifests, which carry no annotations: annotations left out (use a docker-container builder)',
    ]);
    expect(r.progress.join('\n')).not.toMatch(
      /SBOM attestations are not supported|no annotations: annotations left/,
    );
    // What the driver adapts on its own (no provenance of its own) stays a note.
    expect(r.progress).toContain('note: docker driver: provenance attestations are not supported, disabled');
  });

  it('leaves index annotations out with a note before buildx 0.12', async () => {
    const r = await build({ labels: 'org.opencontainers.image.description=d' }, {}, '0.11.2');
    expect(r.merges[0]!.annotations).toEqual([]);
  });
});

describe('BPA outputs of a one-variant build', () => {
  const platform = (p: string, n: number) => ({
    platform: p,
    digest: DIGEST(n),
    durationMs: 1,
    attempts: 1,
    metadata: { 'containerimage.digest': DIGEST(n), 'containerimage.config.digest': DIGEST(n + 4) },
  });
  const variant = {
    variant: 'cpu',
    repository: 'r/o/m',
    tags: ['r/o/m:1.0', 'r/o/m:latest'],
    baseImage: 'python:3.12-slim',
  };

  it('multi-arch: digest and imageid are the list digest, metadata names the tags', () => {
    const out = singleImageOutputs({
      ...variant,
      digest: DIGEST(7),
      platforms: [platform('linux/amd64', 1), platform('linux/arm64', 2)],
    });
    expect(out.digest).toBe(DIGEST(7));
    expect(out.imageid).toBe(DIGEST(7));
    const m = JSON.parse(out.metadata) as Record<string, unknown>;
    expect(m['containerimage.digest']).toBe(DIGEST(7));
    expect(m['image.name']).toBe('r/o/m:1.0,r/o/m:latest');
    expect(m['ml-image.platforms']).toEqual({ 'linux/amd64': DIGEST(1), 'linux/arm64': DIGEST(2) });
  });

  it('one platform, not merged, pushed as an index with attestations: the index, as build-push-action', () => {
    const out = singleImageOutputs({
      ...variant,
      platforms: [{ ...platform('linux/amd64', 1), indexDigest: DIGEST(9) }],
    });
    expect(out.digest).toBe(DIGEST(9));
    expect(JSON.parse(out.metadata)['containerimage.digest']).toBe(DIGEST(9));
    expect(out.imageid).toBe(DIGEST(5));
  });

  // Finding: merged, metadata's containerimage.digest was the list's while containerimage.descriptor
  // still described the platform image (another digest): in build-push-action's metadata both name
  // one object (actions-toolkit Build.resolveDigest reads containerimage.digest).
  const descriptor = (n: number) => ({
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: DIGEST(n),
    size: 1234,
  });
  it.each<[string, number | undefined, number, boolean]>([
    ['one platform merged into a list: the image descriptor left out', 7, 1, false],
    ['one platform, not merged: its descriptor kept', undefined, 1, true],
  ])('%s', (_what, listDigest, n, kept) => {
    const p = platform('linux/amd64', n);
    const out = singleImageOutputs({
      ...variant,
      ...(listDigest !== undefined && { digest: DIGEST(listDigest) }),
      platforms: [{ ...p, metadata: { ...p.metadata, 'containerimage.descriptor': descriptor(n) } }],
    });
    const m = JSON.parse(out.metadata) as Record<string, unknown>;
    expect(m['containerimage.digest']).toBe(out.digest);
    expect(m['containerimage.descriptor']).toEqual(kept ? descriptor(n) : undefined);
  });

  it('one platform, not merged: the image digest, and imageid is its config digest', () => {
    const out = singleImageOutputs({ ...variant, platforms: [platform('linux/amd64', 1)] });
    expect(out.digest).toBe(DIGEST(1));
    expect(out.imageid).toBe(DIGEST(5));
    expect(JSON.parse(out.metadata)['containerimage.config.digest']).toBe(DIGEST(5));
  });
});
