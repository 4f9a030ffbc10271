// The Slurm job withholds a variable whose VALUE holds what redaction masks (a URL's login or secret
// parameter, a token of a known form, a connection string's password), by the shared rules turned
// into POSIX EREs for bash. Here the EREs are read by JavaScript (their POSIX classes spelled as
// ranges); __tests__/integration/export-scripts.test.ts runs them under bash.
import { describe, expect, it } from 'vitest';
import { hideSecretsShell, secretValueEres, valueRuleEre } from '../../src/export/secret-env.js';
import { REDACTION_RULES, redactText } from '../../src/util/redact.js';
import { ENV_CASES } from '../helpers/redaction-cases.js';

const CLASSES: Record<string, string> = {
  upper: 'A-Z',
  lower: 'a-z',
  digit: '0-9',
  alpha: 'A-Za-z',
};

/** A POSIX ERE as JavaScript reads it: [:upper:] and the like as ranges, a bracket's "\" literal. */
function ereToJs(ere: string): RegExp {
  let out = '';
  for (let i = 0; i < ere.length; i++) {
    const c = ere[i]!;
    if (c === '\\') {
      out += ere.slice(i, i + 2);
      i++;
    } else if (c !== '[') out += c;
    else {
      let j = i + 1;
      let body = ere[j] === '^' ? '^' : '';
      j += body.length;
      if (ere[j] === ']') [body, j] = [`${body}\\]`, j + 1];
      while (ere[j] !== ']') {
        const cls = /^\[:(\w+):\]/.exec(ere.slice(j));
        if (cls) [body, j] = [body + CLASSES[cls[1]!]!, j + cls[0].length];
        else [body, j] = [body + (ere[j] === '\\' || ere[j] === '[' ? `\\${ere[j]}` : ere[j]), j + 1];
      }
      out += `[${body}]`;
      i = j;
    }
  }
  return new RegExp(out);
}

const { cased, upper } = secretValueEres();
const withheld = (value: string) => ereToJs(cased).test(value) || ereToJs(upper).test(value.toUpperCase());

