// Entry of the root action and its sub-actions (bundled to dist/index.js), main and post step
// alike: the main step saves its state first, and the same bundle run as the post step sees it.
import './util/cjs-globals.js';
import './util/zod-jitless.js';
import { coreIo, isVerifyStep } from './action/io.js';
import { isPostRun, runPost, startMainStep, trackDockerUse } from './action/post.js';
import {
  installSignalCleanup,
  requestsAbandoned,
  runPendingCleanups,
  settleBeforeExit,
} from './util/cleanup.js';

const io = coreIo();
if (isPostRun(io)) {
  // An engine that did not answer keeps its request's socket open, and the step with it: it has
  // given up on the engine (a warning says so), so the step ends here.
  if ((await runPost(io)).engineHung) process.exit();
} else {
  // A run id of its own (never one inherited from the job's environment), saved first.
  startMainStep(io);
  // A cancelled job (SIGINT, then SIGTERM): remove what is running, stop child processes, exit.
  installSignalCleanup();
  // The stages are loaded by the main step only: the post step (every step's cleanup) needs none,
  // and the verify sub-action's main step loads the checks, not the pipeline. On a cancel the exit
  // waits briefly for the step to unwind: its error annotation and outputs are written.
  if (isVerifyStep(io)) {
    const { verifyAction } = await import('./action/verify.js');
    await settleBeforeExit(verifyAction(trackDockerUse(io)));
  } else {
    const { run } = await import('./action/run.js');
    await settleBeforeExit(run(trackDockerUse(io)));
  }
  // Whatever the step left registered goes now, not at the post step.
  await runPendingCleanups();
  // A hung engine's request given up on keeps its socket, and the step, open: the work is done.
  if (requestsAbandoned()) process.exit();
}
