// Where the bytes went, per platform: what made the image grow against the base branch (packages
// and layers, largest change first, with the size budget's verdict) and its biggest packages and
// layers. Every value from a record is escaped here (md/html).
import { type SizeChange, sizeDrivers } from '../../diff/schema.js';
import { html, md, packageName } from '../escape.js';
import { fmtBytes, fmtInt, pct, plural, signed } from '../format.js';
import type { PlatformReport } from '../model-schema.js';
import { budgetBreaches, budgetKindNote, budgetSkips, describeChange, sizeHeadline } from '../size.js';
import { kindChangeText, kindOf, NOT_COMPARABLE, sizeFigure } from '../size-kind.js';
import { cell, header, row } from './markdown.js';
import { detailsRows, type Part, rowsPart } from './parts.js';

const bytes = (n: number | null) => (n === null ? '—' : fmtBytes(n));

function what(c: SizeChange): string {
  return c.kind === 'layer' ? `layer: ${cell(c.name, 120)}` : `${c.kind} ${cell(packageName(c.name), 80)}`;
}

function side(version: string | null, size: number | null, kind: SizeChange['kind']): string {
  if (kind === 'layer') return bytes(size);
  return version === null ? '—' : `${cell(version, 40)} (${bytes(size)})`;
}

/** The size change against the base, explained; with the budget's breach when there is one. */
export function sizeChangePart(
  p: PlatformReport,
  sizeBudget: string | undefined,
  suffix: string,
  baseLabel: string,
  rank: number,
): Part | null {
  const e = p.diff?.sizeExplanation;
  const breaches = budgetBreaches(sizeBudget, [p]);
  if (!p.diff || (!e && breaches.length === 0 && !p.diff.sizeKindChange)) return null;
  const s = p.diff.size;
  // Sizes of different kinds (the image store changed): no change, no percentage, said why.
  const kindChange = kindChangeText(p.diff);
  const total = kindChange
    ? NOT_COMPARABLE
    : `${signed(s.delta, fmtBytes)}${s.base ? ` (${pct(s.delta / s.base)})` : ''}`;
  const changes = e ? [...e.packages, ...e.layers] : [];
  // Nothing to explain, unless the base record is too old to have sizes (said once, here).
  if (
    !kindChange &&
    changes.length === 0 &&
    breaches.length === 0 &&
    (!e || e.packagesKnown || s.delta === 0)
  )
    return null;
  const headline = e ? sizeHeadline(e) : null;
  const notes = [
    ...breaches.map((b) => `❌ **${md(b.text, 400)}**`),
    kindChange
      ? `⚠️ **The sizes are not comparable: the ${baseLabel} record's ${md(kindChange, 400)}.**`
      : '',
    ...budgetSkips(sizeBudget, [p]).map((b) => `_${md(`S${b.text.slice(1)}.`, 400)}_`),
    headline ? `**${md(kindChange ? `Packages: ${headline}` : headline, 400)}**` : '',
    e && !e.packagesKnown
      ? `_The ${baseLabel} record has no package sizes (captured before sizes were recorded)._`
      : '',
    e && e.packagesChanged > e.packages.length
      ? `_Packages: ${signed(e.packagesDelta, fmtBytes)} over ${plural(e.packagesChanged, 'package')} whose size changed; the ${fmtInt(e.packages.length)} biggest changes are listed._`
      : '',
  ].filter(Boolean);
  const rows = changes.map((c) =>
    row([
      what(c),
      side(c.from, c.baseBytes, c.kind),
      side(c.to, c.headBytes, c.kind),
      signed(c.delta, fmtBytes),
    ]),
  );
  return rowsPart(
    `size table${suffix}`,
    detailsRows(
      html(`Image size: ${total}${breaches.length ? ', over budget' : ''}${suffix}`),
      rows.length > 0 ? header(['What', baseLabel, 'this PR', 'Change']) : '',
      rows,
      (shown) => `\n_… and ${fmtInt(rows.length - shown)} more (see the report artifact)_`,
      notes.length > 0 ? `${notes.join('\n\n')}\n\n` : '',
    ),
    rank,
  );
}

/** The biggest pip and apt packages and layers of this PR's image. */
export function sizeTopPart(
  p: PlatformReport,
  sizeBudget: string | undefined,
  suffix: string,
  rank: number,
): Part | null {
  const top = p.head.top;
  if (!top) return null;
  const rows = [
    ...top.pip.map((x) =>
      row([`pip ${cell(packageName(x.name), 80)}`, cell(x.version, 40), fmtBytes(x.sizeBytes)]),
    ),
    ...top.apt.map((x) =>
      row([`apt ${cell(packageName(x.name), 80)}`, cell(x.version, 40), fmtBytes(x.sizeBytes)]),
    ),
    ...top.layers.map((l) => row([`layer: ${cell(l.createdBy, 120)}`, '', fmtBytes(l.sizeBytes)])),
  ];
  if (rows.length === 0) return null;
  // Without a baseline the budget's verdict is told here (an absolute budget needs no base).
  const breaches = p.diff ? [] : budgetBreaches(sizeBudget, [p]);
  // An absolute budget within reach of a compressed size: said, as it judges that size.
  const note = budgetKindNote(sizeBudget, p);
  const intro = [
    ...breaches.map((b) => `❌ **${md(b.text, 400)}**`),
    note ? `_ℹ️ ${md(`S${note.slice(1)}.`, 400)}_` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return rowsPart(
    `biggest table${suffix}`,
    detailsRows(
      html(`Biggest packages and layers: ${sizeFigure(p.head.sizeBytes, kindOf(p.head))} image${suffix}`),
      // Under a compressed total the packages' and layers' sizes are still unpacked: said so.
      header(['Package or layer', 'Version', kindOf(p.head) === 'content' ? 'Size (unpacked)' : 'Size']),
      rows,
      (shown) => `\n_… and ${fmtInt(rows.length - shown)} more (see the report artifact)_`,
      intro ? `${intro}\n\n` : '',
    ),
    rank,
  );
}

/** The run overview's size cell: "+610.0 MB (+7.5%): nvidia-cudnn-cu12 9.5 → 9.7 +402.0 MB" (escaped). */
export function sizeChangeCell(p: PlatformReport): string | null {
  const s = p.diff?.size;
  if (!s) return null;
  if (p.diff?.sizeKindChange) return md(NOT_COMPARABLE);
  const change =
    s.delta === 0 ? '±0' : `${signed(s.delta, fmtBytes)}${s.base ? ` (${pct(s.delta / s.base)})` : ''}`;
  const e = p.diff?.sizeExplanation;
  const driver = e && s.delta !== 0 ? sizeDrivers(e)[0] : undefined;
  return driver ? `${md(change)}: ${md(describeChange(driver), 120)}` : md(change);
}
