// The document is a list of parts that can be trimmed (tables lose rows), shortened or dropped to
// stay under a size limit. A part knows its size without being rendered, so fitting stays cheap.

export interface Rows {
  head: string;
  rows: string[];
  /** The line after a trimmed list: "… and N more …" for the hidden rows from index `shown`. */
  more: (shown: number) => string;
  tail: string;
  /** Prefix sums of row lengths (+1 for the newline), filled on first use. */
  prefix?: number[];
}

export interface Part {
  label: string;
  /** Lower is dropped first; undefined: never dropped. */
  dropRank?: number;
  /** Rank at which `short` replaces the full text. */
  shortRank?: number;
  text?: string;
  rows?: Rows;
  short?: string;
  mode: 'full' | 'short' | 'dropped';
  shown: number;
  /** A chart (render/charts.ts): all of them are dropped first when the document must shrink. */
  chart?: boolean;
}

/** A table is never trimmed below this many rows. */
export const MIN_ROWS = 10;

// Drop order (lower first); platforms later in the list go first within a rank.
export const RANK = {
  charts: 5,
  labels: 10,
  env: 20,
  apt: 30,
  conda: 32,
  sizeTop: 35,
  metrics: 40,
  size: 45,
  pip: 50,
  tests: 60,
  resolution: 70,
  supplyChain: 72,
  intro: 75,
  overviewShort: 80,
  links: 85,
  overview: 90,
  heading: 98,
} as const;

export function rowsSize(r: Rows, shown: number): number {
  if (!r.prefix) {
    r.prefix = [0];
    for (const x of r.rows) r.prefix.push(r.prefix.at(-1)! + x.length + 1);
  }
  const hidden = r.rows.length - shown;
  return r.head.length + r.prefix[shown]! + (hidden > 0 ? r.more(shown).length + 1 : 0) + r.tail.length;
}

function rowsText(r: Rows, shown: number): string {
  const hidden = r.rows.length - shown;
  const body = r.rows.slice(0, shown).join('\n');
  return `${r.head}${body}${body ? '\n' : ''}${hidden > 0 ? `${r.more(shown)}\n` : ''}${r.tail}`;
}

export function partSize(p: Part): number {
  if (p.mode === 'dropped') return 0;
  if (p.mode === 'short') return p.short!.length;
  return p.rows ? rowsSize(p.rows, p.shown) : p.text!.length;
}

export function partText(p: Part): string {
  if (p.mode === 'dropped') return '';
  if (p.mode === 'short') return p.short!;
  return p.rows ? rowsText(p.rows, p.shown) : p.text!;
}

export const textPart = (label: string, text: string, dropRank?: number): Part => ({
  label,
  text,
  mode: 'full',
  shown: 0,
  ...(dropRank !== undefined && { dropRank }),
});

export function rowsPart(label: string, rows: Rows, dropRank: number): Part {
  return { label, rows, dropRank, mode: 'full', shown: rows.rows.length };
}

/** A <details> block around a table; the "more" line sits between the table and </details>. */
export function detailsRows(
  summary: string,
  tableHead: string,
  rows: string[],
  more: Rows['more'],
  intro = '',
): Rows {
  return {
    head: `<details><summary>${summary}</summary>\n\n${intro}${tableHead}\n`,
    rows,
    more,
    tail: '\n</details>',
  };
}
