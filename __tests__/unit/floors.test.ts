// The per-GPU floors table (src/smoke/baselines.json): its rows, their sources and methods, the
// merge with a config's smoke.baseline file and the arguments that hand it to the smoke script. The
// rows real device names match (through the script's own matcher, with the host's python3) are
// checked in __tests__/integration/python-scripts.test.ts.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { type Baseline, bundledBaseline, FLOOR_METRICS, loadBaseline } from '../../src/smoke/baselines.js';
import { cudaRequired, ddpArgs, gpuArgs, trainArgs } from '../../src/smoke/suites.js';
import { REPO_ROOT } from '../helpers/docker-env.js';

const DOC = readFileSync(path.join(REPO_ROOT, 'docs/gpu-floors.md'), 'utf8');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-floors-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the bundled floors table', () => {
  const table = bundledBaseline();

  it('validates, with a row for each GPU model we claim a floor for', () => {
    expect(table.gpus.map((g) => g.name)).toEqual([
      'NVIDIA H100 SXM',
      'NVIDIA H200',
      'NVIDIA GH200 144G HBM3e',
      'NVIDIA A100 SXM',
      'NVIDIA A100 PCIe',
      'NVIDIA H100 PCIe',
      'NVIDIA L40S',
      'NVIDIA L4',
      'NVIDIA B200',
      'NVIDIA GB200',
      'NVIDIA B300 SXM',
    ]);
    expect(table.floorFraction).toBe(0.75);
  });

  it.each(bundledBaseline().gpus.map((g) => [g.name, g] as const))(
    '%s: a method, and a source that is a URL or a document of this repository',
    (_n, row) => {
      expect(row.method ?? '').toMatch(/\S{10,}/);
      if (row.source.startsWith('https://')) {
        expect(() => new URL(row.source)).not.toThrow();
      } else {
        const [file, anchor] = row.source.split('#');
        expect(existsSync(path.join(REPO_ROOT, file!))).toBe(true);
        expect(readFileSync(path.join(REPO_ROOT, file!), 'utf8').toLowerCase()).toContain(
          `## ${anchor!.replace(/-/g, ' ')}`,
        );
      }
      expect(row.computeCapability).toMatch(/^\d+\.\d+$/);
      expect(Object.keys(row.measured)).toContain('bf16_tflops');
    },
  );

  it('docs/gpu-floors.md lists every row with its figures and source', () => {
    for (const row of table.gpus) {
      const line = DOC.split('\n').find((l) => l.startsWith(`| ${row.name} |`));
      expect(line, row.name).toBeDefined();
      for (const v of Object.values(row.measured)) expect(line).toContain(v.toFixed(1));
      expect(line).toContain(row.source.split('#')[0]);
    }
  });

  it('the H200 row is the one measured here; its bf16 floor is 0.75 of it', () => {
    const h200 = table.gpus.find((g) => g.name === 'NVIDIA H200')!;
    expect(h200.measured).toEqual({
      bf16_tflops: 727.7,
      fp16_tflops: 762.7,
      tf32_tflops: 395.6,
      fp32_tflops: 51,
    });
    expect(Math.round(h200.measured.bf16_tflops! * table.floorFraction * 10) / 10).toBe(545.8);
  });
});

