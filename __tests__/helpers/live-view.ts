// What the live view of a test's output (liveLines) shows for TEXT pushed in chunks: cut at CUTS
// (offsets into TEXT), or one character a chunk when none are given.
import { liveLines } from '../../src/smoke/output.js';

export function shownLive(text: string, cuts?: readonly number[]): string {
  const shown: string[] = [];
  const live = liveLines((t) => shown.push(t));
  const at = [
    0,
    ...(cuts ?? Array.from({ length: Math.max(0, text.length - 1) }, (_, i) => i + 1)),
    text.length,
  ];
  for (let i = 1; i < at.length; i++) live.push(text.slice(at[i - 1], at[i]));
  live.flush();
  return shown.join('');
}
