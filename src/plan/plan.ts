// plan: expand variants x platforms into build targets and choose, with a stated reason, the base
// image, torch wheel index and driver floor of each variant. Pure: catalog and context passed in.
import type { Config, Platform, Variant } from '../config/schema.js';
import { ConfigError } from '../errors.js';
import {
  type Catalog,
  compareVersions,
  cudaDriver,
  impossibleTorchCombination,
  family,
  familyOfImage,
  familyPlatforms,
  majorMinor,
  nearest,
  newestTorchFor,
  torchInfo,
  torchWheelIndex,
} from './catalog.js';
import { applyMirrors, parseImageRef } from './image-ref.js';
import { computeLabels, computeTags, type GitContext, versionFromRef } from './tags.js';

export const PLAN_SCHEMA_VERSION = 1;

export type Template = 'cpu' | 'cuda' | 'ngc';

/** Default runner labels per platform (the reusable workflow maps targets onto them). */
export const DEFAULT_RUNNERS: Record<Platform, string> = {
  'linux/amd64': 'ubuntu-latest',
  'linux/arm64': 'ubuntu-24.04-arm',
};

export interface BaseChoice {
  /** The reference the build uses (after mirrors). */
  ref: string;
  /** The reference before mirrors (what the catalog knows). */
  canonical: string;
  family?: string;
  /** Platforms the base image is known to have; undefined when not in the catalog. */
  platforms?: string[];
  reason: string;
}

export interface VariantPlan {
  name: string;
  kind: Variant['kind'];
  primary: boolean;
  python: string;
  /** Template from images/ or undefined when the user's own Dockerfile is used. */
  template?: Template;
  base: BaseChoice;
  /** indexUrl undefined: torch comes with the base image (NGC) and is not installed again. */
  torch?: { version: string; indexUrl?: string };
  cuda?: { version: string; toolkitDriverMin: string; minorCompatDriverMin: string };
  tags: string[];
  labels: Record<string, string>;
  platforms: Platform[];
  /** Build args every Dockerfile may read (README "Build arguments"). */
  buildArgs: Record<string, string>;
}

export interface BuildTarget {
  id: string;
  variant: string;
  platform: Platform;
  arch: string;
  runner: string;
}

export interface Plan {
  schemaVersion: typeof PLAN_SCHEMA_VERSION;
  repository: string;
  version?: string;
  variants: VariantPlan[];
  targets: BuildTarget[];
  warnings: string[];
  /** GitHub Actions matrix: strategy.matrix: ${{ fromJSON(needs.plan.outputs.matrix) }} */
  matrix: { include: { variant: string; platform: Platform; arch: string; runner: string }[] };
}

export interface PlanContext {
  catalog: Catalog;
  git: GitContext;
  now: Date;
}

const arch = (p: Platform) => p.split('/')[1]!;

class Collector {
  warnings: string[] = [];
  errors: string[] = [];
}

