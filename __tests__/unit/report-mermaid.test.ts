// @vitest-environment jsdom
// Every chart the renderer can produce parses with Mermaid's own parser (the mermaid package, in
// process: its sanitiser, DOMPurify, needs a DOM, hence jsdom), hostile labels included; and each
// label comes out of the parser as ONE label with the text it was given (nothing split, nothing
// injected: no extra categories, slices or directives).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import mermaid from 'mermaid';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/report/model.js';
import { renderReport } from '../../src/report/render.js';
import { barChart, pieChart } from '../../src/report/render/charts.js';
import { renderRun } from '../../src/report/render/run.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { makeRecord, makeSmoke, pipEntry } from '../helpers/records.js';
import { sampleRun } from '../helpers/report-scenarios.js';

interface XyData {
  xAxis: { categories: string[] };
  yAxis: { min: number; max: number };
  plots: { type: string; data: [string, number][] }[];
}

/** Parses like mermaid.parse, and returns what the parser made of the chart (its db). */
async function parsed(source: string) {
  const { diagramType } = (await mermaid.parse(source)) as { diagramType: string };
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
  const db = diagram.db as unknown as {
    getXYChartData?: () => XyData;
    getSections?: () => Map<string, number>;
    getDiagramTitle?: () => string;
  };
  return { diagramType, db };
}

/** The text Mermaid draws: its entity placeholders (#35; -> "ﬂ°°35¶ß") decoded. */
const drawn = (s: string) => s.replace(/ﬂ°°(\d+)¶ß/g, (_m, n: string) => String.fromCodePoint(Number(n)));

/** Clipped as mermaidText clips: n code points at most, the last one an ellipsis. */
const cut = (s: string, n: number) => ([...s].length <= n ? s : `${[...s].slice(0, n - 1).join('')}…`);

beforeAll(() => {
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
});

// [what, label as given, label as drawn]
const HOSTILE: [string, string, string][] = [
  ['plain', 'nvidia-cudnn-cu12', 'nvidia-cudnn-cu12'],
  ['a quote', 'a"b', 'a"b'],
  ['brackets and a comma', 'x], ["y', 'x], ["y'],
  ['a colon', 'gpu:0', 'gpu:0'],
  ['an entity of its own', 'fp#quot;16', 'fp#quot;16'],
  ['a semicolon', 'a;b', 'a;b'],
  ['line breaks', 'line1\nline2\r\nx-axis [a]', 'line1 line2 x-axis [a]'],
  ['a directive', '%%{init: {"theme":"dark"}}%%', '%%{init: {"theme":"dark"}}%%'],
  ['a comment', '%% gone', '%% gone'],
  ['a fence', '```\n## heading', '``` ## heading'],
  ['HTML', '<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
  ['the style rule of encodeEntities', 'mystyle:#1;', 'mystyle:#1;'],
  ['an arrow', 'a --> b', 'a --> b'],
  ['a statement', '" : 5\n"x" : 99', '" : 5 "x" : 99'],
  ['a GPU name', 'NVIDIA GH200 480GB™ (Grace)', 'NVIDIA GH200 480GB™ (Grace)'],
  ['emoji and CJK', '模型 🚀', '模型 🚀'],
  ['a bidi override', '\u202eevil', '\ufffdevil'],
  ['control characters', 'a\u0000b\u0007c', 'abc'],
  ['empty', '', '?'],
];

describe('charts parse with Mermaid and keep each label whole', () => {
  it.each(HOSTILE)('bar chart, %s', async (_what, label, want) => {
    const source = barChart({
      title: `Smoke TFLOP/s, ${label} vs this PR`,
      unit: label,
      sides: [label, 'this PR'],
      bars: [
        { label, base: 771.3, head: 802.9 },
        { label: 'busbw_gbps', base: 0.5, head: 1e-7 },
      ],
    });
    const { diagramType, db } = await parsed(source);
    expect(diagramType).toBe('xychart');
    const data = db.getXYChartData!();
    // Names are clipped to 24 characters, the sides to 14 (Mermaid hides labels that do not fit).
    const [name, side] = [cut(want, 24), cut(want, 14)];
    expect(data.xAxis.categories.map(drawn)).toEqual([
      `${name} ${side}`,
      `${name} this PR`,
      `busbw_gbps ${side}`,
      'busbw_gbps this PR',
    ]);
    expect(data.plots).toHaveLength(1);
    expect(data.plots[0]!.data.map(([, v]) => v)).toEqual([771.3, 802.9, 0.5, 0.0000001]);
    expect(data.yAxis).toMatchObject({ min: 0, max: 850 });
  });

  it.each(HOSTILE)('pie chart, %s', async (_what, label, want) => {
    const source = pieChart({
      title: `Image size of ${label}`,
      slices: [
        { label, value: 1202 },
        { label: `${label} (apt)`, value: 220 },
        { label: 'rest of the image', value: 5960 },
        { label: 'nothing', value: 0 },
      ],
    });
    const { diagramType, db } = await parsed(source);
    expect(diagramType).toBe('pie');
    const sections = [...db.getSections!()].map(([k, v]) => [drawn(k), v]);
    expect(sections).toEqual([
      [want, 1202],
      // An empty label is "?" alone; beside other text it is nothing.
      [label ? `${want} (apt)` : '(apt)', 220],
      ['rest of the image', 5960],
    ]);
    expect(drawn(db.getDiagramTitle!())).toBe(label ? `Image size of ${want}` : 'Image size of');
  });

  it('labels that escape to the same text stay apart', async () => {
    const long = 'x'.repeat(100);
    const { db } = await parsed(
      pieChart({ title: 't', slices: [long, `${long}y`].map((label) => ({ label, value: 1 })) }),
    );
    expect(db.getSections!().size).toBe(2);
  });
});

/** The ```mermaid blocks of a document. */
const blocks = (markdown: string) => [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]!);

