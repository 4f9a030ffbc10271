// The fork poster's own links, and no supply-chain claims (src/report/untrusted-model.ts): an
// artifact's links are replaced by the triggering run's, and its supply-chain section (signing,
// attestations, verify commands) is left out: a pull request's run signs nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyCommand } from '../../src/attest/signing.js';
import { renderRun } from '../../src/report/render/run.js';
import { readGitHubEventFile } from '../../src/github/event.js';
import { buildReportModel } from '../../src/report/model.js';
import { type ReportModel, ReportModelSchema } from '../../src/report/model-schema.js';
import { constrainUntrusted, type TrustedFacts, trustedFacts } from '../../src/report/untrusted-model.js';
import { makeRecord } from '../helpers/records.js';

const REPO = 'acme/model';
const RUN = 'https://github.com/acme/model/actions/runs/4242';
const REF = `ghcr.io/acme/model@sha256:${'1'.repeat(64)}`;
const FACTS: TrustedFacts = { repository: REPO, runUrl: RUN };

function model(opts: { links?: ReportModel['links']; kind?: string; ref?: string; verify?: string }) {
  const m = buildReportModel({
    image: 'ghcr.io/acme/model',
    variant: 'cpu',
    entries: [{ platform: 'linux/amd64', head: makeRecord() }],
    ...(opts.links && { links: opts.links }),
    ...((opts.verify !== undefined || opts.kind !== undefined) && {
      supplyChain: {
        signing: 'signed',
        targets: [
          {
            platform: 'linux/amd64',
            ref: opts.ref ?? REF,
            signed: true,
            attestations: [
              {
                kind: opts.kind ?? 'sbom',
                attached: true,
                ...(opts.verify !== undefined && { verify: opts.verify }),
              },
            ],
            notes: [],
          },
        ],
      },
    }),
  });
  return m;
}

describe("the workflow_run event's run id (what the poster links to)", () => {
  it.each([
    ['{"workflow_run":{"id":4242,"head_sha":"x"}}', 4242],
    // A bad id is left out; the rest of the section is kept.
    ['{"workflow_run":{"id":"4242","head_sha":"x"}}', undefined],
    ['{"workflow_run":{"id":"4242"}}', undefined],
    ['{"workflow_run":{"id":-1}}', undefined],
    ['{"workflow_run":{"id":1.5}}', undefined],
    ['{"pull_request":{"number":7}}', undefined],
    ['not JSON', undefined],
  ])('%s: %s', (text, id) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-event-'));
    try {
      const file = path.join(dir, 'event.json');
      writeFileSync(file, text);
      const event = readGitHubEventFile(file);
      expect(event.workflow_run?.id).toBe(id);
      if (text.includes('head_sha')) expect(event.workflow_run?.head_sha).toBe('x');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is undefined off a runner, or for a path that is no regular file', () => {
    for (const file of [undefined, '/nonexistent/event.json', tmpdir(), '/dev/zero'])
      expect(readGitHubEventFile(file).workflow_run?.id).toBeUndefined();
  });
});

describe('trustedFacts', () => {
  it.each([
    ['a workflow_run job on github.com', { GITHUB_SERVER_URL: 'https://github.com' }, 4242, RUN],
    ['a trailing slash', { GITHUB_SERVER_URL: 'https://github.com/' }, 4242, RUN],
    [
      'GitHub Enterprise Server',
      { GITHUB_SERVER_URL: 'https://ghe.example' },
      7,
      'https://ghe.example/acme/model/actions/runs/7',
    ],
    ['no server URL', {}, 4242, undefined],
    ['a server URL that is not http(s)', { GITHUB_SERVER_URL: 'javascript:alert(1)' }, 4242, undefined],
    ['no run id in the event', { GITHUB_SERVER_URL: 'https://github.com' }, undefined, undefined],
  ])('%s: run link %s', (_name, env, runId, runUrl) => {
    expect(trustedFacts({ GITHUB_REPOSITORY: REPO, ...env }, runId).runUrl).toBe(runUrl);
  });
});

