// The kind of an image size in words, as plain text (the renderer escapes it): what a size
// measures depends on the engine's image store (src/docker/size-kind.ts), and two sizes of
// different kinds are never compared: the report says why instead of a change or a percentage.
import { DEFAULT_SIZE_KIND, type SizeKind } from '../docker/size-kind.js';
import type { EnvDiff, EnvSummary } from '../diff/schema.js';
import { fmtBytes } from './format.js';

const WORDS: Record<SizeKind, { size: string; store: string; short: string }> = {
  unpacked: { size: 'unpacked size', store: 'classic image store', short: 'unpacked' },
  content: { size: 'compressed content size', store: 'containerd image store', short: 'compressed' },
};

/** The kind of a summary's size: one without a kind is what the classic store gave. */
export const kindOf = (s: Pick<EnvSummary, 'sizeKind'>): SizeKind => s.sizeKind ?? DEFAULT_SIZE_KIND;

/** "unpacked size (classic image store)", "compressed content size (containerd image store)". */
export const kindWords = (kind: SizeKind): string => `${WORDS[kind].size} (${WORDS[kind].store})`;

/** "compressed content size, containerd image store": kindWords to go inside parentheses. */
export const kindPhrase = (kind: SizeKind): string => `${WORDS[kind].size}, ${WORDS[kind].store}`;

/** "unpacked", "compressed". */
export const kindShort = (kind: SizeKind): string => WORDS[kind].short;

/** A size as a table shows it: "8.61 GB" unpacked (as always), "62.7 MB (compressed)" otherwise. */
export function sizeFigure(bytes: number, kind: SizeKind = DEFAULT_SIZE_KIND): string {
  return kind === DEFAULT_SIZE_KIND ? fmtBytes(bytes) : `${fmtBytes(bytes)} (${WORDS[kind].short})`;
}

/** The two sides' figures with their kinds: "185.9 MB (unpacked)". */
export const kindFigure = (bytes: number, kind: SizeKind): string =>
  `${fmtBytes(bytes)} (${WORDS[kind].short})`;

/** What the overview and the run's table say instead of a change. */
export const NOT_COMPARABLE = 'not comparable: image store changed';

/**
 * Why the two sizes are not compared (plain text, after "the BASE record's"), or null when they
 * are of one kind: "185.9 MB is the unpacked size (classic image store), this PR's 62.7 MB the
 * compressed content size (containerd image store): the Docker engine's image store changed
 * between them".
 */
export function kindChangeText(diff: Pick<EnvDiff, 'size' | 'sizeKindChange'>): string | null {
  const k = diff.sizeKindChange;
  if (!k) return null;
  return (
    `${fmtBytes(diff.size.base)} is the ${kindWords(k.from)}, this PR's ${fmtBytes(diff.size.head)} ` +
    `the ${kindWords(k.to)}: the Docker engine's image store changed between them`
  );
}
