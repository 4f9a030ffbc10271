// Look-ups over the base-image catalog (data in catalog.json, validated against catalog-schema.ts).
import catalogData from './catalog.json' with { type: 'json' };
import { type Catalog, CatalogSchema, type CudaDriverInfo, type TorchInfo } from './catalog-schema.js';
import { compareVersions, majorMinor } from '../util/versions.js';
import { repositoryOf } from '../oci/ref.js';

export type { Catalog };

let cached: Catalog | undefined;

/** The bundled catalog, validated once (a broken data file is a bug: it throws). */
export function bundledCatalog(): Catalog {
  cached ??= CatalogSchema.parse(catalogData);
  return cached;
}

export type Family = Catalog['baseImages'][number];
type FamilyOf<F extends Family['family']> = Extract<Family, { family: F }>;

export function family<F extends Family['family']>(catalog: Catalog, name: F): FamilyOf<F> {
  const f = catalog.baseImages.find((b) => b.family === name);
  if (!f) throw new Error(`catalog has no ${name} family`);
  return f as FamilyOf<F>;
}

/** The catalog family an arbitrary image belongs to, by repository. */
export function familyOfImage(catalog: Catalog, ref: string): Family | undefined {
  const repo = repositoryOf(ref);
  return catalog.baseImages.find((b) => repositoryOf(b.repository) === repo);
}

/** Platforms a family's images come in (nvidia/cuda: the union over its releases). */
export function familyPlatforms(f: Family): string[] {
  if ('platforms' in f) return f.platforms;
  return [...new Set(f.releases.flatMap((r) => r.platforms))];
}

export function cudaDriver(catalog: Catalog, cuda: string): CudaDriverInfo | undefined {
  return catalog.cudaDrivers.find((d) => d.cuda === majorMinor(cuda));
}

/**
 * The driver floors of a CUDA minor newer than every one of its major the catalog knows (13.4 beside
 * 13.0-13.3): the major's minor-version-compatibility floor (one per major) and, as a lower bound,
 * the newest known minor's toolkit driver (NEWEST). Undefined for another unknown CUDA.
 */
export function newerCudaDriver(
  catalog: Catalog,
  cuda: string,
): (CudaDriverInfo & { newest: string }) | undefined {
  const wanted = majorMinor(cuda);
  const major = wanted.split('.')[0];
  const newest = catalog.cudaDrivers
    .filter((d) => d.cuda.split('.')[0] === major)
    .sort((a, b) => compareVersions(b.cuda, a.cuda))[0];
  if (!newest || compareVersions(wanted, newest.cuda) <= 0) return undefined;
  return { ...newest, cuda: wanted, latestPatch: cuda, newest: newest.cuda };
}

export function torchInfo(catalog: Catalog, torch: string): TorchInfo | undefined {
  return catalog.torch.find((t) => t.torch === majorMinor(torch));
}

/** Newest torch release with wheels for this CUDA (and Python, when given). */
export function newestTorchFor(catalog: Catalog, cuda: string, python?: string): TorchInfo | undefined {
  return [...catalog.torch]
    .sort((a, b) => compareVersions(b.torch, a.torch))
    .find((t) => t.cuda.includes(majorMinor(cuda)) && (python === undefined || t.python.includes(python)));
}

/** The entries nearest to `wanted` (by version distance), for "did you mean" suggestions. */
export function nearest(wanted: string, candidates: readonly string[], count = 3): string[] {
  const score = (v: string) => {
    const [a = 0, b = 0] = v.split('.').map(Number);
    const [c = 0, d = 0] = wanted.split('.').map(Number);
    return Math.abs(a - c) * 100 + Math.abs(b - d);
  };
  return [...candidates].sort((x, y) => score(x) - score(y) || compareVersions(y, x)).slice(0, count);
}

/** The torch wheel index of a CUDA version ("cpu" for CPU wheels), under `base` (a mirror) or PyTorch's. */
export function torchWheelIndex(catalog: Catalog, cuda: string | 'cpu', base?: string): string {
  const root = (base ?? catalog.torchIndexUrl).replace(/\/+$/, '');
  return `${root}/${cuda === 'cpu' ? 'cpu' : `cu${majorMinor(cuda).replace('.', '')}`}`;
}

/** The platforms advice is computed for: every one the tool builds (so it reads the same everywhere). */
const ADVICE_PLATFORMS = ['linux/amd64', 'linux/arm64'] as const;
type AdvicePlatform = (typeof ADVICE_PLATFORMS)[number];

/** Whether torch `t` has CUDA `cuda` wheels for `platform` (arm64: PyTorch's aarch64 CUDA builds). */
export function hasCudaWheels(t: TorchInfo, cuda: string, platform: AdvicePlatform): boolean {
  const c = majorMinor(cuda);
  if (!t.cuda.includes(c)) return false;
  if (platform === 'linux/amd64') return true;
  return t.aarch64Cuda !== 'none' && (t.aarch64CudaOnly === undefined || t.aarch64CudaOnly.includes(c));
}