function chooseBase(
  v: Variant,
  index: number,
  config: Config,
  ctx: PlanContext,
  out: Collector,
): Omit<VariantPlan, 'tags' | 'labels' | 'primary' | 'buildArgs' | 'platforms'> {
  const { catalog } = ctx;
  const where = `variants[${index}] (${v.name})`;
  // An explicit template wins; then the user's Dockerfile (no template); then the kind's default.
  const template = (v.template ?? config.build.template) as Template | undefined;
  const ownDockerfile = template === undefined && config.build.dockerfile !== undefined;
  const orDefault = (t: Template): Template | undefined => template ?? (ownDockerfile ? undefined : t);

  if (v.kind === 'custom') {
    const base = v.base!;
    const fam = familyOfImage(catalog, base);
    if (!fam) {
      out.warnings.push(
        `${where}: base image ${base} is not in the catalog; its platforms, CUDA and torch are not checked`,
      );
    }
    if (fam?.family === 'ngc-pytorch') {
      const tag = parseImageRef(base).tag ?? '';
      const rel = fam.releases.find((r) => r.tag === tag);
      if (!rel) {
        out.warnings.push(
          `${where}: ${base} is not a release the catalog knows; nearest: ${nearest(
            tag.replace('-py3', ''),
            fam.releases.map((r) => r.tag.replace('-py3', '')),
          )
            .map((t) => `${t}-py3`)
            .join(', ')}`,
        );
      }
      return {
        name: v.name,
        kind: v.kind,
        python: rel?.python ?? v.python ?? '3.12',
        ...(orDefault('ngc') !== undefined && { template: orDefault('ngc') }),
        ...(rel && { torch: { version: rel.torch } }),
        ...((rel?.cuda ?? v.cuda) !== undefined && {
          cuda: cudaFloor(catalog, rel?.cuda ?? v.cuda!, where, out),
        }),
        base: {
          ref: base,
          canonical: base,
          family: fam.family,
          platforms: fam.platforms,
          reason: rel
            ? `NGC PyTorch ${rel.tag}: torch ${rel.torch}, CUDA ${rel.cuda}, Python ${rel.python}${rel.numpy ? `, NumPy ${rel.numpy}` : ''}; ${fam.platforms.join(' + ')}`
            : `NGC PyTorch image (${fam.platforms.join(' + ')})`,
        },
      };
    }
    return {
      name: v.name,
      kind: v.kind,
      python: v.python ?? '3.12',
      ...(orDefault('cpu') !== undefined && { template: orDefault('cpu') }),
      ...(v.cuda !== undefined && { cuda: cudaFloor(catalog, v.cuda, where, out) }),
      base: {
        ref: base,
        canonical: base,
        ...(fam
          ? {
              family: fam.family,
              platforms: familyPlatforms(fam),
              reason: `custom base image (catalog family ${fam.family}: ${familyPlatforms(fam).join(' + ')} only)`,
            }
          : { reason: 'custom base image from the config (not in the catalog)' }),
      },
    };
  }

  if (v.kind === 'cpu') {
    const py = family(catalog, 'python-slim');
    const python = v.python ?? '3.12';
    if (!py.pythonVersions.includes(python)) {
      out.errors.push(
        `${where}: no python:${python}-slim image in the catalog; valid: ${nearest(python, py.pythonVersions).join(', ')}`,
      );
    }
    if (v.torch !== undefined) {
      const impossible = impossibleTorchCombination(catalog, { torch: v.torch, python }, config.platforms);
      if (impossible !== undefined) out.errors.push(`${where}: ${impossible}`);
    }
    const ref = `${py.repository}:${py.tagPattern.replace('{python}', python)}`;
    return {
      name: v.name,
      kind: v.kind,
      python,
      ...(orDefault('cpu') !== undefined && { template: orDefault('cpu') }),
      ...(v.torch !== undefined && {
        torch: { version: v.torch, indexUrl: torchWheelIndex(catalog, 'cpu', config.python.torchIndexUrl) },
      }),
      base: {
        ref,
        canonical: ref,
        family: py.family,
        platforms: py.platforms,
        reason: `official Python ${python} slim image, ${py.platforms.join(' + ')}`,
      },
    };
  }

  // CUDA variant: nvidia/cuda runtime (+cuDNN) and torch from the matching wheel index.
  const cudaFam = family(catalog, 'nvidia-cuda');
  const cuda = v.cuda!;
  const floor = cudaFloor(catalog, cuda, where, out);
  const driver = cudaDriver(catalog, cuda);
  // Releases of this CUDA minor, one per (image patch, Ubuntu); prefer the requested Python's
  // Ubuntu, then cuDNN images, then the newer Ubuntu.
  const options = cudaFam.releases
    .filter((r) => majorMinor(r.cudaPatch) === majorMinor(cuda))
    .flatMap((r) => r.ubuntu.map((u) => ({ r, u })));
  const rank = (o: { r: { cudnn: boolean }; u: string }) =>
    (cudaFam.ubuntuPython[o.u] === v.python ? 100 : 0) + (o.r.cudnn ? 10 : 0) + Number.parseFloat(o.u) / 100;
  const best = [...options].sort((a, b) => rank(b) - rank(a))[0];
  const release = best?.r;
  if (!release) {
    out.errors.push(
      `${where}: no nvidia/cuda ${cuda} image in the catalog; valid CUDA versions: ${nearest(
        cuda,
        cudaFam.releases.map((r) => majorMinor(r.cudaPatch)),
      ).join(', ')}`,
    );
  }
  const wantedPython = v.python;
  const ubuntu = best?.u ?? '24.04';
  const python = cudaFam.ubuntuPython[ubuntu] ?? '3.12';
  if (wantedPython !== undefined && wantedPython !== python) {
    out.warnings.push(
      `${where}: nvidia/cuda images ship the Ubuntu Python (${Object.entries(cudaFam.ubuntuPython)
        .map(([u, p]) => `${p} on ${u}`)
        .join(', ')}); python ${wantedPython} was asked, the image gets ${python}`,
    );
  }
  const flavor = release?.cudnn ? 'cudnn-runtime' : 'runtime';
  const ref = `${cudaFam.repository}:${cudaFam.tagPattern
    .replace('{cudaPatch}', release?.cudaPatch ?? driver?.latestPatch ?? cuda)
    .replace('{flavor}', flavor)
    .replace('{ubuntu}', ubuntu)}`;

  let torch: VariantPlan['torch'];
  const torchVersion = v.torch ?? newestTorchFor(catalog, cuda, python)?.latestPatch;
  if (torchVersion === undefined) {
    out.warnings.push(
      `${where}: no torch release in the catalog has CUDA ${cuda} wheels; torch is not installed`,
    );
  } else {
    const info = torchInfo(catalog, torchVersion);
    if (!info) {
      const newest = [...catalog.torch].sort((a, b) => compareVersions(b.torch, a.torch))[0]!;
      out.warnings.push(
        `${where}: torch ${torchVersion} is not in the catalog (newest known: ${newest.torch}); its CUDA ${cuda} wheels are not checked`,
      );
    } else {
      // The catalog KNOWS this torch: a combination it knows cannot work is an error (exit 2).
      const impossible = impossibleTorchCombination(
        catalog,
        { torch: info.torch, cuda, python },
        config.platforms,
      );
      if (impossible !== undefined) out.errors.push(`${where}: ${impossible}`);
    }
    // "2.7" means the newest 2.7.x the catalog knows; an exact "2.7.0" is kept as given.
    const exact = info && torchVersion === info.torch ? info.latestPatch : torchVersion;
    torch = { version: exact, indexUrl: torchWheelIndex(catalog, cuda, config.python.torchIndexUrl) };
  }
  return {
    name: v.name,
    kind: v.kind,
    python,
    ...(orDefault('cuda') !== undefined && { template: orDefault('cuda') }),
    ...(torch && { torch }),
    ...(floor && { cuda: floor }),
    base: {
      ref,
      canonical: ref,
      family: cudaFam.family,
      platforms: release?.platforms ?? cudaFam.releases[0]!.platforms,
      reason: `NVIDIA CUDA ${release?.cudaPatch ?? cuda} ${flavor} on Ubuntu ${ubuntu} (Python ${python}), ${(release?.platforms ?? []).join(' + ')}`,
    },
  };
}

