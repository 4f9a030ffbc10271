// A secret value printed over several lines, in a program's output (redactOutput masks the first
// line of each by its NAME; this masks the lines that follow it). One pass over the lines, each
// looked at once: linear in the length of the text.
import { REDACTED, redactEnvValue } from './redact.js';

/** Whether NAME names a secret (the shared secretName rule): its value, whatever it is, is masked. */
const secretName = (name: string): boolean => redactEnvValue(name, '') === REDACTED;

/**
 * A YAML key at a line's start (after blanks and a sequence's `- `), bare or quoted, NAME with a
 * `_` as redactOutput's YAML pair (WANDB_API_KEY: a `KEY:` or `AUTHORS:` line is a program's
 * own text), followed by its value, or by nothing: a block scalar (`|`, `>-`), a nested mapping,
 * or a scalar that goes on over the lines below (yaml.dump folds a long one, and writes one that
 * holds a line break as a quoted scalar over several lines).
 */
const YAML_KEY = /^([ \t-]*)(["']?)([A-Z][A-Z0-9]*_[A-Z0-9_]*)\2:(?:[ \t]|$)/;
const INDENT = /^[ \t]*/;

/** What the lines read so far leave open: the value of a secret YAML key, at the key's column. */
type Open = { kind: 'block'; column: number; from: number };

/** A line masked from START to its end (less a CR), or kept (undefined). */
type Step = { open?: Open; mask?: number };

/**
 * One line, LINE (its CR taken off) at index AT of the lines, after OPEN: what of it is masked,
 * and what is open after it. Inside a secret YAML key's block, a blank line is part of it and a
 * line indented more than the key is masked after its indentation; the first line indented no
 * more than the key ends it (and is read as any other).
 */
function step(line: string, at: number, open: Open | undefined): Step {
  if (open) {
    const indent = INDENT.exec(line)![0].length;
    if (indent === line.length) return { open };
    if (indent > open.column) return { open, mask: indent };
  }
  const key = YAML_KEY.exec(line);
  if (key && secretName(key[3]!)) return { open: { kind: 'block', column: key[1]!.length, from: at } };
  return {};
}

/** The lines of TEXT, each without its CR, with the CR's presence. */
function linesOf(text: string): { body: string; cr: boolean }[] {
  return text
    .split('\n')
    .map((l) => (l.endsWith('\r') ? { body: l.slice(0, -1), cr: true } : { body: l, cr: false }));
}

/**
 * TEXT with the lines that go on a secret's value masked after their indentation: those indented
 * more than a secret-named YAML key (`DB_PASSWORD: |`, `>-`, a folded or quoted scalar, a nested
 * mapping) up to the first line indented no more than the key. Blank lines are kept as they are.
 * Idempotent: a masked line is masked again the same way.
 */
export function maskContinuations(text: string): string {
  if (!text.includes(':')) return text;
  const lines = linesOf(text);
  let open: Open | undefined;
  let changed = false;
  const out = lines.map(({ body, cr }, at) => {
    const s = step(body, at, open);
    open = s.open;
    if (s.mask === undefined) return cr ? `${body}\r` : body;
    changed = true;
    return `${body.slice(0, s.mask)}${REDACTED}${cr ? '\r' : ''}`;
  });
  return changed ? out.join('\n') : text;
}

/**
 * Where in TEXT (whole lines) the secret value that its last lines leave open began: the offset of
 * the line that named it, or -1 when none is open. A live view holds the text back from there, so
 * that the lines still to come are masked with it.
 */
export function openContinuation(text: string): number {
  if (!text.includes(':')) return -1;
  const lines = linesOf(text.endsWith('\n') ? text.slice(0, -1) : text);
  let open: Open | undefined;
  lines.forEach(({ body }, at) => {
    open = step(body, at, open).open;
  });
  if (!open) return -1;
  let offset = 0;
  for (let i = 0; i < (open as Open).from; i++) offset += lines[i]!.body.length + (lines[i]!.cr ? 2 : 1);
  return offset;
}
