// Plain-text formatting shared by the report model (finding texts) and the Markdown renderer:
// numbers, byte sizes, signed deltas, plurals and the display names of environment components.
import type { ComponentId } from '../diff/schema.js';

const int = new Intl.NumberFormat('en-US');
export const fmtInt = (n: number): string => int.format(n);

export function fmtBytes(n: number): string {
  const a = Math.abs(n);
  const [div, unit, digits] =
    a >= 1e9 ? [1e9, 'GB', 2] : a >= 1e6 ? [1e6, 'MB', 1] : a >= 1e3 ? [1e3, 'kB', 1] : [1, 'B', 0];
  return `${(n / div).toFixed(digits)} ${unit}`;
}

export const signed = (n: number, f: (x: number) => string): string =>
  n > 0 ? `+${f(n)}` : n < 0 ? `−${f(-n)}` : '±0';
export const pct = (r: number): string =>
  `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r * 100).toFixed(1)}%`;

/** Up to 4 significant digits, without exponent noise. */
export function num(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return fmtInt(n);
  return String(Number(n.toPrecision(4)));
}

export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${fmtInt(n)} ${n === 1 ? one : many}`;

export const COMPONENT_LABELS: Record<ComponentId, string> = {
  os: 'OS',
  glibc: 'glibc',
  python: 'Python',
  torch: 'torch',
  torchCuda: 'torch CUDA build',
  numpy: 'NumPy',
  cuda: 'CUDA runtime',
  cudnn: 'cuDNN',
  nccl: 'NCCL',
  driverMaxCuda: 'Driver max CUDA',
  driver: 'NVIDIA driver',
  gpus: 'GPUs',
};
