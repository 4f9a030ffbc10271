// The Slurm job's secret scrub under real bash for variables whose names are no shell identifiers:
// GitHub Actions sets INPUT_HF-TOKEN for an input hf-token, bash passes such a variable on to every
// child but can neither list it (compgen -e) nor unset it. Each srun runs under `env -u NAME` for the
// secret-looking ones (STEP_ENV), and the job's one line counts and names them.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hideSecretsShell } from '../../src/export/secret-env.js';
import { slurmScript } from '../../src/export/slurm.js';
import { SMOKE_PY, slurm } from '../helpers/export-fixtures.js';
import { missingTools } from '../helpers/tools.js';

const SKIP = missingTools('the Slurm job secret scrub (export-secret-names.test.ts)', ['bash']);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-secret-names-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const HF = `hf_${'abcdefghij'.repeat(3)}`;
const GHP = `ghp_${'P1'.repeat(18)}`;
/** Secret-looking by name or by value, none of them a shell identifier. */
const ODD_SECRETS: Record<string, string> = {
  'INPUT_HF-TOKEN': HF,
  'A-TOKEN': 'plain-value-1',
  'x.secret': 'plain-value-2',
  'INPUT_INDEX-URL': 'https://alice:plantedpw9@pypi.example.com/simple',
  'odd name': GHP,
};
/** Passed on: innocent names and values, kept prefixes, names ML_IMAGE_KEEP_ENV gives. */
const ODD_KEPT: Record<string, string> = {
  'INPUT_PYTHON-VERSION': '3.12',
  'SLURM_ODD-TOKEN': 'slurm-own',
  'NGC-API-KEY': 'kept-by-name',
  ML_IMAGE_KEEP_ENV: 'NGC-API-KEY',
};

/** NUL-separated NAME=VALUE entries as a map. */
const envOf = (text: string) =>
  Object.fromEntries(
    text
      .split('\0')
      .filter((e) => e.includes('='))
      .map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]),
  );

describe.skipIf(SKIP)('names that are no shell identifiers', () => {
  it('hide_secrets: withheld from what a step gets (STEP_ENV), counted and named once', () => {
    const r = spawnSync('bash', ['-c', `set -uo pipefail\n${hideSecretsShell()}\n"\${STEP_ENV[@]}" env -0`], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HF_TOKEN: HF, ...ODD_SECRETS, ...ODD_KEPT },
    });
    expect(r.status).toBe(0);
    const seen = envOf(r.stdout);
    for (const name of [...Object.keys(ODD_SECRETS), 'HF_TOKEN']) expect(seen).not.toHaveProperty(name);
    expect(seen).toMatchObject(ODD_KEPT);
    const said = r.stderr.split('\n').filter((l) => l.startsWith('ml-image: not passing'));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^ml-image: not passing 6 variable\(s\) /);
    for (const name of [...Object.keys(ODD_SECRETS), 'HF_TOKEN']) expect(said[0]).toContain(` ${name}`);
    for (const value of [HF, GHP, 'plantedpw9']) expect(r.stderr).not.toContain(value);
  });

  it('the job: no srun call, the import and the EXIT trap included, sees them', () => {
    writeFileSync(path.join(dir, 'ml_image_smoke.py'), SMOKE_PY);
    const job = path.join(dir, 'job.sbatch');
    writeFileSync(
      job,
      slurmScript(
        slurm({ exportDir: dir, nodes: 1, gpusPerNode: 1, suites: ['imports', 'pip-check', 'gpu'] }),
      ),
    );
    const bin = path.join(dir, 'bin');
    const log = path.join(dir, 'log');
    mkdirSync(bin);
    mkdirSync(log);
    // srun records its environment (what it hands the task) and its argv; scontrol names one node with a GPU.
    const fake = {
      // Its --help lists Pyxis's --container-image (the job checks for it first).
      srun: `if [ "$*" = --help ]; then echo '      --container-image=[USER@][REGISTRY#]IMAGE[:TAG]|PATH'; exit 0; fi\nn=$(ls "$FAKE_LOG" | wc -l)\nenv -0 > "$FAKE_LOG/$(printf %03d "$n").env"\nprintf '%s\\n' "$*" > "$FAKE_LOG/$(printf %03d "$n").argv"\nexit 0`,
      scontrol: `case "$1 $2" in\n  "show node") echo "NodeName=$3"; echo "   Gres=gpu:1" ;;\n  *) echo node-a ;;\nesac`,
    };
    for (const [name, body] of Object.entries(fake)) {
      writeFileSync(path.join(bin, name), `#!/bin/bash\n${body}\n`);
      chmodSync(path.join(bin, name), 0o755);
    }
    const r = spawnSync('bash', [job], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        PATH: `${bin}:${process.env.PATH}`,
        HOME: dir,
        FAKE_LOG: log,
        SLURM_JOB_ID: '79',
        SLURM_NNODES: '1',
        SLURM_JOB_NODELIST: 'node-a',
        SLURM_SUBMIT_DIR: dir,
        HF_TOKEN: HF,
        ...ODD_SECRETS,
        ...ODD_KEPT,
      },
    });
    const envs = readdirSync(log).filter((f) => f.endsWith('.env'));
    // The import, three suites, the container's removal at exit.
    expect(envs.length, r.stderr).toBe(5);
    for (const f of envs) {
      const seen = envOf(readFileSync(path.join(log, f), 'utf8'));
      for (const name of [...Object.keys(ODD_SECRETS), 'HF_TOKEN']) expect(seen).not.toHaveProperty(name);
      expect(seen).toMatchObject(ODD_KEPT);
    }
    expect(r.stderr).toMatch(/ml-image: not passing 6 variable\(s\) whose names or values look secret/);
    expect(r.stderr).toContain(' INPUT_HF-TOKEN');
    expect(r.stderr).not.toContain(HF);
  });
});
