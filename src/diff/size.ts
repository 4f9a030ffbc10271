// Where the bytes went (pure): an image's biggest packages and layers, and against the base
// record, which packages and layers made the image grow or shrink. Package sizes come from the
// probe (pip: RECORD sizes; apt: dpkg's Installed-Size), layers from the engine's history. Records
// written before sizes were captured have none: the explanation then says what it can.
import { type EnvRecord, sizeKindOf } from '../capture/record.js';
import { compareText } from '../util/text.js';
import { aptKey, multiArchNames, pipCopies } from './packages.js';
import type { LayerItem, SizeChange, SizeExplanation, SizeItem, SizeTop } from './schema.js';

/** How many of each the summary keeps, and how many changes the explanation keeps. */
const TOP_N = 10;
const CHANGES_N = 20;

interface Sized {
  name: string;
  version: string;
  sizeBytes: number;
}

const byName = compareText;

/**
 * pip distributions with a size, by normalised name. A name installed twice (Debian's copy in
 * /usr/lib/python3 and pip's) takes up both copies' bytes; the version is the copy Python imports,
 * as in the package diff (packages.ts).
 */
const pipCache = new WeakMap<EnvRecord, Map<string, Sized>>();
const aptCache = new WeakMap<EnvRecord, Map<string, Sized>>();
const topCache = new WeakMap<EnvRecord, SizeTop | undefined>();

function cached<T>(cache: WeakMap<EnvRecord, T>, r: EnvRecord, make: (r: EnvRecord) => T): T {
  if (cache.has(r)) return cache.get(r)!;
  const v = make(r);
  cache.set(r, v);
  return v;
}

function pipSizes(r: EnvRecord): Map<string, Sized> {
  return cached(pipCache, r, pipSizesOf);
}

/** One record's apt sizes (its top list): name:arch for a name it has for several architectures. */
function aptSizes(r: EnvRecord): Map<string, Sized> {
  return cached(aptCache, r, (x) => aptSizesOf(x, multiArchNames(x)));
}

function pipSizesOf(r: EnvRecord): Map<string, Sized> {
  const out = new Map<string, Sized>();
  for (const [key, { imported, copies }] of pipCopies(r)) {
    const sized = copies.filter((p) => p.sizeBytes !== undefined);
    if (sized.length === 0) continue;
    // The imported copy's version, or (it has no size) the first copy with one, as before.
    const named = imported.sizeBytes !== undefined ? imported : sized[0]!;
    const sizeBytes = sized.reduce((n, p) => n + p.sizeBytes!, 0);
    out.set(key, { name: named.name, version: named.version, sizeBytes });
  }
  return out;
}

/** apt packages with a size, by aptKey: name, or name:arch for the names in multi. */
function aptSizesOf(r: EnvRecord, multi: ReadonlySet<string>): Map<string, Sized> {
  const out = new Map<string, Sized>();
  for (const p of r.apt) {
    if (p.sizeBytes === undefined) continue;
    const name = aptKey(p, multi);
    out.set(name, { name, version: p.version, sizeBytes: p.sizeBytes });
  }
  return out;
}

/**
 * The n first of `items` in `order`, in that order: one pass keeping the n best (a full sort of
 * 5,000 packages per record is the cost that matters in a ten-variant run).
 */
export function firstN<T>(items: Iterable<T>, n: number, order: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  if (n <= 0) return best;
  for (const x of items) {
    if (best.length === n && order(x, best[n - 1]!) >= 0) continue;
    let i = best.length === n ? n - 1 : best.length;
    while (i > 0 && order(x, best[i - 1]!) < 0) {
      best[i] = best[i - 1]!;
      i--;
    }
    best[i] = x;
    if (best.length > n) best.length = n;
  }
  return best;
}

/** The n biggest, biggest first (by name on a tie, so the output is stable). */
function biggest<T extends { sizeBytes: number }>(items: Iterable<T>, n: number, key: (t: T) => string): T[] {
  const nonEmpty = [...items].filter((x) => x.sizeBytes > 0);
  return firstN(nonEmpty, n, (a, b) => b.sizeBytes - a.sizeBytes || byName(key(a), key(b)));
}

/** The biggest pip and apt packages and layers of one record; undefined when it has no sizes. */
export function sizeTop(r: EnvRecord, n = TOP_N): SizeTop | undefined {
  return n === TOP_N ? cached(topCache, r, (x) => sizeTopOf(x, n)) : sizeTopOf(r, n);
}

