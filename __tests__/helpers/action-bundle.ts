// The bundled action (dist/index.js) started as a GitHub runner starts it: a node process with
// INPUT_* variables (the input name upper-cased, dashes kept), the GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, and the event file. Returns the exit code, the output, the outputs
// and the summary.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './docker-env.js';

export interface BundleRun {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/** action.yml's default of the stages input, as the runner passes it when a step sets none. */
const STAGES_DEFAULT = String(
  (
    parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: unknown }>;
    }
  ).inputs.stages?.default ?? '',
);

/** The GITHUB_OUTPUT file (name<<DELIM ... DELIM blocks, as @actions/core writes them). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[m[1]!] = m[3]!;
  return out;
}

/**
 * Runs dist/index.js (or BUNDLE) in WORKSPACE with INPUTS, the EVENT payload, and ENV on top of
 * what every runner sets (GITHUB_ACTIONS, GITHUB_WORKSPACE, the output, summary and event files,
 * RUNNER_TEMP).
 */
export function runBundle(
  workspace: string,
  inputs: Record<string, string>,
  event: object,
  env: Record<string, string>,
  bundle = path.join(REPO_ROOT, 'dist/index.js'),
  node = process.execPath,
): Promise<BundleRun> {
  const outputFile = path.join(workspace, 'github-output');
  const summaryFile = path.join(workspace, 'step-summary.md');
  const eventFile = path.join(workspace, 'event.json');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  writeFileSync(eventFile, JSON.stringify(event));
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_SERVER_URL: 'https://github.com',
    RUNNER_TEMP: workspace,
    ML_IMAGE_CACHE_DIR: path.join(workspace, '.ml-image-cache'),
    ...env,
  };
  // The runner sets every input a step leaves out to its action.yml default; the one a missing value
  // would change here: stages (a value naming no stage is refused, not read as every stage). Only
  // the root action's: the verify sub-action has no stages input (and refuses one it does not have).
  const all = inputs.command === 'verify' ? inputs : { stages: STAGES_DEFAULT, ...inputs };
  for (const [k, v] of Object.entries(all)) childEnv[`INPUT_${k.toUpperCase()}`] = v;
  return new Promise((resolve) => {
    const child = spawn(node, [bundle], {
      env: childEnv,
      cwd: workspace,
    });
    let stdout = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stdout += b));
    child.on('close', (code) =>
      resolve({
        code,
        stdout,
        outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
        summary: readFileSync(summaryFile, 'utf8'),
      }),
    );
  });
}
