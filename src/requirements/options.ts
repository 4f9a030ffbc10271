// pip's requirement-file options, parsed as pip's optparse does: long names by unique prefix,
// short ones by letter, values inline (`--opt=v`, `-iv`) or in the next token, and pip's shlex
// split of the options part of a line. Pure.

export interface OptionSpec {
  long: string;
  short?: string;
  takesValue: boolean;
  /** Allowed after a requirement on the same line (per-requirement options). */
  perRequirement?: boolean;
  check?: (value: string) => string | undefined;
}

const STRONG_HASHES = ['sha256', 'sha384', 'sha512'];

export const OPTIONS: OptionSpec[] = [
  { long: 'index-url', short: 'i', takesValue: true },
  { long: 'extra-index-url', takesValue: true },
  { long: 'no-index', takesValue: false },
  { long: 'constraint', short: 'c', takesValue: true },
  { long: 'requirement', short: 'r', takesValue: true },
  { long: 'editable', short: 'e', takesValue: true },
  { long: 'find-links', short: 'f', takesValue: true },
  { long: 'no-binary', takesValue: true },
  { long: 'only-binary', takesValue: true },
  { long: 'prefer-binary', takesValue: false },
  { long: 'require-hashes', takesValue: false },
  { long: 'pre', takesValue: false },
  { long: 'trusted-host', takesValue: true },
  { long: 'use-feature', takesValue: true },
  {
    long: 'hash',
    takesValue: true,
    perRequirement: true,
    check: (v) => {
      const i = v.indexOf(':');
      if (i <= 0 || i === v.length - 1)
        return `--hash must be a hash name followed by a value, like --hash=sha256:abcde...`;
      const algo = v.slice(0, i);
      if (!STRONG_HASHES.includes(algo))
        return `allowed hash algorithms for --hash are ${STRONG_HASHES.join(', ')} (got "${algo}")`;
      if (!/^[0-9a-fA-F]+$/.test(v.slice(i + 1))) return `the ${algo} digest "${v.slice(i + 1)}" is not hex`;
      return undefined;
    },
  },
  { long: 'config-settings', takesValue: true, perRequirement: true },
  { long: 'global-option', takesValue: true, perRequirement: true },
  { long: 'install-option', takesValue: true, perRequirement: true },
];

/** optparse accepts a unique prefix of a long option (`--extra-index` for --extra-index-url). */
function longOption(name: string, pool: readonly OptionSpec[]): OptionSpec | string {
  const exact = pool.find((o) => o.long === name);
  if (exact) return exact;
  const prefixed = pool.filter((o) => o.long.startsWith(name));
  if (prefixed.length === 1) return prefixed[0]!;
  if (prefixed.length > 1)
    return `ambiguous option --${name} (${prefixed.map((o) => `--${o.long}`).join(', ')})`;
  return `no such option: --${name}`;
}

/** optparse over pip's whitespace tokens. */
export function parseOptions(
  tokens: readonly string[],
  pool: readonly OptionSpec[],
): { options: { spec: OptionSpec; value?: string }[]; error?: string; rest: string[] } {
  const options: { spec: OptionSpec; value?: string }[] = [];
  const rest: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let spec: OptionSpec | string;
    let inline: string | undefined;
    if (t.startsWith('--')) {
      const eq = t.indexOf('=');
      spec = longOption(eq < 0 ? t.slice(2) : t.slice(2, eq), pool);
      if (eq >= 0) inline = t.slice(eq + 1);
    } else if (t.startsWith('-') && t.length > 1) {
      const s = pool.find((o) => o.short === t[1]);
      spec = s ?? `no such option: ${t.slice(0, 2)}`;
      if (t.length > 2) inline = t.slice(2);
    } else {
      rest.push(t);
      continue;
    }
    if (typeof spec === 'string') return { options, error: spec, rest };
    let value: string | undefined;
    if (spec.takesValue) {
      value = inline ?? tokens[++i];
      if (value === undefined || value === '')
        return { options, error: `--${spec.long} requires an argument`, rest };
      const bad = spec.check?.(value);
      if (bad) return { options, error: bad, rest };
    } else if (inline !== undefined) {
      return { options, error: `--${spec.long} option does not take a value`, rest };
    }
    options.push({ spec, ...(value !== undefined && { value }) });
  }
  return { options, rest };
}

/** shlex.split, as pip splits the options part of a line (quotes group, backslash escapes). */
export function shlexSplit(s: string): string[] | undefined {
  const out: string[] = [];
  let cur: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (/\s/.test(ch)) {
      if (cur !== undefined) out.push(cur);
      cur = undefined;
    } else if (ch === '"' || ch === "'") {
      const end = s.indexOf(ch, i + 1);
      if (end < 0) return undefined;
      cur = (cur ?? '') + s.slice(i + 1, end);
      i = end;
    } else if (ch === '\\' && i + 1 < s.length) {
      cur = (cur ?? '') + s[++i];
    } else cur = (cur ?? '') + ch;
  }
  if (cur !== undefined) out.push(cur);
  return out;
}
