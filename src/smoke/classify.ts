// The failure classifier: known messages -> cause and fix (failures.json, a source per row).
import { z } from 'zod';
import data from './failures.json' with { type: 'json' };

const RuleSchema = z.object({
  id: z.string(),
  pattern: z.string(),
  cause: z.string(),
  fix: z.string(),
  source: z.string().url(),
});
const FailureTableSchema = z.object({
  schemaVersion: z.literal(1),
  rules: z.array(RuleSchema).min(1),
});
type FailureRule = z.infer<typeof RuleSchema>;

let rules: { rule: FailureRule; re: RegExp }[] | undefined;

export function failureRules(): { rule: FailureRule; re: RegExp }[] {
  rules ??= FailureTableSchema.parse(data).rules.map((rule) => ({ rule, re: new RegExp(rule.pattern, 'i') }));
  return rules;
}

export interface Classified {
  id: string;
  cause: string;
  fix: string;
  source: string;
  match: string;
}

/** The first known cause whose message appears in the output, most specific rules first. */
export function classifyFailure(output: string): Classified | undefined {
  for (const { rule, re } of failureRules()) {
    const m = re.exec(output);
    if (m)
      return {
        id: rule.id,
        cause: rule.cause,
        fix: rule.fix,
        source: rule.source,
        match: m[0].slice(0, 200),
      };
  }
  return undefined;
}
