// The base image, torch and CUDA floor of one variant, chosen with a stated reason by a table of
// handlers keyed by the variant's base kind (cpu, cuda, ngc, custom). Pure: the catalog is passed in.
import type { Config, Variant } from '../config/schema.js';
import { inheritedFrom } from '../config/variant-origin.js';
import { majorMinor } from '../util/versions.js';
import {
  type Catalog,
  cudaDriver,
  family,
  familyOfImage,
  familyPlatforms,
  impossibleTorchCombination,
  nearest,
  newerCudaDriver,
  newestTorchFor,
  torchInfo,
  torchWheelIndex,
} from './catalog.js';
import { parseImageRef } from '../oci/ref.js';
import { cudaNotAsked, newerCudaWithoutWheels, taggedCuda } from './tagged-cuda.js';
import { catalogTorch, customPython, exactTorch, familyTorchProblem } from './torch-python.js';
import type { Template, VariantPlan } from './schema.js';

/** Warnings and errors gathered over all variants (errors end the plan with exit 2). */
export class Collector {
  warnings: string[] = [];
  errors: string[] = [];
}

/** What the base choice decides; planBuild adds tags, labels, platforms and build args. */
export type ChosenBase = Omit<VariantPlan, 'tags' | 'labels' | 'primary' | 'buildArgs' | 'platforms'>;

/** Which handler chooses the base: a custom base of the NGC PyTorch family gets its own. */
type BaseKind = 'cpu' | 'cuda' | 'ngc' | 'custom';

interface BaseInput {
  v: Variant;
  /** "variants[i] (name)", the prefix of every message. */
  where: string;
  /**
   * The prefix of a problem with the variant's FIELD: WHERE when the variant sets it itself, else
   * the top-level field it came from first ("torch (variants[1] cuda12.8)"), whose line it gets.
   */
  whereOf: (field: BaseField) => string;
  config: Config;
  catalog: Catalog;
  out: Collector;
  /** The template: an explicit one, else none with the user's Dockerfile, else the kind's default. */
  orDefault: (t: Template) => Template | undefined;
}

type BaseHandler = (input: BaseInput) => ChosenBase;

/** A variant value a top-level field may give it (torch, python.version, build.template). */
type BaseField = 'torch' | 'python' | 'template';

export function baseKind(v: Variant, catalog: Catalog): BaseKind {
  if (v.kind !== 'custom') return v.kind;
  return familyOfImage(catalog, v.base!)?.family === 'ngc-pytorch' ? 'ngc' : 'custom';
}

/** The driver floor of a CUDA version, else an error naming the nearest; NEWER (a custom base): a
 * minor newer than the catalog's of its major gets the floors of the newest, said. */
function cudaFloor(
  catalog: Catalog,
  cuda: string,
  where: string,
  out: Collector,
  newer = false,
): VariantPlan['cuda'] | undefined {
  const known = cudaDriver(catalog, cuda);
  const next = known ? undefined : newerCudaDriver(catalog, cuda);
  const d = known ?? (newer ? next : undefined);
  if (!d) {
    const valid = nearest(
      cuda,
      catalog.cudaDrivers.map((x) => x.cuda),
    ).join(', ');
    const hint = next
      ? ` (a newer CUDA: give the variant its image as base, e.g. base: nvidia/cuda:${next.cuda}.0-runtime-ubuntu24.04, and its cuda)`
      : '';
    out.errors.push(`${where}: CUDA ${cuda} is not in the catalog; valid: ${valid}${hint}`);
    return undefined;
  }
  if (next)
    out.warnings.push(
      `${where}: CUDA ${cuda} is newer than the catalog knows (newest: ${next.newest}): its driver floors are CUDA ${next.cuda.split('.')[0]}.x's minor-version compatibility, ${d.minorCompatDriverMin}, and a toolkit driver of at least CUDA ${next.newest}'s, ${d.toolkitDriverMin}`,
    );
  return {
    version: d.cuda,
    toolkitDriverMin: d.toolkitDriverMin,
    minorCompatDriverMin: d.minorCompatDriverMin,
  };
}

