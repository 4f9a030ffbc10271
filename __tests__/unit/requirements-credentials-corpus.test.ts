// The literal-credential refusal (credentials.ts, credential-values.ts) over a review's corpus of
// 122 realistic requirements lines (each added after "numpy"): the 98 harmless ones (documentation
// links with placeholders in comments, pip-compile and uv headers with masked logins, forum links
// under /t/, long organization names as user names, $NAME and %NAME% examples in comments, lock
// files, direct URLs) are accepted; the 24 that hold a real secret (in a line or a comment, in a
// URL or bare, percent-encoded) are refused, exit 2, naming the file and line, the value never in
// what the user sees. 44 of the 98 were refused and 4 of the 24 kept before this table.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonError } from '../../src/cli/main.js';
import { ConfigError } from '../../src/errors.js';
import { readRequirements } from '../../src/requirements/read.js';
import { inputErrorOf } from '../helpers/errors.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-req-corpus-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The variables the corpus's ${NAME} lines name, set (their values are no literal). */
const ENV = {
  GH_TOKEN: 'x',
  PYPI_USER: 'u',
  PYPI_TOKEN: 't',
  S3_SIG: 's',
  CODEARTIFACT_AUTH_TOKEN: 'c',
  AZURE_SAS: 'a',
  SIG: 's',
  GITLAB_TOKEN: 'g',
};
const read = (text: string) => {
  writeFileSync(path.join(dir, 'requirements.txt'), `numpy\n${text}\n`);
  return readRequirements(['requirements.txt'], dir, ENV, { root: dir });
};
/** Everything an error shows: its message, its fix, its problems and the --json form. */
const shown = (e: unknown) =>
  [
    (e as Error).message,
    (e as { fix?: string }).fix ?? '',
    ...((e as ConfigError).problems ?? []),
    JSON.stringify(jsonError(e)),
  ].join('\n');

