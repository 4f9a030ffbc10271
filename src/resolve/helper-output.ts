// What the Python helper (py/ml_image_resolve.py) prints, as schemas: its answers cross a process
// boundary and are parsed, never cast. Keys the TypeScript side does not use are dropped.
import { z } from 'zod';
import { ReplacementSchema } from './result.js';

const Strings = z.record(z.string(), z.string());

export const InstalledDistSchema = z.object({
  name: z.string(),
  version: z.string(),
  requiresDist: z.array(z.string()),
  installer: z.string(),
  editable: z.boolean(),
  directUrl: z.boolean(),
  location: z.string(),
  /**
   * pip's is_local(): a place pip uninstalls from. false: outside pip's environment (Debian's
   * /usr/lib/python3/dist-packages, a virtualenv's system site-packages), where pip leaves it and
   * installs another version ahead of it on sys.path.
   */
  local: z.boolean(),
});

/** `helper.py snapshot` when it cannot look: pip without vendored packaging, or pip inspect failed. */
export const SnapshotErrorSchema = z.object({ error: z.string() });

/**
 * `helper.py snapshot`: the base image's Python, every distribution on its sys.path (`pip inspect`
 * without --local), its CUDA/torch version variables and constraint file. `format` 2: a cached
 * snapshot of the earlier format (--local, which missed Debian's python3-* packages, and PIP_*
 * values kept) does not parse, so it is taken again and overwritten.
 */
export const SnapshotSchema = z.object({
  format: z.literal(2),
  python: z.object({ version: z.string() }),
  pipVersion: z.string().nullish(),
  /** pip's marker environment of the image. */
  environment: Strings,
  /**
   * The image's CUDA_VERSION, NVIDIA_PYTORCH_VERSION and PYTORCH_VERSION. Never its PIP_* values (an
   * index login): the snapshot is cached on disk.
   */
  env: Strings,
  installed: z.array(InstalledDistSchema),
  constraintFile: z.object({ path: z.string(), content: z.string() }).nullable(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

/** `helper.py analyze SNAPSHOT REPORT`: what a pip report installs and which base packages it replaces. */
export const AnalysisSchema = z.object({
  install: z.array(z.object({ name: z.string(), version: z.string(), requested: z.boolean() })),
  replaced: z.array(ReplacementSchema),
  environment: Strings,
});
export type Analysis = z.infer<typeof AnalysisSchema>;

export const NO_ANALYSIS: Analysis = { install: [], replaced: [], environment: {} };

export const RelaxChangeSchema = z.object({ name: z.string(), from: z.string(), to: z.string() });
export type RelaxChange = z.infer<typeof RelaxChangeSchema>;

/** `helper.py relax REQS NAME=VERSION...`: the requirements with the named ones loosened. */
export const RelaxedSchema = z.object({
  requirements: z.string(),
  changes: z.array(RelaxChangeSchema),
});
