// The bundled action (dist/index.js) run as a GitHub runner runs it: INPUT_* variables, the
// GITHUB_OUTPUT file, against the real engine, buildx and local registry.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stringify } from 'yaml';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { startWheelIndex, type WheelIndex } from '../helpers/wheel-index.js';

const env = inject('dockerEnv');

/** Parse the GITHUB_OUTPUT file (name<<DELIM ... DELIM blocks). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

function runAction(inputs: Record<string, string>, workspace: string) {
  const outputFile = path.join(workspace, 'github-output');
  writeFileSync(outputFile, '');
  // A push event to the default branch, as the runner writes it.
  const eventFile = path.join(workspace, 'event.json');
  writeFileSync(
    eventFile,
    JSON.stringify({ ref: 'refs/heads/main', repository: { default_branch: 'main' } }),
  );
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_SHA: 'feedc0de1234567890',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: 'o/hello-ml',
    GITHUB_SERVER_URL: 'https://github.com',
    RUNNER_TEMP: workspace,
    ML_IMAGE_CACHE_DIR: path.join(workspace, '.ml-image-cache'),
  };
  for (const [k, v] of Object.entries(inputs)) childEnv[`INPUT_${k.toUpperCase()}`] = v;
  return new Promise<{ code: number | null; stdout: string; outputs: Record<string, string> }>((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/index.js')], {
      env: childEnv,
      cwd: workspace,
    });
    let stdout = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stdout += b));
    child.on('close', (code) =>
      resolve({ code, stdout, outputs: parseOutputFile(readFileSync(outputFile, 'utf8')) }),
    );
  });
}

describe.skipIf(!env.available)('the bundled action on a runner-like environment', () => {
  const images = env.images!;
  let index: WheelIndex;
  let ws: string;
  beforeAll(async () => {
    index = await startWheelIndex([{ name: 'tqdm', version: '4.66.0' }]);
    ws = mkdtempSync(path.join(tmpdir(), 'ml-image-action-it-'));
  });
  afterAll(async () => {
    await index?.close();
    rmSync(ws, { recursive: true, force: true });
  });

  it('validates, plans and builds the example for both platforms, publishing digests and tags', async () => {
    const example = path.join(REPO_ROOT, 'examples', 'hello-ml');
    writeFileSync(
      path.join(ws, 'ml-image.yml'),
      stringify({
        image: { name: 'ml-image-it/action-hello', registry: images.registry, version: '0.2.0' },
        variants: [{ python: '3.11' }],
        python: { requirements: [path.join(example, 'requirements.txt')], indexUrl: index.url },
        build: {
          context: example,
          network: 'host',
          mirrors: { 'docker.io/library/python': `${images.registry}/ml-image-test/python` },
        },
      }),
    );
    const r = await runAction({ config: 'ml-image.yml', 'result-dir': 'results' }, ws);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('::group::build cpu linux/arm64');
    const digests = JSON.parse(r.outputs.digests!);
    expect(digests.cpu).toMatch(/^sha256:[0-9a-f]{64}$/);
    const tags = JSON.parse(r.outputs.tags!).cpu as string[];
    const repo = `${images.registry}/ml-image-it/action-hello`;
    // On the default branch: version, sha, the variant's moving tag and latest (first variant).
    expect(tags).toEqual([`${repo}:0.2.0-cpu`, `${repo}:sha-feedc0d-cpu`, `${repo}:cpu`, `${repo}:latest`]);
    expect(JSON.parse(r.outputs.matrix!).include).toHaveLength(2);
    const build = JSON.parse(readFileSync(path.join(ws, 'results', 'build.json'), 'utf8'));
    expect(build.variants[0].digest).toBe(digests.cpu);
  });

  it('fails the step with an annotation per config problem', async () => {
    writeFileSync(path.join(ws, 'bad.yml'), 'image: {name: a/b}\nvariants: [{cuda: cu128}]\n');
    const r = await runAction({ config: 'bad.yml' }, ws);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '::error title=ml-image config,file=bad.yml::variants[0].cuda: expected a version like "12.8", got "cu128"',
    );
  });
});
