// The instructions of an image's history as a record shows them (src/util/redact-instruction.ts):
// BuildKit writes ENV, ARG and LABEL values unquoted, so a secret's value runs to the next NAME=.
import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../src/util/redact.js';
import { MAX_INSTRUCTION, redactInstruction } from '../../src/util/redact-instruction.js';
import { finishes } from '../helpers/hang-guard.js';

const R = REDACTED;

describe('redactInstruction', () => {
  it.each<[string, string, string]>([
    // ENV as BuildKit's dispatchEnv writes it: `ENV` then each pair as KEY=value, unquoted.
    ['ENV: a value with blanks', 'ENV DB_PASSWORD=correct horse battery staple', `ENV DB_PASSWORD=${R}`],
    [
      'ENV: several pairs on one line, the secret one in the middle',
      'ENV A=1 DB_PASSWORD=correct horse battery staple LANG=C.UTF-8',
      `ENV A=1 DB_PASSWORD=${R} LANG=C.UTF-8`,
    ],
    [
      'ENV: the names widened later (PASS, PAT, CREDS as words)',
      'ENV DB_PASS=hunter2 GH_PAT=my pat AWS_CREDS=a:b PATH=/usr/bin:/bin',
      `ENV DB_PASS=${R} GH_PAT=${R} AWS_CREDS=${R} PATH=/usr/bin:/bin`,
    ],
    [
      'ENV: an innocent name keeps its blanks',
      'ENV GREETING=hello big world',
      'ENV GREETING=hello big world',
    ],
    ['ENV: an empty secret', 'ENV HF_TOKEN=', `ENV HF_TOKEN=${R}`],
    [
      'RUN: a quoted part and what the shell joins to it',
      "RUN /bin/sh -c DB_PASSWORD='s3cr'etPart123 ./migrate",
      `RUN /bin/sh -c DB_PASSWORD=${R} ./migrate`,
    ],
    [
      'RUN: export of a double-quoted part, joined',
      'RUN /bin/sh -c export API_KEY="sk"-live-4f9a2b && x',
      `RUN /bin/sh -c export API_KEY=${R} && x`,
    ],
    [
      "ENV: the classic builder's #(nop) prefix",
      '/bin/sh -c #(nop)  ENV DB_PASSWORD=correct horse battery staple',
      `/bin/sh -c #(nop)  ENV DB_PASSWORD=${R}`,
    ],
    [
      'ENV: the legacy form, one name and the rest',
      'ENV DB_PASSWORD correct horse staple',
      `ENV DB_PASSWORD ${R}`,
    ],
    ['ENV: the legacy form, an innocent name', 'ENV HOME /root', 'ENV HOME /root'],
    ['ENV: looks legacy but holds a pair', 'ENV A HF_TOKEN=x y', `ENV A HF_TOKEN=${R}`],
    // ARG as dispatchArg writes it: KEY=value (the value given), or KEY alone.
    [
      'ARG: a secret with blanks, then another',
      'ARG HF_TOKEN=hf secret words TORCH=2.6',
      `ARG HF_TOKEN=${R} TORCH=2.6`,
    ],
    ['ARG: a name without a value', 'ARG HF_TOKEN', 'ARG HF_TOKEN'],
    ['ARG: a bare name, then a pair', 'ARG MODE DB_PASS=a b', `ARG MODE DB_PASS=${R}`],
    // RUN with build arguments: `|N K=V ... <shell> <script>` (RUN in front with BuildKit).
    [
      'RUN |N: the secret first, its value with blanks',
      'RUN |2 HF_TOKEN=two words TORCH=2.6 /bin/sh -c pip install torch # buildkit',
      `RUN |2 HF_TOKEN=${R} TORCH=2.6 /bin/sh -c pip install torch # buildkit`,
    ],
    [
      'RUN |N: the secret last, its value to where the shell begins',
      'RUN |2 TORCH=2.6 HF_TOKEN=two words /bin/bash -o pipefail -c pip install torch # buildkit',
      `RUN |2 TORCH=2.6 HF_TOKEN=${R} /bin/bash -o pipefail -c pip install torch # buildkit`,
    ],
    [
      'RUN |N: the exec form (no shell): the last value is its first word',
      'RUN |1 HF_TOKEN=abc python /app/x.py',
      `RUN |1 HF_TOKEN=${R} python /app/x.py`,
    ],
    [
      "RUN |N: the classic builder's (no RUN), and the script's own assignments",
      `|1 GH_PAT=abc /bin/sh -c DB_PASS="a b c" API_KEY='d e' X=1 make`,
      `|1 GH_PAT=${R} /bin/sh -c DB_PASS=${R} API_KEY=${R} X=1 make`,
    ],
    [
      'RUN |N: innocent arguments kept',
      'RUN |2 TORCH=2.6 PY=3.11 /bin/sh -c pip install torch==$TORCH',
      'RUN |2 TORCH=2.6 PY=3.11 /bin/sh -c pip install torch==$TORCH',
    ],
    // LABEL as dispatchLabel writes it: masked by key as image.labels are.
    [
      'LABEL: a secret key with blanks; standard keys kept',
      'LABEL com.acme.api_key=sec ret maintainer=me org.opencontainers.image.authors=a b',
      `LABEL com.acme.api_key=${R} maintainer=me org.opencontainers.image.authors=a b`,
    ],
    // A script's commands: a secret option's value, a secret argument.
    [
      "RUN: a login's password, htpasswd's, a tool's secret setting, a key as a login's argument",
      'RUN /bin/sh -c docker login -u bob --password hunter ghcr.io && htpasswd -Bbn bob hunter > /auth',
      `RUN /bin/sh -c docker login -u bob --password ${R} ghcr.io && htpasswd -Bbn bob ${R} > /auth`,
    ],
    [
      'RUN |N: the script after the arguments',
      'RUN |1 TORCH=2.6 /bin/sh -c wandb login 0123456789abcdef0123 && aws configure set aws_secret_access_key wJalr9XUtn',
      `RUN |1 TORCH=2.6 /bin/sh -c wandb login ${R} && aws configure set aws_secret_access_key ${R}`,
    ],
    [
      "RUN: BuildKit's comment after htpasswd; a login's and a setting's word with no credential's shape (a script is commands)",
      'RUN /bin/sh -c htpasswd -Bbn u hunter && wandb login abcdefghij && git config --global github.token abcdefgh # buildkit',
      `RUN /bin/sh -c htpasswd -Bbn u ${R} && wandb login ${R} && git config --global github.token ${R} # buildkit`,
    ],
    [
      "RUN: a command inside another's quotes; an option's value after a blank",
      'RUN /bin/sh -c su app -c "pip install x" && mysql -uroot -phunter && tool --token hunter # buildkit',
      `RUN /bin/sh -c su app -c "pip install x" && mysql -uroot -p${R} && tool --token ${R} # buildkit`,
    ],
    [
      "RUN: a script's commands that hold no secret",
      'RUN /bin/sh -c mkdir -p /app && pip install --user torch && git config --global user.name ci',
      'RUN /bin/sh -c mkdir -p /app && pip install --user torch && git config --global user.name ci',
    ],
    // Tokens of known forms and URL logins anywhere (redactText).
    [
      'a token under an innocent name, a URL login in a script',
      'RUN /bin/sh -c pip install --index-url https://u:pw@h/simple x # hf_abcdefghijklmnopqrstuvwxyz',
      `RUN /bin/sh -c pip install --index-url https://u:${R}@h/simple x # ${R}`,
    ],
  ])('%s', (_what, text, shown) => {
    expect(redactInstruction(text)).toBe(shown);
  });

  it('masking again changes nothing (a record read back is masked again)', () => {
    for (const text of [
      `ENV DB_PASSWORD=${R} LANG=C.UTF-8`,
      `ENV DB_PASSWORD ${R}`,
      `RUN |2 TORCH=2.6 HF_TOKEN=${R} /bin/sh -c make # buildkit`,
      `LABEL com.acme.api_key=${R} maintainer=me`,
      `RUN /bin/sh -c ${'echo x && '.repeat(100)}DB_PASS=abc`,
      `RUN /bin/sh -c docker login -p ${R} && htpasswd -Bbn bob ${R}`,
    ]) {
      const once = redactInstruction(text);
      expect(redactInstruction(once)).toBe(once);
    }
  });

  it("an older capture's partial mask reads as today's whole one", () => {
    // Before, only the first word was masked: the same instruction must compare equal.
    const old = `ENV DB_PASSWORD=${R} horse battery staple`;
    expect(redactInstruction(old)).toBe(redactInstruction('ENV DB_PASSWORD=correct horse battery staple'));
  });

  it(`clips long scripts to ${MAX_INSTRUCTION} characters, after masking`, () => {
    const out = redactInstruction(`RUN /bin/sh -c ${'echo x && '.repeat(100)}true`);
    expect(out).toHaveLength(MAX_INSTRUCTION);
    expect(out.endsWith('…')).toBe(true);
  });

  // Backtracking on these inputs would be quadratic in a megabyte: a hang the guard stops.
  it('is linear on a huge instruction', () => {
    const got = finishes(() =>
      [
        `ENV ${'A=1 '.repeat(200_000)}`,
        `RUN |3 ${'x'.repeat(1_000_000)}`,
        `LABEL ${'k '.repeat(500_000)}`,
        `RUN /bin/sh -c ${'docker login --password -p x; '.repeat(30_000)}`,
        `RUN /bin/sh -c ${'wandb login '.repeat(80_000)}`,
      ].map((t) => redactInstruction(t)),
    );
    for (const out of got) expect(out).toHaveLength(MAX_INSTRUCTION);
  });
});
