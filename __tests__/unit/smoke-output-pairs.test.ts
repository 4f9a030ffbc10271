// Secrets in a program's output printed in forms other than NAME=value, a quoted pair or a
// variable's YAML line (src/util/redact-output-pairs.ts, through redactOutput): a secret's value
// masked, a program's own lines kept.
import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../src/util/redact.js';
import { redactOutput } from '../../src/util/redact-instruction.js';
import { secretKey, secretQuotedKey } from '../../src/util/redact-output-pairs.js';
import { shownLive } from '../helpers/live-view.js';

const R = REDACTED;

describe('secretKey: which unquoted keys name a secret in output', () => {
  it.each<[string, boolean, boolean]>([
    // [name, unquoted (secretKey), quoted (secretQuotedKey)]
    ['DB_PASSWORD', true, true],
    ['WANDB_API_KEY', true, true],
    ['PASSWORD', true, true],
    ['SECRET', true, true],
    ['KEY', false, true], // a `KEY:` line is a program's own text; a quoted 'KEY' is a variable's name
    ['SESSION', false, true],
    ['PASS', false, true], // a test runner's `PASS file`
    ['AUTHORS', false, false], // an author's word, not AUTH's (the shared rule's exceptions)
    ['TOKENIZERS_PARALLELISM', false, false],
    ['NODE_TLS_REJECT_UNAUTHORIZED', false, false],
    ['PIP_KEYRING_PROVIDER', false, false],
    ['HF_TOKENIZER_TOKEN', true, true],
    ['DB_PW', true, true],
    ['HOME', false, false],
    ['PATH_LIST', false, false],
    ['password', true, true],
    ['db_password', true, true],
    ['api_token', true, true],
    ['api_key', true, true],
    ['apiKey', true, true],
    ['accessToken', true, true],
    ['client_secret', true, true],
    ['private_key', true, true],
    ['aws-secret-access-key', true, true],
    ['Password', true, true],
    ['token', false, false],
    ['key', false, false],
    ['auth', false, false],
    ['session', false, false],
    ['pad_token', false, false],
    ['bos_token', false, false],
    ['max_new_tokens', false, false],
    ['tokenizer', false, false],
    ['password_file', false, false],
    ['keywords', false, false],
    ['secret_name', false, false],
    // HTTP's credential headers, as a client's debug output prints them
    ['X-Amz-Security-Token', true, true],
    ['Ocp-Apim-Subscription-Key', true, true],
    ['X-Vault-Token', true, true],
    ['Cookie', true, true],
    ['Set-Cookie', true, true],
    ['use_cookies', false, false],
    ['secure_cookie', false, false],
    ['cookie_name', false, false],
    ['X-Amz-Date', false, false],
    ['Content-Type', false, false],
  ])('%s: %s unquoted, %s quoted', (name, unquoted, quoted) => {
    expect(secretKey(name)).toBe(unquoted);
    expect(secretQuotedKey(name)).toBe(quoted);
  });
});