// [id, the text after "numpy"]
const HARMLESS: [string, string][] = [
  // --- A. doc links with placeholder query strings in comments
  ['A1', '# Get a key: https://console.example.com/settings?api_key=YOUR_KEY'],
  ['A2', '# see https://docs.example.com/auth?token=<token>'],
  ['A3', '# format: https://example.com/download?key=value'],
  ['A4', '# https://acct.blob.core.windows.net/wheels/pkg.whl?sv=2022-11-02&sp=r&sig=XXXX'],
  ['A5', '# https://bucket.s3.amazonaws.com/pkg.whl?X-Amz-Signature=${SIG}'],
  ['A6', '# https://h.example/x?sig=<signature>'],
  ['A7', '# https://h.example/x?token={{token}}'],
  ['A8', '# https://h.example/x?token=$TOKEN'],
  ['A9', '# https://h.example/x?token=%TOKEN%'],
  ['A10', '# https://h.example/x?key=...'],
  ['A11', '# https://maps.googleapis.com/maps/api/geocode/json?address=Paris&key=API_KEY'],
  ['A12', '# https://www.googleapis.com/youtube/v3/videos?part=snippet&key=YOUR_API_KEY'],
  ['A13', '# https://api.openweathermap.org/data/2.5/weather?q=London&appid=YOUR_KEY'],
  ['A14', '# https://gitlab.com/api/v4/projects/1/repository/archive?private_token=<your_access_token>'],
  ['A15', '# https://gitlab.com/api/v4/projects/1/repository/archive?private_token=YOUR_PRIVATE_TOKEN'],
  [
    'A16',
    '# https://storage.googleapis.com/b/o.whl?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=...&X-Goog-Signature=...',
  ],
  ['A17', '# https://h.example/x?token=***'],
  ['A18', '# https://h.example/x?token=[redacted]'],
  ['A19', '# https://h.example/x?token=REDACTED'],
  ['A20', '# https://h.example/x?token=TOKEN'],
  ['A21', '# https://acct.blob.core.windows.net/c/pkg.whl?<SAS_TOKEN>'],
  ['A22', '# https://acct.blob.core.windows.net/c/pkg.whl?sig=${AZURE_SAS}'],
  ['A23', '# https://h.example/x?auth=true'],
  ['A24', '# https://h.example/x?key=1'],
  ['A25', '# https://readthedocs.org/search/?q=token&check_keywords=yes'],
  ['A26', '# https://stackoverflow.com/questions/123/how-to-pass-token?noredirect=1#comment9_123'],
  ['A27', '# https://github.com/pytorch/pytorch/issues?q=is%3Aissue+label%3Aauth'],
  ['A28', '# https://drive.google.com/uc?export=download&id=1AbCdEfGhIjKlMnOpQrStUvWxYz0123456'],
  ['A29', '# https://www.dropbox.com/s/abc123xyz/pkg-1.0-py3-none-any.whl?dl=1'],
  ['A30', '# https://pip.pypa.io/en/stable/topics/authentication/#keyring-support'],
  ['A31', '# https://h.example/x?secret=false&signature=none'],
  [
    'A32',
    'requests==2.31.0  # CVE: https://nvd.nist.gov/vuln/search/results?form_type=Basic&results_type=overview&query=requests&key=cve',
  ],
  ['A33', '# https://example.com/api?key=<YOUR-KEY>'],
  ['A34', '# https://example.com/api?key=YOUR_KEY_HERE&sig=xxxxxxxx'],
  // --- B. index URL examples in comments
  [
    'B1',
    '# pip install -i https://aws:$CODEARTIFACT_AUTH_TOKEN@my_domain-111122223333.d.codeartifact.us-west-2.amazonaws.com/pypi/my_repo/simple/',
  ],
  [
    'B2',
    '# --extra-index-url https://aws:${CODEARTIFACT_AUTH_TOKEN}@my-domain-111122223333.d.codeartifact.us-west-2.amazonaws.com/pypi/my-repo/simple/',
  ],
  [
    'B3',
    '# --index-url https://<FEED_NAME>:<PAT>@pkgs.dev.azure.com/<ORG>/<PROJECT>/_packaging/<FEED>/pypi/simple/',
  ],
  [
    'B4',
    '# --index-url https://__token__:<your_personal_token>@gitlab.example.com/api/v4/projects/<project_id>/packages/pypi/simple',
  ],
  [
    'B5',
    '# --index-url https://<USERNAME>:<PASSWORD>@mycompany.jfrog.io/artifactory/api/pypi/pypi-remote/simple',
  ],
  ['B6', '# --index-url https://user:password@nexus.example.com/repository/pypi-all/simple'],
  [
    'B7',
    '# --extra-index-url https://oauth2accesstoken:$(gcloud auth print-access-token)@us-python.pkg.dev/proj/repo/simple/',
  ],
  ['B8', '# --extra-index-url https://_json_key_base64:KEY@us-python.pkg.dev/PROJECT/REPOSITORY/simple/'],
  ['B9', '# --extra-index-url https://TOKEN:@pypi.fury.io/ACCOUNT/'],
  ['B10', '# conda: https://conda.anaconda.org/t/<TOKEN>/my-channel'],
  ['B11', '# conda: https://conda.anaconda.org/t/YOUR_TOKEN/my-channel'],
  ['B12', '# conda: https://conda.anaconda.org/t/$CONDA_TOKEN/my-channel'],
  ['B13', '# --extra-index-url https://download.pytorch.org/whl/cu121'],
  ['B14', '# --extra-index-url https://pypi.nvidia.com'],
  [
    'B15',
    '# --extra-index-url https://%USERNAME%:%TOKEN%@pkgs.dev.azure.com/org/_packaging/feed/pypi/simple/',
  ],
  ['B16', '# --extra-index-url https://{{username}}:{{token}}@artifactory.example.com/api/pypi/simple'],
  [
    'B17',
    '# --extra-index-url https://$ARTIFACTORY_USER:$ARTIFACTORY_TOKEN@company.jfrog.io/artifactory/api/pypi/pypi/simple',
  ],
  ['B18', '# --extra-index-url https://user:***@host.example/simple'],
  ['B19', '# --extra-index-url https://${PYPI_USER}:${PYPI_TOKEN}@host.example/simple'],
  ['B20', '# --index-url https://__token__:${PYPI_TOKEN}@upload.pypi.org/simple'],
  ['B21', '# git+https://${GH_TOKEN}@github.com/org/private.git'],
  ['B22', '# git+https://$GH_TOKEN@github.com/org/private.git'],
  ['B23', '# git+https://x-access-token:<token>@github.com/org/private.git'],
  ['B24', '# git+https://oauth2:${GITLAB_TOKEN}@gitlab.com/org/private.git'],
  ['B25', '# --index-url https://user:pass@nexus.example.com/repository/pypi/simple'],
  [
    'B26',
    '# --extra-index-url https://<user>:<api-key>@artifactory.example.com/artifactory/api/pypi/repo/simple',
  ],
  ['B27', '# See https://discuss.pytorch.org/t/cuda-12-1-wheels-fail-to-import/187654 for why we pin'],
  ['B28', 'torch==2.1.0  # https://discuss.huggingface.co/t/transformers-4-35-breaks-generate/61234'],
  ['B29', '# https://forums.developer.nvidia.com/t/tensorrt-8-6-python-wheel/256123'],
  ['B30', '# https://discuss.python.org/t/pep-723-inline-script-metadata/12345/10'],
  [
    'B31',
    '# https://my-very-long-organization-name-2024-engineering@dev.azure.com/my-very-long-organization-name-2024-engineering/proj/_git/repo',
  ],
  ['B32', '# https://$oauthtoken:nvapi-XXXXXXXXXXXX@nvcr.io/simple'],
  // --- C. active lines: env var forms, lock files, git, wheels
  ['C1', '--extra-index-url https://${PYPI_USER}:${PYPI_TOKEN}@host.example/simple'],
  ['C2', '--index-url https://__token__:${PYPI_TOKEN}@host.example/simple\nrequests'],
  [
    'C3',
    '#    pip-compile --generate-hashes --output-file=requirements.txt requirements.in\ncertifi==2024.2.2 \\\n    --hash=sha256:0569859f95fc761b18b45ef421b1290a0f65f147e92a1e5eb3e635f9a5e4e66f \\\n    --hash=sha256:dc383c07b76109f368f6106eee2b593b04a011ea4d55f652c6ca24a754d1cdd1\n    # via requests',
  ],
  [
    'C4',
    '# This file was autogenerated by uv via the following command:\n#    uv pip compile requirements.in -o requirements.txt --index-url https://download.pytorch.org/whl/cu121\ntorch==2.1.0+cu121\n    # via -r requirements.in',
  ],
  ['C5', 'mypkg @ git+https://github.com/org/repo.git@0123456789abcdef0123456789abcdef01234567'],
  ['C6', 'mypkg @ git+https://github.com/org/repo.git@v1.2.3#subdirectory=python'],
  [
    'C7',
    'idna @ https://files.pythonhosted.org/packages/c2/e7/a82b05cf63a603df6e68d59ae6a68bf5064484a0718ea5033660af4b54a9/idna-3.6-py3-none-any.whl#sha256=c05567e9c24a6b9faaa835c4821bad0590fbb9d5779e7caa6e1cc4978e7eb24f',
  ],
  [
    'C8',
    'torch @ https://download.pytorch.org/whl/cu121/torch-2.1.0%2Bcu121-cp310-cp310-linux_x86_64.whl#sha256=0d4e8c52a1fcf5ed6cfc256d9a370fcf4360958fc79d0b08a51d55e70914df46',
  ],
  [
    'C9',
    'pkg @ https://registry.example.com/v2/ml/blobs/sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945',
  ],
  [
    'C10',
    'pkg @ https://storage.googleapis.com/bkt/wheels/aGVsbG8td29ybGQtdGhpcy1pcy1hLWxvbmctb2JqZWN0LW5hbWUx/pkg-1.0-py3-none-any.whl',
  ],
  [
    'C11',
    '# poetry export\nattrs==23.2.0 ; python_version >= "3.8" and python_version < "4.0" \\\n    --hash=sha256:935dc3b529c262f6cf76e50877d35a4bd3c1de194fd41f47a2b7ae8f19971f30 \\\n    --hash=sha256:99b87a485a5820b23b879f04c2305b44b951b502fd64be915879d77a7e8fc6f1',
  ],
  ['C12', 'pkg @ https://github.com/org/repo/releases/download/v1.0/pkg-1.0-py3-none-any.whl'],
  ['C13', 'pkg @ https://codeload.github.com/org/repo/tar.gz/refs/tags/v1.0'],
  ['C14', '-f https://data.pyg.org/whl/torch-2.1.0+cu121.html'],
  [
    'C15',
    'flash-attn @ https://github.com/Dao-AILab/flash-attention/releases/download/v2.5.6/flash_attn-2.5.6+cu122torch2.2cxx11abiFALSE-cp310-cp310-linux_x86_64.whl',
  ],
  ['C16', 'mypkg @ git+ssh://git@github.com/org/repo.git@main'],
  ['C17', 'mypkg @ git+https://myuser@bitbucket.org/org/repo.git'],
  ['C18', '--extra-index-url https://${GH_TOKEN}:x-oauth-basic@github.example/simple'],
  ['C19', 'pkg @ https://h.example/pkg-1.0.whl?raw=true'],
  ['C20', 'pkg @ https://bucket.s3.amazonaws.com/pkg-1.0-py3-none-any.whl?X-Amz-Signature=${S3_SIG}'],
  [
    'C21',
    'mypkg @ git+https://gitlab.com/group/sub/repo.git@a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0#egg=mypkg',
  ],
  ['C22', '# https://pypi.org/project/numpy/#history'],
  ['C23', 'pkg @ https://h.example/p-1.0.whl#md5=0123456789abcdef0123456789abcdef'],
  ['C24', 'numpy==1.26.4  # see https://medium.com/@author/why-numpy-2-breaks-abc123'],
  ['C25', '# https://huggingface.co/datasets/org/name/resolve/main/file.parquet?download=true'],
  ['C26', '# https://github.com/org/repo/archive/0123456789abcdef0123456789abcdef01234567.zip'],
  [
    'E1',
    '#\n# This file is autogenerated by pip-compile with Python 3.11\n# by the following command:\n#\n#    pip-compile --index-url=https://__token__:****@gitlab.example.com/api/v4/projects/12/packages/pypi/simple --output-file=requirements.txt requirements.in\n#\nnumpy==1.26.4',
  ],
  [
    'E2',
    '#    uv pip compile requirements.in --extra-index-url https://oauth2:****@gitlab.example.com/api/v4/groups/3/-/packages/pypi/simple',
  ],
  ['E3', '#    pip-compile --extra-index-url=https://****@pypi.fury.io/acct/'],
  ['E4', '# https://h.example/x?token=****'],
  ['E5', '# https://user:xxxxxxxx@host.example/simple'],
  ['E6', 'git+https://gitlab.example.com/t/team-repo.git@v1.0#egg=teamrepo'],
];

