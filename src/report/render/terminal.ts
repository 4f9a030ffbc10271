// The report for a terminal: the same Markdown the comment carries (report.md), read back into plain
// text. No HTML entities (`&#40;` is "("), no tags (<details> sections become headed blocks), tables
// aligned by display width (emoji take two columns), links as "text <url>", no Mermaid charts (the
// tables beside them hold the same figures). Bold headings only when colour is on: the caller
// decides (a TTY, and no NO_COLOR).
import he from 'he';

interface TerminalOptions {
  color: boolean;
}

const BOLD = (on: boolean) => (s: string) => (on && s !== '' ? `\x1b[1m${s}\x1b[22m` : s);
// eslint-disable-next-line no-control-regex -- removing the ANSI codes we add is the point
const ANSI = /\x1b\[[0-9;]*m/g;
const JOINER = /\u2060/g;
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Columns a string takes on a terminal: wide for emoji and East Asian wide characters. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of segmenter.segment(text.replace(ANSI, ''))) {
    if (/^\p{M}+$/u.test(segment) || segment === '\u2060' || segment === '\u200d') continue;
    const cp = segment.codePointAt(0)!;
    // Emoji shown as emoji (by default, or asked for with VS16) and East Asian wide characters.
    const emoji =
      /\p{Emoji_Presentation}/u.test(segment) ||
      (/\p{Extended_Pictographic}/u.test(segment) && segment.includes('\ufe0f'));
    const eastAsianWide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6);
    width += emoji || eastAsianWide ? 2 : 1;
  }
  return width;
}

/** Inline Markdown and HTML of one piece of text -> plain text (optionally bold). */
function inline(text: string, bold: (s: string) => string, br = '\n'): string {
  const out = text
    .replace(/<br\s*\/?>/gi, br)
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, t: string, u: string) => (t === u ? u : `${t} <${u}>`))
    .replace(/\*\*([^*]+)\*\*/g, (_m, t: string) => bold(t))
    .replace(/`([^`]*)`/g, '$1')
    .replace(/<a\s+href="([^"]*)"[^>]*>([^<]*)<\/a>/gi, '$2 <$1>')
    .replace(
      /<\/?(details|summary|blockquote|sub|sup|b|strong|i|em|code|p|div|span|picture|source)\b[^>]*>/gi,
      '',
    )
    .replace(/<img\b[^>]*alt="([^"]*)"[^>]*>/gi, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>$])/g, '$1');
  return he.decode(out).replace(JOINER, '');
}

const cells = (row: string): string[] =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());

function table(rows: string[], bold: (s: string) => string): string[] {
  const body = rows.filter((r) => !/^\|?\s*:?-{3,}/.test(r.trim()));
  const grid = body.map((r, i) => cells(r).map((c) => inline(c, i === 0 ? bold : (s) => s, ' / ')));
  const n = Math.max(...grid.map((r) => r.length));
  const widths = Array.from({ length: n }, (_, j) =>
    Math.max(0, ...grid.map((r) => displayWidth(r[j] ?? ''))),
  );
  const line = (r: string[]) =>
    r
      .map((c, j) => (j === r.length - 1 ? c : c + ' '.repeat(widths[j]! - displayWidth(c))))
      .join('  ')
      .trimEnd();
  const [head, ...rest] = grid;
  return [line(head!), widths.map((w) => '─'.repeat(w)).join('  '), ...rest.map(line)];
}

/** An open fenced code block: its indent, its fence (``` or ~~~, 3 or more), and whether it is a chart. */
interface Fence {
  indent: number;
  marker: string;
  chart: boolean;
}

const FENCE = /^( *)(`{3,}|~{3,})(.*)$/;

/**
 * A line that opens a fenced code block (CommonMark: up to 3 spaces of indent, more inside a list
 * item: sections.ts writes a platform's verify commands as a fence under its item), or null.
 */
function fenceOpen(line: string, listIndent: number): Fence | null {
  const m = FENCE.exec(line);
  // A backtick fence's info string holds no backtick (else the line is inline code).
  if (!m || m[1]!.length > listIndent + 3 || (m[2]!.startsWith('`') && m[3]!.includes('`'))) return null;
  return { indent: m[1]!.length, marker: m[2]!, chart: m[3]!.trim().split(/\s/)[0] === 'mermaid' };
}

/** A line that closes the block: the same character, at least as long, nothing after it. */
const closes = (line: string, f: Fence): boolean => {
  const m = /^( *)(`{3,}|~{3,})\s*$/.exec(line);
  return (
    m !== null && m[1]!.length <= f.indent + 3 && m[2]![0] === f.marker[0] && m[2]!.length >= f.marker.length
  );
};

/** report.md (GitHub Markdown) -> text for a terminal. */
export function toTerminal(markdown: string, options: TerminalOptions): string {
  const bold = BOLD(options.color);
  const out: string[] = [];
  const lines = markdown.replace(/<!--[\s\S]*?-->\n?/g, '').split('\n');
  let fence: Fence | null = null;
  // The content column of the list item the text is in (0 outside a list).
  let listIndent = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence) {
      if (closes(line, fence)) fence = null;
      // A chart is for GitHub to draw; its figures are in the table beside it. Code is verbatim,
      // less the fence's own indent (a command copied from the terminal runs as written).
      else if (!fence.chart) out.push(`    ${line.replace(new RegExp(`^ {0,${fence.indent}}`), '')}`);
      continue;
    }
    fence = fenceOpen(line, listIndent);
    if (fence) continue;
    const listed = /^(\s*)[-*]\s+/.exec(line);
    if (listed) listIndent = listed[0].length;
    else if (line.trim() !== '' && !line.startsWith(' ')) listIndent = 0;
    if (line.trimStart().startsWith('|')) {
      const rows: string[] = [];
      while (i < lines.length && lines[i]!.trimStart().startsWith('|')) rows.push(lines[i++]!);
      i--;
      out.push(...table(rows, bold));
      continue;
    }
    const summary = /^\s*<details[^>]*>\s*<summary>(.*?)<\/summary>\s*$/i.exec(line);
    if (summary) {
      out.push(`▸ ${bold(inline(summary[1]!, (s) => s, ' '))}`);
      continue;
    }
    if (/^\s*<\/?(details|blockquote)>\s*$/i.test(line)) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const text = inline(heading[2]!, (s) => s, ' ');
      out.push(bold(text));
      if (heading[1]!.length <= 3) out.push('═'.repeat(Math.min(displayWidth(text), 100)));
      continue;
    }
    const item = /^(\s*)[-*]\s+(.*)$/.exec(line);
    if (item) {
      out.push(`${item[1]}• ${inline(item[2]!, bold)}`);
      continue;
    }
    out.push(inline(line, bold));
  }
  // One blank line at most between blocks (removed tags leave runs of them).
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .trimEnd()}\n`;
}

/** Colour on a terminal that asked for none? https://no-color.org: any non-empty NO_COLOR. */
export function wantsColor(
  isTTY: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  return isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}