function sizeTopOf(r: EnvRecord, n: number): SizeTop | undefined {
  const pip = pipSizes(r);
  const apt = aptSizes(r);
  const layers = r.image.history ?? [];
  if (pip.size === 0 && apt.size === 0 && layers.length === 0) return undefined;
  const item = (s: Sized): SizeItem => ({ name: s.name, version: s.version, sizeBytes: s.sizeBytes });
  return {
    pip: biggest(pip.values(), n, (s) => s.name).map(item),
    apt: biggest(apt.values(), n, (s) => s.name).map(item),
    layers: biggest(layers, n, (l) => l.createdBy).map((l): LayerItem => ({
      createdBy: l.createdBy,
      sizeBytes: l.sizeBytes,
    })),
  };
}

function packageChanges(
  kind: 'pip' | 'apt',
  base: Map<string, Sized>,
  head: Map<string, Sized>,
): SizeChange[] {
  const out: SizeChange[] = [];
  for (const [key, h] of head) {
    const b = base.get(key);
    const delta = h.sizeBytes - (b?.sizeBytes ?? 0);
    if (delta !== 0)
      out.push({
        kind,
        name: h.name,
        from: b?.version ?? null,
        to: h.version,
        baseBytes: b?.sizeBytes ?? null,
        headBytes: h.sizeBytes,
        delta,
      });
  }
  for (const [key, b] of base)
    if (!head.has(key) && b.sizeBytes !== 0)
      out.push({
        kind,
        name: b.name,
        from: b.version,
        to: null,
        baseBytes: b.sizeBytes,
        headBytes: null,
        delta: -b.sizeBytes,
      });
  return out;
}

/**
 * Layers matched by instruction, in order (the base image's steps match themselves; a changed
 * RUN line is one layer removed and one added). Unchanged layers are left out.
 */
function layerChanges(
  base: NonNullable<EnvRecord['image']['history']>,
  head: NonNullable<EnvRecord['image']['history']>,
): SizeChange[] {
  const pool = new Map<string, number[]>();
  for (const l of base) pool.set(l.createdBy, [...(pool.get(l.createdBy) ?? []), l.sizeBytes]);
  const out: SizeChange[] = [];
  const layer = (name: string, from: number | null, to: number | null): SizeChange => ({
    kind: 'layer',
    name,
    from: null,
    to: null,
    baseBytes: from,
    headBytes: to,
    delta: (to ?? 0) - (from ?? 0),
  });
  for (const h of head) {
    const sizes = pool.get(h.createdBy);
    const b = sizes?.shift();
    if (b === undefined) {
      if (h.sizeBytes > 0) out.push(layer(h.createdBy, null, h.sizeBytes));
    } else if (b !== h.sizeBytes) out.push(layer(h.createdBy, b, h.sizeBytes));
  }
  for (const [name, sizes] of pool) for (const b of sizes) if (b > 0) out.push(layer(name, b, null));
  return out;
}

/** Largest change first; growth before shrinkage on a tie; then by name. */
const byImpact = (a: SizeChange, b: SizeChange) =>
  Math.abs(b.delta) - Math.abs(a.delta) || b.delta - a.delta || byName(a.name, b.name);

/**
 * Which packages and layers made the image's size change; undefined when neither side has sizes.
 * Where the two sizes are of different kinds (the engine's image store changed), the layers'
 * sizes, the engine's too, are not compared, and the change told is the packages'.
 */
export function explainSize(base: EnvRecord, head: EnvRecord, n = CHANGES_N): SizeExplanation | undefined {
  const hasPackages = (r: EnvRecord) =>
    r.python.packages.some((p) => p.sizeBytes !== undefined) || r.apt.some((p) => p.sizeBytes !== undefined);
  const packagesKnown = hasPackages(base) && hasPackages(head);
  const sameKind = sizeKindOf(base) === sizeKindOf(head);
  const layersKnown = sameKind && base.image.history !== undefined && head.image.history !== undefined;
  if (!hasPackages(head) && head.image.history === undefined) return undefined;
  const multi = multiArchNames(base, head);
  const packages = packagesKnown
    ? [
        ...packageChanges('pip', pipSizes(base), pipSizes(head)),
        ...packageChanges('apt', aptSizesOf(base, multi), aptSizesOf(head, multi)),
      ]
    : [];
  const layers = layersKnown ? layerChanges(base.image.history!, head.image.history!) : [];
  const packagesDelta = packages.reduce((s, c) => s + c.delta, 0);
  return {
    delta: sameKind ? head.image.sizeBytes - base.image.sizeBytes : packagesDelta,
    packagesKnown,
    layersKnown,
    packages: firstN(packages, n, byImpact),
    packagesDelta,
    packagesChanged: packages.length,
    layers: firstN(layers, n, byImpact),
  };
}
