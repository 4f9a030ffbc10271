// Which entry of a record each package diff compares (pure), shared by the package diff (diff.ts)
// and the size explanation (size.ts): the pip copy Python imports, the apt key of a package that
// is installed for one architecture or several, the conda packages by name (and build), and which
// changes lose a CUDA build.
import type { EnvRecord } from '../capture/record.js';
import { canonicalName } from '../requirements/parse.js';
import { clip } from '../util/text.js';
import { compareAny, comparePip, type VersionChange } from './versions.js';

type PipEntry = EnvRecord['python']['packages'][number];
type AptEntry = EnvRecord['apt'][number];

/**
 * The probe lists python.packages in sys.path order within one normalised name from this version
 * on (earlier probes sorted by name.lower(), which put "typing-extensions" before
 * "typing_extensions" whatever their places on sys.path).
 */
const PIP_PATH_ORDER_PROBE = 5;

const isOsCopy = (p: PipEntry) => p.location.startsWith('/usr/lib/python3');

/**
 * pip: each normalised name's copy Python imports, and every copy (a name installed twice takes up
 * both copies' bytes). The copy imported is the first on sys.path: a record from probe 5 on lists
 * the copies in that order. An older record's order among copies spelled differently is the
 * spelling's, so there the copy outside /usr/lib/python3 (pip's, before Debian's python3-x on
 * Debian's sys.path) is taken, as before.
 */
export function pipCopies(r: EnvRecord): Map<string, { imported: PipEntry; copies: PipEntry[] }> {
  const pathOrder = r.capture.probeVersion >= PIP_PATH_ORDER_PROBE;
  const out = new Map<string, { imported: PipEntry; copies: PipEntry[] }>();
  for (const p of r.python.packages) {
    const key = canonicalName(p.name);
    const seen = out.get(key);
    if (!seen) out.set(key, { imported: p, copies: [p] });
    else {
      seen.copies.push(p);
      if (!pathOrder && isOsCopy(seen.imported) && !isOsCopy(p)) seen.imported = p;
    }
  }
  return out;
}

/**
 * The probe records where pip installed each distribution from (python.packages[].directUrl, PEP
 * 610) from this version on: in an older record an index's install and a git one look alike.
 */
export const DIRECT_URL_PROBE = 7;

/** Whether both records tell where their pip distributions came from (DIRECT_URL_PROBE). */
export const knowsPipSources = (...records: EnvRecord[]): boolean =>
  records.every((r) => r.capture.probeVersion >= DIRECT_URL_PROBE);

/**
 * Where a pip distribution came from, as the table shows it after the version: its VCS commit
 * (twelve hex digits), `editable` for an editable install, then the direct URL
 * (`1a2b3c4d5e6f git+https://github.com/huggingface/transformers.git`): first what tells two
 * apart, as the table's cell is clipped; '' for an index's install.
 */
function pipSource(p: Pick<PipEntry, 'directUrl'>): string {
  const d = p.directUrl;
  if (d === undefined) return '';
  return `${d.commit === undefined ? '' : `${d.commit.slice(0, 12)} `}${d.editable ? 'editable ' : ''}${d.url}`;
}

/** What makes two pip sources the same: the URL, the whole commit, editable or not. */
const sourceKey = (p: Pick<PipEntry, 'directUrl'>): string =>
  p.directUrl === undefined
    ? ''
    : JSON.stringify([p.directUrl.url, p.directUrl.commit ?? '', p.directUrl.editable === true]);

/**
 * Two pip entries of one name compared: by PEP 440 version (comparePip), and where SOURCES (both
 * records know them: knowsPipSources) at the same version by where they came from: a git pin moved
 * to another commit (`4.48.0.dev0` both sides), an index's release replaced by a fork's, is a change
 * without a direction (level local), shown with the sources (`4.48.0.dev0 (1a2b3c4d5e6f git+https://…)`).
 */
export function pipChange(
  b: Pick<PipEntry, 'version' | 'directUrl'>,
  h: Pick<PipEntry, 'version' | 'directUrl'>,
  sources: boolean,
): ShownChange {
  const c = comparePip(b.version, h.version);
  if (c.order !== 0 || !sources || sourceKey(b) === sourceKey(h))
    return { ...c, from: b.version, to: h.version };
  const shown = (p: Pick<PipEntry, 'version' | 'directUrl'>) => `${p.version} (${pipSource(p) || 'index'})`;
  return { order: null, level: 'local', from: shown(b), to: shown(h) };
}

/**
 * apt: the names installed for several architectures in either record. Such a name is keyed and
 * shown as name:arch on both sides (adding libc6:i386 beside libc6:amd64 is one package added, not
 * libc6 removed and two added); any other is keyed by its name alone, so that a package whose
 * architecture changes (amd64 -> all) is one upgrade.
 */
