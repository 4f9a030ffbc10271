// What a call threw: the InputError (exit 2) a bad input must raise. Anything else thrown fails the
// test as itself; returning normally fails it as "expected an InputError".
import { InputError } from '../../src/errors.js';

export function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}
