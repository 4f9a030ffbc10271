// Which names in a program's output name a secret, and the one-line pairs that redactOutput masks
// besides NAME=value, quoted pairs and YAML lines (redact-instruction.ts): a variable printed as
// `NAME value` (Python's print(k, v)), a flow mapping (`{password: x, user: y}`, `{A_KEY=x}`), Go's
// fmt of a map (`map[API_TOKEN:abc HOME:/root]`), and an indented env line whose value is a PEM
// block's first line. Each is read once, linear in the text.
import { REDACTED, redactEnvValue } from './redact.js';

/** Whether NAME names a secret by the shared secretName rule (matched anywhere, any case). */
export const secretName = (name: string): boolean => redactEnvValue(name, '') === REDACTED;

/** A name as environment variables are written: upper case, digits and `_`. */
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;
/** Secret names of one word that a program's own text does not use for anything else. */
const SECRET_WORD = /^(?:PASSW(?:OR)?D|PASSPHRASE|SECRET)$/;
/**
 * A lower-case (or camelCase) key that names a secret, its words joined by `_`: one that ends with
 * a password's or a secret's word, or with a credential's kind before `key` or `token`
 * (`api_key`, `accessToken`, `client_secret`, `private_key`, `apikey`; Azure's `account_key` and
 * `sas_token`, `encryption_key`; npm's `_auth`, a kubeconfig's `client-key-data`), or with a
 * service's name before them (`hf_token`, `hub_token`, `github_token`, `wandb_key`, `openai_api_key`; HTTP's credential headers
 * `X-Amz-Security-Token`, `Ocp-Apim-Subscription-Key`, `X-Vault-Token`), or a cookie's header
 * (`Cookie`, `Set-Cookie`: a session is a login). Not `token` or `key` alone, nor a tokenizer's
 * (`pad_token`, `max_new_tokens`), nor `auth`, `session`, `credentials_path`, `secure_cookie`: a
 * program's own settings, which the shared rule (matching inside words) would take.
 */
const LOWER_SECRET =
  /^(?:set_)?cookie$|^_auth$|(?:^|_)client_key_data$|(?:^|_)(?:passw(?:or)?d|passphrase|secret|(?:api|access|auth|refresh|private|secret|bearer|session|oauth|id|client|security|subscription|account|sas|encryption|vault|deploy|service|app|bot|hf|huggingface|hub|github|gh|gitlab|npm|pypi|registry|docker|ngc|wandb|openai|anthropic|cohere|replicate|kaggle|comet|neptune|slack|discord|sentry)_?(?:key|token)s?)$/;

/** LOWER_SECRET's words of NAME: `_`, `-` and `.` as `_`, a lower-to-upper case step too. */
export const lowerSecret = (name: string): boolean =>
  LOWER_SECRET.test(
    name
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/[-.]/g, '_')
      .toLowerCase(),
  );

/**
 * Whether NAME, a key written without quotes (a YAML key, a flow mapping's, a Go map's, a printed
 * `NAME value`), names a secret: one written as an environment variable's by the shared rule when it
 * holds a `_` (`WANDB_API_KEY`; a `KEY:` or `AUTHORS:` line is a program's own text) or is a
 * password's or a secret's word (`PASSWORD`); any other (lower case, camelCase) by LOWER_SECRET.
 */
export function secretKey(name: string): boolean {
  if (ENV_NAME.test(name)) return (name.includes('_') || SECRET_WORD.test(name)) && secretName(name);
  return lowerSecret(name);
}

/** Whether a quoted key (`'DB_PASSWORD'`, `"api_key"`) names a secret: a variable's name by the shared rule. */
export const secretQuotedKey = (name: string): boolean =>
  ENV_NAME.test(name) ? secretName(name) : lowerSecret(name);

/**
 * A line that is a variable's NAME, blanks and its value to the line's end: Python's print(k, v)
 * (one blank), or aligned in columns (`printf '%-20s %s'`: several blanks or tabs, kept as they
 * are), then indented too (`  DB_PASSWORD   x`: a table's rows; maskOutputPairs takes an indented
 * one only with such a separator).
 */
const PRINTED = /^([ \t]*)([A-Z_][A-Z0-9_]*)([ \t]+)([^ \t\r\n][^\r\n]*)$/gm;
/** An indented env line whose value is a PEM block's first line (its next lines: maskContinuations). */
const INDENTED_PEM = /^([ \t]+)([A-Z_][A-Z0-9_]*)=(-----BEGIN [^\r\n]*)$/gm;
/** A flow mapping, from its `{` to the line's end (its pairs are read in it). */
const FLOW = /\{[^\r\n]*/g;
/**
 * A flow mapping's pair after `{` or `,`: `key: value` (YAML, a JavaScript object) or `key=value`
 * (a Java map), the value quoted (its quotes kept; at most 256 characters, so that a quote left
 * open is not read to the line's end again at each pair: linear) or plain, to the next `,`, `{`
 * or `}`.
 */
const FLOW_PAIR =
  /([{,][ \t]*)([A-Za-z_][A-Za-z0-9_.-]*)([ \t]*=[ \t]*|:[ \t]+)(?:"((?:\\.|[^"\\\r\n]){0,256})"|'((?:''|[^'\r\n]){0,256})'|([^,{}\r\n]*))/g;
