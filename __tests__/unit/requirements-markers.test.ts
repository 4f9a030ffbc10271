// Environment markers as pip evaluates them over what is known of a target image: the imports
// smoke suite checks only the requirements pip installed there (a marker false on the target left
// them out), and keeps any whose marker turns on a value not known.
import { describe, expect, it } from 'vitest';
import { evaluateMarker, linuxMarkerEnvironment } from '../../src/requirements/markers.js';
import { parseMarkerText } from '../../src/requirements/pep508.js';
import { requirementNames } from '../../src/requirements/parse.js';

const amd64 = linuxMarkerEnvironment('linux/amd64', '3.12');
const arm64 = linuxMarkerEnvironment('linux/arm64', '3.11.9');
const unknown = linuxMarkerEnvironment();

describe('evaluateMarker', () => {
  it.each<[string, ReturnType<typeof linuxMarkerEnvironment>, boolean | undefined]>([
    ['sys_platform == "win32"', unknown, false],
    ['sys_platform == "linux"', unknown, true],
    ['"linux" == sys_platform', unknown, true],
    ['os_name == "nt"', unknown, false],
    ['platform_system != "Windows"', unknown, true],
    ['platform_system == "Darwin"', unknown, false],
    ['platform_machine == "x86_64"', amd64, true],
    ['platform_machine == "x86_64"', arm64, false],
    ['platform_machine == "aarch64"', arm64, true],
    ['platform_machine == "x86_64"', unknown, undefined],
    ['platform_machine in "x86_64 AMD64"', amd64, true],
    ['platform_machine not in "x86_64 AMD64"', arm64, true],
    ['"arch" in platform_machine', arm64, true],
    ['python_version < "3.11"', amd64, false],
    ['python_version >= "3.10"', amd64, true],
    ['python_version > "3.9"', amd64, true], // a version comparison: "3.12" < "3.9" as strings
    ['python_version == "3.12"', amd64, true],
    ['python_version == "3.1.*"', amd64, false],
    ['python_version == "3.*"', amd64, true],
    ['python_version != "3.12.*"', amd64, false],
    ['python_version ~= "3.10"', amd64, true],
    ['python_full_version ~= "3.11.2"', arm64, true],
    ['python_full_version ~= "3.11.10"', arm64, false],
    ['python_full_version < "3.11.4"', amd64, undefined], // only 3.12 known
    ['python_full_version < "3.11.4"', arm64, false],
    ['python_version < "3.11"', unknown, undefined],
    ['python_version >= "3.13.0rc1"', amd64, undefined],
    ['platform_release >= "5.0"', amd64, undefined],
    ['extra == "gpu"', unknown, false],
    ['extra != "gpu"', unknown, true],
    ['platform_python_implementation == "CPython"', unknown, true],
    ['implementation_name == "pypy"', unknown, false],
    // "and" binds tighter than "or"; an unknown side decides only when the other does not
    ['sys_platform == "win32" or platform_machine == "x86_64" and python_version >= "3.10"', arm64, false],
    ['sys_platform == "win32" or platform_machine == "x86_64" and python_version >= "3.10"', amd64, true],
    ['(sys_platform == "win32" or sys_platform == "linux") and platform_machine == "aarch64"', arm64, true],
    ['sys_platform == "win32" and platform_release == "x"', unknown, false],
    ['sys_platform == "linux" or platform_release == "x"', unknown, true],
    ['sys_platform == "linux" and platform_release == "x"', unknown, undefined],
  ])('%s', (marker, env, expected) => {
    expect(evaluateMarker(parseMarkerText(marker), env)).toBe(expected);
  });
});

describe('requirementNames with a target leaves out what pip left out', () => {
  const text = [
    'numpy',
    'pywin32==306; sys_platform == "win32"',
    'triton==3.0.0 ; platform_machine == "x86_64"',
    "tomli ; python_version < '3.11'",
    'uvloop; platform_release >= "5"',
    'tf @ https://example.com/tf.whl ; sys_platform == "darwin"',
    'https://example.com/x.whl#egg=xpkg; platform_machine == "aarch64"',
    'ext; extra == "gpu"',
    '-e ./local#egg=localpkg',
  ].join('\n');

  it.each<[string, ReturnType<typeof linuxMarkerEnvironment> | undefined, string[]]>([
    [
      'no target: every name',
      undefined,
      ['numpy', 'pywin32', 'triton', 'tomli', 'uvloop', 'tf', 'xpkg', 'ext', 'localpkg'],
    ],
    ['linux/amd64, Python 3.12', amd64, ['numpy', 'triton', 'uvloop', 'localpkg']],
    ['linux/arm64, Python 3.11', arm64, ['numpy', 'uvloop', 'xpkg', 'localpkg']],
    [
      'Linux, machine and Python unknown',
      unknown,
      ['numpy', 'triton', 'tomli', 'uvloop', 'xpkg', 'localpkg'],
    ],
  ])('%s', (_what, env, names) => {
    expect(requirementNames(text, env)).toEqual(names);
  });

  it('the example of the defect: pywin32 and (on arm64) triton are not checked', () => {
    const t = 'numpy\npywin32==306; sys_platform == "win32"\ntriton==3.0.0 ; platform_machine == "x86_64"';
    expect(requirementNames(t, linuxMarkerEnvironment('linux/amd64'))).toEqual(['numpy', 'triton']);
    expect(requirementNames(t, linuxMarkerEnvironment('linux/arm64'))).toEqual(['numpy']);
  });
});
