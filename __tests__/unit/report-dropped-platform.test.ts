// A platform the baseline has records of and the pull request's config no longer builds: each is a
// warning, with a baseline to compare this run's platforms with or without one (a switch from
// linux/amd64 to linux/arm64 leaves no platform with both sides).
import { describe, expect, it } from 'vitest';
import { assessReport, buildReportModel, type ReportInput } from '../../src/report/model.js';
import { parseReportModel } from '../../src/report/model.js';
import { makeRecord } from '../helpers/records.js';

const AMD64 = 'linux/amd64';
const ARM64 = 'linux/arm64';

function input(withBase: boolean, dropped?: string[], unreported?: string[]): ReportInput {
  const head = makeRecord({ platform: withBase ? AMD64 : ARM64, variant: 'cpu', pip: { numpy: '1.26.4' } });
  const base = makeRecord({ platform: AMD64, variant: 'cpu', pip: { numpy: '1.26.4' } });
  return {
    image: 'ghcr.io/acme/model',
    variant: 'cpu',
    entries: [{ platform: withBase ? AMD64 : ARM64, head, base: withBase ? base : null }],
    baseline: { ref: 'main', sha: 'a'.repeat(40) },
    ...(dropped && { droppedPlatforms: dropped }),
    ...(unreported && { unreportedPlatforms: unreported }),
  };
}

describe('dropped platforms', () => {
  it.each([
    ['no change otherwise', true, undefined, 'unchanged', []],
    [
      'arm64 dropped, amd64 compared',
      true,
      [ARM64],
      'warning',
      ['linux/arm64 no longer built (main has it)'],
    ],
    [
      'amd64 dropped, arm64 new (nothing to compare)',
      false,
      [AMD64],
      'warning',
      ['linux/amd64 no longer built (main has it)'],
    ],
    // Built by this run, but its capture failed (no record): the report had said nothing of it.
    [
      'arm64 built, not captured; amd64 compared',
      true,
      undefined,
      'warning',
      ["linux/arm64 not reported (no record of this run's image)"],
      [ARM64],
    ],
    [
      'amd64 built, not captured; arm64 new (nothing to compare)',
      false,
      undefined,
      'warning',
      ["linux/amd64 not reported (no record of this run's image)"],
      [AMD64],
    ],
  ] as const)(
    '%s: verdict %s',
    (_what, withBase, dropped, verdict, warnings, unreported?: readonly string[]) => {
      const a = assessReport(
        buildReportModel(input(withBase, dropped && [...dropped], unreported && [...unreported])),
      );
      expect(a.verdict).toBe(verdict);
      expect(a.findings.filter((f) => f.severity === 'warning').map((f) => f.text)).toEqual(warnings);
    },
  );

  it("a fork's artifact can name no other text as a dropped platform", () => {
    const model = buildReportModel(input(true, [ARM64]));
    expect(parseReportModel(JSON.parse(JSON.stringify(model)), 'a.json').droppedPlatforms).toEqual([ARM64]);
    const forged = { ...model, droppedPlatforms: ['linux/arm64 **click [here](https://evil)**'] };
    expect(() => parseReportModel(forged, 'a.json')).toThrow(/droppedPlatforms\[0\]: expected a platform/);
    const unreported = { ...model, unreportedPlatforms: ['linux/arm64 @octocat'] };
    expect(() => parseReportModel(unreported, 'a.json')).toThrow(
      /unreportedPlatforms\[0\]: expected a platform/,
    );
  });
});
