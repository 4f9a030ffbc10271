// A short name of the config that goes into tags and result ids (a variant's name, a smoke test's):
// lowercase letters, digits, ".", "_" or "-", starting with a letter or digit, at most 64
// characters. A refused one is told what is wrong with it (too long, its first character, a
// character not allowed) and the whole rule, not only the characters allowed.
import { z } from 'zod';
import { printable } from '../util/text.js';
import { describeValue } from './issues.js';

/** The most characters a short name has. */
const MAX_SHORT_NAME = 64;

/** The rule, as a problem states it. */
const SHORT_NAME_RULE = `lowercase letters, digits, ".", "_" or "-", starting with a letter or digit, at most ${MAX_SHORT_NAME} characters`;

/** What is wrong with NAME as a short name ("is too long: ..."), or undefined when nothing is. */
export function shortNameProblem(name: string): string | undefined {
  if (name === '') return 'is empty';
  const bad = [...name].find((c) => !/^[a-z0-9._-]$/.test(c));
  if (bad !== undefined) return `holds ${printable(JSON.stringify(bad))}, which is not allowed`;
  if (!/^[a-z0-9]/.test(name)) return `starts with ${JSON.stringify(name[0])}, not a letter or digit`;
  if (name.length > MAX_SHORT_NAME)
    return `is too long: ${name.length} characters, at most ${MAX_SHORT_NAME}`;
  return undefined;
}

/** A zod string for a short name; WHAT names it in a problem ("a tag-safe name"). */
export const shortName = (what: string) =>
  z.string().refine((name) => shortNameProblem(name) === undefined, {
    error: (iss) => {
      const name = String(iss.input);
      return `${describeValue(name)} ${shortNameProblem(name)} (${what}: ${SHORT_NAME_RULE})`;
    },
  });