describe('loadBaseline: the config file first, then the bundled rows', () => {
  const write = (data: unknown) => {
    const file = path.join(dir, 'floors.json');
    writeFileSync(file, JSON.stringify(data));
    return file;
  };

  it('keeps a file of the first format (match, name, measured, source) working', () => {
    const mine = {
      match: 'H100.*(SXM|HBM3)',
      name: 'our H100',
      measured: { bf16_tflops: 700 },
      source: 'lab',
    };
    const b = loadBaseline(write({ schemaVersion: 1, floorFraction: 0.9, gpus: [mine] }));
    expect(b.floorFraction).toBe(0.9);
    expect(b.gpus[0]).toEqual(mine);
    expect(b.gpus.slice(1)).toEqual(bundledBaseline().gpus);
    expect(b.ddp).toEqual([]);
  });

  it('takes the new fields: compute capability, memory range, per-row fraction, ddp rows', () => {
    const data: Baseline = {
      schemaVersion: 1,
      floorFraction: 0.75,
      gpus: [
        {
          name: 'Lab L4',
          match: '^NVIDIA L4$',
          computeCapability: '8.9',
          memoryGiB: { min: 20, max: 24 },
          floorFraction: 0.8,
          measured: { bf16_tflops: 100 },
          method: 'ml-image smoke compute on our L4',
          source: 'docs/lab.md',
        },
      ],
      ddp: [
        {
          name: '8x H100 SXM',
          match: 'H100.*HBM3',
          minWorld: 8,
          busbw_gbps: 360,
          interconnect: 'NVLink 4 (NVSwitch)',
          source: 'lab',
        },
      ],
    };
    const b = loadBaseline(write(data));
    expect(b.gpus[0]).toEqual(data.gpus[0]);
    expect(b.ddp).toEqual(data.ddp);
  });

  it.each([
    [{ schemaVersion: 2, floorFraction: 0.75, gpus: [] }, /schemaVersion/],
    [{ schemaVersion: 1, floorFraction: 1.5, gpus: [] }, /floorFraction/],
    [
      {
        schemaVersion: 1,
        floorFraction: 0.75,
        gpus: [{ name: 'x', match: '[', measured: { bf16_tflops: 1 }, source: 's' }],
      },
      /gpus\[0\]\.match: expected a regular expression/,
    ],
    [
      {
        schemaVersion: 1,
        floorFraction: 0.75,
        gpus: [{ name: 'x', match: '(?P<n>H100)', measured: { bf16_tflops: 1 }, source: 's' }],
      },
      /gpus\[0\]\.match/,
    ],
    [
      {
        schemaVersion: 1,
        floorFraction: 0.75,
        gpus: [{ name: 'x', match: 'x', computeCapability: '9', measured: { bf16_tflops: 1 }, source: 's' }],
      },
      /gpus\[0\]\.computeCapability: expected major\.minor/,
    ],
    [
      {
        schemaVersion: 1,
        floorFraction: 0.75,
        gpus: [
          {
            name: 'x',
            match: 'x',
            memoryGiB: { min: 90, max: 80 },
            measured: { bf16_tflops: 1 },
            source: 's',
          },
        ],
      },
      /gpus\[0\]\.memoryGiB: min is above max/,
    ],
    [
      { schemaVersion: 1, floorFraction: 0.75, gpus: [], ddp: [{ name: 'x', match: 'x', busbw_gbps: 1 }] },
      /ddp\[0\]\.interconnect/,
    ],
    // A misspelt key was dropped without a word: the row then matched any GPU generation, or took
    // the table's fraction instead of its own.
    [
      {
        schemaVersion: 1,
        floorFraction: 0.75,
        gpus: [
          { name: 'x', match: 'L4', computeCapabilty: '8.9', measured: { bf16_tflops: 1 }, source: 's' },
        ],
      },
      /gpus\[0\]\.computeCapabilty/,
    ],
    [
      {
        schemaVersion: 1,
        floorFraction: 0.75,
        gpus: [{ name: 'x', match: 'L4', floorFracton: 0.5, measured: { bf16_tflops: 1 }, source: 's' }],
      },
      /gpus\[0\]\.floorFracton/,
    ],
    [
      {
        schemaVersion: 1,
        floorFraction: 0.75,
        gpus: [
          {
            name: 'x',
            match: 'L4',
            memoryGiB: { min: 20, max: 24, maxx: 30 },
            measured: { bf16_tflops: 1 },
            source: 's',
          },
        ],
      },
      /gpus\[0\]\.memoryGiB\.maxx/,
    ],
    [
      {
        schemaVersion: 1,
        floorFraction: 0.75,
        gpus: [],
        ddp: [{ name: 'x', match: 'x', busbw_gbps: 1, interconnect: 'n', source: 's', minWorl: 8 }],
      },
      /ddp\[0\]\.minWorl/,
    ],
    [{ schemaVersion: 1, floorFraction: 0.75, gpus: [], dpp: [] }, /dpp/],
  ])('refuses a bad file naming the field (exit 2): %#', (data, message) => {
    let error: unknown;
    try {
      loadBaseline(write(data));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(2);
    expect((error as InputError).message).toContain('smoke.baseline: ');
    expect((error as InputError).message).toMatch(message);
  });
});

describe('a row’s match: a pattern JavaScript and Python read alike', () => {
  const refusal = (match: string): string => {
    const f = path.join(dir, 'floors.json');
    const row = { name: 'ours', match, measured: { bf16_tflops: 1 }, source: 'lab' };
    writeFileSync(f, JSON.stringify({ schemaVersion: 1, floorFraction: 0.75, gpus: [row] }));
    try {
      loadBaseline(f);
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).exitCode).toBe(2);
      return (e as InputError).message;
    }
    return 'accepted';
  };

  it.each([
    ...bundledBaseline().gpus.map((g) => g.match),
    '^NVIDIA L4$',
    'H100.*(SXM|HBM3)',
    'H200(?!.*NVL)',
    '(?:A|H)100[- ]?(SXM\\d?|PCIe)',
    '\\bL40S?\\b',
    'GB\\d{2,3}',
    '[\\w.-]+ \\x41\\u0042',
    '[^\\d]\\.\\(\\)',
    'a{2}?b{1,}c{0,3}',
  ])('%s: taken', (match) => {
    expect(refusal(match)).toBe('accepted');
  });

  it.each<[string, RegExp]>([
    [
      '(?<!NVL.*)H200',
      /the lookbehind "\(\?<!" \(refused, fixed-width or not: Python takes only a fixed-width one.* at character 1/,
    ],
    ['H200(?<=H200)', /the lookbehind "\(\?<=".* at character 5/],
    ['[^]', /"\[\^\]" \(JavaScript: any character; Python: a class that starts with "\]"\)/],
    ['x[]', /"\[\]" \(JavaScript: a class of nothing/],
    ['\\cA', /the control escape "\\c"/],
    ['\\p{L}', /the property escape "\\p\{\.\.\.\}"/],
    ['(?<gpu>H100)', /the named group "\(\?<g\.\.\."/],
    // Python's own syntax: no JavaScript (a newer JavaScript's modifiers, (?i:...), are named too).
    ['(?P<gpu>H100)', /not a regular expression|the named group "\(\?P<\.\.\."/],
    ['(?i:h)100', /not a regular expression|"\(\?i" \(inline flags and other extensions/],
    ['(H)\\1', /the backreference or octal escape "\\1"/],
    ['\\AH100', /the escape "\\A" \(a letter A in JavaScript, an anchor in Python\)/],
    ['H100\\e', /the escape "\\e" \(a letter e in JavaScript, an error in Python\)/],
    ['\\BH', /the non-boundary "\\B"/],
    ['\\x4', /"\\x" without two hex digits/],
    ['\\u{41}', /"\\u" without four hex digits/],
    ['H{,3}', /a "\{" that is no quantifier/],
    ['H{99999}', /the quantifier "\{99999\}" \(at most 65535\)/],
    ['[\\d-z]', /a range from "\\d"/],
    ['[a-\\w]', /a range to "\\w"/],
    ['[[a]]', /a "\[" inside a class/],
    ['[*--b]', /"--" inside a class/],
    ['[a&&b]', /"&&" inside a class/],
    ['[', /expected a regular expression .*: not a regular expression/],
  ])('%s: exit 2 naming the construct', (match, problem) => {
    const message = refusal(match);
    expect(message).toContain(
      `smoke.baseline: ${path.join(dir, 'floors.json')}: gpus[0].match: expected a regular expression JavaScript and Python read alike`,
    );
    expect(message).toMatch(problem);
    expect(message).toContain(`got ${JSON.stringify(match)}`);
  });

  it('a ddp row is checked alike', () => {
    const f = path.join(dir, 'floors.json');
    const ddp = [{ name: 'd', match: '(?<=x)H100', busbw_gbps: 1, interconnect: 'i', source: 's' }];
    writeFileSync(f, JSON.stringify({ schemaVersion: 1, floorFraction: 0.75, gpus: [], ddp }));
    expect(() => loadBaseline(f)).toThrow(/ddp\[0\]\.match: .*the lookbehind "\(\?<="/);
  });
});

describe('a row measures only what the compute suite measures', () => {
  const file = (measured: Record<string, number>) => {
    const f = path.join(dir, 'floors.json');
    const row = { name: 'ours', match: 'H100', measured, source: 'lab' };
    writeFileSync(f, JSON.stringify({ schemaVersion: 1, floorFraction: 0.75, gpus: [row] }));
    return f;
  };
  const refusal = (measured: Record<string, number>): string => {
    try {
      loadBaseline(file(measured));
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).exitCode).toBe(2);
      return (e as InputError).message;
    }
    return 'accepted';
  };

  it.each<[string, Record<string, number>, string | undefined]>([
    ['bf16 (the dtype alone)', { bf16: 600 }, 'bf16_tflops'],
    ['fp32', { fp32: 40 }, 'fp32_tflops'],
    ['a letter short', { bf16_tflop: 600 }, 'bf16_tflops'],
    ['upper case', { BF16_TFLOPS: 600 }, 'bf16_tflops'],
    ['a metric of another suite', { busbw_gbps: 360 }, undefined],
    ['beside a good one', { bf16_tflops: 600, fp61_tflops: 500 }, 'fp16_tflops'],
  ])('%s: exit 2 naming gpus[0].measured.KEY', (_what, measured, hint) => {
    const key = Object.keys(measured).find((k) => !(FLOOR_METRICS as readonly string[]).includes(k))!;
    const message = refusal(measured);
    expect(message).toContain(`smoke.baseline: ${path.join(dir, 'floors.json')}: gpus[0].measured.${key}: `);
    expect(message).toContain(`expected one of: ${FLOOR_METRICS.join(', ')}`);
    if (hint) expect(message).toContain(`(did you mean "${hint}"?)`);
    else expect(message).not.toContain('did you mean');
  });

  it.each(FLOOR_METRICS.map((m) => [m]))('%s is taken', (metric) => {
    expect(refusal({ [metric]: 100 })).toBe('accepted');
  });

  it('each metric is one the smoke script measures (its compute suite)', () => {
    const script = readFileSync(path.join(REPO_ROOT, 'images/probe/ml_image_smoke.py'), 'utf8');
    // bf16 and fp16 as `key + "_tflops"` of the dtype loop; fp32 and tf32 by name.
    expect(script).toContain('metrics[key + "_tflops"]');
    for (const m of FLOOR_METRICS) {
      const dtype = m.replace(/_tflops$/, '');
      expect(script.includes(`metrics["${m}"]`) || script.includes(`"${dtype}")`), m).toBe(true);
    }
  });
});

describe('what the smoke stage hands the script', () => {
  const base = { requireGpu: false, driverFloor: '525.60.13', minLossDrop: 0.5, baseline: bundledBaseline() };

  it('with GPUs: gpu --require, train --cuda, ddp --cuda with the floors', () => {
    const input = { ...base, gpus: 'all' as const };
    expect(cudaRequired(input)).toBe(true);
    expect(gpuArgs(input)).toEqual(['525.60.13', '--require']);
    expect(trainArgs(input)).toEqual(['0.5', '--cuda']);
    const ddp = ddpArgs(input);
    expect(ddp.slice(0, 3)).toEqual(['auto', '--cuda', '--floors']);
    expect(JSON.parse(ddp[3]!)).toEqual(bundledBaseline());
  });

  it('a CUDA variant on a CPU runner (--gpus none): train and ddp run on the CPU, no floors', () => {
    const input = { ...base, gpus: 'none' as const };
    expect(cudaRequired(input)).toBe(false);
    expect(trainArgs(input)).toEqual(['0.5']);
    expect(ddpArgs(input)).toEqual(['auto']);
    expect(gpuArgs({ ...input, requireGpu: true })).toEqual(['525.60.13', '--require']);
  });
});
