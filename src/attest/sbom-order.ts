// The SBOM's lists in code-unit order, not the locale's (the CycloneDX library's own sorting uses
// localeCompare): the same record gives the same bytes on any machine. Pure.
import type { Component } from '@cyclonedx/cyclonedx-library/Models';
import { compareText } from '../util/text.js';

/** Components by purl, else group, name and version; then bom-ref (unique): code-unit order. */
export function sortComponents(components: readonly Component[]): Component[] {
  const keyed = components.map((c) => ({
    c,
    key: [c.purl?.toString() ?? '', c.group ?? '', c.name, c.version ?? '', c.bomRef.toString()],
  }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const d = compareText(a.key[i]!, b.key[i]!);
      if (d !== 0) return d;
    }
    return 0;
  });
  return keyed.map((k) => k.c);
}

/** A component's properties (by name, then value) and dependencies (by bom-ref) in code-unit order. */
export function ordered(c: Component): void {
  const props = [...c.properties].sort(
    (a, b) => compareText(a.name, b.name) || compareText(a.value, b.value),
  );
  c.properties.clear();
  for (const p of props) c.properties.add(p);
  const deps = [...c.dependencies].sort((a, b) => compareText(a.toString(), b.toString()));
  c.dependencies.clear();
  for (const d of deps) c.dependencies.add(d);
}