export function multiArchNames(...records: EnvRecord[]): Set<string> {
  const out = new Set<string>();
  for (const r of records) {
    const seen = new Set<string>();
    for (const p of r.apt) {
      if (seen.has(p.name)) out.add(p.name);
      seen.add(p.name);
    }
  }
  return out;
}

/** An apt entry's key and shown name under multiArchNames. */
export const aptKey = (p: AptEntry, multi: ReadonlySet<string>): string =>
  multi.has(p.name) ? `${p.name}:${p.arch}` : p.name;

/** A conda package as the diff compares it: build and channel '' where the record has none. */
interface CondaPackage {
  name: string;
  version: string;
  build: string;
  channel: string;
  /** Its environment, where the diff keys the name by environment (condaPrefixedNames). */
  prefix?: string;
}

/**
 * conda: the names either record has in several environments (sys.prefix's and CONDA_PREFIX's:
 * numpy in /opt/conda and in the env Python runs in), where both records name each entry's
 * environment. Such a name is keyed and shown with its environment on both sides, so that a change
 * in either is seen (keyed by name, one entry stood for both, and the other's change was lost);
 * any other by its name alone, so that an environment's package keeps its key when the image moves
 * it. A record written before probe 6 names no environment: empty, every name keyed alone.
 */
export function condaPrefixedNames(...records: EnvRecord[]): Set<string> {
  const out = new Set<string>();
  const entries = records.map((r) => r.conda ?? []);
  if (entries.some((list) => list.some((p) => p.prefix === undefined))) return out;
  for (const list of entries) {
    const prefixes = new Map<string, string>();
    for (const p of list) {
      const seen = prefixes.get(p.name);
      if (seen !== undefined && seen !== p.prefix) out.add(p.name);
      prefixes.set(p.name, p.prefix!);
    }
  }
  return out;
}

/**
 * conda: by name, or by name and environment for a name of PREFIXED (condaPrefixedNames). A name
 * keyed alone with several entries (only where a record names no environment: one written before
 * probe 6, compared with either probe) is the entry the probe before 6 listed first, the lowest
 * by (version, build, channel, subdir): taking each record's first would compare sys.prefix's
 * (probe 6's first) with the lowest version (probe 5's), and one image would show a change against
 * itself. Empty for a record without conda packages.
 */
export function condaPackages(
  r: EnvRecord,
  prefixed: ReadonlySet<string> = new Set(),
): Map<string, CondaPackage> {
  const out = new Map<string, CondaPackage>();
  const order = new Map<string, string[]>();
  for (const p of r.conda ?? []) {
    const where = prefixed.has(p.name) ? p.prefix : undefined;
    const key = where === undefined ? p.name : `${p.name}\u0000${where}`;
    const rank = [p.version, p.build ?? '', p.channel ?? '', p.subdir ?? ''];
    const seen = order.get(key);
    if (seen === undefined || (where === undefined && earlier(rank, seen))) {
      order.set(key, rank);
      out.set(key, {
        name: p.name,
        version: p.version,
        build: p.build ?? '',
        channel: p.channel ?? '',
        ...(where !== undefined && { prefix: where }),
      });
    }
  }
  return out;
}

