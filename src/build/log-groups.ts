// The build stage's log groups. The action wraps each build in a log group (core.group), and
// GitHub does not nest groups: two builds side by side (any driver but docker builds two platforms
// at once) would share the group opened second, the first build's lines under the second's name and
// its last lines after the first group's end. So builds that run side by side have their lines
// held and each written as a whole group of its own when it ends (the first finished first; a
// failed one before its error reaches the caller), while the progress lines (started, done,
// retrying) stay live, outside every group. A build that runs alone keeps its group live around it.
// Without groups (the command line) every line is shown live.

/** How much of one build's log is held (its last lines): two builds side by side hold twice this. */
const HELD_LOG_CHARS = 2 * 1024 * 1024;

type Output = (line: string, target: string) => void;

interface LogSinks {
  /** Wraps fn in a log group (the action's core.group): none, no groups at all. */
  group?: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  /** The builds' own lines, with the target each belongs to. */
  output?: Output;
  progress: (line: string) => void;
  timing?: (line: string) => void;
}

/** One build's lines while it runs: the last CAP characters, and how much was cut before them. */
class HeldLines {
  private lines: string[] = [];
  /** lines[0..start) are cut (emptied): compacted now and then rather than shifted line by line. */
  private start = 0;
  private chars = 0;
  private cutLines = 0;
  private cutChars = 0;
  target = '';

  constructor(private readonly cap: number) {}

  push(raw: string, target: string): void {
    this.target = target;
    // A single line over the cap keeps its end.
    const line = raw.length > this.cap ? raw.slice(raw.length - this.cap) : raw;
    this.lines.push(line);
    this.chars += line.length + 1;
    while (this.chars > this.cap + 1 && this.start < this.lines.length - 1) {
      const old = this.lines[this.start]!;
      this.lines[this.start++] = '';
      this.chars -= old.length + 1;
      this.cutLines++;
      this.cutChars += old.length + 1;
    }
    if (this.start > 1024 && this.start * 2 > this.lines.length) {
      this.lines = this.lines.slice(this.start);
      this.start = 0;
    }
  }

  /** What is held, led by a line that says what was cut, if anything was. */
  take(): string[] {
    const kept = this.lines.slice(this.start);
    if (this.cutLines === 0) return kept;
    const kb = (n: number) => Math.round(n / 1024);
    return [
      `[${this.cutLines} lines (${kb(this.cutChars)} KB) cut: only the last ${kb(this.cap)} KB of this build's log are kept]`,
      ...kept,
    ];
  }

  get empty(): boolean {
    return this.start === this.lines.length;
  }
}

export class BuildLogs {
  /** The groups written one after the other, in the order their builds ended. */
  private writing: Promise<void> = Promise.resolve();
  /** Whether a held group is open now: live lines wait until it closes. */
  private open = false;
  private waiting: (() => void)[] = [];

  constructor(
    private readonly sinks: LogSinks,
    private readonly cap = HELD_LOG_CHARS,
  ) {}

  readonly progress = (line: string): void => this.live(() => this.sinks.progress(line));
  readonly timing = (line: string): void => this.live(() => this.sinks.timing?.(line));
  readonly output = (line: string, target: string): void =>
    this.live(() => this.sinks.output?.(line, target));

  /**
   * fn in the group NAME. HELD (builds side by side): the lines fn writes to the output it is given
   * are held and written as one group when fn ends, fulfilled or not, before its result or error;
   * else the group is open around fn as it runs and its lines are live. fn's output is undefined
   * where the stage shows no build output.
   */
  async group<T>(name: string, held: boolean, fn: (output: Output | undefined) => Promise<T>): Promise<T> {
    const { group, output } = this.sinks;
    if (group === undefined) return fn(output && this.output);
    if (!held || output === undefined) return group(name, () => fn(output && this.output));
    const lines = new HeldLines(this.cap);
    try {
      return await fn((line, target) => lines.push(line, target));
    } finally {
      if (!lines.empty) await this.write(name, lines, group, output);
    }
  }

  /** A live line: now, or after the held group being written closes. */
  private live(write: () => void): void {
    if (this.open) this.waiting.push(write);
    else write();
  }

  private write(
    name: string,
    lines: HeldLines,
    group: NonNullable<LogSinks['group']>,
    output: Output,
  ): Promise<void> {
    const written = this.writing.then(async () => {
      this.open = true;
      try {
        await group(name, async () => {
          for (const line of lines.take()) output(line, lines.target);
        });
      } catch {
        // The log's own failure: never in place of the build's result or error.
      } finally {
        this.open = false;
        const waiting = this.waiting;
        this.waiting = [];
        for (const w of waiting) w();
      }
    });
    this.writing = written;
    return written;
  }
}
