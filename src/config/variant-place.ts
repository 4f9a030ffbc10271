// Where a variant a variants override selected (--variants, the action's variants input) is in the
// config file: `--variants old` on a file listing [cpu, cuda12.8, {name: old, ...}] plans the file's
// third entry, and a problem with it names variants[2] and its line, not the override list's
// variants[0] with no line.
import type { Path } from './issues.js';
import { variantEntryName } from './schema.js';

/**
 * For each variant of the config (the override's list, in order), the index of the file's entry it
 * is (selected by name, as applyOverrides selects it: the last entry of that name), or undefined
 * for one the override made (shorthand the file does not list). Undefined without such an override.
 */
export function fileVariantIndex(
  data: unknown,
  overrides: readonly { path: readonly (string | number)[]; value: unknown }[],
): (number | undefined)[] | undefined {
  const o = overrides.findLast((ov) => ov.path.length === 1 && ov.path[0] === 'variants');
  if (o === undefined || !Array.isArray(o.value)) return undefined;
  const listed =
    data !== null && typeof data === 'object' && !Array.isArray(data)
      ? (data as Record<string, unknown>).variants
      : undefined;
  const names = Array.isArray(listed) ? listed.map((entry: unknown) => variantEntryName(entry)) : [];
  return o.value.map((name: unknown) => {
    const j = typeof name === 'string' ? names.lastIndexOf(name) : -1;
    return j >= 0 ? j : undefined;
  });
}

/** PATH (the config's) as the file's: a selected variant's ['variants', i, ...] as ['variants', j, ...]. */
export function pathInFile(p: Path, index: readonly (number | undefined)[] | undefined): Path | undefined {
  if (index === undefined || p[0] !== 'variants' || typeof p[1] !== 'number') return p;
  const j = index[p[1]];
  return j === undefined ? undefined : ['variants', j, ...p.slice(2)];
}

/**
 * PROBLEM (the plan's) with each `variants[i] (NAME)` and `(variants[i] NAME)` whose NAME the file
 * lists (FILE_VARIANTS) said by its index there. IN_FILE: whether the config's variants[i] is an
 * entry of the file (LoadedConfig.lineOf knows its line); one that is not (a file that lists no
 * variants: FILE_VARIANTS is then the default's) keeps the override list's index.
 */
export function variantsAsInFile(
  problem: string,
  fileVariants: readonly string[] | undefined,
  inFile: (i: number) => boolean = () => true,
): string {
  if (fileVariants === undefined) return problem;
  const place = (i: string, name: string) => {
    const j = fileVariants.lastIndexOf(name);
    return j >= 0 && inFile(Number(i)) ? String(j) : i;
  };
  return problem
    .replace(
      /\bvariants\[(\d+)\] \(([^()\s]+)\)/g,
      (_m, i: string, n: string) => `variants[${place(i, n)}] (${n})`,
    )
    .replace(
      /\(variants\[(\d+)\] ([^()\s]+)\)/g,
      (_m, i: string, n: string) => `(variants[${place(i, n)}] ${n})`,
    );
}
