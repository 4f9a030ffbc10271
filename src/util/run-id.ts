// The id of this process's run: the label on every container it starts (docker/adapter.ts
// RUN_LABEL), the name of its temp root (temp.ts), and ML_IMAGE_RUN_ID in the environment of the
// docker CLIs it runs (docker/exec-runner.ts), so the post step finds what the run left behind.
//
// Read once, when this module is first loaded: ML_IMAGE_RUN_ID when set (a parent process passes
// its own id down), else `<pid>-<time in base 36>`. Setting ML_IMAGE_RUN_ID later changes nothing.
export const RUN_ID = process.env.ML_IMAGE_RUN_ID ?? `${process.pid}-${Date.now().toString(36)}`;
