// Schema of the base-image catalog (src/plan/catalog.json). The catalog is data, never code: every
// row names its source, and a unit test validates the file against this schema.
import { z } from 'zod';

const source = z.string().url().describe('Where this row comes from (release notes, registry page).');
const version = (what: string) =>
  z.string().regex(/^\d+\.\d+(\.\d+)?$/, { error: `expected a ${what} version` });
const platform = z.enum(['linux/amd64', 'linux/arm64']);

export const CudaDriverRow = z.strictObject({
  /** CUDA major.minor, e.g. "12.8". */
  cuda: version('CUDA'),
  /** Latest patch release of that minor, e.g. "12.8.1" (used for nvidia/cuda tags). */
  latestPatch: version('CUDA'),
  /** Minimum Linux driver of the toolkit release itself (full features). */
  toolkitDriverMin: z.string().regex(/^\d+\.\d+(\.\d+)?$/),
  /** Minimum Linux driver with minor-version compatibility (11.x: 450.80.02, 12.x: 525.60.13, 13.x: 580.xx). */
  minorCompatDriverMin: z.string().regex(/^\d+\.\d+(\.\d+)?$/),
  source,
});

const PythonSlimFamily = z.strictObject({
  family: z.literal('python-slim'),
  repository: z.string(),
  /** "{python}" is replaced, e.g. "{python}-slim" -> "3.11-slim". */
  tagPattern: z.string(),
  pythonVersions: z.array(version('Python')).min(1),
  platforms: z.array(platform).min(1),
  source,
});

const NvidiaCudaFamily = z.strictObject({
  family: z.literal('nvidia-cuda'),
  repository: z.string(),
  /** e.g. "{cudaPatch}-{flavor}-ubuntu{ubuntu}" with flavor runtime | cudnn-runtime | devel | ... */
  tagPattern: z.string(),
  flavors: z.array(z.string()).min(1),
  releases: z
    .array(
      z.strictObject({
        cudaPatch: version('CUDA'),
        ubuntu: z.array(z.string().regex(/^\d{2}\.\d{2}$/)).min(1),
        cudnn: z.boolean(),
        platforms: z.array(platform).min(1),
      }),
    )
    .min(1),
  /** Python of each Ubuntu release's python3 package. */
  ubuntuPython: z.record(z.string(), version('Python')),
  source,
});

const NgcPytorchFamily = z.strictObject({
  family: z.literal('ngc-pytorch'),
  repository: z.string(),
  platforms: z.array(platform).min(1),
  releases: z
    .array(
      z.strictObject({
        tag: z.string().regex(/^\d{2}\.\d{2}-py3$/),
        torch: z.string(),
        cuda: version('CUDA'),
        python: version('Python'),
        numpy: version('NumPy').optional(),
        /** /etc/pip/constraint.txt present (PIP_CONSTRAINT points at it), from 25.03 on. */
        constraintFile: z.boolean(),
        source,
      }),
    )
    .min(1),
  source,
});

const PytorchImageFamily = z.strictObject({
  family: z.literal('pytorch-pytorch'),
  repository: z.string(),
  platforms: z.array(platform).min(1),
  releases: z
    .array(
      z.strictObject({ tag: z.string(), torch: version('torch'), cuda: version('CUDA'), cudnn: z.string() }),
    )
    .min(1),
  source,
});

const BaseImageFamily = z.discriminatedUnion('family', [
  PythonSlimFamily,
  NvidiaCudaFamily,
  NgcPytorchFamily,
  PytorchImageFamily,
]);

export const TorchRow = z.strictObject({
  /** torch major.minor, e.g. "2.7". */
  torch: version('torch'),
  /** Latest patch release, e.g. "2.7.1". */
  latestPatch: version('torch'),
  /** CUDA versions with wheels on https://download.pytorch.org/whl/cuXYZ. */
  cuda: z.array(version('CUDA')).min(1),
  /** The CUDA of the default wheel on PyPI (linux x86_64). */
  pypiDefaultCuda: version('CUDA'),
  python: z.array(version('Python')).min(1),
  /** Where aarch64 CUDA wheels come from: none (CPU only), PyTorch's index, or PyPI too. */
  aarch64Cuda: z.enum(['none', 'pytorch-index', 'pypi']),
  /** When aarch64 CUDA wheels exist for only some CUDA variants (2.7: cu128; 2.8: cu128 and cu129). */
  aarch64CudaOnly: z.array(version('CUDA')).optional(),
  source,
});

export const CatalogSchema = z.strictObject({
  schemaVersion: z.literal(1),
  /** Date the data was last checked against its sources. */
  updated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  torchIndexUrl: z.string().url(),
  cudaDrivers: z.array(CudaDriverRow).min(1),
  baseImages: z.array(BaseImageFamily).min(1),
  torch: z.array(TorchRow).min(1),
});

export type Catalog = z.infer<typeof CatalogSchema>;
export type TorchInfo = z.infer<typeof TorchRow>;
export type CudaDriverInfo = z.infer<typeof CudaDriverRow>;
