// Look-ups over the base-image catalog (data in catalog.json, validated against catalog-schema.ts).
import catalogData from './catalog.json' with { type: 'json' };
import { type Catalog, CatalogSchema, type CudaDriverInfo, type TorchInfo } from './catalog-schema.js';
import { repositoryOf } from './image-ref.js';

export type { Catalog, CudaDriverInfo, TorchInfo };

let cached: Catalog | undefined;

/** The bundled catalog, validated once (a broken data file is a bug: it throws). */
export function bundledCatalog(): Catalog {
  cached ??= CatalogSchema.parse(catalogData);
  return cached;
}

/** Numeric comparison of dotted versions ("2.10" > "2.9"); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.+]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** "2.7.1" -> "2.7"; "12.8.1" -> "12.8". */
export function majorMinor(v: string): string {
  return v.split('.').slice(0, 2).join('.');
}

type Family = Catalog['baseImages'][number];
export type FamilyOf<F extends Family['family']> = Extract<Family, { family: F }>;

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
