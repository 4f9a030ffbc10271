// The torch the resolver settled on, against the one the build's torch step can install. The build
// installs torch==V from the variant's torch index (…/whl/cu128, …/whl/cpu) before the
// requirements, with the configured indexes only (pip.conf): the requirements' own index lines do
// not reach that step. The resolver's dry run asks for the same torch==V, but with the requirements
// and their index lines: a requirement `torch==2.5.0+cpu` with `--extra-index-url …/whl/cpu` settled
// on the CPU wheel in a CUDA variant, the constraints pinned it, and every build then failed at the
// torch step ("ResolutionImpossible"). Pure.
import { InputError, locationOf } from '../errors.js';
import type { RequirementOrigin } from '../requirements/read.js';
import { shownUrl } from '../util/redact.js';
import { preinstalled, type ResolveInput } from './input.js';

/** The build labels PyTorch's indexes give their wheels' versions (2.5.0+cu128, 2.5.0+cpu). */
const TORCH_BUILD_LABEL = /^(?:cpu|cu\d+|rocm\d+(?:\.\d+)*|xpu)$/;

/** The label of the wheels a PyTorch index serves, by its path's last segment; undefined if none. */
export function torchIndexLabel(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const last = path.replace(/\/+$/, '').split('/').pop() ?? '';
  return TORCH_BUILD_LABEL.test(last) ? last : undefined;
}

/**
 * Why the settled torch (in INSTALL) cannot be what the build's torch step installs: its version
 * carries another PyTorch build label than the variant's torch index serves. Undefined when the
 * build installs no torch first, the index's label is unknown, or the labels agree (or torch has
 * none: the configured index's own release, which the torch step reaches too), or a configured
 * index (python.indexUrl, extraIndexUrls: the torch step's pip.conf) serves that label.
 */
export function torchLabelProblem(
  input: ResolveInput,
  install: readonly { name: string; version: string }[],
  requirements: readonly RequirementOrigin[],
): InputError | undefined {
  const index = input.variant?.torchIndexUrl;
  if (index === undefined || preinstalled(input).length === 0) return undefined;
  const label = torchIndexLabel(index);
  const torch = install.find((i) => i.name === 'torch');
  const own = torch && /\+(.+)$/.exec(torch.version)?.[1];
  if (label === undefined || own === undefined || !TORCH_BUILD_LABEL.test(own) || own === label)
    return undefined;
  // A configured index (pip.conf: the torch step's too) that serves that label: the step takes it.
  const configured = [input.indexes?.indexUrl, ...(input.indexes?.extraIndexUrls ?? [])];
  if (configured.some((u) => u !== undefined && torchIndexLabel(u) === own)) return undefined;
  const line = requirements.find((r) => r.name === 'torch')?.origin;
  const v = input.variant?.torchVersion ?? '';
  return new InputError(
    `${line ? `${line}: ` : ''}torch ${torch!.version} (${own} wheels) is not the torch the build installs: the variant's torch step installs torch==${v} from ${shownUrl(index)} (${label} wheels) before the requirements, without their index lines, and cannot install ${torch!.version}`,
    `let the variant choose torch (its torch version and cuda in the config) and drop ${line ? 'that pin, and the index line that serves it,' : 'the requirement and the index line that bring that torch'} from the requirements; or pin torch==${v.replace(/\+.*$/, '')}+${label}`,
    line ? { location: locationOf(line) } : {},
  );
}
