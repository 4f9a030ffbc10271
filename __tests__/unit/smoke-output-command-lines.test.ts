// A secret on a command line in a smoke test's output (src/util/redact-output-options.ts, through
// redactOutput): a secret option's value, a variable's NAME=value glued to an option or alone in a
// quoted item, a netrc password; masked batch and live; a help text's synopsis, a tokenizer's
// options and prose kept.
import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../src/util/redact.js';
import { redactOutput } from '../../src/util/redact-instruction.js';
import { maskCommandLines, secretOption } from '../../src/util/redact-output-options.js';
import { secretKey } from '../../src/util/redact-output-pairs.js';
import { fill, finishes, MB } from '../helpers/hang-guard.js';
import { shownLive } from '../helpers/live-view.js';

const R = REDACTED;
const lines = (...l: string[]) => l.join('\n');

describe('secretOption: which options name a secret', () => {
  it.each<[string, boolean]>([
    ['token', true],
    ['password', true],
    ['passwd', true],
    ['secret', true],
    ['api-key', true],
    ['hf-token', true],
    ['hub_token', true],
    ['wandb-api-key', true],
    ['client-secret', true],
    ['github-token', true],
    ['pad-token', false],
    ['eos-token', false],
    ['max-new-tokens', false],
    ['tokenizer', false],
    ['token-file', false],
    ['password-stdin', false],
    ['key', false],
    ['auth', false],
  ])('%s: %s', (name, want) => {
    expect(secretOption(name)).toBe(want);
  });

  it.each<[string, boolean]>([
    ['hf_token', true],
    ['hub_token', true],
    ['github_token', true],
    ['wandbKey', true],
    ['openai_api_key', true],
    ['bot_token', true],
    ['account_key', true],
    ['sasToken', true],
    ['encryption_key', true],
    ['signing_key', false],
    ['primary_key', false],
    ['pad_token', false],
    ['mask_token', false],
    ['image_token', false],
    ['max_new_tokens', false],
  ])("secretKey's service names: %s: %s", (name, want) => {
    expect(secretKey(name)).toBe(want);
  });
});

const LEAKS: [string, string, string][] = [
  [
    "a shell trace's secret options: `=`, a blank, quoted, one dash (Go's flags)",
    lines(
      '+ docker login -u bob --password=PLANTED1 ghcr.io',
      '+ docker login -u bob --password PLANTED2 ghcr.io',
      '+ huggingface-cli login --token PLANTED3 --add-to-git-credential',
      'python train.py --wandb-api-key PLANTED4 --lr 0.1 --hub_token=PLANTED5',
      'twine upload --password "PLANTED6 x" dist/*',
      'vault login -token PLANTED7',
    ),
    lines(
      `+ docker login -u bob --password=${R} ghcr.io`,
      `+ docker login -u bob --password ${R} ghcr.io`,
      `+ huggingface-cli login --token ${R} --add-to-git-credential`,
      `python train.py --wandb-api-key ${R} --lr 0.1 --hub_token=${R}`,
      `twine upload --password "${R}" dist/*`,
      `vault login -token ${R}`,
    ),
  ],
  [
    'an argv as Python prints it; a variable glued to an option; a quoted NAME=value item',
    lines(
      "sys.argv=['train.py', '--hf-token', 'PLANTED1', '--epochs', '3']",
      'docker run --env=HF_TOKEN=PLANTED2 --build-arg=GH_TOKEN=PLANTED3 img',
      '"Env": ["HF_TOKEN=PLANTED4", "HOME=/root"]',
      "Popen(['env', 'GH_TOKEN=PLANTED5', 'python'])",
    ),
    lines(
      `sys.argv=['train.py', '--hf-token', '${R}', '--epochs', '3']`,
      `docker run --env=HF_TOKEN=${R} --build-arg=GH_TOKEN=${R} img`,
      `"Env": ["HF_TOKEN=${R}", "HOME=/root"]`,
      `Popen(['env', 'GH_TOKEN=${R}', 'python'])`,
    ),
  ],
  [
    "a lower-case key with a service's name: a repr's keyword, JSON",
    lines("Namespace(hf_token='PLANTED1', lr=0.1)", 'args: {"github_token": "PLANTED2"}'),
    lines(`Namespace(hf_token='${R}', lr=0.1)`, `args: {"github_token": "${R}"}`),
  ],
  [
    'a netrc entry on one line, and over several',
    lines(
      'machine api.wandb.ai login user password PLANTED1',
      'machine github.com',
      '  login bob',
      '  password PLANTED2',
    ),
    lines(
      `machine api.wandb.ai login user password ${R}`,
      'machine github.com',
      '  login bob',
      `  password ${R}`,
    ),
  ],
];

