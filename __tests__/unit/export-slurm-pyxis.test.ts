// The Slurm job runs every suite through Pyxis (srun --container-image). On a cluster without the
// plugin, srun refuses the flag, and the import step's failure read as a bad image reference or bad
// registry credentials: the job says what is missing, exit 3, before any srun.
import { describe, expect, it } from 'vitest';
import { PYXIS_CHECK_SHELL, slurmScript } from '../../src/export/slurm.js';
import { slurm } from '../helpers/export-fixtures.js';

describe('Slurm: a cluster without Pyxis', () => {
  it.each([
    ['CPU only', slurm({ gpusPerNode: 0 })],
    ['8 GPUs', slurm({ gpusPerNode: 8 })],
    ['whole nodes, 2 of them', slurm({ gpusPerNode: 'all', nodes: 2 })],
  ])('%s: checks srun --help for --container-image before any step, exit 3', (_n, o) => {
    const text = slurmScript(o);
    const lines = text.split('\n');
    const check = lines.findIndex((l) => l === 'case $(srun --help 2>&1) in');
    expect(check).toBeGreaterThan(0);
    expect(lines[check + 1]).toBe('  *--container-image*) ;;');
    expect(lines.slice(check, check + 6).join('\n')).toMatch(
      /ml-image: no Pyxis on [^\n]*--container-image[^\n]*no suite ran[^\n]*\n\s+exit 3 ;;/,
    );
    // Before any srun that runs something (the GPU count, the import, the suites) and the EXIT trap.
    const firstRun = lines.findIndex((l) => /^[^#]*\bsrun --(nodes|ntasks)/.test(l) || /^\s*trap /.test(l));
    expect(firstRun).toBeGreaterThan(check);
    const gpuCount = lines.findIndex((l) => l.startsWith('for g_node in'));
    if (gpuCount >= 0) expect(gpuCount).toBeGreaterThan(check);
    expect(text).toContain(PYXIS_CHECK_SHELL);
  });

  it('a job whose every suite skips is not written (no container step to check for: exit 2)', () => {
    expect(() => slurmScript(slurm({ suites: ['custom'] }))).toThrow(/no smoke suite to export/);
  });
});
