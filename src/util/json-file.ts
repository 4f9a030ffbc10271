// JSON files the tool reads back (records, results, digests, build.json): a missing or malformed
// file is bad input naming the file (exit 2), never a bare SyntaxError with a stack trace.
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';

export function parseJsonText(text: string, source: string, fix?: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${source}: not JSON: ${(e as Error).message}`, fix);
  }
}

/** `what` names the file's role in the message ("cannot read the build result"); `fix` says what to do. */
export function readJsonFile(file: string, opts: { what?: string; fix?: string } = {}): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message.split('\n')[0];
    throw new InputError(`${file}: cannot read${opts.what ? ` the ${opts.what}` : ''} (${reason})`, opts.fix);
  }
  return parseJsonText(text, file, opts.fix);
}