/** Whether A sorts before B, field by field in code-unit order (the probe's own sort of its tuples). */
function earlier(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** A version change as the package table shows it: the order and level, and the texts of both sides. */
export interface ShownChange extends VersionChange {
  from: string;
  to: string;
}

/** CUDA's build labels: `cu121`, `cuda12.cudnn89`, `py3.11_cuda12.1_cudnn8.9.2_0`, `cuda120_py311h…`. */
const CUDA_LABEL = /(?:^|[^a-z])cu(?:da|\d)/i;
/** ROCm's: `rocm6.2` (AMD's index of torch). */
const ROCM_LABEL = /(?:^|[^a-z])rocm/i;

/** A build label that names a GPU build, CUDA's or ROCm's. */
const namesGpuBuild = (label: string): boolean => CUDA_LABEL.test(label) || ROCM_LABEL.test(label);

const namesRocm = (label: string): boolean => ROCM_LABEL.test(label) && !CUDA_LABEL.test(label);

/** What lost build labels (cudaBuildLoss's from) name: `ROCm` (`+rocm6.2`), `CUDA`, or `GPU` for both. */
export function gpuBuildName(...labels: string[]): 'CUDA' | 'ROCm' | 'GPU' {
  const rocm = labels.filter(namesRocm).length;
  return rocm === 0 ? 'CUDA' : rocm === labels.length ? 'ROCm' : 'GPU';
}

/** A lost build as the verdict names it: `ROCm build (+rocm6.2 → +cpu)`, each label clipped. */
export const lostBuildText = (loss: { from: string; to: string }): string =>
  `${gpuBuildName(loss.from)} build (${clip(loss.from, 40)} → ${clip(loss.to, 40)})`;

/**
 * Two conda entries of one name compared: by version (compareAny's order), and at the same version
 * by build (conda's CPU and CUDA builds, MKL and OpenBLAS ones, differ only there) and channel: a
 * change without a direction (level local). The table shows the build where it is what changed or
 * where it gains or loses CUDA (`2.1.0 py3.11_cuda12.1_cudnn8.9.2_0`), and the channel where it
 * changed (`1.26.4 py311h5f9d8c6_0 (conda-forge)`). A build or channel a record lacks is unknown,
 * never a change.
 */
export function condaChange(b: CondaPackage, h: CondaPackage): ShownChange {
  const c = compareAny(b.version, h.version);
  const build = b.build !== '' && h.build !== '' && b.build !== h.build;
  const channel = b.channel !== '' && h.channel !== '' && b.channel !== h.channel;
  const showBuild = build && (c.order === 0 || namesGpuBuild(b.build) !== namesGpuBuild(h.build));
  const shown = (p: CondaPackage) =>
    `${p.version}${showBuild ? ` ${p.build}` : ''}${channel ? ` (${p.channel})` : ''}`;
  const order = c.order === 0 && (build || channel) ? null : c.order;
  return { order, level: order === null && c.order === 0 ? 'local' : c.level, from: shown(b), to: shown(h) };
}

/** The build label of a shown version: pip's PEP 440 local label, conda's build (condaChange). */
function buildLabel(eco: 'pip' | 'apt' | 'conda', shown: string): string {
  if (eco === 'pip') {
    // The version alone: a source shown after it (pipChange) is no label (`git+https://…`).
    const version = shown.split(' ')[0]!;
    return version.includes('+') ? version.slice(version.indexOf('+')) : '';
  }
  if (eco === 'conda') {
    const rest = shown.replace(/ \([^()]*\)$/, '');
    return rest.includes(' ') ? rest.slice(rest.indexOf(' ') + 1) : '';
  }
  return '';
}

/**
 * A change that loses a CUDA build: its base's build label names CUDA (pip `+cu121`, conda
 * `py3.11_cuda12.1_cudnn8.9.2_0`) or ROCm (`+rocm6.2`) and this PR's names neither or there is none
 * (`+cpu`, `py3.11_cpu_0`, no label): the labels as shown ("no label" for none), else null. One that
 * keeps or gains a GPU build is null. apt versions name no CUDA build.
 */
export function cudaBuildLoss(
  eco: 'pip' | 'apt' | 'conda',
  from: string | null,
  to: string | null,
): { from: string; to: string } | null {
  if (from === null || to === null) return null;
  const a = buildLabel(eco, from);
  const b = buildLabel(eco, to);
  if (!namesGpuBuild(a) || namesGpuBuild(b)) return null;
  return { from: a, to: b || (eco === 'conda' ? 'no build' : NO_LABEL) };
}

/** cudaBuildLoss's `to` of a pip version without a local label. */
const NO_LABEL = 'no label';

/** The wheels PyTorch's indexes label by build, whose PyPI wheels are built as torch's are. */
const TORCH_FAMILY: ReadonlySet<string> = new Set(['torch', 'torchvision', 'torchaudio']);

/**
 * The GPU build C (of package NAME) loses, by its labels (cudaBuildLoss); but a torch-family wheel
 * that only loses its CUDA label (torchvision `0.20.1+cu121` -> `0.20.1`: PyPI's wheel instead of the
 * CUDA index's) beside a torch that is still a CUDA build (CUDATORCH) is none (EnvDiff lossesJudged): PyPI's
 * Linux wheels of the torch family are CUDA builds where torch's is. A ROCm label lost is a loss
 * (PyPI has no ROCm wheels), as is one labelled `+cpu` whatever torch is, and any other package's
 * unlabelled wheel (PyPI's jaxlib is CPU-only).
 */
export function packageLoss(
  eco: 'pip' | 'apt' | 'conda',
  c: Pick<ShownChange, 'from' | 'to'>,
  name: string,
  cudaTorch: boolean,
): { from: string; to: string } | undefined {
  const loss = cudaBuildLoss(eco, c.from, c.to) ?? undefined;
  const family = eco === 'pip' && TORCH_FAMILY.has(canonicalName(name));
  const labelOnly = loss?.to === NO_LABEL && gpuBuildName(loss.from) === 'CUDA';
  return loss && family && cudaTorch && labelOnly ? undefined : loss;
}
