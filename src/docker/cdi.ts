// The CDI (Container Device Interface) devices an engine can give a container, for `--gpus auto`.
// The engine's own list comes first (GET /info DiscoveredDevices, API 1.50+, Docker 28.2+); an older
// local engine's is read from the spec files in its CDI spec directories, the way its CDI cache reads
// them: the top level of each directory, *.json and *.yaml, a `kind` and `devices[].name` each.
import { closeSync, fstatSync, openSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { readBounded } from '../util/read-bounded.js';

/** The CDI kind of NVIDIA GPUs (`nvidia-ctk cdi generate` writes it). */
const NVIDIA_GPU_KIND = 'nvidia.com/gpu';

/** Spec files larger than this are not read (a generated spec for 8 GPUs is tens of KiB). */
const MAX_SPEC_BYTES = 4 * 1024 * 1024;
/** At most this many spec files per directory are read. */
const MAX_SPEC_FILES = 256;

/** The qualified names ("nvidia.com/gpu=0") of the devices one spec file describes; [] when unreadable. */
export function specDevices(text: string): string[] {
  let spec: unknown;
  try {
    spec = parse(text, { logLevel: 'error', maxAliasCount: 100 });
  } catch {
    return [];
  }
  if (typeof spec !== 'object' || spec === null) return [];
  const kind: unknown = Reflect.get(spec, 'kind');
  const devices: unknown = Reflect.get(spec, 'devices');
  if (typeof kind !== 'string' || !Array.isArray(devices)) return [];
  return devices.flatMap((d: unknown) => {
    const name: unknown = typeof d === 'object' && d !== null ? Reflect.get(d, 'name') : undefined;
    // A name is a string in the spec ("0"); an unquoted 0 in YAML reads as a number.
    if (typeof name === 'number') return [`${kind}=${name}`];
    return typeof name === 'string' && name !== '' ? [`${kind}=${name}`] : [];
  });
}

/** One regular file's text, bounded; undefined when it cannot be read or is too large. */
function readSpecFile(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_SPEC_BYTES) return undefined;
    return readBounded(fd, MAX_SPEC_BYTES).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The CDI devices the spec files in DIRS describe, on this machine (the engine is local). A missing
 * or unreadable directory or file is skipped, as the engine's CDI cache skips it.
 */
export function readCdiDevices(dirs: readonly string[]): string[] {
  const found = new Set<string>();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir, { withFileTypes: true })
        .filter((e) => (e.isFile() || e.isSymbolicLink()) && /\.(json|yaml)$/.test(e.name))
        .map((e) => e.name)
        .sort()
        .slice(0, MAX_SPEC_FILES);
    } catch {
      continue;
    }
    for (const name of names) {
      const text = readSpecFile(path.join(dir, name));
      if (text !== undefined) for (const device of specDevices(text)) found.add(device);
    }
  }
  return [...found];
}

/** Whether any of these qualified CDI device names is an NVIDIA GPU. */
export function hasNvidiaCdiGpu(devices: readonly string[]): boolean {
  return devices.some((d) => d.startsWith(`${NVIDIA_GPU_KIND}=`));
}