function cudaFloor(
  catalog: Catalog,
  cuda: string,
  where: string,
  out: Collector,
): VariantPlan['cuda'] | undefined {
  const d = cudaDriver(catalog, cuda);
  if (!d) {
    out.errors.push(
      `${where}: CUDA ${cuda} is not in the catalog; valid: ${nearest(
        cuda,
        catalog.cudaDrivers.map((x) => x.cuda),
      ).join(', ')}`,
    );
    return undefined;
  }
  return {
    version: d.cuda,
    toolkitDriverMin: d.toolkitDriverMin,
    minorCompatDriverMin: d.minorCompatDriverMin,
  };
}

export function planBuild(config: Config, ctx: PlanContext): Plan {
  const out = new Collector();
  const repository = `${config.image.registry}/${config.image.name}`;
  const version = config.image.version ?? versionFromRef(ctx.git.ref);
  const variants: VariantPlan[] = config.variants.map((v, i) => {
    const chosen = chooseBase(v, i, config, ctx, out);
    for (const p of config.platforms) {
      if (chosen.base.platforms && !chosen.base.platforms.includes(p)) {
        out.errors.push(
          `variants[${i}] (${v.name}): ${chosen.base.canonical} has no ${p} image (${chosen.base.family ?? 'it'} is ${chosen.base.platforms.join(' + ')} only); use nvcr.io/nvidia/pytorch or the cuda template for ${p}, or drop ${p} from platforms`,
        );
      }
    }
    const mirrored = applyMirrors(chosen.base.ref, config.build.mirrors);
    const base: BaseChoice = {
      ...chosen.base,
      ref: mirrored,
      ...(mirrored !== chosen.base.ref && { reason: `${chosen.base.reason} (via mirror ${mirrored})` }),
    };
    const buildArgs: Record<string, string> = {
      BASE_IMAGE: base.ref,
      PYTHON_VERSION: chosen.python,
      ML_IMAGE_VARIANT: v.name,
      ...(chosen.torch?.indexUrl !== undefined && {
        TORCH_VERSION: chosen.torch.version,
        TORCH_INDEX_URL: chosen.torch.indexUrl,
      }),
      ...(chosen.cuda && { ML_IMAGE_CUDA: chosen.cuda.version }),
    };
    return {
      ...chosen,
      base,
      primary: i === 0,
      platforms: [...config.platforms],
      buildArgs,
      tags: computeTags({
        repository,
        variant: v.name,
        primary: i === 0,
        ...(version !== undefined && { version }),
        git: ctx.git,
      }),
      labels: computeLabels({
        title: config.image.name,
        variant: v.name,
        python: chosen.python,
        ...(chosen.cuda && { cuda: chosen.cuda.version }),
        ...(chosen.torch && { torch: chosen.torch.version }),
        baseImage: chosen.base.canonical,
        ...(version !== undefined && { version }),
        git: ctx.git,
        created: ctx.now,
      }),
    };
  });
  if (out.errors.length > 0) throw new ConfigError('plan', out.errors);
  const targets: BuildTarget[] = variants.flatMap((v) =>
    v.platforms.map((p) => ({
      id: `${v.name}-${arch(p)}`,
      variant: v.name,
      platform: p,
      arch: arch(p),
      runner: DEFAULT_RUNNERS[p],
    })),
  );
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    repository,
    ...(version !== undefined && { version }),
    variants,
    targets,
    warnings: out.warnings,
    matrix: {
      include: targets.map((t) => ({
        variant: t.variant,
        platform: t.platform,
        arch: t.arch,
        runner: t.runner,
      })),
    },
  };
}
