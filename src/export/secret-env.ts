// The Slurm job keeps the submitter's secrets out of the image under test. sbatch exports the
// submitting shell's environment, srun hands the job script's environment to its task, and Pyxis sets
// it in the container: HF_TOKEN, AWS_SECRET_ACCESS_KEY, a PIP_INDEX_URL with a login and the like
// would reach an image that may be untrusted and has the network. The job unsets, before any srun,
// every exported variable whose name looks secret by the project's one rule
// (images/probe/redaction-rules.json, secretName), or whose value holds what the same rules mask by
// value (a URL's login or secret parameter, a token of a known form, a connection string's
// password), each turned into a bash regular expression here. A variable whose name is no shell
// identifier (GitHub Actions' INPUT_HF-TOKEN for an input hf-token) cannot be unset by bash, which
// still passes it on: each srun runs under `env -u NAME` for those (STEP_ENV). Pure: text only.
import { REDACTION_RULES, type RedactionRules } from '../util/redact.js';
import { shellQuote } from './common.js';

/**
 * Names the job never takes for secrets by their names: Slurm's, its own, those Enroot and Pyxis
 * read, and the fabric and MPI settings a multi-node step needs (NCCL_IB_PKEY and UCX_IB_PKEY are
 * InfiniBand partition keys, not secrets). Their values are tested as any other's but for the sk-
 * form (secretValueEres' kept): Slurm's own SLURM_JWT (`scontrol token`) is a credential.
 */
const KEPT_PREFIXES = [
  'SLURM_',
  'ML_IMAGE_',
  'ENROOT_',
  'PYXIS_',
  'NCCL_',
  'UCX_',
  'OMPI_',
  'PMIX_',
  'FI_',
] as const;
/** Names (space-separated) the job passes on although they look secret, e.g. a token .credentials reads. */
const KEEP_ENV_VAR = 'ML_IMAGE_KEEP_ENV';
/**
 * What the job writes before each srun (after any `timeout`): `env` with `-u NAME` for each
 * secret-looking variable bash could not unset (a name that is no identifier), set by hide_secrets.
 */
export const STEP_ENV = '"${STEP_ENV[@]}"';

// The rule's lookarounds that bound a word: PASS, PAT and PW as words of their own, PWD after a
// non-letter (its others are exceptions: withoutExceptions). POSIX ERE has none; a non-letter or
// the end of the name stands for them ([[ =~ ]] only asks whether the name matches). [:alpha:]
// rather than a range: ranges in a bracket follow the locale's collation.
const LOOKAROUNDS: readonly [string, string][] = [
  ['(?<![A-Za-z])', '(^|[^[:alpha:]])'],
  ['(?![A-Za-z])', '([^[:alpha:]]|$)'],
  ['(?<=[^A-Za-z])', '[^[:alpha:]]'],
];

/**
 * TEXT without its other negative lookarounds: the words that hold a secret word and no secret
 * (`TOKEN(?!IZERS?(?:_|$))`, `(?<!UN)AUTH`). Each only narrows a match: without them the job
 * unsets a little more (TOKENIZERS_PARALLELISM), never less.
 */
