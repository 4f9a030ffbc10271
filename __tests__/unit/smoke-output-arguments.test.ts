// A secret as a command's argument in a smoke test's output (src/util/redact-output-arguments.ts,
// through redactOutput): a login's key, htpasswd's password, MinIO's secret key, mysql's -pX,
// redis-cli's -a, gh's secret body, kubectl's literals, openssl's pass:, and a tool's secret
// setting; masked batch and live; prose, other settings and where a secret comes from kept.
import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../src/util/redact.js';
import { redactOutput } from '../../src/util/redact-instruction.js';
import { maskCommandArguments } from '../../src/util/redact-output-arguments.js';
import { fill, finishes, MB } from '../helpers/hang-guard.js';
import { shownLive } from '../helpers/live-view.js';

const R = REDACTED;
const lines = (...l: string[]) => l.join('\n');
const KEY = '0123456789abcdef0123456789abcdef01234567';

const LEAKS: [string, string, string][] = [
  [
    "a login's key or token as its argument: a trace's, or a credential's shape anywhere",
    lines(
      `+ wandb login ${KEY}`,
      `+ wandb login --relogin --host https://wandb.example.com local-${KEY}`,
      `Running: python -m wandb login ${KEY}`,
      '$ vault login s.AbCdEf123456',
      '+ vault login -path=ci hunter',
    ),
    lines(
      `+ wandb login ${R}`,
      `+ wandb login --relogin --host https://wandb.example.com ${R}`,
      `Running: python -m wandb login ${R}`,
      `$ vault login ${R}`,
      `+ vault login -path=ci ${R}`,
    ),
  ],
  [
    "a password the form names: htpasswd's with -b, MinIO's secret key, mysql's -pX, redis-cli's -a, openssl's pass:",
    lines(
      'htpasswd -Bbn testuser testpassword > auth/htpasswd',
      '+ htpasswd -b -c -C 10 auth/htpasswd testuser "test password"',
      'mc alias set minio http://minio:9000 minioadmin minio-secret --api S3v4',
      '+ mc config host add s3 https://s3.amazonaws.com minioadmin wJalrXUtnFEMI',
      "mysql -uroot -phunter db; /usr/bin/mysqldump -u root -p'hunter 2' db; mariadb -phunter",
      'redis-cli -h cache -a hunter ping; redis-cli --pass hunter',
      'openssl pkcs12 -export -passout pass:hunter -out a.p12; openssl enc -pass "pass:hunter"',
    ),
    lines(
      `htpasswd -Bbn testuser ${R} > auth/htpasswd`,
      `+ htpasswd -b -c -C 10 auth/htpasswd testuser "${R}"`,
      `mc alias set minio http://minio:9000 minioadmin ${R} --api S3v4`,
      `+ mc config host add s3 https://s3.amazonaws.com minioadmin ${R}`,
      `mysql -uroot -p${R} db; /usr/bin/mysqldump -u root -p'${R}' db; mariadb -p${R}`,
      `redis-cli -h cache -a ${R} ping; redis-cli --pass ${R}`,
      `openssl pkcs12 -export -passout pass:${R} -out a.p12; openssl enc -pass "pass:${R}"`,
    ),
  ],
  [
    "a secret's value set by its tool: gh's secret, kubectl's and oc's secret literals",
    lines(
      'gh secret set HF_TOKEN --body hunter; gh secret set A -b hunter; gh secret set B -bhunter',
      'gh secret set C --body="hunter 2"; gh secret set D --body=hunter',
      'kubectl create secret generic hf --from-literal=token=hunter --from-literal=user=bob',
      '+ kubectl -n ml create secret generic hf --from-literal token=hunter',
      'oc create secret generic db --from-literal=DB_PASS=hunter',
    ),
    lines(
      `gh secret set HF_TOKEN --body ${R}; gh secret set A -b ${R}; gh secret set B -b${R}`,
      `gh secret set C --body="${R}"; gh secret set D --body=${R}`,
      `kubectl create secret generic hf --from-literal=token=${R} --from-literal=user=${R}`,
      `+ kubectl -n ml create secret generic hf --from-literal token=${R}`,
      `oc create secret generic db --from-literal=DB_PASS=${R}`,
    ),
  ],
  [
    "a tool's secret setting set on its command line (a trace's, or a credential's shape)",
    lines(
      '+ aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      '+ aws configure set default.aws_session_token hunter --profile ci',
      'npm config set //registry.example.com/:_authToken abc123xyz',
      '+ npm config set _authToken hunter; yarn config set npmAuthToken hunter',
      '+ poetry config pypi-token.pypi hunter; poetry config http-basic.repo bob hunter',
      '+ dvc remote modify --local storage password hunter',
      '+ dvc remote modify storage secret_access_key hunter',
      '+ git config --global github.token hunter',
      '+ rclone config create s3 s3 access_key_id AK secret_access_key hunter',
      '+ pnpm config set //npm.pkg.github.com/:_authToken "hunter"',
    ),
    lines(
      `+ aws configure set aws_secret_access_key ${R}`,
      `+ aws configure set default.aws_session_token ${R} --profile ci`,
      `npm config set //registry.example.com/:_authToken ${R}`,
      `+ npm config set _authToken ${R}; yarn config set npmAuthToken ${R}`,
      `+ poetry config pypi-token.pypi ${R}; poetry config http-basic.repo bob ${R}`,
      `+ dvc remote modify --local storage password ${R}`,
      `+ dvc remote modify storage secret_access_key ${R}`,
      `+ git config --global github.token ${R}`,
      `+ rclone config create s3 s3 access_key_id AK secret_access_key ${R}`,
      `+ pnpm config set //npm.pkg.github.com/:_authToken "${R}"`,
    ),
  ],
  [
    "an npmrc's token (`cat .npmrc`, npm's own log); keytool's store passwords, curl's bearer, a cloud's login -p",
    lines(
      '//registry.npmjs.org/:_authToken=hunter',
      '+ npm config set //registry.example.com/:_authToken=hunter',
      '+ keytool -importkeystore -srcstorepass hunter -deststorepass hunter -keypass hunter',
      '+ curl --oauth2-bearer hunter https://x/',
      '+ az login --service-principal -u app -p hunter --tenant t; oc login -u dev -p hunter https://api:6443',
    ),
    lines(
      `//registry.npmjs.org/:_authToken=${R}`,
      `+ npm config set //registry.example.com/:_authToken=${R}`,
      `+ keytool -importkeystore -srcstorepass ${R} -deststorepass ${R} -keypass ${R}`,
      `+ curl --oauth2-bearer ${R} https://x/`,
      `+ az login --service-principal -u app -p ${R} --tenant t; oc login -u dev -p ${R} https://api:6443`,
    ),
  ],
];

