// Version comparison for the diff: PEP 440 for pip (via @renovatebot/pep440, as src/resolve does)
// and dpkg's algorithm for Debian packages, each with the "level" of a change.
import { compare as pep440Compare, explain } from '@renovatebot/pep440';

/**
 * How big a version change is. major/minor/patch: the first differing release part (an epoch
 * change counts as major); local: only the build label differs (PEP 440 `+cu126` -> `+cpu`, which
 * has no direction, or for Debian only the revision: a rebuild or distro patch of the same
 * upstream); other: pre/post/dev releases, suffixes, or versions that do not parse.
 */
export type ChangeLevel = 'major' | 'minor' | 'patch' | 'local' | 'other';
export const CHANGE_LEVELS: readonly ChangeLevel[] = ['major', 'minor', 'patch', 'local', 'other'];

export interface VersionChange {
  /**
   * Sign of head vs base: 1 upgraded, -1 downgraded, 0 equal; null: changed without a direction
   * (PEP 440 versions whose public parts are equal and only the local label differs; two texts, one
   * not PEP 440, that dpkg's order holds equal).
   */
  order: -1 | 0 | 1 | null;
  level: ChangeLevel | null;
}

const sign = (n: number): -1 | 0 | 1 => (n < 0 ? -1 : n > 0 ? 1 : 0);

/** Level from two release tuples: index of the first differing part (missing parts are 0). */
function releaseLevel(a: readonly number[], b: readonly number[]): ChangeLevel | null {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return i === 0 ? 'major' : i === 1 ? 'minor' : 'patch';
  }
  return null;
}

const same = (x: unknown, y: unknown) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);

// Parsing dominates a diff of thousands of packages, and the same versions recur: memoised.
const parsed = new Map<string, ReturnType<typeof explain>>();
function pep440(v: string): ReturnType<typeof explain> {
  let p = parsed.get(v);
  if (p === undefined) {
    p = explain(v);
    if (parsed.size > 50_000) parsed.clear();
    parsed.set(v, p);
  }
  return p;
}

