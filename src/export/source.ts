// Where an export's image comes from when it is not given: the build.json (and plan.json) that
// `ml-image build --out DIR` writes. Pure: the caller reads the files.
import { z } from 'zod';
import { BuildResultSchema } from '../build/result.js';
import { formatIssues } from '../config/issues.js';
import { InputError } from '../errors.js';

export interface BuiltImage {
  /** REPOSITORY@sha256:... */
  image: string;
  variant: string;
}

/** The image of one variant of a build.json, by digest; `file` names the file in errors. */
export function imageFromBuild(data: unknown, file: string, variant?: string): BuiltImage {
  const parsed = BuildResultSchema.safeParse(data);
  if (!parsed.success)
    throw new InputError(
      `${file}: not a build result: ${formatIssues(parsed.error, data, BuildResultSchema).slice(0, 3).join('; ')}`,
      'pass the --out directory of "ml-image build"',
    );
  const variants = parsed.data.variants;
  const names = variants.map((v) => v.variant).join(', ') || '(none)';
  let v = variants[0];
  if (variant !== undefined) {
    v = variants.find((x) => x.variant === variant);
    if (!v) throw new InputError(`--variant: no variant "${variant}" in ${file}; it has ${names}`);
  } else if (variants.length !== 1) {
    throw new InputError(`${file} has ${variants.length} variants (${names}): pick one with --variant`);
  }
  if (!v) throw new InputError(`${file}: no variants`);
  // The merged multi-arch digest, else the one platform's pushed digest (each node pulls its arch).
  const pushed = v.platforms.filter((p) => p.localRef === undefined);
  const digest =
    v.digest ?? (v.platforms.length === 1 && pushed.length === 1 ? pushed[0]!.digest : undefined);
  if (digest === undefined)
    throw new InputError(
      `pin by digest: variant ${v.variant} in ${file} has no pushed digest (from build.json: built without push or merge)`,
      'build with push and merge enabled so the cluster can pull the image by digest, or pass --image REF@sha256:...',
    );
  return { image: `${v.repository}@${digest}`, variant: v.variant };
}

const PlanVariants = z.object({
  variants: z.array(
    z.object({
      name: z.string(),
      cuda: z.object({ minorCompatDriverMin: z.string() }).optional(),
    }),
  ),
});

/** What plan.json says about a variant: its NVIDIA driver floor, and whether it is a CUDA variant. */
export function variantFromPlan(
  data: unknown,
  variant: string,
): { driverFloor?: string; cuda: boolean } | undefined {
  const parsed = PlanVariants.safeParse(data);
  if (!parsed.success) return undefined;
  const v = parsed.data.variants.find((x) => x.name === variant);
  if (!v) return undefined;
  return { cuda: v.cuda !== undefined, ...(v.cuda && { driverFloor: v.cuda.minorCompatDriverMin }) };
}