// The review's findings: a redirection or a pipe glued to a word, quotes glued to a value, a
// value's `,` or `)`, `--pass=`, `npm set`, mc's global options, rclone's `pass`, kubectl's settings.
LEAKS.push(
  [
    'a redirection, a pipe, quotes or punctuation glued to a secret word',
    lines(
      '+ htpasswd -Bbn admin hunter 2>/dev/null; htpasswd -Bbn user pass 2>&1; htpasswd -Bbn user pw|tee f',
      '+ mysql -uroot -phunter<dump.sql',
      'kubectl create secret generic db --from-literal=password="s3cr3t!" --from-literal="user=bob"',
      "kubectl create secret generic db --from-literal=password='hunter 2'",
      'openssl pkcs12 -in a.p12 -passin pass:"hunter 2"; openssl pkcs12 -passout \'pass:hunter 2\' -out a.p12',
      '+ htpasswd -Bbn user pa,ss) && gh secret set A --body hf_abc,def',
    ),
    lines(
      `+ htpasswd -Bbn admin ${R} 2>/dev/null; htpasswd -Bbn user ${R} 2>&1; htpasswd -Bbn user ${R}|tee f`,
      `+ mysql -uroot -p${R}<dump.sql`,
      `kubectl create secret generic db --from-literal=password="${R}" --from-literal="user=${R}"`,
      // (the pair rule after it shows a lower-case key's quoted mask bare)
      `kubectl create secret generic db --from-literal=password=${R}`,
      `openssl pkcs12 -in a.p12 -passin pass:"${R}"; openssl pkcs12 -passout 'pass:${R}' -out a.p12`,
      `+ htpasswd -Bbn user ${R}) && gh secret set A --body ${R}`,
    ),
  ],
  [
    "redis-cli's --pass=, npm's set, mc's global options and mcli, rclone's pass, kubectl's settings",
    lines(
      'redis-cli --pass=hunter ping',
      '+ npm set //registry.npmjs.org/:_authToken hunter',
      '+ mc --insecure alias set minio http://minio:9000 minioadmin hunter; mcli alias set m http://m u hunter',
      '+ rclone config create mysftp sftp host h user u pass hunter',
      '+ kubectl config set users.ci.token hunter',
    ),
    lines(
      `redis-cli --pass=${R} ping`,
      `+ npm set //registry.npmjs.org/:_authToken ${R}`,
      `+ mc --insecure alias set minio http://minio:9000 minioadmin ${R}; mcli alias set m http://m u ${R}`,
      `+ rclone config create mysftp sftp host h user u pass ${R}`,
      `+ kubectl config set users.ci.token ${R}`,
    ),
  ],
);

