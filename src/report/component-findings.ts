// The verdict's findings about the major components (NumPy, torch, CUDA, Python, ...): part of the
// severity policy (model.ts assessReport).
import { cudaLossOf } from '../diff/diff.js';
import type { ComponentChange, ComponentId, EnvDiff } from '../diff/schema.js';
import { SEVERITY_RANK, type Severity } from './assessment.js';
import { COMPONENT_LABELS } from './format.js';
import type { PlatformReport } from './model-schema.js';

export type Add = (text: string, severity: Severity) => void;
export type Diffed = PlatformReport & { diff: EnvDiff };

/** Components the verdict names when they change, in this order. */
const VERDICT_COMPONENTS: readonly ComponentId[] = [
  'numpy',
  'torch',
  'cuda',
  'python',
  'cudnn',
  'nccl',
  'glibc',
  'os',
  'torchCuda',
];

/**
 * A version change of a major component: a warning when major, a downgrade, added or removed. A
 * change without a direction (only a local label: `+7c8ec84dab` -> `+79aa17489c`) is information,
 * unless it loses a CUDA build (torch, componentFindings).
 */
export function componentSeverity(c: Pick<ComponentChange, 'level' | 'direction' | 'from' | 'to'>): Severity {
  return c.level === 'major' || c.direction === 'down' || !c.from || !c.to ? 'warning' : 'info';
}

const worse = (a: Severity, b: Severity): Severity => (SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a);

/**
 * Each component change, once however many platforms have it; one that not every platform compared
 * has names those that do (`NumPy 1.26.4 → 2.1.0 (major) on linux/amd64`): without it the verdict
 * read as if arm64 had moved to NumPy 2 too.
 */
export function componentFindings(withDiff: readonly Diffed[], add: Add): void {
  for (const id of VERDICT_COMPONENTS) {
    const found = new Map<string, { severity: Severity; platforms: string[] }>();
    for (const p of withDiff) {
      const c = p.diff.components.find((x) => x.id === id);
      if (!c?.changed || c.host) continue;
      const torchCuda = p.diff.components.find((x) => x.id === 'torchCuda');
      // The torch version names its CUDA build already (`2.7.0+cu128` -> `2.7.0+cpu`): one finding,
      // as severe as the CUDA build's change (a torch that lost its CUDA build is a warning).
      if (id === 'torchCuda' && p.diff.components.find((x) => x.id === 'torch')?.changed) continue;
      const cudaSeverity = id === 'torch' ? torchCudaSeverity(c, torchCuda) : 'info';
      const level = c.level ? ` (${c.level}${c.direction === 'down' ? ', downgrade' : ''})` : '';
      const text = `${COMPONENT_LABELS[id]} ${c.from ?? 'none'} → ${c.to ?? 'none'}${level}`;
      const severity = worse(componentSeverity(c), cudaSeverity);
      const seen = found.get(text);
      if (seen) {
        seen.severity = worse(seen.severity, severity);
        seen.platforms.push(p.platform);
      } else found.set(text, { severity, platforms: [p.platform] });
    }
    for (const [text, { severity, platforms }] of found)
      add(platforms.length < withDiff.length ? `${text} on ${platforms.join(', ')}` : text, severity);
  }
}

/**
 * How severe torch's change is through its CUDA build: as the torch CUDA build row's change when
 * the records know it (the probe imported torch), else as the version's label: `+cu121` -> `+cpu`
 * lost it (the diff's cudaLoss; cudaLossOf for a model an older version wrote), a warning as for
 * any pip package.
 */
function torchCudaSeverity(torch: ComponentChange, torchCuda: ComponentChange | undefined): Severity {
  if (torchCuda?.changed) return componentSeverity(torchCuda);
  if (torchCuda && (torchCuda.from !== null || torchCuda.to !== null)) return 'info';
  return cudaLossOf('pip', torch) ? 'warning' : 'info';
}
