// The report model's severity policy (assessReport): what the verdict names and how bad each finding
// is. The renderer only renders this; the golden files in report-render.test.ts show the text.
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  type Assessment,
  assessReport,
  type Finding,
  buildReportModel,
  componentSeverity,
  type ReportInput,
} from '../../src/report/model.js';
import { makeRecord, makeSmoke, type RecordSpec, type TestSpec } from '../helpers/records.js';

const base: RecordSpec = {
  pip: { pip: '24.0', numpy: '1.26.4' },
  torch: '2.3.1+cpu',
  env: { A: '1' },
  labels: { 'org.example.team': 'data' },
};

/** One platform: base and head records from specs, optional smoke results. */
function one(
  head: RecordSpec,
  opts: { base?: RecordSpec | null; baseSmoke?: TestSpec[]; headSmoke?: TestSpec[] } = {},
  extra: Partial<ReportInput> = {},
): ReportInput {
  const b = opts.base === undefined ? base : opts.base;
  return {
    image: 'ghcr.io/acme/model',
    variant: 'cpu',
    entries: [
      {
        platform: 'linux/amd64',
        head: makeRecord({ ...base, ...head }),
        base: b === null ? null : makeRecord(b),
        headSmoke: opts.headSmoke ? makeSmoke(opts.headSmoke) : null,
        baseSmoke: opts.baseSmoke ? makeSmoke(opts.baseSmoke) : null,
      },
    ],
    ...extra,
  };
}

const assess = (input: ReportInput): Assessment => assessReport(buildReportModel(input));
const pass = (id: string): TestSpec => ({ id, status: 'pass' });
const fail = (id: string): TestSpec => ({ id, status: 'fail' });

/** name, input, the assessment the policy must give. */
const CASES: [string, ReportInput, Assessment][] = [
  [
    'nothing changed',
    one({}),
    { verdict: 'unchanged', findings: [{ text: 'No environment changes', severity: 'info' }] },
  ],
  [
    'NumPy major upgrade: a warning, and the pip change with it',
    one({ pip: { pip: '24.0', numpy: '2.1.0' } }),
    {
      verdict: 'warning',
      findings: [
        { text: 'NumPy 1.26.4 → 2.1.0 (major)', severity: 'warning' },
        { text: '1 pip change (1 major)', severity: 'warning' },
      ],
    },
  ],
  [
    'a patch upgrade is information',
    one({ pip: { pip: '24.0', numpy: '1.26.5' } }),
    {
      verdict: 'changed',
      findings: [
        { text: 'NumPy 1.26.4 → 1.26.5 (patch)', severity: 'info' },
        { text: '1 pip change', severity: 'info' },
      ],
    },
  ],
  [
    'a removed pip package is a warning',
    one(
      { pip: { pip: '24.0', numpy: '1.26.4', extra: '1.0' } },
      { base: { ...base, pip: { pip: '24.0', numpy: '1.26.4', extra: '1.0', gone: '2.0' } } },
    ),
    { verdict: 'warning', findings: [{ text: '1 pip change (1 removed)', severity: 'warning' }] },
  ],
  [
    'a pip downgrade is a warning, and the count says it',
    one(
      { pip: { pip: '24.0', numpy: '1.26.4', scipy: '1.13.0' } },
      { base: { ...base, pip: { pip: '24.0', numpy: '1.26.4', scipy: '1.13.1' } } },
    ),
    { verdict: 'warning', findings: [{ text: '1 pip change (1 downgraded)', severity: 'warning' }] },
  ],
  [
    'a torch downgrade is a warning',
    one({ torch: '2.2.0+cpu' }),
    {
      verdict: 'warning',
      findings: [{ text: 'torch 2.3.1+cpu → 2.2.0+cpu (minor, downgrade)', severity: 'warning' }],
    },
  ],
  [
    'environment variables and labels are information',
    one({ env: { A: '2' }, labels: { 'org.example.team': 'ml' } }),
    {
      verdict: 'changed',
      findings: [
        { text: '1 env change', severity: 'info' },
        { text: '1 label change', severity: 'info' },
      ],
    },
  ],
  [
    'an image 10% bigger is information',
    one({ sizeBytes: 1_100_000_000 }, { base: { ...base, sizeBytes: 1_000_000_000 } }),
    { verdict: 'changed', findings: [{ text: 'image +100.0 MB (+10.0%)', severity: 'info' }] },
  ],
  [
    'a smoke regression is a failure; a fixed test is information',
    one(
      {},
      {
        baseSmoke: [pass('imports:numpy'), fail('pip-check')],
        headSmoke: [fail('imports:numpy'), pass('pip-check')],
      },
    ),
    {
      verdict: 'failure',
      findings: [
        { text: '1 smoke regression', severity: 'failure' },
        { text: '1 smoke test fixed', severity: 'info' },
      ],
    },
  ],
  [
    'no baseline at all',
    one({}, { base: null }),
    {
      verdict: 'no-baseline',
      findings: [{ text: 'No baseline to compare with — environment summary below', severity: 'info' }],
    },
  ],
  [
    'no record of the base branch yet',
    one({}, { base: null }, { baseline: { ref: 'main' } }),
    {
      verdict: 'no-baseline',
      findings: [
        { text: 'First run: no baseline for main yet — environment summary below', severity: 'info' },
      ],
    },
  ],
  [
    'no baseline, with a reason and a failing smoke test',
    one(
      {},
      { base: null, headSmoke: [fail('imports:numpy'), pass('pip-check')] },
      { noBaselineReason: ' first run: cache empty ' },
    ),
    {
      verdict: 'failure',
      findings: [
        { text: 'First run: cache empty — environment summary below', severity: 'info' },
        { text: '1 smoke test failing', severity: 'failure' },
      ],
    },
  ],
];

