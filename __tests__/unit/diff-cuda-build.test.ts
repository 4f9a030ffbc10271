// Builds the version does not name: a conda package whose build or channel changes at the same
// version (conda's CPU and CUDA builds of pytorch, MKL and OpenBLAS ones of numpy, differ only in
// the build string) is a change, and a package that loses its CUDA build (pip's `+cu121` -> `+cpu`
// of torchvision, jaxlib's `+cuda12.cudnn89` -> none, a conda build `…cuda12.1…` -> `…cpu…`) is a
// warning naming it, as torch's is. Conda tables are trimmed in the fork-safe artifact as pip's
// and apt's are; `ml-image diff --help` says conda is compared.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EnvRecord } from '../../src/capture/record.js';
import { diffCommand } from '../../src/cli/commands/diff.js';
import { diffRecords, gpuBuildName } from '../../src/diff/diff.js';
import { EnvDiffSchema, type PackageChange } from '../../src/diff/schema.js';
import {
  COMMENT_ARTIFACT_FILE,
  type CommentArtifact,
  MAX_COMMENT_ARTIFACT_BYTES,
  readCommentArtifact,
} from '../../src/report/artifact.js';
import { writeCommentArtifact } from '../../src/results/comment.js';
import { fitCommentArtifact, fitMessage, restoreTrimmed } from '../../src/report/artifact-fit.js';
import { InputError } from '../../src/errors.js';
import { assessReport, buildReportModel } from '../../src/report/model.js';
import { type ReportModel, ReportModelSchema } from '../../src/report/model-schema.js';
import { renderReport } from '../../src/report/render.js';
import { makeRecord, type RecordSpec } from '../helpers/records.js';

type Conda = NonNullable<EnvRecord['conda']>;
const withConda = (conda: Conda, spec: RecordSpec = {}): EnvRecord => {
  const r = makeRecord(spec);
  return { ...r, conda, capture: { ...r.capture, probeVersion: 5 } };
};
const model = (base: EnvRecord, head: EnvRecord, variant = 'cuda') =>
  buildReportModel({
    image: 'ghcr.io/acme/model',
    variant,
    entries: [{ platform: 'linux/amd64', base, head }],
    baseline: { ref: 'main' },
  });

const CUDA_BUILD = 'py3.11_cuda12.1_cudnn8.9.2_0';
const BASE: Conda = [
  { name: 'pytorch', version: '2.1.0', build: CUDA_BUILD, channel: 'pytorch', subdir: 'linux-64' },
  { name: 'numpy', version: '1.26.4', build: 'py311h08b1b3b_0', channel: 'pkgs/main', subdir: 'linux-64' },
];
const HEAD: Conda = [
  { name: 'pytorch', version: '2.1.0', build: 'py3.11_cpu_0', channel: 'pytorch', subdir: 'linux-64' },
  { name: 'numpy', version: '1.26.4', build: 'py311h5f9d8c6_0', channel: 'conda-forge', subdir: 'linux-64' },
];

