// pip distributions installed from a direct URL (PEP 610 direct_url.json, probe 7): a git pin moved
// to another commit keeps its version, and the diff sees it only by where the copy came from.
import { describe, expect, it } from 'vitest';
import type { EnvRecord } from '../../src/capture/record.js';
import { diffRecords } from '../../src/diff/diff.js';
import { DIRECT_URL_PROBE } from '../../src/diff/packages.js';
import { packageRow } from '../../src/report/render/sections.js';
import { makeRecord, pipEntry } from '../helpers/records.js';

type DirectUrl = EnvRecord['python']['packages'][number]['directUrl'];
const REPO = 'git+https://github.com/huggingface/transformers.git';
const AT = (commit: string): DirectUrl => ({ url: REPO, commit });
const C1 = '1a2b3c4d5e6f77777777777777777777777777aa';
const C2 = '9f8e7d6c5b4a33333333333333333333333333bb';

function record(version: string, directUrl: DirectUrl, probeVersion = DIRECT_URL_PROBE): EnvRecord {
  const r = makeRecord({
    pip: [{ ...pipEntry('transformers', version), ...(directUrl && { directUrl }) }],
  });
  return { ...r, capture: { ...r.capture, probeVersion } };
}

describe('pip: where a distribution came from', () => {
  it.each([
    // [what, base version, base source, head version, head source, expected change or null]
    [
      'a git pin moved, same version',
      '4.48.0.dev0',
      AT(C1),
      '4.48.0.dev0',
      AT(C2),
      {
        kind: 'changed',
        level: 'local',
        from: `4.48.0.dev0 (1a2b3c4d5e6f ${REPO})`,
        to: `4.48.0.dev0 (9f8e7d6c5b4a ${REPO})`,
      },
    ],
    [
      "an index's release replaced by a git install of the same version",
      '4.47.0',
      undefined,
      '4.47.0',
      AT(C2),
      {
        kind: 'changed',
        level: 'local',
        from: '4.47.0 (index)',
        to: `4.47.0 (9f8e7d6c5b4a ${REPO})`,
      },
    ],
    [
      'an editable install of the same version',
      '1.0',
      undefined,
      '1.0',
      { url: 'file:///src/pkg', editable: true },
      {
        kind: 'changed',
        level: 'local',
        from: '1.0 (index)',
        to: '1.0 (editable file:///src/pkg)',
      },
    ],
    ['the same pin on both sides', '4.48.0.dev0', AT(C1), '4.48.0.dev0', AT(C1), null],
    [
      'a version change says it by the versions',
      '4.47.0',
      AT(C1),
      '4.48.0',
      AT(C2),
      {
        kind: 'upgraded',
        level: 'minor',
        from: '4.47.0',
        to: '4.48.0',
      },
    ],
  ] as const)('%s', (_what, bv, bs, hv, hs, expected) => {
    const d = diffRecords(record(bv, bs), record(hv, hs));
    if (expected === null) {
      expect(d.pip.changes).toEqual([]);
      expect(d.pip.unchanged).toBe(1);
    } else expect(d.pip.changes).toEqual([{ name: 'transformers', ...expected }]);
  });

  it("the table's clipped cells still tell the two commits apart", () => {
    const d = diffRecords(record('4.48.0.dev0', AT(C1)), record('4.48.0.dev0', AT(C2)));
    const row = packageRow(d.pip.changes[0]!);
    expect(row).toContain('1a2b3c4d5e6f');
    expect(row).toContain('9f8e7d6c5b4a');
  });

  it('a record from before probe 7 knows no sources: no change is made up from their absence', () => {
    const d = diffRecords(record('4.47.0', undefined, DIRECT_URL_PROBE - 1), record('4.47.0', AT(C2)));
    expect(d.pip.changes).toEqual([]);
  });

  it('a source shown after the version is no CUDA build label (`git+https://…/cuda-…` names none)', () => {
    const d = diffRecords(
      record('2.5.1', { url: 'git+https://github.com/acme/cuda-kernels.git', commit: C1 }),
      record('2.5.1', undefined),
    );
    expect(d.pip.changes).toHaveLength(1);
    expect(d.pip.changes[0]!.cudaLoss).toBeUndefined();
  });
});
