import type { OptionSpec } from '../args.js';
import type { CliIo } from '../io.js';

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  usage: string;
  /** Text after the usage line in `--help`. */
  help: string;
  /**
   * The flags it parses (parseCommandArgs adds the global ones): where one takes a value, the word
   * after it is that value, never a request for help (asksHelp).
   */
  options: OptionSpec;
  /** --out names a file, not a result directory (no up-front directory check). */
  outIsFile?: boolean;
  /** Returns the exit code; throws MlImageError for expected failures. */
  run(argv: string[], io: CliIo): Promise<number>;
}