// The second review's findings: each row fails on the commit before its fix.
LEAKS.push(
  [
    "a secret option after a flag; an argv one item a line (docker inspect's Args, pprint's list); a dotted option",
    lines(
      '+ python run.py --use_auth_token --hub_token PLANTED1 --password --token PLANTED2',
      '        "Args": [',
      '            "--token",',
      '            "PLANTED3"',
      '        ],',
      "['python',",
      " '--api-key',",
      " 'PLANTED4']",
      'jupyter lab --NotebookApp.token=PLANTED5',
    ),
    lines(
      `+ python run.py --use_auth_token --hub_token ${R} --password --token ${R}`,
      '        "Args": [',
      '            "--token",',
      `            "${R}"`,
      '        ],',
      "['python',",
      " '--api-key',",
      ` '${R}']`,
      `jupyter lab --NotebookApp.token=${R}`,
    ),
  ],
  [
    "a login's -p, a user's password (curl -u), a credential's shape after a blank outside a trace",
    lines(
      '+ docker login -u bob -p PLANTED1 ghcr.io',
      '+ twine upload -u __token__ -p PLANTED2 dist/*',
      'curl -u bob:PLANTED3 https://x/ --proxy-user=p:PLANTED4',
      'Running: hf upload --token hfPLANTED5x org/model',
    ),
    lines(
      `+ docker login -u bob -p ${R} ghcr.io`,
      `+ twine upload -u __token__ -p ${R} dist/*`,
      `curl -u bob:${R} https://x/ --proxy-user=p:${R}`,
      `Running: hf upload --token ${R} org/model`,
    ),
  ],
  [
    "a form's body (curl -d, a log's request body): its secret keys' values; a URL's query too",
    lines(
      "curl -d 'grant_type=password&username=u&password=PLANTED1&client_secret=PLANTED2' https://x/token",
      'body: token=PLANTED3&scope=read',
      'https://h/cb?code=abc&state=xyz&access_token=PLANTED4',
    ),
    lines(
      `curl -d 'grant_type=password&username=u&password=${R}&client_secret=${R}' https://x/token`,
      `body: token=${R}&scope=read`,
      `https://h/cb?code=abc&state=xyz&access_token=${R}`,
    ),
  ],
);

// The third review's findings.
LEAKS.push([
  "a login's --password after a blank; a trace line longer than 512 characters; a prompt's line; curl -u's digits; a service's key",
  lines(
    'docker login -u bob --password hunter ghcr.io',
    `+ docker run ${'-e A=1 '.repeat(80)}--password hunter img`,
    'user@host:~$ mysql --password hunter; (venv) $ tool --token hunter',
    'curl -u admin:123456 https://x/',
    "Bot(bot_token='123456:ABCdef', app_key='abc123xyz')",
  ),
  lines(
    `docker login -u bob --password ${R} ghcr.io`,
    `+ docker run ${'-e A=1 '.repeat(80)}--password ${R} img`,
    `user@host:~$ mysql --password ${R}; (venv) $ tool --token ${R}`,
    `curl -u admin:${R} https://x/`,
    `Bot(bot_token='${R}', app_key='${R}')`,
  ),
]);

