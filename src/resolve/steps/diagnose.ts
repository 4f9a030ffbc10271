// Step 2, diagnose: the plain dry run, what `pip install -r` would do with the image's own
// PIP_CONSTRAINT off, and which base packages that would replace (and why). pip and the analysis
// run in one python process (helper.py run), with the snapshot too when it is not cached.
import { type Analysis, AnalysisSchema, NO_ANALYSIS } from '../helper-output.js';
import { DIR } from '../workdir.js';
import type { AnalyzedRun, PipRun, Workspace } from '../workspace.js';

export interface Diagnosis {
  /** The plain dry run; a failure here is a conflict among the requirements themselves. */
  naive: PipRun;
  /** What it installs and replaces (empty when it failed). */
  analysis: Analysis;
}

/** The plain dry run's report, arguments and environment (the image's constraint file off). */
export const NAIVE = {
  report: 'naive.json',
  args: ['-r', `${DIR}/requirements.txt`],
  env: { PIP_CONSTRAINT: '' },
} as const;

/** The diagnosis of a plain dry run that has run (and been settled). */
export function diagnosisOf(naive: AnalyzedRun, say: (line: string) => void): Diagnosis {
  const analysis = naive.run.ok ? (naive.analysis ?? NO_ANALYSIS) : NO_ANALYSIS;
  const shadowed = analysis.replaced.filter((r) => r.shadows).length;
  say(
    `a plain pip install would replace ${analysis.replaced.length} base package(s)${shadowed > 0 ? ` (${shadowed} of them shadowed: pip does not uninstall them, outside its environment)` : ''}`,
  );
  return { naive: naive.run, analysis };
}

/** The helper's reading of a pip report against the base snapshot. */
export const analyze = (ws: Workspace, report: string): Promise<Analysis> =>
  ws.helper(AnalysisSchema, ['analyze', `${DIR}/snapshot.json`, `${DIR}/${report}`]);
