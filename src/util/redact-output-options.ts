// A secret on a command line as a program's output shows it (a shell's `set -x` trace, a logged
// argv, a subprocess's repr): a secret option's value (`--password x`, `--hf-token=x`, argv's
// `'--token', 'x'`, one item a line too: docker inspect's `"Args"`), a login command's `-p x`, a
// user's password (`curl -u bob:x`), a variable's NAME=value glued to an option or alone in a
// quoted item (`--env=HF_TOKEN=x`, `['env', 'GH_TOKEN=x']`, docker inspect's `"Env":
// ["HF_TOKEN=x"]`), a netrc entry's password (`machine host login u password x`), and a form
// body's secret (`grant_type=password&username=u&password=x`). A help text's synopsis and prose
// about an option are no command line: after a blank, a value is taken only on a shell trace's or
// a prompt's line (`+ cmd ...`, `$ cmd ...`), in a login command, quoted, or where it has a
// credential's shape.
import { looksSecret, REDACTED, redactEnvValue } from './redact.js';
import { lowerSecret } from './redact-output-pairs.js';
import { type Span, spliced } from './redact-spans.js';

/**
 * Whether an option's NAME (without its dashes) names a secret: `token`, `password`, `secret`
 * alone, keytool's `storepass` and `keypass`, curl's `oauth2-bearer`, or a lower-case key's name
 * that does (lowerSecret: `api-key`, `hf-token`, `client-secret`; a dotted one's last word too,
 * `NotebookApp.token`); not a tokenizer's
 * (`pad-token`), a file's or a way to read one (`token-file`, `password-stdin`).
 */
export const secretOption = (name: string): boolean =>
  /^(?:token|passw(?:or)?d|passphrase|secret|(?:src|dest)?(?:store|key)pass|oauth2-bearer)$/i.test(
    name.slice(name.lastIndexOf('.') + 1),
  ) || lowerSecret(name);

/** Words of prose that follow an option's name in a sentence (`use --token to log in`): no value. */
const PROSE = new Set(
  'a an and as be but can for from given if in is must not of on option or required should the to was when will with'.split(
    ' ',
  ),
);
/** A placeholder for the value, as a help text shows it: `TEXT`, `HF_TOKEN`, `<token>`, `[PASSWORD]`, `{token}`. */
const PLACEHOLDER = /^(?:[A-Z][A-Z_]{0,31}|<[^>]*>?|\[[^\]]*\]?|\{[^}]*\}?)$/;
/** A value that says there is none, or a flag's: `None`, `null`, `true`, `False`. */
const NO_VALUE = /^(?:none|null|nil|true|false|yes|no)$/i;

/**
 * An option and what follows its name: `=`, blanks, or the close of an argv list's quoted item
 * and the next item's quote (`'--token', 'x'`); one dash or two (Go's flags take one).
 */
