// The --out files of the commands about ONE image (capture, smoke, resolve) and of plan: no variant
// or platform in their names. Written atomically, checked against their schemas, free of URL
// credentials, as the result directory's files are (src/results/results.ts). resolve's
// requirements.txt and constraints.txt are the build's inputs: a `${NAME}` pip fills in stays.
import path from 'node:path';
import type { z } from 'zod';
import { MASK, REDACTION_RULES, redactUrls } from '../util/redact.js';
import { escapeRegExp } from '../util/text.js';
import { type EnvRecord, EnvRecordSchema } from '../capture/record.js';
import { type Plan, PlanSchema } from '../plan/schema.js';
import { type Resolution, ResolutionSchema } from '../resolve/result.js';
import { type SmokeResult, SmokeResultSchema, toJUnit } from '../smoke/result.js';
import { checkReplaceable, ensureResultDir, writeFileAtomic } from '../util/json-file.js';
import { PLAN_FILE } from './results.js';
import { checked, json } from './write.js';
import { holdResultDir } from './owner-lock.js';

/** No variant or platform in these names: the command was given one image. */
const OUT_FILES = {
  env: 'env.json',
  smoke: 'smoke.json',
  junit: 'junit.xml',
  constraints: 'constraints.txt',
  requirements: 'requirements.txt',
  resolution: 'resolution.json',
  explanation: 'explanation.md',
  plan: PLAN_FILE,
  matrix: 'matrix.json',
} as const;

interface OutDir {
  writeEnv(record: EnvRecord): void;
  /** smoke.json and junit.xml. */
  writeSmoke(result: SmokeResult): void;
  writeResolve(out: {
    constraints: string;
    requirements: string;
    resolution: Resolution;
    explanation: string;
  }): void;
  /** plan.json and its GitHub Actions matrix, matrix.json. */
  writePlan(plan: Plan): void;
}

/** The files resolve --out DIR writes there. */
export const RESOLVE_OUT_FILES = [
  OUT_FILES.constraints,
  OUT_FILES.requirements,
  OUT_FILES.resolution,
  OUT_FILES.explanation,
] as const;

/** A reference in a credential's place: `${NAME}` (pip fills it in), or a shell's `$NAME`. */
const REFERENCE = /\$\{[A-Za-z0-9_]+\}|\$[A-Za-z_][A-Za-z0-9_]*/g;
/**
 * A reference (as a mask already) before a fixed public password (`${TOKEN}:x-oauth-basic@`: the
 * token is the user name, the password no secret). Before a literal user name it stays a password.
 */
const MASKED_PUBLIC_LOGIN = new RegExp(
  `//${escapeRegExp(MASK)}:(?:${REDACTION_RULES.urlPublicPasswords.map(escapeRegExp).join('|')})@`,
  'gi',
);

/**
 * TEXT (requirements.txt, constraints.txt: the build's inputs) with its URLs' credentials masked
 * (redactUrls), but for a URL whose credentials are all references (`https://u:${TOKEN}@host`,
 * `?sig=${SAS}`, `https://${TOKEN}:x-oauth-basic@github.com/...`): kept as written, a name and no
 * secret, so that the file works as the build's input. A word (to white space) with anything
 * literal in a credential's place is masked as redactUrls masks it, references and all (the read
 * refuses a literal secret; a short one, say, may still come this far). Pure.
 */
export function redactBuildInput(text: string): string {
  return text.replace(/[^\t\n\r\f\v ]+/g, (word) => {
    const shown = redactUrls(word);
    if (shown === word) return word;
    // Each reference as a mask: what redactUrls keeps in any credential's place.
    const named = word.replace(REFERENCE, MASK).replace(MASKED_PUBLIC_LOGIN, `//${MASK}:${MASK}@`);
    return redactUrls(named) === named ? word : shown;
  });
}

/**
 * `--out DIR` of a command, created when missing and held by this process to its end (owner-lock.ts:
 * another run writing there now is refused, exit 2); returns the directory. smoke and capture hold
 * it before their work, each write again (a directory held already is held on).
 */
export function holdOutDir(cwd: string, out: string): string {
  const label = `--out ${out}`;
  const root = ensureResultDir(path.resolve(cwd, out), label);
  holdResultDir(root, { label });
  return root;
}

/** `--out DIR` of a command, checked (and created when missing) at each write, as "--out DIR". */
export function openOutDir(cwd: string, out: string): OutDir {
  const label = `--out ${out}`;
  const write = (name: string, content: string) => {
    const root = holdOutDir(cwd, out);
    writeFileAtomic(path.join(root, name), content, label);
  };
  const put = (name: string, content: string) => write(name, redactUrls(content));
  // The files one call writes: none is written when one of them cannot be (checkReplaceable).
  const group = (...names: string[]) =>
    checkReplaceable(
      names.map((n) => path.join(path.resolve(cwd, out), n)),
      label,
    );
  const putJson = (name: string, schema: z.ZodType, value: unknown) =>
    put(name, json(checked(schema, value, path.join(out, name))));
  return {
    writeEnv: (record) => putJson(OUT_FILES.env, EnvRecordSchema, record),
    writeSmoke: (result) => {
      group(OUT_FILES.smoke, OUT_FILES.junit);
      putJson(OUT_FILES.smoke, SmokeResultSchema, result);
      put(OUT_FILES.junit, toJUnit(result));
    },
    writeResolve: (r) => {
      group(...RESOLVE_OUT_FILES);
      write(OUT_FILES.constraints, redactBuildInput(r.constraints));
      write(OUT_FILES.requirements, redactBuildInput(`${r.requirements}\n`));
      putJson(OUT_FILES.resolution, ResolutionSchema, r.resolution);
      put(OUT_FILES.explanation, r.explanation);
    },
    writePlan: (plan) => {
      group(OUT_FILES.plan, OUT_FILES.matrix);
      putJson(OUT_FILES.plan, PlanSchema, plan);
      put(OUT_FILES.matrix, `${JSON.stringify(plan.matrix)}\n`);
    },
  };
}