describe('redactOutput: other forms of a pair', () => {
  it.each<[string, string, string]>([
    // (b) Python's print(k, v): NAME, one blank (or several, aligned), the value to the line's end.
    [
      'print(k, v) over os.environ.items()',
      'HOME /root\nPASSWORD hunter2\nDB_PASSWORD two words\r\nHF_TOKEN\tPLANTEDx\nLANG C.UTF-8',
      `HOME /root\nPASSWORD ${R}\nDB_PASSWORD ${R}\r\nHF_TOKEN\t${R}\nLANG C.UTF-8`,
    ],
    [
      'aligned in columns: NAME, two blanks or more (tabs too), the value',
      'HOME      /root\nDB_PASSWORD  hunter2\nHF_TOKEN \t PLANTED\nLANG\t\tC.UTF-8',
      `HOME      /root\nDB_PASSWORD  ${R}\nHF_TOKEN \t ${R}\nLANG\t\tC.UTF-8`,
    ],
    [
      'indented columns: blanks before NAME, two blanks or more (tabs too) after it',
      '  DB_PASSWORD   hunter2\n\tAPI_TOKEN\tPLANTED\n    HF_TOKEN \t PLANTED\n    HOME    /root',
      `  DB_PASSWORD   ${R}\n\tAPI_TOKEN\t${R}\n    HF_TOKEN \t ${R}\n    HOME    /root`,
    ],
    [
      "print(k, v) near misses: a test runner's words, a lone name, an indented or lower-case line",
      'PASS tests/x.test.ts\nKEY ERROR in row 3\nSESSION 3 started\nDB_PASSWORD\n  DB_PASSWORD hunter2\npassword reset sent\nPASSED',
      'PASS tests/x.test.ts\nKEY ERROR in row 3\nSESSION 3 started\nDB_PASSWORD\n  DB_PASSWORD hunter2\npassword reset sent\nPASSED',
    ],
    // (c) a lower-case YAML key, on one line.
    [
      'lower-case YAML keys that name a secret',
      'password: x\napi_token: y\n- client_secret: "z"\naccessToken: w',
      `password: ${R}\napi_token: ${R}\n- client_secret: ${R}\naccessToken: ${R}`,
    ],
    [
      'lower-case YAML near misses: settings and a tokenizer',
      'pad_token: <pad>\ntoken: hello\nkey: id\nauth: none\nerror: password too short',
      'pad_token: <pad>\ntoken: hello\nkey: id\nauth: none\nerror: password too short',
    ],
    [
      'a quoted lower-case key (JSON, a Python dict)',
      `{"password": "PLANTED", "user": "bob"} {'api_key': 'PLANTED', 'lr': '0.1', 'pad_token': '<pad>'}`,
      `{"password": "${R}", "user": "bob"} {'api_key': '${R}', 'lr': '0.1', 'pad_token': '<pad>'}`,
    ],
    [
      "a lower-case key's tuple (a dict's items()), by the quoted key's rule; a setting's, a tuple of names kept",
      "[('password', 'PLANTED'), (b'api_key', b'PLANTED'), ('lr', '0.1'), ('pad_token', '<pad>')] ('password', 'user', 'email')",
      `[('password', '${R}'), (b'api_key', b'${R}'), ('lr', '0.1'), ('pad_token', '<pad>')] ('password', 'user', 'email')`,
    ],
    // (d) a flow mapping on one line.
    [
      "YAML's flow mapping, a JavaScript object, a Java map",
      "{password: x, user: y}\n{ api_key: 'PLANTED, z', region: eu }\n{DB_PASSWORD=PLANTED pw, HOME=/root}",
      `{password: ${R}, user: y}\n{ api_key: '${R}', region: eu }\n{DB_PASSWORD=${R}, HOME=/root}`,
    ],
    [
      'flow near misses: innocent keys, an empty value, no mapping',
      '{pad_token: <pad>, token: x, user: y}\n{password: , user: y}\nuser, password: see the docs',
      '{pad_token: <pad>, token: x, user: y}\n{password: , user: y}\nuser, password: see the docs',
    ],
    // (e) Go's fmt of a map.
    [
      "Go's map",
      'map[API_TOKEN:abc HOME:/root password:PLANTED]\nenv: map[DB_PASSWORD:PLANTED LANG:C]',
      `map[API_TOKEN:${R} HOME:/root password:${R}]\nenv: map[DB_PASSWORD:${R} LANG:C]`,
    ],
    [
      "Go's map, a value with blanks: to the next KEY: or the map's close",
      'map[API_TOKEN:hunter two]\nmap[HOME:/root DB_PASSWORD:PLANTED two  three LANG:C password:x y ]\nmap[API_TOKEN:PLANTED and more',
      `map[API_TOKEN:${R}]\nmap[HOME:/root DB_PASSWORD:${R} LANG:C password:${R} ]\nmap[API_TOKEN:${R}`,
    ],
    [
      "Go's map, text after its close that holds a `]`: kept, the value ends at the map's own `]`",
      'map[API_TOKEN:PLANTED two] done [ok]\nmap[API_TOKEN:x y] test_foo FAILED [100%]',
      `map[API_TOKEN:${R}] done [ok]\nmap[API_TOKEN:${R}] test_foo FAILED [100%]`,
    ],
    [
      "Go's maps side by side or in a slice: each value to its own map's `]`",
      'map[API_TOKEN:a b] map[DB_PASSWORD:c d]\n[map[API_TOKEN:tok one] map[HOME:/root]]\nmap[API_TOKEN:a [b] c] x]',
      `map[API_TOKEN:${R}] map[DB_PASSWORD:${R}]\n[map[API_TOKEN:${R}] map[HOME:/root]]\nmap[API_TOKEN:${R}] x]`,
    ],
    [
      "Go's nested map: the inner map's secret key read (after a key that is no secret's)",
      'map[CONFIG:map[DB_PASSWORD:hunter2] HOME:/x]\nmap[CONFIG:map[DB_PASSWORD:hunter two]]\nmap[A:map[B:map[API_TOKEN:x y] C:z]]',
      `map[CONFIG:map[DB_PASSWORD:${R}] HOME:/x]\nmap[CONFIG:map[DB_PASSWORD:${R}]]\nmap[A:map[B:map[API_TOKEN:${R}] C:z]]`,
    ],
    [
      "Go's map, a value holding `word:`: the next key only an upper-case name sorting after the key",
      'map[DB_PASSWORD:correct horse:battery staple]\nmap[DB_PASSWORD:a B_X:c LANG:C]\nmap[API_TOKEN:a map[HOME:x] b ZONE:eu]',
      `map[DB_PASSWORD:${R}]\nmap[DB_PASSWORD:${R} LANG:C]\nmap[API_TOKEN:${R} ZONE:eu]`,
    ],
    [
      'Go near misses: innocent keys, an empty value, a pair outside a map',
      'map[HOME:/root KEY:x pad_token:<pad>]\nmap[API_TOKEN:]\nAPI_TOKEN:abc',
      'map[HOME:/root KEY:x pad_token:<pad>]\nmap[API_TOKEN:]\nAPI_TOKEN:abc',
    ],
    // HTTP headers that carry a credential (the Authorization header has its own rule).
    [
      "curl -v: a request's and a response's headers, after their `> ` and `< `",
      '> GET /v1/models HTTP/1.1\n> Host: localhost:8000\n> Cookie: session=PLANTEDc00k1e; theme=dark\n> X-Api-Key: PLANTEDk3y\n>\n< HTTP/1.1 200 OK\n< content-type: application/json\n< Set-Cookie: sid=PLANTEDs1d; Path=/; HttpOnly\n< set-cookie: b=PLANTEDb',
      `> GET /v1/models HTTP/1.1\n> Host: localhost:8000\n> Cookie: ${R}\n> X-Api-Key: ${R}\n>\n< HTTP/1.1 200 OK\n< content-type: application/json\n< Set-Cookie: ${R}\n< set-cookie: ${R}`,
    ],
    [
      "botocore's debug log: the request's headers as a dict, its canonical request's `name:value` lines",
      "DEBUG Making request: {'headers': {'X-Amz-Date': '20261205T000000Z', 'X-Amz-Security-Token': 'IQoJPLANTEDsession'}}\nhost:bucket.s3.amazonaws.com\nx-amz-date:20261205T000000Z\nx-amz-security-token:IQoJPLANTEDsession\n\nhost;x-amz-date;x-amz-security-token",
      `DEBUG Making request: {'headers': {'X-Amz-Date': '20261205T000000Z', 'X-Amz-Security-Token': '${R}'}}\nhost:bucket.s3.amazonaws.com\nx-amz-date:20261205T000000Z\nx-amz-security-token:${R}\n\nhost;x-amz-date;x-amz-security-token`,
    ],
    [
      "an HTTP message printed as one escaped string: http.client's `send: b'...'`, a JSON string",
      'send: b\'GET / HTTP/1.1\\r\\nHost: localhost\\r\\nCookie: s=PLANTEDs\\r\\nOcp-Apim-Subscription-Key: PLANTEDk\\r\\nAccept: */*\\r\\n\\r\\n\'\n{"raw": "POST / HTTP/1.1\\nX-Vault-Token: hvs.PLANTED\\nContent-Type: text/plain"}',
      `send: b'GET / HTTP/1.1\\r\\nHost: localhost\\r\\nCookie: ${R}\\r\\nOcp-Apim-Subscription-Key: ${R}\\r\\nAccept: */*\\r\\n\\r\\n'\n{"raw": "POST / HTTP/1.1\\nX-Vault-Token: ${R}\\nContent-Type: text/plain"}`,
    ],
    [
      "Python http.client's response headers, a shell trace's curl -H and wget --header",
      'header: Set-Cookie: sid=PLANTED1; Path=/\nheader: X-Vault-Token: s.PLANTED2\n+ curl -s -H \'X-Vault-Token: hvs.PLANTED3\' https://vault:8200/v1/x\nwget --header="Cookie: sid=PLANTED4" https://x/',
      `header: Set-Cookie: ${R}\nheader: X-Vault-Token: ${R}\n+ curl -s -H 'X-Vault-Token: ${R}' https://vault:8200/v1/x\nwget --header="Cookie: ${R}" https://x/`,
    ],
    [
      "curl's HTTP/2 and --trace-ascii lines, a logger's prefix, Go's fmt of an http.Header",
      '* [HTTP/2] [1] [cookie: sid=PLANTED1]\n0020: Cookie: sid=PLANTED2\nDEBUG:hvac.adapters:X-Vault-Token: s.PLANTED3\n2026-12-05 12:00:00,000 DEBUG COOKIE : sid=PLANTED4\nmap[Accept:[*/*] Set-Cookie:[sid=PLANTED5; Path=/] X-Vault-Token:[hvs.PLANTED6]]',
      `* [HTTP/2] [1] [cookie: ${R}]\n0020: Cookie: ${R}\nDEBUG:hvac.adapters:X-Vault-Token: ${R}\n2026-12-05 12:00:00,000 DEBUG COOKIE : ${R}\nmap[Accept:[*/*] Set-Cookie:[${R}] X-Vault-Token:[${R}]]`,
    ],
    [
      "an escaped message: quotes inside the value (escaped, or a cookie's own), the first header right after the quote",
      'send: b\'GET / HTTP/1.1\\r\\nCookie: messages="abc"; sessionid=PLANTED1\\r\\nCookie: a=it\\\'s; b=PLANTED2\\r\\n\\r\\n\'\n{"req": "Cookie: a=\\"x\\"; sessionid=PLANTED3\\r\\nHost: x"}',
      `send: b'GET / HTTP/1.1\\r\\nCookie: ${R}\\r\\nCookie: ${R}\\r\\n\\r\\n'\n{"req": "Cookie: ${R}\\r\\nHost: x"}`,
    ],
    [
      "an escaped message's headers whatever their names' shape (a secret's name as secretKey judges it)",
      'send: b\'GET / HTTP/1.1\\r\\nApikey: PLANTED1\\r\\nAccessToken: PLANTED2\\r\\nX_Api_Key: PLANTED3\\r\\n\\r\\n\'\n"msg": "config loaded\\npassword: PLANTED4\\nuser: bob"',
      `send: b'GET / HTTP/1.1\\r\\nApikey: ${R}\\r\\nAccessToken: ${R}\\r\\nX_Api_Key: ${R}\\r\\n\\r\\n'\n"msg": "config loaded\\npassword: ${R}\\nuser: bob"`,
    ],
    [
      "a quoted name: Node's inspect (kOutHeaders, rawHeaders), a HAR's pair, Go's %#v, a Ruby hash, a tuple, JSON in a JSON string",
      '  headers: { \'set-cookie\': [ \'sid=PLANTED1\' ], server: \'nginx\' },\n  [Symbol(kOutHeaders)]: { \'x-api-key\': [ \'X-Api-Key\', \'PLANTED2\' ] }\n    rawHeaders: [ \'Content-Type\', \'application/json\', \'Set-Cookie\', \'sid=PLANTED3; Path=/\' ],\n{"name": "Cookie", "value": "sid=PLANTED4"}\nhttp.Header{"Cookie":[]string{"sid=PLANTED5"}}\n{"Cookie"=>"sid=PLANTED6"}\n(\'Set-Cookie\', \'sid=PLANTED7\')\n"message": "{\\"X-Vault-Token\\": \\"hvs.PLANTED8\\", \\"Accept\\": \\"*/*\\"}"',
      `  headers: { 'set-cookie': [ '${R}' ], server: 'nginx' },\n  [Symbol(kOutHeaders)]: { 'x-api-key': [ '${R}', '${R}' ] }\n    rawHeaders: [ 'Content-Type', 'application/json', 'Set-Cookie', '${R}' ],\n{"name": "Cookie", "value": "${R}"}\nhttp.Header{"Cookie":[]string{"${R}"}}\n{"Cookie"=>"${R}"}\n('Set-Cookie', '${R}')\n"message": "{\\"X-Vault-Token\\": \\"${R}\\", \\"Accept\\": \\"*/*\\"}"`,
    ],
    [
      "a cookie as requests' jar and curl's cookie engine print it; headers that end with `-Token`",
      '<RequestsCookieJar[<Cookie session=PLANTED1 for example.com/>]>\n* Added cookie session="PLANTED2" for domain example.com, path /, expire 0\n> X-Consul-Token: PLANTED3\n> X-Functions-Key: PLANTED4\nDEBUG req.headers.cookie: sid=PLANTED5',
      `<RequestsCookieJar[<Cookie session=${R} for example.com/>]>\n* Added cookie session="${R}" for domain example.com, path /, expire 0\n> X-Consul-Token: ${R}\n> X-Functions-Key: ${R}\nDEBUG req.headers.cookie: ${R}`,
    ],
    [
      "undici's Headers map and HeadersList, Spring's HttpHeaders, Go's %#v with two values, wget's and Python's cookie jars",
      "[Symbol(headers map)]: Map(2) { 'set-cookie' => { name: 'Set-Cookie', value: 'sid=PLANTED1; Path=/' }, 'x-api-key' => { name: 'X-Api-Key', value: 'PLANTED2' } },\nheaders: HeadersList { cookies: [ 'sid=PLANTED3' ] }\n[Accept:\"application/json\", Set-Cookie:\"sid=PLANTED4; Path=/\", X-Auth-Token:\"PLANTED5\"]\nhttp.Header{\"Set-Cookie\":[]string{\"a=PLANTED6; Path=/\", \"b=PLANTED7; Path=/\"}}\nStored cookie example.com -1 (ANY) / <session> <insecure> [expiry none] sid PLANTED8\nCookie(version=0, name='sessionid', value='PLANTED9', port=None)",
      `[Symbol(headers map)]: Map(2) { 'set-cookie' => { name: 'Set-Cookie', value: '${R}' }, 'x-api-key' => { name: 'X-Api-Key', value: '${R}' } },\nheaders: HeadersList { cookies: [${R} ] }\n[Accept:"application/json", Set-Cookie:"${R}", X-Auth-Token:"${R}"]\nhttp.Header{"Set-Cookie":[]string{"${R}", "${R}"}}\nStored cookie example.com -1 (ANY) / <session> <insecure> [expiry none] sid ${R}\nCookie(version=0, name='sessionid', value='${R}', port=None)`,
    ],
    // (a) an indented env line whose value is a PEM block: its line whole (its next lines: smoke-output-multiline).
    [
      "an indented env line's PEM value",
      '  HOME=-----BEGIN X-----\n  SSH_KEY=-----BEGIN OPENSSH PRIVATE KEY----- PLANTED',
      `  HOME=-----BEGIN X-----\n  SSH_KEY=${R}`,
    ],
  ])('%s', (_what, text, want) => {
    expect(redactOutput(text)).toBe(want);
    expect(redactOutput(want)).toBe(want);
  });

  // Near misses of the credential headers' rule: a program's own text, kept whole, batch and live.
  it.each<[string, string]>([
    [
      "near misses: an image's or a URL's path, a cookie's attribute, a list that names a cookie, a -token that is no header",
      "Pulling ghcr.io/acme/vault-token:1.2.3\nimage: registry.local/app-secret:v2\nWARNING: Set-Cookie: SameSite=None requires Secure\nchoices: ['cookie', 'local storage']\nassert 'sid=abc' == 'Set-Cookie', 'missing header'\nretry-token: 3 of 5\npad-token: [PAD]\nx Cookie:Cookie:Cookie:",
    ],
    [
      "prose that names a cookie or a credential header mid-line (a test's message, a log, help text)",
      "FAILED tests/test_http.py::test_cookie - AssertionError: expected cookie: got None\nERROR: cookie: invalid value for domain example.com\nNote that Set-Cookie: is ignored for cross-site requests (SameSite=Lax).\nThe X-Api-Key: header must be set on every request\nE       AssertionError: missing header X-Api-Key: got {}\n| X-Vault-Token: | required |\nwarning: client-secret: deprecated option\n['Cookie', 'Content-Type', 'Authorization']",
    ],
    [
      "near misses: a program's own settings that end with `cookie`, other headers, words in an escaped text",
      "secure_cookie: true\nSettings(secure_cookie=True, debug=False)\nContent-Type: application/json\nx-amz-date:20261205T000000Z\n'\\nAUTHORS: jane\\nTOKENIZER: bert\\n'\nWARNING:root:password check failed",
    ],
  ])('kept: %s', (_what, text) => {
    expect(redactOutput(text)).toBe(text);
    expect(shownLive(text)).toBe(text);
  });
});