function withoutExceptions(text: string): string {
  for (let at = text.search(/\(\?<?!/); at >= 0; at = text.search(/\(\?<?!/)) {
    const end = groupEnd(text, at);
    if (/[*+?{]/.test(text[end] ?? '')) throw untranslatable(text, 'a quantified lookaround');
    text = text.slice(0, at) + text.slice(end);
  }
  return text;
}

/**
 * The secretName rule as a POSIX ERE for bash's [[ =~ ]], and whether the name is upper-cased first
 * (the rule ignores case; bash's ${n^^}). Throws when the rule holds a construct this translation
 * does not know (a unit test then fails, before any job is written).
 */
export function secretNameEre(rule: RedactionRules['secretName'] = REDACTION_RULES.secretName): {
  ere: string;
  upper: boolean;
} {
  let text = rule.pattern;
  LOOKAROUNDS.forEach(([js], i) => (text = text.split(js).join(`~${i}`)));
  text = withoutExceptions(text);
  if (rule.ignoreCase) text = text.toUpperCase();
  // Letters, digits, _ and the operators ERE reads as JavaScript does; no (?, class, escape or brace.
  if (rule.pattern.includes('~') || !/^(?:[A-Za-z0-9_|()?*+]|~[0-9])*$/.test(text) || text.includes('(?'))
    throw new Error(
      `redaction-rules.json: secretName "${rule.pattern}" holds a construct the Slurm job's bash pattern cannot express (src/export/secret-env.ts)`,
    );
  LOOKAROUNDS.forEach(([, ere], i) => (text = text.split(`~${i}`).join(ere)));
  return { ere: text, upper: rule.ignoreCase };
}

/** A POSIX bracket class for each range the rules write: ranges would follow the locale's collation. */
const RANGE_CLASS: Readonly<Record<string, string>> = {
  'A-Z': '[:upper:]',
  'a-z': '[:lower:]',
  '0-9': '[:digit:]',
};
/** The characters ERE reads as operators: kept escaped where the rule escapes them. */
const ERE_SPECIAL = '.[]\\()*+?{}|^$';
/**
 * Whitespace escapes (\t ...): dropped from a negated bracket, which then matches more; in another
 * \t as [:blank:] (a tab or a space), the others as [:space:]: at least what each matched.
 */
const SPACE_ESCAPES = 'tnrfv';
const LOOKAROUND = /^\(\?<?[=!]/;

const untranslatable = (pattern: string, why: string) =>
  new Error(
    `redaction-rules.json: "${pattern}" holds ${why}, which the Slurm job's bash pattern cannot express (src/export/secret-env.ts)`,
  );

/**
 * A value rule of redaction-rules.json as a POSIX ERE for bash's [[ =~ ]] that matches at least
 * what the rule matches: its lookarounds dropped (each only narrows a match), `(?:` as `(`, a
 * bracket's ranges as [:upper:], [:lower:] and [:digit:], a whitespace escape or "[" in a negated
 * bracket dropped, in another \t as [:blank:] and \n, \r, \f, \v as [:space:]; upper-cased where the rule ignores case (the job
 * upper-cases the value too, ${v^^}).
 * Throws on any other construct (\d, a lazy or quantified lookaround, another range ...).
 */
export function valueRuleEre(pattern: string, ignoreCase: boolean): string {
  let out = '';
  let shape = ''; // out with each bracket as "x": its "(" or "|" are characters, not operators
  let atom = false; // whether what was written last can take a quantifier
  for (let i = 0; i < pattern.length;) {
    if (LOOKAROUND.test(pattern.slice(i, i + 4))) {
      i = groupEnd(pattern, i);
      if (/[*+?{]/.test(pattern[i] ?? '')) throw untranslatable(pattern, 'a quantified lookaround');
      continue;
    }
    const t = ereToken(pattern, i, ignoreCase);
    if (t.quantifier && !atom)
      throw untranslatable(pattern, `${t.text} after nothing to repeat (a lazy one?)`);
    out += t.text;
    shape += t.text.startsWith('[') ? 'x' : t.text;
    i = t.end;
    atom = t.atom;
  }
  // A lookaround that stood alone in an alternative leaves it empty, which ERE does not define.
  if (/\((?:\)|\|)|\|\||\|\)|^\||\|$/.test(shape))
    throw untranslatable(pattern, 'an alternative of lookarounds only');
  return out;
}

interface EreToken {
  text: string;
  /** Where the next token begins in the pattern. */
  end: number;
  /** Whether a quantifier may follow it. */
  atom: boolean;
  quantifier?: true;
}

/** The token of PATTERN at I (no lookaround) as ERE writes it. */
function ereToken(pattern: string, i: number, ignoreCase: boolean): EreToken {
  const c = pattern[i]!;
  if (c === '\\') {
    const e = pattern[i + 1] ?? '';
    if (!/^[^A-Za-z0-9]$/.test(e)) throw untranslatable(pattern, `the escape \\${e}`);
    return { text: ERE_SPECIAL.includes(e) ? `\\${e}` : e, end: i + 2, atom: true };
  }
  if (c === '(') {
    if (pattern[i + 1] !== '?') return { text: '(', end: i + 1, atom: false };
    if (pattern[i + 2] === ':') return { text: '(', end: i + 3, atom: false };
    throw untranslatable(pattern, `the group ${pattern.slice(i, i + 4)}`);
  }
  if (c === '[') {
    const [text, end] = bracketEre(pattern, i, ignoreCase);
    return { text, end, atom: true };
  }
  const q = c === '{' ? /^\{\d+(?:,\d*)?\}/.exec(pattern.slice(i))?.[0] : '*+?'.includes(c) ? c : undefined;
  if (q !== undefined) return { text: q, end: i + q.length, atom: false, quantifier: true };
  if ('{}]'.includes(c)) throw untranslatable(pattern, `a bare ${c}`);
  return { text: ignoreCase ? c.toUpperCase() : c, end: i + 1, atom: !'|^$'.includes(c) };
}

/** Where the group that starts at START ends (the index after its ")"), brackets and escapes skipped. */
function groupEnd(pattern: string, start: number): number {
  let depth = 0;
  for (let i = start; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '[') i = bracketEnd(pattern, i) - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  throw untranslatable(pattern, 'an unclosed group');
}

/** The index after the "]" that closes the bracket starting at START. */
function bracketEnd(pattern: string, start: number): number {
  for (let i = start + 1; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']') return i + 1;
  }
  throw untranslatable(pattern, 'an unclosed bracket');
}

/** The bracket at START as a POSIX bracket expression, and the index after it. */
function bracketEre(pattern: string, start: number, ignoreCase: boolean): [string, number] {
  const end = bracketEnd(pattern, start);
  const negated = pattern[start + 1] === '^';
  const body = pattern.slice(start + (negated ? 2 : 1), end - 1);
  const classes = new Set<string>();
  const chars = new Set<string>();
  for (let i = 0; i < body.length;) {
    const range = body[i + 1] === '-' && i + 2 < body.length ? body.slice(i, i + 3) : undefined;
    if (body[i] === '\\') {
      const e = body[i + 1] ?? '';
      if (/^[^A-Za-z0-9]$/.test(e)) chars.add(e);
      else if (!negated && SPACE_ESCAPES.includes(e)) classes.add(e === 't' ? '[:blank:]' : '[:space:]');
      else if (!(negated && SPACE_ESCAPES.includes(e)))
        throw untranslatable(pattern, `the escape \\${e} in a bracket`);
      i += 2;
    } else if (range !== undefined) {
      const cls = RANGE_CLASS[range];
      if (cls === undefined) throw untranslatable(pattern, `the range ${range}`);
      classes.add(ignoreCase && cls === '[:lower:]' ? '[:upper:]' : cls);
      i += 3;
    } else {
      chars.add(ignoreCase ? body[i]!.toUpperCase() : body[i]!);
      i += 1;
    }
  }
  // A "[" next to ":", "." or "=" would open a class: a negated bracket matches more without it.
  if (chars.has('[') && negated) chars.delete('[');
  if (chars.has('[')) throw untranslatable(pattern, 'a [ in a bracket');
  // "]" first, "-" last, "^" not first: each then stands for itself.
  const plain = [...chars].filter((c) => !']^-'.includes(c)).join('');
  const items = `${chars.has(']') ? ']' : ''}${[...classes].join('')}${plain}${chars.has('^') ? '^' : ''}${chars.has('-') ? '-' : ''}`;
  if (items === '' || items.startsWith('^')) throw untranslatable(pattern, 'a bracket ERE cannot write');
  return [`[${negated ? '^' : ''}${items}]`, end];
}

/**
 * What the shared rules mask by value, as EREs (each a superset, valueRuleEre): the rules that
 * heed case (tokens of a known form, JWTs, a private key's PEM block, a URL's login, Anaconda's
 * /t/<token>/ anywhere, Cloudsmith's dl.cloudsmith.io/<token>/), and those that ignore it, for the
 * upper-cased value (a URL's secret parameter, a connection string's secret, an Authorization
 * header's credentials, a credential a value writes in a form of its own); and, for a kept name's
 * value (Slurm's, the job's own), the first without a token form a lookbehind bounds (sk-, not
 * after a letter): without it, it takes paths such as /scratch/mask-rcnn-... for tokens.
 * Long base64-like values, which redaction also masks, are left alone: paths and IDs look like them.
 */
export function secretValueEres(rules: RedactionRules = REDACTION_RULES): {
  cased: string;
  upper: string;
  kept: string;
} {
  const { prefix, minSegmentLength: n } = rules.jwt;
  const seg = `[A-Za-z0-9_-]{${n},}`;
  const jwt = `${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${seg}\\.${seg}\\.${seg}`;
  const all: [string, boolean][] = [
    ...rules.secretValues.map((p): [string, boolean] => [p, false]),
    [rules.privateKey, false],
    [rules.credentialInValue.pattern, rules.credentialInValue.ignoreCase],
    [jwt, false],
    [rules.urlUserinfo, false],
    [rules.urlTokens.pathToken.replace(/^\^/, ''), false],
    [rules.urlTokens.hostToken.pattern.replace(/^\^/, ''), false],
    [rules.urlTokens.query.pattern, rules.urlTokens.query.ignoreCase],
    [rules.connectionString.pattern, rules.connectionString.ignoreCase],
    [rules.authorization.pattern, rules.authorization.ignoreCase],
  ];
  const join = (upper: boolean) =>
    all
      .filter(([, ic]) => ic === upper)
      .map(([p]) => `(${valueRuleEre(p, upper)})`)
      .join('|');
  // A token form bounded by a lookbehind (sk-, not after a letter) matches inside words without it.
  const inWords = (p: string) => rules.secretValues.includes(p) && p.includes('(?<');
  const keptCased = all
    .filter(([p, ic]) => !ic && !inWords(p))
    .map(([p]) => `(${valueRuleEre(p, false)})`)
    .join('|');
  return { cased: join(false), upper: join(true), kept: keptCased };
}

/** The job script's lines (bash) that unset the secret-looking variables and name them on stderr. */
export function hideSecretsShell(
  rule?: RedactionRules['secretName'],
  rules: RedactionRules = REDACTION_RULES,
): string {
  const { ere, upper } = secretNameEre(rule);
  const values = secretValueEres(rules);
  const keep = KEPT_PREFIXES.map((p) => `${p}*`).join('|');
  // An empty ERE matches anything: a set of rules with none in it is not tested. A kept name's
  // value is tested too (Slurm's own SLURM_JWT is a credential), by SECRET_KEPT_VALUE_RE.
  const own = [
    `${upper ? '${n^^}' : '$n'} =~ $SECRET_NAME_RE`,
    ...(values.cased ? ['$v =~ $SECRET_VALUE_RE'] : []),
    ...(values.upper ? ['${v^^} =~ $SECRET_VALUE_ICASE_RE'] : []),
  ].join(' || ');
  const tests = `( -z $kept && ( ${own} ) ) || ( -n $kept && $v =~ $SECRET_KEPT_VALUE_RE )`;
  return `# The submitting shell's environment reaches the image under test (sbatch exports it, srun passes it
# on, Pyxis sets it in the container): variables whose names look secret (the secretName rule of
# ml-image's redaction), or whose values hold what it masks (a URL's login or secret parameter, a
# token of a known form, a connection string's password: SECRET_VALUE_RE as written,
# SECRET_VALUE_ICASE_RE upper-cased; wider than the rules: their lookarounds dropped), stay out.
# Slurm's, Enroot's, the fabric's and the job's own names are not tested, their values by
# SECRET_KEPT_VALUE_RE (SECRET_VALUE_RE without sk-, which takes mask-rcnn-... paths for tokens
# without its lookbehind: their paths stay). Values are tested, never printed (xtrace is off
# meanwhile). ${KEEP_ENV_VAR}="NAME ..." passes the names given
# on, e.g. a token that Enroot's .credentials reads as $NAME to pull the image. Names that are no shell
# identifiers (INPUT_HF-TOKEN) cannot be unset: every srun runs under STEP_ENV, env -u NAME for each.
SECRET_NAME_RE='${ere}'
SECRET_VALUE_RE=${shellQuote(values.cased)}
SECRET_VALUE_ICASE_RE=${shellQuote(values.upper)}
SECRET_KEPT_VALUE_RE=${shellQuote(values.kept)}
hide_secrets() {
  local n v kv kept names hidden='' count=0 xtrace=
  case $- in *x*) xtrace=1; set +x ;; esac
  if ! names=$(compgen -e); then
    echo "ml-image: this bash cannot list the environment (compgen): variables that look secret may reach the image under test" >&2
    names=''
  fi
  for n in $names; do
    case $n in ${keep}) kept=1 ;; *) kept= ;; esac
    case " \${${KEEP_ENV_VAR}:-} " in *" $n "*) continue ;; esac
    v=\${!n-}
    if [[ ${tests} ]] && unset -v "$n"; then
      hidden+=" $n"; count=$((count + 1))
    fi
  done
  # What is left of them in the environment children get is what bash could not unset: a name that
  # is no identifier (INPUT_HF-TOKEN), which compgen does not list either: each step gets env -u NAME.
  STEP_ENV=(env)
  if env -0 > /dev/null 2>&1; then
    while IFS= read -r -d '' kv; do
      n=\${kv%%=*}; v=\${kv#*=}
      case $n in '') continue ;; ${keep}) kept=1 ;; *) kept= ;; esac
      case " \${${KEEP_ENV_VAR}:-} " in *" $n "*) continue ;; esac
      if [[ ${tests} ]]; then
        STEP_ENV+=(-u "$n"); hidden+=" $n"; count=$((count + 1))
      fi
    done < <(env -0)
  else
    echo "ml-image: this env cannot list the environment (env -0): variables that look secret and are no shell names may reach the image under test" >&2
  fi
  v='' kv=''
  if [ "$count" -gt 0 ]; then
    printf '%s\\n' "ml-image: not passing $count variable(s) whose names or values look secret into the image under test:$hidden (${KEEP_ENV_VAR}=NAME passes one on)" >&2
  fi
  if [ -n "$xtrace" ]; then set -x; fi
  return 0
}
hide_secrets`;
}
