// The user's own -c line on a project pip names only as one side of the conflict ("bar 2.0.0
// depends on foo>=1.0": pip does not print the user's `bar==2.0.0` constraint) is named, file and
// line, in an option (own-constraints.ts). Finding: with rc-cons.txt:2 `bar==2.0.0`, a base with
// foo 0.9.0 (pinned) and bar 2.1.0 on the index fitting it, the options were only "use a newer base
// image" and "drop the pin ... breaking baz"; rc-cons.txt:2 was never mentioned. PIP_OUTPUT is pip
// 23.2.1's own text for that case (generated wheels, `-r req.txt -c cons.txt`).
import { describe, expect, it } from 'vitest';
import { ownConstraintOptions, ownExactPins, pinsOf } from '../../src/resolve/own-constraints.js';
import { conflictBlock } from '../../src/resolve/pip-output.js';

const PIP_OUTPUT = `Processing ./simple/bar/bar-2.0.0-py3-none-any.whl (from -r req.txt (line 1))
INFO: pip is looking at multiple versions of bar to determine which version is compatible with other requirements. This could take a while.
ERROR: Cannot install -r req.txt (line 1) because these package versions have conflicting dependencies.

The conflict is caused by:
    bar 2.0.0 depends on foo>=1.0
    The user requested (constraint) foo==0.9.0

To fix this you could try to:
1. loosen the range of package versions you've specified
2. remove package versions to allow pip attempt to solve the dependency conflict

ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts
`;

const CAUSES = conflictBlock(PIP_OUTPUT);
/** The base image's packages: foo 0.9.0 and baz 1.0.0 (which needs foo<1). */
const PINS = pinsOf(['foo==0.9.0', 'baz==1.0.0']);
const TAIL = "the requirements' own -c files are held as firmly as the base image's packages";
const own = (text: string) => ({
  text,
  origins: text.split('\n').map((_, i) => `/w/rc-cons.txt:${i + 2}`),
});

describe('a -c line on a project pip names as depending on another', () => {
  it('the causes are what pip printed', () => {
    expect(CAUSES).toEqual(['bar 2.0.0 depends on foo>=1.0', 'The user requested (constraint) foo==0.9.0']);
  });

  it('bar==2.0.0 at rc-cons.txt:2: named with its file and line, and what the pinned version needs', () => {
    expect(ownConstraintOptions(CAUSES, own('bar==2.0.0'), PINS)).toEqual([
      `loosen or drop your constraint "bar==2.0.0" (/w/rc-cons.txt:2): it pins bar 2.0.0, which depends on foo>=1.0; ${TAIL}`,
    ]);
  });

  it.each<[string, string, string[]]>([
    [
      'a range that admits the version pip names',
      'Bar>=2,<2.1',
      [
        `loosen or drop your constraint "Bar>=2,<2.1" (/w/rc-cons.txt:2): it admits bar 2.0.0, which depends on foo>=1.0; ${TAIL}`,
      ],
    ],
    [
      'a name @ URL line',
      'bar @ https://u:pw12345678@h.example/bar-2.0.0-py3-none-any.whl',
      [
        `loosen or drop your constraint "bar @ https://u:***@h.example/bar-2.0.0-py3-none-any.whl" (/w/rc-cons.txt:2): it admits bar 2.0.0, which depends on foo>=1.0; ${TAIL}`,
      ],
    ],
    ['a bound that excludes that version (pip did not take it there)', 'bar<2', []],
    ['the project alone, no bound', 'bar', []],
    [
      'a marker, no marker environment (nothing says pip took the line)',
      'bar==2.0.0 ; python_version < "3.9"',
      [],
    ],
    ["the base image's own project: its pin, not the line, holds it", 'baz==1.0.0', []],
    ['another project', 'qux==1.0', []],
  ])('%s', (_, line, options) => {
    expect(ownConstraintOptions(CAUSES, own(line), PINS)).toEqual(options);
  });

  /** pip's marker environment of a python:3.12 amd64 image (pip inspect's `environment`). */
  const ENV = {
    implementation_name: 'cpython',
    implementation_version: '3.12.4',
    os_name: 'posix',
    platform_machine: 'x86_64',
    // platform_release left out: a marker on it cannot be told here.
    platform_system: 'Linux',
    platform_version: '#45-Ubuntu SMP',
    python_full_version: '3.12.4',
    platform_python_implementation: 'CPython',
    python_version: '3.12',
    sys_platform: 'linux',
  };
  const NAMED = `loosen or drop your constraint "LINE" (/w/rc-cons.txt:2): it pins bar 2.0.0, which depends on foo>=1.0; ${TAIL}`;
  it.each<[string, string, boolean]>([
    ['holds (python_version >= "3.9")', 'bar==2.0.0; python_version >= "3.9"', true],
    [
      'holds, with the options after it',
      'bar==2.0.0 ; platform_machine == "x86_64" --hash=sha256:' + 'a'.repeat(64),
      true,
    ],
    [
      'holds in a group',
      "bar==2.0.0; (sys_platform == 'linux' and python_version > '3.10') or os_name == 'nt'",
      true,
    ],
    ['does not hold (pip left the line out)', 'bar==2.0.0; python_version < "3.9"', false],
    ['names an extra (never set for a requirements file)', 'bar==2.0.0; extra == "gpu"', false],
    ['turns on a value the environment lacks (cannot be told)', 'bar==2.0.0; platform_release >= "6"', false],
    ['is an unknown variable (does not parse)', 'bar==2.0.0; platform_tag == "x"', false],
    ['does not parse', 'bar==2.0.0; python_version <<< "3"', false],
  ])("a marker that %s, judged in the image's marker environment", (_, line, named) => {
    expect(ownConstraintOptions(CAUSES, own(line), PINS, ENV)).toEqual(
      named ? [NAMED.replace('LINE', line)] : [],
    );
  });

  it('each of several versions pip names, extras and all; a line already named merged is named once', () => {
    const causes = [
      'bar[fast] 2.0.0 depends on foo>=1.0',
      'bar[fast] 1.9 depends on foo>=1.1',
      'The user requested (constraint) foo==0.9.0',
      'The user requested (constraint) pandas<2',
      'pandas 1.5 depends on foo>=2',
    ];
    expect(ownConstraintOptions(causes, own('bar>=1.9\n# team pins\npandas<2'), PINS)).toEqual([
      `loosen or drop your constraint "bar>=1.9" (/w/rc-cons.txt:2): it admits bar 2.0.0, which depends on foo>=1.0; and bar 1.9, which depends on foo>=1.1; ${TAIL}`,
      `loosen or drop your constraint "pandas<2" (/w/rc-cons.txt:4): ${TAIL}`,
    ]);
  });
});

describe('ownExactPins: the projects your -c lines pin to one version (the relax step leaves them)', () => {
  it('name==V lines only, each with its line and origin; the first line of a project', () => {
    const pins = ownExactPins(
      own('Bar==2.0.0\nfoo>=1\nqux==1.*\nbaz==1.0 ; python_version < "3.9"\nbar==2.1.0\nzed === 3'),
    );
    expect([...pins]).toEqual([['bar', '"Bar==2.0.0" (/w/rc-cons.txt:2)']]);
    expect(ownExactPins(undefined).size).toBe(0);
  });
});