/**
 * A private key's PEM (or PGP armor) start line, wherever it is on a line and whatever precedes it
 * (`-----BEGIN PRIVATE KEY-----`, `tls-key: -----BEGIN EC PRIVATE KEY-----`); a certificate's or a
 * public key's is not one. Its type's words are bounded: linear.
 */
export const PEM_PRIVATE_BEGIN = /-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----/;
/**
 * A private key's PEM on one line: its start line and the body after it, base64 with blanks and
 * escaped line breaks (`\n`, a JSON string's), its first run of 16 characters or more (a word
 * after it, `-----BEGIN PRIVATE KEY----- header`, is a program's own text), up to its END or
 * anything else; the body is masked (the lines after a start line are maskContinuations'). Each
 * run read once: linear.
 */
const PEM_ONE_LINE = new RegExp(
  `(${PEM_PRIVATE_BEGIN.source})((?:\\\\n|[ \\t])*[A-Za-z0-9+/=]{16}(?:\\\\n|[A-Za-z0-9+/= \\t])*)`,
  'g',
);
/** Go's fmt of a map, from `map[` to the line's end. */
const GO_MAP = /map\[[^\r\n]*/g;
/**
 * A Go map's `KEY:`, after `map[` or a blank, its value's first character not a blank nor `]` (an
 * empty value is no secret's): where the value starts, which maskGoMap reads on.
 */
const GO_PAIR = /(map\[|[ \t])([A-Za-z_][A-Za-z0-9_]*):(?=[^ \t\]\r\n])/g;
/**
 * The blank before a Go map's next `KEY:`, where a value ends: a name written as an environment
 * variable's (Go prints a map's keys sorted; maskGoMap takes one only after the current key).
 */
const GO_NEXT_KEY = /[ \t]([A-Z_][A-Z0-9_]*):/g;

/**
 * A key that is not written as a variable's, `=`, and its value, as a repr or a settings file
 * prints it: a dataclass's or attrs' `Settings(api_key='x', ...)`, pytest's --showlocals
 * `api_key    = 'x'`, TOML's `api_key = "x"`, a log's `client_secret=x`; after a line's start, a
 * blank, `(`, `,`, `;` or `{`. The value quoted (its quotes kept; at most 256 characters, as
 * FLOW_PAIR's; a longer one is masked to the line's end: read once, as it ends the match), or plain after an `=` with no blanks, ended by a blank, `,`, `;`, `)`, `]` or `}`
 * (no bracket nor quote in it; each run between two starts is read once: linear):
 * a traceback's source line (`api_key = get_key()`, `OpenAI(api_key=os.environ["K"])`) is code,
 * kept. A variable's NAME=value (upper case) is ENV_ASSIGNMENT's, masked by redactEnvValue.
 */
const KWARG =
  /(^|[\s(,;{])([A-Za-z_][A-Za-z0-9_.]*)([ \t]*=[ \t]*)(?:"((?:\\.|[^"\\\r\n]){0,256})"|'((?:\\.|[^'\\\r\n]){0,256})'|(["'])(?:\\.|[^\\\r\n]){257}[^\r\n]*|([^\s,;(){}[\]'"]+)(?=[\s,;)\]}]|$))/g;
const UPPER_NAME = /^[A-Z_][A-Z0-9_]*$/;

/**
 * TEXT with the value of each secret's pair of these forms masked: a line `NAME value` (NAME as
 * secretKey judges it; indented, only with several blanks or a tab after NAME), a flow mapping's `key: value` or `key=value`, a Go map's `KEY:value` (its
 * blanks too: maskGoMap), an indented `NAME=-----BEGIN ...` line, a lower-case key's `key=value`
 * (KWARG, as secretKey judges the key), a private key's PEM body on its BEGIN line (PEM_ONE_LINE).
 * Idempotent.
 */
export function maskOutputPairs(text: string): string {
  let out = text.includes('PRIVATE KEY')
    ? text.replace(PEM_ONE_LINE, (_m, begin: string) => begin + REDACTED)
    : text;
  out = out.replace(PRINTED, (whole, lead: string, name: string, sep: string) =>
    secretKey(name) && (lead === '' || sep !== ' ') ? `${lead}${name}${sep}${REDACTED}` : whole,
  );
  out = out.replace(INDENTED_PEM, (whole, lead: string, name: string, value: string) =>
    secretName(name) ? `${lead}${name}=${redactEnvValue(name, value)}` : whole,
  );
  if (out.includes('{')) out = out.replace(FLOW, (flow) => flow.replace(FLOW_PAIR, maskFlowPair));
  if (out.includes('map[')) out = out.replace(GO_MAP, maskGoMap);
  if (out.includes('=')) out = out.replace(KWARG, maskKwarg);
  return out;
}

function maskFlowPair(
  whole: string,
  lead: string,
  key: string,
  sep: string,
  dq?: string,
  sq?: string,
  plain?: string,
): string {
  if (!secretKey(key)) return whole;
  const q = dq !== undefined ? '"' : sq !== undefined ? "'" : '';
  const value = (dq ?? sq ?? plain!).trimEnd();
  if (value === '') return whole;
  return `${lead}${key}${sep}${q}${REDACTED}${q}${q ? '' : plain!.slice(value.length)}`;
}

/**
 * MAP (from `map[` to its line's end) with each secret key's value masked (secretKey), blanks
 * included, as Go's fmt prints a string unquoted (`map[API_TOKEN:two words HOME:/root]`): to the
 * blank before the next `KEY:` of the same map (upper case, sorting after the key: Go prints the
 * keys sorted, so `map[DB_PASSWORD:a b:c d]` is one value), else to the map's own `]` (by bracket
 * depth from its `map[`: text after it, a nested map's, is kept), else to the line's end. A key
 * that is no secret's is read on from its value's start, so that a nested map's keys are read
 * (`map[CONFIG:map[DB_PASSWORD:x]]`). The brackets are counted once, the pairs and the next keys
 * each searched for from where the last search ended: linear.
 */
function maskGoMap(map: string): string {
  let out = '';
  let done = 0;
  let brackets: { close: Int32Array; depth: Int32Array } | undefined;
  const open: number[] = []; // the `[` open at `at`, innermost last
  let at = 0;
  let next: RegExpExecArray | null | undefined; // the next key found, at or after where it was looked for
  GO_PAIR.lastIndex = 0;
  for (let m; (m = GO_PAIR.exec(map));) {
    const [lead, key] = [m[1]!, m[2]!];
    const start = m.index + lead.length + key.length + 1;
    if (!secretKey(key)) {
      GO_PAIR.lastIndex = start;
      continue;
    }
    brackets ??= bracketsOf(map);
    for (; at < start; at++) {
      if (map[at] === '[') open.push(at);
      else if (map[at] === ']') open.pop();
    }
    const own = open.length > 0 ? open[open.length - 1]! : -1;
    const close = own >= 0 && brackets.close[own]! >= 0 ? brackets.close[own]! : map.length;
    // The next KEY: of this map (not a nested one's), sorting after KEY, before its close.
    let from = start;
    for (;;) {
      if (next === undefined || (next !== null && next.index < from)) {
        GO_NEXT_KEY.lastIndex = from;
        next = GO_NEXT_KEY.exec(map);
      }
      if (next === null || next.index >= close) break;
      if (brackets.depth[next.index] === brackets.depth[start] && next[1]! > key) break;
      from = next.index + 1;
    }
    const end = next !== null && next.index < close ? next.index : close;
    const value = map.slice(start, end).trimEnd();
    out += `${map.slice(done, start)}${REDACTED}`;
    done = start + value.length;
    GO_PAIR.lastIndex = Math.max(end, start + 1);
  }
  return done === 0 ? map : out + map.slice(done);
}

/**
 * TEXT's brackets: for each `[`, the index of the `]` that closes it (-1 where none does); for
 * each index, how many `[` are open before it. One pass.
 */
function bracketsOf(text: string): { close: Int32Array; depth: Int32Array } {
  const close = new Int32Array(text.length).fill(-1);
  const depth = new Int32Array(text.length);
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    depth[i] = open.length;
    if (text[i] === '[') open.push(i);
    else if (text[i] === ']' && open.length > 0) close[open.pop()!] = i;
  }
  return { close, depth };
}

function maskKwarg(
  whole: string,
  lead: string,
  key: string,
  sep: string,
  dq?: string,
  sq?: string,
  long?: string,
  plain?: string,
): string {
  if (UPPER_NAME.test(key) || !secretKey(key)) return whole;
  // No value (`hub_token=None`), or a placeholder a library shows in its place (`<HUB_TOKEN>`).
  if (plain !== undefined && /^(?:None|null|nil|True|False|<[A-Z_]+>)$/.test(plain)) return whole;
  // A quoted value longer than 256 characters: masked to the line's end (its close unknown).
  if (long !== undefined) return `${lead}${key}${sep}${long}${REDACTED}`;
  if (dq === undefined && sq === undefined && sep !== '=') return whole;
  const q = dq !== undefined ? '"' : sq !== undefined ? "'" : '';
  return `${lead}${key}${sep}${q}${REDACTED}${q}`;
}
