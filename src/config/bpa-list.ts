// docker/build-push-action's list inputs as actions-toolkit reads them (Util.getInputList: one item
// a line, each line CSV). Config reads `build-args` with it (config/inputs.ts), the build stage its
// own BPA inputs (build/action-inputs.ts): it is about reading action inputs, so it lives in config,
// which every stage may import, and it imports only the error classes.
import { InputError } from '../errors.js';

/** Where csvRecords found a quote that is never closed: its line (1-based) in the text. */
interface Unclosed {
  line: number;
}

/**
 * The records of a CSV text as csv-parse reads them (columns: false, relaxQuotes): records end at a
 * line break outside quotes, fields at a comma; a field that starts with `"` runs to the closing
 * quote (line breaks and commas included, `""` is a quote); a quote anywhere else is a plain
 * character. A line break is the first one outside quotes, `\r\n`, `\n` or `\r`, and only that one
 * after it (csv-parse discovers its record delimiter so): in `A=1\r\nB=2\nC=3` the `\n` is part of
 * the item `B=2\nC=3`, as docker/build-push-action reads it. A closing quote followed by anything
 * but a comma, that line break or the end does not end the quoting as CSV would (relaxQuotes): the
 * field is kept as written, its quotes too (`"a=1"x` is `"a=1"x`; the only change is `""` read as
 * `"` before that quote). A quote never closed is `unclosed` (csv-parse throws "Quote Not Closed");
 * the rest of the text is then its field. Empty lines are skipped. With QUOTE false (csv-parse's
 * `quote: false`) a `"` is a plain character.
 */
function csvRecords(text: string, quote = true): { records: string[][]; unclosed?: Unclosed } {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let unclosed: Unclosed | undefined;
  let eol: string | undefined;
  /** The length of the record delimiter at J (0: none there); the first break outside quotes sets it. */
  const breakAt = (j: number): number => {
    if (eol === undefined) {
      if (text[j] !== '\n' && text[j] !== '\r') return 0;
      eol = text.startsWith('\r\n', j) ? '\r\n' : text[j]!;
    }
    return text.startsWith(eol, j) ? eol.length : 0;
  };
  const endRecord = () => {
    record.push(field);
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
    field = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (quote && c === '"' && field === '') {
      let j = i + 1;
      let quoted = '';
      for (; j < text.length; j++) {
        if (text[j] !== '"') quoted += text[j];
        else if (text[j + 1] === '"') {
          quoted += '"';
          j++;
        } else break;
      }
      // The line it opens on, as the user counts lines (any break).
      if (j >= text.length) unclosed ??= { line: 1 + (text.slice(0, i).match(/\r\n|\r|\n/g) ?? []).length };
      // Closed before a comma, the line break or the end: a CSV field. Else kept as written.
      const next = j + 1;
      field = next >= text.length || text[next] === ',' || breakAt(next) > 0 ? quoted : `"${quoted}"`;
      i = next;
      continue;
    }
    const eolLength = breakAt(i);
    if (eolLength > 0) {
      endRecord();
      i += eolLength;
      continue;
    }
    if (c === ',') {
      record.push(field);
      field = '';
    } else field += c;
    i++;
  }
  endRecord();
  return { records, ...(unclosed && { unclosed }) };
}

/** The fields of one CSV line (a buildx `--output` spec), as csvRecords reads them. */
export function csvFields(line: string): string[] {
  return csvRecords(line).records[0] ?? [''];
}

/**
 * A buildx `KEY=VALUE,...` spec (`--output`, `--cache-from`, `--cache-to`) read as buildx reads it
 * (buildflags: one line of CSV fields, tonistiigi/go-csvvalue): each key lowercased, the value
 * after its first `=` as written, the last value of a key winning. Keys are trimmed too, as buildx
 * trims output keys (a cache key with spaces around it is no key to buildx, so a cache spec is read
 * more strictly here, never less). `problem` says why buildx could read the spec otherwise than
 * this, and the caller refuses it: a key given twice (a check of the first value would pass what
 * buildx replaces with the last), or a line break (go-csvvalue reads it as a plain character, the
 * CSV reader here as the end of the spec).
 */
export function specAttrs(spec: string): { attrs: Map<string, string>; problem?: string } {
  const attrs = new Map<string, string>();
  if (/[\r\n]/.test(spec)) return { attrs, problem: 'holds a line break (buildx reads one line)' };
  for (const field of csvFields(spec)) {
    const at = field.indexOf('=');
    const key = (at < 0 ? field : field.slice(0, at)).trim().toLowerCase();
    if (attrs.has(key)) return { attrs, problem: `gives ${key} twice (buildx would take the last)` };
    attrs.set(key, at < 0 ? '' : field.slice(at + 1));
  }
  return { attrs };
}

/**
 * BPA's list inputs (actions-toolkit Util.getInputList): the input is CSV, one record a line, and a
 * quoted field may span lines (`"KEY=line1\nline2"`, its quotes removed). With ignoreComma (labels,
 * annotations, build-args, secrets, cache specs) a record's fields are joined back with commas;
 * without it (tags, platforms, secret-envs) each field is an item. Blank items (spaces only too) are dropped, items
 * trimmed unless `trim` is false (secrets keep their whitespace, as BPA's). A quote never closed is
 * refused, as csv-parse refuses it, naming INPUT and the line the quote opens on, never the text
 * (a secret's): read on, it would swallow every later line into that one item.
 */
export function parseBpaList(
  raw: string,
  opts: { input?: string; ignoreComma: boolean; trim?: boolean; quote?: boolean },
): string[] {
  const text = opts.trim === false ? raw : raw.trim();
  if (text === '') return [];
  // quote: false (BPA's `outputs`): quotes kept for buildx's own CSV parsing.
  const { records, unclosed } = csvRecords(text, opts.quote !== false);
  if (unclosed) {
    // Lines of the input as given: the blank lines trimmed off its start count.
    const skipped = raw.slice(0, raw.length - raw.trimStart().length);
    const line = unclosed.line + (opts.trim === false ? 0 : (skipped.match(/\r\n|\r|\n/g) ?? []).length);
    throw new InputError(
      `input "${opts.input ?? 'list'}": the item on line ${line} opens a quote (") that is never closed, so every line after it would be read as part of that item`,
      'close the quote after the last line of the item ("ID=line1<newline>line2"), and write a " inside a quoted value as "" (as docker/build-push-action reads it, csv-parse: "Quote Not Closed")',
    );
  }
  const out: string[] = [];
  for (const record of records) {
    if (record.length === 1) out.push(...(opts.ignoreComma ? record : record[0]!.split(',')));
    else if (!opts.ignoreComma) out.push(...record);
    else out.push(record.join(','));
  }
  // A line of spaces is blank with trim false too: build-push-action warns that it is no secret and
  // builds on (actions-toolkit keeps it, then parseSecretKvp fails), so it is no item here.
  return out.map((s) => (opts.trim === false ? s : s.trim())).filter((s) => s.trim() !== '');
}