LEAKS.push([
  "Azure's account key and SAS token, MongoDB's -p, an archive's password, an LDAP bind password",
  lines(
    '+ az storage blob upload --account-name a --account-key abcXYZ== --sas-token sv=2021&sig=abc',
    '+ mongo -u admin -p hunter db; mongodump -u admin -p hunter',
    '+ unzip -P hunter data.zip; zip -P hunter a.zip a; 7z x -phunter data.7z',
    '+ ldapsearch -x -D cn=admin,dc=x -w hunter -b dc=x',
  ),
  lines(
    `+ az storage blob upload --account-name a --account-key ${R} --sas-token ${R}`,
    `+ mongo -u admin -p ${R} db; mongodump -u admin -p ${R}`,
    `+ unzip -P ${R} data.zip; zip -P ${R} a.zip a; 7z x -p${R} data.7z`,
    `+ ldapsearch -x -D cn=admin,dc=x -w ${R} -b dc=x`,
  ),
]);

// The second review's findings: other blanks, a comment, a command inside quotes or `$(...)`, a
// line continuation, options that take a value, npm's `_auth`, a kubeconfig's key.
LEAKS.push(
  [
    "a blank that is no space, a comment, a command inside another's quotes or $(...), a line's continuation",
    lines(
      '+ htpasswd -Bbn user hunter\u00a0; htpasswd -Bbn\fuser\fhunter',
      '+ htpasswd -Bbn user hunter # create entry',
      '+ bash -c "htpasswd -Bbn u hunter" && echo ok; sh -c \'mysql -uroot -phunter\'',
      'echo "$(htpasswd -nbB admin hunter)" > auth',
      '+ su app -c "pip install x" && mysql -uroot -phunter; bash -c "git pull" && redis-cli -a hunter ping',
      '+ htpasswd -Bbn user hunter \\',
    ),
    lines(
      `+ htpasswd -Bbn user ${R}\u00a0; htpasswd -Bbn\fuser\f${R}`,
      `+ htpasswd -Bbn user ${R} # create entry`,
      `+ bash -c "htpasswd -Bbn u ${R}" && echo ok; sh -c 'mysql -uroot -p${R}'`,
      `echo "$(htpasswd -nbB admin ${R})" > auth`,
      `+ su app -c "pip install x" && mysql -uroot -p${R}; bash -c "git pull" && redis-cli -a ${R} ping`,
      `+ htpasswd -Bbn user ${R} \\`,
    ),
  ],
  [
    "options that take a value before the secret (mc's config directory, vault's certificates); npm's _auth, a kubeconfig's key",
    lines(
      '+ mc -C /tmp/mc alias set m http://minio:9000 ak hunter; mc --config-dir /tmp/mc alias set m http://m ak hunter',
      '+ vault login -ca-cert /etc/ca.pem s.AbCdEf123456; vault login -client-cert /x/c.pem -tls-skip-verify hunter',
      '+ npm config set _auth dXNlcjpwYXNz; kubectl config set users.ci.client-key-data LS0tLS1CRUdJTg',
      '//registry.npmjs.org/:_auth=dXNlcjpwYXNz',
      '    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQ==',
    ),
    lines(
      `+ mc -C /tmp/mc alias set m http://minio:9000 ak ${R}; mc --config-dir /tmp/mc alias set m http://m ak ${R}`,
      `+ vault login -ca-cert /etc/ca.pem ${R}; vault login -client-cert /x/c.pem -tls-skip-verify ${R}`,
      `+ npm config set _auth ${R}; kubectl config set users.ci.client-key-data ${R}`,
      `//registry.npmjs.org/:_auth=${R}`,
      `    client-key-data: ${R}`,
    ),
  ],
);