describe('a secret on a command line', () => {
  it.each(LEAKS)('%s', (_what, text, want) => {
    expect(redactOutput(text)).toBe(want);
    expect(redactOutput(want)).toBe(want);
    expect(shownLive(text)).toBe(want);
  });

  it.each<[string, string]>([
    [
      "a help text's synopsis and options: placeholders",
      lines(
        'usage: train.py [-h] [--hf-token HF_TOKEN] [--password <password>]',
        '  --token TEXT          Your Hugging Face token.',
        '  -p, --password [PASSWORD]',
        '  --api-key {key}',
      ),
    ],
    [
      "a tokenizer's options, files and stdin, references, buildx's secret, empty",
      lines(
        'generate.py --pad-token [PAD] --eos-token </s> --max-new-tokens 50 --tokenizer bert',
        'docker login --password-stdin --username bob; cat --token-file /run/secrets/hf',
        'huggingface-cli login --token $HF_TOKEN; twine upload --password "${PYPI_TOKEN}"',
        'docker buildx build --secret id=hf,src=/run/secrets/hf --secret=id=gh,env=GH_TOKEN .',
        'run --token= --password --verbose',
      ),
    ],
    [
      "help texts (argparse, click, Go's flag package) and prose about an option, outside a shell's trace",
      lines(
        '  --password            Prompt for password',
        '  --use_auth_token      Will use the token generated when running `huggingface-cli login`',
        '  --token / --no-token  Use a token.',
        '  --hub-token str       The token to use (default: None)',
        '  --api-key     OpenAI API key',
        '  -token string',
        '        API token',
        'You passed --token but no HF_TOKEN was found. Note: --token overrides HF_TOKEN.',
        'Error: No such option: --token Did you mean --tokens? The --token flag is deprecated.',
        '--use_auth_token True --model gpt2; docker run -u 1000:1000 img; mysql -u root db',
        "TrainingArguments(output_dir='out', hub_token=None, push_to_hub=False) hub_token=<HUB_TOKEN>",
        'a=1&b=2 q=token&x=1 grant_type=password&username=bob',
        'pip install -U git+https://github.com/huggingface/transformers; pip install --user https://x/torch.whl',
        'git push -u git@github.com:org/repo.git main; docker run -u www-data:www-data img',
        'pytest tests/login/test_x.py -p no:cacheprovider; INFO login succeeded; mkdir -p /tmp/out',
        'ssh login@host -p 2222; docker compose -f upload.yml -p myproj up',
      ),
    ],
    [
      'prose about an option; quoted items that hold no secret; a line that starts with `password`',
      lines(
        'use --token to log in; --password is required; pass --token or set HF_TOKEN',
        "['PATH=/usr/bin', 'LANG=C.UTF-8', \"HOME=/root\"]",
        'password incorrect for user bob',
      ),
    ],
  ])('kept: %s', (_what, text) => {
    expect(redactOutput(text)).toBe(text);
    expect(shownLive(text)).toBe(text);
  });
});

describe('linear on hostile output (a megabyte)', () => {
  it.each<[string, string]>([
    ['options without values', fill('--token ')],
    ['an unclosed quoted value after an option', `--token "${fill('--token ')}`],
    ['quoted items with escaped quotes, never closed', fill('"A=\\"')],
    ['quoted items, long values', fill(`'HF_TOKEN=${'x'.repeat(2000)}`)],
    ['glued options', fill('--env=HF_TOKEN=')],
    ['netrc machines without a password', fill('machine h login u ')],
    ['argv items', fill("'--token', ")],
    ['netrc words that could be its entry', `${fill('default login ')}password`],
    ['netrc accounts', `${fill('default account default login ')}password`],
    ['login commands without -p', fill('login x -p -p ')],
    ['user options', fill('-u a:-u a:')],
    ['form pairs', fill('a=b&')],
    ['login commands, many on a line', fill('docker login -p x --password y; ')],
    ['options after a blank on one long line', `curl ${fill('--password hunter -u a:b ')}`],
    ['prompts and commands', fill('$ a;|& --token hunter\n')],
    ['a command of registry tools, no login', `${fill('docker ')} -p x`],
    ['quoted items whose escaped quotes never close them', fill("'A=\\")],
    ['a prompt of one long word', `${fill('x')}$ --token hunter`],
    ['options whose values are options', fill('--token=')],
    ['variables glued to options, no secret', fill('--e=A=')],
    ['secret variables glued to options', fill('--env=HF_X=')],
    ["a login's -p values that are options", `docker login ${'-p='.repeat(160)}${'a'.repeat(MB)}`],
    ['form pairs, secret keys, no value', fill('password=&')],
    ['form pairs that never end', ` ${fill('a=b=c')}&`],
  ])('%s', (_what, text) => {
    expect(finishes(() => maskCommandLines(text).length)).toBeGreaterThan(0);
    expect(finishes(() => redactOutput(text).length)).toBeGreaterThan(0);
  });
});