describe('conda: a build or channel change at the same version', () => {
  it('is a change without a direction, shown with the build (and the channel where it changed)', () => {
    const d = diffRecords(withConda(BASE), withConda(HEAD));
    expect(d.changed).toBe(true);
    expect(d.conda).toEqual({
      baseCount: 2,
      headCount: 2,
      unchanged: 0,
      changes: [
        {
          name: 'numpy',
          kind: 'changed',
          from: '1.26.4 py311h08b1b3b_0 (pkgs/main)',
          to: '1.26.4 py311h5f9d8c6_0 (conda-forge)',
          level: 'local',
        },
        {
          name: 'pytorch',
          kind: 'changed',
          from: `2.1.0 ${CUDA_BUILD}`,
          to: '2.1.0 py3.11_cpu_0',
          level: 'local',
          cudaLoss: { from: CUDA_BUILD, to: 'py3.11_cpu_0' },
        },
      ],
    });
    expect(EnvDiffSchema.parse(d)).toEqual(d);
    const m = model(withConda(BASE), withConda(HEAD));
    expect(assessReport(m)).toEqual({
      verdict: 'warning',
      findings: [
        { text: '2 conda changes', severity: 'info' },
        { text: `pytorch lost its CUDA build (${CUDA_BUILD} → py3.11_cpu_0)`, severity: 'warning' },
      ],
    });
    const { markdown } = renderReport(m);
    expect(markdown).not.toContain('No environment changes');
    expect(markdown).toContain('<summary>conda: 2 changed</summary>');
    expect(markdown).toContain(
      '| numpy | 1.26.4 py311h08b1b3b\\_0 &#40;pkgs/main&#41; | 1.26.4 py311h5f9d8c6\\_0 &#40;conda-forge&#41; | ✏️ local |',
    );
    expect(markdown).toContain(
      '| pytorch | 2.1.0 py3.11\\_cuda12.1\\_cudnn8.9.2\\_0 | 2.1.0 py3.11\\_cpu\\_0 | ✏️ local |',
    );
  });

  it('MKL -> OpenBLAS (no CUDA either side) is information; a channel alone is a change too', () => {
    const mkl = withConda([
      { name: 'numpy', version: '1.26.4', build: 'py311h64a7726_0', channel: 'conda-forge' },
    ]);
    const blas = withConda([
      { name: 'numpy', version: '1.26.4', build: 'py311h1d5d0ef_0', channel: 'conda-forge' },
    ]);
    expect(assessReport(model(mkl, blas))).toEqual({
      verdict: 'changed',
      findings: [{ text: '1 conda change', severity: 'info' }],
    });
    const moved = withConda([
      { name: 'numpy', version: '1.26.4', build: 'py311h64a7726_0', channel: 'pkgs/main' },
    ]);
    expect(diffRecords(mkl, moved).conda?.changes).toEqual([
      {
        name: 'numpy',
        kind: 'changed',
        from: '1.26.4 (conda-forge)',
        to: '1.26.4 (pkgs/main)',
        level: 'local',
      },
    ]);
  });

  it('a build or channel one record lacks is unknown, not a change; an upgrade shows versions only', () => {
    const bare = withConda([{ name: 'numpy', version: '1.26.4' }]);
    expect(diffRecords(bare, withConda([BASE[1]!])).conda).toMatchObject({ unchanged: 1, changes: [] });
    const up = withConda([{ ...BASE[1]!, version: '2.0.0', build: 'py311hab12345_0' }]);
    expect(diffRecords(withConda([BASE[1]!]), up).conda?.changes).toEqual([
      { name: 'numpy', kind: 'upgraded', from: '1.26.4', to: '2.0.0', level: 'major' },
    ]);
  });

  it('an upgrade that loses CUDA shows both builds and is a warning', () => {
    const head = withConda([{ ...BASE[0]!, version: '2.2.0', build: 'py3.11_cpu_0' }]);
    const m = model(withConda([BASE[0]!]), head);
    expect(m.platforms[0]!.diff!.conda!.changes).toEqual([
      {
        name: 'pytorch',
        kind: 'upgraded',
        from: `2.1.0 ${CUDA_BUILD}`,
        to: '2.2.0 py3.11_cpu_0',
        level: 'minor',
        cudaLoss: { from: CUDA_BUILD, to: 'py3.11_cpu_0' },
      },
    ]);
    expect(assessReport(m).verdict).toBe('warning');
    // CPU -> CUDA (gained, here with an upgrade) stays information.
    const gained = withConda([{ ...BASE[0]!, version: '2.2.0' }]);
    expect(assessReport(model(withConda([HEAD[0]!]), gained))).toEqual({
      verdict: 'changed',
      findings: [{ text: '1 conda change', severity: 'info' }],
    });
  });
});

