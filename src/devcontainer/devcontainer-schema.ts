// The devcontainer.json this tool writes (https://containers.dev/implementors/json_reference/): the
// fields devcontainer.ts sets, checked by the results contract before it writes the file
// (devcontainer/<variant>/devcontainer.json). The format is the Dev Containers spec's, so it has
// no schemaVersion of ours.
import { z } from 'zod';

export const DevcontainerJsonSchema = z.strictObject({
  name: z.string(),
  image: z.string().min(1),
  remoteUser: z.string().optional(),
  updateRemoteUserUID: z.literal(true),
  runArgs: z.array(z.string()),
  hostRequirements: z.strictObject({ gpu: z.boolean() }).optional(),
  mounts: z.array(z.string()),
  forwardPorts: z.array(z.number().int().positive()).optional(),
  portsAttributes: z
    .record(z.string(), z.strictObject({ label: z.string(), onAutoForward: z.enum(['notify', 'silent']) }))
    .optional(),
});
export type DevcontainerJson = z.infer<typeof DevcontainerJsonSchema>;
