// A hang guard for the tests that hold code to linear work on hostile input (a regex that
// backtracks catastrophically, a scan that restarts at every match): the call runs in a vm
// context with a watchdog, which stops it, even inside a regex, and fails the test with "Script
// execution timed out". The bound only catches a hang (quadratic work on a megabyte takes hours),
// it measures no speed: speed goals live in bench/. Below the unit tests' 20 s timeout, so the
// watchdog's error is the one reported.
import vm from 'node:vm';

export const HANG_GUARD_MS = 15_000;

/** CALL's result; throws "Script execution timed out after N ms" when it has not finished by then. */
export function finishes<T>(call: () => T, timeoutMs = HANG_GUARD_MS): T {
  return vm.runInContext('call()', vm.createContext({ call }), { timeout: timeoutMs }) as T;
}

/** A megabyte: the size of a hostile input. */
export const MB = 1 << 20;

/** UNIT repeated to SIZE characters or just over (a hostile input built from a rule's words). */
export const fill = (unit: string, size = MB): string => unit.repeat(Math.ceil(size / unit.length));