describe('pip: a package that loses its CUDA build', () => {
  it('torchvision +cu121 -> +cpu and jaxlib +cuda12.cudnn89 -> none: a warning naming each', () => {
    const base = makeRecord({ pip: { torchvision: '0.16.0+cu121', jaxlib: '0.4.20+cuda12.cudnn89' } });
    const head = makeRecord({ pip: { torchvision: '0.16.0+cpu', jaxlib: '0.4.20' } });
    expect(assessReport(model(base, head))).toEqual({
      verdict: 'warning',
      findings: [
        { text: '2 pip changes', severity: 'info' },
        { text: 'jaxlib lost its CUDA build (+cuda12.cudnn89 → no label)', severity: 'warning' },
        { text: 'torchvision lost its CUDA build (+cu121 → +cpu)', severity: 'warning' },
      ],
    });
  });

  it('a label that keeps or gains CUDA stays information', () => {
    const keeps = model(
      makeRecord({ pip: { torchvision: '0.16.0+cu118' } }),
      makeRecord({ pip: { torchvision: '0.16.0+cu121' } }),
    );
    expect(assessReport(keeps)).toEqual({
      verdict: 'changed',
      findings: [{ text: '1 pip change', severity: 'info' }],
    });
    const gains = model(
      makeRecord({ pip: { torchvision: '0.16.0+cpu' } }),
      makeRecord({ pip: { torchvision: '0.16.0+cu121' } }),
    );
    expect(assessReport(gains).verdict).toBe('changed');
  });

  it("a ROCm build lost (AMD's +rocm6.2 -> +cpu) is a warning as a CUDA one is, torch's included", () => {
    const base = makeRecord({
      torch: { version: '2.5.1+rocm6.2', hip: '6.2.41133' },
      pip: { torch: '2.5.1+rocm6.2', torchvision: '0.20.1+rocm6.2' },
    });
    const head = makeRecord({ torch: '2.5.1+cpu', pip: { torch: '2.5.1+cpu', torchvision: '0.20.1+cpu' } });
    expect(assessReport(model(base, head, 'rocm'))).toEqual({
      verdict: 'warning',
      findings: [
        { text: 'torch 2.5.1+rocm6.2 → 2.5.1+cpu (local)', severity: 'warning' },
        { text: '2 pip changes', severity: 'info' },
        { text: 'torchvision lost its ROCm build (+rocm6.2 → +cpu)', severity: 'warning' },
      ],
    });
    // ROCm kept (6.1 -> 6.2) stays information.
    const keeps = model(
      makeRecord({ pip: { torchvision: '0.20.1+rocm6.1' } }),
      makeRecord({ pip: { torchvision: '0.20.1+rocm6.2' } }),
    );
    expect(assessReport(keeps).verdict).toBe('changed');
  });

  it.each([
    [['+cu121'], 'CUDA'],
    [['+rocm6.2'], 'ROCm'],
    [['+rocm6.2', '+cu121'], 'GPU'],
    [[CUDA_BUILD], 'CUDA'],
  ])('the build %j lost is named %s', (labels, name) => {
    expect(gpuBuildName(...labels)).toBe(name);
  });

  it('more than three: three named, the rest counted', () => {
    const names = ['a', 'b', 'c', 'd', 'e'].map((x) => `pkg-${x}`);
    const pip = (label: string) => Object.fromEntries(names.map((n) => [n, `1.0.0+${label}`]));
    const findings = assessReport(
      model(makeRecord({ pip: pip('cu121') }), makeRecord({ pip: pip('cpu') })),
    ).findings;
    expect(findings.map((f) => f.text)).toEqual([
      '5 pip changes',
      'pkg-a lost its CUDA build (+cu121 → +cpu)',
      'pkg-b lost its CUDA build (+cu121 → +cpu)',
      'pkg-c lost its CUDA build (+cu121 → +cpu)',
      '2 more pip packages lost the CUDA build',
    ]);
  });

  it('torch: its own line says it, a warning by the label when the record has no torch CUDA build', () => {
    const m = model(
      makeRecord({ torch: null, pip: { torch: '2.1.0+cu121' } }),
      makeRecord({ torch: null, pip: { torch: '2.1.0+cpu' } }),
    );
    expect(assessReport(m)).toEqual({
      verdict: 'warning',
      findings: [
        { text: 'torch 2.1.0+cu121 → 2.1.0+cpu (local)', severity: 'warning' },
        { text: '1 pip change', severity: 'info' },
      ],
    });
  });
});

