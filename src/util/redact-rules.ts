// The shared secret redaction rules, parsed: one data file, images/probe/redaction-rules.json
// (ncc bundles it), that the in-container probe applies too (`--redaction-rules=JSON`). What they
// mean is redact.ts' (which re-exports them) and the JSON's own $comment.
import { z } from 'zod';
import rulesData from '../../images/probe/redaction-rules.json' with { type: 'json' };

const RedactionRulesSchema = z.object({
  redacted: z.string().min(1),
  secretName: z.object({ pattern: z.string(), ignoreCase: z.boolean() }),
  connectionString: z.object({ pattern: z.string(), ignoreCase: z.boolean() }),
  authorization: z.object({
    pattern: z.string(),
    ignoreCase: z.boolean(),
    schemes: z.array(z.string().min(1)).min(1),
    plainWords: z.array(z.string().min(1)),
  }),
  secretValues: z.array(z.string()).min(1),
  privateKey: z.string(),
  credentialInValue: z.object({ pattern: z.string(), ignoreCase: z.boolean() }),
  jwt: z.object({ prefix: z.string().min(1), minSegmentLength: z.number().int().positive() }),
  base64Like: z.string(),
  hex: z.string(),
  base64MaxLength: z.number().int().positive(),
  urlUserinfo: z.string(),
  urlTokens: z.object({
    span: z.string(),
    query: z.object({ pattern: z.string(), ignoreCase: z.boolean() }),
    pathToken: z.string(),
    hostToken: z.object({ pattern: z.string(), hint: z.string().min(1) }),
  }),
  urlPublicPasswords: z.array(z.string().min(1)),
  schemelessProxy: z.object({
    name: z.string(),
    ignoreCase: z.boolean(),
    scheme: z.string(),
    loginFirst: z.string(),
  }),
});
export type RedactionRules = z.infer<typeof RedactionRulesSchema>;
/** The shared rules, parsed: the probe gets the same object as `--redaction-rules=JSON`. */
export const REDACTION_RULES: RedactionRules = RedactionRulesSchema.parse(rulesData);
