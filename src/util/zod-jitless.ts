// zod 4 compiles each object schema into a parser of its own (new Function) at its first parse.
// That pays for a schema parsed thousands of times in one process; this tool's processes are short
// and parse most schemas once or twice (config, plan, results, records, predicates), where the
// compiling costs more than it saves: 10-30 ms per command (docs/performance.md). zod reads the
// setting when a schema is built, so every entry point imports this module before anything else
// (after cjs-globals). The tests run in the same mode (the setup files of both vitest projects).
import { z } from 'zod';

z.config({ jitless: true });
