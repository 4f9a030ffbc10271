// The Mermaid charts of the report: the escaping of their labels (a table of cases), what is
// charted and when, and the shrink policy (charts are the first thing left out). That the charts
// parse with Mermaid's own parser is report-mermaid.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mermaidText } from '../../src/report/escape.js';
import { buildReportModel, type ReportInput } from '../../src/report/model.js';
import { renderReport } from '../../src/report/render.js';
import {
  barChart,
  chartNumber,
  chartUnit,
  MAX_CHART_METRICS,
  pieChart,
  withoutCharts,
} from '../../src/report/render/charts.js';
import { renderRun } from '../../src/report/render/run.js';
import { toTerminal } from '../../src/report/render/terminal.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { makeRecord, makeSmoke, pipEntry } from '../helpers/records.js';
import { cudaUpgrade, firstRun, sampleRun } from '../helpers/report-scenarios.js';

describe('mermaidText', () => {
  it.each([
    ['nvidia-cudnn-cu12', 'nvidia-cudnn-cu12'],
    ['torch 2.7.0+cu128 (linux/amd64, linux/arm64)', 'torch 2.7.0+cu128 (linux/amd64, linux/arm64)'],
    ['fp32_tflops', 'fp32_tflops'],
    ['a"b', 'a#34;b'],
    ['x[0]', 'x#91;0#93;'],
    ['gpu:0', 'gpu#58;0'],
    ['#quot;', '#35;quot#59;'],
    ['a;b', 'a#59;b'],
    ['%%{init}%%', '#37;#37;#123;init#125;#37;#37;'],
    ['`x`', '#96;x#96;'],
    ['<b>&', '#60;b#62;#38;'],
    ["it's", 'it#39;s'],
    ['line1\nline2\r\n\tend', 'line1 line2 end'],
    ['  padded  ', 'padded'],
    ['a\u0000b\u001fc', 'abc'],
    // C1 controls (U+009B: a one-character CSI) go as C0 ones do.
    ['a\u009b2Jb\u0085c', 'a2Jbc'],
    // A token is masked before the label is cut or coded: its first characters never show.
    ['hf_abcdefghijklmnopqrstuvwxyzABCDEF12 base', '#91;redacted#93; base'],
    ['\u202eevil', '#65533;evil'],
    ['H100™', 'H100#8482;'],
    ['🚀', '#128640;'],
    ['', '?'],
    ['\n\t ', '?'],
  ])('%j -> %j', (input, want) => {
    expect(mermaidText(input)).toBe(want);
  });

  it('clips to max characters (code points), marking the cut', () => {
    expect(mermaidText('abcdefghij', 5)).toBe('abcd#8230;');
    expect(mermaidText('🚀🚀🚀', 2)).toBe('#128640;#8230;');
  });

  it('leaves nothing that could end a label, a line or the fenced block', () => {
    const all = Array.from({ length: 0x2100 }, (_, i) => String.fromCodePoint(i)).join('');
    expect(mermaidText(all, Infinity)).toMatch(/^[A-Za-z0-9 .,_+\-/()#;]+$/);
  });
});

describe('chart sources', () => {
  it.each([
    [0, '0'],
    [802.9, '802.9'],
    [1 / 3, '0.333333'],
    [1e-7, '0.0000001'],
    [12345678, '12345700'],
    [Number.NaN, '0'],
  ])('chartNumber(%s) = %s', (n, want) => {
    expect(chartNumber(n)).toBe(want);
  });

  it.each([
    ['bf16_tflops', 'TFLOP/s'],
    ['fp32_gflops', 'GFLOP/s'],
    ['busbw_gbps', 'GB/s'],
    ['algbw_gbps', 'GB/s'],
    ['bf16_tflops_floor', null],
    ['loss_end', null],
    ['durationMs', null],
    ['world', null],
  ])('chartUnit(%s) = %s', (metric, unit) => {
    expect(chartUnit(metric)).toBe(unit);
  });

  it('a bar chart: both sides of each metric, from zero, one series', () => {
    expect(
      barChart({
        title: 'Smoke TFLOP/s, main vs this PR',
        unit: 'TFLOP/s',
        sides: ['main', 'this PR'],
        bars: [{ label: 'bf16_tflops', base: 771.3, head: 802.9 }],
      }),
    ).toBe(
      [
        '%%{init: {"xyChart":{"height":178,"showDataLabel":true},"themeVariables":{"xyChart":{"plotColorPalette":"#54aeff","dataLabelColor":"#1f2328"}}}}%%',
        'xychart-beta horizontal',
        '    title "Smoke TFLOP/s, main vs this PR"',
        '    x-axis ["bf16_tflops main", "bf16_tflops this PR"]',
        '    y-axis "TFLOP/s" 0 --> 850',
        '    bar [771.3, 802.9]',
      ].join('\n'),
    );
  });

  it(`a bar chart shows at most ${MAX_CHART_METRICS} metrics`, () => {
    const bars = Array.from({ length: 20 }, (_, i) => ({ label: `m${i}`, base: i + 1, head: i + 2 }));
    const chart = barChart({ title: 't', unit: 'u', sides: ['main', 'this PR'], bars });
    expect(chart).toContain(`"m${MAX_CHART_METRICS - 1} this PR"]`);
    expect(chart).not.toContain(`"m${MAX_CHART_METRICS} main"`);
  });

  it('a pie: the values in the legend, empty slices left out, equal labels told apart', () => {
    expect(
      pieChart({
        title: 'Image size 10.42 GB',
        slices: [
          { label: 'torch', value: 1650 },
          { label: 'torch', value: 12 },
          { label: 'gone', value: 0 },
          { label: 'rest of the image', value: 5960 },
        ],
      }),
    ).toBe(
      [
        'pie showData',
        '    title Image size 10.42 GB',
        '    "torch" : 1650',
        '    "torch 2" : 12',
        '    "rest of the image" : 5960',
      ].join('\n'),
    );
  });
});

/** The ```mermaid blocks of a document. */
const charts = (markdown: string) => markdown.match(/```mermaid\n[\s\S]*?\n```/g) ?? [];

describe('what is charted', () => {
  it('throughput measured on both sides, per unit, beside the metrics table', () => {
    const md = renderReport(buildReportModel(cudaUpgrade())).markdown;
    const found = charts(md);
    expect(found).toHaveLength(2);
    expect(found[0]).toContain('"bf16_tflops main", "bf16_tflops this PR"');
    expect(found[1]).toContain('y-axis "GB/s"');
    // Not charted: counts, losses, durations, the floors.
    expect(found.join('\n')).not.toMatch(/world|duration|floor|gpus/);
    // Just before the table with the same figures.
    expect(md).toMatch(/```\n\n<details><summary>Smoke metrics: /);
  });

  it('nothing to chart: no baseline, no throughput, no sizes', () => {
    expect(charts(renderReport(buildReportModel(firstRun())).markdown)).toEqual([]);
    const rec = makeRecord();
    const onlyHead: ReportInput = {
      image: 'a/b',
      variant: 'cpu',
      entries: [
        {
          platform: 'linux/amd64',
          base: rec,
          head: rec,
          baseSmoke: makeSmoke([{ id: 'train', status: 'pass', metrics: { loss_end: 0.1 } }]),
          headSmoke: makeSmoke([{ id: 'train', status: 'pass', metrics: { loss_end: 0.1, bf16_tflops: 9 } }]),
        },
      ],
    };
    expect(charts(renderReport(buildReportModel(onlyHead)).markdown)).toEqual([]);
  });

  it('a metric measured by two tests is told apart by the test', () => {
    const smoke = (v: number) =>
      makeSmoke([
        { id: 'ddp-2', status: 'pass', metrics: { busbw_gbps: v } },
        { id: 'ddp-8', status: 'pass', metrics: { busbw_gbps: v * 2 } },
      ]);
    const rec = makeRecord();
    const md = renderReport(
      buildReportModel({
        image: 'a/b',
        variant: 'cuda',
        entries: [
          { platform: 'linux/amd64', base: rec, head: rec, baseSmoke: smoke(10), headSmoke: smoke(11) },
        ],
      }),
    ).markdown;
    expect(charts(md)[0]).toContain(
      '"ddp-2 busbw_gbps base", "ddp-2 busbw_gbps this PR", "ddp-8 busbw_gbps base"',
    );
  });

  it("the size pie: this PR's biggest packages and the rest of the image, before the biggest table", () => {
    const rec = makeRecord({
      sizeBytes: 2_000_000_000,
      pip: [
        { ...pipEntry('torch', '2.5.1'), sizeBytes: 1_500_000_000 },
        { ...pipEntry('numpy', '2.1.0'), sizeBytes: 40_000_000 },
      ],
      apt: [{ name: 'libc6', version: '2.36', arch: 'amd64', sizeBytes: 12_000_000 }],
    });
    const md = renderReport(
      buildReportModel({ image: 'a/b', variant: 'cpu', entries: [{ platform: 'linux/amd64', head: rec }] }),
    ).markdown;
    expect(charts(md)).toEqual([
      [
        '```mermaid',
        'pie showData',
        '    title Image size 2.00 GB, biggest packages (MB)',
        '    "torch" : 1500',
        '    "numpy" : 40',
        '    "libc6 (apt)" : 12',
        '    "rest of the image" : 448',
        '```',
      ].join('\n'),
    ]);
    expect(md).toMatch(/```\n\n<details><summary>Biggest packages and layers: /);
  });
});

describe('shrinking: the charts go first', () => {
  it('a variant report drops every chart before trimming any table, and says so', () => {
    const model = buildReportModel(cudaUpgrade());
    const full = renderReport(model).markdown;
    const plain = withoutCharts(full);
    expect(charts(plain)).toEqual([]);
    // Room for everything but the charts (and the note saying they were left out).
    const r = renderReport(model, { maxChars: plain.length + 200 });
    expect(charts(r.markdown)).toEqual([]);
    expect(r.omitted).toEqual(['charts']);
    expect(r.markdown).toContain('left out: charts.');
    // Every table is whole.
    expect(r.markdown).not.toContain('more (see the report artifact)');
    expect(r.markdown.replace(/\n\n_Report shortened[^\n]*/, '')).toBe(plain);
  });

  it('a run drops the charts of every variant before collapsing any section', () => {
    const models = sampleRun().map((i) => buildReportModel(i));
    const full = renderRun(models, { markerKey: 'k' }).markdown;
    expect(charts(full)).toHaveLength(7);
    const room = withoutCharts(full).length + 200;
    const r = renderRun(models, { markerKey: 'k', maxChars: room });
    expect(r.markdown.length).toBeLessThanOrEqual(room);
    expect(charts(r.markdown)).toEqual([]);
    expect(r.omitted).toEqual(['charts']);
    expect(r.markdown).toContain('_Report shortened to fit');
    expect(r.markdown).toContain('charts left out');
    expect(r.markdown).toContain('<details><summary>cpu: ');
    expect(r.markdown).toContain('<details><summary>cuda12.8: ');
  });

  it('withoutCharts removes exactly the chart blocks', () => {
    const md = 'a\n\n```mermaid\npie\n    "x" : 1\n```\n\n```sh\nkeep\n```\n\n```mermaid\npie\n```';
    expect(withoutCharts(md)).toBe('a\n\n```sh\nkeep\n```');
  });
});

describe('the terminal rendering', () => {
  it('prints no Mermaid: the tables beside the charts hold the figures', () => {
    const md = readFileSync(path.join(REPO_ROOT, '__tests__/fixtures/report/run-sample.md'), 'utf8');
    expect(charts(md).length).toBeGreaterThan(0);
    const text = toTerminal(md, { color: false });
    expect(text).not.toMatch(/mermaid|xychart|pie showData|%%\{init|```/);
    expect(text).toContain('bf16_tflops');
    expect(text).toBe(toTerminal(withoutCharts(md), { color: false }));
  });
});