describe('every chart of the rendered reports parses', () => {
  const golden = (name: string) =>
    readFileSync(path.join(REPO_ROOT, '__tests__/fixtures/report', name), 'utf8');

  it.each(['numpy-1-to-2.md', 'cuda-12.6-to-12.8.md', 'run-sample.md'])('%s', async (name) => {
    const charts = blocks(golden(name));
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) expect((await parsed(chart)).diagramType).toMatch(/^(xychart|pie)$/);
  });

  it('the sample run, re-rendered, has the golden file charts', () => {
    const { markdown } = renderRun(
      sampleRun().map((i) => buildReportModel(i)),
      { markerKey: 'ghcr.io/acme/model' },
    );
    expect(blocks(markdown)).toEqual(blocks(golden('run-sample.md')));
  });

  it('a report whose names are all hostile', async () => {
    const names = HOSTILE.map(([, label]) => label).filter(Boolean);
    const rec = (mb: number) => {
      const r = makeRecord({
        pip: names.map((n, i) => ({ ...pipEntry(`${n}-${i}`, '1.0'), sizeBytes: (i + 1) * mb * 1e6 })),
        gpus: [{ name: names[1]!, memoryMiB: 1, computeCapability: '9.0', driver: '570' }],
      });
      return r;
    };
    const smoke = (v: number) =>
      makeSmoke(
        names.map((n, i) => ({
          id: `${n}:${i}`,
          status: 'pass' as const,
          metrics: { [`${n}_tflops`]: v + i, busbw_gbps: v, [`${n}_gbps`]: v * 2 },
        })),
      );
    const model = buildReportModel({
      image: 'ghcr.io/acme/"model"',
      variant: 'cuda;12.8',
      entries: [
        {
          platform: 'linux/amd64',
          base: rec(1),
          head: rec(1.2),
          baseSmoke: smoke(100),
          headSmoke: smoke(90),
        },
      ],
      baseline: { ref: 'main"; %%{init}%%\n#1;' },
    });
    const charts = blocks(renderReport(model).markdown);
    // A pie, and a bar chart for each of TFLOP/s and GB/s.
    expect(charts.filter((c) => c.startsWith('pie'))).toHaveLength(1);
    expect(charts.filter((c) => c.includes('xychart-beta'))).toHaveLength(2);
    for (const chart of charts) {
      const { db, diagramType } = await parsed(chart);
      if (diagramType === 'pie') expect(db.getSections!().size).toBe(9);
      else expect(db.getXYChartData!().xAxis.categories).toHaveLength(16);
    }
  });
});
