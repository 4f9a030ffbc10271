// The names an export's imports suite imports: the requirements pip installs on the image, as the
// smoke stage takes them for each platform it tests (environment markers on the variant's Python
// and the platform's machine). Pure: the caller reads the requirements.
import { linuxMarkerEnvironment } from '../requirements/markers.js';
import type { ExportSpec } from './common.js';

/**
 * The imports suite's names for an image of PLATFORMS ("linux/amd64"), NAMES_FOR giving those of one
 * (undefined: a platform whose machine is not known, a marker on it keeps its requirement). One
 * platform, or the same names on each: those. Names that differ by machine: each machine's
 * (`uname -m`, chosen where the suite runs), and as `distributions` those every platform installs.
 */
export function importsByMachine(
  platforms: readonly string[],
  namesFor: (platform: string | undefined) => string[],
): Pick<ExportSpec, 'distributions' | 'distributionsByMachine'> {
  if (platforms.length <= 1) return { distributions: namesFor(platforms[0]) };
  const lists = platforms.map((p) => ({
    machine: linuxMarkerEnvironment(p).platform_machine,
    names: namesFor(p),
  }));
  const [first] = lists;
  const same = (names: string[]) => names.join('\n') === first!.names.join('\n');
  if (lists.every((l) => same(l.names))) return { distributions: first!.names };
  const machines = new Set(lists.map((l) => l.machine));
  // A machine that is not known (or two platforms of one): the names of a machine not known.
  if (machines.has(undefined) || machines.size < lists.length) return { distributions: namesFor(undefined) };
  return {
    distributions: first!.names.filter((n) => lists.every((l) => l.names.includes(n))),
    distributionsByMachine: Object.fromEntries(lists.map((l) => [l.machine!, l.names])),
  };
}
