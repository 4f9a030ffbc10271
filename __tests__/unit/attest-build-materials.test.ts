// Provenance names the files the build read by the digests the build recorded (build.json's
// `materials`, each platform's `constraintsSha256`), not the files on disk when the attest stage
// runs: that may be later, in another job, after the requirements changed. A build.json of an older
// version records none: the files as they are then, and a note says so. The matrix merge keeps them.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuildResult, Materials } from '../../src/build/result.js';
import { BuildResultSchema } from '../../src/build/result.js';
import { runBuildStage } from '../../src/build/stage.js';
import { loadConfig } from '../../src/config/load.js';
import type { CommandRunner } from '../../src/docker/adapter.js';
import { InputError } from '../../src/errors.js';
import { runAttest } from '../../src/pipeline/attest.js';
import { mergeFromDigestFiles } from '../../src/pipeline/merge.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { RESOLUTION_SCHEMA_VERSION } from '../../src/resolve/result.js';
import { digestFiles, openResultDir, resolutionFile } from '../../src/results/results.js';
import { findImagesDir } from '../../src/util/images-dir.js';
import { fixture, FIXTURE_PASSWORD } from '../helpers/cosign-keys.js';
import { fakeDocker } from '../helpers/fakes.js';

const D = (c: string) => `sha256:${c.repeat(64)}`;
const sha = (t: string) => createHash('sha256').update(t).digest('hex');
const NO_GIT: CommandRunner = {
  run: async () => ({ exitCode: 128, stdout: '', stderr: 'not a repository' }),
};

const CONFIG =
  'image:\n  name: o/m\n  registry: localhost:5000\nvariants: [cpu]\nplatforms: [linux/amd64]\npython:\n  requirements: [requirements.txt]\nattest: {sign: key, types: [provenance]}\n';
const BUILT = { 'requirements.txt': 'numpy<2\n-r more.txt\n', 'more.txt': 'scipy\n' };
const CONSTRAINTS = 'numpy==1.26.4\n';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-materials-'));
  writeFileSync(path.join(dir, 'ml-image.yml'), CONFIG);
  for (const [f, t] of Object.entries(BUILT)) writeFileSync(path.join(dir, f), t);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** What the build of DIR's files records, as runBuildStage returns it (one push, no merge). */
async function build(): Promise<BuildResult> {
  const loaded = loadConfig({ cwd: dir, file: path.join(dir, 'ml-image.yml') });
  const plan = planBuild(loaded.config, {
    catalog: bundledCatalog(),
    git: { sha: 'abcdef1' },
    now: new Date(0),
  });
  const docker = fakeDocker({
    buildxVersion: async () => '0.21.2',
    buildxInspect: async () => ({ name: 'ml', driver: 'docker-container', platforms: ['linux/amd64'] }),
    imageDigest: async () => D('9'),
    buildx: async (args) => {
      writeFileSync(
        args[args.indexOf('--metadata-file') + 1]!,
        JSON.stringify({ 'containerimage.digest': D('1') }),
      );
      return { exitCode: 0, stdout: '', stderr: '' };
    },
  });
  return runBuildStage(
    {
      plan,
      config: loaded.config,
      baseDir: dir,
      configFile: loaded.file!,
      imagesDir: findImagesDir(process.cwd()),
      push: true,
      merge: false,
      resolved: { 'cpu/linux/amd64': { constraints: CONSTRAINTS, requirements: 'numpy<2\nscipy' } },
    },
    { docker, exec: NO_GIT, env: {}, progress: () => undefined },
  );
}

const MATERIALS: Materials = {
  config: { path: 'ml-image.yml', sha256: sha(CONFIG) },
  requirements: Object.entries(BUILT).map(([f, t]) => ({ path: f, sha256: sha(t) })),
};

