// The resolver's per-step timing line (--verbose): where one resolution's wall time went.
// Steps: container start, snapshot, plain dry run, held dry run, relax, analysis, container stop (the analysis
// runs inside the dry runs' python processes; its share is reported by the helper).

export type Step =
  'container start' | 'snapshot' | 'plain dry run' | 'held dry run' | 'relax' | 'analysis' | 'container stop';

const ORDER: readonly Step[] = [
  'container start',
  'snapshot',
  'plain dry run',
  'held dry run',
  'relax',
  'analysis',
  'container stop',
];

export class StepTimes {
  private readonly seconds = new Map<Step, number>();
  private readonly notes = new Map<Step, string>();

  add(step: Step, seconds: number, note?: string): void {
    this.seconds.set(step, (this.seconds.get(step) ?? 0) + seconds);
    if (note !== undefined) this.notes.set(step, note);
  }

  note(step: Step, note: string): void {
    this.notes.set(step, note);
  }

  /** Runs fn and adds its wall time to `step`. */
  async time<T>(step: Step, fn: () => Promise<T>): Promise<T> {
    const t = Date.now();
    try {
      return await fn();
    } finally {
      this.add(step, (Date.now() - t) / 1000);
    }
  }

  /** `timing: container start 0.31s, snapshot 0.00s (cache), ..., total 1.52s`; `-` for a step not run. */
  line(totalMs: number): string {
    const parts = ORDER.map((s) => {
      const v = this.seconds.get(s);
      const note = this.notes.get(s);
      return `${s} ${v === undefined ? '-' : `${v.toFixed(2)}s`}${note ? ` (${note})` : ''}`;
    });
    return `timing: ${parts.join(', ')}, total ${(totalMs / 1000).toFixed(2)}s`;
  }
}