describe('constrainUntrusted: links', () => {
  it.each([
    ['genuine', { run: RUN, artifact: `${RUN}#artifacts` }, []],
    ['none (the poster knows the run)', {}, []],
    [
      'another site',
      { run: 'https://attacker.example/run', artifact: 'https://attacker.example/a' },
      ['run link "https://attacker.example/run"', 'artifact link "https://attacker.example/a"'],
    ],
    [
      'another run of this repository',
      { run: 'https://github.com/acme/model/actions/runs/1' },
      ['run link "https://github.com/acme/model/actions/runs/1"'],
    ],
    [
      'a look-alike path',
      { run: `${RUN}/../../../../attacker/x`, artifact: `${RUN}.attacker.example` },
      [`run link "${RUN}/../../../../attacker/x"`, `artifact link "${RUN}.attacker.example"`],
    ],
  ])('%s: the poster links to its own run', (_name, links, dropped) => {
    const r = constrainUntrusted(model({ links }), FACTS);
    expect(r.model.links).toEqual({ run: RUN, artifact: `${RUN}#artifacts` });
    expect(r.dropped).toEqual(
      dropped.map(
        (d) => `report "cpu": the artifact's ${d} is not one ml-image writes for ${REPO}: left out`,
      ),
    );
  });

  it('a line break in an artifact value cannot start a log line of its own', () => {
    const m = {
      ...model({ links: { run: 'https://attacker.example/\n::error::x' }, verify: 'cosign x' }),
      variant: 'cpu\n::warning::forged',
    };
    m.supplyChain!.targets[0]!.platform = 'linux/amd64\r\n::error::forged';
    const { dropped } = constrainUntrusted(m, FACTS);
    expect(dropped).toHaveLength(2);
    for (const line of dropped) expect(line).not.toMatch(/[\r\n]/);
  });

  it('links to no run when the poster does not know it', () => {
    const { runUrl: _, ...noRun } = FACTS;
    const r = constrainUntrusted(model({ links: { run: RUN } }), noRun);
    expect(r.model.links).toEqual({});
    expect(r.dropped).toHaveLength(1);
  });
});

describe('constrainUntrusted: supply-chain claims', () => {
  // A fork names a real release's digest and writes the command ml-image would write for it: the
  // command passes, for an image the pull request never built.
  const forged = verifyCommand(REF, 'cyclonedx', { kind: 'keyless' }, true, {
    repository: REPO,
    workflowRepository: 'ml-image-action/ml-image-action',
  });

  it('the section is left out, whatever it claims, and the log says so', () => {
    const r = constrainUntrusted(model({ verify: forged }), FACTS);
    expect(r.model.supplyChain).toBeUndefined();
    expect(r.dropped).toEqual([
      `report "cpu": the artifact's supply-chain section (1 platform image(s)) is left out: a pull request's run signs nothing`,
    ]);
  });

  it('the posted comment shows no signing claim and no verify command', () => {
    const r = constrainUntrusted(
      model({ links: { run: RUN, artifact: `${RUN}#artifacts` }, verify: forged }),
      FACTS,
    );
    const text = renderRun([r.model], { markerKey: 'ghcr.io/acme/model' }).markdown;
    expect(text).not.toMatch(/Supply chain/i);
    expect(text).not.toContain('cosign');
  });

  it('a genuine model without the section comes back as it was', () => {
    const { supplyChain: _s, ...m } = model({ links: { run: RUN, artifact: `${RUN}#artifacts` } });
    expect(constrainUntrusted(m, FACTS)).toEqual({ model: m, dropped: [] });
  });
});

describe("a forged model's platform with a base record and no diff, or a diff and no base record", () => {
  // buildReportModel sets both or neither; one without the other made the overview's header of
  // one shape and its rows of the other (a broken table in the posted comment). Found by
  // report-artifact-fuzz.test.ts.
  const genuine = () =>
    JSON.parse(
      JSON.stringify(
        buildReportModel({
          image: 'ghcr.io/acme/model',
          variant: 'cpu',
          entries: [
            { platform: 'linux/amd64', head: makeRecord(), base: makeRecord({ pip: { numpy: '1.0' } }) },
          ],
          baseline: { ref: 'main' },
        }),
      ),
    ) as ReportModel;
  it.each([
    ['base: null, diff set', { base: null }, false],
    ['base set, diff: null', { diff: null }, false],
    ['both null (no base record)', { base: null, diff: null }, true],
    ['both set (genuine)', {}, true],
  ])('%s', (_name, change, valid) => {
    const m = genuine();
    const forged = { ...m, platforms: [{ ...m.platforms[0]!, ...change }] };
    const r = ReportModelSchema.safeParse(forged);
    expect(r.success).toBe(valid);
    if (!r.success)
      expect(r.error.issues.map((i) => i.message)).toContain(
        'expected base and diff both null (no base record) or both set',
      );
  });
});
