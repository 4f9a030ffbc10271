// A secret as a command's argument, where the command's form says which word is one (a shell's
// `set -x` trace, a Makefile's echo, a build step's log, a RUN's script): `wandb login KEY`,
// `vault login TOKEN`, `htpasswd -Bbn user PASSWORD`, MinIO's `mc alias set NAME URL ACCESS
// SECRET`, mysql's and 7z's `-pX`, MongoDB's `-p X`, `redis-cli -a X`, `unzip -P X`, `ldapsearch
// -w X`, `gh secret set NAME --body X`, `kubectl create secret generic NAME --from-literal=K=X`,
// openssl's `-passout pass:X`, and a tool's setting set on its command line
// (`aws configure set aws_secret_access_key X`, `npm config set //host/:_authToken X`, `poetry
// config pypi-token.pypi X`, `dvc remote modify NAME password X`, `git config github.token X`),
// and an npmrc's `//host/:_authToken=X` wherever it is.
// A login's or a setting's word, which prose could hold too (`run wandb login first`), is taken on
// a shell trace's or a prompt's line, quoted, or where it has a credential's shape (as an option's
// value after a blank is: redact-output-options.ts); the other forms say by themselves that the
// word is a secret.
import { REDACTED } from './redact.js';
import { commandsOf, credentialShaped, holdsValue, secretOption, valueAt } from './redact-output-options.js';
import { type Span, spliced } from './redact-spans.js';

/** A command's word: where its text is (inside its quotes), where it ends, whether it was quoted. */
type Word = Span & { end: number; text: string; quoted: boolean };
/** A secret word found, and whether it needs a command's line or a credential's shape (GATED). */
type Found = { word: Span & { text: string; quoted: boolean }; gated: boolean };

/** The programs whose arguments a form reads: the program's name, after no word character nor `=` (a path's `/` may precede it), then a blank. */
const PROGRAM =
  /(?<![\w.=-])(wandb|vault|htpasswd|mcli|mc|mysql(?:dump|admin|import|show|check)?|mariadb(?:-dump|-admin)?|redis-cli|unzip|zip|7za?|ldap(?:search|add|modify|delete|whoami)|mongo(?:sh|dump|restore|export|import)?|gh|kubectl|oc|npm|yarn|pnpm|pip3?|git|conda|mamba|micromamba|poetry|dvc|aws|rclone)(?=[ \t])/g;