// The third review's findings.
LEAKS.push(
  [
    "an npmrc's credential echoed or written; prose's apostrophe before a command; escapes in a word",
    lines(
      `+ echo '//registry.npmjs.org/:_authToken=hunter' >> ~/.npmrc; echo "//r/:_auth=aHVudGVy"`,
      "Can't connect, retrying: mysql -u root -p'hunter 2' db; It's running: redis-cli -a 'hunter 2' ping",
      '+ htpasswd -Bbn admin hunter\\ 2; mysql -u root -phunter\\;2 db',
      '+ bash -c "htpasswd -Bbn admin \\"hunter 2\\"" && echo ok',
    ),
    lines(
      `+ echo '//registry.npmjs.org/:_authToken=${R}' >> ~/.npmrc; echo "//r/:_auth=${R}"`,
      `Can't connect, retrying: mysql -u root -p'${R}' db; It's running: redis-cli -a '${R}' ping`,
      `+ htpasswd -Bbn admin ${R}; mysql -u root -p${R} db`,
      `+ bash -c "htpasswd -Bbn admin \\"${R}\\"" && echo ok`,
    ),
  ],
  [
    "vault's token=, its token method named; a quote left open by a line's continuation; ldap's glued -w; mongo's -p",
    lines(
      '+ vault login token=hunter; vault login -method=token hunter',
      '+ echo "abc\\',
      '+ htpasswd -Bbn admin "hunter 2"',
      '+ ldapsearch -x -whunter -b dc=x; mongo -u admin -p hunter db',
    ),
    lines(
      `+ vault login token=${R}; vault login -method=token ${R}`,
      '+ echo "abc\\',
      `+ htpasswd -Bbn admin "${R}"`,
      `+ ldapsearch -x -w${R} -b dc=x; mongo -u admin -p ${R} db`,
    ),
  ],
);

// The fourth review's findings.
LEAKS.push([
  "a shell's quote after a letter is no apostrophe; an npmrc's quoted value",
  lines(
    "+ mysql -u root -p'pw' db && htpasswd -Bb f user 'my pass'; vault login mytoken",
    "+ 7z x -p'pw' a.7z && git config user.password hunter",
    `//registry.npmjs.org/:_authToken="abcdef0123456789"; //r/:_password='aGVsbG8='`,
  ),
  lines(
    `+ mysql -u root -p'${R}' db && htpasswd -Bb f user '${R}'; vault login ${R}`,
    `+ 7z x -p'${R}' a.7z && git config user.password ${R}`,
    // (a lower-case key's quoted mask shown bare by the pair rule after it, as before)
    `//registry.npmjs.org/:_authToken="${R}"; //r/:_password=${R}`,
  ),
]);

LEAKS.push([
  "MinIO's new user's secret key",
  lines('+ mc admin user add minio newuser newpassword123; mc admin user add minio u "two words"'),
  lines(`+ mc admin user add minio newuser ${R}; mc admin user add minio u "${R}"`),
]);

describe('a secret as a command argument', () => {
  it('masking again changes nothing where a masked value was a program (it took no words)', () => {
    const text = '//r/:_authToken=kubectl create secret 7z -pass -u docker ';
    expect(redactOutput(redactOutput(text))).toBe(redactOutput(text));
  });

  it.each(LEAKS)('%s', (_what, text, want) => {
    expect(redactOutput(text)).toBe(want);
    expect(redactOutput(want)).toBe(want);
    expect(shownLive(text)).toBe(want);
    expect(shownLive(text, [text.indexOf('\n') + 1])).toBe(want);
  });

  it.each<[string, string]>([
    [
      "prose about a login, a login's help, a reference, a placeholder, stdin",
      lines(
        'Run wandb login first, then wandb login to the host; `wandb login` and paste your key',
        'wandb login --help; wandb login $WANDB_API_KEY; + wandb login <key>; wandb: Currently logged in.',
        '+ vault login -method=github token=$GH; vault login -; vault login -method userpass username=bob',
        'See https://github.com/wandb/wandb login page',
        'wandb 0.16.0; wandb login 2024-01-01; wandb login 12:30:00; Run wandb login v0.16.3 first',
        "Don't run wandb login until 'setup' is done; + echo 'use mc alias set' && ls",
        '+ echo "run wandb login first"; echo "Please run vault login manually"',
        '+ docker run -d -p 27017:27017 --name db mongo:6; docker run -p 8081:8081 mongo-express; docker compose -p proj up -d mongo',
        '+ python -m pytest -p no:cacheprovider tests/integration/mongo; cf push app -p ./dist --hostname login',
        "+ oc process -f login-template.yaml -p PARAM=value; ssh -p 2222 ci@host 'oc login https://x'",
        "+ git remote add token https://github.com/x/y; git remote rename password origin; git config --global alias.secret '!git log'",
        '+ git config --global user.signingkey 3AA5C34371567BD2',
        '+ mc admin user list minio; mc admin user add minio; mc admin user info minio newuser',
        '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
      ),
    ],
    [
      "forms that hold no secret: htpasswd without -b, mysql's -p alone, openssl's env: and file:, a configmap",
      lines(
        '+ htpasswd -c auth/htpasswd testuser; htpasswd -v auth/htpasswd bob',
        '+ mysql -u root -p db; mysql --port 3306 -P3306 -h db; mc alias set minio http://minio:9000',
        '+ openssl enc -pass env:PW -passin file:/run/pw; redis-cli -h cache ping',
        '+ kubectl create configmap c --from-literal=token=keep; kubectl get secret hf -o yaml',
        '+ gh secret list; gh secret set HF_TOKEN < token.txt; gh secret set A --body "$TOKEN"',
        '  -passout pass:<password>  see the PASS PHRASE ARGUMENTS section',
        '+ git config --get-all github.token 2>/dev/null; az storage account create --login -p x',
        '+ unzip -p data.zip f.txt; 7z x -p data.7z; gzip -P 3 f; ldapsearch -W -D cn=admin',
        "Model(primary_key='id', storage_key='model.pt', account='a')",
      ),
    ],
    [
      "a tool's other settings; prose after `config`; a secret setting's word with no credential's shape outside a trace",
      lines(
        '+ aws configure set region us-east-1; git config --global user.name bob; git config credential.helper store',
        '+ npm config set registry https://registry.example.com/; poetry config virtualenvs.in-project true',
        '+ dvc remote modify storage url s3://bucket/path; pip config set global.timeout 60',
        'git config has password set; see npm config set _authToken for details',
        '+ aws configure set aws_secret_access_key; conda config --set ssl_verify false',
      ),
    ],
  ])('kept: %s', (_what, text) => {
    expect(redactOutput(text)).toBe(text);
    expect(shownLive(text)).toBe(text);
  });
});

