// Entry of the root action (bundled to dist/index.js).
import './util/cjs-globals.js';
import { run } from './action/run.js';

await run();
