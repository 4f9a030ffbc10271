// Sizes of different kinds are never compared (src/report/size-kind.ts): the engine's image store
// decides what image.sizeBytes measures (unpacked on the classic store, the compressed content on
// the containerd store: 185,945,785 and 62,659,439 bytes for the same amd64 image on dockerd 26),
// so a runner whose engine changed its store, or a baseline captured on the other one, says so
// instead of a ~3x change, and the growth budget is not judged on it. A record without a kind
// (written before kinds were recorded) is what the classic store gave: unpacked.
import { describe, expect, it } from 'vitest';
import { type EnvRecord, sizeKindOf } from '../../src/capture/record.js';
import { diffRecords } from '../../src/diff/diff.js';
import { readEnvRecord } from '../../src/diff/read.js';
import type { SizeKind } from '../../src/docker/size-kind.js';
import { assessReport, buildReportModel, parseReportModel } from '../../src/report/model.js';
import { renderReport } from '../../src/report/render.js';
import { renderRun } from '../../src/report/render/run.js';
import { budgetBreaches, budgetSkips } from '../../src/report/size.js';
import { kindOf } from '../../src/report/size-kind.js';
import { makeRecord, pipEntry } from '../helpers/records.js';

const MB = 1e6;
const UNPACKED = 185_945_785;
const CONTENT = 62_659_439;

function record(
  sizeBytes: number,
  kind: SizeKind | undefined,
  pip: Record<string, [string, number]>,
): EnvRecord {
  const r = makeRecord({
    sizeBytes,
    pip: Object.entries(pip).map(([n, [v, mb]]) => ({ ...pipEntry(n, v), sizeBytes: mb * MB })),
  });
  if (kind !== undefined) r.image.sizeKind = kind;
  // The layers' sizes are the engine's too: unpacked on both stores, measured each its own way.
  r.image.history = [
    { createdBy: 'ADD rootfs.tar /', sizeBytes: (kind === 'content' ? 81 : 80) * MB },
    { createdBy: 'RUN pip install -r requirements.txt', sizeBytes: sizeBytes / 4 },
  ];
  return r;
}

const BASE_PIP = { numpy: ['1.26.4', 30], torch: ['2.5.1', 40] } as Record<string, [string, number]>;
const HEAD_PIP = { numpy: ['2.1.0', 35], torch: ['2.5.1', 40] } as Record<string, [string, number]>;

describe('a record without a kind (written before kinds were recorded) reads as unpacked', () => {
  it.each([
    ['no sizeKind: unpacked, the classic store', undefined, 'unpacked'],
    ['unpacked', 'unpacked', 'unpacked'],
    ['content', 'content', 'content'],
  ] as const)('%s', (_row, kind, read) => {
    const r = record(UNPACKED, kind, BASE_PIP);
    const json = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
    const back = readEnvRecord(json, 'env.json');
    expect(back.image.sizeKind).toBe(kind);
    expect(sizeKindOf(back)).toBe(read);
  });

  it('a kind this version does not know is refused, naming the field', () => {
    const json = JSON.parse(JSON.stringify(record(UNPACKED, undefined, BASE_PIP))) as {
      image: Record<string, unknown>;
    };
    json.image.sizeKind = 'squashed';
    expect(() => readEnvRecord(json, 'env.json')).toThrow(/image\.sizeKind/);
  });
});

describe('the diff of two sizes: compared only when of one kind', () => {
  it.each([
    { row: 'both unpacked (old records, no kind)', base: undefined, head: undefined, change: undefined },
    {
      row: 'an old base (no kind) and an unpacked head',
      base: undefined,
      head: 'unpacked',
      change: undefined,
    },
    { row: 'both content (containerd on both sides)', base: 'content', head: 'content', change: undefined },
    {
      row: 'an old base (no kind: unpacked) and a content head: not comparable',
      base: undefined,
      head: 'content',
      change: { from: 'unpacked', to: 'content' },
    },
    {
      row: 'a content base and an unpacked head: not comparable',
      base: 'content',
      head: 'unpacked',
      change: { from: 'content', to: 'unpacked' },
    },
  ] as const)('$row', ({ base, head, change }) => {
    const b = record(base === 'content' ? CONTENT : UNPACKED, base, BASE_PIP);
    const h = record(head === 'content' ? CONTENT : UNPACKED, head, BASE_PIP);
    // An absent kind reads as unpacked (what the classic store gave).
    expect([sizeKindOf(b), sizeKindOf(h)]).toEqual([base ?? 'unpacked', head ?? 'unpacked']);
    const d = diffRecords(b, h);
    expect(d.sizeKindChange).toEqual(change);
    const e = d.sizeExplanation!;
    if (change) {
      // Nothing of the image changed: the store did. Layers (the engine's sizes too) are not compared.
      expect(d.changed).toBe(false);
      expect([e.layersKnown, e.layers, e.delta]).toEqual([false, [], 0]);
    } else {
      expect(e.layersKnown).toBe(true);
      expect(e.delta).toBe(h.image.sizeBytes - b.image.sizeBytes);
    }
  });

  it("mixed kinds: the packages' change is told (measured alike on both sides)", () => {
    const d = diffRecords(record(UNPACKED, undefined, BASE_PIP), record(CONTENT, 'content', HEAD_PIP));
    expect(d.sizeExplanation).toMatchObject({ delta: 5 * MB, packagesDelta: 5 * MB, layersKnown: false });
    expect(d.sizeExplanation!.packages.map((c) => [c.name, c.delta])).toEqual([['numpy', 5 * MB]]);
  });
});

