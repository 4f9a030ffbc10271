// A secret on a command line as a program's output shows it (a shell's `set -x` trace, a logged
// argv, a subprocess's repr, a help text's synopsis): a secret option's value (`--password x`,
// `--hf-token=x`, argv's `'--token', 'x'`), a variable's NAME=value glued to an option or alone
// in a quoted item (`--env=HF_TOKEN=x`, `['env', 'GH_TOKEN=x']`, docker inspect's `"Env":
// ["HF_TOKEN=x"]`), and a netrc entry's password (`machine host login u password x`).
import { REDACTED, redactEnvValue } from './redact.js';
import { lowerSecret } from './redact-output-pairs.js';

/**
 * Whether an option's NAME (without its dashes) names a secret: `token`, `password`, `secret`
 * alone, or a lower-case key's name that does (lowerSecret: `api-key`, `hf-token`,
 * `client-secret`); not a tokenizer's (`pad-token`), a file's or a way to read one
 * (`token-file`, `password-stdin`).
 */
export const secretOption = (name: string): boolean =>
  /^(?:token|passw(?:or)?d|passphrase|secret)$/i.test(name) || lowerSecret(name);

/** Words of prose that follow an option's name in a sentence (`use --token to log in`): no value. */
const PROSE = new Set(
  'a an and as be can for from given if in is must not of on option or required should the to was when will with'.split(
    ' ',
  ),
);
/** A placeholder for the value, as a help text shows it: `TEXT`, `HF_TOKEN`, `<token>`, `[PASSWORD]`, `{token}`. */
const PLACEHOLDER = /^(?:[A-Z][A-Z_]{0,31}|<[^>]*>?|\[[^\]]*\]?|\{[^}]*\}?)$/;

/**
 * An option and what follows its name: `=`, blanks, or the close of an argv list's quoted item
 * and the next item's quote (`'--token', 'x'`); one dash or two (Go's flags take one).
 */
const OPTION =
  /(?<![\w-])(["']?)(--?)([A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*)(?:=|[ \t]+|\1[ \t]*,[ \t]*b?(?=["']))/g;
/** A variable's NAME=value glued to an option (`--env=HF_TOKEN=x`, `--build-arg=GH_TOKEN=x`). */
const GLUED = /(?<![\w-])--?[A-Za-z][A-Za-z0-9-]*=([A-Z_][A-Z0-9_]*)=/g;
/** A quoted item that is a variable's NAME=value (`'GH_TOKEN=x'`), its value up to 1024 characters (linear). */
const QUOTED_ITEM = /(["'])([A-Z_][A-Z0-9_]*)=((?:\\.|(?!\1)[^\\\r\n]){0,1024})\1/g;
/** A netrc entry's password after its `machine` or `default` on the line, or on a line of its own. */
const NETRC =
  /(?:\b(?:machine[ \t]+\S+|default)(?:[ \t]+(?:login|account)[ \t]+\S+)*|^[ \t]*)[ \t]+password[ \t]+/gm;

type Span = { from: number; to: number };

/** The value that starts at START: inside its quotes, or its word (to a blank, a quote or a bracket's close). */
function valueAt(text: string, start: number): Span & { end: number } {
  const q = text[start];
  if (q === '"' || q === "'") {
    let i = start + 1;
    while (i < text.length && text[i] !== q && text[i] !== '\n' && text[i] !== '\r')
      i += text[i] === '\\' ? 2 : 1;
    i = Math.min(i, text.length);
    return { from: start + 1, to: i, end: i + (text[i] === q ? 1 : 0) };
  }
  let i = start;
  while (i < text.length && !/[\s"'`,;)\]}]/.test(text[i]!)) i++;
  return { from: start, to: i, end: i };
}

/**
 * Whether VALUE, an option's, is one: not empty, another option, a reference, a placeholder, prose,
 * or where a secret comes from (buildx's `--secret id=hf,src=/run/token`).
 */
function holdsValue(value: string): boolean {
  return (
    value !== '' &&
    !/^(?:-|\$|\*\*\*|(?:id|type|src|source|env)=)/.test(value) &&
    !PLACEHOLDER.test(value) &&
    !PROSE.has(value)
  );
}

/**
 * TEXT with each secret option's value masked (secretOption; the value quoted, inside its quotes,
 * or its word; kept where holdsValue says it is none), each variable's NAME=value glued to an
 * option or alone in a quoted item masked as the environment record masks it (redactEnvValue),
 * and each netrc password. Each value is read once, and the search goes on after it: linear.
 * Idempotent.
 */
export function maskCommandLines(text: string): string {
  const spans: Span[] = [];
  if (text.includes('-')) {
    OPTION.lastIndex = 0;
    for (let m; (m = OPTION.exec(text));) {
      if (!secretOption(m[3]!)) continue;
      const v = valueAt(text, OPTION.lastIndex);
      if (!text.startsWith(REDACTED, v.from) && holdsValue(text.slice(v.from, v.to))) spans.push(v);
      OPTION.lastIndex = Math.max(v.end, OPTION.lastIndex);
    }
    GLUED.lastIndex = 0;
    for (let m; (m = GLUED.exec(text));) {
      const v = valueAt(text, GLUED.lastIndex);
      const value = text.slice(v.from, v.to);
      if (value !== '' && !text.startsWith(REDACTED, v.from) && redactEnvValue(m[1]!, value) !== value)
        spans.push(v);
      GLUED.lastIndex = Math.max(v.end, GLUED.lastIndex);
    }
  }
  if (text.includes('=')) {
    for (const m of text.matchAll(QUOTED_ITEM)) {
      const [name, value] = [m[2]!, m[3]!];
      const from = m.index + 1 + name.length + 1;
      if (value !== '' && !value.startsWith(REDACTED) && redactEnvValue(name, value) !== value)
        spans.push({ from, to: from + value.length });
    }
  }
  if (text.includes('password')) {
    NETRC.lastIndex = 0;
    while (NETRC.exec(text) !== null) {
      const v = valueAt(text, NETRC.lastIndex);
      if (!text.startsWith(REDACTED, v.from) && holdsValue(text.slice(v.from, v.to))) spans.push(v);
      NETRC.lastIndex = Math.max(v.end, NETRC.lastIndex);
    }
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.from - b.from);
  let out = '';
  let done = 0;
  for (const { from, to } of spans) {
    if (from < done || from === to) continue;
    out += `${text.slice(done, from)}${REDACTED}`;
    done = to;
  }
  return out + text.slice(done);
}
