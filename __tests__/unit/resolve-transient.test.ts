// Which failed pip runs are tried once more (at pip's debug level): an index that failed, or
// "from versions: none", which one could have caused even after the same index gave pip another
// project (pip logs a failed project page, a 502 or a 403, only at its debug level).
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { looksTransient, transientSummary } from '../../src/resolve/transient.js';
import { fakeDocker, fakeSession } from '../helpers/fakes.js';
import { EMPTY_SNAPSHOT, viaHelperRun } from '../helpers/resolve-session.js';
import { NO_WORLD } from '../helpers/resolve-world.js';

const D = '/tmp/ml-image-resolve';
const NUMPY = `Collecting numpy==1.26.4 (from -r ${D}/requirements.txt (line 1))
  Using cached numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl.metadata (61 kB)
`;
const MISSING = `ERROR: Could not find a version that satisfies the requirement not-a-real-package-xyz==1.0 (from versions: none)
ERROR: No matching distribution found for not-a-real-package-xyz==1.0
`;
const RETRY = `WARNING: Retrying (Retry(total=2, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ReadTimeoutError("HTTPSConnectionPool(host='pypi.org', port=443): Read timed out. (read timeout=15)")': /simple/not-a-real-package-xyz/
`;
const ONE_INDEX = 'Looking in indexes: http://127.0.0.1:5001/simple\n';
const TWO_INDEXES = 'Looking in indexes: https://pypi.org/simple, http://u:****@127.0.0.1:5001/simple\n';

describe('looksTransient', () => {
  it.each<[string, string, boolean]>([
    // pip's normal level is the same for a 404 and for a 502 on that project's page alone.
    ['no versions, another project found on PyPI', NUMPY + MISSING, true],
    ['no versions, another project found on the one index', ONE_INDEX + NUMPY + MISSING, true],
    [
      'a project found with its version range too',
      MISSING.replace(/^/, 'Collecting tqdm>=4 (from x)\n'),
      true,
    ],
    ['the same, with a read timeout logged', NUMPY + RETRY + MISSING, true],
    [
      'the same, with a connection pip retried',
      `${NUMPY}WARNING: Retrying (Retry(total=1)) after connection broken by 'ProtocolError(X)': /simple/y/\n${MISSING}`,
      true,
    ],
    [
      'the same, with an HTTP 5xx logged',
      `${NUMPY}  HTTP error 503 while getting https://h/x\n${MISSING}`,
      true,
    ],
    ['nothing found at all: an index that answers 5xx reads the same at the normal level', MISSING, true],
    ['nothing found at all, one index', ONE_INDEX + MISSING, true],
    [
      'another project found, but on one of two indexes (the other may refuse the login)',
      TWO_INDEXES + NUMPY + MISSING,
      true,
    ],
    [
      'only a direct URL collected: not the index',
      `Collecting pkg@ http://h/pkg-1.0-py3-none-any.whl\n${MISSING}`,
      true,
    ],
    ['only a file collected', `Collecting file:///w/pkg-1.0-py3-none-any.whl\n${MISSING}`, true],
    ['only the missing project itself collected', `Collecting not-a-real-package-xyz==1.0\n${MISSING}`, true],
    ['a conflict', `${NUMPY}ERROR: ResolutionImpossible: for help visit x\n`, false],
    ['an invalid requirement', `${NUMPY}ERROR: Invalid requirement: 'x=='\n`, false],
  ])('%s', (_what, out, transient) => {
    expect(looksTransient(out)).toBe(transient);
  });
});

describe('transientSummary: why a run is tried once more', () => {
  it('an index that failed, with the line pip logged', () => {
    expect(transientSummary(NUMPY + RETRY + MISSING)).toMatch(
      /^the package index failed \(WARNING: Retrying .*Read timed out/,
    );
  });

  it('no versions: what that may be, not that the index failed', () => {
    const said = transientSummary(MISSING);
    expect(said).toBe(
      `no versions of "not-a-real-package-xyz==1.0" found: a name the index lacks, or an index that failed or refused pip's login, which pip tells apart only at its debug level`,
    );
    expect(said).not.toMatch(/index failed \(/);
  });
});

describe('the resolver with a requirement no index has', () => {
  const input = {
    image: 'localhost:5000/base:1',
    platform: 'linux/amd64',
    requirements: {
      text: 'numpy==1.26.4\nnot-a-real-package-xyz==1.0',
      origins: ['/w/requirements.txt:1', '/w/requirements.txt:2'],
      requirements: [
        { name: 'numpy', editable: false, origin: '/w/requirements.txt:1' },
        { name: 'not-a-real-package-xyz', editable: false, origin: '/w/requirements.txt:2' },
      ],
    },
    indexes: { indexUrl: 'http://127.0.0.1:5001/simple', extraIndexUrls: [] },
    mode: 'auto' as const,
  };

  it('another project found: still one more run (a 502 on that page alone reads the same), then exit 2 on that line', async () => {
    const { resolveAgainstBase } = await import('../../src/resolve/resolve.js');
    const played = viaHelperRun(
      (cmd) => {
        if (cmd[0] === 'sh') return { stdout: EMPTY_SNAPSHOT };
        if (cmd.includes('pip')) return { exitCode: 1, stdout: ONE_INDEX + NUMPY + MISSING };
        return {};
      },
      () => session.files,
    );
    const session = fakeSession(played.answer);
    const lines: string[] = [];
    const docker = fakeDocker({ startSession: () => Promise.resolve(session) });
    const err = await resolveAgainstBase(input, {
      ...NO_WORLD,
      docker,
      progress: (l) => lines.push(l),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(
      /^\/w\/requirements\.txt:2: no release of "not-a-real-package-xyz==1\.0"/,
    );
    expect((err as InputError).location).toEqual({ file: '/w/requirements.txt', line: 2 });
    expect(played.calls.filter((c) => c.cmd.includes('pip'))).toHaveLength(2);
    expect(lines.join('\n')).not.toMatch(/index failed/);
  });

  it('nothing else found: one more run, saying what "no versions" may be', async () => {
    const { resolveAgainstBase } = await import('../../src/resolve/resolve.js');
    const played = viaHelperRun(
      (cmd) => {
        if (cmd[0] === 'sh') return { stdout: EMPTY_SNAPSHOT };
        if (cmd.includes('pip')) return { exitCode: 1, stdout: ONE_INDEX + MISSING };
        return {};
      },
      () => session.files,
    );
    const session = fakeSession(played.answer);
    const lines: string[] = [];
    const docker = fakeDocker({ startSession: () => Promise.resolve(session) });
    await resolveAgainstBase(input, { ...NO_WORLD, docker, progress: (l) => lines.push(l) }).catch(
      () => undefined,
    );
    expect(played.calls.filter((c) => c.cmd.includes('pip'))).toHaveLength(2);
    expect(lines.join('\n')).toContain(
      'resolve linux/amd64: no versions of "not-a-real-package-xyz==1.0" found: a name the index lacks, or an index that failed or refused pip\'s login, which pip tells apart only at its debug level; trying once more',
    );
  });
});
