// What an exported job says about itself (src/export/job-meta-shell.ts), as text: the fields known
// at export, computed in TypeScript (JobMetaSchema's, with the shell's filled in), where the scripts
// write it (at the start, and at the normal end only), and the pod's node variable. The scripts run
// by real shells in __tests__/integration/export-scripts.test.ts.
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { exportSteps } from '../../src/export/common.js';
import { k8sManifests, k8sYaml, podScript } from '../../src/export/k8s.js';
import { JOB_PREFIX, JobMetaSchema } from '../../src/smoke/job-schema.js';
import {
  JOB_META_FINISHED_LINE,
  jobMetaConstants,
  jobTestsOf,
  nodeEnv,
  STEP_IDS,
} from '../../src/export/job-meta-shell.js';
import { slurmScript } from '../../src/export/slurm.js';
import { k8sIssues } from '../helpers/k8s-schema.js';
import { type Loose, D, IMAGE, k8s, slurm, spec } from '../helpers/export-fixtures.js';

const REF = `ghcr.io/acme/train@${D}`;

/** The constants with the shell's fields filled in, as a job writes them. */
const complete = (c: { head: string; tail: string }, shell: string) =>
  JSON.parse(`{${c.head},${shell},${c.tail},"startedAt":"2026-12-06T20:50:10Z"}`) as unknown;

