// What the severity policy (model.ts assessReport) hands the renderer: each finding and its
// severity, and the verdict, the worst of them.

export type Severity = 'info' | 'warning' | 'failure';
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, failure: 2 };

export interface Finding {
  /** Plain text (the renderer escapes it), at most 160 characters. */
  text: string;
  severity: Severity;
}

/** The overall outcome: the worst finding, no change at all, or nothing to compare with. */
export type Verdict = 'failure' | 'warning' | 'changed' | 'unchanged' | 'no-baseline';

export interface Assessment {
  verdict: Verdict;
  /** In reading order; never empty. */
  findings: Finding[];
}
