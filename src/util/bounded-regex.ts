// A regular expression tried for at most a given time. JavaScript's engine backtracks: a pattern a
// user gives (`^(.*)*X$`, which RE2 runs in linear time) can take longer than the universe on a
// short text, on the main thread, where no timer or signal handler runs. Tried in a vm context
// with a timeout, it is stopped (V8 checks for the interrupt while it backtracks).
import vm from 'node:vm';

let context: vm.Context | undefined;
let script: vm.Script | undefined;

/** RE.test(TEXT), or undefined when it did not finish within MS milliseconds. */
export function testWithin(re: RegExp, text: string, ms: number): boolean | undefined {
  context ??= vm.createContext({ re: undefined, text: undefined });
  script ??= new vm.Script('re.test(text)');
  context.re = re;
  context.text = text;
  try {
    return script.runInContext(context, { timeout: ms }) === true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return undefined;
    throw e;
  } finally {
    context.re = undefined;
    context.text = undefined;
  }
}