function compareRelease(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/**
 * PEP 440 comparison; versions that do not parse fall back to dpkg ordering, level "other". Only a
 * local label changed (`2.7.0a0+7c8ec84dab` -> `2.7.0a0+79aa17489c`, `+cu121` -> `+cpu`): the
 * label is a build's name (a commit, a CUDA build), not a version, so PEP 440's text order of it
 * says nothing: order null (changed), level local.
 */
export function comparePip(base: string, head: string): VersionChange {
  if (base === head) return { order: 0, level: null };
  const a = pep440(base);
  const b = pep440(head);
  // Either does not parse: dpkg's order, which may hold two texts equal ("+0" and "+"): changed,
  // no direction (once "upgraded" both ways).
  if (!a || !b) return { order: sign(compareDebian(head, base)) || null, level: 'other' };
  // Epoch, then release decide the order (PEP 440); only equal releases need the full comparison.
  const order = sign(b.epoch - a.epoch || compareRelease(b.release, a.release) || pep440Compare(head, base));
  if (order === 0) return { order, level: null }; // 1.0 == 1.0.0 under PEP 440
  if (a.epoch !== b.epoch) return { order, level: 'major' };
  const level = releaseLevel(a.release, b.release);
  if (level) return { order, level };
  if (!same(a.pre, b.pre) || !same(a.post, b.post) || !same(a.dev, b.dev)) return { order, level: 'other' };
  return a.local !== b.local ? { order: null, level: 'local' } : { order, level: 'other' };
}

/** Components whose scheme is not fixed (CUDA "12.8.1", glibc "2.36"): PEP 440 when both parse. */
export function compareAny(base: string, head: string): VersionChange {
  return pep440(base) && pep440(head) ? comparePip(base, head) : compareApt(base, head);
}

/**
 * cuDNN's version code as the version it stands for, as the probe's cudnn_int reads it: 90100 ->
 * 9.1.0 (cuDNN 9: major*10000), 8902 -> 8.9.2 (up to 8: major*1000). Probe 1 recorded torch's
 * cuDNN (torch.backends.cudnn.version()) as the bare code, later probes as the version.
 */
export function cudnnCodeText(code: number): string {
  if (!Number.isInteger(code) || code < 0) return String(code);
  const major = Math.floor(code >= 10_000 ? code / 10_000 : code / 1000);
  const rest = code >= 10_000 ? code % 10_000 : code % 1000;
  return `${major}.${Math.floor(rest / 100)}.${rest % 100}`;
}

/**
 * NCCL as a record holds it. Up to 2.8 NCCL encodes its version as major*1000+minor*100+patch
 * (2804), which probes before that was decoded as such recorded as major*10000 (0.28.4): NCCL has
 * no version 0, so 0.28.4 is 2.8.4. Any other text is returned as it is.
 */
export function ncclText(version: string | null): string | null {
  const m = version === null ? null : /^0\.([1-9])(\d)\.(\d{1,2})$/.exec(version);
  return m ? `${m[1]}.${m[2]}.${m[3]}` : version;
}

// ---- Debian (dpkg's verrevcmp, deb-version(7)) ----

interface DebVersion {
  epoch: number;
  upstream: string;
  revision: string;
}

function parseDebian(v: string): DebVersion {
  const colon = v.indexOf(':');
  const epochText = colon > 0 ? v.slice(0, colon) : '';
  const epoch = /^\d+$/.test(epochText) ? Number(epochText) : 0;
  const rest = colon > 0 && /^\d+$/.test(epochText) ? v.slice(colon + 1) : v;
  const dash = rest.lastIndexOf('-');
  return dash > 0
    ? { epoch, upstream: rest.slice(0, dash), revision: rest.slice(dash + 1) }
    : { epoch, upstream: rest, revision: '' };
}

/** dpkg's character order: ~ before everything (even the end), letters before other symbols. */
function order(c: string | undefined): number {
  if (c === undefined) return 0;
  if (c === '~') return -1;
  if (/[0-9]/.test(c)) return 0;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  return c.charCodeAt(0) + 256;
}

function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !/[0-9]/.test(a[i]!)) || (j < b.length && !/[0-9]/.test(b[j]!))) {
      const ac = order(i < a.length && !/[0-9]/.test(a[i]!) ? a[i] : undefined);
      const bc = order(j < b.length && !/[0-9]/.test(b[j]!) ? b[j] : undefined);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (i < a.length && /[0-9]/.test(a[i]!) && j < b.length && /[0-9]/.test(b[j]!)) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (i < a.length && /[0-9]/.test(a[i]!)) return 1;
    if (j < b.length && /[0-9]/.test(b[j]!)) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

/** <0, 0, >0 as dpkg --compare-versions orders a and b. */
export function compareDebian(a: string, b: string): number {
  const x = parseDebian(a);
  const y = parseDebian(b);
  if (x.epoch !== y.epoch) return x.epoch - y.epoch;
  return verrevcmp(x.upstream, y.upstream) || verrevcmp(x.revision, y.revision);
}

const dotted = (upstream: string) =>
  (/^\d+(?:\.\d+)*/.exec(upstream)?.[0] ?? '').split('.').filter(Boolean).map(Number);

export function compareApt(base: string, head: string): VersionChange {
  if (base === head) return { order: 0, level: null };
  const order = sign(compareDebian(head, base));
  if (order === 0) return { order, level: null };
  const a = parseDebian(base);
  const b = parseDebian(head);
  if (a.epoch !== b.epoch) return { order, level: 'major' };
  const pa = dotted(a.upstream);
  const pb = dotted(b.upstream);
  const level = pa.length && pb.length ? releaseLevel(pa, pb) : null;
  if (level) return { order, level };
  if (a.upstream === b.upstream) return { order, level: 'local' };
  return { order, level: 'other' };
}
