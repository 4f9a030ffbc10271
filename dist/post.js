// The action's post step (action.yml post:), written by scripts/build-dist.mjs: the process is
// marked as the post step before the bundle loads (src/action/post.ts POST_ENTRY_FLAG).
globalThis.__mlImagePostStep = true;
await import('./index.js');
