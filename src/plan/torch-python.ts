// What a variant's Python and torch come to: the Python a custom base ships, whether the torch asked
// of one can work, and the exact torch release a version names. Pure; warnings go to the caller's list.
import type { Variant } from '../config/schema.js';
import { parseImageRef } from '../oci/ref.js';
import { compareVersions } from '../util/versions.js';
import { type Catalog, type Family, impossibleTorchCombination, torchInfo } from './catalog.js';

/**
 * The Python a custom base ships, when its catalog family tells: a python:X.Y-slim tag's, the
 * Ubuntu Python of an nvidia/cuda tag; undefined otherwise (pytorch/pytorch rows name none).
 */
function shippedPython(base: string, fam: Family | undefined): string | undefined {
  const tag = parseImageRef(base).tag ?? '';
  return fam?.family === 'python-slim'
    ? /^(\d+\.\d+)(?:[.-]|$)/.exec(tag)?.[1]
    : fam !== undefined && 'ubuntuPython' in fam
      ? fam.ubuntuPython[/-ubuntu(\d+\.\d+)$/.exec(tag)?.[1] ?? '']
      : undefined;
}

/**
 * The Python a custom base ships (shippedPython), else the one asked, else 3.12. A `python` given
 * otherwise than the image's is a warning (the image decides).
 */
export function customPython(
  v: Variant,
  base: string,
  fam: Family | undefined,
  where: string,
  warnings: string[],
): string {
  const shipped = shippedPython(base, fam);
  if (shipped !== undefined && v.python !== undefined && v.python !== shipped)
    warnings.push(
      `${where}: python ${v.python} is not what ${base} ships (Python ${shipped}); the image's Python is used`,
    );
  return shipped ?? v.python ?? '3.12';
}

/**
 * Why the torch asked of a python:X.Y-slim or nvidia/cuda base cannot work, checked as a cpu or
 * cudaX.Y variant's is: a release the catalog knows without wheels for the image's Python (else the
 * one asked), the variant's CUDA (else the CPU wheels) or, with linux/arm64, aarch64 CUDA wheels.
 * Undefined when it can, for another base, or for a torch the catalog does not know.
 */
export function familyTorchProblem(
  catalog: Catalog,
  v: Variant,
  fam: Family | undefined,
  platforms: readonly string[],
): string | undefined {
  if (v.torch === undefined || (fam?.family !== 'python-slim' && fam?.family !== 'nvidia-cuda'))
    return undefined;
  const python = shippedPython(v.base!, fam) ?? v.python;
  return impossibleTorchCombination(
    catalog,
    {
      torch: v.torch,
      ...(v.cuda !== undefined && { cuda: v.cuda }),
      ...(python !== undefined && { python }),
    },
    platforms,
  );
}

/**
 * The torch version installed: "2.7" means the newest 2.7.x the catalog knows (CPU and CUDA alike:
 * pip would take 2.7.0 for "torch==2.7"); an exact "2.7.0" is kept as given, and one past the
 * newest patch the catalog knows is said (it may not exist: the build would fail at pip).
 */
export function exactTorch(
  asked: string,
  info: ReturnType<typeof torchInfo>,
  where: string,
  warnings: string[],
): string {
  if (!info) return asked;
  if (asked === info.torch) return info.latestPatch;
  if (compareVersions(asked, info.latestPatch) > 0)
    warnings.push(
      `${where}: torch ${asked} is newer than the newest ${info.torch} release the catalog knows (${info.latestPatch}); if it does not exist, pip fails in the build`,
    );
  return asked;
}

/**
 * The catalog's row of torch ASKED; undefined when it has none, with a warning naming the newest
 * release it knows and that WHEELS (the wheels the variant would take) are not checked.
 */
export function catalogTorch(
  catalog: Catalog,
  asked: string,
  where: string,
  warnings: string[],
  wheels = 'wheels',
): ReturnType<typeof torchInfo> {
  const info = torchInfo(catalog, asked);
  if (!info) {
    const newest = [...catalog.torch].sort((a, b) => compareVersions(b.torch, a.torch))[0]!;
    warnings.push(
      `${where}: torch ${asked} is not in the catalog (newest known: ${newest.torch}); its ${wheels} are not checked`,
    );
  }
  return info;
}
