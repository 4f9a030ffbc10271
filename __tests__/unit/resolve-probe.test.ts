// The "newest that fits" probe (steps/explain.ts) looks where the requirements look: their own
// --index-url / --extra-index-url / --find-links / --pre lines go into probe.txt with the name.
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/resolve/helper-output.js';
import { RESOLUTION_SCHEMA_VERSION } from '../../src/resolve/result.js';
import {
  checkedResolution,
  conflictResolution,
  probeOptionLines,
  requirementLines,
} from '../../src/resolve/steps/explain.js';
import type { ResolutionBase } from '../../src/resolve/steps/hold.js';
import { chainOf } from '../../src/resolve/steps/chain.js';
import type { Workspace } from '../../src/resolve/workspace.js';

const draft: ResolutionBase = {
  schemaVersion: RESOLUTION_SCHEMA_VERSION,
  image: 'base:1',
  platform: 'linux/amd64',
  mode: 'auto',
  python: '3.11.2',
  naive: { install: [], replaces: [] },
  constraints: { pinned: 0, skipped: [] },
};
const NO_ANALYSIS: Analysis = { install: [], replaced: [], environment: {} };

describe('probeOptionLines: the option lines the probe takes', () => {
  it.each<[string, string, string[]]>([
    ['no options', 'only3==1.0\n', []],
    [
      'index lines, as written',
      '--extra-index-url http://127.0.0.1:5078/simple\nonly3==1.0\n-i https://u:${TOKEN}@x/simple\n',
      ['--extra-index-url http://127.0.0.1:5078/simple', '-i https://u:${TOKEN}@x/simple'],
    ],
    [
      'find-links and --pre',
      '--find-links ./wheels # local\n--pre\nfoo\n',
      ['--find-links ./wheels', '--pre'],
    ],
    ['not a -r line (more requirements)', '-r https://x/more.txt\nfoo\n', []],
    ['not --require-hashes (the probe line has no hash)', '--require-hashes\nfoo==1 --hash=sha256:00\n', []],
    ['not a requirement line with options', 'foo==1.0 --config-settings=a=b\n', []],
  ])('%s', (_, text, want) => {
    expect(probeOptionLines(text)).toEqual(want);
  });
});

describe('the "newest that fits" probe', () => {
  it("takes the requirements' index lines: a project only their extra index serves is found there", async () => {
    const probed: string[] = [];
    const ws = {
      put: (files: Record<string, string>) => {
        if (files['probe.txt'] !== undefined) probed.push(files['probe.txt']);
        return Promise.resolve();
      },
      dryRun: () => Promise.resolve({ ok: false, out: '' }),
    } as unknown as Workspace;
    const held = {
      ok: false,
      out: 'The conflict is caused by:\n    The user requested only3>=1.0\n    only3 1.0 depends on numpy>=2\n\nx',
    };
    await conflictResolution(ws, draft, {
      held,
      diagnosis: { naive: { ok: true, out: '' }, analysis: NO_ANALYSIS },
      requested: ['only3'],
      text: '--extra-index-url http://127.0.0.1:5078/simple\nonly3==1.0',
    });
    expect(probed).toEqual(['--extra-index-url http://127.0.0.1:5078/simple\nonly3\n']);
  });
});

describe("requirementLines: each project's lines, as the option names them", () => {
  it('canonical names, every line of a project, option lines skipped', () => {
    const text = '--extra-index-url http://x/simple\nFoo_Bar==1.0 ; os_name == "posix"\ntqdm\nfoo.bar==2.0';
    const origins = ['/w/r.txt:1', '/w/r.txt:2', '/w/inc.txt:1', '/w/r.txt:5'];
    expect(requirementLines(text, origins)).toEqual(
      new Map([
        ['foo-bar', ['/w/r.txt:2', '/w/r.txt:5']],
        ['tqdm', ['/w/inc.txt:1']],
      ]),
    );
  });
});

