// Reading pip's own words when a command it ran failed: a package's build step (an sdist's
// metadata), a version control command (git clone of a `pkg @ git+https://...` line), or no such
// command in the base image at all. Pure functions over pip's output.

/** "Collecting X" / "Processing X" / "Obtaining X" before line AT: the requirement pip was collecting. */
function collectingBefore(lines: readonly string[], at: number): string | undefined {
  return lines
    .slice(0, at)
    .reverse()
    .map((l) => /^\s*(?:Collecting|Processing|Obtaining) (\S+)/.exec(l)?.[1])
    .find((r) => r !== undefined);
}

/**
 * pip ran a package's build step (metadata, or a wheel for it) and that failed
 * (`metadata-generation-failed`, `subprocess-exited-with-error`): the requirement pip was collecting
 * when it did, where pip names it.
 */
export function buildFailure(output: string): { requirement?: string } | undefined {
  const lines = output.split(/\r?\n/);
  const at = lines.findIndex((l) =>
    /(?:^|\s)(?:error: )?(?:metadata-generation-failed|subprocess-exited-with-error)\b|^ERROR: Command errored out with exit status /.test(
      l,
    ),
  );
  if (at < 0) return undefined;
  const collecting = collectingBefore(lines, at);
  return collecting !== undefined ? { requirement: collecting } : {};
}

/** The version control systems pip runs for a `git+`, `hg+`, `svn+` or `bzr+` URL. */
const VCS = '(git|hg|svn|bzr)';
/** pip's words for a command the base image lacks (its BadCommand, and the OSError before it). */
const MISSING = new RegExp(
  `Cannot find command '${VCS}'|No such file or directory: '${VCS}' while executing command`,
);
/** The line that names the command that failed, to its subcommand (its arguments follow). */
const RAN = new RegExp(`^\\s*(?:× |ERROR: Command errored out with exit status \\d+: )${VCS} ([a-z-]+)`);
/** What follows the arguments on that line. */
const RAN_END = / (?:did not run successfully\.?|Check the logs for full command output\.)\s*$/;

export type VcsFailure =
  /** The base image has no such command: pip says "Cannot find command 'git'". */
  | { kind: 'vcs-missing'; command: string; requirement?: string }
  /**
   * The command ran and failed (`git clone URL DEST`: credentials, a host it cannot reach; `git
   * checkout REV`: a revision the repository lacks): its subcommand, the URL it was given (as pip
   * shows it: its login masked), and what the command itself printed (`fatal: ...`).
   */
  | {
      kind: 'vcs-failed';
      command: string;
      subcommand: string;
      url?: string;
      requirement?: string;
      said: string[];
    };

/**
 * A version control command pip ran for a requirement that failed or is not there. pip says so in
 * its own words, indented under "Collecting X": "ERROR: Cannot find command 'git'", or "× git clone
 * --filter=blob:none --quiet URL DEST did not run successfully." (pip < 22: "ERROR: Command errored
 * out with exit status 128: git clone -q URL DEST"). Looked for before buildFailure, which would
 * take the same "subprocess-exited-with-error" for a package's build step.
 */
export function vcsFailure(output: string): VcsFailure | undefined {
  const lines = output.split(/\r?\n/);
  const missing = lines.findIndex((l) => MISSING.test(l));
  if (missing >= 0) {
    const m = MISSING.exec(lines[missing]!)!;
    return {
      kind: 'vcs-missing',
      command: m[1] ?? m[2]!,
      ...requirementOf(collectingBefore(lines, missing)),
    };
  }
  const at = lines.findIndex((l) => RAN.test(l));
  if (at < 0) return undefined;
  const m = RAN.exec(lines[at]!)!;
  const args = lines[at]!.slice(m[0].length).replace(RAN_END, '').split(' ');
  const url = args.find((a) => a.includes('://'));
  return {
    kind: 'vcs-failed',
    command: m[1]!,
    subcommand: m[2]!,
    ...(url !== undefined && { url }),
    ...requirementOf(collectingBefore(lines, at)),
    said: lines
      .slice(0, at)
      .map((l) => l.trim())
      .filter((l) => /^(?:fatal|remote|abort|svn|error): /.test(l) && !/^error: subprocess-/.test(l))
      .slice(-3),
  };
}

const requirementOf = (r: string | undefined) => (r !== undefined ? { requirement: r } : {});