const model = (opts: { base: EnvRecord; head: EnvRecord; budget?: string; ref?: string }) =>
  buildReportModel({
    image: 'ghcr.io/acme/model',
    variant: 'cpu',
    ...(opts.budget !== undefined && { sizeBudget: opts.budget }),
    entries: [{ platform: 'linux/amd64', base: opts.base, head: opts.head }],
    baseline: { ref: opts.ref ?? 'main' },
  });

const render = (m: ReturnType<typeof model>) =>
  renderReport(parseReportModel(JSON.parse(JSON.stringify(m)), 'report.json'), { maxChars: 65_536 }).markdown;

describe('the report of sizes of different kinds', () => {
  const mixed = (budget?: string, ref?: string) =>
    model({
      base: record(UNPACKED, undefined, BASE_PIP),
      head: record(CONTENT, 'content', HEAD_PIP),
      ...(budget !== undefined && { budget }),
      ...(ref !== undefined && { ref }),
    });

  it('says plainly that they are not comparable, naming both kinds, with no change or percentage', () => {
    const md = render(mixed());
    expect(md).toContain('<details><summary>Image size: not comparable: image store changed</summary>');
    expect(md).toContain(
      "⚠️ **The sizes are not comparable: the main record's 185.9 MB is the unpacked size &#40;classic image store&#41;, this PR&#x27;s 62.7 MB the compressed content size &#40;containerd image store&#41;: the Docker engine&#x27;s image store changed between them.**",
    );
    expect(md).toContain(
      '| Image size | 185.9 MB (unpacked) | 62.7 MB (compressed) | not comparable: image store changed |',
    );
    expect(md).toContain('**Packages: +5.0 MB: numpy 1.26.4 → 2.1.0 +5.0 MB**');
    expect(md).toContain(
      '<details><summary>Biggest packages and layers: 62.7 MB (compressed) image</summary>',
    );
    // No size change of the store's making: no −123.3 MB, no −66.3%.
    expect(md).not.toMatch(/−123\.3 MB|66\.3%/);
  });

  it('the baseline label is escaped in the note', () => {
    const md = render(mixed(undefined, 'feat/<b>x</b>|y'));
    expect(md).toContain("not comparable: the feat/&lt;b&gt;x&lt;/b&gt;&#124;y record's 185.9 MB");
    expect(md).not.toContain('<b>x</b>');
  });

  it('the verdict says so without calling it a change; the run overview shows no percentage', () => {
    const m = model({
      base: record(UNPACKED, undefined, BASE_PIP),
      head: record(CONTENT, 'content', BASE_PIP),
    });
    const a = assessReport(m);
    expect(a.verdict).toBe('unchanged');
    expect(a.findings).toContainEqual({
      text: 'image size not comparable: image store changed (unpacked → compressed)',
      severity: 'info',
    });
    const run = renderRun([m], { markerKey: 'k', maxChars: 65_536 }).markdown;
    expect(run).toContain('not comparable: image store changed');
    expect(run).not.toMatch(/66\.3%/);
  });

  it.each([
    {
      row: 'growth +5%: not judged (a 3x "shrink" or growth is the store), said so',
      budget: '+5%',
      breaches: [],
      skip: 'size budget +5% not judged: sizes not comparable (image store changed)',
    },
    {
      row: 'growth +1% with a growth of the store (content base, unpacked head): not judged, no failure',
      budget: '+1%',
      breaches: [],
      skip: 'size budget +1% not judged: sizes not comparable (image store changed)',
      reversed: true,
    },
    {
      row: 'absolute 50MB: judges the size recorded, naming its kind',
      budget: '50MB',
      breaches: [
        'image 62.7 MB (compressed content size, containerd image store) is over the size budget 50MB (50.0 MB) by 12.7 MB; top contributor: numpy 1.26.4 → 2.1.0 +5.0 MB',
      ],
      skip: undefined,
    },
    {
      row: 'absolute 100MB: the compressed size is within it',
      budget: '100MB',
      breaches: [],
      skip: undefined,
    },
  ])('budget $row', ({ budget, breaches, skip, reversed }) => {
    const m = reversed
      ? model({
          base: record(CONTENT, 'content', BASE_PIP),
          head: record(UNPACKED, 'unpacked', HEAD_PIP),
          budget,
        })
      : mixed(budget);
    expect(budgetBreaches(m.sizeBudget, m.platforms).map((b) => b.text)).toEqual(breaches);
    expect(budgetSkips(m.sizeBudget, m.platforms)[0]?.short).toBe(skip);
    const a = assessReport(m);
    // numpy's major upgrade is a warning; the store's change and the budget not judged are none.
    expect(a.verdict).toBe(breaches.length > 0 ? 'failure' : 'warning');
    if (skip) {
      expect(a.findings).toContainEqual({ text: skip, severity: 'info' });
      expect(render(m)).toContain(
        `_Size budget ${budget} not judged: the sizes are not comparable &#40;${reversed ? 'compressed → unpacked' : 'unpacked → compressed'}: the engine&#x27;s image store changed&#41;._`,
      );
    }
  });

  it('the store change and the unjudged budget come after the changes in the findings (the headline)', () => {
    const a = assessReport(mixed('+5%'));
    const texts = a.findings.map((f) => f.text);
    const change = texts.indexOf('NumPy 1.26.4 → 2.1.0 (major)');
    expect(change).toBeGreaterThanOrEqual(0);
    expect(
      texts.indexOf('image size not comparable: image store changed (unpacked → compressed)'),
    ).toBeGreaterThan(change);
    expect(
      texts.indexOf('size budget +5% not judged: sizes not comparable (image store changed)'),
    ).toBeGreaterThan(change);
    expect(a.verdict).toBe('warning');
  });

  it('an absolute budget within reach of a compressed size says it judges that size (escaped)', () => {
    const md = render(mixed('100MB'));
    expect(md).toContain(
      '_ℹ️ Size budget 100MB judged on the compressed content size &#40;containerd image store&#41; of 62.7 MB, which is smaller than the unpacked size docker image ls shows on the classic image store._',
    );
    expect(assessReport(mixed('100MB')).verdict).toBe('warning');
    // Unpacked, or a growth budget: nothing to say.
    expect(render(mixed('+50%'))).not.toContain('judged on the');
  });

  it('under a compressed total the biggest packages and layers are labelled unpacked', () => {
    expect(render(mixed())).toContain('| Package or layer | Version | Size (unpacked) |');
    const same = render(
      model({ base: record(UNPACKED, 'unpacked', BASE_PIP), head: record(UNPACKED, 'unpacked', HEAD_PIP) }),
    );
    expect(same).toContain('| Package or layer | Version | Size |');
  });

  it('sizes of one kind are compared as before, and a growth budget judges them', () => {
    const m = model({
      base: record(CONTENT, 'content', BASE_PIP),
      head: record(CONTENT * 1.1, 'content', HEAD_PIP),
      budget: '+5%',
    });
    expect(budgetBreaches(m.sizeBudget, m.platforms).map((b) => b.text)).toEqual([
      'image grew +6.3 MB (+10.0%), over the size budget +5%; top contributor: numpy 1.26.4 → 2.1.0 +5.0 MB',
    ]);
    const md = render(m);
    expect(md).toContain('| Image size | 62.7 MB (compressed) | 68.9 MB (compressed) | +6.3 MB (+10.0%) |');
    expect(md).not.toContain('not comparable');
  });

  it.each([
    ['both old (no kind)', undefined],
    ['an old base and a head captured on the classic store (unpacked)', 'unpacked'],
  ] as const)('%s: compared as they always were, the summary naming the kind it has', (_row, kind) => {
    const m = model({
      base: record(UNPACKED, undefined, BASE_PIP),
      head: record(UNPACKED * 1.1, kind, HEAD_PIP),
      budget: '+5%',
    });
    const p = m.platforms[0]!;
    expect([p.base!.sizeKind, p.head.sizeKind, p.diff!.sizeKindChange]).toEqual([undefined, kind, undefined]);
    expect([kindOf(p.base!), kindOf(p.head)]).toEqual(['unpacked', 'unpacked']);
    expect(budgetBreaches(m.sizeBudget, m.platforms)).toHaveLength(1);
    const md = render(m);
    expect(md).toContain('| Image size | 185.9 MB | 204.5 MB | +18.6 MB (+10.0%) |');
    expect(md).not.toMatch(/not comparable|\(unpacked\)/);
  });
});
