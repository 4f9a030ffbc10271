// A build secret's id (build.secrets): passed to buildx as `--secret id=ID,env=ID`, read from the
// environment variable of the same name, so never one of the runner's own (a pull request can
// change ml-image.yml).
import { z } from 'zod';
import { isRunnerOwnVariable, RUNNER_OWN_VARIABLE } from '../util/runner-env.js';

export const SecretIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.-]+$/, { error: 'expected a secret id' })
  .refine((id) => !isRunnerOwnVariable(id), {
    error: (iss) => `${JSON.stringify(iss.input)} ${RUNNER_OWN_VARIABLE}`,
  });