/** openssl's password argument given as a value (`-passin pass:x`, `'pass:x y'`; `env:NAME` and `file:path` name where it is). */
const OPENSSL_PASS = /(?<![\w-])-(?:passin|passout|pass|password|passwd)[ \t]+(["']?)pass:/g;
/** An npmrc's credential (`//registry.npmjs.org/:_authToken=x`, `:_auth=`, `:_password=`), written, echoed or shown. */
const NPMRC = /\/:_(?:authToken|auth|password)=/g;
/** What ends a bare word of a command (a `\` escapes the character after it): a blank, a quote, a backtick, what ends a command or redirects (`;`, `|`, `&`, `<`, `>`), a parenthesis (`$(...)`). */
const BARE_END = /[\s"'`;|&<>()]/;
/** What ends a command's words where a word would start: a line's end, `;`, `|`, `&`, a redirection, a backtick, a parenthesis, a comment's `#`. */
const WORDS_END = /[\r\n;|&<>`()#]/;
/** vault's options that take a value (Go's flags: `-ca-cert /x`): all but its flags. */
const VAULT_VALUE =
  /^--?(?!(?:no-print|no-store|token-only|non-interactive|output-curl-string|output-policy|tls-skip-verify|disable-redirects)$)[a-z][a-z-]*$/;
/** mc's global options that take a value (`-C DIR`, `--config-dir DIR`). */
const MC_VALUE = /^(?:-C|--config-dir)$/;
/** The most words and characters of a command read after its program. */
const MAX_WORDS = 64;
const MAX_CHARS = 2048;

/**
 * The words of the command after FROM, to its end (WORDS_END, a redirection's descriptor,
 * `2>/dev/null`, a line continuation's `\`, or ENCLOSING: the quote the command is inside, `bash -c
 * "cmd ..."`), at most MAX_WORDS words starting within MAX_CHARS characters. A word glued to a
 * quoted one (`--body="a b"`, `-p'x'`) is two words, the second adjacent (`from` just after the
 * first's end: glued). Each character is read at most once.
 */
function wordsOf(text: string, from: number, enclosing: string): Word[] {
  const words: Word[] = [];
  const stop = Math.min(text.length, from + MAX_CHARS);
  let i = from;
  while (words.length < MAX_WORDS && i < stop) {
    const c = text[i]!;
    if (c === enclosing || WORDS_END.test(c)) break;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const v = enclosing === '"' && text.startsWith('\\"', i) ? escapedQuoted(text, i) : wordAt(text, i);
    const word = text.slice(v.from, v.to);
    if (
      v.end <= i ||
      (!v.quoted && (word === '\\' || (/^\d+$/.test(word) && /[<>]/.test(text[v.end] ?? ''))))
    )
      break;
    words.push({ ...v, text: word });
    i = v.end;
  }
  return words;
}

/** The word at I: inside its quotes (valueAt), or bare (bareWord). */
const wordAt = (text: string, i: number): Span & { end: number; quoted: boolean } =>
  text[i] === '"' || text[i] === "'" ? valueAt(text, i) : bareWord(text, i);

/** The bare word at I: to BARE_END, a `\` and the character after it part of it (`hunter\ 2`), not a line's end. */
function bareWord(text: string, i: number): Span & { end: number; quoted: boolean } {
  let j = i;
  while (j < text.length && !BARE_END.test(text[j]!)) {
    const next = text[j + 1];
    j += text[j] === '\\' && next !== undefined && next !== '\n' && next !== '\r' ? 2 : 1;
  }
  return { from: i, to: j, end: j, quoted: false };
}

/** A word quoted with escaped quotes inside a double-quoted command (`bash -c "htpasswd -Bbn u \"x y\""`): to its `\"` or the line's end. */
function escapedQuoted(text: string, i: number): Span & { end: number; quoted: boolean } {
  let j = i + 2;
  while (j < text.length && text[j] !== '\n' && text[j] !== '\r' && !text.startsWith('\\"', j)) j++;
  return { from: i + 2, to: j, end: text.startsWith('\\"', j) ? j + 2 : j, quoted: true };
}

/**
 * The quote that a place in TEXT is inside, as a shell reads a line (`'` or `"`; '' outside: a
 * line's end closes any; prose's apostrophe, `can't`, opens none), asked for at places in order:
 * each character read once (linear).
 */
function quotesOf(text: string): (at: number) => string {
  let scanned = 0;
  let quote = '';
  return (at) => {
    for (; scanned < at; scanned++) {
      const c = text[scanned]!;
      const next = text[scanned + 1] ?? '';
      if (c === '\n' || c === '\r') quote = '';
      else if (c === '\\' && quote !== "'" && next !== '\n' && next !== '\r') scanned++;
      else if (quote === '' && (c === '"' || (c === "'" && !apostrophe(text, scanned)))) quote = c;
      else if (c === quote) quote = '';
    }
    return quote;
  };
}

/**
 * Whether the `'` at I is prose's apostrophe, a contraction's after a letter (`can't`, `it's`,
 * `we're`): no quote. A shell's quote after a letter (`-p'pw'`, `-u'root'`) is none of these.
 */
const apostrophe = (text: string, i: number): boolean =>
  /[A-Za-z]/.test(text[i - 1] ?? '') && /^(?:t|s|re|ve|ll|d|m)(?!\w)/i.test(text.slice(i + 1, i + 5));

/** Whether W is an option (`-x`, `--name`, `--name=value`), not a quoted word. */
const isOption = (w: Word | undefined): boolean =>
  w !== undefined && !w.quoted && /^--?[A-Za-z]/.test(w.text);

/** The rest of WORDS[I] after its first AT characters; where nothing is left, the quoted word glued to it (`-p'x'`, `--body="x"`). */
function restOf(words: Word[], i: number, at: number): Found['word'] | undefined {
  const w = words[i]!;
  if (at < w.text.length) return { from: w.from + at, to: w.to, text: w.text.slice(at), quoted: w.quoted };
  const next = words[i + 1];
  return next?.quoted && next.from - 1 === w.end ? next : undefined;
}

/** The value of option WORDS[I]: after its `=` (restOf), or the next word. */
function optionValue(words: Word[], i: number): Found['word'] | undefined {
  const eq = words[i]!.text.indexOf('=');
  return eq < 0 ? words[i + 1] : restOf(words, i, eq + 1);
}

/** The words of WORDS that are no option; an option's value skipped where TAKES_VALUE names the option (`--host URL`). */
function positionals(words: Word[], takesValue?: RegExp): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!isOption(w)) out.push(w);
    else if (!w.text.includes('=') && takesValue?.test(w.text)) i++;
  }
  return out;
}

/** Whether the words start with WANT, from index AT. */
const startsWith = (words: Word[], want: string[], at = 0): boolean =>
  want.every((x, k) => words[at + k]?.text === x);

/**
 * Whether KEY, a setting's name, names a secret: its last part after `.`, `:` or `/` does
 * (secretOption: `_authToken`, `aws_secret_access_key`, `github.token`), or rclone's `pass`.
 */
const secretSetting = (key: string): boolean =>
  key === 'pass' || secretOption(key.slice(Math.max(key.lastIndexOf(':'), key.lastIndexOf('/')) + 1));

/**
 * A tool's settings set on its command line, after its `config`, `configure`, `set` or `remote
 * modify` words (in its first four): each setting whose name names a secret (secretSetting;
 * poetry's `pypi-token.NAME`), its value the next word; poetry's `http-basic.NAME USER PASSWORD`,
 * the one after.
 */
function settings(words: Word[]): Found[] {
  const at = words
    .slice(0, 4)
    .findIndex(
      (w, i) =>
        /^(?:config|configure|set)$/.test(w.text) || (w.text === 'remote' && words[i + 1]?.text === 'modify'),
    );
  if (at < 0) return [];
  const found: Found[] = [];
  for (let i = at + 1; i < words.length; i++) {
    const key = words[i]!.text;
    // (git's `alias.secret` is a command's name)
    if (isOption(words[i]) || key.startsWith('alias.')) continue;
    const skip = /^http-basic\./.test(key) ? 2 : /^pypi-token\./.test(key) || secretSetting(key) ? 1 : 0;
    const value = skip > 0 ? words[i + skip] : undefined;
    if (value && !isOption(value)) {
      found.push({ word: value, gated: true });
      i += skip;
    }
  }
  return found;
}

/** What each program's form names as a secret among its WORDS (after the program's name). */
const FORMS: Record<string, (words: Word[]) => Found[]> = {
  // wandb login [--relogin] [--host URL] KEY
  wandb: (w) => (startsWith(w, ['login']) ? first(positionals(w.slice(1), /^--host$/), true) : []),
  // vault login [-path=x] TOKEN (a method's key=value pairs are the pair rule's: `password=x`)
  vault: vaultToken,
  // htpasswd -b[Bcn...] [FILE] USER PASSWORD: the last word with -b (the password given, not asked)
  htpasswd: (w) => {
    if (!w.some((x) => /^-[A-Za-z0-9]*b/.test(x.text) && !x.text.startsWith('--'))) return [];
    const p = positionals(w, /^-[A-Za-z]*[Cr]$/);
    return p.length >= 2 ? [{ word: p[p.length - 1]!, gated: false }] : [];
  },
  mc: minioSecret,
  mcli: minioSecret,
  'redis-cli': (w) => optionValues(w, /^(?:-a|--pass)(?:=|$)/),
  // an archive's password (a dataset's zip): `unzip -P x`, `7z x -px`
  unzip: (w) => optionValues(w, /^-P$/),
  zip: (w) => optionValues(w, /^-P$/),
  '7z': gluedP,
  '7za': gluedP,
  // each tool of these families (mysqldump, mariadb-dump, ldapadd, mongodump...)
  mysql: gluedP,
  mariadb: gluedP,
  // an LDAP tool's bind password (`ldapsearch -D cn=admin -w x`)
  ldap: (w) => optionValues(w, /^-w$/, /^-w/),
  // MongoDB's tools: `mongo -u admin -p x`, `mongodump --password=x`
  mongo: (w) => optionValues(w, /^(?:-p|--password)(?:=|$)/),
  gh: (w) => (startsWith(w, ['secret', 'set']) ? optionValues(w, /^(?:-b|--body)(?:=|$)/, /^-b(?!-)/) : []),
  // create secret's literals; a setting (`kubectl config set users.ci.token x`)
  kubectl: (w) => [...literals(w), ...settings(w)],
  oc: (w) => [...literals(w), ...settings(w)],
};

/**
 * vault login [-path=x] TOKEN, or its `token=TOKEN`, with the token method (the default): a
 * method's other key=value pairs are the pair rule's (`password=x`).
 */
function vaultToken(words: Word[]): Found[] {
  if (!startsWith(words, ['login'])) return [];
  const method = words.findIndex((x) => /^--?method(?:=|$)/.test(x.text));
  const name =
    method < 0
      ? 'token'
      : words[method]!.text.includes('=')
        ? words[method]!.text.replace(/^[^=]*=/, '')
        : words[method + 1]?.text;
  if (name !== 'token') return [];
  const given = positionals(words.slice(1), VAULT_VALUE).filter((x) => x.text !== '-')[0];
  if (!given?.text.startsWith('token='))
    return given && !given.text.includes('=') ? [{ word: given, gated: true }] : [];
  const i = words.indexOf(given);
  const v = restOf(words, i, 6);
  return v ? [{ word: v, gated: false }] : [];
}

/**
 * MinIO's client (mc, mcli), after its global options: `alias set NAME URL ACCESS_KEY SECRET_KEY`,
 * `config host add ...` (older), `admin user add ALIAS ACCESS_KEY SECRET_KEY`.
 */
function minioSecret(words: Word[]): Found[] {
  let at = 0;
  while (at < words.length && isOption(words[at])) at += MC_VALUE.test(words[at]!.text) ? 2 : 1;
  // A user's secret key: `admin user add ALIAS ACCESS_KEY SECRET_KEY`.
  if (startsWith(words, ['admin', 'user', 'add'], at)) {
    const secret = positionals(words.slice(at + 3))[2];
    return secret ? [{ word: secret, gated: false }] : [];
  }
  const rest = startsWith(words, ['alias', 'set'], at)
    ? words.slice(at + 2)
    : startsWith(words, ['config', 'host', 'add'], at)
      ? words.slice(at + 3)
      : [];
  const secret = positionals(rest, /^--(?:api|path|lookup)$/)[3];
  return secret ? [{ word: secret, gated: false }] : [];
}

/** mysql's (mariadb's, 7z's) password glued to its `-p` (`-phunter`, `-p'x'`; `-p` alone asks for it). */
function gluedP(words: Word[]): Found[] {
  return optionValues(words, undefined, /^-p/);
}

/** The first of WORDS, GATED or not. */
const first = (words: Word[], gated: boolean): Found[] => (words[0] ? [{ word: words[0], gated }] : []);

/** The values of the options NAMED (`-a x`, `--body=x`); GLUED, a short option with its value in it (`-bx`). */
function optionValues(words: Word[], named: RegExp | undefined, glued?: RegExp): Found[] {
  const found: Found[] = [];
  words.forEach((w, i) => {
    if (!isOption(w)) return;
    if (named?.test(w.text)) {
      const v = optionValue(words, i);
      if (v) found.push({ word: v, gated: false });
    } else if (glued?.test(w.text)) {
      const v = restOf(words, i, 2);
      if (v) found.push({ word: v, gated: false });
    }
  });
  return found;
}

/**
 * kubectl's (or oc's) `create secret`: each `--from-literal=KEY=VALUE`'s value (`--from-literal
 * KEY=VALUE`, `KEY="VALUE"`, `"KEY=VALUE"` too).
 */
function literals(words: Word[]): Found[] {
  const at = words.findIndex((w, i) => w.text === 'create' && words[i + 1]?.text === 'secret');
  if (at < 0) return [];
  const found: Found[] = [];
  words.forEach((w, i) => {
    const [k, start] = i > at ? (literalAt(words, i) ?? [-1, 0]) : [-1, 0];
    const eq = words[k]?.text.indexOf('=', start) ?? -1;
    const v = eq > start ? restOf(words, k, eq + 1) : undefined;
    if (v) found.push({ word: v, gated: false });
  });
  return found;
}

/**
 * Where the KEY=VALUE of option WORDS[I] starts, where it is `--from-literal`: after its `=`, in
 * the quoted word glued to it, or the next word.
 */
function literalAt(words: Word[], i: number): [number, number] | undefined {
  const w = words[i]!;
  const next = words[i + 1];
  if (w.quoted || !w.text.startsWith('--from-literal')) return undefined;
  if (w.text === '--from-literal') return [i + 1, 0];
  if (w.text === '--from-literal=') return next?.quoted && next.from - 1 === w.end ? [i + 1, 0] : undefined;
  return w.text[14] === '=' ? [i, 15] : undefined;
}

/** What PROGRAM's form names as a secret among WORDS. */
function secretsOf(program: string, words: Word[]): Found[] {
  const family = /^(?:mysql|mariadb|ldap|mongo)/.exec(program)?.[0] ?? program;
  return FORMS[family]?.(words) ?? settings(words);
}

/**
 * TEXT with each secret argument masked (see the header): the value inside its quotes, or its
 * word; kept where holdsValue says it is none (a reference, a placeholder, prose's word), or, for
 * a login's or a setting's word outside a shell's trace or a prompt's line, where it is neither
 * quoted nor of a credential's shape; SCRIPT, a text that is commands (a RUN's script), reads
 * every line as a trace's. Each command is read once, at most MAX_WORDS words, and the search goes
 * on after what it read: linear. Idempotent.
 */
export function maskCommandArguments(text: string, script = false): string {
  const spans: Span[] = [];
  const commandAt = commandsOf(text);
  const quoteAt = quotesOf(text);
  PROGRAM.lastIndex = 0;
  for (let m; (m = PROGRAM.exec(text));) {
    const enclosing = quoteAt(m.index);
    const words = wordsOf(text, PROGRAM.lastIndex, enclosing);
    for (const { word, gated } of secretsOf(m[1]!, words)) {
      if (text.startsWith(REDACTED, word.from) || !holdsValue(word.text)) continue;
      // A command inside quotes may be prose (`echo "run wandb login first"`): its shape decides.
      const command = () => enclosing === '' && (script || commandAt(m.index).trace);
      if (!gated || word.quoted || credentialShaped(word.text) || command()) spans.push(word);
    }
    PROGRAM.lastIndex = Math.max(PROGRAM.lastIndex, words.at(-1)?.end ?? 0);
  }
  if (text.includes('/:_')) {
    NPMRC.lastIndex = 0;
    while (NPMRC.exec(text)) {
      const at = NPMRC.lastIndex;
      const v = wordAt(text, at);
      if (holdsValue(text.slice(v.from, v.to)) && !text.startsWith(REDACTED, v.from)) spans.push(v);
      NPMRC.lastIndex = Math.max(v.end, at);
    }
  }
  if (text.includes('pass:')) {
    OPENSSL_PASS.lastIndex = 0;
    for (let m; (m = OPENSSL_PASS.exec(text));) {
      const at = OPENSSL_PASS.lastIndex;
      // Inside the quotes opened before `pass:` (`'pass:x y'`: from its quote, 6 back), or its own (`pass:"x y"`), or its word.
      const v = m[1] ? { ...valueAt(text, at - 6), from: at } : wordAt(text, at);
      if (holdsValue(text.slice(v.from, v.to)) && !text.startsWith(REDACTED, v.from)) spans.push(v);
      OPENSSL_PASS.lastIndex = Math.max(v.end, at);
    }
  }
  return spliced(text, spans);
}
