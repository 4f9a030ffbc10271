// Resolution: what the resolve stage found and decided (resolution.json, schemaVersion'd).
import { z } from 'zod';

/**
 * 2: constraints.sha256, the digest of the constraints the build gets (what provenance names when
 * attest runs in another job). A file of version 1 is read as one of 2 without it (results/read.ts).
 */
export const RESOLUTION_SCHEMA_VERSION = 2;
/** The version before: read through ResolutionV1Schema. */
export const RESOLUTION_V1_SCHEMA_VERSION = 1;

const Break = z.object({ dist: z.string(), version: z.string(), requirement: z.string() });
const Pull = Break.extend({ requested: z.boolean() });

export const ReplacementSchema = z.object({
  name: z.string(),
  from: z.string(),
  to: z.string(),
  /** Base packages whose requirements the new version breaks. */
  breaks: z.array(Break),
  /** Packages in the plan whose requirements exclude the base version (what pulls the change in). */
  pulledInBy: z.array(Pull),
  /**
   * true: pip does not uninstall the base's copy (outside its environment: Debian's python3-*
   * packages, a virtualenv's system site-packages); the new version goes in ahead of it on
   * sys.path and shadows it, the old files left in place.
   */
  shadows: z.boolean().optional(),
});

export const HazardSchema = z.object({
  id: z.string(),
  message: z.string(),
  fix: z.string(),
  source: z.string(),
});

/** The base packages held (pinned) and those left free (skipped, with why). */
const ConstraintsSchema = z.object({
  pinned: z.number(),
  skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
});

export const ResolutionSchema = z.object({
  schemaVersion: z.literal(RESOLUTION_SCHEMA_VERSION),
  image: z.string(),
  platform: z.string(),
  mode: z.enum(['auto', 'check']),
  /** clean: nothing in the base would change; fixed: a plan that holds the base was found; conflict: none fits. */
  status: z.enum(['clean', 'fixed', 'conflict']),
  python: z.string(),
  naive: z.object({
    install: z.array(z.object({ name: z.string(), version: z.string() })),
    replaces: z.array(ReplacementSchema),
  }),
  resolved: z
    .object({
      install: z.array(z.object({ name: z.string(), version: z.string() })),
      moved: z.array(
        z.object({ name: z.string(), naive: z.string(), resolved: z.string(), reason: z.string() }),
      ),
      relaxed: z.array(z.object({ name: z.string(), from: z.string(), to: z.string() })),
    })
    .optional(),
  conflict: z
    .object({ causes: z.array(z.string()), chain: z.array(z.string()), options: z.array(z.string()) })
    .optional(),
  hazards: z.array(HazardSchema),
  constraints: ConstraintsSchema.extend({
    /**
     * sha256 (hex) of the constraints the build gets (ResolveOutput.constraints): the provenance's
     * "constraints (resolver)" dependency, read from here when attest runs in another job. Set by
     * resolveAgainstBase; absent only in a file of schemaVersion 1.
     */
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  }),
  durationMs: z.number(),
});

/**
 * A resolution of schemaVersion 1 (an earlier release's result directory, an artifact of an older
 * job): the same fields, without constraints.sha256. Read as one of this version (results/read.ts).
 */
export const ResolutionV1Schema = ResolutionSchema.extend({
  schemaVersion: z.literal(RESOLUTION_V1_SCHEMA_VERSION),
  constraints: ConstraintsSchema,
});

export type Replacement = z.infer<typeof ReplacementSchema>;

/** What a plan does to a base package: replace it, or shadow one pip does not uninstall. Pure. */
export const replaceVerb = (r: Pick<Replacement, 'shadows'>): 'replace' | 'shadow' =>
  r.shadows ? 'shadow' : 'replace';

/** Said after a shadowed package: why it is shadowed, not replaced. */
export const SHADOW_NOTE =
  "pip does not uninstall a package outside its environment: it installs the new version ahead of the base image's copy on sys.path";

/** Hazard id of a base package the held plan still replaces: no pin could hold it (steps/hold.ts). */
export const UNHELD_REPLACEMENT = 'unheld-replacement';
export type Hazard = z.infer<typeof HazardSchema>;
export type Resolution = z.infer<typeof ResolutionSchema>;

/** What resolving one image and platform hands on: the build's constraints and requirements. */
export const ResolveOutputSchema = z.object({
  resolution: ResolutionSchema,
  /** Constraints for the build: base pins + the resolved versions (auto mode). */
  constraints: z.string(),
  /** Requirements for the build (relaxed where the resolver had to). */
  requirements: z.string(),
  explanation: z.string(),
});
export type ResolveOutput = z.infer<typeof ResolveOutputSchema>;

/** The same findings as plain text lines (no Markdown): the report renderer escapes and formats them. */
export function explanationLines(r: Resolution): string[] {
  const head: Record<Resolution['status'], string> = {
    clean: 'no conflict with the base image',
    fixed: 'conflict fixed with the base image held',
    conflict: 'conflict: the requirements cannot be installed without breaking the base image',
  };
  // A base package no pin could hold, or one let go (steps/release.ts), is still replaced: not "held" then.
  const unheld = r.status === 'fixed' && r.hazards.some((h) => h.id === UNHELD_REPLACEMENT);
  const lines = [
    `${r.platform}: ${unheld ? 'conflict fixed with the base image held, but for base packages the plan still replaces' : head[r.status]} (${r.constraints.pinned} base packages held)`,
  ];
  for (const rep of r.naive.replaces)
    lines.push(
      `a plain pip install would ${replaceVerb(rep)} ${rep.name} ${rep.from} with ${rep.to}${rep.pulledInBy.length ? ` (needed by ${rep.pulledInBy.map((p) => `${p.dist} ${p.version}: ${p.requirement}`).join(', ')})` : ''}${rep.breaks.length ? `, breaking ${rep.breaks.map((b) => `${b.dist} ${b.version} (${b.requirement})`).join(', ')}` : ''}${rep.shadows ? `; ${SHADOW_NOTE}` : ''}`,
    );
  for (const m of r.resolved?.moved ?? [])
    lines.push(`resolved: ${m.name} ${m.naive} -> ${m.resolved}: ${m.reason}`);
  for (const c of r.resolved?.relaxed ?? []) lines.push(`relaxed: ${c.from} -> ${c.to}`);
  for (const c of r.conflict?.chain ?? []) lines.push(`why: ${c}`);
  for (const o of r.conflict?.options ?? []) lines.push(`option: ${o}`);
  for (const h of r.hazards) lines.push(`hazard: ${h.message}. Fix: ${h.fix}`);
  return lines;
}
