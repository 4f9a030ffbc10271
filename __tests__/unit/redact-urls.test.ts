import { describe, expect, it } from 'vitest';
import {
  MASK,
  REDACTED,
  REDACTION_RULES,
  isTokenUser,
  redactDeep,
  maskBareLogins,
  redactMessage,
  redactText,
  redactUrls,
  shownUrl,
  urlSecret,
} from '../../src/util/redact.js';
import { urlSecrets } from '../../src/util/url-secrets.js';
import { MIN_MASKED_CHARS } from '../../src/action/mask.js';
import {
  describeIndexes,
  givenPipIndexes,
  pipConf,
  pipIndexEnv,
  pipIndexes,
} from '../../src/python/indexes.js';
import { indexUrlProblem } from '../../src/util/pip-index-url.js';
import { InputError } from '../../src/errors.js';

describe('URL userinfo redaction in free text', () => {
  it.each([
    ['http://user:TOKEN@host/simple', 'http://user:***@host/simple'],
    [
      'pip: Looking in indexes: https://me:p%40ss@pkgs.example.com/simple, https://pypi.org/simple',
      'pip: Looking in indexes: https://me:***@pkgs.example.com/simple, https://pypi.org/simple',
    ],
    [
      'https://glpat-abcdefghijklmnopqrst@gitlab.example.com/api/v4/projects/1/packages/pypi/simple',
      'https://***@gitlab.example.com/api/v4/projects/1/packages/pypi/simple',
    ],
    [
      'git+https://x-access-token:ghs_abc@github.com/o/r.git#egg=r',
      'git+https://x-access-token:***@github.com/o/r.git#egg=r',
    ],
    [
      '--extra-index-url=http://a:b@127.0.0.1:5001/simple',
      '--extra-index-url=http://a:***@127.0.0.1:5001/simple',
    ],
    ['user:pw@host without a scheme stays', 'user:pw@host without a scheme stays'],
    // A token as the user name with an empty password, or as the password with no user name.
    ['https://fury_T0ken4Acme:@pypi.fury.io/acme/', 'https://***@pypi.fury.io/acme/'],
    ['https://:azdoPAT0123456789@pkgs.dev.azure.com/o/simple/', 'https://:***@pkgs.dev.azure.com/o/simple/'],
    // A token as the user name before a password: both masked (the token by its shape, or any user
    // name before GitHub's fixed public password x-oauth-basic).
    [
      'https://ghp_PLANTEDabcdefghijklmnopqrstuv0123:x-oauth-basic@example.com/whl',
      'https://***:***@example.com/whl',
    ],
    [
      'pip install git+https://0123456789abcdef0123456789abcdef01234567:X-OAuth-Basic@github.com/o/r',
      'pip install git+https://***:***@github.com/o/r',
    ],
    ['https://glpat-abcdefghijklmnopqrstu:pw@gitlab.example.com/x', 'https://***:***@gitlab.example.com/x'],
    ['https://hf%5FabcdefghijklmnopqrstuvwxyZ:pw@h/x', 'https://***:***@h/x'],
    [`https://eyJhbGciOiJI.eyJzdWIiOiIx.SflKxwRJSMeKKF2Q:p@h/x`, 'https://***:***@h/x'],
    // Masked already (an older version masked only the password): the user name still is.
    ['https://ghp_PLANTEDabcdefghijklmnopqrstuv0123:***@h/x', 'https://***:***@h/x'],
    ['https://***:***@h/x', 'https://***:***@h/x'],
    [`https://${REDACTED}:${REDACTED}@h/x`, `https://${REDACTED}:${REDACTED}@h/x`],
    // A user name that is no token keeps being shown.
    ['https://deploy-bot:ghp_abcdefghijklmnopqrstuv0123@h/x', 'https://deploy-bot:***@h/x'],
    [
      'https://__token__:pypi-AgEIcHlwaS5vcmc@upload.pypi.org/legacy/',
      'https://__token__:***@upload.pypi.org/legacy/',
    ],
    ['https://@host/x', 'https://@host/x'],
    ['https://:@host/x', 'https://:@host/x'],
    ['mail me@example.com', 'mail me@example.com'],
    ['https://pypi.org/simple', 'https://pypi.org/simple'],
    ['ssh://git@github.com/o/r', 'ssh://***@github.com/o/r'],
    // The userinfo ends at the last "@" before the host: a password with "@" is masked whole.
    ['https://ci:Tr0ub4dor@SECRETtail99@pypi.corp/simple', 'https://ci:***@pypi.corp/simple'],
    ['https://tok@en@host/x', 'https://***@host/x'],
    // Any other character may be in a password or token, unencoded (pip takes it so).
    ['https://user:pa^ss@host/simple', 'https://user:***@host/simple'],
    ['https://u:p@ss^x@host', 'https://u:***@host'],
    ['https://tok|en@host/', 'https://***@host/'],
    ["https://u:p{a}s`s<>'@h/x", 'https://u:***@h/x'],
    ['https://user@host:8080/x', 'https://***@host:8080/x'],
    ['https://u:p@[::1]:5000/simple', 'https://u:***@[::1]:5000/simple'],
    ['https://host:8080/path?u=me@example.com', 'https://host:8080/path?u=me@example.com'],
    // A URL inside JSON or a list ends at its quote or comma-space: what follows is not userinfo.
    ['{"a":"https://u:p@h","b":"c@d"}', '{"a":"https://u:***@h","b":"c@d"}'],
    ['["https://u:p@h/x","x@y"]', '["https://u:***@h/x","x@y"]'],
    ['<https://u:p@h> and a@b', '<https://u:***@h> and a@b'],
    // In serialized JSON a quote or backslash in a password is escaped: the escape is part of it.
    [JSON.stringify({ url: 'https://u:pa"ss@h/x' }), '{"url":"https://u:***@h/x"}'],
    [JSON.stringify({ url: 'https://to"k\\en@h/x' }), '{"url":"https://***@h/x"}'],
    [JSON.stringify(['https://u:"@h', 'x@y']), '["https://u:***@h","x@y"]'],
    // A password or token that ends in a backslash (plain text).
    ['https://user:pass\\@host/x', 'https://user:***@host/x'],
    ['https://tok\\@host/x', 'https://***@host/x'],
    // JSON inside a JSON string (a test's compact JSON output, recorded): keys and values end there.
    [
      JSON.stringify({
        stdout: JSON.stringify({ homepage: 'https://pytorch.org', author: 'dev@pytorch.org' }),
      }),
      JSON.stringify({
        stdout: JSON.stringify({ homepage: 'https://pytorch.org', author: 'dev@pytorch.org' }),
      }),
    ],
    // An escaped backslash before the string's end: the quote still ends the URL.
    ['{"a":"https://u:p\\\\","b":"c@d"}', '{"a":"https://u:p\\\\","b":"c@d"}'],
  ])('%s', (input, expected) => {
    expect(redactUrls(input)).toBe(expected);
  });

  // redactUrls tries the rule only before each '://': it must agree with the plain global
  // replace everywhere, which this checks on text made to hold many near-URLs.
  const reference = (text: string) =>
    text.replace(
      new RegExp(REDACTION_RULES.urlUserinfo, 'g'),
      (m: string, scheme: string, user: string, pw?: string) => {
        if (!pw) return [REDACTED, MASK, ''].includes(user) ? m : `${scheme}${MASK}@`;
        const shownPw = [REDACTED, MASK].includes(pw) ? pw : MASK;
        return `${scheme}${isTokenUser(user, pw) ? MASK : user}:${shownPw}@`;
      },
    );

  it.each([
    ['a scheme longer than the rule reads', `x${'a'.repeat(40)}://u:p@h/ and b://t@h`],
    ['a scheme run that starts with digits', '9+.-9ab://u:p@h 12://t@h'],
    ['a scheme right after a match', 'http://u:p@hftp://v:q@h2'],
    ['"://" with nothing before it', '://u:p@h ://x@y a://b@c'],
    ['back-to-back "://"', 'a://://u:p@h a:///u:p@h b://://c@d e://f@g'],
    ['a masked one and a live one', `https://u:${MASK}@h https://u:${REDACTED}@h https://live@h`],
    ['a token user before a password', `https://ghp_${'a1B2'.repeat(6)}:p@h https://u:x-oauth-basic@h`],
  ])('agrees with the plain replace: %s', (_what, text) => {
    expect(redactUrls(text)).toBe(reference(text));
    expect(redactUrls(text)).not.toBe(text);
  });

  it('agrees with the plain replace on 20,000 generated texts', () => {
    // A fixed generator (Park-Miller): the same texts on every run.
    let seed = 12345;
    const next = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    const pieces = [
      '://',
      '://',
      '@',
      '@',
      ':',
      '/',
      'a',
      'Z9',
      '+',
      '.',
      '-',
      ' ',
      '"',
      '?',
      '#',
      'http',
      'u:p',
      '\n',
      '\\',
      '\\"',
      '\\@',
      '\\",',
    ];
    let changed = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = Array.from({ length: 1 + next(24) }, () => pieces[next(pieces.length)]).join('');
      const out = redactUrls(text);
      expect(out, JSON.stringify(text)).toBe(reference(text));
      if (out !== text) changed++;
    }
    // The texts exercise the masking, not only the quick way out.
    expect(changed).toBeGreaterThan(300);
  });

  it('redacts every URL of a multi-line text and never the host', () => {
    const text = 'a http://u:one@h1/x\nb https://two@h2/y and http://u:three@h3';
    const out = redactUrls(text);
    for (const t of ['one', 'two', 'three']) expect(out).not.toContain(t);
    for (const h of ['h1/x', 'h2/y', 'h3']) expect(out).toContain(h);
  });

  it('records use the record marker, for user:password and for a lone token user', () => {
    expect(redactDeep({ u: 'https://u:pw@h/s', t: 'https://glpat-zzzzzzzzzzzzzzzzzzzz@h/s' })).toEqual({
      u: `https://u:${REDACTED}@h/s`,
      t: `https://${REDACTED}@h/s`,
    });
    expect(redactDeep('https://plainuser@h/s')).toBe(`https://${REDACTED}@h/s`);
  });

  it.each([
    ['https://user:pass@idx/simple', 'pass'],
    ['https://tok%40en@idx/simple', 'tok@en'],
    ['https://idx/simple', ''],
    ['not a url', ''],
  ])('urlSecret(%j) = %j', (url, expected) => {
    expect(urlSecret(url)).toBe(expected);
  });

  it.each([
    // a bare '%' does not decode: the part is masked as written, and the other part still is
    ['https://bot:p%ss@pypi.corp/simple', 'decoded', 'p%ss'],
    ['https://bot:p%ss@pypi.corp/simple', 'raw', 'p%ss'],
    ['https://tok%zzen@idx/simple', 'decoded', 'tok%zzen'],
    ['https://u:s%40cret@idx/simple', 'raw', 's%40cret'],
    ['https://tok%40en@idx/simple', 'raw', 'tok%40en'],
  ] as const)('urlSecret(%j, %j) = %j', (url, form, expected) => {
    expect(urlSecret(url, form)).toBe(expected);
  });

  it.each<[string, string[]]>([
    // A plain user name before a password is no secret: masked in the log, a runner dropped every
    // job output naming it (`build` in the config's "build": key).
    ['https://user1:s%40cret@h/simple', ['s@cret', 's%40cret']],
    ['https://build:azurePAT123@pkgs.dev.azure.com/o/_packaging/f/pypi/simple', ['azurePAT123']],
    // The user name where it is the secret: no password, or a token's shape, or a public password.
    ['https://tok-123456@pkgs.corp/simple', ['tok-123456']],
    ['https://tok-123456:@pkgs.corp/simple', ['tok-123456']],
    [
      `https://ghp_${'a'.repeat(36)}:x-oauth-basic@github.com/o/r`,
      [`ghp_${'a'.repeat(36)}`, 'x-oauth-basic'],
    ],
    ['https://h/simple', []],
    ['not a url', []],
    // a bare '%' in the password: masked as written (decoding it threw and nothing was masked)
    ['https://robot:p%ss@pypi.corp/simple', ['p%ss']],
    ['https://bo%zt:p%40ss@pypi.corp/simple', ['p@ss', 'p%40ss']],
    ['https://%E0%A4%A@pypi.corp/simple', ['%E0%A4%A']],
    // a character the URL parser encodes: both forms
    ['https://u:pä55@h/simple', ['pä55', 'p%C3%A455']],
    // MIN_MASKED_CHARS applies to each form: a 3-letter user name, 'AB' decoded, are not masked
    ['https://bot:p%ss@pypi.corp/simple', ['p%ss']],
    ['https://ab:%41%42@h/', ['%41%42']],
    // The finding: a token outside the userinfo was not masked in the log (pip prints the URL).
    ['https://pkgs.example.com/simple?token=abcd1234', ['abcd1234']],
    ['https://h/simple/?page=2&X-Amz-Signature=ab%2Fcd%3D&version=1', ['ab/cd=', 'ab%2Fcd%3D']],
    ['https://h/s#access_token=atok5678&token_type=bearer', ['atok5678']],
    ['https://conda.anaconda.org/t/tk-abcdef123/chan', ['tk-abcdef123']],
    ['https://ci:pw0rd@anaconda.corp:8443/t/tok9/x?a=1&SIG=s1g9', ['pw0rd', 'tok9', 's1g9']],
    // Cloudsmith's entitlement token, the first path segment (finding: not masked in the log).
    ['https://dl.cloudsmith.io/Xk2PqL9vWm4ZtR7a/acme/ml/python/simple/', ['Xk2PqL9vWm4ZtR7a']],
    ['https://ci:pw0rd@dl.cloudsmith.io/basic/acme/ml/python/simple/', ['pw0rd']],
    ['https://dl.cloudsmith.io/public/acme/ml/python/simple/', []],
    // A URL the parser refuses: no login, its tokens all the same.
    ['https://[bad/simple?token=abcd1234', ['abcd1234']],
    // A URL nested in the query, percent-encoded.
    ['https://a.example/login?next=https%3A%2F%2Fb.example%2Fsimple%3Ftoken%3Dabcd1234', ['abcd1234']],
    // Nothing to mask: a whole ${NAME} (either form), masked already, empty, short, no secret's name.
    ['https://u:${PIP_PASSWORD}@h/simple', []],
    ['https://c.org/t/${CONDA_TOKEN}/x?sv=1&sig=${AZ_SAS}&token=%24%7BTOK%7D', []],
    [`https://h/?token=${REDACTED}&sig=${MASK}&key=&pwd=abc`, []],
    ['https://h/docs/t/intro?page=2&keyword=k&monkey=1&key_id=7', []],
    // Only the URL: text after a blank is no part of it.
    ['https://h/s ?token=abcd1234', []],
  ])('urlSecrets(%j) = %j (to mask in logs)', (url, expected) => {
    expect(urlSecrets(url, MIN_MASKED_CHARS)).toEqual(expected);
  });

  it('urlSecrets: the shortest form kept is minChars long', () => {
    expect(urlSecrets('https://bot:abc@h/?token=wxyz', 3)).toEqual(['abc', 'wxyz']);
    expect(urlSecrets('https://bot:abc@h/?token=wxyz', 5)).toEqual([]);
  });
});

