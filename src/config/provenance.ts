// BuildKit's provenance attestation, as the config (build.provenance) and the action's `provenance`
// input (docker/build-push-action's forms) set it: its mode, and the SLSA provenance version BuildKit
// writes (`version=v0.2|v1`, BuildKit >= 0.23; see src/build/provenance-args.ts).
import { z } from 'zod';
import { InputError } from '../errors.js';

export const PROVENANCE_MODES = ['false', 'min', 'max'] as const;
export type ProvenanceMode = (typeof PROVENANCE_MODES)[number];
/** BuildKit's `version` attribute: the SLSA provenance schema it writes (v0.2 its default before 0.28). */
export const PROVENANCE_VERSIONS = ['v0.2', 'v1'] as const;
export type ProvenanceVersion = (typeof PROVENANCE_VERSIONS)[number];

const SHORTHAND = 'false, true (min), "min" or "max"';
const EXAMPLE = '{ mode: "max", version: "v1" }';

// YAML reads an unquoted false / true as booleans: false is off, true buildx's default (min), as the
// action's `provenance` input takes them.
const modeOf = (v: unknown) => (v === false ? 'false' : v === true ? 'min' : v);

/**
 * build.provenance: a mode (the shorthand every earlier config wrote: `max`) or a mapping with the
 * SLSA version, `{mode: max, version: v1}`, made a mapping before the object schema runs, as a
 * variant's shorthand is: a field of its own, checked and reported by name like every other key,
 * rather than buildx's CSV attributes inside one string (those are the action input's form).
 */
export const ProvenanceSchema = z.preprocess(
  (value, ctx) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
    const mode = modeOf(value);
    if (typeof mode === 'string' && (PROVENANCE_MODES as readonly string[]).includes(mode)) return { mode };
    const attrs = typeof mode === 'string' && /(^|,)\s*(mode|version)=/.test(mode);
    ctx.issues.push({
      code: 'custom',
      input: value,
      message: attrs
        ? `expected ${SHORTHAND} or a mapping like ${EXAMPLE} (buildx's attributes are the provenance input's form; here write them as a mapping)`
        : `expected ${SHORTHAND} or a mapping like ${EXAMPLE}`,
    });
    return z.NEVER;
  },
  z.strictObject({
    mode: z
      .preprocess(modeOf, z.enum(PROVENANCE_MODES))
      .default('min')
      .describe("`false` (off), `min` or `max` (`true` is `min`, buildx's default)."),
    version: z
      .enum(PROVENANCE_VERSIONS)
      .optional()
      .describe(
        "The SLSA provenance schema BuildKit writes (its `version` attribute, BuildKit >= 0.23): `v0.2` or `v1`. Unset: BuildKit's default (`v0.2`; `v1` from BuildKit 0.28). An older BuildKit writes only v0.2: `v1` is then left out with a warning.",
      ),
  }),
);

/** What the action's input turns into: the shorthand without a version, else the mapping. */
type ProvenanceInput = ProvenanceMode | { mode: 'min' | 'max'; version: ProvenanceVersion };

const ACCEPTED = `true, false, or attributes mode=min|max and version=${PROVENANCE_VERSIONS.join('|')}`;

/**
 * BPA's `provenance`: true (buildx's default, mode=min), false, or attributes `mode=min|max` and
 * `version=v0.2|v1` (`builder-id=` and `inline-only=` are accepted and left to buildx's defaults).
 * `disabled=true` turns it off wherever it stands among the attributes, as buildx reads them.
 */
export function parseProvenanceInput(input: string, raw: string): ProvenanceInput {
  const v = raw.trim().toLowerCase();
  if (['true', 'yes', '1', 'on'].includes(v)) return 'min';
  if (['false', 'no', '0', 'off', 'disabled=true'].includes(v)) return 'false';
  if (v === 'min' || v === 'max') return v;
  let mode: 'min' | 'max' = 'min';
  let version: ProvenanceVersion | undefined;
  let disabled = false;
  for (const attr of v.split(',').map((a) => a.trim())) {
    // An attribute without "=" is none (buildx refuses it): "builder-idx" was read as builder-id.
    const at = attr.indexOf('=');
    const [k, val] = at < 0 ? [undefined, undefined] : [attr.slice(0, at), attr.slice(at + 1)];
    if (k === 'mode' && (val === 'min' || val === 'max')) mode = val;
    else if (k === 'version' && (PROVENANCE_VERSIONS as readonly string[]).includes(val))
      version = val as ProvenanceVersion;
    else if (k === 'disabled' && ['true', 'false'].includes(val)) disabled = val === 'true';
    else if (k === undefined || (k !== 'builder-id' && k !== 'inline-only'))
      throw new InputError(
        `input "${input}": expected ${ACCEPTED}, got ${JSON.stringify(raw)}`,
        k === 'version'
          ? `write version=v1 (SLSA provenance v1) or version=v0.2, the versions BuildKit writes`
          : undefined,
      );
  }
  if (disabled) return 'false';
  return version === undefined ? mode : { mode, version };
}
