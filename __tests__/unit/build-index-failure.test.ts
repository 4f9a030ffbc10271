// A build whose RUN step's pip could not reach its package index is said as that: exit 3 naming
// the index and pip's line, not "registry unreachable" with the registry's fix (pip's "Connection
// refused" read as buildx's), nor "fix the Dockerfile or requirements". A RUN step's other
// "connection refused" (curl) is the build's (exit 1); buildx's own still reads as the registry's.
// The logs are BuildKit's as buildx prints them (the first one from a real build against an index
// that was down); no process is started.
import { describe, expect, it } from 'vitest';
import { unreachableIndex } from '../../src/build/index-failure.js';
import { exitCodeOf } from '../../src/errors.js';
import { attemptError } from '../helpers/failed-attempt.js';

const RUN_SCRIPT =
  'set -eu;     s=/run/secrets;     if [ -s "$s/ml_image_env" ]; then . "$s/ml_image_env"; fi';
const retries = (why: string, path = '/simple/tqdm/') =>
  [4, 3, 2, 1, 0].map(
    (n, i) =>
      `${(0.424 + i).toFixed(3)} WARNING: Retrying (Retry(total=${n}, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPConnection object at 0x7f284bfb0590>: ${why}')': ${path}`,
  );

/** The end of a docker-driver build log whose requirements step failed after OUTPUT. */
const runStepLog = (output: string[], indexes = 'http://127.0.0.1:5999/simple') =>
  [
    '#9 [3/5] RUN --mount=type=secret,id=ml_image_requirements set -eu',
    `#9 0.422 Looking in indexes: ${indexes}`,
    ...output.map((l) => `#9 ${l}`),
    `#9 ERROR: process "/bin/sh -c ${RUN_SCRIPT}" did not complete successfully: exit code: 1`,
    '------',
    ' > importing cache manifest from localhost:5000/ml-image-examples/cr-test:ml-image-build-cpu-amd64:',
    '------',
    '------',
    ' > [3/5] RUN --mount=type=secret,id=ml_image_requirements set -eu',
    `0.422 Looking in indexes: ${indexes}`,
    ...output,
    '------',
    `ERROR: failed to solve: executor failed running [/bin/sh -c ${RUN_SCRIPT}]: exit code: 1`,
  ].join('\n');

const GAVE_UP = [
  '7.954 ERROR: Could not find a version that satisfies the requirement tqdm>=4.60 (from versions: none)',
  '7.955 ERROR: No matching distribution found for tqdm>=4.60',
];

const failure = (log: string) =>
  attemptError(log, { elapsed: '8.9', registries: { write: 'localhost:5000', read: 'localhost:5000' } });