/** CUDA versions a CUDA variant can use: in the driver table and with an nvidia/cuda image. */
function plannableCuda(catalog: Catalog): string[] {
  const images = new Set(family(catalog, 'nvidia-cuda').releases.map((r) => majorMinor(r.cudaPatch)));
  return catalog.cudaDrivers.map((d) => d.cuda).filter((c) => images.has(c));
}

interface TorchWant {
  torch: string;
  /** undefined: a CPU variant. */
  cuda?: string;
  python?: string;
}

/**
 * THE nearest valid choices for a torch/CUDA/Python combination the catalog refuses: torch releases
 * near the wanted one with this CUDA, CUDA versions near the wanted one for this torch, and (when
 * neither exists) the nearest pair. A choice counts only when it has wheels on every platform the
 * tool builds for, so the answer is the same whatever the platforms of the run.
 */
function nearestValidChoices(catalog: Catalog, want: TorchWant): string[] {
  const ok = (t: TorchInfo, cuda: string | undefined) =>
    (want.python === undefined || t.python.includes(want.python)) &&
    (cuda === undefined || ADVICE_PLATFORMS.every((p) => hasCudaWheels(t, cuda, p)));
  const wantedTorch = majorMinor(want.torch);
  const out: string[] = [];
  const torchForCuda = catalog.torch
    .filter((t) => t.torch !== wantedTorch && ok(t, want.cuda))
    .map((t) => t.torch);
  if (torchForCuda.length)
    out.push(
      `torch ${nearest(wantedTorch, torchForCuda, 2).join(' or ')}${want.cuda !== undefined ? ` with CUDA ${majorMinor(want.cuda)}` : ''}`,
    );
  const self = torchInfo(catalog, wantedTorch);
  if (want.cuda !== undefined) {
    const cudas = plannableCuda(catalog);
    if (self) {
      const cudaForTorch = cudas.filter((c) => c !== majorMinor(want.cuda!) && ok(self, c));
      if (cudaForTorch.length)
        out.push(`torch ${self.torch} with CUDA ${nearest(want.cuda, cudaForTorch, 2).join(' or ')}`);
    }
    if (out.length === 0) {
      const all = catalog.torch.map((t) => t.torch);
      const pairs = nearest(wantedTorch, all, all.length)
        .map((v) => torchInfo(catalog, v)!)
        .flatMap((t) => {
          const c = nearest(
            want.cuda!,
            cudas.filter((x) => ok(t, x)),
            1,
          )[0];
          return c === undefined ? [] : [`torch ${t.torch} with CUDA ${c}`];
        });
      if (pairs[0]) out.push(pairs[0]);
    }
  } else if (self && want.python !== undefined && out.length === 0) {
    out.push(`Python ${nearest(want.python, self.python, 2).join(' or ')} with torch ${self.torch}`);
  }
  return out;
}

/**
 * Why the catalog KNOWS this torch/CUDA/Python combination cannot work on `platforms`, with the
 * nearest valid choices; undefined when it can, or when the catalog does not know the torch
 * release (then the plan only warns). One message for the plan, the action and the README.
 */
export function impossibleTorchCombination(
  catalog: Catalog,
  want: TorchWant,
  platforms: readonly string[],
): string | undefined {
  const info = torchInfo(catalog, want.torch);
  if (!info) return undefined;
  const cuda = want.cuda !== undefined ? majorMinor(want.cuda) : undefined;
  let why: string | undefined;
  let arm = false;
  if (cuda !== undefined && !info.cuda.includes(cuda)) {
    why = `torch ${info.torch} has no CUDA ${cuda} wheels (it has ${info.cuda.join(', ')})`;
  } else if (want.python !== undefined && !info.python.includes(want.python)) {
    why = `torch ${info.torch} has no wheels for Python ${want.python} (it supports ${info.python.join(', ')})`;
  } else if (
    cuda !== undefined &&
    platforms.includes('linux/arm64') &&
    !hasCudaWheels(info, cuda, 'linux/arm64')
  ) {
    arm = true;
    why = `torch ${info.torch} has no aarch64 CUDA ${cuda} wheels${
      info.aarch64CudaOnly
        ? ` (only ${info.aarch64CudaOnly.map((c) => `cu${c.replace('.', '')}`).join(', ')})`
        : ''
    }, so on linux/arm64 pip would silently install the CPU build`;
  }
  if (why === undefined) return undefined;
  const choices = nearestValidChoices(catalog, want);
  const alternatives = [
    ...choices,
    ...(arm ? ['an NGC base image (variants[].base: nvcr.io/nvidia/pytorch:...)', 'drop linux/arm64'] : []),
  ];
  return `${why}; nearest valid: ${alternatives.join('; ') || 'none in the catalog'}`;
}
