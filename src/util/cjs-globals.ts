// ncc emits an ES module, but some bundled CommonJS code reads the free variables __dirname and
// __filename at load time (ssh2's emscripten poly1305 loader, under dockerode). Define them as
// globals before anything else is evaluated: import this module first in every entry point.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const g = globalThis as { __filename?: string; __dirname?: string };
g.__filename ??= fileURLToPath(import.meta.url);
g.__dirname ??= path.dirname(g.__filename);
