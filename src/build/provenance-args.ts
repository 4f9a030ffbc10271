// --provenance for the builder: buildx >= 0.10 knows the flag; the classic-store docker driver cannot
// attest; the SLSA version (`version=v1`) only where the builder's BuildKit writes it.
//
// BuildKit reads `version` since v0.23.0 (moby/buildkit a58f93e7b "provenance slsa v1": control.go
// takes it out of the provenance attributes and validates it, v0.2 or v1, anything else failing the
// build); its default went from v0.2 to v1 in v0.28.0 (a12f3aae7 "default to provenance slsa v1").
// BuildKit 0.11 to 0.22 read the provenance attributes they know by name (mode, builder-id,
// reproducible, capture-usage, inline-only, filename) and ignore any other: `version=v1` fails
// nothing there, the attestation is SLSA v0.2 all the same. buildx (0.10 on) passes the attributes
// through as they are (`attest:provenance`). So where the builder's BuildKit is known to be older,
// `version=v1` is left out with a warning rather than promise a v1 attestation that is not made;
// where its version is unknown (an unstamped build such as Debian's dockerd 26, "v0.0.0+unknown") it
// is passed, with a note (a newer BuildKit honours it, an older one ignores it). Nothing after the
// build can tell which: buildx's metadata (buildx.build.provenance, buildx >= 0.14) shows a v1
// predicate in the v0.2 shape from buildx 0.26 (docker/buildx 2588b66fd, build/provenance.go
// encodeProvenance), and almost empty before it.
import type { ProvenanceMode, ProvenanceVersion } from '../config/provenance.js';
import { compareVersions } from '../util/versions.js';

/** The first BuildKit that reads the provenance `version` attribute (SLSA v1). */
const PROVENANCE_VERSION_MIN_BUILDKIT = '0.23.0';

export interface ProvenanceRequest {
  provenance: ProvenanceMode;
  /** `version=`: the SLSA provenance version BuildKit writes; unset, its default. */
  provenanceVersion?: ProvenanceVersion;
}

interface ProvenanceBuilder {
  buildxVersion: string;
  buildkitVersion?: string;
  name?: string;
}

/**
 * The --provenance flag, if any. CLASSIC: the docker driver on the classic image store, which
 * cannot attest (a note says it was turned off); a version the builder's BuildKit does not write is
 * left out with a warning (v1), or silently (v0.2, the only one it writes).
 */
export function provenanceArgs(
  req: ProvenanceRequest,
  builder: ProvenanceBuilder,
  classic: boolean,
  [notes, warnings]: [string[], string[]],
): string[] {
  if (compareVersions(builder.buildxVersion, '0.10.0') < 0) return [];
  const mode = classic ? 'false' : req.provenance;
  if (mode !== req.provenance)
    notes.push('docker driver: provenance attestations are not supported, disabled');
  if (mode === 'false') return ['--provenance=false'];
  let version = req.provenanceVersion;
  const bk = builder.buildkitVersion;
  if (version !== undefined && bk !== undefined && compareVersions(bk, PROVENANCE_VERSION_MIN_BUILDKIT) < 0) {
    if (version === 'v1')
      warnings.push(
        `provenance version=v1: BuildKit ${bk} of builder ${builder.name ?? '(current)'} writes SLSA provenance v0.2 only (v1 needs BuildKit >= ${PROVENANCE_VERSION_MIN_BUILDKIT}), version left out: the attestation is v0.2`,
      );
    version = undefined;
  }
  if (version === 'v1' && bk === undefined)
    notes.push(
      `provenance version=v1: builder ${builder.name ?? '(current)'} does not report its BuildKit version, so version=v1 is passed as asked; a BuildKit older than ${PROVENANCE_VERSION_MIN_BUILDKIT} ignores it and writes SLSA provenance v0.2`,
    );
  return [`--provenance=mode=${mode}${version !== undefined ? `,version=${version}` : ''}`];
}
