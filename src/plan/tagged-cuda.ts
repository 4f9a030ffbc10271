// The CUDA of an NVIDIA CUDA image, as its tag names it, weighed against the cuda a variant asks
// for (plan/base.ts' custom bases). Pure.
import { parseImageRef } from '../oci/ref.js';
import { compareVersions, majorMinor } from '../util/versions.js';
import { type Catalog, cudaDriver, newerCudaDriver } from './catalog.js';

/** The CUDA X.Y an NVIDIA CUDA image's tag names (`12.8.1-runtime-ubuntu24.04`), if any. */
const cudaOfTag = (base: string): string | undefined =>
  /^(\d+\.\d+)(?:\.\d+)?-/.exec(parseImageRef(base).tag ?? '')?.[1];

/** The catalog's row of CUDA X.Y, or for a minor newer than its major's newest, that major's floors. */
const knownCuda = (catalog: Catalog, cuda: string) =>
  cudaDriver(catalog, cuda) ?? newerCudaDriver(catalog, cuda);

/**
 * The CUDA whose driver floor a variant with cuda ASKED needs on an NVIDIA CUDA image BASE, whose tag
 * names its own (12.8.1-runtime-ubuntu24.04): the newer of the two, said when they differ (the
 * image's libraries need its own, the torch wheels from the cuda index asked carry theirs).
 * Undefined where there is nothing to weigh: no cuda asked, no such base, or a tag naming no CUDA
 * the catalog knows.
 */
export function taggedCuda(
  asked: string | undefined,
  base: string | undefined,
  catalog: Catalog,
  where: string,
  out: { warnings: string[] },
): string | undefined {
  const tagged = base && cudaOfTag(base);
  if (asked === undefined || !tagged || !knownCuda(catalog, tagged) || majorMinor(asked) === tagged)
    return undefined;
  const newer = compareVersions(tagged, majorMinor(asked)) > 0 ? tagged : asked;
  out.warnings.push(
    `${where}: ${base} ships CUDA ${tagged}; cuda ${asked} is not what it has: the driver floor and the label follow the newer, ${majorMinor(newer)} (torch wheels come from the cuda ${asked} index)`,
  );
  return newer;
}

/**
 * What a variant that sets no cuda is told on an NVIDIA CUDA image BASE: the CUDA its tag names gets
 * no driver floor (none is recorded or checked, though the image's libraries need one), and a torch
 * asked comes from the CPU wheel index; `cuda` set to the image's CUDA gives both. Undefined for a
 * tag naming no CUDA the catalog knows when no torch is asked.
 */
export function cudaNotAsked(base: string, torch: string | undefined, catalog: Catalog): string | undefined {
  const tagged = cudaOfTag(base);
  const driver = tagged === undefined ? undefined : knownCuda(catalog, tagged);
  const cpuTorch = torch === undefined ? '' : `torch ${torch} comes from the CPU wheel index, and `;
  if (driver) {
    // A CUDA newer than the catalog's has no torch wheels of its own: a torch asked takes its
    // major's (the image runs them: minor-version compatibility).
    const set =
      torch !== undefined && !cudaDriver(catalog, driver.cuda)
        ? `set cuda to a CUDA ${driver.cuda.split('.')[0]}.x that torch ${torch} has wheels for (the image's ${driver.cuda} runs them)`
        : `set cuda: "${driver.cuda}"${torch === undefined ? '' : ' for the floor and CUDA wheels'}`;
    return `${cpuTorch}${base} ships CUDA ${driver.cuda}, which needs NVIDIA driver >= ${driver.minorCompatDriverMin}: without the variant's cuda no driver floor is recorded or checked; ${set}`;
  }
  return torch === undefined
    ? undefined
    : `torch ${torch} comes from the CPU wheel index: give the variant its cuda (e.g. cuda: "12.8") for CUDA wheels`;
}

/**
 * A torch asked with a cuda newer than the catalog knows (13.4 on a custom base): its wheels would
 * come from the cu134 index, which no torch release has (pip would fail late, in the build), so
 * the plan refuses it, naming the way; undefined otherwise, and where python.torchIndexUrl names
 * another index.
 */
export function newerCudaWithoutWheels(
  v: { torch?: string | undefined; cuda?: string | undefined },
  torchIndexUrl: string | undefined,
  catalog: Catalog,
): string | undefined {
  if (v.torch === undefined || v.cuda === undefined || torchIndexUrl !== undefined) return undefined;
  if (cudaDriver(catalog, v.cuda) || !newerCudaDriver(catalog, v.cuda)) return undefined;
  const cuda = majorMinor(v.cuda);
  return `torch ${v.torch} would come from the cu${cuda.replace('.', '')} wheel index, which no torch release has (CUDA ${cuda} is newer than the catalog knows): set cuda to a CUDA ${cuda.split('.')[0]}.x that torch ${v.torch} has wheels for (the base's newer CUDA runs them: minor-version compatibility), or python.torchIndexUrl to an index that has it`;
}
