// The fork poster's own links and verify commands (src/report/untrusted-model.ts): an artifact's
// links are replaced by the triggering run's, and a verify command stays only when it is exactly
// one that ml-image writes for this repository.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyCommand } from '../../src/attest/signing.js';
import { readGitHubEventFile } from '../../src/github/event.js';
import { buildReportModel } from '../../src/report/model.js';
import type { ReportModel } from '../../src/report/model-schema.js';
import {
  constrainUntrusted,
  REUSABLE_WORKFLOW_REPOSITORY,
  type TrustedFacts,
  trustedFacts,
} from '../../src/report/untrusted-model.js';
import { makeRecord } from '../helpers/records.js';

const REPO = 'acme/model';
const RUN = 'https://github.com/acme/model/actions/runs/4242';
const REF = `ghcr.io/acme/model@sha256:${'1'.repeat(64)}`;
const FACTS: TrustedFacts = { repository: REPO, runUrl: RUN, signers: [REPO, REUSABLE_WORKFLOW_REPOSITORY] };
const key = { kind: 'key', key: 'env://COSIGN_KEY' } as const;
const keyless = { kind: 'keyless' } as const;

function model(opts: { links?: ReportModel['links']; kind?: string; ref?: string; verify?: string }) {
  const m = buildReportModel({
    image: 'ghcr.io/acme/model',
    variant: 'cpu',
    entries: [{ platform: 'linux/amd64', head: makeRecord() }],
    ...(opts.links && { links: opts.links }),
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

  it.each([
    [{}, [REPO, REUSABLE_WORKFLOW_REPOSITORY]],
    [
      { ML_IMAGE_WORKFLOW_REPOSITORY: 'acme/workflows' },
      [REPO, 'acme/workflows', REUSABLE_WORKFLOW_REPOSITORY],
    ],
    [{ ML_IMAGE_WORKFLOW_REPOSITORY: 'not a repository' }, [REPO, REUSABLE_WORKFLOW_REPOSITORY]],
    [{ GITHUB_REPOSITORY: REUSABLE_WORKFLOW_REPOSITORY }, [REUSABLE_WORKFLOW_REPOSITORY]],
  ])('signers with %j: %j', (env, signers) => {
    expect(trustedFacts({ GITHUB_REPOSITORY: REPO, ...env }, 1).signers).toEqual(signers);
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

describe('constrainUntrusted: verify commands', () => {
  const own = (id: Parameters<typeof verifyCommand>[2], tlog: boolean, signer?: string, type = 'cyclonedx') =>
    verifyCommand(REF, type, id, tlog, REPO, signer);
  it.each([
    ['key, no transparency log', own(key, false)],
    ['key, with the transparency log', own(key, true)],
    ['keyless, signed by a workflow of this repository', own(keyless, true)],
    ['keyless, signed by the reusable workflow', own(keyless, true, REUSABLE_WORKFLOW_REPOSITORY)],
  ])('kept: %s', (_name, cmd) => {
    const r = constrainUntrusted(model({ verify: cmd }), FACTS);
    expect(r.model.supplyChain!.targets[0]!.attestations[0]!.verify).toBe(cmd);
    expect(r.model.supplyChain!.targets[0]!.notes).toEqual([]);
    expect(r.dropped).toEqual([]);
  });

  it('kept: keyless, signed from the repository the poster job names (ML_IMAGE_WORKFLOW_REPOSITORY)', () => {
    const cmd = own(keyless, true, 'acme/workflows');
    const facts = trustedFacts(
      {
        GITHUB_REPOSITORY: REPO,
        GITHUB_SERVER_URL: 'https://github.com',
        ML_IMAGE_WORKFLOW_REPOSITORY: 'acme/workflows',
      },
      4242,
    );
    expect(constrainUntrusted(model({ verify: cmd }), facts).dropped).toEqual([]);
    expect(constrainUntrusted(model({ verify: cmd }), FACTS).dropped).toHaveLength(1);
  });

  it.each([
    ['a key fetched from a URL', own(key, false).replace('cosign.pub', 'https://attacker.example/k.pub')],
    ['a key file of its choosing', own(key, false).replace('cosign.pub', '/tmp/attacker.pub')],
    ['an identity of another repository', own(keyless, true, 'attacker/evil')],
    [
      "another repository's run",
      own(keyless, true).replace(
        `--certificate-github-workflow-repository ${REPO}`,
        '--certificate-github-workflow-repository attacker/evil',
      ),
    ],
    [
      'an exact identity instead of the regexp',
      own(keyless, true).replace(
        /--certificate-identity-regexp \S+/,
        '--certificate-identity https://github.com/attacker/evil/.github/workflows/x.yml@refs/heads/main',
      ),
    ],
    ['any identity at all', own(keyless, true).replace(/'\^[^']*'/, "'.*'")],
    ['a flag added', `${own(key, false)} --rekor-url=https://attacker.example`],
    [
      'cosign verify with no type',
      own(key, false).replace('verify-attestation', 'verify').replace(' --type cyclonedx', ''),
    ],
    ['another predicate type than its kind', own(key, false, undefined, 'slsaprovenance1')],
    [
      'another image than the target',
      verifyCommand(`ghcr.io/attacker/x@sha256:${'2'.repeat(64)}`, 'cyclonedx', key, false, REPO),
    ],
    [
      'no reference by digest',
      'cosign verify-attestation --key cosign.pub --type cyclonedx ghcr.io/acme/model:latest',
    ],
  ])('left out, and the comment says so: %s', (_name, cmd) => {
    const r = constrainUntrusted(model({ verify: cmd }), FACTS);
    const target = r.model.supplyChain!.targets[0]!;
    expect(target.attestations[0]).toEqual({ kind: 'sbom', attached: true });
    expect(target.notes).toEqual([`sbom: verify command left out (not one ml-image writes for ${REPO})`]);
    expect(r.dropped).toEqual([
      `report "cpu": the artifact's "linux/amd64" "sbom" verify command ${JSON.stringify(cmd)} is not one ml-image writes for ${REPO}: left out`,
    ]);
  });

  it.each(['custom', '__proto__', 'constructor'])(
    'left out: the kind %j, which ml-image never attests',
    (kind) => {
      const r = constrainUntrusted(model({ kind, verify: own(key, false) }), FACTS);
      expect(r.model.supplyChain!.targets[0]!.attestations[0]!.verify).toBeUndefined();
    },
  );

  it('a genuine model comes back as it was', () => {
    const m = model({ links: { run: RUN, artifact: `${RUN}#artifacts` }, verify: own(keyless, true) });
    expect(constrainUntrusted(m, FACTS)).toEqual({ model: m, dropped: [] });
  });
});