describe('the diff decides the loss; the report reads it from the contract', () => {
  it('each change and the torch component carry cudaLoss (the labels), valid against EnvDiffSchema', () => {
    const d = diffRecords(
      makeRecord({ torch: null, pip: { torch: '2.1.0+cu121', torchvision: '0.16.0+cu121', six: '1.16.0' } }),
      makeRecord({ torch: null, pip: { torch: '2.1.0+cpu', torchvision: '0.16.0+cu118', six: '1.17.0' } }),
    );
    expect(EnvDiffSchema.parse(d)).toEqual(d);
    const byName = Object.fromEntries(d.pip.changes.map((c) => [c.name, c.cudaLoss]));
    expect(byName).toEqual({ torch: { from: '+cu121', to: '+cpu' }, torchvision: undefined, six: undefined });
    expect(d.components.find((c) => c.id === 'torch')?.cudaLoss).toEqual({ from: '+cu121', to: '+cpu' });
  });

  const withPipChanges = (x: ReportModel, f: (c: PackageChange) => PackageChange): ReportModel => ({
    ...x,
    platforms: x.platforms.map((p) => ({
      ...p,
      diff: p.diff && {
        ...p.diff,
        pip: { ...p.diff.pip, changes: p.diff.pip.changes.map(f) },
        components: p.diff.components.map(({ cudaLoss: _drop, ...c }) => c),
      },
    })),
  });

  it('the verdict reads cudaLoss: a change the diff marked warns with the labels it names', () => {
    const m = model(makeRecord({ pip: { foo: '1.0.0' } }), makeRecord({ pip: { foo: '1.1.0' } }));
    expect(assessReport(m).verdict).toBe('changed');
    const marked = withPipChanges(m, (c) => ({ ...c, cudaLoss: { from: '+cu999', to: '+cpu' } }));
    expect(assessReport(marked).findings).toContainEqual({
      text: 'foo lost its CUDA build (+cu999 → +cpu)',
      severity: 'warning',
    });
  });

  it('a model an older version wrote (no cudaLoss: a fork-safe artifact of an earlier release) still warns', () => {
    const m = model(
      makeRecord({ torch: null, pip: { torch: '2.1.0+cu121', torchvision: '0.16.0+cu121' } }),
      makeRecord({ torch: null, pip: { torch: '2.1.0+cpu', torchvision: '0.16.0+cpu' } }),
    );
    const older = withPipChanges(m, ({ cudaLoss: _drop, ...c }) => c);
    // Nor did it judge the losses in the diff (lossesJudged).
    for (const p of older.platforms) delete p.diff?.lossesJudged;
    expect(JSON.stringify(older)).not.toMatch(/cudaLoss|lossesJudged/);
    expect(ReportModelSchema.parse(older)).toEqual(older);
    expect(assessReport(older)).toEqual(assessReport(m));
    expect(assessReport(older).findings).toContainEqual({
      text: 'torchvision lost its CUDA build (+cu121 → +cpu)',
      severity: 'warning',
    });
    expect(assessReport(older).findings).toContainEqual({
      text: 'torch 2.1.0+cu121 → 2.1.0+cpu (local)',
      severity: 'warning',
    });
  });
});

