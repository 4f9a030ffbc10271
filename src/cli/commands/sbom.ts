import path from 'node:path';
import { buildSbom } from '../../attest/sbom.js';
import { spdxFromCycloneDx } from '../../attest/spdx.js';
import { readEnvRecord } from '../../diff/read.js';
import { InputError } from '../../errors.js';
import { readJsonFile } from '../../util/json-file.js';
import { didYouMean } from '../../util/text.js';
import { type OptionSpec, parseCommandArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { ENV_RECORD_FIX, writeOutFileNamed } from '../output.js';
import type { Command } from './types.js';

/** The SBOM formats `ml-image sbom --format` writes. */
const FORMATS = ['cyclonedx', 'spdx'] as const;

const SBOM_OPTIONS = {
  record: { type: 'string', required: true },
  variant: { type: 'string' },
  format: { type: 'string' },
} as const satisfies OptionSpec;

export const sbomCommand: Command = {
  outIsFile: true,
  name: 'sbom',
  options: SBOM_OPTIONS,
  summary: 'Write the SBOM of an image from its environment record (env.json): CycloneDX 1.6 or SPDX 2.3.',
  usage: 'ml-image sbom --record env.json [--format cyclonedx|spdx] [--out FILE] [--variant V] [--json]',
  help: `Builds an ML-aware SBOM (CycloneDX 1.6 JSON) from an environment record written by
"ml-image capture" or a run: every pip distribution (pkg:pypi), every apt package (pkg:deb, its
source package as upstream=), the OS, and the ML stack as components with ml-image:* properties:
CUDA runtime, cuDNN, NCCL (with where the probe read each), torch and its CUDA build, NumPy, Python
and the base image (from the OCI base-image labels). The image itself is the SBOM's subject
(pkg:oci, by digest when the record has one). The same record gives the same bytes. Nothing from
the image's environment variables goes in; see docs/attestations.md.
With --format spdx the same SBOM is written as SPDX 2.3 JSON: each component a package (its purl
an external reference, its ml-image:* properties annotations); the image CONTAINS them and
is a DESCENDANT_OF its base image.

Options:
  --record FILE   the environment record (env.json; older record versions are read)
  --format F      cyclonedx (default) or spdx
  --out FILE      write the SBOM to FILE instead of printing it
  --variant V     the variant named in the SBOM (default: the record's)
  --json          with --out: print {"file", "format", "components" or "packages", "serialNumber" or
                  "documentNamespace"} instead of a line

Exit codes: 0 written; 2 the record is missing, not JSON or not a record, or an unknown --format
(the message names it); 3 --out's filesystem is full or read-only.`,
  async run(argv: string[], io: CliIo) {
    const { values } = parseCommandArgs('sbom', argv, SBOM_OPTIONS);
    if (values.record === undefined || values.record === '')
      throw new InputError(
        'sbom: --record is required',
        'e.g. ml-image sbom --record results/env-cpu-amd64.json',
      );
    if (values.variant === '') throw new InputError('sbom: --variant: expected a variant name, got ""');
    const format = values.format ?? 'cyclonedx';
    if (!(FORMATS as readonly string[]).includes(format))
      throw new InputError(
        `sbom: --format: expected ${FORMATS.join(' or ')}, got ${JSON.stringify(format)}${didYouMean(format, FORMATS)}`,
        'e.g. ml-image sbom --record env.json --format spdx',
      );
    const file = values.record;
    const record = readEnvRecord(
      readJsonFile(path.resolve(io.cwd, file), { what: 'environment record', fix: ENV_RECORD_FIX }),
      file,
    );
    const sbom = buildSbom({ record, ...(values.variant !== undefined && { variant: values.variant }) });
    const spdx = format === 'spdx' ? spdxFromCycloneDx(sbom) : undefined;
    const text = `${JSON.stringify(spdx ?? sbom, null, 2)}\n`;
    if (values.out === undefined) {
      io.stdout(text);
      return 0;
    }
    const written = writeOutFileNamed(io.cwd, values.out, text, [{ what: 'the record (--record)', file }]);
    const summary = spdx
      ? { file: written, format, packages: spdx.packages.length, documentNamespace: spdx.documentNamespace }
      : {
          file: written,
          format,
          components: Array.isArray(sbom.components) ? sbom.components.length : 0,
          serialNumber: sbom.serialNumber,
        };
    if (values.json) io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
    else if ('packages' in summary) io.stderr(`wrote ${written} (SPDX 2.3, ${summary.packages} packages)\n`);
    else io.stderr(`wrote ${written} (CycloneDX 1.6, ${summary.components} components)\n`);
    return 0;
  },
};
