// Which of a variant's values came from a top-level field (torch, python.version) and not from the
// variant itself: a plan problem that such a value causes names that field (and its line), not the
// variant. Kept beside the normalized variants, not in them: the config is an output (config.json,
// the action's `config`) whose shape stays as it is.

/** The part of a normalized variant (schema.ts's Variant, not imported: schema.ts imports this). */
interface VariantValues {
  torch?: string;
  python?: string;
}

/** A variant value a top-level field gives every variant that does not set its own. */
type InheritedField = 'torch' | 'python';

/** The top-level field each such value comes from, as messages name it. */
const TOP_LEVEL_FIELD: Readonly<Record<InheritedField, string>> = {
  torch: 'torch',
  python: 'python.version',
};

const inherited = new WeakMap<VariantValues, ReadonlySet<InheritedField>>();

/**
 * VARIANT (normalized) with the values it took from the top level recorded: OWN says which fields
 * the variant's own entry set. Returns VARIANT.
 */
export function recordInherited<V extends VariantValues>(
  variant: V,
  own: Readonly<Record<InheritedField, boolean>>,
): V {
  const fields = (['torch', 'python'] as const).filter((f) => !own[f] && variant[f] !== undefined);
  if (fields.length > 0) inherited.set(variant, new Set(fields));
  return variant;
}

/**
 * The top-level field ("torch", "python.version") V's FIELD came from; undefined when the variant
 * sets it itself, when it is unset, or for a variant normalizeConfig did not make.
 */
export function inheritedFrom(v: VariantValues, field: InheritedField): string | undefined {
  return inherited.get(v)?.has(field) ? TOP_LEVEL_FIELD[field] : undefined;
}