/** A custom base of the NGC PyTorch family: python, torch and CUDA come from the release. */
function ngcBase(input: BaseInput): ChosenBase {
  const { v, where, catalog, out, orDefault } = input;
  const base = v.base!;
  const fam = familyOfImage(catalog, base);
  if (fam?.family !== 'ngc-pytorch') return customBase(input);
  const tag = parseImageRef(base).tag ?? '';
  const rel = fam.releases.find((r) => r.tag === tag);
  if (!rel) {
    const known = fam.releases.map((r) => r.tag.replace('-py3', ''));
    out.warnings.push(
      `${where}: ${base} is not a release the catalog knows; nearest: ${nearest(
        tag.replace('-py3', ''),
        known,
      )
        .map((t) => `${t}-py3`)
        .join(', ')}`,
    );
  }
  const cuda = rel?.cuda ?? v.cuda;
  // The release decides its Python, CUDA and torch (NVIDIA's own torch build: a pip install over
  // it would replace it): what the config asks otherwise is said, not silently dropped.
  if (rel) {
    const asked = [
      v.python !== undefined && v.python !== rel.python && `python ${v.python} (it has ${rel.python})`,
      v.cuda !== undefined &&
        majorMinor(v.cuda) !== majorMinor(rel.cuda) &&
        `cuda ${v.cuda} (it has ${rel.cuda})`,
      v.torch !== undefined &&
        rel.torch !== v.torch &&
        !rel.torch.startsWith(`${v.torch}.`) &&
        `torch ${v.torch} (it has ${rel.torch})`,
    ].filter((x): x is string => typeof x === 'string');
    if (asked.length > 0)
      out.warnings.push(`${where}: ${base} decides ${asked.join(', ')}; the release's are used`);
  }
  return {
    name: v.name,
    kind: v.kind,
    python: rel?.python ?? v.python ?? '3.12',
    ...(orDefault('ngc') !== undefined && { template: orDefault('ngc') }),
    ...(rel && { torch: { version: rel.torch } }),
    ...(cuda !== undefined && { cuda: cudaFloor(catalog, cuda, where, out) }),
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

/** Any other base from the config: checked against its catalog family when it has one. */
function customBase({ v, where, whereOf, config, catalog, out, orDefault }: BaseInput): ChosenBase {
  const base = v.base!;
  const fam = familyOfImage(catalog, base);
  const impossible = familyTorchProblem(catalog, v, fam, config.platforms);
  if (impossible !== undefined) out.errors.push(`${whereOf('torch')}: ${impossible}`);
  if (!fam) {
    out.warnings.push(
      `${where}: base image ${base} is not in the catalog; its platforms, CUDA and torch are not checked`,
    );
  }
  const cudaImage = fam?.family === 'nvidia-cuda';
  const template = orDefault(cudaImage ? 'cuda' : 'cpu');
  // As for a CUDA variant: NVIDIA's CUDA images have no Python, which these templates expect.
  if (cudaImage && (template === 'cpu' || template === 'ngc'))
    out.errors.push(
      `${whereOf('template')}: template "${template}" cannot build on ${base}: NVIDIA's CUDA images have no Python, which that template expects of its base; use template "cuda" (the default for such a base)`,
    );
  const python = customPython(v, base, fam, whereOf('python'), out.warnings);
  // A pytorch/pytorch image is its torch (a CUDA build): pip would replace it, so it is kept, and a
  // torch asked otherwise is said. Elsewhere the template installs the torch asked for, from the
  // wheel index of the variant's CUDA.
  const pytorchImage = fam?.family === 'pytorch-pytorch' ? fam : undefined;
  const shipped = pytorchImage?.releases.find((r) => r.tag === (parseImageRef(base).tag ?? ''));
  if (pytorchImage && v.torch !== undefined && !(shipped?.torch ?? '').startsWith(v.torch))
    out.warnings.push(
      `${whereOf('torch')}: ${base} ships its own torch${shipped ? ` (${shipped.torch})` : ''}; torch ${v.torch} is not installed over it`,
    );
  // Its CUDA is its torch build's, as an NGC release's: the driver floor (and a GPU runner) follow it.
  const cuda =
    shipped?.cuda ?? taggedCuda(v.cuda, cudaImage ? base : undefined, catalog, where, out) ?? v.cuda;
  if (shipped && v.cuda !== undefined && majorMinor(v.cuda) !== majorMinor(shipped.cuda))
    out.warnings.push(
      `${where}: ${base} ships CUDA ${shipped.cuda}; cuda ${v.cuda} is not what it has, its own is used`,
    );
  const noWheels = pytorchImage ? undefined : newerCudaWithoutWheels(v, config.python.torchIndexUrl, catalog);
  if (noWheels !== undefined) out.errors.push(`${whereOf('torch')}: ${noWheels}`);
  const notAsked = cudaImage && v.cuda === undefined ? cudaNotAsked(base, v.torch, catalog) : undefined;
  if (notAsked !== undefined)
    out.warnings.push(`${v.torch === undefined ? where : whereOf('torch')}: ${notAsked}`);
  return {
    name: v.name,
    kind: v.kind,
    python,
    ...(template !== undefined && { template }),
    ...(shipped && { torch: { version: shipped.torch } }),
    ...(!pytorchImage &&
      v.torch !== undefined && {
        torch: {
          version: exactTorch(v.torch, torchInfo(catalog, v.torch), whereOf('torch'), out.warnings),
          indexUrl: torchWheelIndex(catalog, v.cuda ?? 'cpu', config.python.torchIndexUrl),
        },
      }),
    ...(cuda !== undefined && { cuda: cudaFloor(catalog, cuda, where, out, true) }),
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

/** A CPU variant: the official Python slim image, torch from the CPU wheel index. */
function cpuBase({ v, whereOf, config, catalog, out, orDefault }: BaseInput): ChosenBase {
  const py = family(catalog, 'python-slim');
  const python = v.python ?? '3.12';
  if (!py.pythonVersions.includes(python)) {
    out.errors.push(
      `${whereOf('python')}: no python:${python}-slim image in the catalog; valid: ${nearest(python, py.pythonVersions).join(', ')}`,
    );
  }
  const where = whereOf('torch');
  const info = v.torch === undefined ? undefined : catalogTorch(catalog, v.torch, where, out.warnings);
  if (v.torch !== undefined) {
    // Without CUDA only the Python rules a torch out: a top-level torch is named, else a top-level
    // Python, else the variant.
    const impossible = impossibleTorchCombination(catalog, { torch: v.torch, python }, config.platforms);
    const blamed = inheritedFrom(v, 'torch') === undefined ? whereOf('python') : where;
    if (impossible !== undefined) out.errors.push(`${blamed}: ${impossible}`);
  }
  const ref = `${py.repository}:${py.tagPattern.replace('{python}', python)}`;
  return {
    name: v.name,
    kind: v.kind,
    python,
    ...(orDefault('cpu') !== undefined && { template: orDefault('cpu') }),
    ...(v.torch !== undefined && {
      torch: {
        version: exactTorch(v.torch, info, where, out.warnings),
        indexUrl: torchWheelIndex(catalog, 'cpu', config.python.torchIndexUrl),
      },
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

interface CudaImage {
  ref: string;
  python: string;
  platforms: string[];
  reason: string;
}

/**
 * The nvidia/cuda image of a CUDA minor: one release per (image patch, Ubuntu); prefer the
 * requested Python's Ubuntu, then cuDNN images, then the newer Ubuntu.
 */
function cudaImage({ v, where, whereOf, catalog, out }: BaseInput, cuda: string): CudaImage {
  const cudaFam = family(catalog, 'nvidia-cuda');
  const options = cudaFam.releases
    .filter((r) => majorMinor(r.cudaPatch) === majorMinor(cuda))
    .flatMap((r) => r.ubuntu.map((u) => ({ r, u })));
  const rank = (o: { r: { cudnn: boolean }; u: string }) =>
    (cudaFam.ubuntuPython[o.u] === v.python ? 100 : 0) + (o.r.cudnn ? 10 : 0) + Number.parseFloat(o.u) / 100;
  const best = [...options].sort((a, b) => rank(b) - rank(a))[0];
  const release = best?.r;
  if (!release) {
    const known = cudaFam.releases.map((r) => majorMinor(r.cudaPatch));
    out.errors.push(
      `${where}: no nvidia/cuda ${cuda} image in the catalog; valid CUDA versions: ${nearest(cuda, known).join(', ')}`,
    );
  }
  const ubuntu = best?.u ?? '24.04';
  const python = cudaFam.ubuntuPython[ubuntu] ?? '3.12';
  if (v.python !== undefined && v.python !== python) {
    out.warnings.push(
      `${whereOf('python')}: nvidia/cuda images ship the Ubuntu Python (${Object.entries(cudaFam.ubuntuPython)
        .map(([u, p]) => `${p} on ${u}`)
        .join(', ')}); python ${v.python} was asked, the image gets ${python}`,
    );
  }
  const flavor = release?.cudnn ? 'cudnn-runtime' : 'runtime';
  const ref = `${cudaFam.repository}:${cudaFam.tagPattern
    .replace('{cudaPatch}', release?.cudaPatch ?? cudaDriver(catalog, cuda)?.latestPatch ?? cuda)
    .replace('{flavor}', flavor)
    .replace('{ubuntu}', ubuntu)}`;
  return {
    ref,
    python,
    platforms: release?.platforms ?? cudaFam.releases[0]!.platforms,
    reason: `NVIDIA CUDA ${release?.cudaPatch ?? cuda} ${flavor} on Ubuntu ${ubuntu} (Python ${python}), ${(release?.platforms ?? []).join(' + ')}`,
  };
}

/** torch for a CUDA variant: the asked or newest release with these wheels, from the cuXYZ index. */
function cudaTorch(
  { v, whereOf, config, catalog, out }: BaseInput,
  cuda: string,
  python: string,
): VariantPlan['torch'] {
  const torchVersion = v.torch ?? newestTorchFor(catalog, cuda, python)?.latestPatch;
  const where = whereOf('torch');
  if (torchVersion === undefined) {
    out.warnings.push(
      `${where}: no torch release in the catalog has CUDA ${cuda} wheels; torch is not installed`,
    );
    return undefined;
  }
  const info = catalogTorch(catalog, torchVersion, where, out.warnings, `CUDA ${cuda} wheels`);
  if (info) {
    // The catalog KNOWS this torch: a combination it knows cannot work is an error (exit 2).
    const impossible = impossibleTorchCombination(
      catalog,
      { torch: info.torch, cuda, python },
      config.platforms,
    );
    if (impossible !== undefined) out.errors.push(`${where}: ${impossible}`);
  }
  return {
    version: exactTorch(torchVersion, info, where, out.warnings),
    indexUrl: torchWheelIndex(catalog, cuda, config.python.torchIndexUrl),
  };
}

/** A CUDA variant: nvidia/cuda runtime (+cuDNN) and torch from the matching wheel index. */
function cudaBase(input: BaseInput): ChosenBase {
  const { v, where, whereOf, catalog, out, orDefault } = input;
  const cuda = v.cuda!;
  const floor = cudaFloor(catalog, cuda, where, out);
  const image = cudaImage(input, cuda);
  const torch = cudaTorch(input, cuda, image.python);
  const template = orDefault('cuda');
  // The cpu and ngc templates expect Python in the base (a python or NGC image): NVIDIA's CUDA
  // images have none, and the build would fail at its first pip, after the base is pulled.
  if (template === 'cpu' || template === 'ngc')
    out.errors.push(
      `${whereOf('template')}: template "${template}" cannot build on ${image.ref}: NVIDIA's CUDA images have no Python, which that template expects of its base; use template "cuda" (the default for a CUDA variant), or give the variant a base image with Python (base:)`,
    );
  return {
    name: v.name,
    kind: v.kind,
    python: image.python,
    ...(template !== undefined && { template }),
    ...(torch && { torch }),
    ...(floor && { cuda: floor }),
    base: {
      ref: image.ref,
      canonical: image.ref,
      family: 'nvidia-cuda',
      platforms: image.platforms,
      reason: image.reason,
    },
  };
}

/** One handler per base kind. */
export const BASE_HANDLERS: Readonly<Record<BaseKind, BaseHandler>> = {
  cpu: cpuBase,
  cuda: cudaBase,
  ngc: ngcBase,
  custom: customBase,
};

/** The base image, torch and CUDA of variant `index`, with its warnings and errors in `out`. */
export function chooseBase(
  v: Variant,
  index: number,
  config: Config,
  catalog: Catalog,
  out: Collector,
): ChosenBase {
  // An explicit template wins; then the user's Dockerfile (no template); then the kind's default.
  const template = v.template ?? config.build.template;
  const ownDockerfile = template === undefined && config.build.dockerfile !== undefined;
  const orDefault = (t: Template): Template | undefined => template ?? (ownDockerfile ? undefined : t);
  const where = `variants[${index}] (${v.name})`;
  const topLevel: Record<BaseField, string | undefined> = {
    torch: inheritedFrom(v, 'torch'),
    python: inheritedFrom(v, 'python'),
    template: v.template === undefined && config.build.template !== undefined ? 'build.template' : undefined,
  };
  const whereOf = (field: BaseField): string => {
    const top = topLevel[field];
    return top === undefined ? where : `${top} (variants[${index}] ${v.name})`;
  };
  return BASE_HANDLERS[baseKind(v, catalog)]({ v, where, whereOf, config, catalog, out, orDefault });
}
