// Markdown building blocks of the report: table rows and cells (every value escaped with md()),
// change and status cells, and smoke/package tallies.
import type { ComponentChange, PackageChange } from '../../diff/schema.js';
import { md } from '../escape.js';
import { fmtInt } from '../format.js';

const STATUS = { pass: '✅ pass', fail: '❌ fail', skip: '⏭️ skip' } as const;
export const status = (s: keyof typeof STATUS | null): string => (s ? STATUS[s] : '—');
export const cell = (v: string | null | undefined, max = 100): string =>
  v === null || v === undefined || v === '' ? '—' : md(v, max);
export const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
export const header = (cells: readonly string[]): string =>
  `${row(cells)}\n|${cells.map(() => '---').join('|')}|`;

export function changeCell(
  kind: PackageChange['kind'] | ComponentChange['direction'],
  level: string | null,
): string {
  switch (kind) {
    case 'upgraded':
    case 'up':
      return `⬆️ ${level ?? 'upgrade'}`;
    case 'downgraded':
    case 'down':
      return `⬇️ ${level ?? 'downgrade'}`;
    case 'added':
      return '➕ added';
    case 'removed':
      return '➖ removed';
    case 'changed':
      return `✏️ ${level ?? 'changed'}`;
    default:
      return '';
  }
}

export function smokeTally(s: { pass: number; fail: number; skip: number } | null): string {
  if (!s) return '—';
  const parts = [`${s.pass} pass`];
  if (s.fail) parts.push(`${s.fail} fail`);
  if (s.skip) parts.push(`${s.skip} skip`);
  return parts.join(' · ');
}

export function kindCounts(changes: readonly PackageChange[]): string {
  const c = { upgraded: 0, downgraded: 0, changed: 0, added: 0, removed: 0 };
  for (const x of changes) c[x.kind]++;
  return (Object.keys(c) as (keyof typeof c)[])
    .filter((k) => c[k] > 0)
    .map((k) => `${fmtInt(c[k])} ${k}`)
    .join(' · ');
}

export function shortSha(sha: string | undefined): string {
  // A git SHA is shown as its first 7 hex digits; anything else (a fork's odd input) is clipped by
  // code point, so a cut never splits a character, and escaped like any other value.
  if (!sha) return '';
  return /^[0-9a-f]{7,64}$/i.test(sha) ? sha.slice(0, 7) : md(sha, 12);
}
