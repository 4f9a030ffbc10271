// Hazards a resolver cannot see (pip is satisfied, the image still breaks): checked against a data
// table with a source per row (hazards.json). Each kind of check is code; the rows are data.
import { satisfies, valid } from '@renovatebot/pep440';
import { z } from 'zod';
import data from './hazards.json' with { type: 'json' };
import { canonicalName } from '../requirements/parse.js';
import type { InstalledDist } from './constraints.js';
import type { Hazard } from './result.js';

const url = z.string().url();
const HazardTableSchema = z.object({
  schemaVersion: z.literal(1),
  updated: z.string(),
  numpy1Abi: z.array(
    z.object({ package: z.string(), versions: z.string(), fixedIn: z.string(), source: url }),
  ),
  torchNoNumpyDependency: z.object({ torchVersions: z.string(), note: z.string(), source: url }),
  ngcPrerelease: z.object({ note: z.string(), source: url }),
  opencvVariants: z.object({ packages: z.array(z.string()).min(2), note: z.string(), source: url }),
  torchCudaLocalVersion: z.object({ note: z.string(), source: url }),
  aarch64PypiTorch: z.object({ cpuOnlyBefore: z.string(), note: z.string(), source: url }),
});
type HazardTable = z.infer<typeof HazardTableSchema>;

let table: HazardTable | undefined;
export function hazardTable(): HazardTable {
  table ??= HazardTableSchema.parse(data);
  return table;
}

/** "2.6.0a0+ecf3bae40a" -> "2.6.0a0" for range checks (local versions do not change the release). */
const release = (v: string) => v.split('+')[0]!;
/**
 * Whether an installed (or planned) version V is in RANGE. A pre-release counts (as packaging's
 * contains(v, prereleases=True), as the helper judges): PEP 440 leaves pre-releases out of a range
 * only when choosing what to install, and NGC's torch 2.2.0a0+... or Debian's 1.13.0a0+gitunknown
 * is what the image has.
 */
const inRange = (v: string, range: string) =>
  valid(release(v)) !== null && satisfies(release(v), range, { prereleases: true });

interface HazardInput {
  snapshot: { installed: InstalledDist[]; env: Record<string, string> };
  /** What pip would install (resolved, else naive). */
  install: readonly { name: string; version: string }[];
  platform: string;
  variant?: { cuda?: string; torchIndexUrl?: string };
}

export function findHazards(h: HazardInput, t: HazardTable = hazardTable()): Hazard[] {
  const out: Hazard[] = [];
  // The environment after the install: base versions, overridden by what pip installs.
  const final = new Map(h.snapshot.installed.map((d) => [canonicalName(d.name), d.version]));
  for (const i of h.install) final.set(canonicalName(i.name), i.version);
  const installing = new Map(h.install.map((i) => [canonicalName(i.name), i.version]));
  const numpy = final.get('numpy');
  const numpy2 = numpy !== undefined && valid(release(numpy)) !== null && satisfies(release(numpy), '>=2');

  if (numpy2) {
    for (const row of t.numpy1Abi) {
      const v = final.get(canonicalName(row.package));
      if (v && inRange(v, row.versions)) {
        out.push({
          id: `numpy1-abi:${row.package}`,
          message: `${row.package} ${v} was built against NumPy 1.x but declares no upper bound; with numpy ${numpy} its import breaks ("A module that was compiled using NumPy 1.x cannot be run in NumPy 2")`,
          fix: `require ${row.package}>=${row.fixedIn}, or hold numpy<2`,
          source: row.source,
        });
      }
    }
    const torch = final.get('torch');
    if (torch && inRange(torch, t.torchNoNumpyDependency.torchVersions)) {
      out.push({
        id: 'torch-no-numpy-dependency',
        message: `torch ${torch} is built against NumPy 1.x and numpy ${numpy} is planned: ${t.torchNoNumpyDependency.note}`,
        fix: 'add numpy<2 to your requirements, or use a torch built against NumPy 2',
        source: t.torchNoNumpyDependency.source,
      });
    }
  }

  const baseTorch = h.snapshot.installed.find((d) => canonicalName(d.name) === 'torch')?.version;
  const newTorch = installing.get('torch');
  if (baseTorch && /a0\+|\.dev|\+/.test(baseTorch) && newTorch && newTorch !== baseTorch) {
    out.push({
      id: 'ngc-prerelease-torch',
      message: `the base image ships torch ${baseTorch} and the plan replaces it with ${newTorch}: ${t.ngcPrerelease.note}`,
      fix: 'do not pin torch (or torchvision/torchaudio releases that pin another torch); keep the base image torch',
      source: t.ngcPrerelease.source,
    });
  }

  const cv = t.opencvVariants.packages.filter((p) => final.has(canonicalName(p)));
  if (cv.length > 1) {
    out.push({
      id: 'opencv-variants',
      message: `${cv.join(' and ')} would be installed together: ${t.opencvVariants.note}`,
      fix: `keep one of them (in a container: opencv-python-headless)`,
      source: t.opencvVariants.source,
    });
  }

  const torch = final.get('torch');
  const local = torch ? /\+cu(\d+)/.exec(torch)?.[1] : undefined;
  const imageCuda = h.snapshot.env.CUDA_VERSION ?? h.variant?.cuda;
  if (local && imageCuda) {
    // The label's last digit is the minor version: cu128 is 12.8, cu102 10.2, cu92 9.2.
    const wheelMajor = local.length >= 2 ? local.slice(0, -1) : local;
    if (wheelMajor !== imageCuda.split('.')[0]) {
      out.push({
        id: 'torch-cuda-mismatch',
        message: `torch ${torch} is built for CUDA ${wheelMajor}.x but the base image has CUDA ${imageCuda}: ${t.torchCudaLocalVersion.note}`,
        fix: `install torch from https://download.pytorch.org/whl/cu${imageCuda.split('.').slice(0, 2).join('')}`,
        source: t.torchCudaLocalVersion.source,
      });
    }
  }

  const aarch64 = aarch64PypiTorch(h, newTorch, t);
  if (aarch64) out.push(aarch64);
  return out;
}

/** PyPI's torch before 2.11 on linux/arm64 in a CUDA variant: a CPU-only build. */
function aarch64PypiTorch(h: HazardInput, newTorch: string | undefined, t: HazardTable): Hazard | undefined {
  // PyPI's torch has no local version; PyTorch's CUDA indexes label their aarch64 wheels (+cu128).
  // An unlabelled torch on arm64 is PyPI's (pip fell back to it when the CUDA index had no wheel
  // for this Python), whatever indexes pip was given: CPU-only before 2.11.
  if (
    h.platform !== 'linux/arm64' ||
    h.variant?.cuda === undefined ||
    newTorch === undefined ||
    newTorch.includes('+') ||
    !inRange(newTorch, `<${t.aarch64PypiTorch.cpuOnlyBefore}`)
  )
    return undefined;
  return {
    id: 'aarch64-pypi-torch-cpu',
    message: `torch ${newTorch} from PyPI on linux/arm64 is a CPU-only build: ${t.aarch64PypiTorch.note}`,
    fix: `use torch>=${t.aarch64PypiTorch.cpuOnlyBefore}, or PyTorch's CUDA index (https://download.pytorch.org/whl/cu128)`,
    source: t.aarch64PypiTorch.source,
  };
}