/** A script's JOB_META_HEAD and JOB_META_TAIL, as the shell reads their single-quoted words. */
const constantsOf = (script: string) => {
  const word = (v: string) =>
    script
      .split('\n')
      .find((l) => l.startsWith(`${v}=`))!
      .slice(v.length + 1)
      .replace(/^'|'$/g, '')
      .replace(/'\\''/g, "'");
  return { head: word('JOB_META_HEAD'), tail: word('JOB_META_TAIL') };
};

describe('jobTestsOf', () => {
  it("names the steps' tests by the smoke stage's ids, in their order (compute has a cpu and a gpu step)", () => {
    const steps = exportSteps(spec({ gpusPerNode: 2, suites: ['train', 'compute', 'imports', 'custom'] }));
    expect(jobTestsOf(steps)).toEqual([
      { id: 'train', suite: 'train' },
      { id: 'compute-cpu', suite: 'compute' },
      { id: 'compute-gpu', suite: 'compute' },
      { id: 'imports', suite: 'imports' },
      { id: 'custom', suite: 'custom' },
    ]);
    expect(jobTestsOf(exportSteps(spec({ gpusPerNode: 0, suites: ['compute'] })))).toEqual([
      { id: 'compute-cpu', suite: 'compute' },
    ]);
  });

  it('names a suite that runs otherwise by machine once', () => {
    const steps = exportSteps(
      spec({ suites: ['imports', 'pip-check'], distributionsByMachine: { x86_64: ['a'], aarch64: [] } }),
    );
    expect(jobTestsOf(steps)).toEqual([
      { id: 'imports', suite: 'imports' },
      { id: 'pip-check', suite: 'pip-check' },
    ]);
  });
});

describe('jobMetaConstants', () => {
  it('Slurm: the fields known at export; job, node, machine and nodes are the shell', () => {
    const o = spec({ nodes: 2, gpusPerNode: 'all', suites: ['gpu', 'ddp'] });
    const c = jobMetaConstants(o, 'slurm', REF, 'smoke', exportSteps(o));
    const meta = complete(c, '"job":"42","node":"n1","machine":"x86_64","nodes":2');
    expect(JobMetaSchema.parse(meta)).toEqual({
      schemaVersion: 2,
      target: 'slurm',
      image: REF,
      name: 'smoke',
      job: '42',
      node: 'n1',
      machine: 'x86_64',
      nodes: 2,
      gpusPerNode: 'all',
      tests: [
        { id: 'gpu', suite: 'gpu' },
        { id: 'ddp', suite: 'ddp' },
      ],
      startedAt: '2026-12-06T20:50:10Z',
    });
  });

  it("Kubernetes: the Job's name is the job, the pod count is known", () => {
    const o = spec({ nodes: 3, gpusPerNode: 8, suites: ['ddp'] });
    const c = jobMetaConstants(o, 'k8s', REF, 'smoke', exportSteps(o));
    const meta = complete(c, '"pod":0,"node":"gpu-1","machine":"aarch64"');
    expect(JobMetaSchema.parse(meta)).toMatchObject({
      target: 'k8s',
      job: 'smoke',
      pod: 0,
      nodes: 3,
      gpusPerNode: 8,
    });
  });

  it('a name or reference with quotes stays JSON (JSON.stringify), whatever the checks let through', () => {
    const c = jobMetaConstants(spec(), 'slurm', 'a"b\\c', 'n"\n', exportSteps(spec({ suites: ['train'] })));
    expect(complete(c, '"job":"1","machine":"x","nodes":1')).toMatchObject({ image: 'a"b\\c', name: 'n"\n' });
  });
});

describe('the Slurm job (job.sbatch)', () => {
  const o = slurm({ nodes: 2, gpusPerNode: 4, suites: ['train', 'imports', 'compute', 'ddp'] });
  const text = slurmScript(o);

  it('holds the image by digest (not the Enroot form), the name, GPUs and the tests in their order', () => {
    const c = constantsOf(text);
    const meta = complete(c, '"job":"42","machine":"x86_64","nodes":2');
    expect(JobMetaSchema.parse(meta)).toMatchObject({
      image: REF,
      name: 'ml-image-smoke',
      gpusPerNode: 4,
      tests: ['train', 'imports', 'compute-cpu', 'compute-gpu', 'ddp'].map((id) => ({
        id,
        suite: id.replace(/-[cg]pu$/, ''),
      })),
    });
    expect(IMAGE).not.toBe(REF); // the tag before the digest is dropped, as the Job's image
  });

  it('writes job.json once RESULTS is made, before any check that may end the job', () => {
    const start = text.indexOf('\njob_meta\n');
    expect(start).toBeGreaterThan(text.indexOf('mkdir -p "$RESULTS" || exit 2'));
    expect(start).toBeLessThan(text.indexOf('--container-image*) ;;')); // the Pyxis check (exit 3)
    expect(start).toBeLessThan(text.indexOf('IMPORT_TIMEOUT=')); // the import (exit 3)
  });

  it('writes it again with finishedAt only at the normal end, after the last suite', () => {
    expect(text.split(JOB_META_FINISHED_LINE)).toHaveLength(2);
    const end = text.indexOf(JOB_META_FINISHED_LINE);
    expect(end).toBeGreaterThan(text.indexOf('record ddp ddp'));
    expect(end).toBeLessThan(text.indexOf('exit "$FAILED"'));
    // Not in the EXIT trap: a job that ended early keeps the first, without finishedAt.
    const trap = text.slice(text.indexOf('remove_container() {'), text.indexOf('trap remove_container EXIT'));
    expect(trap).not.toContain('job_meta');
  });

  it('writes through a temp file and mv', () => {
    expect(text).toContain('> "$RESULTS/job.json.tmp"');
    expect(text).toContain('&& mv -f "$RESULTS/job.json.tmp" "$RESULTS/job.json"');
  });
});

describe('the pod driver (run.sh)', () => {
  it("holds the Job's name, pod count, and the tests in the pods' order (ddp first with several pods)", () => {
    const o = k8s({ nodes: 2, gpusPerNode: 4, suites: ['imports', 'ddp', 'train'] });
    const meta = complete(constantsOf(podScript(o, 'smoke')), '"pod":1,"machine":"x86_64"');
    expect(JobMetaSchema.parse(meta)).toMatchObject({
      target: 'k8s',
      image: REF,
      name: 'smoke',
      job: 'smoke',
      nodes: 2,
      gpusPerNode: 4,
      tests: ['ddp', 'imports', 'train'].map((id) => ({ id, suite: id })),
    });
  });

  it("prints the start line once RESULTS is made, the end line at pod 0's normal end only", () => {
    const text = podScript(k8s({ nodes: 2, gpusPerNode: 4, suites: ['imports', 'ddp'] }), 'smoke');
    expect(text).toContain(`printf '%s{%s,"pod":%s`);
    expect(text).toContain(`'${JOB_PREFIX}'`);
    const start = text.indexOf('\njob_meta\n');
    expect(start).toBeGreaterThan(text.indexOf('mkdir -p "$RESULTS" || exit 2'));
    expect(start).toBeLessThan(text.indexOf('run_step() {'));
    const end = text.indexOf(JOB_META_FINISHED_LINE);
    expect(end).toBeGreaterThan(text.indexOf('if [ "$INDEX" != 0 ]; then exit 0; fi'));
    expect(end).toBeGreaterThan(text.indexOf('report imports'));
    expect(text.slice(end)).toBe(`${JOB_META_FINISHED_LINE}\nexit "$FAILED"\n`);
  });

  it('never echoes the line (dash would mangle its backslashes)', () => {
    const text = podScript(k8s(), 'smoke');
    const fns = text.slice(text.indexOf('json_str() {'), text.indexOf('\njob_meta\n'));
    expect(fns).not.toMatch(/\becho\b/);
  });
});

describe('the Job: the pod node variable', () => {
  const job = (o = k8s()) => k8sManifests(o).find((m) => m.kind === 'Job') as Loose;

  it.each([
    ['one pod', k8s()],
    ['4 pods x 8 GPUs', k8s({ nodes: 4, gpusPerNode: 8 })],
  ])('gives the container ML_IMAGE_NODE from spec.nodeName, valid as a Job: %s', (_n, o) => {
    const j = job(o);
    expect(j.spec.template.spec.containers[0].env).toContainEqual(nodeEnv());
    expect(nodeEnv()).toEqual({
      name: 'ML_IMAGE_NODE',
      valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } },
    });
    expect(k8sIssues(j)).toEqual([]);
    // As kubectl reads job.yaml (YAML 1.1).
    const read = parseAllDocuments(k8sYaml(k8sManifests(o)), { version: '1.1' })
      .map((d) => d.toJS() as Loose)
      .find((d) => d.kind === 'Job');
    expect(read.spec.template.spec.containers[0].env).toContainEqual(nodeEnv());
  });

  // The unit tests share their modules (isolate: false): a manifest that held a shared object would
  // carry one test's edit into the next test's Job.
  it("each Job's ML_IMAGE_NODE is its own: editing one leaves the next Job as it was", () => {
    const first = job();
    const env = first.spec.template.spec.containers[0].env.find((e: Loose) => e.name === 'ML_IMAGE_NODE');
    env.value = 'x';
    env.valueFrom.fieldRef.fieldPath = 'spec.nodename';
    expect(k8sIssues(job())).toEqual([]);
    expect(nodeEnv()).toEqual({
      name: 'ML_IMAGE_NODE',
      valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } },
    });
  });

  it.each([
    [
      'a field the downward API gives no variable',
      (e: Loose) => (e.valueFrom.fieldRef.fieldPath = 'spec.nodename'),
    ],
    ['value and valueFrom together', (e: Loose) => (e.value = 'x')],
  ])('the schema refuses %s', (_n, mutate) => {
    const j = job();
    mutate(j.spec.template.spec.containers[0].env.find((e: Loose) => e.name === 'ML_IMAGE_NODE'));
    expect(k8sIssues(j)).not.toEqual([]);
  });
});

describe('STEP_IDS: the files an earlier run may leave', () => {
  it('are the ids of every step an export may run (every suite, with GPUs and without)', () => {
    const all = ['imports', 'pip-check', 'gpu', 'compute', 'train', 'ddp', 'custom'] as const;
    const ids = new Set(
      [spec({ suites: [...all], gpusPerNode: 'all' }), spec({ suites: [...all], gpusPerNode: 0, nodes: 2 })]
        .flatMap((s) => exportSteps(s))
        .map((st) => st.id),
    );
    expect(new Set(STEP_IDS)).toEqual(ids);
  });
});
