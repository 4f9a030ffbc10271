// Step 2, diagnose: the plain dry run, what `pip install -r` would do with the image's own
// PIP_CONSTRAINT off, and which base packages that would replace (and why).
import { type Analysis, AnalysisSchema, NO_ANALYSIS } from '../helper-output.js';
import { DIR } from '../workdir.js';
import type { PipRun, Workspace } from '../workspace.js';

export interface Diagnosis {
  /** The plain dry run; a failure here is a conflict among the requirements themselves. */
  naive: PipRun;
  /** What it installs and replaces (empty when it failed). */
  analysis: Analysis;
}

export async function diagnose(ws: Workspace, say: (line: string) => void): Promise<Diagnosis> {
  const naive = await ws.dryRun('naive.json', ['-r', `${DIR}/requirements.txt`], { PIP_CONSTRAINT: '' });
  const analysis = naive.ok ? await analyze(ws, 'naive.json') : NO_ANALYSIS;
  say(`a plain pip install would replace ${analysis.replaced.length} base package(s)`);
  return { naive, analysis };
}

/** The helper's reading of a pip report against the base snapshot. */
export const analyze = (ws: Workspace, report: string): Promise<Analysis> =>
  ws.helper(AnalysisSchema, ['analyze', `${DIR}/snapshot.json`, `${DIR}/${report}`]);