describe('URL query parameters and path segments that hold a token', () => {
  it.each([
    // The finding: a token outside the userinfo was printed.
    ['https://host/simple?token=s3cr3tvalue', 'https://host/simple?token=***'],
    ['https://conda.anaconda.org/t/tk-abcdef123/chan', 'https://conda.anaconda.org/t/***/chan'],
    ['https://repo.anaconda.cloud/t/tk-abc/main/linux-64', 'https://repo.anaconda.cloud/t/***/main/linux-64'],
    ['https://u:p@anaconda.corp:8443/t/tok/x', 'https://u:***@anaconda.corp:8443/t/***/x'],
    ['https://h/t/tok', 'https://h/t/***'],
    // Each secret name, in any case; the value runs to '&', '#', whitespace, a quote or '\'.
    ...[
      'token',
      'access_token',
      'auth',
      'auth_token',
      'api_key',
      'apikey',
      'key',
      'secret',
      'password',
      'passwd',
      'pwd',
      'sig',
      'signature',
      'private_token',
      'client_secret',
      'refresh_token',
      'X-Amz-Signature',
      'X-Amz-Credential',
      'X-Amz-Security-Token',
      'X-Goog-Signature',
      'X-Goog-Credential',
      'TOKEN',
      'Api_Key',
    ].map((n) => [`https://h/p?a=1&${n}=v4lue%2F/x&b=2`, `https://h/p?a=1&${n}=***&b=2`]),
    ['https://h/#access_token=xyz&token_type=bearer', 'https://h/#access_token=***&token_type=bearer'],
    // Names that end with a secret's word (finding: ?api_token= reached an image's direct_url.json
    // and the build log): api_token, access-token, x-api-key, subscription-key, license_key.
    ...[
      'api_token',
      'access-token',
      'X-Api-Key',
      'Subscription-Key',
      'license_key',
      'id_token',
      'apikey',
    ].map((n) => [`https://h/p.whl?a=1&${n}=v4lue&b=2`, `https://h/p.whl?a=1&${n}=***&b=2`]),
    ['https://a/?n=%3Fapi-token%3Dabcd1234', 'https://a/?n=%3Fapi-token%3D***'],
    // After a plain =, an encoded & or # is part of the value: a plain word then is no whole value.
    ['https://h/s?token=true%26abc&x=1', 'https://h/s?token=***&x=1'],
    ['https://h/?password=1%23Secret', 'https://h/?password=***'],
    ['https://h/?token=abc#frag', 'https://h/?token=***#frag'],
    [
      'https://h/?sig=${A}x&token=x${B} https://h/t/${T}x/c',
      'https://h/?sig=***&token=*** https://h/t/***/c',
    ],
    ['pip install -i https://h/s?token=abc pkg', 'pip install -i https://h/s?token=*** pkg'],
    ['{"url":"https://h/?token=abc","n":"x"}', '{"url":"https://h/?token=***","n":"x"}'],
    [JSON.stringify(JSON.stringify({ u: 'https://h/?key=abc' })), '"{\\"u\\":\\"https://h/?key=***\\"}"'],
    ["curl 'https://h/?sig=abc' -o x", "curl 'https://h/?sig=***' -o x"],
    ['see `https://h/?token=abc`', 'see `https://h/?token=***`'],
    ['<https://h/?token=abc>', '<https://h/?token=***>'],
    // A URL in another's query, a userinfo and a token parameter in one URL.
    ['https://h/cb?next=https://x/?token=abc', 'https://h/cb?next=https://x/?token=***'],
    ['https://u:pw@h/s?page=2&token=t0k', 'https://u:***@h/s?page=2&token=***'],
    [
      'ftp://h/f?password=x git+https://h/r.git?auth=y',
      'ftp://h/f?password=*** git+https://h/r.git?auth=***',
    ],
    // Azure SAS: only sig is the secret; sv, se, sp, sr are kept.
    [
      'https://a.blob.core.windows.net/c/b?sv=2022-11-02&se=2026-01-01&sr=b&sp=r&sig=AbC%2BdEf%3D',
      'https://a.blob.core.windows.net/c/b?sv=2022-11-02&se=2026-01-01&sr=b&sp=r&sig=***',
    ],
    // A URL nested in another's query, percent-encoded: the separator (%3F, %26, %23) and the '='
    // (%3D, or '=') in any case; the value ends at an encoded '&' or '#' as well.
    [
      'https://a.example/login?next=https%3A%2F%2Fb.example%2Fsimple%3Ftoken%3Dabcd1234',
      'https://a.example/login?next=https%3A%2F%2Fb.example%2Fsimple%3Ftoken%3D***',
    ],
    [
      'https://a/cb?next=https%3A%2F%2Fb%2Fs%3Fa%3D1%26sig%3Dabcd1234%26page%3D2%23frag',
      'https://a/cb?next=https%3A%2F%2Fb%2Fs%3Fa%3D1%26sig%3D***%26page%3D2%23frag',
    ],
    ['https://a/?n=%2fs%3fX-Amz-Signature%3d0f1e%2B2d%23x', 'https://a/?n=%2fs%3fX-Amz-Signature%3d***%23x'],
    ['https://a/cb#n=%2F%23access_token%3Dxyz%26t%3D1', 'https://a/cb#n=%2F%23access_token%3D***%26t%3D1'],
    ['https://a/?n=%3Ftoken=ab%26cd&p=1', 'https://a/?n=%3Ftoken=***&p=1'],
    ['https://a/?n=%3Ftoken%3Dab%2Fcd"x', 'https://a/?n=%3Ftoken%3D***"x'],
    ['https://a/x%3Ftoken%3Dabcd1234', 'https://a/x%3Ftoken%3D***'],
    // After a plain '=', an encoded '&' or '#' is part of the value (a password may hold one).
    ['https://h/?token=ab%26cd%23ef&page=2', 'https://h/?token=***&page=2'],
  ])('%s', (input, expected) => {
    expect(redactUrls(input)).toBe(expected);
    expect(redactUrls(expected)).toBe(expected);
  });

  it.each([
    // Ordinary parameters, names that only hold a secret's name, an empty value.
    'https://h/s?page=2&version=1.0&q=token',
    'https://h/s?monkey=1&keyword=2&key_id=3&tokens=4&X-Amz-Date=20250101T000000Z&X-Amz-Expires=60',
    'https://h/s?max_tokens=512&author=me&hotkey=f1&token_type=bearer&signed=1&keys=2',
    // A plain word is a setting, not a secret: masked, a change of it would be hidden.
    'https://h/s?verify_signature=false&use_auth=1&token=none&sig=NULL&auth=off#key=true',
    'https://a/?n=%3Fverify_signature%3Dfalse%26x%3D1',
    'https://h/s?token=&sig=',
    // A whole ${NAME} reference is no secret (pip expands it): a refused line is quoted as written.
    'https://h/s?sv=1&sig=${AZ_SAS}&token=${T_1}#key=${K} https://conda.anaconda.org/t/${CONDA_TOKEN}/c',
    'https://h/s/token=abc',
    // Percent-encoded: names that only hold a secret's, an empty value, no '://' before it.
    'https://h/s?q=a%3Fkeyword%3Dx%26monkey%3D1%26key_id%3D7%26token%3D%23sig%3D',
    'https://h/s%3Ftokens%3Dabc%26sig%3D',
    'next=%3Ftoken%3Dabc',
    // '/t/' deeper in the path than right after the host (a forum topic, a docs page) is no token.
    'https://h/docs/t/intro',
    'https://discuss.example/c/t/123',
    // Not in a URL: a '?' or '/t/' after whitespace, or with no scheme before '://'.
    'https://h/x ?token=abc /t/abc',
    'token=abc&key=def',
    '://h/t/abc?token=x 12://h/?token=y',
    'pkg:pypi/torch@2.1?token=x',
  ])('kept: %s', (text) => {
    expect(redactUrls(text)).toBe(text);
  });

  it('records and text use the record marker; masking twice is masking once', () => {
    const url = 'https://h/simple?token=s3cr3tvalue and https://conda.anaconda.org/t/tk-abcdef123/chan';
    const shown = `https://h/simple?token=${REDACTED} and https://conda.anaconda.org/t/${REDACTED}/chan`;
    expect(redactText(url)).toBe(shown);
    expect(redactDeep({ env: url })).toEqual({ env: shown });
    expect(redactText(shown)).toBe(shown);
    expect(redactUrls(shown)).toBe(shown);
    expect(redactUrls(redactUrls(url))).toBe(redactUrls(url));
  });

  // redactUrls reads each URL once from its '://': it must agree with the plain global replace over
  // a scheme and the rest of its URL (how the probe applies the rules), on generated texts.
  const reference = (text: string) =>
    text.replace(
      new RegExp(`[A-Za-z][A-Za-z0-9+.-]{0,30}(${REDACTION_RULES.urlTokens.span})`, 'g'),
      (m: string, rest: string) => {
        const keep = (whole: string, head: string, secret: string) =>
          [REDACTED, MASK, ''].includes(secret) ? whole : `${head}${MASK}`;
        const { query, pathToken } = REDACTION_RULES.urlTokens;
        const masked = rest
          .replace(new RegExp(pathToken), keep)
          .replace(new RegExp(query.pattern, query.ignoreCase ? 'gi' : 'g'), keep);
        return m.slice(0, m.length - rest.length) + masked;
      },
    );

  it('agrees with the plain replace on 20,000 generated texts', () => {
    let seed = 4242;
    const next = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    const pieces = [
      '://',
      '://',
      'a',
      '9',
      '+',
      '/',
      '/t/',
      't',
      '?',
      '&',
      '#',
      '=',
      'token',
      'SIG',
      ' ',
      '"',
      "'",
    ];
    pieces.push('\\', '`', '***', REDACTED, 'h', '.', '\n', 'key=v', '?token=v', 'http://h/t/');
    pieces.push('%3F', '%3d', '%26', '%23', '%', '2', '%3Ftoken%3Dv');
    let changed = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = Array.from({ length: 1 + next(24) }, () => pieces[next(pieces.length)]).join('');
      const out = redactUrls(text);
      expect(out, JSON.stringify(text)).toBe(reference(text));
      if (out !== text) changed++;
    }
    expect(changed).toBeGreaterThan(300);
  });
});

