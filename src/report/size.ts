// Where the bytes went, as plain text (the renderer escapes it): the size change's explanation
// ("+610 MB: nvidia-cudnn-cu12 9.5 → 9.7 +402 MB, ..."), and the size budget (config size.budget),
// whose breach fails the report stage naming what grew most.
import { SIZE_BUDGET_PATTERN } from '../config/size.js';
import {
  type EnvDiff,
  type EnvSummary,
  type SizeChange,
  type SizeExplanation,
  sizeDrivers,
} from '../diff/schema.js';
import { DEFAULT_SIZE_KIND } from '../docker/size-kind.js';
import { InputError } from '../errors.js';
import { clip, packageName } from './escape.js';
import { fmtBytes, pct, signed } from './format.js';
import { kindOf, kindPhrase, kindShort, kindWords } from './size-kind.js';

/** What the budget reads of a report (structurally a PlatformReport). */
interface SizedPlatform {
  platform: string;
  head: EnvSummary;
  diff: EnvDiff | null;
}

type SizeBudget = { kind: 'absolute'; bytes: number } | { kind: 'growth'; ratio: number };

const UNITS: Record<string, number> = {
  B: 1,
  kB: 1e3,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
};

/** "8GB" -> 8e9 bytes, "+5%" -> growth 0.05; InputError naming the key and the value otherwise. */
export function parseSizeBudget(text: string): SizeBudget {
  const t = text.trim();
  if (!SIZE_BUDGET_PATTERN.test(t))
    throw new InputError(
      `size.budget: expected a size such as "8GB" or a growth such as "+5%", got "${text}"`,
    );
  if (t.endsWith('%')) return { kind: 'growth', ratio: Number(t.slice(1, -1)) / 100 };
  const m = /^([\d.]+)\s*(\w+)$/.exec(t)!;
  return { kind: 'absolute', bytes: Number(m[1]) * UNITS[m[2]!]! };
}

/** "nvidia-cudnn-cu12 9.5 → 9.7 +402.0 MB", "torch 2.6.0 (new) +1.20 GB", "RUN pip install … +3.1 GB". */
export function describeChange(c: SizeChange): string {
  const bytes = signed(c.delta, fmtBytes);
  if (c.kind === 'layer') return `layer ${clip(c.name, 80)} ${bytes}`;
  const name = clip(packageName(c.name), 60);
  if (c.from === null) return `${name} ${clip(c.to ?? '', 40)} (added) ${bytes}`;
  if (c.to === null) return `${name} ${clip(c.from, 40)} (removed) ${bytes}`;
  if (c.from === c.to) return `${name} ${clip(c.to, 40)} ${bytes}`;
  return `${name} ${clip(c.from, 40)} → ${clip(c.to, 40)} ${bytes}`;
}

/** "+610.0 MB: a 1 → 2 +402.0 MB, b (added) +150.0 MB, …"; null when nothing explains the change. */
export function sizeHeadline(e: SizeExplanation, n = 3): string | null {
  if (e.delta === 0) return null;
  const drivers = sizeDrivers(e);
  if (drivers.length === 0) return null;
  const more = drivers.length > n ? ', …' : '';
  return `${signed(e.delta, fmtBytes)}: ${drivers.slice(0, n).map(describeChange).join(', ')}${more}`;
}

/** What weighs most in an image (no baseline, or nothing grew): its biggest package or layer. */
function biggestPart(p: SizedPlatform): string | null {
  const top = p.head.top;
  if (!top) return null;
  const pkgs = [
    ...top.pip.map((x) => ({ ...x, eco: 'pip' })),
    ...top.apt.map((x) => ({ ...x, eco: 'apt' })),
  ].sort((a, b) => b.sizeBytes - a.sizeBytes);
  const pkg = pkgs[0];
  if (pkg)
    return `${pkg.eco} ${clip(packageName(pkg.name), 60)} ${clip(pkg.version, 40)} (${fmtBytes(pkg.sizeBytes)})`;
  const layer = top.layers[0];
  return layer ? `layer ${clip(layer.createdBy, 80)} (${fmtBytes(layer.sizeBytes)})` : null;
}

