// Hardening rules for the copy-ready caller workflows in workflows/.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/docker-env.js';

const dir = path.join(REPO_ROOT, 'workflows');
const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));

interface Step {
  uses?: string;
  run?: string;
}
interface Job {
  permissions?: unknown;
  steps?: Step[];
}

describe.each(files)('workflows/%s', (file) => {
  const text = readFileSync(path.join(dir, file), 'utf8');
  const wf = parse(text) as { on: unknown; permissions?: unknown; jobs: Record<string, Job> };
  const steps = Object.values(wf.jobs).flatMap((j) => j.steps ?? []);

  it('pins every third-party action by full commit SHA', () => {
    for (const s of steps.filter(
      (s) => s.uses && !s.uses.startsWith('./') && !s.uses.startsWith('ml-image-action/'),
    )) {
      expect(s.uses, s.uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
    }
  });

  it('declares minimal permissions at the top and per job', () => {
    expect(wf.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(wf.jobs)) expect(job.permissions).toBeDefined();
  });

  it('never uses pull_request_target', () => {
    expect(JSON.stringify(wf.on)).not.toContain('pull_request_target');
  });

  it('passes expressions to scripts through env, never inlined in run:', () => {
    for (const s of steps.filter((s) => s.run)) expect(s.run).not.toMatch(/\$\{\{/);
  });
});
