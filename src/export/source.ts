// Where an export's image comes from when it is not given: the build.json (and plan.json) that
// `ml-image build --out DIR` writes, read through the results contract (src/results/: each file
// parsed with its schema there). Pure: the caller reads the files.
import { type BuildResult, isPushed } from '../build/result.js';
import { InputError } from '../errors.js';

export interface BuiltImage {
  /** REPOSITORY@sha256:... */
  image: string;
  variant: string;
  /** The platforms the variant was built for (an image of one runs on that architecture only). */
  platforms: string[];
}

/** The image of one variant of a build.json, by digest; `file` names the file in errors. */
export function imageFromBuild(build: BuildResult, file: string, variant?: string): BuiltImage {
  const variants = build.variants;
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
  const pushed = v.platforms.filter(isPushed);
  const digest =
    v.digest ?? (v.platforms.length === 1 && pushed.length === 1 ? pushed[0]!.digest : undefined);
  if (digest === undefined)
    throw new InputError(
      `pin by digest: variant ${v.variant} in ${file} has no pushed digest (from build.json: built without push or merge)`,
      'build with push and merge enabled so the cluster can pull the image by digest, or pass --image REF@sha256:...',
    );
  return {
    image: `${v.repository}@${digest}`,
    variant: v.variant,
    platforms: v.platforms.map((p) => p.platform),
  };
}
