// ml-image export: what it takes as its own in --out DIR (only a file with the export's marker line:
// a person's Job labelled managed-by: ml-image-action is kept, and never removed), and the platforms
// of --from DIR/build.json (only those a build builds; the messages say where a value came from).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { readBuildFile } from '../../src/results/read.js';
import { exportCommand } from '../../src/cli/commands/export.js';
import { foreignCheck } from '../../src/cli/commands/export-summary.js';
import { EXPORT_MARKER } from '../../src/export/common.js';
import { k8sManifests } from '../../src/export/k8s.js';
import { InputError } from '../../src/errors.js';
import { captureIo } from '../helpers/fakes.js';
import { D, IMAGE, k8s, type Loose } from '../helpers/export-fixtures.js';
import { inputErrorOf } from '../helpers/errors.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-export-inputs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = async (...argv: string[]) => {
  const io = captureIo(dir);
  const code = await exportCommand.run(argv, io);
  return { code, out: io.out(), err: io.err() };
};
const rejection = async (...argv: string[]) => {
  try {
    await exportCommand.run(argv, captureIo(dir));
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
};

/** A hand-made Job that carries the export's label but was never exported. */
const HAND_MADE = `# hand-maintained, do not overwrite
apiVersion: batch/v1
kind: Job
metadata:
  name: smoke
  labels:
    app.kubernetes.io/managed-by: ml-image-action
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: smoke
          image: ghcr.io/acme/train@${D}
`;

describe("a person's job.yaml with the export's managed-by label", () => {
  it('is not the export’s: kept (exit 2) unless --force', async () => {
    mkdirSync(path.join(dir, 'hw'));
    writeFileSync(path.join(dir, 'hw', 'job.yaml'), HAND_MADE);
    expect(foreignCheck('hw', false, 'job.yaml').ours(HAND_MADE)).toBe(false);
    const e = await rejection('--k8s', '--image', IMAGE, '--suites', 'compute', '--out', 'hw');
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain(`(no "${EXPORT_MARKER}" line)`);
    expect(readFileSync(path.join(dir, 'hw', 'job.yaml'), 'utf8')).toBe(HAND_MADE);
    const forced = await run('--k8s', '--image', IMAGE, '--suites', 'compute', '--out', 'hw', '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(dir, 'hw', 'job.yaml'), 'utf8')).toContain(EXPORT_MARKER);
  });

  it('is never removed by an export that writes no job', async () => {
    mkdirSync(path.join(dir, 'hw'));
    writeFileSync(path.join(dir, 'hw', 'job.yaml'), HAND_MADE);
    const e = await rejection('--k8s', '--image', IMAGE, '--out', 'hw', '--nodes', 'abc');
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe('export: --nodes: expected a whole number, got "abc"');
    expect(readFileSync(path.join(dir, 'hw', 'job.yaml'), 'utf8')).toBe(HAND_MADE);
  });

  it('a job.yaml of a version before the header line is still the export’s: its run.sh has the marker', async () => {
    // What those versions wrote: the objects alone, no header line.
    const old = k8sManifests(k8s({ suites: ['compute'] }))
      .map((o) => stringify(o, { lineWidth: 0, aliasDuplicateObjects: false }))
      .join('---\n');
    expect(old.split('\n')[0]).not.toContain(EXPORT_MARKER);
    expect(foreignCheck('o', false, 'job.yaml').ours(old)).toBe(true);
    mkdirSync(path.join(dir, 'o'));
    writeFileSync(path.join(dir, 'o', 'job.yaml'), old);
    const e = await rejection('--k8s', '--image', IMAGE, '--out', 'o', '--nodes', 'abc');
    expect(e.message).toMatch(/; removed the earlier job\.yaml from o$/);
    expect(existsSync(path.join(dir, 'o', 'job.yaml'))).toBe(false);
  });
});

describe('--from DIR/build.json: only the platforms a build builds', () => {
  const writeBuild = (platform: string) => {
    const from = path.join(dir, 'build-out');
    mkdirSync(from, { recursive: true });
    writeFileSync(
      path.join(from, 'build.json'),
      JSON.stringify({
        schemaVersion: 1,
        variants: [
          {
            variant: 'cpu',
            repository: 'ghcr.io/acme/train',
            digest: D,
            tags: [],
            platforms: [{ platform, digest: D, durationMs: 1, attempts: 1, metadata: {} }],
            baseImage: 'python:3.12-slim',
          },
        ],
      }),
    );
    return from;
  };

  it.each(['linux/arm 64', 'linux', 'windows/amd64', 'linux/amd64/$(id)', 'linux/arm64/v8'])(
    '%s: exit 2 naming the file, the field and the value, for either target',
    async (platform) => {
      writeBuild(platform);
      for (const target of ['--k8s', '--slurm']) {
        const e = await rejection(target, '--from', 'build-out', '--suites', 'compute', '--out', 'o');
        expect(e.exitCode).toBe(2);
        expect(e.message).toContain(path.join('build-out', 'build.json'));
        expect(e.message).toContain(
          `variants[0].platforms[0].platform: expected one of "linux/amd64", "linux/arm64" (a platform a build builds), got ${JSON.stringify(platform)}`,
        );
        expect(e.message).not.toMatch(/--node-selector/);
        expect(existsSync(path.join(dir, 'o'))).toBe(false);
      }
    },
  );

  it.each(['linux/amd64', 'linux/arm64'])('%s is read, as the build stage writes it', (platform) => {
    const from = writeBuild(platform);
    expect(readBuildFile(path.join(from, 'build.json')).variants[0]!.platforms[0]!.platform).toBe(platform);
  });

  it('the note says the architecture the Job asks for, and when --node-selector chose it', async () => {
    writeBuild('linux/arm64');
    const own = await run('--k8s', '--from', 'build-out', '--suites', 'compute', '--out', 'k');
    expect(own.out).toMatch(
      /the image is built for linux\/arm64 only: the Job asks for kubernetes\.io\/arch=arm64 nodes$/m,
    );
    const other = await run(
      '--k8s',
      '--from',
      'build-out',
      '--suites',
      'compute',
      '--node-selector',
      'kubernetes.io/arch=amd64',
      '--out',
      'k2',
    );
    expect(other.out).toMatch(
      /the image is built for linux\/arm64 only: the Job asks for kubernetes\.io\/arch=amd64 nodes \(--node-selector\)$/m,
    );
    const job = parseAllDocuments(readFileSync(path.join(dir, 'k2', 'job.yaml'), 'utf8'))
      .map((d) => d.toJS() as Record<string, Loose>)
      .find((o) => o.kind === 'Job')!;
    expect(job.spec.template.spec.nodeSelector).toEqual({ 'kubernetes.io/arch': 'amd64' });
  });
});

describe('k8sManifests: the architecture and --node-selector are checked in their own words', () => {
  it('an architecture that is no label value is named as the image’s, not the flag’s', () => {
    expect(inputErrorOf(() => k8sManifests(k8s({ arch: 'arm 64' }))).message).toBe(
      `the image's architecture "arm 64" (its platform) is not a valid label value for kubernetes.io/arch`,
    );
    expect(
      inputErrorOf(() => k8sManifests(k8s({ arch: 'arm64', nodeSelector: { pool: 'a b' } }))).message,
    ).toBe('--node-selector: "a b" is not a valid label value for pool');
  });

  it('the Job asks for the architecture, the flag’s labels added and winning', () => {
    const jobOf = (o: Parameters<typeof k8s>[0]) =>
      k8sManifests(k8s(o)).find((m) => m.kind === 'Job') as Loose;
    expect(jobOf({ arch: 'arm64' }).spec.template.spec.nodeSelector).toEqual({
      'kubernetes.io/arch': 'arm64',
    });
    expect(
      jobOf({ arch: 'arm64', nodeSelector: { pool: 'gh200', 'kubernetes.io/arch': 'amd64' } }).spec.template
        .spec.nodeSelector,
    ).toEqual({ 'kubernetes.io/arch': 'amd64', pool: 'gh200' });
    expect(jobOf({}).spec.template.spec.nodeSelector).toBeUndefined();
  });
});