describe('assessReport (severity policy)', () => {
  it.each(CASES)('%s', (_name, input, want) => {
    expect(assess(input)).toEqual(want);
  });

  it('several platforms: the same change counts once, a platform without base is named', () => {
    const entry = (platform: string, withBase: boolean) => ({
      platform,
      head: makeRecord({ ...base, platform, pip: { pip: '24.0', numpy: '2.1.0' } }),
      base: withBase ? makeRecord({ ...base, platform }) : null,
    });
    const input: ReportInput = {
      image: 'ghcr.io/acme/model',
      variant: 'cpu',
      entries: [entry('linux/amd64', true), entry('linux/arm64', true), entry('linux/riscv64', false)],
    };
    expect(assess(input)).toEqual({
      verdict: 'warning',
      findings: [
        { text: 'no baseline for linux/riscv64', severity: 'info' },
        { text: 'NumPy 1.26.4 → 2.1.0 (major)', severity: 'warning' },
        { text: '1 pip change (1 major)', severity: 'warning' },
      ],
    });
  });

  it('several platforms: a component change on some of them names those (arm64 kept NumPy 1.x)', () => {
    const entry = (platform: string, numpy: string, torch = '2.3.1+cpu') => ({
      platform,
      head: makeRecord({ ...base, platform, torch, pip: { pip: '24.0', numpy } }),
      base: makeRecord({ ...base, platform }),
    });
    const input: ReportInput = {
      image: 'ghcr.io/acme/model',
      variant: 'cpu',
      entries: [
        entry('linux/amd64', '2.1.0', '2.2.0+cpu'),
        entry('linux/arm64', '1.26.4', '2.2.0+cpu'),
        entry('linux/ppc64le', '2.0.2'),
      ],
    };
    expect(assess(input).findings.slice(0, 3)).toEqual([
      { text: 'NumPy 1.26.4 → 2.1.0 (major) on linux/amd64', severity: 'warning' },
      { text: 'NumPy 1.26.4 → 2.0.2 (major) on linux/ppc64le', severity: 'warning' },
      {
        text: 'torch 2.3.1+cpu → 2.2.0+cpu (minor, downgrade) on linux/amd64, linux/arm64',
        severity: 'warning',
      },
    ]);
  });

  // A platform the base branch has no record of yet (a PR adding linux/arm64) is no change.
  it.each<[string, RecordSpec, TestSpec[] | undefined, Assessment]>([
    [
      'nothing else found: unchanged, the platform named',
      {},
      undefined,
      {
        verdict: 'unchanged',
        findings: [
          { text: 'No environment changes', severity: 'info' },
          { text: 'no baseline for linux/arm64', severity: 'info' },
        ],
      },
    ],
    [
      'an env change: changed, by that change',
      { env: { A: '2' } },
      undefined,
      {
        verdict: 'changed',
        findings: [
          { text: 'no baseline for linux/arm64', severity: 'info' },
          { text: '1 env change', severity: 'info' },
        ],
      },
    ],
    [
      'a smoke test failing on the platform without a baseline: a failure',
      {},
      [fail('imports:numpy')],
      {
        verdict: 'failure',
        findings: [
          { text: 'no baseline for linux/arm64', severity: 'info' },
          { text: '1 smoke test failing', severity: 'failure' },
        ],
      },
    ],
  ])('a partial baseline, %s', (_name, amd64, arm64Smoke, want) => {
    const input: ReportInput = {
      image: 'ghcr.io/acme/model',
      variant: 'cpu',
      baseline: { ref: 'main' },
      entries: [
        {
          platform: 'linux/amd64',
          head: makeRecord({ ...base, ...amd64 }),
          base: makeRecord(base),
        },
        {
          platform: 'linux/arm64',
          head: makeRecord({ ...base, platform: 'linux/arm64' }),
          base: null,
          headSmoke: arm64Smoke ? makeSmoke(arm64Smoke, { platform: 'linux/arm64' }) : null,
        },
      ],
    };
    expect(assess(input)).toEqual(want);
  });

  // Each finding was checked against every earlier one: the work grew with their square.
  it('many findings: each said once, in order, without comparing every pair', () => {
    const model = buildReportModel(one({ pip: { pip: '24.0', numpy: '2.1.0' } }));
    const [p] = model.platforms;
    const n = 150_000;
    // Platforms without a base record: one finding each (a report model held by no schema).
    const without = Array.from({ length: n }, (_, i) => ({
      ...p!,
      platform: `p${i}`,
      base: null,
      diff: null,
    }));
    const big = { ...model, platforms: [p!, ...without, ...without.slice(0, 10)] };
    const ctx = vm.createContext({ assessReport, big });
    const got = vm.runInContext('assessReport(big)', ctx, { timeout: 20_000 }) as Assessment;
    expect(got.verdict).toBe('warning');
    expect(got.findings).toHaveLength(n + 2);
    expect(got.findings[0]).toEqual({ text: 'no baseline for p0', severity: 'info' });
    expect(got.findings[n - 1]).toEqual({ text: `no baseline for p${n - 1}`, severity: 'info' });
    expect(got.findings.slice(n)).toEqual([
      { text: 'NumPy 1.26.4 → 2.1.0 (major)', severity: 'warning' },
      { text: '1 pip change (1 major)', severity: 'warning' },
    ]);
  });

  it('clips a finding made of a huge value', () => {
    const { findings } = assess(one({ pip: { pip: '24.0', numpy: `2.${'9'.repeat(500)}` } }));
    expect(findings[0]!.text.length).toBeLessThanOrEqual(120);
    expect(findings[0]!.text.endsWith('…')).toBe(true);
  });
});

