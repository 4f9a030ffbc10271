// pip's requirement-file options, parsed as pip's optparse does: long names (and aliases, such as
// --pypi-url for --index-url) by unique prefix, short ones by letter, values inline (`--opt=v`,
// `-iv`) or in the next token, words that are no option's value ignored (pip ignores optparse's
// positional arguments: `--pre foo` installs no foo), and pip's shlex split of the options part of
// a line (shlexTokens: POSIX quotes and backslashes, with where each character came from). An
// option only some pips take (pip 26's --only-final, one pip removed such as --global-option) is
// refused with the pip version that takes it: the resolver and the build run the base image's pip.
// Pure.

interface OptionSpec {
  long: string;
  /** Other long names optparse knows the option by (pip: `--pypi-url` is `--index-url`). */
  aliases?: string[];
  short?: string;
  takesValue: boolean;
  /** Allowed after a requirement on the same line (per-requirement options). */
  perRequirement?: boolean;
  check?: (value: string) => string | undefined;
  /**
   * Why the option is refused though some pip takes it: one the pip of a base image (the resolver's
   * and the build's pip) may not know yet, or no longer knows. It stays in the pool so that a
   * prefix is judged as current pip judges it (`--only` is ambiguous there).
   */
  refused?: string;
}

/** Why an option of pip VERSION and later is refused: the bases' pip may be older. */
const newerPip = (option: string, version: string, instead: string) =>
  `${option} is an option of pip ${version} and later: the pip of the base image, which the resolver and the build run, may be older and refuse the line ("no such option: ${option}"); ${instead}`;

/** Why an option pip VERSION removed is refused. */
const removedFromPip = (option: string, version: string, older: string) =>
  `${option} was removed in pip ${version} (a base image's newer pip refuses the line: "no such option"${older}); pass build settings with -C/--config-settings instead`;

const STRONG_HASHES = ['sha256', 'sha384', 'sha512'];
/** Hex digits of each algorithm's digest: a value of another length matches no file. */
const HEX_DIGITS: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

export const OPTIONS: OptionSpec[] = [
  { long: 'index-url', aliases: ['pypi-url'], short: 'i', takesValue: true },
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
  {
    long: 'no-require-hashes',
    takesValue: false,
    refused: newerPip(
      '--no-require-hashes',
      '26.2',
      'drop the --hash options instead (every requirement then installs without a hash check)',
    ),
  },
  { long: 'pre', takesValue: false },
  {
    long: 'all-releases',
    takesValue: true,
    refused: newerPip(
      '--all-releases',
      '26.0',
      'use --pre (every project), or name a pre-release in the requirement (foo>=2.0rc1)',
    ),
  },
  {
    long: 'only-final',
    takesValue: true,
    refused: newerPip(
      '--only-final',
      '26.0',
      'leave it out (without --pre, pip takes a pre-release only where a requirement names one or a project has no final release), or pin final releases',
    ),
  },
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
      const digits = v.length - i - 1;
      if (digits !== HEX_DIGITS[algo])
        return `the ${algo} digest "${v.slice(i + 1)}" is ${digits} hex digits, not ${HEX_DIGITS[algo]}: no file matches it (copy the whole digest)`;
      return undefined;
    },
  },
  { long: 'config-settings', short: 'C', takesValue: true, perRequirement: true },
  {
    long: 'global-option',
    takesValue: true,
    perRequirement: true,
    refused: removedFromPip(
      '--global-option',
      '25.3',
      '; an older one builds every project from source with it, --no-binary :all:',
    ),
  },
  {
    long: 'install-option',
    takesValue: true,
    perRequirement: true,
    refused: removedFromPip('--install-option', '23.1', ''),
  },
];

/**
 * optparse accepts a unique prefix of a long option string (`--extra-index` for --extra-index-url,
 * `--pypi` for --pypi-url): each name and alias is one string.
 */
function longOption(name: string, pool: readonly OptionSpec[]): OptionSpec | string {
  const strings = pool.flatMap((o) => [o.long, ...(o.aliases ?? [])].map((s) => ({ s, o })));
  const exact = strings.find((x) => x.s === name);
  if (exact) return exact.o;
  const prefixed = strings.filter((x) => x.s.startsWith(name));
  if (prefixed.length === 1) return prefixed[0]!.o;
  if (prefixed.length > 1)
    return `ambiguous option --${name} (${prefixed
      .map((x) => `--${x.s}`)
      .sort()
      .join(', ')})`;
  return `no such option: --${name}`;
}

/**
 * optparse over pip's shlex tokens: the options, and in `rest` the words that are no option's value
 * (optparse's positional arguments, which pip ignores).
 */
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
    if (spec.refused !== undefined) return { options, error: spec.refused, rest };
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

/** A word of shlexTokens: its value, and where in the text split each of its characters is. */
export interface ShlexToken {
  value: string;
  /** at[i]: the index in the text of value[i] (a quote or backslash removed is in no token). */
  at: number[];
}

/** Python's shlex whitespace (not str.isspace's: a no-break space is part of a word). */
const SHLEX_SPACE = ' \t\r\n';

/**
 * Python's shlex.split(s) (POSIX mode, no comments), as pip splits the options part of a line: words
 * at spaces, tabs, CR, LF; quotes group and are removed; a backslash outside quotes takes the next
 * character as it is, inside double quotes only before '"' or '\\' (elsewhere it stays), inside
 * single quotes never. Each character's index in S is kept. `error` where Python raises (pip's
 * "Could not split options").
 */
export function shlexTokens(s: string): { tokens: ShlexToken[] } | { error: string } {
  const tokens: ShlexToken[] = [];
  let cur: ShlexToken | undefined;
  const add = (i: number) => {
    cur ??= { value: '', at: [] };
    cur.value += s[i];
    cur.at.push(i);
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (SHLEX_SPACE.includes(ch)) {
      if (cur !== undefined) tokens.push(cur);
      cur = undefined;
    } else if (ch === "'" || ch === '"') {
      cur ??= { value: '', at: [] };
      for (i++; i < s.length && s[i] !== ch; i++) {
        if (ch === '"' && s[i] === '\\' && (s[i + 1] === '"' || s[i + 1] === '\\')) i++;
        if (i < s.length) add(i);
      }
      if (i >= s.length) return { error: 'unbalanced quotes in the options (pip cannot split them)' };
    } else if (ch === '\\') {
      if (++i >= s.length)
        return { error: 'a "\\" ends the options, escaping nothing (pip cannot split them)' };
      add(i);
    } else add(i);
  }
  if (cur !== undefined) tokens.push(cur);
  return { tokens };
}

/** shlex.split, as pip splits the options part of a line (shlexTokens' values); undefined where pip cannot. */
export function shlexSplit(s: string): string[] | undefined {
  const r = shlexTokens(s);
  return 'error' in r ? undefined : r.tokens.map((t) => t.value);
}