const OPTION =
  /(?<![\w.-])(["']?)(--?)([A-Za-z][A-Za-z0-9_]*(?:[-.][A-Za-z0-9_]+)*)(=|[ \t]+|\1[ \t]*,[ \t]*b?(?=["']))/g;
/** A login command's short password option (`docker login -u bob -p x`, `az login -p x`, `twine upload -p x`, `sshpass -p x`). */
const SHORT_PASSWORD = /(?<![\w-])-p(?:=|[ \t]+)/g;
/**
 * A command that logs in with a password: a registry's login, a cloud's or a cluster's (Azure's,
 * OpenShift's, Cloud Foundry's), twine's upload, sshpass (its words bounded: linear); the word
 * `login` (`upload`) alone, not `--login` nor `login-template.yaml`.
 */
const LOGIN_COMMAND =
  /\b(?:docker|podman|nerdctl|buildah|oras|helm|crane|skopeo|regctl|az|oc|cf)\b[^\r\n;|&]{0,256}?(?<![\w-])login(?=[ \t]|$)|\btwine\b[^\r\n;|&]{0,256}?\bupload(?=[ \t]|$)|\bsshpass\b/;
/** A command whose `-u user:password` is a login: curl's, wget's. */
const USER_COMMAND = /\b(?:curl|wget)\b/;
/** A user's option and its user name, up to the `:` before the password (`curl -u bob:x`, `--proxy-user`). */
const USER_PASSWORD = /(?<![\w-])(-u|--user|--proxy-user)(?:=|[ \t]+)(["']?)[^\s:'"@/]{1,256}:(?!\/\/)/g;
/** A variable's NAME=value glued to an option (`--env=HF_TOKEN=x`, `--build-arg=GH_TOKEN=x`). */
const GLUED = /(?<![\w-])--?[A-Za-z][A-Za-z0-9-]*=([A-Z_][A-Z0-9_]*)=/g;
/** A quoted item that is a variable's NAME=value (`'GH_TOKEN=x'`), up to its value. */
const QUOTED_ITEM = /(["'])([A-Z_][A-Z0-9_]*)=/g;
/** The longest value of a quoted item read for its closing quote. */
const QUOTED_MAX = 1024;
/** The word `password` with the blanks after it: a netrc entry's, where its line says so (NETRC_ENTRY). */
const PASSWORD_WORD = /(?<![\w-])password[ \t]+/g;
/** Before a netrc entry's password on its line: its `machine` or `default`, or blanks alone (an entry over several lines). */
const NETRC_ENTRY = /(?:^|[ \t])(?:machine[ \t]+\S+|default)[ \t]|^[ \t]+$/;
/** A form's body (`grant_type=password&username=u&password=x`, curl's `-d`): pairs joined by `&`, two at least. */
const FORM = /(?<=^|[\s'"])(?:[A-Za-z_][\w.%-]{0,64}=[^&\s'"#]*&)+[A-Za-z_][\w.%-]{0,64}=[^&\s'"#]*/g;
/**
 * A shell's trace of the command it runs (`+ cmd`, `++ cmd`), or a prompt's (`$ cmd`, `user@host:~$
 * cmd`, `(venv) $ cmd`, `root@host:/# cmd`).
 */
const TRACE_LINE = /^[ \t]*(?:\([^()\s]{1,64}\)[ \t]+)?(?:\++|[^\s$#]{0,128}\$|[^\s$#]{1,128}#)[ \t]/;
/** What ends a shell command: a line's end, `;`, `|`, `&`. */
const COMMAND_END = /[\r\n;|&]/g;

/** The value that starts at START: inside its quotes, or its word (to a blank, a quote or a bracket's close). */
export function valueAt(text: string, start: number): Span & { end: number; quoted: boolean } {
  const q = text[start];
  if (q === '"' || q === "'") {
    let i = start + 1;
    while (i < text.length && text[i] !== q && text[i] !== '\n' && text[i] !== '\r')
      i += text[i] === '\\' ? 2 : 1;
    i = Math.min(i, text.length);
    return { from: start + 1, to: i, end: i + (text[i] === q ? 1 : 0), quoted: true };
  }
  let i = start;
  while (i < text.length && !/[\s"'`,;)\]}]/.test(text[i]!)) i++;
  return { from: start, to: i, end: i, quoted: false };
}

/**
 * Whether VALUE, an option's, is one: not empty, another option, a reference, a placeholder,
 * prose, a flag's or no value (`True`, `None`), a shell's line continuation (`\`), or where a
 * secret comes from (buildx's `--secret id=hf,src=/run/token`).
 */
export function holdsValue(value: string): boolean {
  return (
    value !== '' &&
    value !== '\\' &&
    !/^(?:-|\$|\*\*\*|(?:id|type|src|source|env)=)/.test(value) &&
    !PLACEHOLDER.test(value) &&
    !NO_VALUE.test(value) &&
    !PROSE.has(value)
  );
}

/**
 * Whether VALUE, after an option and a blank outside a shell's trace, has a credential's shape: a
 * digit in 6 characters or more (not a number, a version, a date or a time alone), or a token's form.
 */
export const credentialShaped = (value: string): boolean =>
  (value.length >= 6 && /[0-9]/.test(value) && !/^v?[0-9.:-]+$/.test(value)) || looksSecret(value);

/**
 * The command a place in a text is in: whether its line is a shell's trace, whether it logs in and
 * where its login's word ends (LOGIN_COMMAND; Infinity where none), whether it is curl's.
 */
type Command = { trace: boolean; login: boolean; loginEnd: number; user: boolean };

/**
 * The commands of TEXT, asked for at places in order (each at or after the last): the command AT
 * is in (between line ends, `;`, `|` and `&`), and what it is. Each command is judged once, and
 * each character is passed over once: linear, whatever the lines' length.
 */
export function commandsOf(text: string): (at: number) => Command {
  let scanned = 0;
  let start = 0;
  let line = 0;
  let end = -1;
  let command: Command = { trace: false, login: false, loginEnd: Infinity, user: false };
  return (at) => {
    if (at < end) return command;
    for (; scanned < at; scanned++) {
      const c = text[scanned]!;
      if (c === '\n' || c === '\r') line = scanned + 1;
      if (c === '\n' || c === '\r' || c === ';' || c === '|' || c === '&') start = scanned + 1;
    }
    COMMAND_END.lastIndex = at;
    end = COMMAND_END.exec(text)?.index ?? text.length;
    const words = text.slice(start, end);
    const login = LOGIN_COMMAND.exec(words);
    command = {
      trace: TRACE_LINE.test(text.slice(line, line + 256)),
      login: login !== null,
      loginEnd: login ? start + login.index + login[0].length : Infinity,
      user: USER_COMMAND.test(words),
    };
    return command;
  };
}

/** The start of the line a place in TEXT is on, asked for at places in order: linear. */
function lineStarts(text: string): (at: number) => number {
  let scanned = 0;
  let line = 0;
  return (at) => {
    for (; scanned < at; scanned++) if (text[scanned] === '\n' || text[scanned] === '\r') line = scanned + 1;
    return line;
  };
}

/** The option masks of TEXT: each secret option's value, a login's `-p`, a user's password. */
function optionSpans(text: string, spans: Span[], script: boolean): void {
  const commandAt = commandsOf(text);
  OPTION.lastIndex = 0;
  for (let m; (m = OPTION.exec(text));) {
    // Another option (`--password --token x`) is read as one: nothing here is read twice.
    if (!secretOption(m[3]!) || text[OPTION.lastIndex] === '-') continue;
    const v = valueAt(text, OPTION.lastIndex);
    const value = text.slice(v.from, v.to);
    // After a blank: a trace's or a login's argument, or a credential's shape (a help text's
    // `--token string` is none).
    const blank = /^[ \t]+$/.test(m[4]!);
    const command = () => commandAt(m.index);
    const taken =
      !text.startsWith(REDACTED, v.from) &&
      holdsValue(value) &&
      (!blank || v.quoted || credentialShaped(value) || script || command().trace || command().login);
    if (taken) spans.push(v);
    OPTION.lastIndex = Math.max(v.end, OPTION.lastIndex);
  }
  const loginAt = commandsOf(text);
  SHORT_PASSWORD.lastIndex = 0;
  for (let m; (m = SHORT_PASSWORD.exec(text));) {
    const at = SHORT_PASSWORD.lastIndex;
    // After the login's word (`ssh -p 2222 host 'oc login'` holds none).
    if (text[at] === '-' || m.index < loginAt(m.index).loginEnd) continue;
    const v = valueAt(text, at);
    if (!text.startsWith(REDACTED, v.from) && holdsValue(text.slice(v.from, v.to))) spans.push(v);
    SHORT_PASSWORD.lastIndex = Math.max(v.end, at);
  }
  const userAt = commandsOf(text);
  USER_PASSWORD.lastIndex = 0;
  for (let m; (m = USER_PASSWORD.exec(text));) {
    const at = USER_PASSWORD.lastIndex;
    let end = at;
    while (end < text.length && !/[\s"']/.test(text[end]!)) end++;
    const pw = text.slice(at, end);
    // curl's and wget's (a user and a group, `docker run -u www-data:www-data`, hold none).
    if (
      pw !== '' &&
      !pw.startsWith('$') &&
      !text.startsWith(REDACTED, at) &&
      (m[1] === '--proxy-user' || userAt(m.index).user)
    )
      spans.push({ from: at, to: end });
    USER_PASSWORD.lastIndex = Math.max(end, at);
  }
}

/**
 * TEXT with each secret option's value masked (secretOption; quoted, inside its quotes, or its
 * word; kept where holdsValue says it is none, and, after a blank outside a shell's trace, where it
 * has no credential's shape), a login command's `-p` value, a `-u user:password`'s password, each
 * variable's NAME=value glued to an option or alone in a quoted item masked as the environment
 * record masks it (redactEnvValue), each netrc password, and the value of each form body's pair
 * whose key names a secret (secretOption; a URL's query is redactText's). SCRIPT, a text that is
 * commands (a RUN's script), reads every line as a trace's. Each match's work is bounded, and the
 * search goes on after what it took: linear. Idempotent.
 */
export function maskCommandLines(text: string, script = false): string {
  const spans: Span[] = [];
  if (text.includes('-')) {
    optionSpans(text, spans, script);
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
    // Each item's value is read once to its closing quote (an escaped one is part of it), at most
    // QUOTED_MAX characters; the search goes on after what was read, closed or not: linear.
    QUOTED_ITEM.lastIndex = 0;
    for (let m; (m = QUOTED_ITEM.exec(text));) {
      const [q, name, from] = [m[1]!, m[2]!, QUOTED_ITEM.lastIndex];
      const stop = Math.min(text.length, from + QUOTED_MAX);
      let i = from;
      while (i < stop && text[i] !== q && text[i] !== '\n' && text[i] !== '\r') i += text[i] === '\\' ? 2 : 1;
      const value = text.slice(from, i);
      const closed = text[i] === q;
      if (closed && value !== '' && !value.startsWith(REDACTED) && redactEnvValue(name, value) !== value)
        spans.push({ from, to: i });
      QUOTED_ITEM.lastIndex = Math.max(Math.min(i, stop) + (closed ? 1 : 0), from);
    }
  }
  if (text.includes('&')) {
    // A form's pair whose key names a secret (`password`, `client_secret`, `token`): its value.
    for (const m of text.matchAll(FORM)) {
      let at = m.index;
      for (const pair of m[0].split('&')) {
        const eq = pair.indexOf('=');
        const value = pair.slice(eq + 1);
        if (secretOption(pair.slice(0, eq)) && value !== '' && !value.startsWith(REDACTED))
          spans.push({ from: at + eq + 1, to: at + pair.length });
        at += pair.length + 1;
      }
    }
  }
  if (text.includes('password')) {
    const lineAt = lineStarts(text);
    PASSWORD_WORD.lastIndex = 0;
    for (let m; (m = PASSWORD_WORD.exec(text));) {
      const start = lineAt(m.index);
      // At most 512 characters of the line before it (a netrc entry's `machine h login u`).
      if (!NETRC_ENTRY.test(text.slice(Math.max(start, m.index - 512), m.index))) continue;
      const v = valueAt(text, PASSWORD_WORD.lastIndex);
      if (!text.startsWith(REDACTED, v.from) && holdsValue(text.slice(v.from, v.to))) spans.push(v);
      PASSWORD_WORD.lastIndex = Math.max(v.end, PASSWORD_WORD.lastIndex);
    }
  }
  return spliced(text, spans);
}

/** A line that is an argv list's item alone, a secret option (`    "--token",`): its value is the next line's item. */
const OPTION_ITEM =
  /^[ \t]*(?:[[(][ \t]*)?b?(["'])--?([A-Za-z][A-Za-z0-9_]*(?:[-.][A-Za-z0-9_]+)*)\1[ \t]*,[ \t]*$/;

/** Whether LINE is an argv list's item alone that is a secret option (the continuation scanner's). */
export const optionItem = (line: string): boolean => {
  const m = OPTION_ITEM.exec(line);
  return m !== null && secretOption(m[2]!);
};

/** Whether VALUE, the item after a secret option's in an argv list, is its value (holdsValue). */
export const optionValue = (value: string): boolean => value !== REDACTED && holdsValue(value);