/** A build.json of one pushed target; RECORDED: its materials and constraints digest (none: an older version's). */
const buildJson = (recorded?: { materials: Materials; constraints?: string }): BuildResult => ({
  schemaVersion: 1,
  variants: [
    {
      variant: 'cpu',
      repository: 'localhost:5000/o/m',
      tags: [],
      baseImage: 'python:3.12-slim',
      baseDigest: D('9'),
      platforms: [
        {
          platform: 'linux/amd64',
          digest: D('b'),
          durationMs: 1,
          attempts: 1,
          metadata: {},
          ...(recorded?.constraints !== undefined && { constraintsSha256: recorded.constraints }),
        },
      ],
    },
  ],
  ...(recorded && { materials: recorded.materials }),
});

type Dependency = { uri?: string; name?: string; digest?: { sha256: string } };

/** The attest stage over BUILD in another job (nothing resolved in this process): provenance, notes, lines. */
async function attest(build: BuildResult) {
  const texts: string[] = [];
  const lines: string[] = [];
  const outcome = await runAttest(
    {
      plan: { variants: [] } as never,
      loaded: loadConfig({ cwd: dir, file: path.join(dir, 'ml-image.yml') }),
      build,
      smoke: [],
      resolved: {},
      results: openResultDir(path.join(dir, 'out')),
      env: { COSIGN_KEY: fixture('fixture.key'), COSIGN_PASSWORD: FIXTURE_PASSWORD },
      now: new Date('2026-01-05T10:00:00Z'),
    },
    {
      signer: () => ({ sign: async () => undefined, attest: async (_r, p) => void texts.push(p.text ?? '') }),
      progress: (l) => lines.push(l),
      warning: () => undefined,
    },
  );
  const provenance = texts.map((t) => JSON.parse(t)).find((x) => 'buildDefinition' in x);
  const definition = provenance.buildDefinition as {
    externalParameters: { config?: { path: string; sha256: string } };
    resolvedDependencies: Dependency[];
  };
  const files = definition.resolvedDependencies.filter(
    (d) => d.uri !== undefined && !d.uri.startsWith('pkg:'),
  );
  const constraints = definition.resolvedDependencies.find((d) => d.name === 'constraints (resolver)');
  return {
    config: definition.externalParameters.config,
    files,
    constraints,
    notes: outcome.result.targets[0]!.notes,
    lines,
  };
}

/** Changes every file the build read, as a later commit (or a second checkout) would. */
function changeFiles() {
  writeFileSync(path.join(dir, 'ml-image.yml'), `${CONFIG}# changed\n`);
  writeFileSync(path.join(dir, 'requirements.txt'), 'numpy>=2\n');
  // The resolver run again since (`--stages resolve`): its resolution file is not what was built.
  openResultDir(path.join(dir, 'out'));
  writeFileSync(
    path.join(dir, 'out', resolutionFile('cpu', 'linux/amd64')),
    JSON.stringify({
      schemaVersion: RESOLUTION_SCHEMA_VERSION,
      image: 'python:3.12-slim',
      platform: 'linux/amd64',
      mode: 'auto',
      status: 'fixed',
      python: '3.12.8',
      naive: { install: [], replaces: [] },
      hazards: [],
      constraints: { pinned: 1, skipped: [], sha256: sha('numpy==2.1.0\n') },
      durationMs: 1,
    }),
  );
}

describe('build.json records the files the build read', () => {
  it('the config, the requirements with their -r includes (bytes read), each target its constraints', async () => {
    const result = await build();
    expect(result.materials).toEqual(MATERIALS);
    expect(result.variants[0]!.platforms[0]!.constraintsSha256).toBe(sha(CONSTRAINTS));
    // build.json is written and read through its schema: the fields stay.
    expect(BuildResultSchema.parse(JSON.parse(JSON.stringify(result)))).toEqual(result);
  });

  it('a build.json of an older version (no materials, no constraintsSha256) still reads', () => {
    expect(BuildResultSchema.parse(buildJson()).materials).toBeUndefined();
  });
});

