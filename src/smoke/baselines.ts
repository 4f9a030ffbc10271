// Per-GPU throughput floors: a measured value per dtype (data: baselines.json, or the config's
// smoke.baseline file), and a floor at floorFraction of it, as DCGM diag and nccl-tests do.
import { z } from 'zod';
import { formatIssues } from '../config/issues.js';
import { InputError } from '../errors.js';
import { readJsonFile } from '../util/json-file.js';
import data from './baselines.json' with { type: 'json' };
import type { SmokeTest } from './result.js';

export const BaselineSchema = z.object({
  schemaVersion: z.literal(1),
  floorFraction: z.number().gt(0).lte(1),
  gpus: z.array(
    z.object({
      match: z.string(),
      name: z.string(),
      measured: z.record(z.string(), z.number().positive()),
      source: z.string(),
    }),
  ),
});
export type Baseline = z.infer<typeof BaselineSchema>;

export function bundledBaseline(): Baseline {
  return BaselineSchema.parse(data);
}

/** The config's baseline file: its rows come first, so they win over the bundled ones. */
export function loadBaseline(file?: string): Baseline {
  const bundled = bundledBaseline();
  if (file === undefined) return bundled;
  const json = readJsonFile(file, { what: 'smoke.baseline file' });
  const r = BaselineSchema.safeParse(json);
  if (!r.success) {
    throw new InputError(
      `smoke.baseline: ${file}: ${formatIssues(r.error, json, BaselineSchema).join('; ')}`,
    );
  }
  return { ...r.data, gpus: [...r.data.gpus, ...bundled.gpus] };
}

/** Judge a GPU compute result against the floors of its GPU; returns the test, updated. */
export function applyFloors(test: SmokeTest, baseline: Baseline): SmokeTest {
  const gpu = String(test.metrics.gpu ?? '');
  const row = baseline.gpus.find((g) => new RegExp(g.match, 'i').test(gpu));
  if (test.status !== 'pass' || !row) return test;
  const floors: Record<string, number> = {};
  const below: string[] = [];
  for (const [metric, measured] of Object.entries(row.measured)) {
    const value = test.metrics[metric];
    if (typeof value !== 'number') continue;
    const floor = Math.round(measured * baseline.floorFraction * 10) / 10;
    floors[`${metric}_floor`] = floor;
    if (value < floor) {
      below.push(
        `${metric} ${value} is below the floor ${floor} (${baseline.floorFraction} x ${measured} measured on ${row.name})`,
      );
    }
  }
  return {
    ...test,
    metrics: { ...test.metrics, ...floors },
    ...(below.length > 0 && { status: 'fail' as const, reason: below.join('; ') }),
  };
}
