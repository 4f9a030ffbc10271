// Imported by the entry before the rest of the CLI: the signal handlers are in place before the
// command modules load, so a Ctrl-C (or a runner's SIGTERM) in the first moments is handled as a
// later one is (its message, its cleanup, exit 130/143/129), not node's silent default.
import { installSignalCleanup } from '../util/cleanup.js';

installSignalCleanup();