describe('pip indexes from the config, else the environment', () => {
  it.each([
    [{}, {}, { extraIndexUrls: [] }],
    [
      { indexUrl: 'http://a/simple' },
      { PIP_INDEX_URL: 'http://env/simple' },
      { indexUrl: 'http://a/simple', extraIndexUrls: [] },
    ],
    [
      {},
      { PIP_INDEX_URL: 'http://env/simple', PIP_EXTRA_INDEX_URL: 'http://x/s  http://y/s' },
      { indexUrl: 'http://env/simple', extraIndexUrls: ['http://x/s', 'http://y/s'] },
    ],
    [
      { extraIndexUrls: ['http://c/s'] },
      { PIP_EXTRA_INDEX_URL: 'http://x/s' },
      { extraIndexUrls: ['http://c/s'] },
    ],
  ])('%j with env %j', (python, env, expected) => {
    expect(pipIndexes(python, env)).toEqual(expected);
  });

  it.each([
    ['https://pypi.org/simple', undefined],
    ['http://u:T0KEN@127.0.0.1:5001/simple', undefined],
    ['file:///srv/wheels/simple', undefined],
    ['notaurl', 'not a URL'],
    ['./wheels', 'a directory, not a URL'],
    ['ftp://mirror/simple', 'pip reads an index over http, https or file only'],
    // What parses as a scheme may be a login: never quoted in the problem.
    ['deploy:s3cr3t@pypi.example/simple', 'pip reads an index over http, https or file only'],
    ['https://a/simple\n[install]\nno-deps = 1', 'a blank or control character is in it'],
    ['https://a/sim ple', 'a blank or control character is in it'],
    ['https://a/simple\t', 'a blank or control character is in it'],
  ])('index URL %j: %s', (url, problem) => {
    const got = indexUrlProblem(url);
    if (problem === undefined) expect(got).toBeUndefined();
    else expect(got).toContain(problem);
  });

  it.each([
    [{ indexUrl: 'ftp://u:hunter2@x/simple' }, {}, 'python.indexUrl: pip reads an index over http'],
    [{ extraIndexUrls: ['https://ok/s', 'nope'] }, {}, 'python.extraIndexUrls: not a URL'],
    [{}, { PIP_INDEX_URL: 'gopher://x' }, 'PIP_INDEX_URL (environment): pip reads'],
    [{}, { PIP_EXTRA_INDEX_URL: 'https://a/s ./local' }, 'PIP_EXTRA_INDEX_URL (environment): a directory'],
  ])('refuses %j with env %j: %s', (python, env, message) => {
    let error: unknown;
    try {
      pipIndexes(python, env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(message);
    // The password is never shown.
    expect((error as Error).message).not.toContain('hunter2');
  });

  it.each([
    ['user:s3cretpw@pypi.example/simple', '***@pypi.example/simple'],
    ['glpat-AbCdEf123456:x@gitlab.example/simple', '***@gitlab.example/simple'],
    ['https://__token__:Zx9Qk2LmN8 pR4sT6vW1y@h.example/simple', 'https://***@h.example/simple'],
    ['https://deploy:s3cr#tPw@h.example/simple', 'https://***@h.example/simple'],
    ['https:/tok3nvalue@h.example/simple', 'https:/***@h.example/simple'],
    ['https://h/simple?access_token=Zx9Qk2 x', 'https://h/simple?...'],
    ['ftp://mirror/simple', 'ftp://mirror/simple'],
  ])('shownUrl(%j) = %j', (url, shown) => {
    expect(shownUrl(url)).toBe(shown);
  });

  it.each([
    ['--index-url', 'user:s3cretpw@pypi.example/simple', 's3cretpw'],
    ['PIP_INDEX_URL', 'https://__token__:Zx9Qk2LmN8 pR4sT6vW1y@h.example/simple', 'Zx9Qk2LmN8'],
    ['PIP_EXTRA_INDEX_URL', 'https://ok/s __token__:Zx9Qk2LmN8pR4sT6vW1y@h.example/simple', 'Zx9Qk2LmN8'],
  ])('a refused %s never shows its login (%j)', (source, url, secret) => {
    const run = () =>
      source === '--index-url'
        ? pipIndexes({ indexUrl: url }, {}, { indexUrl: '--index-url', extraIndexUrls: '--extra-index-url' })
        : pipIndexes({}, { [source]: url });
    expect(run).toThrow(InputError);
    expect(run).toThrow(source);
    expect(run).not.toThrow(secret);
  });

  it('givenPipIndexes only reads (the action masks with it): a bad one does not throw', () => {
    expect(givenPipIndexes({}, { PIP_INDEX_URL: '/opt/wheelhouse', PIP_EXTRA_INDEX_URL: 'x y' })).toEqual({
      indexUrl: '/opt/wheelhouse',
      extraIndexUrls: ['x', 'y'],
    });
    expect(() => pipIndexes({}, { PIP_INDEX_URL: '/opt/wheelhouse' })).toThrow(/a directory, not a URL/);
  });

  it('a refused URL is shown without its query, where a token may ride', () => {
    expect(() =>
      pipIndexes(
        { indexUrl: 'ftp://x/simple?token=s3cr3tvalue' },
        {},
        { indexUrl: '--index-url', extraIndexUrls: '' },
      ),
    ).toThrow(/^--index-url: .*"ftp:\/\/x\/simple\?\.\.\."\)$/);
  });

  it('renders pip.conf, the exec environment and a redacted description', () => {
    const ix = { indexUrl: 'http://u:T0KEN@h/simple', extraIndexUrls: ['http://e1/s', 'http://v:T2@e2/s'] };
    expect(pipConf(ix)).toBe(
      '[global]\nindex-url = http://u:T0KEN@h/simple\nextra-index-url =\n    http://e1/s\n    http://v:T2@e2/s\n',
    );
    expect(pipIndexEnv(ix)).toEqual({
      PIP_INDEX_URL: 'http://u:T0KEN@h/simple',
      PIP_EXTRA_INDEX_URL: 'http://e1/s http://v:T2@e2/s',
    });
    expect(describeIndexes(ix)).toBe('http://u:***@h/simple, http://e1/s, http://v:***@e2/s');
    expect(describeIndexes({ extraIndexUrls: [] })).toBe('https://pypi.org/simple');
  });
});

describe('maskBareLogins: a login without a scheme in an error message', () => {
  it.each([
    ['--image "u:S3CRET@r.example/x" is not valid', '--image "***@r.example/x" is not valid'],
    ['got u:S3CRET@r.invalid', 'got ***@r.invalid'],
    ['(u:p@ss:w0rd@h.example)', '(***@h.example)'],
    // Image references keep their tag: a digest follows the "@".
    ['python:3.11@sha256:' + 'a'.repeat(64), 'python:3.11@sha256:' + 'a'.repeat(64)],
    ['ghcr.io/acme/m:1.0@sha512:' + 'b'.repeat(128), 'ghcr.io/acme/m:1.0@sha512:' + 'b'.repeat(128)],
    // No login: a mention, a purl, an email, git's ssh form.
    ['ping @octocat', 'ping @octocat'],
    ['pkg:pypi/numpy@2.1.0', 'pkg:pypi/numpy@2.1.0'],
    ['write to ops@example.com', 'write to ops@example.com'],
    ['git@github.com:acme/m.git', 'git@github.com:acme/m.git'],
  ])('%j -> %j', (text, masked) => {
    expect(maskBareLogins(text)).toBe(masked);
  });
});

describe('redactMessage: what an error quotes, masked as it is shown', () => {
  const d = `sha256:${'c'.repeat(64)}`;
  it.each([
    [
      `"localhost:5000/x@${d}?token=S3CRETv4lue" is not valid`,
      `"localhost:5000/x@${d}?token=***" is not valid`,
    ],
    ['"r.example/x:1?sig=S3CRET&a=1"', '"r.example/x:1?sig=***&a=1"'],
    [`"u:S3CRET@r.example/x@${d}"`, `"***@r.example/x@${d}"`],
    [
      'https://u:S3CRET@r.example/x?access_token=S3CRET',
      `https://u:${REDACTED}@r.example/x?access_token=${REDACTED}`,
    ],
    // Nothing secret: as written.
    [`ghcr.io/acme/m:1.0@${d}`, `ghcr.io/acme/m:1.0@${d}`],
    ['python:3.11?tag=x', 'python:3.11?tag=x'],
    ['drop the ?token= from the URL', 'drop the ?token= from the URL'],
    ['--min-tflops bf16=600 needs a GPU', '--min-tflops bf16=600 needs a GPU'],
  ])('%j -> %j', (text, shown) => {
    expect(redactMessage(text)).toBe(shown);
  });
});
