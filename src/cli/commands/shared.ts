// Flags several commands share: config overrides, the same ones the action takes as inputs.
import type { Override } from '../../config/load.js';

export const configOverrideFlags = `  --platforms LIST   override "platforms" (comma-separated), as the action input does
  --variants LIST    override "variants" (comma-separated: cpu, cuda12.8, ...)`;

export function overridesFromFlags(values: {
  platforms?: string | undefined;
  variants?: string | undefined;
}): Override[] {
  const list = (s: string) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  const overrides: Override[] = [];
  if (values.platforms !== undefined)
    overrides.push({ path: ['platforms'], value: list(values.platforms), source: 'flag --platforms' });
  if (values.variants !== undefined)
    overrides.push({ path: ['variants'], value: list(values.variants), source: 'flag --variants' });
  return overrides;
}
