// A build secret's id (build.secrets): passed to buildx as `--secret id=ID,env=ID`, read from the
// environment variable of the same name, so never one of the runner's own (a pull request can
// change ml-image.yml).
import { z } from 'zod';
import { isRunnerOwnVariable, RUNNER_OWN_VARIABLE } from '../util/runner-env.js';

/**
 * The secret ids the templates mount (`RUN --mount=type=secret,id=...`) at /run/secrets/<id>; the
 * build stage writes them (src/build/inputs.ts, BUILD_SECRET_IDS). No build.secrets id may be one.
 */
export const TOOL_SECRET_IDS = {
  requirements: 'ml_image_requirements',
  constraints: 'ml_image_constraints',
  pipConf: 'ml_image_pip_conf',
  torchIndex: 'ml_image_torch_index',
  netrc: 'ml_image_netrc',
  env: 'ml_image_env',
  pip: 'ml_image_pip',
} as const;

const TOOL_OWN = new Set<string>(Object.values(TOOL_SECRET_IDS));

const SecretIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.-]+$/, { error: 'expected a secret id' })
  // BuildKit mounts it at /run/secrets/<id>: "." or ".." would name /run/secrets or /run itself.
  .refine((id) => !/^\.+$/.test(id), {
    error: (iss) => `${JSON.stringify(iss.input)} is no secret id: dots only (a path, not a name)`,
  })
  .refine((id) => !isRunnerOwnVariable(id), {
    error: (iss) => `${JSON.stringify(iss.input)} ${RUNNER_OWN_VARIABLE}`,
  })
  .refine((id) => !TOOL_OWN.has(id), {
    error: (iss) =>
      `${JSON.stringify(iss.input)} is a secret id this tool mounts itself (${[...TOOL_OWN].join(', ')}): use another id`,
  });

/** build.secrets: each id once (buildx would refuse the build, after the resolve stage ran). */
export const SecretIdsSchema = z.array(SecretIdSchema).superRefine((ids, ctx) => {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else
      ctx.addIssue({
        code: 'custom',
        path: [i],
        input: id,
        message: `secret id ${JSON.stringify(id)} is given twice (also build.secrets[${first}]): give each id once`,
      });
  });
});