// [id, the text after "numpy", the values never shown]
const SECRETS: [string, string, string[]][] = [
  [
    'D1',
    '# --extra-index-url https://__token__:pypi-AgEIcHlwaS5vcmcCJGE0ZjE2YjQ3LTk2ZDktNDk1@upload.pypi.org/simple',
    ['pypi-AgEIcHlwaS5vcmcCJGE0ZjE2YjQ3LTk2ZDktNDk1'],
  ],
  [
    'D2',
    '# https://acct.blob.core.windows.net/c/p.whl?sv=2022-11-02&sig=q8Zk3vD%2FJ1bJkY2Qf8v9u%2Bk%3D',
    ['q8Zk3vD%2FJ1bJkY2Qf8v9u%2Bk%3D', 'q8Zk3vD/J1bJkY2Qf8v9u+k='],
  ],
  [
    'D3',
    'pkg @ git+https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/o/r.git',
    ['ghp_abcdefghijklmnopqrstuvwxyz0123456789'],
  ],
  ['D4', '#https://x.example/p?token=abc123def456', ['abc123def456']],
  ['D5', 'pkg==1.0 #https://u:hunter2@host.example/simple', ['hunter2']],
  ['D6', '\t# https://u:hunter2@host.example/simple', ['hunter2']],
  ['D7', 'pkg @ https://h.example/p.whl  # https://u:hunter2@host.example/simple', ['hunter2']],
  ['D8', '# HF_TOKEN=hf_abcdefghijklmnopqrstuvwxyz012345', ['hf_abcdefghijklmnopqrstuvwxyz012345']],
  [
    'D9',
    '# export PIP_INDEX_URL=https://aws:eyJ2ZXIiOjEsImlzdSI6MTcwMDAwMDAwMCwiZW5jIjoiQTEyOEdDTSJ9.abcdefghijkl@d-1111.d.codeartifact.us-east-1.amazonaws.com/pypi/r/simple/',
    ['eyJ2ZXIiOjEsImlzdSI6MTcwMDAwMDAwMCwiZW5jIjoiQTEyOEdDTSJ9'],
  ],
  ['D10', '# https://h.example/x?Token=abc123', ['abc123']],
  ['D11', '#token: https://h.example/x?access_token=ya29.a0AfH6SMBxyz', ['ya29.a0AfH6SMBxyz']],
  [
    'D12',
    '# api key ghp_abcdefghijklmnopqrstuvwxyz0123456789 for the private repo',
    ['ghp_abcdefghijklmnopqrstuvwxyz0123456789'],
  ],
  ['D13', '# pip install --index-url=https://user:hunter2@host.example/simple pkg', ['hunter2']],
  ['D14', '# "https://u:hunter2@host.example/simple"', ['hunter2']],
  ['D15', '# (https://u:hunter2@host.example/simple)', ['hunter2']],
  ['D16', '# <https://u:hunter2@host.example/simple>', ['hunter2']],
  [
    'D17',
    '# https://HOST/x?X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240101%2Fus-east-1',
    ['AKIAIOSFODNN7EXAMPLE'],
  ],
  ['D18', '# PIP_EXTRA_INDEX_URL=https://u:hunter2@host.example/simple', ['hunter2']],
  ['D19', '#--extra-index-url=https://u:hunter2@host.example/simple', ['hunter2']],
  ['D20', '# https://u:hunter2@host.example/simple', ['hunter2']],
  ['D21', '# index: https://u%3Ahunter2@host.example/simple', ['hunter2']],
  ['D22', '# ?url=https%3A%2F%2Fu%3Ahunter2%40h.example%2Fx', ['hunter2']],
  ['D23', 'pkg @ https://h.example/p.whl#egg=pkg&token=abc123', ['abc123']],
  ['D24', 'numpy\n"# https://u:hunter2@host.example/simple"', ['hunter2']],
];

describe('the review corpus: what is a credential written in a requirements file', () => {
  it.each(HARMLESS)('%s %j: accepted', (_id, text) => {
    expect(read(text).text.startsWith('numpy')).toBe(true);
  });

  it.each(SECRETS)('%s %j: refused naming file:line, the value never shown', (_id, text, values) => {
    const e = inputErrorOf(() => read(text));
    expect(e.exitCode).toBe(2);
    const problems = (e as ConfigError).problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(
      new RegExp(
        `^${path.join(dir, 'requirements.txt')}:\\d+: ".*\\*\\*\\*.*": .*credential written in (the line|a comment)`,
      ),
    );
    for (const v of values) expect(shown(e)).not.toContain(v);
  });
});