describe('the "older release" option', () => {
  it.each<[string, string, string, string[] | undefined]>([
    ['a bare name', 'extrapkg==2.0', 'extrapkg==1.0', undefined],
    [
      'with the extras it was probed with (not a line that drops them)',
      'ExtraPkg[fast]==2.0',
      'extrapkg[fast]==1.0',
      undefined,
    ],
    ['naming the line to change', 'tqdm\nextrapkg==2.0', 'extrapkg==1.0', ['/w/r.txt:1', '/w/inc.txt:3']],
  ])('%s', async (_, text, want, origins) => {
    const ws = {
      put: () => Promise.resolve(),
      dryRun: () => Promise.resolve({ ok: true, out: '' }),
      helper: () =>
        Promise.resolve({
          install: [{ name: 'extrapkg', version: '1.0', requested: true }],
          replaced: [],
          environment: {},
        }),
    } as unknown as Workspace;
    const held = {
      ok: false,
      out: 'The conflict is caused by:\n    extrapkg[fast] 2.0 depends on numpy>=2; extra == "fast"\n    The user requested (constraint) numpy==1.26.4\n\nx',
    };
    const r = await conflictResolution(ws, draft, {
      held,
      diagnosis: { naive: { ok: true, out: '' }, analysis: NO_ANALYSIS },
      requested: ['extrapkg'],
      text,
      ...(origins && { origins }),
    });
    expect(r.conflict?.options[0]).toBe(
      `use an older release: ${want} is the newest that fits the base image${origins ? ' (change /w/inc.txt:3)' : ''}`,
    );
  });
});

describe('the chain names the lines that ask for a base package themselves', () => {
  const numpy = {
    name: 'numpy',
    from: '1.26.4',
    to: '2.3.1',
    breaks: [{ dist: 'numba', version: '0.60.0', requirement: 'numpy<2.1,>=1.22' }],
    pulledInBy: [],
  };
  it.each<[string, ReadonlyMap<string, readonly string[]>, string]>([
    ['no line known', new Map(), 'your requirements -> numpy 2.3.1'],
    [
      'its lines',
      new Map([['numpy', ['/w/r.txt:2', '/w/inc.txt:1']]]),
      'your requirement of numpy (/w/r.txt:2, /w/inc.txt:1) -> numpy 2.3.1',
    ],
    ["another project's lines only", new Map([['tqdm', ['/w/r.txt:1']]]), 'your requirements -> numpy 2.3.1'],
  ])('%s', (_, asked, start) => {
    expect(chainOf([numpy], [], asked)[0]).toBe(
      `${start} would replace the base image's numpy 1.26.4, which numba 0.60.0 (numpy<2.1,>=1.22) needs`,
    );
  });

  it('in a conflict, from the requirements text and its origins', async () => {
    const ws = {
      put: () => Promise.resolve(),
      dryRun: () => Promise.resolve({ ok: false, out: '' }),
    } as unknown as Workspace;
    const r = await conflictResolution(ws, draft, {
      held: {
        ok: false,
        out: 'The conflict is caused by:\n    The user requested numpy>=2\n    The user requested (constraint) numpy==1.26.4\n\nx',
      },
      diagnosis: { naive: { ok: true, out: '' }, analysis: { ...NO_ANALYSIS, replaced: [numpy] } },
      requested: ['tqdm', 'numpy'],
      text: 'tqdm\nnumpy>=2',
      origins: ['/w/r.txt:1', '/w/r.txt:2'],
    });
    expect(r.conflict?.chain[0]).toMatch(/^your requirement of numpy \(\/w\/r\.txt:2\) -> numpy 2\.3\.1 /);
  });
});

describe('mode check: the chain names the lines too', () => {
  it('a base package asked for by a line of the user', () => {
    const replaced = [{ name: 'numpy', from: '1.26.4', to: '2.3.1', breaks: [], pulledInBy: [] }];
    const r = checkedResolution(
      draft,
      { naive: { ok: true, out: '' }, analysis: { ...NO_ANALYSIS, replaced } },
      [],
      requirementLines('numpy>=2', ['/w/r.txt:4']),
    );
    expect(r.conflict?.chain).toEqual([
      "your requirement of numpy (/w/r.txt:4) -> numpy 2.3.1 would replace the base image's numpy 1.26.4",
    ]);
  });
});
