// Setup file of the "integration" project: zod in the product's mode (no code generation; every
// entry point imports src/util/zod-jitless.ts first), so that tests calling src directly parse the
// way the CLI and the action do. The unit project does the same (no-processes.setup.ts).
import '../../src/util/zod-jitless.js';
