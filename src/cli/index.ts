#!/usr/bin/env node
// Entry of the `ml-image` bin (bundled to dist/cli/index.js).
import '../util/cjs-globals.js';
import '../util/zod-jitless.js';
// First: the signal handlers, before the CLI's modules load.
import './signals-first.js';
import { requestsAbandoned, runPendingCleanups, settleBeforeExit } from '../util/cleanup.js';
import { processIo, runCli } from './main.js';

// On a signal the exit waits briefly for the command to unwind: its error and --json object are
// written (cleanup.ts settleBeforeExit).
process.exitCode = await settleBeforeExit(runCli(process.argv.slice(2), processIo()));
// Whatever a command left registered (a temp dir its owner keeps to the end) goes before the exit.
await runPendingCleanups();
// A hung engine's request given up on keeps its socket, and the process, open: the work is done.
if (requestsAbandoned()) process.exit();