describe('the fork-safe artifact with conda tables', () => {
  const HEAD_SHA = 'c'.repeat(40);
  const many = (major: number, n = 3000) =>
    withConda(
      Array.from({ length: n }, (_, i) => ({
        name: `conda-package-number-${i}`,
        version: `${major}.${i % 50}.0`,
        build: 'h0_0',
      })),
    );
  const payloadOf = (reports: ReportModel[]): CommentArtifact<ReportModel> => ({
    schemaVersion: 1,
    prNumber: 7,
    headSha: HEAD_SHA,
    repository: 'acme/model',
    markerKey: 'acme/model',
    reports,
  });

  it('10 variants x 2 platforms x 3,000 conda changes: trimmed under the limit; the poster renders the same', () => {
    // The last change loses CUDA: far past the rows a comment shows, it stays whole in the artifact.
    const base = many(1);
    const head = many(2);
    base.conda!.push({ name: 'zz-pytorch', version: '2.1.0', build: CUDA_BUILD });
    head.conda!.push({ name: 'zz-pytorch', version: '2.1.0', build: 'py3.11_cpu_0' });
    const reports = Array.from({ length: 10 }, (_, v) =>
      buildReportModel({
        image: 'ghcr.io/acme/model',
        variant: `v${v}`,
        entries: ['linux/amd64', 'linux/arm64'].map((platform) => ({ platform, base, head })),
        baseline: { ref: 'main' },
      }),
    );
    const fit = fitCommentArtifact(payloadOf(reports));
    expect(fit.fullBytes).toBeGreaterThan(MAX_COMMENT_ARTIFACT_BYTES);
    expect(fit.payload).not.toBeNull();
    expect(fit.bytes).toBeLessThanOrEqual(MAX_COMMENT_ARTIFACT_BYTES);
    expect(fitMessage(fit)?.warn).toBe(false);
    expect(fit.payload!.trimmed!.every((t) => t.eco === 'conda')).toBe(true);
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-conda-fit-'));
    try {
      writeCommentArtifact(dir, fit.payload!);
      const read = readCommentArtifact(dir, {
        repository: 'acme/model',
        headSha: HEAD_SHA,
        reportSchema: ReportModelSchema,
      });
      const restored = restoreTrimmed(read, path.join(dir, COMMENT_ARTIFACT_FILE));
      expect(restored.map(assessReport)).toEqual(reports.map(assessReport));
      expect(assessReport(restored[0]!).findings.map((f) => f.text)).toContain(
        `zz-pytorch lost its CUDA build (${CUDA_BUILD} → py3.11_cpu_0)`,
      );
      expect(restored.map((r) => renderReport(r).markdown)).toEqual(
        reports.map((r) => renderReport(r).markdown),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a trimmed conda list of a platform without conda packages is refused (exit 2)', () => {
    const r = model(makeRecord({ pip: { numpy: '1.26.4' } }), makeRecord({ pip: { numpy: '2.1.0' } }));
    const artifact = {
      ...payloadOf([r]),
      trimmed: [{ report: 0, platform: 0, eco: 'conda' as const, tail: [] }],
    };
    expect(() => restoreTrimmed(artifact, 'c.json')).toThrow(InputError);
    expect(() => restoreTrimmed(artifact, 'c.json')).toThrow(/trimmed\[0\]\.eco: .* has no conda packages/);
  });
});

describe('ml-image diff --help', () => {
  it('names conda among the packages compared', () => {
    expect(diffCommand.help).toMatch(/pip, apt and conda packages/);
    expect(diffCommand.help).toMatch(/build or channel/);
  });
});

describe('pip: a torch-family wheel that only loses its label beside a torch still CUDA-built', () => {
  // torchvision from the cu121 index (0.20.1+cu121) -> from PyPI (0.20.1): PyPI's Linux wheels of
  // the torch family are CUDA builds where torch's is (finding: a false "lost its CUDA build").
  const rec = (
    tv: string,
    torch: { version: string; cuda: string | null },
    jaxlib = '0.4.20+cuda12.cudnn89',
  ) => makeRecord({ pip: { torch: torch.version, torchvision: tv, jaxlib }, torch });
  const CUDA_TORCH = { version: '2.5.1+cu121', cuda: '12.1' };
  const PYPI_TORCH = { version: '2.5.1', cuda: '12.4' };
  const CPU_TORCH = { version: '2.5.1', cuda: null };

  it.each([
    ['PyPI wheels, torch still CUDA: no loss (judged: lossesJudged)', '0.20.1', PYPI_TORCH, undefined, []],
    [
      'PyPI wheels, torch now CPU (an arm64 PyPI torch before 2.9): a loss',
      '0.20.1',
      CPU_TORCH,
      { from: '+cu121', to: 'no label' },
      ['torchvision lost its CUDA build (+cu121 → no label)'],
    ],
    [
      '+cpu, whatever torch is: a loss',
      '0.20.1+cpu',
      PYPI_TORCH,
      { from: '+cu121', to: '+cpu' },
      ['torchvision lost its CUDA build (+cu121 → +cpu)'],
    ],
  ] as const)('%s', (_what, tv, torch, loss, warnings) => {
    const d = diffRecords(rec('0.20.1+cu121', CUDA_TORCH), rec(tv, torch));
    const change = d.pip.changes.find((c) => c.name === 'torchvision')!;
    expect(change.cudaLoss).toEqual(loss);
    const m = model(rec('0.20.1+cu121', CUDA_TORCH), rec(tv, torch));
    const said = assessReport(m)
      .findings.filter((f) => f.text.includes('torchvision'))
      .map((f) => f.text);
    expect(said).toEqual(warnings);
    // The model read back (a fork's artifact, a report-<variant>.json) says the same.
    const again = ReportModelSchema.parse(JSON.parse(JSON.stringify(m)));
    expect(
      assessReport(again)
        .findings.filter((f) => f.text.includes('torchvision'))
        .map((f) => f.text),
    ).toEqual(warnings);
  });

  it('a diff an older version wrote (no lossesJudged) is judged from its labels, as before', () => {
    const m = model(rec('0.20.1+cu121', CUDA_TORCH), rec('0.20.1', PYPI_TORCH));
    const older = JSON.parse(JSON.stringify(m)) as ReportModel;
    for (const p of older.platforms) delete p.diff!.lossesJudged;
    expect(assessReport(ReportModelSchema.parse(older)).findings.map((f) => f.text)).toContain(
      'torchvision lost its CUDA build (+cu121 → no label)',
    );
  });

  it('the same change on two platforms, a loss on one only (its torch is CPU there): the loss is named', () => {
    const m = buildReportModel({
      image: 'ghcr.io/acme/model',
      variant: 'cuda',
      entries: [
        { platform: 'linux/amd64', base: rec('0.20.1+cu121', CUDA_TORCH), head: rec('0.20.1', PYPI_TORCH) },
        { platform: 'linux/arm64', base: rec('0.20.1+cu121', CUDA_TORCH), head: rec('0.20.1', CPU_TORCH) },
      ],
      baseline: { ref: 'main' },
    });
    expect(assessReport(m).findings.map((f) => f.text)).toContain(
      'torchvision lost its CUDA build (+cu121 → no label)',
    );
  });

  it('a ROCm label lost beside a ROCm torch is a loss: PyPI has no ROCm wheels', () => {
    const rocm = (tv: string, version: string) =>
      makeRecord({ pip: { torch: version, torchvision: tv }, torch: { version, cuda: null, hip: '6.2' } });
    const d = diffRecords(rocm('0.20.1+rocm6.2', '2.5.1+rocm6.2'), rocm('0.20.1', '2.5.1+rocm6.2'));
    expect(d.pip.changes.find((c) => c.name === 'torchvision')?.cudaLoss).toEqual({
      from: '+rocm6.2',
      to: 'no label',
    });
  });

  it("another package's unlabelled wheel is a loss beside any torch (PyPI's jaxlib is CPU-only)", () => {
    const d = diffRecords(rec('0.20.1', CUDA_TORCH), rec('0.20.1', PYPI_TORCH, '0.4.20'));
    expect(d.pip.changes.find((c) => c.name === 'jaxlib')?.cudaLoss).toEqual({
      from: '+cuda12.cudnn89',
      to: 'no label',
    });
  });
});