describe('linear on hostile output (a megabyte)', () => {
  it.each<[string, string]>([
    ['programs without arguments', fill('wandb ')],
    ['logins without keys', fill('wandb login ')],
    ['programs, many words each', fill('mc alias set a b c ')],
    ['settings words', `git config ${fill('password ')}`],
    ['settings, one a command', fill('git config password x; ')],
    ['mysql options', `mysql ${fill('-p ')}`],
    ['htpasswd flags', `htpasswd ${fill('-b ')}`],
    ['kubectl literals', `kubectl create secret ${fill('--from-literal ')}`],
    ['an unclosed quote after a program', `wandb login "${fill('x')}`],
    ['quotes glued to options', `gh secret set ${fill('--body="')}`],
    ["openssl's pass options", fill('-passin pass:')],
    ['programs glued to paths', fill('/x/mysql -p')],
    ['traces of programs', fill('+ vault login x\n')],
    ["openssl's quoted pass: values, never closed", fill('-passin "pass:')],
    ["openssl's pass: in quotes opened before it, never closed", fill("-passout 'pass:x ")],
    ['literal options glued to quotes', `kubectl create secret ${fill('--from-literal="a=')}`],
    ['redirections after htpasswd', `htpasswd -b ${fill('2>')}`],
    ['global options of mc', `mc ${fill('--insecure ')}`],
    ['other blanks after programs', fill('mc \f')],
    ['no-break spaces after programs', fill('gh \u00a0')],
    ['programs inside quotes, never closed', fill('"htpasswd -b ')],
    ['comments after programs', fill('wandb login # ')],
    ['escapes and quotes before programs', fill('\\"\'mc ')],
    // The reviews': npmrc-like pairs in a run (the shared pair rule's lead took 17 s on 250 KB),
    // MongoDB's -p and login words, apostrophes and escaped quotes.
    ['npmrc-like pairs, a quote after them', `${fill('/:a=b')}'`],
    ['npmrc credentials, no value', fill('/:_auth=')],
    ['npmrc credentials, quoted values never closed', fill('/:_authToken="')],
    ["MongoDB's -p", fill('mongo -p ')],
    ['login words and short options', fill('oc login ssh -p 2 ')],
    ['contractions before programs', fill("can't mc ")],
    ['escaped quotes inside a quoted command', `bash -c "${fill('htpasswd \\"')}`],
  ])('%s', (_what, text) => {
    expect(text.length).toBeGreaterThan(MB / 2);
    expect(finishes(() => maskCommandArguments(text).length)).toBeGreaterThan(0);
    expect(finishes(() => redactOutput(text).length)).toBeGreaterThan(0);
  });
});
