// The id of this process's run: the label on every container it starts (docker/adapter.ts
// RUN_LABEL), the name of its temp root (temp.ts), and ML_IMAGE_RUN_ID in the environment of the
// docker CLIs it runs (docker/exec-runner.ts), so the post step finds what the run left behind.
//
// Read once, when this module is first loaded: ML_IMAGE_RUN_ID when set (a parent process passes
// its own id down to the CLI), else `<pid>-<time in base 36>`. Setting ML_IMAGE_RUN_ID later
// changes nothing. The action's main step never inherits one (useFreshRunId): jobs on one host
// whose environment sets ML_IMAGE_RUN_ID alike would clean up each other's processes, containers
// and temp dirs in their post steps.

/** A new id: `<pid>-<time in base 36>`. */
function freshRunId(pid: number = process.pid, now: number = Date.now()): string {
  return `${pid}-${now.toString(36)}`;
}

// A live binding: useFreshRunId replaces it before the action's main step uses it.
export let RUN_ID: string = process.env.ML_IMAGE_RUN_ID || freshRunId();

/** The action's main step, first thing: an id of its own, whatever ML_IMAGE_RUN_ID says. */
export function useFreshRunId(): string {
  RUN_ID = freshRunId();
  return RUN_ID;
}

/** Tests only: put back the id a test replaced. */
export function setRunIdForTests(id: string): void {
  RUN_ID = id;
}
