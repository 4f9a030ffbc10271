// The imports suite's names as the job's shell words carry them (the check of export's spec). Pure.
import { InputError } from '../errors.js';

/**
 * Each name is a quoted shell word, which holds any character but one: a name holding NUL, which no
 * shell word holds (bash and dash drop it: the suite would import another name; and "\0floors" is
 * common.ts's FLOORS_ARG, written as "$ML_IMAGE_FLOORS"), is refused (exit 2); a machine is a word
 * of `case $(uname -m)`.
 */
export function checkImportNames(s: {
  distributions?: readonly string[];
  distributionsByMachine?: Readonly<Record<string, readonly string[]>>;
}): void {
  for (const m of Object.keys(s.distributionsByMachine ?? {}))
    if (!/^[A-Za-z0-9_]+$/.test(m)) throw new InputError(`machine: expected a name like x86_64, got "${m}"`);
  for (const n of [...(s.distributions ?? []), ...Object.values(s.distributionsByMachine ?? {}).flat()])
    if (n.includes('\0'))
      throw new InputError(
        `imports: the requirement name ${JSON.stringify(n)} holds a NUL character, which no shell word can hold`,
        'check the requirements files the config names',
      );
}
