import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  DEVCONTAINER_FILE,
  type DevcontainerJson,
  SERVICE_PORTS,
  writtenByMlImage,
} from '../../devcontainer/devcontainer.js';
import {
  devcontainerFromResults,
  hostPlatform,
  otherImageNote,
  type OtherImageRecord,
} from '../../devcontainer/from-results.js';
import { BUILD_FILE } from '../../results/results.js';
import { InputError } from '../../errors.js';
import { parseCommandArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { refuseForeignFile, writeOutFileNamed } from '../output.js';
import { askEnginePlatform } from './engine-platform.js';
import type { Command } from './types.js';

const OPTIONS = {
  from: { type: 'string', required: true },
  variant: { type: 'string' },
  force: { type: 'boolean', default: false },
} as const;

interface Summary {
  file: string;
  image: string;
  variant: string;
  pinned: boolean;
  cuda: boolean;
  record: string | null;
  remoteUser: string | null;
  mounts: string[];
  forwardPorts: number[];
  notes: string[];
}

/** The fields of --json, in order: the help names these, so it cannot drift from the output. */
export const SUMMARY_FIELDS = [
  'file',
  'image',
  'variant',
  'pinned',
  'cuda',
  'record',
  'remoteUser',
  'mounts',
  'forwardPorts',
  'notes',
] as const satisfies readonly (keyof Summary)[];

const orList = (names: readonly string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? '');

/** "8888 (Jupyter) when jupyter, ... or nbclassic is installed, 5000 (MLflow) when mlflow is". */
const portsHelp = SERVICE_PORTS.map(
  ({ port, label, distributions }, i) =>
    `${port} (${label}) when ${orList(distributions)} ${i === 0 ? 'is installed' : 'is'}`,
).join(',\n                   ');

function notesFor(
  json: DevcontainerJson,
  { pinned, platforms }: { pinned: boolean; platforms: readonly string[] },
  record: string | undefined,
  dir: string,
  { host, engine, other }: { host: string; engine: boolean; other: readonly OtherImageRecord[] },
): string[] {
  const notes: string[] = [];
  if (!engine)
    notes.push(
      `the Docker engine's platform is not known here (a local engine did not answer, or the engine is remote): this machine's platform is taken as ${host}, Node's (process.arch ${process.arch}), which is not the engine's under Rosetta or other emulation`,
    );
  // An image (by digest, or the local tag of a platform only loaded) of another architecture only.
  if (platforms.length > 0 && !platforms.includes(host))
    notes.push(
      `the image is built for ${platforms.join(', ')} only: on this ${host} machine it runs under emulation (QEMU), if at all`,
    );
  if (!pinned)
    notes.push(
      `the build pushed no digest to pin (a merged one, or that of a variant's only platform): ${json.image} is a local tag of this engine, not pinned by digest (build with push, merging several platforms, to share the devcontainer)`,
    );
  for (const o of other)
    notes.push(
      `${otherImageNote(o)} (run the smoke stage again to record this image: "ml-image run --out DIR")`,
    );
  if (record === undefined && other.length > 0)
    notes.push("the image's user, cache directories and Jupyter/MLflow are unknown: no record of this image");
  else if (record === undefined)
    notes.push(
      `no env-*.json in ${dir}: the image's user, cache directories and Jupyter/MLflow are unknown (write them with "ml-image run --out DIR"; "ml-image capture --out DIR" writes env.json, which is read only saved as env-<variant>-<arch>.json)`,
    );
  else if (json.remoteUser === undefined) notes.push('the image runs as root (no USER in its Dockerfile)');
  return notes;
}

export const devcontainerCommand: Command = {
  name: 'devcontainer',
  options: OPTIONS,
  summary: 'Write .devcontainer/devcontainer.json that opens the built image by digest.',
  usage: 'ml-image devcontainer --from DIR [--variant NAME] [--out FILE] [--force] [--json]',
  outIsFile: true,
  help: `Reads DIR/build.json (what "ml-image build --out DIR" or "ml-image run --out DIR" wrote), DIR/plan.json
and DIR/env-<variant>-<arch>.json (the captured record, when there) and writes a Dev Container
definition for VS Code, Codespaces or the devcontainer CLI:
  image            REPOSITORY@sha256:... (the merged manifest list, else the pushed platform of a
                   variant of one platform); else (push: false, or several platforms not merged of
                   which some were only loaded) the local tag of a loaded platform, the Docker
                   engine's where there is one (Node's when the engine does not answer), with a note
  remoteUser       the image's non-root USER (from the record); updateRemoteUserUID true: on Linux that
                   user gets the host user's UID, so it can write the workspace
  mounts           named volumes ml-image-hf-cache-*, ml-image-torch-cache-*, ml-image-pip-cache-*
                   (one set per image repository: another repository's image never shares them) at
                   the image's HF_HOME, TORCH_HOME, PIP_CACHE_DIR (pip's only where the image does
                   not set PIP_NO_CACHE_DIR, which the templates do)
  runArgs          --shm-size=16g (DataLoader workers, NCCL)
  hostRequirements gpu: true for a CUDA variant only (the CLI then passes --gpus all where there are GPUs)
  forwardPorts     ${portsHelp}

Options:
  --from DIR       the result directory of the build
  --variant NAME   the variant of build.json (needed when it has several)
  --out FILE       where to write (default ${DEVCONTAINER_FILE}); a file there that ml-image did
                   not write (its name is not "ml-image (VARIANT)") is kept: exit 2; the file
                   itself (a path ending in "/" names a directory: exit 2)
  --force          replace such a file
  --json           print {${SUMMARY_FIELDS.map((f) => `"${f}"`).join(', ')}}

Exit codes: 0 written; 2 bad input (no DIR/build.json, an unknown --variant, several variants without
--variant, a variant with neither a digest nor a local tag, a file at --out that ml-image did not write).`,
  async run(argv: string[], io: CliIo) {
    const { values } = parseCommandArgs('devcontainer', argv, OPTIONS);
    if (values.from === undefined)
      throw new InputError('devcontainer: --from DIR is required (the --out directory of "ml-image build")');
    const dir = path.resolve(io.cwd, values.from);
    // The engine's platform (an x64 Node under Rosetta is on an arm64 engine); Node's without one.
    // Not asked without DIR's build record: that is bad input, said at once (devcontainerFromResults).
    const engine = existsSync(path.join(dir, BUILD_FILE)) ? await askEnginePlatform(io) : undefined;
    const host = engine ?? hostPlatform();
    const { json, text, chosen, recordFile, otherImageRecords } = devcontainerFromResults(
      dir,
      values.variant,
      `devcontainer: --from ${values.from}`,
      host,
    );
    const out = values.out ?? DEVCONTAINER_FILE;
    refuseForeignFile(path.resolve(io.cwd, out), {
      prefix: 'devcontainer: ',
      flag: `--out ${out}`,
      ours: writtenByMlImage,
      tell: 'its name is not "ml-image (VARIANT)"',
      force: values.force === true,
      fix: 'pass --out FILE naming another file (default .devcontainer/devcontainer.json)',
    });
    const file = writeOutFileNamed(io.cwd, out, text);
    const summary: Summary = {
      file,
      image: json.image,
      variant: chosen.variant,
      pinned: chosen.pinned,
      cuda: json.hostRequirements?.gpu === true,
      record: recordFile ?? null,
      remoteUser: json.remoteUser ?? null,
      mounts: json.mounts,
      forwardPorts: json.forwardPorts ?? [],
      notes: notesFor(json, chosen, recordFile, dir, {
        host,
        engine: engine !== undefined,
        other: otherImageRecords,
      }),
    };
    if (values.json) {
      io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
    } else {
      const lines = [
        `wrote ${file}`,
        `image: ${summary.image}`,
        `user:  ${summary.remoteUser ?? '(the image default)'}`,
        `gpu:   ${summary.cuda ? 'requested (hostRequirements.gpu)' : 'no'}`,
        `ports: ${summary.forwardPorts.join(', ') || 'none'}`,
        ...summary.notes.map((n) => `note:  ${n}`),
      ];
      if (path.basename(path.dirname(file)) === '.devcontainer')
        lines.push(`open:  devcontainer up --workspace-folder ${path.dirname(path.dirname(file))}`);
      io.stdout(`${lines.join('\n')}\n`);
    }
    return 0;
  },
};