// A record whose pip list lacks what the probe could not read (its errors under python.packages):
// the diff shows those packages removed or added, so the report says the list is incomplete.
describe('assessReport: an incomplete pip package list', () => {
  const LEFT_OUT = '/usr/lib/python3/dist-packages/x-1.0.dist-info left out: OSError: boom';
  const incomplete = (r: ReturnType<typeof makeRecord>) => {
    r.errors = [{ field: 'python.packages', error: LEFT_OUT }];
    return r;
  };
  const input = (head: boolean, withBase: boolean | 'incomplete'): ReportInput => ({
    image: 'ghcr.io/acme/model',
    variant: 'cpu',
    entries: [
      {
        platform: 'linux/amd64',
        head: head ? incomplete(makeRecord(base)) : makeRecord(base),
        base:
          withBase === false
            ? null
            : withBase === 'incomplete'
              ? incomplete(makeRecord(base))
              : makeRecord(base),
      },
    ],
  });
  const finding = (sides: string): Finding => ({
    text: `pip package list incomplete (${sides}, linux/amd64): the probe could not read every package`,
    severity: 'warning',
  });

  it.each<[string, ReportInput, Assessment]>([
    [
      "this PR's record: a warning, not 'unchanged'",
      input(true, true),
      { verdict: 'warning', findings: [finding('this PR')] },
    ],
    ["the baseline's", input(false, 'incomplete'), { verdict: 'warning', findings: [finding('baseline')] }],
    ['both', input(true, 'incomplete'), { verdict: 'warning', findings: [finding('this PR, baseline')] }],
    [
      'no baseline: named after the reason',
      input(true, false),
      {
        verdict: 'no-baseline',
        findings: [
          { text: 'No baseline to compare with — environment summary below', severity: 'info' },
          finding('this PR'),
        ],
      },
    ],
  ])('%s', (_name, i, want) => {
    expect(assess(i)).toEqual(want);
  });

  it("the summary of the record says why (the report model's data, re-validated from the artifact)", () => {
    const model = buildReportModel(input(true, true));
    expect(model.platforms[0]!.head.pipIncomplete).toBe(`the pip package list is incomplete: ${LEFT_OUT}`);
    expect(model.platforms[0]!.base).not.toHaveProperty('pipIncomplete');
  });
});

describe('componentSeverity', () => {
  it.each([
    [{ level: 'major', direction: 'up', from: '1', to: '2' }, 'warning'],
    [{ level: 'minor', direction: 'down', from: '1.2', to: '1.1' }, 'warning'],
    [{ level: null, direction: 'changed', from: null, to: '12.8' }, 'warning'],
    [{ level: null, direction: 'changed', from: '12.8', to: null }, 'warning'],
    [{ level: 'minor', direction: 'up', from: '12.6', to: '12.8' }, 'info'],
    [{ level: 'local', direction: 'changed', from: '2.7.0+cu126', to: '2.7.0+cu128' }, 'info'],
  ] as const)('%j -> %s', (change, want) => {
    expect(componentSeverity(change)).toBe(want);
  });
});
