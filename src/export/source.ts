// Where an export's image comes from when it is not given: the build.json (and plan.json) that
// `ml-image build --out DIR` writes, read through the results contract (src/results/: each file
// parsed with its schema there). Pure: the caller reads the files.
import { type BuildResult, pickVariant, pinnedImage } from '../build/result.js';
import { InputError } from '../errors.js';

interface BuiltImage {
  /** REPOSITORY@sha256:... */
  image: string;
  variant: string;
  /** The platforms the variant was built for (an image of one runs on that architecture only). */
  platforms: string[];
}

/** The image of one variant of a build.json, by digest; `file` names the file in errors. */
export function imageFromBuild(build: BuildResult, file: string, variant?: string): BuiltImage {
  const v = pickVariant(build, file, variant, (n, names) => `${file} has ${n} variants (${names})`);
  // The merged multi-arch digest, else the one platform's pushed digest (each node pulls its arch).
  const pinned = pinnedImage(v);
  if (pinned === undefined)
    throw new InputError(
      `pin by digest: variant ${v.variant} in ${file} has no pushed digest (from build.json: built without push or merge)`,
      'build with push and merge enabled so the cluster can pull the image by digest, or pass --image REF@sha256:...',
    );
  return { image: pinned.image, variant: v.variant, platforms: pinned.platforms };
}
