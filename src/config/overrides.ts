// Values from outside ml-image.yml (action inputs, CLI flags) that replace the file's: applied to
// the parsed data before validation, and the input each value came from, for messages.
import { formatPath, type Path } from './issues.js';
import { variantEntryName } from './schema.js';

/** A value from outside the file (an action input, a CLI flag) replacing the file's value at `path`. */
export interface Override {
  path: readonly (string | number)[];
  value: unknown;
  /** Named in errors, e.g. 'input "platforms"'. */
  source: string;
}

/**
 * TARGET with VALUE at path P, each step an own property: a step named `__proto__` (or
 * `constructor`) is a key like any other, never the object's prototype, so that no path can set a
 * field of every object in the process (Object.prototype).
 */
function setAt(target: Record<string, unknown>, p: readonly (string | number)[], value: unknown): void {
  let cur: Record<string | number, unknown> = target;
  const own = (v: unknown) => ({ value: v, writable: true, enumerable: true, configurable: true });
  p.forEach((seg, i) => {
    if (i === p.length - 1) {
      Object.defineProperty(cur, seg, own(value));
      return;
    }
    const next = Object.hasOwn(cur, seg) ? cur[seg] : undefined;
    if (next === null || typeof next !== 'object') Object.defineProperty(cur, seg, own({}));
    cur = cur[seg] as Record<string | number, unknown>;
  });
}

export function applyOverrides(data: unknown, overrides: readonly Override[]): unknown {
  if (overrides.length === 0) return data;
  const base: Record<string, unknown> =
    data !== null && typeof data === 'object' && !Array.isArray(data)
      ? (structuredClone(data as object) as Record<string, unknown>)
      : {};
  for (const o of overrides) setAt(base, o.path, selectVariants(base, o));
  return base;
}

/**
 * A variants override (the --variants flag, the variants input) names variants: a name the file's
 * list has selects that entry as written (a named base, a pinned torch), any other is shorthand
 * (cpu, cudaX.Y). Other overrides' values as given.
 */
function selectVariants(base: Record<string, unknown>, o: Override): unknown {
  if (o.path.length !== 1 || o.path[0] !== 'variants' || !Array.isArray(o.value)) return o.value;
  const listed = Array.isArray(base.variants) ? (base.variants as unknown[]) : [];
  const byName = new Map(listed.map((entry) => [variantEntryName(entry), entry] as const));
  return o.value.map((name: unknown) => (typeof name === 'string' ? (byName.get(name) ?? name) : name));
}

/**
 * Where a field's value came from: the override (an action input, a CLI flag) that set it or one
 * of its parents, if any.
 */
export function overrideSourceOf(overrides: readonly Override[]): (p: Path) => string | undefined {
  return (p) => {
    const shown = formatPath(p);
    const o = overrides.find(
      (ov) =>
        shown === formatPath(ov.path) ||
        shown.startsWith(`${formatPath(ov.path)}[`) ||
        shown.startsWith(`${formatPath(ov.path)}.`),
    );
    return o?.source;
  };
}
