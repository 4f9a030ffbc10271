// The result directory of a command that keeps none (`ml-image build` without --out): writes go
// nowhere, reads find nothing; cosign still reads each predicate from a file, in a temp dir of the run.
import { rmSync } from 'node:fs';
import { InputError } from '../errors.js';
import { registerCleanup } from '../util/cleanup.js';
import { runTempDir } from '../util/temp.js';
import { BUILD_FILE, openResultDir, type ResultDir } from './results.js';

/** No result directory: writes go nowhere, reads find nothing (`ml-image build` without --out). */
export function discardResults(): ResultDir {
  const none = () => undefined;
  const nothing = () => null;
  let dir: string | undefined;
  const scratch = () => {
    if (dir === undefined) {
      const made = runTempDir('attest-');
      dir = made;
      registerCleanup(async () => rmSync(made, { recursive: true, force: true }));
    }
    return dir;
  };
  return {
    dir: undefined,
    writePlan: none,
    readPlan: none,
    writeResolution: none,
    readResolution: none,
    removeResolution: none,
    removeBuild: none,
    writeBuild: none,
    readBuild: () => {
      throw new InputError(`no result directory to read ${BUILD_FILE} from`, 'pass --out DIR');
    },
    hasBuild: () => false,
    writeDigests: none,
    writeEnv: none,
    readEnv: nothing,
    writeSmoke: none,
    readSmoke: nothing,
    writeSmokeKey: none,
    readSmokeKey: none,
    removeSmokeKey: none,
    hasEnv: () => false,
    recordFiles: () => [],
    removeRecords: none,
    writeReport: () => '',
    writeRunReport: () => '',
    checkReportTargets: () => undefined,
    writeComment: () => '',
    removeVariantReport: () => [],
    removeRunReport: () => [],
    // cosign reads a predicate from a file: a temp dir of the run, removed with it.
    writeAttestation: (v, p, kind, predicate) =>
      openResultDir(scratch(), 'a temp dir', { lock: false }).writeAttestation(v, p, kind, predicate),
    writeEnvelope: none,
    takeEnvelopes: () => new Map(),
    envelopeNames: () => new Set(),
    writeDevcontainer: () => '',
    removeDevcontainers: () => [],
    writeAttest: none,
    readAttest: none,
  };
}
