// Environment variables and what a record shows for them: the same for TypeScript's redaction
// (__tests__/unit/redact.test.ts) and the probe's (__tests__/integration/python-scripts.test.ts).
import { REDACTED } from '../../src/util/redact.js';

/** [name, value, what the record shows]: the same for TypeScript and the probe. */
export const ENV_CASES: [string, string, string][] = [
  ['HF_TOKEN', 'anything', REDACTED],
  ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', REDACTED],
  ['DB_PASSWORD', 'x', REDACTED],
  ['GOOGLE_APPLICATION_CREDENTIALS', '/secrets/key.json', REDACTED],
  ['INNOCENT', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', REDACTED],
  ['MODEL_REPO', 'hf_abcdefghijklmnopqrstuvwxyz', REDACTED],
  ['AWS_ID', 'AKIAIOSFODNN7EXAMPLE', REDACTED],
  ['SLACK', 'xoxb-1234567890-abcdefghij', REDACTED],
  // Token forms by their shape inside a longer value (the whole value masked): PyPI's (a
  // macaroon), npm's, Docker Hub's, Google's API key and OAuth access token.
  ['PUBLISH_ARGS', '-p pypi-AgEIcHlwaS5vcmcCJGE0ZjE2YjQ3LTk2ZDktNDk1 dist/*', REDACTED],
  ['NPM_ARGS', '--auth npm_abcdefghijklmnopqrstuvwxyz0123456789 x', REDACTED],
  ['HUB_ARGS', '-p dckr_pat_abcdefghijklmnopqrstuvw x', REDACTED],
  ['MAPS_ARGS', 'k=AIzaSyA1234567890abcdefghijklmnopqrstuv x', REDACTED],
  ['GCP_ARGS', 'bearer ya29.a0abcdefghijklmnopqrstuvwxyz x', REDACTED],
  [
    'SESSIONLESS_JWT',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    REDACTED,
  ],
  ['BLOB', 'QWxhZGRpbjpvcGVuIHNlc2FtZQ0aSGVsbG8gV29ybGQhIDEyMzQ1Ng==', REDACTED],
  ['PIP_INDEX_URL', 'https://user:s3cret@pypi.corp/simple', `https://user:${REDACTED}@pypi.corp/simple`],
  // A token as the user name with an empty password (Gemfury's form), or as the password with no
  // user name (Azure DevOps'): the token is masked either way.
  ['PIP_INDEX_URL', 'https://fury_T0ken4Acme:@pypi.fury.io/acme/', `https://${REDACTED}@pypi.fury.io/acme/`],
  [
    'PIP_EXTRA_INDEX_URL',
    'https://:azdoPAT0123456789@pkgs.dev.azure.com/o/_packaging/f/pypi/simple/',
    `https://:${REDACTED}@pkgs.dev.azure.com/o/_packaging/f/pypi/simple/`,
  ],
  // Nothing in the userinfo: nothing to mask.
  // A token as the user name before a password: by its shape, or before GitHub's fixed public
  // password (an old token is 40 hex digits, which no value pattern takes for a secret).
  [
    'PIP_INDEX_URL',
    `https://${'0a1b2c3d4e'.repeat(4)}:x-oauth-basic@github.example/simple`,
    `https://${REDACTED}:${REDACTED}@github.example/simple`,
  ],
  [
    'PIP_EXTRA_INDEX_URL',
    `https://ghp_${'a1B2'.repeat(6)}:pw@pypi.corp/simple`,
    `https://${REDACTED}:${REDACTED}@pypi.corp/simple`,
  ],
  ['WEIRD_URL', 'https://@host/x and https://:@host/y', 'https://@host/x and https://:@host/y'],
  // pip and WHATWG URLs split the userinfo at the last "@": all of the password is masked.
  [
    'PIP_EXTRA_INDEX_URL',
    'https://ci:Tr0ub4dor@SECRETtail99@pypi.corp/simple',
    `https://ci:${REDACTED}@pypi.corp/simple`,
  ],
  // Any character but whitespace, /, ?, # and a double quote may be in a password, unencoded.
  [
    'PIP_TRUSTED_URL',
    'https://ci:pa^ss|w{o}rd`<x>@pypi.corp/simple',
    `https://ci:${REDACTED}@pypi.corp/simple`,
  ],
  // A token in a query parameter named for a secret, or in Anaconda's /t/<token>/ segment right
  // after the host: the value is masked, the rest of the URL kept. Other parameters (?page=,
  // Azure SAS's sv/se/sp) and a /t/ deeper in a path are not secrets.
  ['PIP_INDEX_URL', 'https://host/simple?token=s3cr3tvalue', `https://host/simple?token=${REDACTED}`],
  [
    'PIP_EXTRA_INDEX_URL',
    'https://h/simple/?page=2&API_KEY=k3y-v4lue&version=1.0#frag',
    `https://h/simple/?page=2&API_KEY=${REDACTED}&version=1.0#frag`,
  ],
  [
    'MODEL_URL',
    'https://b.s3.amazonaws.com/m.bin?X-Amz-Credential=AKIDEXAMPLE%2F20250101&X-Amz-Date=20250101T000000Z&X-Amz-Signature=0f1e2d3c',
    `https://b.s3.amazonaws.com/m.bin?X-Amz-Credential=${REDACTED}&X-Amz-Date=20250101T000000Z&X-Amz-Signature=${REDACTED}`,
  ],
  [
    'BLOB_URL',
    'https://acct.blob.core.windows.net/c/w.bin?sv=2022-11-02&se=2026-01-01&sp=r&sig=AbC%2BdEf%3D',
    `https://acct.blob.core.windows.net/c/w.bin?sv=2022-11-02&se=2026-01-01&sp=r&sig=${REDACTED}`,
  ],
  [
    'CONDA_CHANNEL',
    'https://conda.anaconda.org/t/tk-abcdef123/chan https://repo.anaconda.cloud/t/tk-2/main/',
    `https://conda.anaconda.org/t/${REDACTED}/chan https://repo.anaconda.cloud/t/${REDACTED}/main/`,
  ],
  // Cloudsmith's entitlement token, the first path segment on dl.cloudsmith.io (pip's index URL
  // there, https://dl.cloudsmith.io/<token>/<org>/<repo>/python/simple/): masked. Its public and
  // basic-auth paths hold no token (a login's password is masked as any other's), nor does a
  // segment shorter than 8 characters or a whole ${NAME}, nor another host's first segment.
  [
    'PIP_EXTRA_INDEX_URL',
    'https://dl.cloudsmith.io/Xk2PqL9vWm4ZtR7a/acme/ml/python/simple/',
    `https://dl.cloudsmith.io/${REDACTED}/acme/ml/python/simple/`,
  ],
  [
    'WHEEL_URLS',
    'pkg @ https://dl.cloudsmith.io/Xk2PqL9vWm4ZtR7a/acme/ml/python/pkg-1.0-py3-none-any.whl#sha256=ab https://u:pw@dl.cloudsmith.io/basic/acme/ml/python/simple/',
    `pkg @ https://dl.cloudsmith.io/${REDACTED}/acme/ml/python/pkg-1.0-py3-none-any.whl#sha256=ab https://u:${REDACTED}@dl.cloudsmith.io/basic/acme/ml/python/simple/`,
  ],
  // The host in any case, or with its final '.', is the same host.
  [
    'PIP_INDEX_URL',
    'https://DL.Cloudsmith.IO/Xk2PqL9vWm4ZtR7a/acme/ml/python/simple/ https://dl.cloudsmith.io./Xk2PqL9vWm4ZtR7a/a/',
    `https://DL.Cloudsmith.IO/${REDACTED}/acme/ml/python/simple/ https://dl.cloudsmith.io./${REDACTED}/a/`,
  ],
  [
    'APT_SOURCES',
    'https://dl.cloudsmith.io/public/caddy/stable/deb/debian https://dl.cloudsmith.io/${CS_TOKEN}/acme/ml/python/simple/ https://dl.cloudsmith.io/short/x https://h.example/Xk2PqL9vWm4ZtR7a/simple/',
    'https://dl.cloudsmith.io/public/caddy/stable/deb/debian https://dl.cloudsmith.io/${CS_TOKEN}/acme/ml/python/simple/ https://dl.cloudsmith.io/short/x https://h.example/Xk2PqL9vWm4ZtR7a/simple/',
  ],
  [
    'CALLBACK',
    'https://ci:pw0rd@h/cb?next=https://x/?auth=abc&pwd=p1"after',
    `https://ci:${REDACTED}@h/cb?next=https://x/?auth=${REDACTED}&pwd=${REDACTED}"after`,
  ],
  // A URL nested in another's query, percent-encoded (%3F ?, %26 &, %23 #, %3D =, any case): its
  // token is masked too, and ends at an encoded & or # (a value after a plain = keeps them).
  [
    'NEXT_URL',
    'https://a.example/login?next=https%3A%2F%2Fb.example%2Fsimple%3Ftoken%3Dabcd1234',
    `https://a.example/login?next=https%3A%2F%2Fb.example%2Fsimple%3Ftoken%3D${REDACTED}`,
  ],
  [
    'RETURN_URL',
    'https://a.example/cb?to=https%3a%2f%2fb.example%2fw.bin%3fsv%3D2024%26SIG%3dAbC%252BdEf%26sp%3Dr%23frag',
    `https://a.example/cb?to=https%3a%2f%2fb.example%2fw.bin%3fsv%3D2024%26SIG%3d${REDACTED}%26sp%3Dr%23frag`,
  ],
  // No plain '=', '?', '&' or '#' in the text at all: still read.
  ['DOWNLOAD_URL', 'https://a.example/x%3Ftoken%3Dabcd1234', `https://a.example/x%3Ftoken%3D${REDACTED}`],
  [
    'PIP_INDEX_URL',
    'https://h/simple?token=ab%26cd%23ef&page=2',
    `https://h/simple?token=${REDACTED}&page=2`,
  ],
  [
    'SEARCH_URL',
    `https://h/s?q=a%3Fkeyword%3Dx%26monkey%3D1%26key_id%3D7%26token%3D%23sig%3D${REDACTED}%26x`,
    `https://h/s?q=a%3Fkeyword%3Dx%26monkey%3D1%26key_id%3D7%26token%3D%23sig%3D${REDACTED}%26x`,
  ],
  // Masked already (a record shown again), empty, a whole ${NAME} reference, or no secret's name: as it is.
  [
    'REQ_URL',
    'https://h/w.whl?sv=1&sig=${AZ_SAS} https://c.org/t/${CONDA_TOKEN}/x',
    'https://h/w.whl?sv=1&sig=${AZ_SAS} https://c.org/t/${CONDA_TOKEN}/x',
  ],
  [
    'SHOWN_AGAIN',
    `https://h/?token=${REDACTED}&sig= https://c.org/t/${REDACTED}/x`,
    `https://h/?token=${REDACTED}&sig= https://c.org/t/${REDACTED}/x`,
  ],
  [
    'DOCS_URL',
    'https://h/docs/t/intro?page=2&keyword=k&monkey=1&key_id=7 ?token=notaurl',
    'https://h/docs/t/intro?page=2&keyword=k&monkey=1&key_id=7 ?token=notaurl',
  ],
  ['OPENAI', 'sk-proj-abcdefghij0123456789ABCD', REDACTED],
  ['HEADER_LINE', 'Bearer%20sk-proj-abcdefghij0123456789ABCD', REDACTED],
  // After an escape that ends in a letter: escaped text (\n, \u003d), a colour code, percent-encoding.
  ['LAST_LOG_LINE', 'started\\nsk-proj-abcdefghij0123456789ABCD', REDACTED],
  ['JAVA_OPTS_ECHO', '{"opts":"-Dapi.key\\u003dsk-proj-abcdefghij0123456789ABCD"}', REDACTED],
  ['COLOURED_LOG', '\u001b[32msk-proj-abcdefghij0123456789ABCD\u001b[0m', REDACTED],
  ['CALLBACK_URL', 'https://hooks.corp/cb?next=%2Fapi%3Fmodel%3Dsk-proj-abcdefghij0123456789ABCD', REDACTED],
  // Under a secret's name (%3Fkey%3D) the URL rule masks it first: the rest of the URL is kept.
  [
    'CALLBACK_URL',
    'https://hooks.corp/cb?next=%2Fapi%3Fkey%3Dsk-proj-abcdefghij0123456789ABCD',
    `https://hooks.corp/cb?next=%2Fapi%3Fkey%3D${REDACTED}`,
  ],
  // A package name that holds "sk-" is no token (after a letter, or with no digit).
  ['EXTRA_PACKAGES', 'aws-msk-iam-sasl-signer-python', 'aws-msk-iam-sasl-signer-python'],
  ['PLUGINS', 'task-runner-v2-plugin-x-long-name', 'task-runner-v2-plugin-x-long-name'],
  ['GIT_COMMIT', '0123456789abcdef0123456789abcdef01234567', '0123456789abcdef0123456789abcdef01234567'],
  ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin', '/usr/local/sbin:/usr/local/bin:/usr/sbin'],
  ['CUDA_VERSION', '12.8.1', '12.8.1'],
  ['HF_HOME', '/cache/huggingface', '/cache/huggingface'],
  // PASS and PAT as words of their own are secret names; inside other words they are not.
  ['DB_PASS', 'hunter2', REDACTED],
  ['redis_pass', 'hunter2', REDACTED],
  ['SIGNING_PASSPHRASE', 'correct horse', REDACTED],
  ['GH_PAT', 'abc', REDACTED],
  ['GOOGLE_CREDS', '/run/creds.json', REDACTED],
  ['COMPASS_HEADING', 'north', 'north'],
  ['PASSTHROUGH_MODE', 'on', 'on'],
  ['PATTERN_FILE', '/etc/patterns', '/etc/patterns'],
  ['LD_LIBRARY_PATH', '/usr/local/cuda/lib64', '/usr/local/cuda/lib64'],
  // PWD is a password's name after a non-letter (MySQL's MYSQL_PWD); PWD and OLDPWD are the shell's
  // directories, and a name that only holds the letters (PGPWD) is none.
  ['MYSQL_PWD', 'hunter6pw', REDACTED],
  ['db_pwd_file', '/run/secrets/db', REDACTED],
  ['PWD', '/home/alice', '/home/alice'],
  ['OLDPWD', '/home/alice/src', '/home/alice/src'],
  ['PGPWD', 'x', 'x'],
  // A connection string's secrets: the value masked up to its ";", the key and the rest kept.
  [
    'AZ_CONN',
    'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc+DEF/ghi==;EndpointSuffix=core.windows.net',
    `DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${REDACTED};EndpointSuffix=core.windows.net`,
  ],
  [
    'DB_CONNECTION_STRING',
    'Server=db;User Id=sa;Password=hunter12Pass;',
    `Server=db;User Id=sa;Password=${REDACTED};`,
  ],
  ['ODBC_DSN', 'DRIVER={ODBC 18};UID=sa;PWD={p;ss w};', `DRIVER={ODBC 18};UID=sa;PWD=${REDACTED};`],
  ['ODBC_LAST', 'UID=sa; pwd=my pass word', `UID=sa; pwd=${REDACTED}`],
  ['ODBC_LAST_BARE', 'UID=sa;PWD=s3cr3t', `UID=sa;PWD=${REDACTED}`],
  [
    'SB_CONN',
    'Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=k3y=',
    `Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=${REDACTED}`,
  ],
  [
    'SAS_CONN',
    'BlobEndpoint=https://a.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=b&sig=AbC%3D',
    `BlobEndpoint=https://a.blob.core.windows.net/;SharedAccessSignature=${REDACTED}`,
  ],
  [
    'ADO_QUOTED',
    "Data Source=db;password='a;b c';Pooling=true",
    `Data Source=db;password=${REDACTED};Pooling=true`,
  ],
  // An HTTP Authorization header's credentials, however a program prints the header: the scheme
  // kept, the credentials masked (the only word where there is no scheme).
  [
    'CURL_ARGS',
    '-H "Authorization: Bearer opaque-abc.123" https://api.corp/v1',
    `-H "Authorization: Bearer ${REDACTED}" https://api.corp/v1`,
  ],
  [
    'HEADERS_JSON',
    '{"Authorization": "Basic dXNlcjpwYXNzd29yZA=="}',
    `{"Authorization": "Basic ${REDACTED}"}`,
  ],
  ['PROXY_HEADER', 'Proxy-Authorization: Basic YWxpY2U6cHc=', `Proxy-Authorization: Basic ${REDACTED}`],
  [
    'HTTP_DEBUG',
    "send: b'GET / HTTP/1.1\\r\\nAuthorization: token s3cr3tvalue\\r\\nAccept: */*'",
    `send: b'GET / HTTP/1.1\\r\\nAuthorization: token ${REDACTED}\\r\\nAccept: */*'`,
  ],
  ['REQ_HEADERS', "[('authorization', 'Bearer abc.def')]", `[('authorization', 'Bearer ${REDACTED}')]`],
  ['GO_HEADER', 'map[Authorization:[Bearer abc]]', `map[Authorization:[Bearer ${REDACTED}]]`],
  ['ESCAPED_JSON', '"{\\"authorization\\":\\"xyz-opaque\\"}"', `"{\\"authorization\\":\\"${REDACTED}\\"}"`],
  ['RAW_HEADER', 'authorization: opaque_value', `authorization: ${REDACTED}`],
  [
    'NOTED_HEADER',
    'Authorization: s3cr3t-word (rotated daily)',
    `Authorization: ${REDACTED} (rotated daily)`,
  ],
  ['MASKED_HEADER', 'Authorization: Bearer ***', 'Authorization: Bearer ***'],
  [
    'GO_DUMP',
    'http.Header{"Authorization":[]string{"Bearer goS3cret"}}',
    `http.Header{"Authorization":[]string{"Bearer ${REDACTED}"}}`,
  ],
  [
    'HAR_ENTRY',
    '{"name": "Authorization", "value": "Bearer harS3cret"}',
    `{"name": "Authorization", "value": "Bearer ${REDACTED}"}`,
  ],
  ['BYTES_HEADERS', "{b'Authorization': b'Basic Ynl0ZXM='}", `{b'Authorization': b'Basic ${REDACTED}'}`],
  ['LOGFMT', 'msg=req authorization=opaqueS3cret user=bob', `msg=req authorization=${REDACTED} user=bob`],
  [
    'SIGNED_REQUEST',
    'Authorization: OAuth oauth_token="370773112-GmHx", oauth_nonce="x"',
    `Authorization: OAuth ${REDACTED}`,
  ],
  ['CORS_HEADERS', '["Authorization", "Content-Type"]', '["Authorization", "Content-Type"]'],
  [
    'SPACED_HEADER',
    `Authorization: Bearer${' '.repeat(70)}tok3nXY`,
    `Authorization: Bearer${' '.repeat(70)}${REDACTED}`,
  ],
  ['NONE_HEADER', "{'Authorization': None}", "{'Authorization': None}"],
  // A reference, a value masked already, a header named in prose, another key: kept.
  ['CURL_REF', 'Authorization: Bearer $HF_TOKEN', 'Authorization: Bearer $HF_TOKEN'],
  ['CURL_REF_BRACED', 'Authorization: ${API_TOKEN}', 'Authorization: ${API_TOKEN}'],
  ['SHOWN_HEADER', `Authorization: Bearer ${REDACTED}`, `Authorization: Bearer ${REDACTED}`],
  ['PROSE', 'no Authorization header was sent', 'no Authorization header was sent'],
  ['DOCS_URL', 'https://h/oauth/authorization_url', 'https://h/oauth/authorization_url'],
  // PWD= as env prints it, a reference, an empty or masked value, a URL's ?password= (urlTokens'): kept.
  ['SHELL_STATE', 'PWD=/home/alice', 'PWD=/home/alice'],
  ['DB_CONN_REF', 'Server=db;Password=${DB_PW};', 'Server=db;Password=${DB_PW};'],
  ['DB_CONN_EMPTY', 'Server=db;Password=;', 'Server=db;Password=;'],
  ['DB_CONN_SHOWN', `Server=db;Password=${REDACTED};`, `Server=db;Password=${REDACTED};`],
  ['LOGIN_URL', 'https://h/login?password=s3cret&next=x', `https://h/login?password=${REDACTED}&next=x`],
  // A proxy variable's login without a scheme (curl and pip read it as http://): the password masked,
  // also one holding "@"; a token as the user name, by its shape; a proxy without a login, NO_PROXY
  // and a URL with its scheme as before.
  ['HTTP_PROXY', 'alice:s3cretpw@proxy.corp:3128', `alice:${REDACTED}@proxy.corp:3128`],
  ['https_proxy', 'alice:p@ss@proxy.corp:3128', `alice:${REDACTED}@proxy.corp:3128`],
  ['FTP_PROXY', 'tok3n@proxy:80', `${REDACTED}@proxy:80`],
  ['HTTP_PROXY', 'proxy.corp:3128', 'proxy.corp:3128'],
  ['no_proxy', 'localhost,.corp,10.0.0.0/8', 'localhost,.corp,10.0.0.0/8'],
  ['ALL_PROXY', 'socks5://bob:pw2@p:1080', `socks5://bob:${REDACTED}@p:1080`],
  // A private key's PEM block under a name that says nothing (a deploy key, a service account's
  // JSON with its key's line breaks escaped), a chat webhook (its path is the secret), a password
  // named PW: the whole value masked.
  [
    'DEPLOY_SSH',
    '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n',
    REDACTED,
  ],
  [
    'GCP_SERVICE_ACCOUNT',
    '{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----\\n"}',
    REDACTED,
  ],
  [
    'SLACK_WEBHOOK_URL',
    'https://hooks.slack.com/services/T0123ABCD/B0456EFGH/xYz0123456789abcdefGHIJ',
    REDACTED,
  ],
  ['ALERTS_HOOK', 'https://discord.com/api/webhooks/123456789012345678/AbC-dEf_0123456789xyz', REDACTED],
  ['DB_PW', 'hunter2-db', REDACTED],
  ['GOV_HOOK', 'https://hooks.slack-gov.com/services/T0123ABCD/B0456EFGH/xYz0123456789abcdef', REDACTED],
  ['DISCORD_V10', 'https://discord.com/api/v10/webhooks/123456789012345678/AbC-dEf_0123456789xyz', REDACTED],
  // A keyring's data is a secret's (only the keyring's provider and backend settings are not).
  ['GPG_KEYRING_B64', 'QUJD', REDACTED],
  // The official Python images' GPG_KEY is the release signing key's id: public.
  ['GPG_KEY', '7169605F62C751356D054A26A821E680E5FA6305', '7169605F62C751356D054A26A821E680E5FA6305'],
  ['PW_TEST_HTML_REPORT_OPEN', 'never', 'never'],
  // Names that hold a secret's word and no secret, and whose change the report must show.
  ['TOKENIZERS_PARALLELISM', 'false', 'false'],
  ['NODE_TLS_REJECT_UNAUTHORIZED', '0', '0'],
  ['PIP_KEYRING_PROVIDER', 'subprocess', 'subprocess'],
  ['GIT_AUTHOR_NAME', 'Alice', 'Alice'],
  ['HF_TOKENIZER_TOKEN', 'x', REDACTED],
  ['HTTP_AUTHORIZATION', 'x', REDACTED],
  // A credential the value writes in a form of its own, under a name that says nothing: an npmrc
  // line, a setting, an option, a JSON field (a Docker config), a netrc line. Masked whole.
  ['NPMRC', '//registry.corp/:_authToken=abcdef-1234-5678', REDACTED],
  ['SPARK_CONF', 'spark.hadoop.fs.s3a.secret.key=XYZabc123', REDACTED],
  ['TOOL_ARGS', '--verbose --api-key=abc123 --retries 3', REDACTED],
  ['NPMRC_QUOTED', "//nexus.corp/:_authToken='NpmToken.2b3c'", REDACTED],
  ['PYPIRC', '[pypi]\nusername: admin\npassword: Tr0ub4dor&3horse', REDACTED],
  ['NETRC_LINES', 'machine api.wandb.ai\n  login user\n  password 9f1c', REDACTED],
  ['ACR_CONFIG', '{"auths":{"r.azurecr.io":{"identitytoken":\n "a8f3c2"}}}', REDACTED],
  // A connection string's key (password=) is masked where it is, before: the rest kept.
  ['JAVA_OPTS', '-Xmx2g -Ddb.password=hunter2', `-Xmx2g -Ddb.password=${REDACTED}`],
  ['DOCKER_CONFIG_JSON', '{"auths":{"ghcr.io":{"auth":"dXNlcjpwYXNz"}}}', REDACTED],
  ['NETRC', 'machine pypi.corp login ci password hunter2', REDACTED],
  // An option whose value is the next word, and a Docker config escaped inside a JSON string.
  ['SERVE_ARGS', '--host 0.0.0.0 --token 7f3a9c1e --port 8888', REDACTED],
  ['DB_CLI_ARGS', "-u admin --password 'Tr0ub4dor' -h db", REDACTED],
  ['LLM_ARGS', '--model m --api-key sk_live_x1y2z3', REDACTED],
  ['WRAPPED_CONFIG', '{"config":"{\\"auths\\":{\\"ghcr.io\\":{\\"auth\\":\\"dXNlcjpwYXNz\\"}}}"}', REDACTED],
  ['WRAPPED_SETTINGS', '{"settings":"{\\"password\\":\\"hunter2\\"}"}', REDACTED],
  ['HUB_ARGS', '--push_to_hub --hub_token hfsecret123 --hub-model-id m', REDACTED],
  ['TOOL_ENV', 'auth_token=s3cr3t-at --hf-token=x1y2z3', REDACTED],
  // An escaped JSON's empty or placeholder value, and single-dash or dashed-inside words: none.
  [
    'WRAPPED_EMPTY',
    '{"settings":"{\\"password\\":\\"\\",\\"token\\":\\"${TOK}\\"}"}',
    '{"settings":"{\\"password\\":\\"\\",\\"token\\":\\"${TOK}\\"}"}',
  ],
  ['WRAPPED_NONE', '{"c":"{\\"password\\": \\"none\\"}"}', '{"c":"{\\"password\\": \\"none\\"}"}'],
  ['SPECIAL_ARGS', '--special-token <s> -token x', '--special-token <s> -token x'],
  // Not one: an option's next word is another option or says there is none; a word that ends in one.
  ['LOGIN_ARGS', '--password-stdin --username ci', '--password-stdin --username ci'],
  [
    'GEN_ARGS',
    '--pad-token <eos> --max-token 512 --token_limit 9',
    '--pad-token <eos> --max-token 512 --token_limit 9',
  ],
  ['NB_ARGS', '--token --no-browser --password none', '--token --no-browser --password none'],
  // Not one: an empty value, a $ reference, a word that only begins like a key's, prose.
  ['CMAKE_ARGS', '-DBUILD_TOKENIZER=ON -DUSE_AUTHOR=1', '-DBUILD_TOKENIZER=ON -DUSE_AUTHOR=1'],
  // Settings that name a credential and hold none (a tokenizer's special tokens, auth turned off).
  ['SERVER_ARGS', '--bind-addr 0.0.0.0:8080 --auth=none', '--bind-addr 0.0.0.0:8080 --auth=none'],
  [
    'BUILD_FLAGS',
    '-DUSE_TOKEN=OFF -DENABLE_AUTH=OFF -DWITH_SECRET=OFF',
    '-DUSE_TOKEN=OFF -DENABLE_AUTH=OFF -DWITH_SECRET=OFF',
  ],
  [
    'TRAIN_ARGS',
    '--pad_token=<|endoftext|> --use_auth_token=false',
    '--pad_token=<|endoftext|> --use_auth_token=false',
  ],
  ['JUPYTER_ARGS', '--ServerApp.token=false --api-key=EMPTY', '--ServerApp.token=false --api-key=EMPTY'],
  ['SERVER_CONFIG', '{"auth": null, "token": false}', '{"auth": null, "token": false}'],
  ['TOOL_REF', '--token=$GH_TOKEN', '--token=$GH_TOKEN'],
  ['EMPTY_JSON', '{"password": ""}', '{"password": ""}'],
  ['MOTD', 'a password is required to log in', 'a password is required to log in'],
  // A certificate and a public key are no secrets.
  [
    'CA_CERT',
    '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  ],
];
