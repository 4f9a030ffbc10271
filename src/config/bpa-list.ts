// docker/build-push-action's list inputs as actions-toolkit reads them (Util.getInputList: one item
// a line, each line CSV). Config reads `build-args` with it (config/inputs.ts), the build stage its
// own BPA inputs (build/action-inputs.ts): it is about reading action inputs, so it lives in config,
// which every stage may import, and it imports nothing.

/**
 * The records of a CSV text as csv-parse reads them (columns: false, relaxQuotes): records end at a
 * newline outside quotes, fields at a comma; a field that starts with `"` runs to the closing quote
 * (newlines and commas included, `""` is a quote); a quote anywhere else is a plain character.
 * Empty lines are skipped.
 */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const endRecord = () => {
    record.push(field);
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
    field = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      let j = i + 1;
      let quoted = '';
      for (; j < text.length; j++) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            quoted += '"';
            j++;
          } else break;
        } else quoted += text[j];
      }
      field = quoted;
      i = j + 1;
      // Text after the closing quote stays in the field (relaxQuotes).
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      continue;
    }
    if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else field += c;
    i++;
  }
  endRecord();
  return records;
}

/** The fields of one CSV line (a buildx `--output` spec), as csvRecords reads them. */
export function csvFields(line: string): string[] {
  return csvRecords(line)[0] ?? [''];
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
 * without it (tags, platforms, secret-envs) each field is an item. Blank items are dropped, items
 * trimmed unless `trim` is false (secrets keep their whitespace, as BPA's).
 */
export function parseBpaList(
  raw: string,
  opts: { ignoreComma: boolean; trim?: boolean; quote?: boolean },
): string[] {
  const text = opts.trim === false ? raw : raw.trim();
  if (text === '') return [];
  // quote: false (BPA's `outputs`): lines as given, quotes kept for buildx's own CSV parsing.
  if (opts.quote === false)
    return text
      .split(/\r?\n/)
      .flatMap((l) => (opts.ignoreComma ? [l] : l.split(',')))
      .map((s) => s.trim())
      .filter((s) => s !== '');
  const out: string[] = [];
  for (const record of csvRecords(text)) {
    if (record.length === 1) out.push(...(opts.ignoreComma ? record : record[0]!.split(',')));
    else if (!opts.ignoreComma) out.push(...record);
    else out.push(record.join(','));
  }
  return out.map((s) => (opts.trim === false ? s : s.trim())).filter((s) => s !== '');
}
