// The --out files of the commands about ONE image (capture, smoke, resolve) and of plan: no variant
// or platform in their names. Written atomically, checked against their schemas, free of URL
// credentials, as the result directory's files are (src/results/results.ts).
import path from 'node:path';
import type { z } from 'zod';
import { redactUrls } from '../util/redact.js';
import { type EnvRecord, EnvRecordSchema } from '../capture/record.js';
import { type Plan, PlanSchema } from '../plan/schema.js';
import { type Resolution, ResolutionSchema } from '../resolve/result.js';
import { type SmokeResult, SmokeResultSchema, toJUnit } from '../smoke/result.js';
import { ensureResultDir, writeFileAtomic } from '../util/json-file.js';
import { PLAN_FILE } from './results.js';
import { checked, json } from './write.js';

/** No variant or platform in these names: the command was given one image. */
export const OUT_FILES = {
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

export interface OutDir {
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

/** `--out DIR` of a command, checked (and created when missing) at each write, as "--out DIR". */
export function openOutDir(cwd: string, out: string): OutDir {
  const label = `--out ${out}`;
  const put = (name: string, content: string) => {
    const root = ensureResultDir(path.resolve(cwd, out), label);
    writeFileAtomic(path.join(root, name), redactUrls(content), label);
  };
  const putJson = (name: string, schema: z.ZodType, value: unknown) =>
    put(name, json(checked(schema, value, path.join(out, name))));
  return {
    writeEnv: (record) => putJson(OUT_FILES.env, EnvRecordSchema, record),
    writeSmoke: (result) => {
      putJson(OUT_FILES.smoke, SmokeResultSchema, result);
      put(OUT_FILES.junit, toJUnit(result));
    },
    writeResolve: (r) => {
      put(OUT_FILES.constraints, r.constraints);
      put(OUT_FILES.requirements, `${r.requirements}\n`);
      putJson(OUT_FILES.resolution, ResolutionSchema, r.resolution);
      put(OUT_FILES.explanation, r.explanation);
    },
    writePlan: (plan) => {
      putJson(OUT_FILES.plan, PlanSchema, plan);
      put(OUT_FILES.matrix, `${JSON.stringify(plan.matrix)}\n`);
    },
  };
}
