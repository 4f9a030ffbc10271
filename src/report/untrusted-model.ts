// What the fork-safe poster shows of a report model from an untrusted artifact that points the
// reader somewhere: the links and the verify commands. Every other value is text the renderer
// escapes, but a link is followed and a command is copied and run as they are, and the comment is
// posted with the write token, in this repository's name. So the poster does not take them from
// the artifact: the run links are rebuilt from what the workflow_run job knows itself (the server,
// the repository, the id of the run that made the artifact), and a verify command stays only when
// it is exactly one that ml-image writes for this repository (src/attest/signing.ts verifyCommand:
// the verifier's own cosign.pub, or a keyless identity of this repository's run), else it is left
// out and the comment says so.
import { KIND_TYPES } from '../attest/result.js';
import { verifyCommand } from '../attest/signing.js';
import type { AttestationKind } from '../config/attest.js';
import { actionsRunUrl, isOwnerRepo } from '../github/run.js';
import { clip, safeUrl } from './escape.js';
import type { ReportModel, SupplyChain } from './model-schema.js';

type Env = Readonly<Record<string, string | undefined>>;

/** An artifact's value in a log line: quoted, so no line break in it can start a line of its own. */
const q = (text: string, max: number) => JSON.stringify(clip(text, max));

/** The reusable workflow (.github/workflows/ml-image.yml) signs keyless from its own repository. */
export const REUSABLE_WORKFLOW_REPOSITORY = 'ml-image-action/ml-image-action';

/** What the poster knows without the artifact. */
export interface TrustedFacts {
  /** owner/repo the poster runs in (GITHUB_REPOSITORY); the run that made the artifact ran there too. */
  repository: string;
  /** The run that made the artifact; undefined: not known, and the comment links to no run. */
  runUrl?: string;
  /** Repositories whose workflows sign keyless for this repository's runs. */
  signers: readonly string[];
}

/**
 * The facts from the poster's own environment: GITHUB_SERVER_URL, GITHUB_REPOSITORY, the
 * workflow_run event's run id, and ML_IMAGE_WORKFLOW_REPOSITORY when the poster's job sets it.
 */
export function trustedFacts(env: Env, runId: number | undefined): TrustedFacts {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const server = env.GITHUB_SERVER_URL;
  // Built as the pull request's own job builds its link (src/report/github-env.ts): a genuine
  // artifact's link is this very URL.
  const runUrl =
    server && safeUrl(server) && isOwnerRepo(repository) && runId !== undefined
      ? actionsRunUrl(server, repository, runId)
      : undefined;
  const signers = [repository, env.ML_IMAGE_WORKFLOW_REPOSITORY ?? '', REUSABLE_WORKFLOW_REPOSITORY];
  return {
    repository,
    ...(runUrl !== undefined && { runUrl }),
    signers: [...new Set(signers.filter(isOwnerRepo))],
  };
}

/** The commands ml-image writes to check `kind` on `ref` for this repository (none for a bad ref). */
function ownCommands(ref: string, kind: string, facts: TrustedFacts): string[] {
  if (!Object.hasOwn(KIND_TYPES, kind)) return [];
  const type = KIND_TYPES[kind as AttestationKind].cosignType;
  // The key mode's command names the verifier's public key, whatever key signed.
  const key = { kind: 'key', key: 'cosign.pub' } as const;
  try {
    return [
      verifyCommand(ref, type, key, false, facts.repository),
      verifyCommand(ref, type, key, true, facts.repository),
      ...facts.signers.map((s) => verifyCommand(ref, type, { kind: 'keyless' }, true, facts.repository, s)),
    ];
  } catch {
    // Not a reference by digest: no command of ours names it.
    return [];
  }
}

function constrainSupplyChain(sc: SupplyChain, facts: TrustedFacts, dropped: string[]): SupplyChain {
  const targets = sc.targets.map((t) => {
    const notes = [...t.notes];
    const attestations = t.attestations.map((a) => {
      if (a.verify === undefined || ownCommands(t.ref, a.kind, facts).includes(a.verify)) return a;
      const kind = clip(a.kind, 40);
      notes.push(`${kind}: verify command left out (not one ml-image writes for ${facts.repository})`);
      dropped.push(`${q(t.platform, 40)} ${q(a.kind, 40)} verify command ${q(a.verify, 600)}`);
      return { kind: a.kind, attached: a.attached };
    });
    return { ...t, attestations, notes };
  });
  return { ...sc, targets };
}

/**
 * The model with the poster's own run links and only its own verify commands; `dropped` says, for
 * the log, what of the artifact's was left out (a link is replaced by the poster's own).
 */
export function constrainUntrusted(
  model: ReportModel,
  facts: TrustedFacts,
): { model: ReportModel; dropped: string[] } {
  const dropped: string[] = [];
  const links: ReportModel['links'] = facts.runUrl
    ? { run: facts.runUrl, artifact: `${facts.runUrl}#artifacts` }
    : {};
  for (const k of ['run', 'artifact'] as const) {
    const claimed = model.links[k];
    if (claimed !== undefined && claimed !== links[k]) dropped.push(`${k} link ${q(claimed, 300)}`);
  }
  const supplyChain = model.supplyChain && constrainSupplyChain(model.supplyChain, facts, dropped);
  return {
    model: { ...model, links, ...(supplyChain && { supplyChain }) },
    dropped: dropped.map(
      (d) =>
        `report ${q(model.variant, 40)}: the artifact's ${d} is not one ml-image writes for ${facts.repository}: left out`,
    ),
  };
}