describe('provenance: the recorded digests, whatever is on disk when attested', () => {
  it.each<[string, BuildResult, boolean]>([
    ['files unchanged', buildJson({ materials: MATERIALS, constraints: sha(CONSTRAINTS) }), false],
    [
      'files changed since the build',
      buildJson({ materials: MATERIALS, constraints: sha(CONSTRAINTS) }),
      true,
    ],
  ])('%s: what build.json records', async (_what, recorded, changed) => {
    if (changed) changeFiles();
    const p = await attest(recorded);
    expect(p.config).toEqual(MATERIALS.config);
    expect(p.files).toEqual(
      MATERIALS.requirements.map((f) => ({ uri: f.path, digest: { sha256: f.sha256 } })),
    );
    expect(p.constraints?.digest?.sha256).toBe(sha(CONSTRAINTS));
    expect(p.notes).toEqual([]);
  });

  it('a target the build gave no resolver constraints: none, not a resolution file written since', async () => {
    changeFiles();
    expect((await attest(buildJson({ materials: MATERIALS }))).constraints).toBeUndefined();
  });

  it('an older version build.json: the files as they are now, and a note (attest.json) and a line say so', async () => {
    changeFiles();
    const p = await attest(buildJson());
    expect(p.config).toEqual({ path: 'ml-image.yml', sha256: sha(`${CONFIG}# changed\n`) });
    expect(p.files).toEqual([{ uri: 'requirements.txt', digest: { sha256: sha('numpy>=2\n') } }]);
    expect(p.constraints?.digest?.sha256).toBe(sha('numpy==2.1.0\n'));
    expect(p.notes).toEqual([
      expect.stringMatching(/^provenance: build\.json records no digests .* when attested/),
    ]);
    expect(p.lines).toContainEqual(
      expect.stringMatching(/^note: provenance: build\.json records no digests/),
    );
  });
});

describe('matrix merge: the build jobs’ materials', () => {
  const job = (platform: string, materials?: Materials) => {
    const b = buildJson(materials && { materials, constraints: sha(CONSTRAINTS) });
    const v = b.variants[0]!;
    return {
      ...b,
      variants: [
        {
          ...v,
          tags: ['localhost:5000/o/m:1.0-cpu'],
          platforms: [{ ...v.platforms[0]!, platform, digest: D(platform.endsWith('arm64') ? 'c' : 'b') }],
        },
      ],
    };
  };
  const other: Materials = {
    ...MATERIALS,
    requirements: [{ path: 'requirements.txt', sha256: sha('numpy>=2\n') }],
  };
  const plan = {
    variants: [{ name: 'cpu', platforms: ['linux/amd64', 'linux/arm64'], labels: {} }],
  } as never;

  it.each<[string, Materials | undefined, Materials | undefined, Materials | undefined | RegExp, boolean]>([
    ['both jobs recorded the same: kept', MATERIALS, MATERIALS, MATERIALS, false],
    ['neither recorded any (older version): none, no note', undefined, undefined, undefined, false],
    ['one job of an older version: none, and a note', MATERIALS, undefined, undefined, true],
    [
      'the jobs read different files: refused, naming them',
      MATERIALS,
      other,
      /different files \(requirements\.txt, more\.txt differ\)/,
      false,
    ],
  ])('%s', async (_what, amd, arm, want, noted) => {
    const jobs = [job('linux/amd64', amd), job('linux/arm64', arm)];
    jobs.forEach((b, i) =>
      digestFiles(b).forEach((d) => writeFileSync(path.join(dir, `digest-${i}.json`), JSON.stringify(d))),
    );
    const docker = fakeDocker({ buildxVersion: async () => '0.11.0', imagetoolsCreate: async () => D('e') });
    const lines: string[] = [];
    const merged = mergeFromDigestFiles(
      dir,
      { docker: () => docker, progress: (_s, l) => lines.push(l) },
      plan,
    );
    if (want instanceof RegExp) {
      const e = await merged.catch((x: unknown) => x);
      expect(e).toBeInstanceOf(InputError);
      expect((e as Error).message).toMatch(want);
      return;
    }
    const r = await merged;
    expect(r.materials).toEqual(want);
    expect(r.variants[0]!.platforms.map((p) => p.constraintsSha256)).toEqual(
      [amd, arm].map((m) => (m ? sha(CONSTRAINTS) : undefined)),
    );
    expect(lines.some((l) => l.includes('records no digests of the config'))).toBe(noted);
  });
});
