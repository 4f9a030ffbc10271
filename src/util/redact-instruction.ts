// Secrets in an image's history: the instruction that made each layer (docker history's CREATED BY),
// as BuildKit and the classic builder write it. Their values are unquoted (BuildKit's ENV, ARG and
// LABEL write each pair as NAME=value, whatever the Dockerfile quoted), so a value may hold blanks:
// it runs to the next NAME= of the same instruction. Capture masks with it, and the reader of
// records (src/diff/read.ts) masks a record written by an older version again with today's rules.
// The smoke stage masks a test's output with the same pairs rule (redactOutput).
import { redactDeep, redactEnvValue, redactLabels, redactText, REDACTED } from './redact.js';
import { maskCredentialHeaders } from './redact-output-headers.js';
import { maskNamedPairs } from './redact-output-named.js';
import { maskCommandArguments } from './redact-output-arguments.js';
import { maskCommandLines } from './redact-output-options.js';
import { maskContinuations } from './redact-output-lines.js';
import { maskOutputPairs, secretKey, secretQuotedKey } from './redact-output-pairs.js';

/** Longest instruction kept per layer (a RUN with a long script): the record stays small. */
export const MAX_INSTRUCTION = 500;

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
/** NAME= at the start of a pair of ENV or ARG (at the start of the text or after a blank). */
const ENV_PAIR = new RegExp(`(?<![^\\s])(${NAME})=`, 'g');
/** ENV_PAIR for maskRunArgs' exec (its lastIndex moves; matchAll would start at ENV_PAIR's). */
const RUN_PAIR = new RegExp(ENV_PAIR.source, 'g');
/** KEY= at the start of a pair of LABEL (a key may hold dots, dashes, slashes). */
const LABEL_PAIR = /(?<![^\s])([^\s="]+)=/g;
/** The classic builder's prefix of an instruction that ran no command. */
const NOP = /^\/bin\/sh -c #\(nop\)\s+/;
/** ENV, ARG or LABEL and the blanks after it. */
const KEYWORD = /^(ENV|ARG|LABEL)([ \t]+)/;
/** ENV's legacy form, `ENV NAME the value`: one name, the rest of the line is its value. */
const LEGACY_ENV = new RegExp(`^(${NAME})[ \\t]+`);
/** A RUN with build arguments: `RUN |2 A=1 B=2 /bin/sh -c ...` (the classic builder has no RUN). */
const RUN_ARGS = /^(?:RUN )?\|(\d+) /;
/** Where the command of such a RUN begins: its shell, an absolute path and a flag (`/bin/sh -c`). */
const SHELL_START = / \/\S* -/g;
/**
 * NAME=value anywhere else (a script's own assignments): the shell's word, quoted parts and what
 * follows them joined (`'s3cr'etPart`, `"sk"-live-4f9a`); the alternatives start on different
 * characters, so it stays linear.
 */
const assignment = (name: string) =>
  new RegExp(`(^|\\s)(${name})=((?:"[^"\\n]*"|'[^'\\n]*'|[^\\s"']+)+|\\S+)`, 'g');
const ASSIGNMENT = assignment(NAME);

type Mask = (name: string, value: string) => string;
/** A label's value: masked by its key as image.labels are (redactLabels), else by its shape. */
const maskLabel: Mask = (key, value) =>
  redactLabels({ [key]: value })[key] === REDACTED ? REDACTED : redactDeep(value);

/**
 * An instruction as a record shows it: values of secret names masked (whole, blanks included),
 * then tokens of known forms and URL logins (redactText), then clipped to MAX_INSTRUCTION.
 * Idempotent: what it returns comes back unchanged.
 */
export function redactInstruction(text: string): string {
  const out = redactText(maskInstruction(text));
  return out.length > MAX_INSTRUCTION ? `${out.slice(0, MAX_INSTRUCTION - 1)}…` : out;
}

function maskInstruction(text: string): string {
  const nop = NOP.exec(text)?.[0] ?? '';
  const rest = text.slice(nop.length);
  const kw = KEYWORD.exec(rest);
  if (kw) {
    const body = rest.slice(kw[0].length);
    const legacy = kw[1] === 'ENV' ? LEGACY_ENV.exec(body) : null;
    const masked = legacy
      ? legacy[0] + maskLegacy(legacy[1]!, body.slice(legacy[0].length))
      : kw[1] === 'LABEL'
        ? maskPairs(body, LABEL_PAIR, maskLabel)
        : maskPairs(body, ENV_PAIR, redactEnvValue);
    return nop + kw[0] + masked;
  }
  const run = RUN_ARGS.exec(rest);
  if (run) return nop + maskRunArgs(rest, run[0].length, Number(run[1]));
  return nop + maskAssignments(rest);
}

/**
 * The value of `ENV NAME value`: masked whole by NAME; else the pairs it may hold are masked by
 * theirs (a line that only looks legacy, `ENV A B=c`, would otherwise show c).
 */
function maskLegacy(name: string, value: string): string {
  const masked = redactEnvValue(name, value);
  return masked === value ? maskPairs(value, ENV_PAIR, redactEnvValue) : masked;
}

/** Each pair's value (to the blanks before the next pair, or the end) through MASK. */
function maskPairs(body: string, pair: RegExp, mask: Mask): string {
  const starts = [...body.matchAll(pair)];
  if (starts.length === 0) return body;
  const parts = [body.slice(0, starts[0]!.index)];
  starts.forEach((m, i) => {
    const raw = body.slice(m.index + m[0].length, starts[i + 1]?.index ?? body.length);
    const value = raw.trimEnd();
    parts.push(`${m[0]}${mask(m[1]!, value)}${raw.slice(value.length)}`);
  });
  return parts.join('');
}

/**
 * `|N A=1 B=x y /bin/sh -c script`: the N build arguments, each value to the next NAME=, the last
 * one's to where the shell begins (else its first word); then the script's own assignments.
 */
function maskRunArgs(text: string, at: number, n: number): string {
  RUN_PAIR.lastIndex = at;
  const first = RUN_PAIR.exec(text);
  // Not the pairs the count announces: the text is read as any other.
  if (!first || first.index !== at || n < 1) return maskAssignments(text);
  const starts = [first];
  for (let m; starts.length < n && (m = RUN_PAIR.exec(text));) starts.push(m);
  const last = starts[starts.length - 1]!;
  const lastValue = last.index + last[0].length;
  SHELL_START.lastIndex = lastValue;
  const shell = SHELL_START.exec(text)?.index;
  const blank = text.slice(lastValue).search(/\s/);
  const end = shell ?? (blank < 0 ? text.length : lastValue + blank);
  return (
    text.slice(0, at) +
    maskPairs(text.slice(at, end), ENV_PAIR, redactEnvValue) +
    maskAssignments(text.slice(end))
  );
}

/** A line that is one NAME=value, as `env` and `printenv` print it: its value runs to the line's end. */
/**
 * A name as environment variables are written (upper case, digits, `_`): in a program's output a
 * lower-case `max_new_tokens=50` or `tokenizer=bert-base` is a setting it prints, not a variable.
 */
const ENV_NAME = '[A-Z_][A-Z0-9_]*';
/** A YAML key as YAML_PAIR reads it: an environment variable's name with a `_`. */
const YAML_NAME = '[A-Z][A-Z0-9]*_[A-Z0-9_]*';
const IS_YAML_NAME = new RegExp(`^${YAML_NAME}$`);
const IS_ENV_NAME = new RegExp(`^${ENV_NAME}$`);
/**
 * A key of any case (`api_key`, `apiKey`, `DB_PASSWORD`): one not written as a variable's name is
 * masked only where it names a secret (secretKey, secretQuotedKey), by their stricter rule.
 */
const KEY_NAME = '[A-Za-z_][A-Za-z0-9_-]*';
/** A line that is one NAME=value, as `env` and `printenv` print it: its value runs to the line's end. */
const ENV_LINE = new RegExp(`^(${ENV_NAME})=([^\\r\\n]*)$`, 'gm');
/**
 * NAME=value in other text (`export A=x`, `set`'s `A='x y'`), NAME as ENV_NAME, as a shell's word
 * (assignment); a quote the line does not close takes the rest of the line (`declare -x
 * SSH_KEY="-----BEGIN KEY-----`: its next lines are maskContinuations').
 */
const ENV_ASSIGNMENT = new RegExp(
  `(^|\\s)(${ENV_NAME})=((?:"[^"\\n]*"|'[^'\\n]*'|[^\\s"']+)+(?:["'][^\\r\\n]*)?|["'][^\\r\\n]*)`,
  'g',
);
/**
 * A quoted NAME and its quoted value, as a mapping prints: Python's `{'WANDB_API_KEY': 'x'}`
 * (print(os.environ); `"it's"` in double quotes), JSON's `"WANDB_API_KEY": "x \\" y"`, or
 * `os.environ["A"] = "x"`; either written as a bytes literal (`b'A'`, `b"x"`), as os.environb and
 * a bytes dict print. A value's escaped characters are part of it.
 */
const QUOTED_PAIR = new RegExp(
  `(b?)(["'])(${KEY_NAME})\\2(\\]?\\s*[:=]\\s*)(b?)(?:"((?:\\\\.|[^"\\\\\\r\\n])*)"|'((?:\\\\.|[^'\\\\\\r\\n])*)')`,
  'g',
);
/**
 * A tuple of a quoted NAME and its quoted value, as Python prints os.environ.items() in a list:
 * `[('DB_PASSWORD', 'x'), ...]` (bytes literals too), or a dict's items() of a program's own keys
 * (`('password', 'x')`: a key not written as a variable's masked by secretQuotedKey, as a quoted
 * pair's); the value ends the tuple or its line.
 */
const TUPLE_PAIR = new RegExp(
  `\\((b?)(["'])(${KEY_NAME})\\2(,[ \\t]*)(b?)(?:"((?:\\\\.|[^"\\\\\\r\\n])*)"|'((?:\\\\.|[^'\\\\\\r\\n])*)')(?=[ \\t]*(?:\\)|\\r?\\n|$))`,
  'g',
);
/**
 * A line that is one `NAME: value`, as YAML (and `docker inspect`'s Go template) prints it, NAME
 * with a `_` (WANDB_API_KEY): a `KEY: column` or `AUTHORS: Jane` line is a program's own text.
 * NAME may be quoted (`"DB_PASSWORD": |-`, as yaml.dump writes it with a default_style); then a
 * value quoted whole on the line (JSON's `"A_KEY": "x",`) is QUOTED_PAIR's, and only one that is
 * not quoted, or whose quote the line does not close (a scalar over several lines), is this one's.
 * The blanks after the colon are taken whole (`(?![ \t])`): the check on the value is made once.
 */
const YAML_PAIR = new RegExp(
  `^([ \\t-]*)(?:(["'])(${KEY_NAME})\\2:([ \\t]+)(?![ \\t])(?!["'][^\\r\\n]*["'],?[ \\t]*$)|(${KEY_NAME}):([ \\t]+))([^\\r\\n]*)$`,
  'gm',
);

/**
 * A program's output (a smoke test's) as a result or a log shows it: the value of each NAME=value
 * whose NAME is written as an environment variable's masked as the environment record masks it
 * (redactEnvValue: by a secret NAME, else by its shape), a line as `env` prints it whole (blanks
 * included; a CRLF line keeps its CR), an assignment in other text (`export A=x`, `set`'s
 * `A='x y'`) as a shell word, a quoted pair as a mapping prints it (`{'A': 'x'}`, `"A": "x"`) or
 * a tuple (`('A', 'x')`), and a YAML line `A: x`; a key of a program's own (lower case, camelCase:
 * `api_key: x`, `{"password": "x"}`) only where it names a secret by secretKey's stricter rule;
 * the other one-line forms of maskOutputPairs (print(k, v)'s `NAME value`, a flow mapping, Go's
 * `map[K:v]`); an HTTP header that carries a credential, wherever it is (maskCredentialHeaders:
 * `> Cookie: x`, `-H 'X-Vault-Token: x'`); the lines that go on a secret's value first
 * (maskContinuations: a YAML block, pprint's literals, a PEM block, a header's value on the line
 * below its name); then tokens of known forms and URL logins (redactText).
 */
export function redactOutput(text: string): string {
  const mask = (name: string, value: string) => `${name}=${redactEnvValue(name, value)}`;
  const quoted =
    (open: string) =>
    (_m: string, nb: string, q: string, name: string, sep: string, vb: string, dq?: string, sq?: string) => {
      const vq = dq !== undefined ? '"' : "'";
      const value = dq ?? sq ?? '';
      // A key not written as a variable's is masked by name only (a setting's value stays as it is).
      const shown = IS_ENV_NAME.test(name)
        ? redactEnvValue(name, value)
        : secretQuotedKey(name)
          ? REDACTED
          : value;
      return `${open}${nb}${q}${name}${q}${sep}${vb}${vq}${shown}${vq}`;
    };
  const lines = maskOutputPairs(
    maskCommandArguments(maskCommandLines(maskNamedPairs(maskCredentialHeaders(maskContinuations(text))))),
  )
    .replace(ENV_LINE, (_m, name: string, value: string) => mask(name, value))
    .replace(QUOTED_PAIR, quoted(''))
    .replace(TUPLE_PAIR, quoted('('))
    .replace(
      YAML_PAIR,
      (_m, lead: string, q = '', qname?: string, qsp?: string, name?: string, sp?: string, value = '') => {
        const key = qname ?? name!;
        // A variable's name as before (by name, else the value's shape); any other key by name only.
        const shown = IS_YAML_NAME.test(key) ? redactEnvValue(key, value) : secretKey(key) ? REDACTED : value;
        return `${lead}${q}${key}${q}:${qsp ?? sp!}${shown}`;
      },
    );
  return redactText(
    lines.replace(
      ENV_ASSIGNMENT,
      (_m, sp: string, name: string, value: string) => `${sp}${mask(name, value)}`,
    ),
  );
}

/**
 * Free text (a RUN's script): NAME=value assignments, each value through redactEnvValue, and the
 * secrets its commands name (maskCommandLines' options, maskCommandArguments' arguments: `docker
 * login --password x`, `htpasswd -Bbn user x`, `wandb login KEY`), each line read as a command's.
 */
function maskAssignments(text: string): string {
  return maskCommandArguments(maskCommandLines(text, true), true).replace(
    ASSIGNMENT,
    (_m, sp: string, name: string, value: string) => `${sp}${name}=${redactEnvValue(name, value)}`,
  );
}