/** The top contributor a breach names: what grew most, else what weighs most. */
function topContributor(p: SizedPlatform): string {
  const e = p.diff?.sizeExplanation;
  const grew = e ? sizeDrivers(e).filter((c) => c.delta > 0)[0] : undefined;
  if (grew) return `top contributor: ${describeChange(grew)}`;
  const big = biggestPart(p);
  return big ? `top contributor: ${big}` : 'no package or layer sizes in the record to name a contributor';
}

interface BudgetBreach {
  platform: string;
  /** One line, plain text: what is over, by how much, and the top contributor. */
  text: string;
  /** The verdict's finding: the budget and the top contributor first. */
  short: string;
}

/** The platforms whose image breaks the size budget (config size.budget), with the reason. */
export function budgetBreaches(
  sizeBudget: string | undefined,
  platforms: readonly SizedPlatform[],
): BudgetBreach[] {
  const budget = readBudget(sizeBudget);
  if (!budget) return [];
  const out: BudgetBreach[] = [];
  for (const p of platforms) {
    const size = p.head.sizeBytes;
    const where = platforms.length > 1 ? ` on ${p.platform}` : '';
    const top = topContributor(p);
    const short = `size budget ${sizeBudget} exceeded${where}; ${top}`;
    // An absolute budget judges the size recorded, whatever its kind, which is named where it is
    // not the unpacked size users know from `docker image ls` on the classic store.
    const kind = kindOf(p.head);
    const figure = kind === DEFAULT_SIZE_KIND ? fmtBytes(size) : `${fmtBytes(size)} (${kindPhrase(kind)})`;
    if (budget.kind === 'absolute' && size > budget.bytes) {
      out.push({
        platform: p.platform,
        short,
        text: `image ${figure}${where} is over the size budget ${sizeBudget} (${fmtBytes(budget.bytes)}) by ${fmtBytes(size - budget.bytes)}; ${top}`,
      });
    } else if (budget.kind === 'growth' && p.diff && !p.diff.sizeKindChange && p.diff.size.base > 0) {
      const growth = p.diff.size.delta / p.diff.size.base;
      if (growth > budget.ratio)
        out.push({
          platform: p.platform,
          short,
          text: `image grew ${signed(p.diff.size.delta, fmtBytes)} (${pct(growth)})${where}, over the size budget ${sizeBudget}; ${top}`,
        });
    }
  }
  return out;
}

/**
 * Where an absolute budget judges a compressed size (the containerd store's) and is not breached,
 * one line saying so, plain text: the size is about a third of the unpacked size users know from
 * `docker image ls` on the classic store (a breach names the kind itself). Null otherwise.
 */
export function budgetKindNote(sizeBudget: string | undefined, p: SizedPlatform): string | null {
  const budget = readBudget(sizeBudget);
  if (budget?.kind !== 'absolute' || kindOf(p.head) === DEFAULT_SIZE_KIND) return null;
  if (p.head.sizeBytes > budget.bytes) return null;
  return (
    `size budget ${sizeBudget} judged on the ${kindWords(kindOf(p.head))} ` +
    `of ${fmtBytes(p.head.sizeBytes)}, which is smaller than the unpacked size docker image ls shows ` +
    `on the classic image store`
  );
}

/** The budget, or undefined: none, or unreadable (an artifact's model is untrusted: it judges nothing). */
function readBudget(sizeBudget: string | undefined): SizeBudget | undefined {
  if (!sizeBudget) return undefined;
  try {
    return parseSizeBudget(sizeBudget);
  } catch {
    return undefined;
  }
}

/**
 * The platforms where a growth budget is not judged because the two sizes are of different kinds
 * (the engine's image store changed): one line each, plain text, saying so.
 */
export function budgetSkips(
  sizeBudget: string | undefined,
  platforms: readonly SizedPlatform[],
): { platform: string; text: string; short: string }[] {
  if (readBudget(sizeBudget)?.kind !== 'growth') return [];
  return platforms.flatMap((p) => {
    const k = p.diff?.sizeKindChange;
    if (!k) return [];
    const where = platforms.length > 1 ? ` on ${p.platform}` : '';
    return [
      {
        platform: p.platform,
        text: `size budget ${sizeBudget} not judged${where}: the sizes are not comparable (${kindShort(k.from)} → ${kindShort(k.to)}: the engine's image store changed)`,
        short: `size budget ${sizeBudget} not judged${where}: sizes not comparable (image store changed)`,
      },
    ];
  });
}
