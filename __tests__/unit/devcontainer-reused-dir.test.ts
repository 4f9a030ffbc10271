// A result directory outlives a run (`ml-image build --out DIR` after an earlier `ml-image run` into
// it, an action's result-dir on a self-hosted runner): an earlier image's environment record must not
// give this build's devcontainer its user, cache volumes and ports, and an earlier run's definition
// of a variant this build did not push (or no longer builds) must not stay beside this run's.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/result.js';
import type { EnvRecord } from '../../src/capture/record.js';
import { runCli } from '../../src/cli/main.js';
import { recordOfOtherImage } from '../../src/devcontainer/devcontainer.js';
import {
  devcontainerFromResults,
  removeResultDevcontainers,
  resultDevcontainerFile,
  writeResultDevcontainers,
} from '../../src/devcontainer/from-results.js';
import { captureIo } from '../helpers/fakes.js';
import { makeRecord } from '../helpers/records.js';

const LIST = `sha256:${'a'.repeat(64)}`;
const AMD = `sha256:${'b'.repeat(64)}`;
const INDEX = `sha256:${'d'.repeat(64)}`;
const ARM = `sha256:${'e'.repeat(64)}`;
const OLD = `sha256:${'c'.repeat(64)}`;
const REPO = 'ghcr.io/acme/model';

const variantBuild = (variant: string, over: Partial<BuildResult['variants'][number]> = {}) => ({
  variant,
  repository: REPO,
  tags: [`${REPO}:${variant}`],
  baseImage: 'python:3.12-slim',
  digest: LIST,
  platforms: [
    { platform: 'linux/amd64', digest: AMD, indexDigest: INDEX, durationMs: 1, attempts: 1, metadata: {} },
    { platform: 'linux/arm64', digest: ARM, durationMs: 1, attempts: 1, metadata: {} },
  ],
  ...over,
});

/** A record of USER, captured by REF (the smoke stage: REPOSITORY@<the platform's digest>). */
function record(ref: string, user = 'app', platform = 'linux/amd64'): EnvRecord {
  const r = makeRecord({ ref, platform, env: { PATH: '/usr/bin', HF_HOME: '/cache/huggingface' } });
  return { ...r, image: { ...r.image, user } };
}

describe('recordOfOtherImage (pure)', () => {
  const v = variantBuild('cpu');
  it.each([
    ['the platform image', `${REPO}@${AMD}`, 'linux/amd64', undefined],
    ['its index', `${REPO}@${INDEX}`, 'linux/amd64', undefined],
    ['the merged list', `${REPO}@${LIST}`, 'linux/arm64', undefined],
    ['the other platform of the same build', `${REPO}@${ARM}`, 'linux/arm64', undefined],
    ['a tag (a loaded image): cannot tell', 'model:cpu-amd64', 'linux/amd64', undefined],
    ['a tag and a digest', `${REPO}:cpu@${AMD}`, 'linux/amd64', undefined],
    ['an earlier image', `${REPO}@${OLD}`, 'linux/amd64', OLD],
    ["another platform's image under this platform's name", `${REPO}@${ARM}`, 'linux/amd64', ARM],
  ])('%s (%s on %s) -> %s', (_n, ref, platform, other) => {
    expect(recordOfOtherImage(record(ref), v, platform)).toBe(other);
  });

  it('only a digest the reference ends in is one the record was captured by', () => {
    expect(recordOfOtherImage(record(`${REPO}@${OLD}`), v, 'linux/amd64')).toBe(OLD);
    expect(recordOfOtherImage(record(`${REPO}:cpu`), v, 'linux/amd64')).toBeUndefined();
    expect(recordOfOtherImage(record(`${REPO}@sha256:short`), v, 'linux/amd64')).toBeUndefined();
  });
});

