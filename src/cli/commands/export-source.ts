// Where `ml-image export` takes its image from: --image REF@sha256:..., or the variant's digest in
// --from DIR/build.json (with DIR/plan.json's driver floor and Python), and whether DIR holds the
// environment record the report needs.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { archOf } from '../../config/platform.js';
import { checkDriverFloor, pinnedImage } from '../../export/common.js';
import { imageFromBuild } from '../../export/source.js';
import { variantFromPlan } from '../../plan/schema.js';
import { BUILD_FILE, noBuildFile, openResultDir, PLAN_FILE } from '../../results/results.js';
import type { CliIo } from '../io.js';

export interface ImageSource {
  /** REPOSITORY@sha256:...: the digest-only form (a tag given before the digest is dropped). */
  image: string;
  variant?: string;
  /** The platforms build.json says the variant was built for (--from only). */
  platforms?: string[];
  /** What DIR/plan.json says about the variant (--from only, when the file exists). */
  planned?: ReturnType<typeof variantFromPlan>;
  /** The variant's Python in DIR/plan.json ("3.12"). */
  python?: string;
  /**
   * DIR lacks the environment record of one of the variant's platforms (its smoke stage did not
   * run there: a directory of `ml-image build --out`), so the report of the platform a job runs on
   * may need `collect --capture`, which keeps a record that is there (--from only).
   */
  noEnvRecord?: boolean;
}

/** The architecture of an image built for one platform only (`arm64` of linux/arm64: build.json's
 * schema takes only the platforms a build builds). */
export const onlyArch = (source: ImageSource) =>
  source.platforms?.length === 1 ? archOf(source.platforms[0]!) : undefined;

/** The image by digest: --image, or the variant's digest in --from DIR/build.json (+ plan.json). */
export function imageSource(
  values: { from?: string | undefined; image?: string | undefined; variant?: string | undefined },
  io: CliIo,
): ImageSource {
  if (values.from === undefined) return { image: pinnedImage(values.image!).ref };
  const dir = path.resolve(io.cwd, values.from);
  const buildFile = path.join(dir, BUILD_FILE);
  if (!existsSync(buildFile))
    throw noBuildFile(
      dir,
      `export: --from ${values.from}`,
      'write it with "ml-image build --out DIR", or pass --image REF@sha256:...',
    );
  // The build's result directory, only read: build.json and plan.json through their schemas.
  const from = openResultDir(dir, `export: --from ${values.from}`, { create: false });
  const { image, variant, platforms } = imageFromBuild(
    from.readBuild({ what: 'build result (--from)', fix: 'pass the --out directory of "ml-image build"' }),
    buildFile,
    values.variant,
  );
  const plan = from.readPlan({ what: 'plan (--from)' });
  const planned = plan && variantFromPlan(plan, variant);
  // A floor the gpu suite cannot take is bad input in the file it came from, named with its field.
  checkDriverFloor(
    planned?.driverFloor,
    `${values.from}/${PLAN_FILE}: ${planned?.driverFloorField}`,
    'the NVIDIA driver version the CUDA release needs, as "ml-image plan" writes it',
  );
  const python = plan?.variants.find((v) => v.name === variant)?.python;
  return {
    image: pinnedImage(image, `${values.from}/${BUILD_FILE}`).ref,
    variant,
    platforms,
    ...(planned !== undefined && { planned }),
    ...(python !== undefined && { python }),
    noEnvRecord: !platforms.every((p) => from.hasEnv(variant, p)),
  };
}
