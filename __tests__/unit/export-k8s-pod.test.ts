// The pod settings a real GPU cluster may need beyond the defaults: the Secrets the kubelet pulls a
// private image with (--image-pull-secret), and the RuntimeClass that gives the container its GPUs
// where the NVIDIA runtime is not the nodes' default (--runtime-class).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportCommand } from '../../src/cli/commands/export.js';
import { InputError } from '../../src/errors.js';
import { k8sManifests, k8sYaml } from '../../src/export/k8s.js';
import { IMAGE, k8s, type Loose } from '../helpers/export-fixtures.js';
import { k8sIssues } from '../helpers/k8s-schema.js';
import { captureIo } from '../helpers/fakes.js';

const podOf = (objects: Record<string, unknown>[]) =>
  (objects.find((o) => o.kind === 'Job') as Loose).spec.template.spec;

describe('k8sManifests: image pull secrets and the runtime class', () => {
  it.each([
    ['none given: neither field', {}, undefined, undefined],
    [
      'both given',
      { imagePullSecrets: ['ghcr-pull', 'ngc.pull'], runtimeClassName: 'nvidia' },
      [{ name: 'ghcr-pull' }, { name: 'ngc.pull' }],
      'nvidia',
    ],
    ['an empty list: no field', { imagePullSecrets: [] }, undefined, undefined],
  ])('%s', (_n, over, secrets, runtime) => {
    const objects = k8sManifests(k8s({ gpusPerNode: 8, nodes: 2, ...over }));
    for (const o of objects) expect(k8sIssues(o)).toEqual([]);
    const pod = podOf(objects);
    expect(pod.imagePullSecrets).toEqual(secrets);
    expect(pod.runtimeClassName).toEqual(runtime);
    // As kubectl reads the file.
    const read = parseAllDocuments(k8sYaml(objects), { version: '1.1' }).map((d) => d.toJS() as unknown);
    expect(podOf(read as Record<string, unknown>[]).imagePullSecrets).toEqual(secrets);
  });

  it.each([
    [{ imagePullSecrets: ['Ghcr_Pull'] }, /--image-pull-secret: "Ghcr_Pull" is not a valid object name/],
    [{ imagePullSecrets: ['a b'] }, /--image-pull-secret: "a b"/],
    // A Secret given twice was listed twice in the pod (a --node-selector key twice is refused).
    [{ imagePullSecrets: ['ngc', 'ghcr-pull', 'ngc'] }, /--image-pull-secret: ngc is given twice/],
    [{ runtimeClassName: 'nvidia runtime' }, /--runtime-class: "nvidia runtime"/],
    [{ runtimeClassName: 'x'.repeat(254) }, /--runtime-class/],
  ])('refuses %j, naming the flag (exit 2)', (over, message) => {
    let e: unknown;
    try {
      k8sManifests(k8s(over));
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).exitCode).toBe(2);
    expect((e as InputError).message).toMatch(message);
  });
});

describe('ml-image export --image-pull-secret, --runtime-class', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'export-k8s-pod-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...argv: string[]) => exportCommand.run(argv, captureIo(dir));

  it('passes them to the pod of the Job', async () => {
    const argv = ['--k8s', '--image', IMAGE, '--gpus-per-node', '8', '--out', 'k'];
    const extra = [
      '--image-pull-secret',
      'ghcr-pull',
      '--image-pull-secret',
      'ngc',
      '--runtime-class',
      'nvidia',
    ];
    expect(await run(...argv, ...extra)).toBe(0);
    const objects = parseAllDocuments(readFileSync(path.join(dir, 'k', 'job.yaml'), 'utf8')).map(
      (d) => d.toJS() as Record<string, unknown>,
    );
    for (const o of objects) expect(k8sIssues(o)).toEqual([]);
    const pod = podOf(objects);
    expect(pod.imagePullSecrets).toEqual([{ name: 'ghcr-pull' }, { name: 'ngc' }]);
    expect(pod.runtimeClassName).toBe('nvidia');
  });

  it.each([
    [['--slurm', '--image-pull-secret', 'x'], /are Kubernetes options/],
    [['--slurm', '--runtime-class', 'nvidia'], /are Kubernetes options/],
    [['--k8s', '--runtime-class', 'NVIDIA'], /--runtime-class: "NVIDIA"/],
    [
      ['--k8s', '--image-pull-secret', 'a', '--image-pull-secret', 'a'],
      /--image-pull-secret: a is given twice/,
    ],
  ])('exits 2 on %j', async (flags, message) => {
    const e = await run(...flags, '--image', IMAGE, '--out', path.join(dir, 'o')).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).exitCode).toBe(2);
    expect((e as InputError).message).toMatch(message);
  });
});