describe('the live view: HTTP headers that carry a credential, one character a chunk', () => {
  it.each<[string, string]>([
    ['curl -v', '> Cookie: session=PLANTEDc\n< Set-Cookie: sid=PLANTEDs; Path=/\n> Host: h\n'],
    ['a canonical request', 'host:h\nx-amz-security-token:IQoJPLANTED\n'],
    ["http.client's send", "send: b'GET / HTTP/1.1\\r\\nCookie: s=PLANTED\\r\\nAccept: */*\\r\\n'\n"],
    ["http.client's response headers", 'header: Set-Cookie: sid=PLANTED; Path=/\nheader: Date: today\n'],
    ["a shell trace's curl -H", "+ curl -H 'X-Vault-Token: hvs.PLANTED' -H 'Cookie: a=PLANTED' https://x/\n"],
  ])('%s: masked as the batch masker masks it', (_what, text) => {
    const shown = shownLive(text);
    expect(shown).not.toContain('PLANTED');
    expect(shown).toBe(redactOutput(text));
  });
});

describe("redactOutput: a private key's PEM on one line", () => {
  const BODY = 'PLANTEDvQIBADANBgkqhkiG9w0BAQEFAASC';
  it.each<[string, string, string]>([
    [
      "a lower-case key's, its body between BEGIN and END",
      `private_key -----BEGIN RSA PRIVATE KEY-----${BODY}-----END RSA PRIVATE KEY-----`,
      `private_key -----BEGIN RSA PRIVATE KEY-----${R}-----END RSA PRIVATE KEY-----`,
    ],
    [
      "a JSON string's, its line breaks escaped, no key that names it",
      `{"pem": "-----BEGIN PRIVATE KEY-----\\n${BODY}\\n${BODY}\\n-----END PRIVATE KEY-----\\n"}`,
      `{"pem": "-----BEGIN PRIVATE KEY-----${R}-----END PRIVATE KEY-----\\n"}`,
    ],
    [
      'bare, its lines joined by blanks, no END',
      `-----BEGIN OPENSSH PRIVATE KEY----- ${BODY} ${BODY}`,
      `-----BEGIN OPENSSH PRIVATE KEY-----${R}`,
    ],
    [
      "near misses: a certificate's, a public key's, a word after a private key's BEGIN",
      `-----BEGIN CERTIFICATE-----${BODY}-----END CERTIFICATE----- -----BEGIN PUBLIC KEY-----${BODY} want -----BEGIN PRIVATE KEY----- header`,
      `-----BEGIN CERTIFICATE-----${BODY}-----END CERTIFICATE----- -----BEGIN PUBLIC KEY-----${BODY} want -----BEGIN PRIVATE KEY----- header`,
    ],
  ])('%s', (_what, text, want) => {
    expect(redactOutput(text)).toBe(want);
    expect(redactOutput(want)).toBe(want);
  });
});
