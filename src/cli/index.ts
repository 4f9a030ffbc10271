#!/usr/bin/env node
// Entry of the `ml-image` bin (bundled to dist/cli/index.js).
import '../util/cjs-globals.js';
import '../util/zod-jitless.js';
import { installSignalCleanup } from '../util/cleanup.js';
import { processIo, runCli } from './main.js';

installSignalCleanup();
process.exitCode = await runCli(process.argv.slice(2), processIo());