describe("pip in the build could not reach its index: exit 3 naming it, not the registry's", () => {
  it.each([
    [
      'a refused connection',
      runStepLog([
        ...retries('Failed to establish a new connection: [Errno 111] Connection refused'),
        ...GAVE_UP,
      ]),
    ],
    [
      'a name that does not resolve',
      runStepLog([
        ...retries('Failed to establish a new connection: [Errno -2] Name or service not known'),
        ...GAVE_UP,
      ]),
    ],
    [
      'a read that timed out (an index that takes the connection and never answers)',
      runStepLog([
        ...retries(
          'ReadTimeoutError("HTTPConnectionPool(host=\'127.0.0.1\', port=5999): Read timed out. (read timeout=15)")',
        ).map((l) => l.replace(/'NewConnectionError\('<pip\._vendor[^:]*: /, "'")),
        ...GAVE_UP,
      ]),
    ],
    [
      "a name that does not resolve (urllib3 2's words, musl's)",
      runStepLog([
        // urllib3 2 raises NameResolutionError in place of NewConnectionError.
        ...retries('x').map((l) =>
          l.replace(
            /'NewConnectionError\(.*'\)':/,
            `'NameResolutionError("<pip._vendor.urllib3.connection.HTTPConnection object at 0x7f>: Failed to resolve 'idx.corp' ([Errno -2] Name does not resolve)")':`,
          ),
        ),
        ...GAVE_UP,
      ]),
    ],
    [
      "a certificate pip could not confirm, then pip's own version check's line after its errors",
      runStepLog([
        "2.000 Could not fetch URL http://127.0.0.1:5999/simple/tqdm/: There was a problem confirming the ssl certificate: HTTPSConnectionPool(host='127.0.0.1', port=5999): Max retries exceeded with url: /simple/tqdm/ (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed'))) - skipping",
        ...GAVE_UP,
        "8.000 Could not fetch URL http://127.0.0.1:5999/simple/pip/: There was a problem confirming the ssl certificate: HTTPSConnectionPool(host='127.0.0.1', port=5999): Max retries exceeded with url: /simple/pip/ (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed'))) - skipping",
      ]),
    ],
  ])('%s', (_what, log) => {
    const e = failure(log);
    expect(exitCodeOf(e)).toBe(3);
    expect(e.message).toMatch(
      /^build cpu\/amd64 failed after 8\.9s: pip in the build could not reach the package index http:\/\/127\.0\.0\.1:5999\/simple: /,
    );
    expect(e.message).not.toContain('registry unreachable');
    expect(e.message).toContain('--- last lines of the build log ---');
    expect(e.fix).toMatch(/^check that the index is up/);
    expect(e.fix).toContain('build.network: host');
  });

  it("a direct URL's download (pip's OSError line): the host it could not reach, not the index", () => {
    const e = failure(
      runStepLog([
        "3.100 ERROR: Could not install packages due to an OSError: HTTPConnectionPool(host='files.corp', port=8080): Max retries exceeded with url: /pkg-1.0.tar.gz (Caused by NewConnectionError('<pip._vendor.urllib3.connection.HTTPConnection object at 0x7f>: Failed to establish a new connection: [Errno 111] Connection refused'))",
      ]),
    );
    expect(exitCodeOf(e)).toBe(3);
    expect(e.message).toMatch(
      /^build cpu\/amd64 failed after 8\.9s: pip in the build could not reach files\.corp:8080 \(a download pip had to make there\): ERROR: Could not install packages due to an OSError: /,
    );
  });

  it('the line said is where pip gave up (its last retry), without its step prefix', () => {
    const log = runStepLog([
      ...retries('Failed to establish a new connection: [Errno 111] Connection refused'),
      ...GAVE_UP,
    ]);
    expect(unreachableIndex(log)).toEqual({
      indexes: 'http://127.0.0.1:5999/simple',
      line: expect.stringMatching(
        /^WARNING: Retrying \(Retry\(total=0, .*Connection refused'\)': \/simple\/tqdm\/$/,
      ),
    });
  });

  it("an index's login stays masked", () => {
    const log = runStepLog(
      [...retries('Failed to establish a new connection: [Errno 111] Connection refused'), ...GAVE_UP],
      'https://build:****@idx.corp/simple',
    );
    const e = failure(log);
    expect(e.message).toContain('could not reach the package index https://build:***@idx.corp/simple: ');
  });
});

describe('what is not an unreachable index stays as it was', () => {
  it("a retry pip recovered from, then a conflict: the build's (exit 1)", () => {
    const log = runStepLog([
      retries('Failed to establish a new connection: [Errno 111] Connection refused')[0]!,
      '2.000 ERROR: Cannot install mlpkg==1.0 and numpy==2.0.0 because these package versions have conflicting dependencies.',
      '2.001 The conflict is caused by:',
      '2.002     The user requested numpy==2.0.0',
      '2.003     mlpkg 1.0 depends on numpy<2',
      '2.004 ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/',
    ]);
    expect(unreachableIndex(log)).toBeUndefined();
    const e = failure(log);
    expect(exitCodeOf(e)).toBe(1);
    expect(e.message).not.toContain('could not reach');
  });

  it("a retry pip recovered from, then a release the index lacks: the build's (exit 1)", () => {
    const log = runStepLog([
      retries('Failed to establish a new connection: [Errno 111] Connection refused')[0]!,
      '2.000 ERROR: Could not find a version that satisfies the requirement nosuch==9 (from versions: 1.0)',
      '2.001 ERROR: No matching distribution found for nosuch==9',
    ]);
    expect(unreachableIndex(log)).toBeUndefined();
    expect(exitCodeOf(failure(log))).toBe(1);
  });

  it("another program's own ERROR line with a refused connection: the build's (exit 1)", () => {
    const log = runStepLog([
      '1.000 Traceback (most recent call last):',
      '1.001 ERROR: could not warm the feature store: [Errno 111] Connection refused',
    ]);
    expect(unreachableIndex(log)).toBeUndefined();
    expect(exitCodeOf(failure(log))).toBe(1);
  });

  // A review's finding: pip gives up on one index and goes on with the others.
  it("an extra index down, the project served by another, then its sdist's build failing: the build's (exit 1)", () => {
    const log = runStepLog([
      ...retries('Failed to establish a new connection: [Errno 111] Connection refused', '/simple/foo/'),
      '8.100 Collecting foo',
      '8.200   Downloading foo-1.0.tar.gz (10 kB)',
      '8.300   error: subprocess-exited-with-error',
      '8.301   × Getting requirements to build wheel did not run successfully.',
      '8.400 ERROR: Failed to build installable wheels for some pyproject.toml based projects (foo)',
    ]);
    expect(unreachableIndex(log)).toBeUndefined();
    expect(exitCodeOf(failure(log))).toBe(1);
  });

  it("an extra index down, everything installed, then the step's own test failing: the build's (exit 1)", () => {
    const log = runStepLog([
      ...retries('Failed to establish a new connection: [Errno 111] Connection refused', '/simple/foo/'),
      '9.000 Successfully installed foo-1.0',
      '9.500 Traceback (most recent call last):',
      '9.501 AssertionError: model did not load',
    ]);
    expect(unreachableIndex(log)).toBeUndefined();
    expect(exitCodeOf(failure(log))).toBe(1);
  });

  it("a certificate pip could not confirm, then no version found: the index's (exit 3)", () => {
    const log = runStepLog([
      "2.000 Could not fetch URL https://idx.corp/simple/tqdm/: There was a problem confirming the ssl certificate: HTTPSConnectionPool(host='idx.corp', port=443): Max retries exceeded with url: /simple/tqdm/ (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed'))) - skipping",
      ...GAVE_UP,
    ]);
    expect(unreachableIndex(log)?.line).toMatch(/^Could not fetch URL https:\/\/idx\.corp\/simple\/tqdm\/: /);
    expect(exitCodeOf(failure(log))).toBe(3);
  });

  it("a RUN step's curl refused: the build's (exit 1), not the registry's", () => {
    const log = [
      '#7 [4/5] RUN curl -fsS http://127.0.0.1:8080/model.bin -o /m.bin',
      '#7 0.120 curl: (7) Failed to connect to 127.0.0.1 port 8080 after 0 ms: Connection refused',
      '#7 ERROR: process "/bin/sh -c curl -fsS http://127.0.0.1:8080/model.bin -o /m.bin" did not complete successfully: exit code: 7',
      '------',
      'ERROR: failed to solve: process "/bin/sh -c curl -fsS http://127.0.0.1:8080/model.bin -o /m.bin" did not complete successfully: exit code: 7',
    ].join('\n');
    const e = failure(log);
    expect(exitCodeOf(e)).toBe(1);
    expect(e.message).not.toContain('registry unreachable');
    expect(e.message).toMatch(/^build cpu\/amd64 failed after 8\.9s: failed to solve: process /);
  });

  it("buildx's own refused connection to the registry: still the registry's (exit 3)", () => {
    const log = [
      '#4 [internal] load metadata for localhost:5000/ml-image-test/python:3.11-slim',
      '#4 ERROR: failed to do request: Head "http://localhost:5000/v2/ml-image-test/python/manifests/3.11-slim": dial tcp 127.0.0.1:5000: connect: connection refused',
      '------',
      'ERROR: failed to solve: localhost:5000/ml-image-test/python:3.11-slim: failed to resolve source metadata for localhost:5000/ml-image-test/python:3.11-slim: failed to do request: Head "http://localhost:5000/v2/ml-image-test/python/manifests/3.11-slim": dial tcp 127.0.0.1:5000: connect: connection refused',
    ].join('\n');
    const e = failure(log);
    expect(exitCodeOf(e)).toBe(3);
    // The registry named: the base image's here, not left to the log's lines.
    expect(e.message).toMatch(/^build cpu\/amd64: registry unreachable \(localhost:5000\)\n/);
  });
});