describe('a reused result directory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-dc-reused-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, v: unknown) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), typeof v === 'string' ? v : JSON.stringify(v));
  };

  it("an earlier image's record is left out, said; the other platform's record of this build is taken", () => {
    write('build.json', { schemaVersion: 1, variants: [variantBuild('cpu')] });
    write('env-cpu-amd64.json', record(`${REPO}@${OLD}`, 'olduser'));
    const none = devcontainerFromResults(dir, 'cpu', 'x', 'linux/amd64');
    expect(none.json.remoteUser).toBeUndefined();
    expect(none.json.mounts).toEqual([]);
    expect(none.recordFile).toBeUndefined();
    expect(none.otherImageRecords).toEqual([{ file: path.join(dir, 'env-cpu-amd64.json'), digest: OLD }]);

    write('env-cpu-arm64.json', record(`${REPO}@${ARM}`, 'app', 'linux/arm64'));
    const arm = devcontainerFromResults(dir, 'cpu', 'x', 'linux/amd64');
    expect(arm.json.remoteUser).toBe('app');
    expect(arm.recordFile).toBe(path.join(dir, 'env-cpu-arm64.json'));
  });

  it('ml-image devcontainer notes the record left out, naming the file and its digest', async () => {
    write('build.json', { schemaVersion: 1, variants: [variantBuild('cpu')] });
    write('env-cpu-amd64.json', record(`${REPO}@${OLD}`, 'olduser'));
    write('env-cpu-arm64.json', record(`${REPO}@${OLD}`, 'olduser', 'linux/arm64'));
    const io = captureIo(dir);
    expect(await runCli(['devcontainer', '--from', '.', '--json'], io), io.err()).toBe(0);
    const summary = JSON.parse(io.out());
    expect(summary).toMatchObject({ record: null, remoteUser: null, mounts: [] });
    const notes = (summary.notes as string[]).join('\n');
    expect(notes).toContain(
      `${path.join(dir, 'env-cpu-amd64.json')} is of another image (${OLD.slice(0, 19)})`,
    );
    expect(notes).toContain('no record of this image');
    expect(notes).not.toContain('no env-*.json');
  });

  it("the action's definitions: an earlier run's of a variant not pushed now, or not built, are removed", () => {
    write('build.json', {
      schemaVersion: 1,
      variants: [
        variantBuild('cpu'),
        variantBuild('local', {
          digest: undefined,
          platforms: [
            {
              platform: 'linux/amd64',
              digest: AMD,
              durationMs: 1,
              attempts: 1,
              metadata: {},
              localRef: 'm:l',
            },
          ],
        }),
      ],
    });
    const earlier = (v: string) => `{"name": "ml-image (${v})", "image": "${REPO}@${OLD}"}\n`;
    for (const v of ['cpu', 'local', 'gone'])
      write(path.join('devcontainer', v, 'devcontainer.json'), earlier(v));
    // A person's own file there is kept.
    write(path.join('devcontainer', 'mine', 'devcontainer.json'), '{"name": "my own", "image": "x"}');
    const files = writeResultDevcontainers(dir, ['cpu', 'local']);
    expect(files).toEqual([resultDevcontainerFile(dir, 'cpu')]);
    expect(JSON.parse(readFileSync(files[0]!, 'utf8')).image).toBe(`${REPO}@${LIST}`);
    expect(existsSync(resultDevcontainerFile(dir, 'local'))).toBe(false);
    expect(existsSync(resultDevcontainerFile(dir, 'gone'))).toBe(false);
    expect(existsSync(resultDevcontainerFile(dir, 'mine'))).toBe(true);
  });

  it('removeResultDevcontainers: nothing there, or no devcontainer/ at all, removes nothing', () => {
    expect(removeResultDevcontainers(dir)).toEqual([]);
    mkdirSync(path.join(dir, 'devcontainer', 'empty'), { recursive: true });
    write(path.join('devcontainer', 'file'), 'not a folder');
    expect(removeResultDevcontainers(dir)).toEqual([]);
  });

  it.each(['devcontainer', 'devcontainer/cpu'])(
    'removeResultDevcontainers follows no link (%s a symbolic link): a definition outside the result directory stays',
    (linked) => {
      const outside = mkdtempSync(path.join(tmpdir(), 'devcontainer-outside-'));
      try {
        const target = linked === 'devcontainer' ? outside : path.join(outside, 'cpu');
        mkdirSync(path.join(outside, 'cpu'), { recursive: true });
        const theirs = path.join(outside, 'cpu', 'devcontainer.json');
        writeFileSync(theirs, `{"name": "ml-image (cpu)", "image": "${REPO}@${OLD}"}\n`);
        mkdirSync(path.dirname(path.join(dir, linked)), { recursive: true });
        symlinkSync(target, path.join(dir, linked));
        expect(removeResultDevcontainers(dir)).toEqual([]);
        expect(existsSync(theirs)).toBe(true);
      } finally {
        rmSync(outside, { recursive: true, force: true });
      }
    },
  );

  it.each(['devcontainer', 'devcontainer/cpu'])(
    'writeResultDevcontainers writes through no link (%s a symbolic link): bad input naming it, nothing outside',
    (linked) => {
      const outside = mkdtempSync(path.join(tmpdir(), 'devcontainer-outside-'));
      try {
        write('build.json', { schemaVersion: 1, variants: [variantBuild('cpu')] });
        mkdirSync(path.dirname(path.join(dir, linked)), { recursive: true });
        symlinkSync(outside, path.join(dir, linked));
        expect(() => writeResultDevcontainers(dir, ['cpu'])).toThrow(
          expect.objectContaining({
            exitCode: 2,
            message: expect.stringContaining(
              `${path.join(dir, linked)} is a link (to ${outside}), not a directory`,
            ),
          }),
        );
        expect(readdirSync(outside)).toEqual([]);
      } finally {
        rmSync(outside, { recursive: true, force: true });
      }
    },
  );

  it("the action notes a record of an earlier image it left out of a variant's definition", () => {
    write('build.json', { schemaVersion: 1, variants: [variantBuild('cpu')] });
    write('env-cpu-amd64.json', record(`${REPO}@${OLD}`, 'olduser'));
    const notes: string[] = [];
    const files = writeResultDevcontainers(dir, ['cpu'], (l) => notes.push(l));
    expect(files).toHaveLength(1);
    expect(JSON.parse(readFileSync(files[0]!, 'utf8')).remoteUser).toBeUndefined();
    expect(notes).toEqual([
      expect.stringMatching(/^devcontainer cpu: .*env-cpu-amd64\.json is of another image/),
    ]);
  });
});
