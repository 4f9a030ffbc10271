// The attest stage reads a target's record and smoke result from the result directory when this
// run's smoke stage did not test it (`--stages attest`, a separate attest job, a smoke target that
// failed). The directory outlives a run: files an EARLIER image's smoke run left there must not be
// signed as being about the new digest; files of the same digest still are.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { otherImage, recordImage, smokeImage } from '../../src/attest/of-image.js';
import { refDigest } from '../../src/oci/ref.js';
import type { EnvRecord } from '../../src/capture/record.js';
import { loadConfig } from '../../src/config/load.js';
import { runAttest } from '../../src/pipeline/attest.js';
import { openResultDir, type ResultDir } from '../../src/results/results.js';
import type { SmokeEntry } from '../../src/smoke/stage.js';
import { fixture, FIXTURE_PASSWORD } from '../helpers/cosign-keys.js';
import { makeRecord, makeSmoke } from '../helpers/records.js';

const OLD = `sha256:${'a'.repeat(64)}`;
const NEW = `sha256:${'b'.repeat(64)}`;
const REPO = 'ghcr.io/my-org/model';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-attest-stale-'));
  writeFileSync(
    path.join(dir, 'ml-image.yml'),
    'image:\n  name: my-org/model\nvariants: [cpu]\nplatforms: [linux/amd64]\nattest: {sign: key, types: [sbom, smoke]}\n',
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A record captured of IMAGE (repository@digest), whose engine knew it by DIGEST. */
function recordOf(image: string, digest: string | null): EnvRecord {
  const r = makeRecord({ ref: image });
  return { ...r, image: { ...r.image, digest } };
}

const passed = (image: string) => makeSmoke([{ id: 'imports:torch', status: 'pass' }], { image });

/** The attest stage of a run that built NEW and has SMOKE entries of its own (none: not tested). */
async function attestNew(results: ResultDir, smoke: SmokeEntry[] = []) {
  const loaded = loadConfig({ cwd: dir, file: path.join(dir, 'ml-image.yml') });
  const attested: { ref: string; text: string }[] = [];
  const progress: string[] = [];
  const build = {
    schemaVersion: 1 as const,
    variants: [
      {
        variant: 'cpu',
        repository: REPO,
        tags: [],
        baseImage: 'python:3.12-slim',
        platforms: [{ platform: 'linux/amd64', digest: NEW, durationMs: 1, attempts: 1, metadata: {} }],
      },
    ],
  };
  const outcome = await runAttest(
    {
      plan: { variants: [] } as never,
      loaded,
      build,
      smoke,
      resolved: {},
      results,
      env: { COSIGN_KEY: fixture('fixture.key'), COSIGN_PASSWORD: FIXTURE_PASSWORD },
      now: new Date('2026-01-05T10:00:00Z'),
    },
    {
      signer: () => ({
        sign: async () => undefined,
        attest: async (ref, p) => {
          attested.push({ ref, text: p.text ?? '' });
        },
      }),
      progress: (l) => progress.push(l),
      warning: () => undefined,
    },
  );
  const predicate = (type: string) =>
    attested
      .map((a) => JSON.parse(a.text))
      .find((x) => (type === 'smoke' ? 'verdict' in x : 'bomFormat' in x));
  return { outcome, attested, progress, predicate, target: outcome.result.targets[0]! };
}

describe('attest: the result directory of an earlier image', () => {
  it("a passing smoke result of the earlier image is not signed for the new digest (this run's smoke of it failed)", async () => {
    const results = openResultDir(path.join(dir, 'out'));
    results.writeEnv('cpu', 'linux/amd64', recordOf(`${REPO}@${OLD}`, OLD));
    results.writeSmoke('cpu', 'linux/amd64', passed(`${REPO}@${OLD}`));
    const { attested, progress, target } = await attestNew(results);
    // Nothing about the earlier image is attached to the new one: no smoke verdict, no SBOM of it.
    expect(attested).toEqual([]);
    expect(target.attestations).toEqual([]);
    const smokeFile = path.join(dir, 'out', 'smoke-cpu-amd64.json');
    const envFile = path.join(dir, 'out', 'env-cpu-amd64.json');
    expect(target.notes).toEqual([
      `sbom: the environment record in ${envFile} is of another image (sha256:aaaaaaaaaaaa), not attested`,
      `smoke: the smoke result in ${smokeFile} is of another image (sha256:aaaaaaaaaaaa), not attested`,
    ]);
    expect(progress.join('\n')).toContain(`smoke: the smoke result in ${smokeFile} is of another image`);
  });

  it('a record of this digest with a smoke result of the earlier image: the SBOM only', async () => {
    const results = openResultDir(path.join(dir, 'out'));
    // This run captured the new image, then its suites could not run (the smoke file is the old one's).
    results.writeEnv('cpu', 'linux/amd64', recordOf(`${REPO}@${NEW}`, NEW));
    results.writeSmoke('cpu', 'linux/amd64', passed(`${REPO}@${OLD}`));
    const { target, predicate } = await attestNew(results);
    expect(target.attestations.map((a) => a.kind)).toEqual(['sbom']);
    expect(target.notes).toEqual([
      expect.stringMatching(/^smoke: the smoke result in .* \(sha256:aaaaaaaaaaaa\)/),
    ]);
    expect(predicate('sbom')).toBeDefined();
    expect(predicate('smoke')).toBeUndefined();
  });

  it('a smoke result that names its image by tag only is not taken for the digest', async () => {
    const results = openResultDir(path.join(dir, 'out'));
    results.writeSmoke('cpu', 'linux/amd64', passed(`${REPO}:latest`));
    const { target } = await attestNew(results);
    expect(target.notes).toContain(
      `smoke: the smoke result in ${path.join(dir, 'out', 'smoke-cpu-amd64.json')} is of another image (${REPO}:latest, no digest), not attested`,
    );
  });

  it('`--stages attest` after a smoke run of the same digest: the record and result are attested', async () => {
    const results = openResultDir(path.join(dir, 'out'));
    results.writeEnv('cpu', 'linux/amd64', recordOf(`${REPO}@${NEW}`, NEW));
    results.writeSmoke('cpu', 'linux/amd64', passed(`${REPO}@${NEW}`));
    const { attested, target, predicate } = await attestNew(results);
    expect(target.notes).toEqual([]);
    expect(target.attestations.map((a) => a.kind)).toEqual(['sbom', 'smoke']);
    expect(attested.map((a) => a.ref)).toEqual([`${REPO}@${NEW}`, `${REPO}@${NEW}`]);
    expect(predicate('smoke')).toMatchObject({ verdict: 'pass', image: { digest: NEW } });
  });

  it('`--stages attest` after a cancelled smoke run of the same digest: its results so far are not attested', async () => {
    const results = openResultDir(path.join(dir, 'out'));
    results.writeEnv('cpu', 'linux/amd64', recordOf(`${REPO}@${NEW}`, NEW));
    // What the smoke stage writes when SIGTERM stops it during its first test (the job cancelled).
    const stopped =
      "interrupted by SIGTERM: the test's container was stopped (exit code 137) (during imports)";
    results.writeSmoke('cpu', 'linux/amd64', {
      ...makeSmoke([{ id: 'imports', status: 'fail', reason: stopped }], { image: `${REPO}@${NEW}` }),
      interrupted: stopped,
    });
    const { target, predicate } = await attestNew(results);
    // The SBOM of the captured record is; a "fail" verdict the image never earned is not signed.
    expect(target.attestations.map((a) => a.kind)).toEqual(['sbom']);
    expect(predicate('smoke')).toBeUndefined();
    expect(target.notes).toEqual([
      `smoke: the smoke result in ${path.join(dir, 'out', 'smoke-cpu-amd64.json')} is of a smoke run that was stopped after 1 test(s) (${stopped}), not attested`,
    ]);
  });

  it("the note shows a stopped run's reason escaped (a line break would forge a line)", async () => {
    const results = openResultDir(path.join(dir, 'out'));
    results.writeEnv('cpu', 'linux/amd64', recordOf(`${REPO}@${NEW}`, NEW));
    const stopped = 'engine gone\nsmoke: all passed\u001b[2K (during imports)';
    results.writeSmoke('cpu', 'linux/amd64', {
      ...makeSmoke([{ id: 'imports', status: 'fail', reason: 'x' }], { image: `${REPO}@${NEW}` }),
      interrupted: stopped,
    });
    const { target } = await attestNew(results);
    expect(target.notes).toEqual([
      `smoke: the smoke result in ${path.join(dir, 'out', 'smoke-cpu-amd64.json')} is of a smoke run that was stopped after 1 test(s) (engine gone\\nsmoke: all passed\\u001b[2K (during imports)), not attested`,
    ]);
  });

  it("this run's own smoke entry is used as it is (not read back, not checked against the directory)", async () => {
    const results = openResultDir(path.join(dir, 'out'));
    results.writeSmoke('cpu', 'linux/amd64', passed(`${REPO}@${OLD}`));
    const entry: SmokeEntry = {
      variant: 'cpu',
      platform: 'linux/amd64',
      image: `${REPO}@${NEW}`,
      record: recordOf(`${REPO}@${NEW}`, NEW),
      result: makeSmoke([{ id: 'imports:torch', status: 'fail' }], { image: `${REPO}@${NEW}` }),
    };
    const { target, predicate } = await attestNew(results, [entry]);
    expect(target.notes).toEqual([]);
    expect(predicate('smoke')).toMatchObject({ verdict: 'fail', image: { digest: NEW } });
  });
});

describe('of-image: which image a record or smoke result is of', () => {
  it.each([
    [`${REPO}@${NEW}`, NEW],
    [`${REPO}:v1@${NEW}`, NEW],
    [`localhost:5000/x@${OLD}`, OLD],
    [`${REPO}:latest`, undefined],
    ['localhost:5000/x', undefined],
    [`${REPO}@sha256:abc`, undefined],
  ])('refDigest(%s) = %s', (ref, digest) => expect(refDigest(ref)).toBe(digest));

  it.each([
    ['by the reference it was captured by', `${REPO}@${NEW}`, OLD, NEW],
    ['by the engine digest when the reference is a tag', `${REPO}:latest`, NEW, NEW],
    ['neither', `${REPO}:latest`, null, undefined],
  ])('recordImage: %s', (_n, ref, digest, expected) =>
    expect(recordImage({ image: { ref, digest } }).digest).toBe(expected),
  );

  it.each([
    ['same digest', { ref: `${REPO}@${NEW}`, digest: NEW }, undefined],
    ['another digest', { ref: `${REPO}@${OLD}`, digest: OLD }, /another image \(sha256:aaaaaaaaaaaa\)/],
    ['no digest', smokeImage({ image: 'x:tag' }), /another image \(x:tag, no digest\)/],
  ])('otherImage: %s', (_n, found, note) => {
    const got = otherImage('smoke result', 'out/smoke-cpu-amd64.json', found, NEW);
    if (note === undefined) expect(got).toBeUndefined();
    else expect(got).toMatch(note);
  });
});
