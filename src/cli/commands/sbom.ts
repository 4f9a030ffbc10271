import path from 'node:path';
import { buildSbom } from '../../attest/sbom.js';
import { readEnvRecord } from '../../diff/read.js';
import { InputError } from '../../errors.js';
import { readJsonFile } from '../../util/json-file.js';
import { parseCommandArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { writeOutFile } from '../output.js';
import type { Command } from './types.js';

export const sbomCommand: Command = {
  outIsFile: true,
  name: 'sbom',
  summary: 'Write the CycloneDX 1.6 SBOM of an image from its environment record (env.json).',
  usage: 'ml-image sbom --record env.json [--out FILE] [--variant V] [--json]',
  help: `Builds an ML-aware SBOM (CycloneDX 1.6 JSON) from an environment record written by
"ml-image capture" or a run: every pip distribution (pkg:pypi), every apt package (pkg:deb), the
OS, and the ML stack as components with ml-image:* properties: CUDA runtime, cuDNN, NCCL, torch
and its CUDA build, NumPy, Python and the base image (from the OCI base-image labels). The image
itself is the SBOM's subject (pkg:oci, by digest when the record has one). The same record gives
the same bytes. Nothing from the image's environment variables goes in; see docs/attestations.md.

Options:
  --record FILE   the environment record (env.json; older record versions are read)
  --out FILE      write the SBOM to FILE instead of printing it
  --variant V     the variant named in the SBOM (default: the record's)
  --json          with --out: print {"file", "components", "serialNumber"} instead of a line

Exit codes: 0 written; 2 the record is missing, not JSON or not a record (the message names it).`,
  async run(argv: string[], io: CliIo) {
    const { values } = parseCommandArgs('sbom', argv, {
      record: { type: 'string' },
      variant: { type: 'string' },
    });
    if (values.record === undefined || values.record === '')
      throw new InputError(
        'sbom: --record is required',
        'e.g. ml-image sbom --record results/env-cpu-amd64.json',
      );
    if (values.variant === '') throw new InputError('sbom: --variant: expected a variant name, got ""');
    const file = values.record;
    const record = readEnvRecord(
      readJsonFile(path.resolve(io.cwd, file), { what: 'environment record' }),
      file,
    );
    const sbom = buildSbom({ record, ...(values.variant !== undefined && { variant: values.variant }) });
    const text = `${JSON.stringify(sbom, null, 2)}\n`;
    if (values.out === undefined) {
      io.stdout(text);
      return 0;
    }
    const written = writeOutFile(io.cwd, path.dirname(values.out), path.basename(values.out), text);
    const components = Array.isArray(sbom.components) ? sbom.components.length : 0;
    if (values.json)
      io.stdout(
        `${JSON.stringify({ file: written, components, serialNumber: sbom.serialNumber }, null, 2)}\n`,
      );
    else io.stderr(`wrote ${written} (CycloneDX 1.6, ${components} components)\n`);
    return 0;
  },
};
