// The OIDC registry templates (workflows/registry-{ecr,gar,acr}.yml): no long-lived key anywhere,
// the OIDC token asked for by the job, every cloud login skipped on a fork's pull request, the
// registry given to the action a valid image.registry, and the action pushing only when not a fork.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateConfigData } from '../../src/config/load.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { githubParserErrors } from '../helpers/workflow-lint.js';

interface Step {
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}

const TEMPLATES = {
  'registry-ecr.yml': ['aws-actions/configure-aws-credentials', 'aws-actions/amazon-ecr-login'],
  'registry-gar.yml': ['google-github-actions/auth', 'docker/login-action'],
  'registry-acr.yml': ['azure/login', 'az acr login'],
};

describe.each(Object.entries(TEMPLATES))('workflows/%s', (file, logins) => {
  const text = readFileSync(path.join(REPO_ROOT, 'workflows', file), 'utf8');
  const wf = parse(text) as { jobs: Record<string, { permissions: Record<string, string>; steps: Step[] }> };
  const job = Object.values(wf.jobs)[0]!;

  it("passes GitHub's workflow parser", async () => {
    expect(await githubParserErrors(file, text)).toEqual([]);
  });

  it('asks for the OIDC token and stores no long-lived key (no secrets.* at all)', () => {
    expect(job.permissions['id-token']).toBe('write');
    expect(text).not.toMatch(/secrets\./);
  });

  it('logs in to the cloud only outside forks, then builds, pushing only outside forks', () => {
    const login = job.steps.filter((s) => logins.some((l) => (s.uses ?? s.run ?? '').startsWith(l)));
    expect(login).toHaveLength(2);
    for (const s of login) expect(s.if).toBe("env.FORK != 'true'");
    const ml = job.steps.find((s) => s.uses?.startsWith('ml-image-action/ml-image-action@'))!;
    expect(ml.with?.push).toBe("${{ env.FORK != 'true' }}");
    expect(job.steps.indexOf(ml)).toBeGreaterThan(job.steps.indexOf(login[1]!));
  });

  it('gives the action a registry that image.registry accepts', () => {
    const registry = ml(job.steps).with!.registry!;
    expect(() =>
      validateConfigData({ image: { name: 'acme/model', registry }, variants: ['cpu'] }, file),
    ).not.toThrow();
  });
});

const ml = (steps: Step[]) => steps.find((s) => s.uses?.startsWith('ml-image-action/ml-image-action@'))!;