describe('Slurm: variables whose values look secret stay out of the image under test', () => {
  it.each(ENV_CASES.filter(([, value]) => redactText(value) !== value))(
    '%s: what redaction masks in %j is withheld',
    (_name, value) => {
      expect(withheld(value)).toBe(true);
    },
  );

  it.each([
    ['PIP_INDEX_URL', 'https://alice:pw@pypi.example.com/simple'],
    ['PIP_EXTRA_INDEX_URL', `https://ghp_${'a'.repeat(28)}@x.example/simple`],
    ['DATABASE_URL', 'postgres://u:pw@db/x'],
    ['AZ_CONN', 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc==;EndpointSuffix=x'],
    ['DB', 'Server=db;User Id=sa;password=hunter12Pass;'],
    ['ODBC', 'DRIVER={x};UID=sa;PWD={p;w}'],
    ['INDEX', 'https://h.example/simple?Token=abc'],
    ['MODEL_URL', 'https://h.example/m.bin?api_token=abc123'],
    ['API', 'https://h.example/v1?x-api-key=abc123'],
    ['CHANNEL', 'https://conda.anaconda.org/t/tk-123/main'],
    ['AWS_ID', 'AKIAIOSFODNN7EXAMPLE'],
  ])('%s=%s is withheld', (name, value) => {
    expect(redactText(value), name).not.toBe(value);
    expect(withheld(value)).toBe(true);
  });

  it.each([
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin'],
    ['APT_REPO', 'https://dl.cloudsmith.io/public/caddy/stable/deb/debian'],
    ['HF_HOME', '/cache/huggingface'],
    ['CUDA_VERSION', '12.8.1'],
    ['PIP_INDEX_URL', 'https://pypi.org/simple'],
    ['HTTPS_PROXY', 'http://proxy.example:3128'],
    ['GIT_REMOTE', 'git@github.com:org/repo.git'],
    ['LANG', 'en_US.UTF-8'],
    ['GIT_COMMIT', '0123456789abcdef0123456789abcdef01234567'],
    ['MODEL', 'meta-llama/Llama-3.1-8B'],
    ['DOCS', 'https://h.example/docs/t/intro?page=2'],
  ])('%s=%s is passed on', (_name, value) => {
    expect(redactText(value)).toBe(value);
    expect(withheld(value)).toBe(false);
  });

  it('writes the rules as EREs: lookarounds dropped, ranges as classes, case folded where the rule ignores it', () => {
    expect(cased).toContain('(hf_[[:upper:][:lower:][:digit:]]{20,})');
    expect(cased).toContain('(sk-[[:upper:][:lower:][:digit:]_-]{20,})');
    expect(upper).toContain('(PASSWORD|ACCOUNTKEY|SHAREDACCESSKEY|SHAREDACCESSSIGNATURE)');
    expect(upper).toContain('(AUTH|CREDENTIAL|PASSWD|PASSWORD|PWD|SECRET|SIG|SIGNATURE|TOKEN)');
    for (const ere of [cased, upper]) expect(ere).not.toMatch(/\(\?|\\[a-zA-Z0-9]/);
    const text = hideSecretsShell();
    // Both hold a ' (a bracket of the URL rules, a quoted value): quoted for the shell.
    const quoted = (ere: string) => `'${ere.replaceAll("'", `'\\''`)}'`;
    expect(text).toContain(`\nSECRET_VALUE_RE=${quoted(cased)}\n`);
    expect(text).toContain(`\nSECRET_VALUE_ICASE_RE=${quoted(upper)}\n`);
  });

  it('tests no ERE that is empty (it would match every value)', () => {
    const rules = {
      ...REDACTION_RULES,
      urlTokens: {
        ...REDACTION_RULES.urlTokens,
        query: { ...REDACTION_RULES.urlTokens.query, ignoreCase: false },
      },
      connectionString: { ...REDACTION_RULES.connectionString, ignoreCase: false },
      authorization: { ...REDACTION_RULES.authorization, ignoreCase: false },
      credentialInValue: { ...REDACTION_RULES.credentialInValue, ignoreCase: false },
    };
    expect(secretValueEres(rules).upper).toBe('');
    expect(secretValueEres(rules).cased).toContain('(Password|AccountKey|');
    expect(hideSecretsShell(undefined, rules)).toContain(
      '[[ ( -z $kept && ( ${n^^} =~ $SECRET_NAME_RE || $v =~ $SECRET_VALUE_RE ) ) || ( -n $kept && $v =~ $SECRET_KEPT_VALUE_RE ) ]] && unset -v "$n"',
    );
  });

  it.each([
    ['hf_[A-Za-z0-9]{20,}', false, 'hf_[[:upper:][:lower:][:digit:]]{20,}'],
    ['(?:a|b)c?', false, '(a|b)c?'],
    ['x(?<![A-Za-z])y(?=z)', false, 'xy'],
    ['[?&#]token=', true, '[?&#]TOKEN='],
    ['[^\\t\\n "\\\\]+@', false, '[^ "\\]+@'],
    ['[a-z]-[0-9A-Z]', true, '[[:upper:]]-[[:digit:][:upper:]]'],
    ['\\.\\$\\{a\\}/', false, '\\.\\$\\{a\\}/'],
    // A tab in a bracket as [:blank:] (tab or space); a "[" dropped from a negated one (it matches
    // more); a "(" or "|" in a bracket is a character, not an empty alternative.
    ['a[\\t ]+b', false, 'a[[:blank:] ]+b'],
    ['a[\\n\\r]+b', false, 'a[[:space:]]+b'],
    ['[^\\[\\] x]+', false, '[^] x]+'],
    ['[^()|]x', false, '[^()|]x'],
  ])('valueRuleEre(%j, ignoreCase %s) is %j', (pattern, ignoreCase, ere) => {
    expect(valueRuleEre(pattern, ignoreCase)).toBe(ere);
  });

  it.each([
    ['\\d+'],
    ['[A-F]'],
    ['\\n'],
    ['[^\\d]'],
    ['a*?'],
    ['(?<name>a)'],
    ['(?=a)*b'],
    ['(?=a)|b'],
    ['a{,3}'],
    ['[[]'],
    ['(?=a'],
  ])('refuses a rule it cannot write in ERE: %s', (pattern) => {
    expect(() => valueRuleEre(pattern, false)).toThrow(/cannot express/);
  });
});
