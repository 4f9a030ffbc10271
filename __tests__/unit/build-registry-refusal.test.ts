// A registry that refuses a build's push, a base image's pull or a merge's push is the
// environment's problem (exit 3, the login fix for that registry), never "fix the Dockerfile";
// a RUN step's own download that a server refused stays the build's failure (exit 1).
import { describe, expect, it } from 'vitest';
import { mergeVariant } from '../../src/build/merge.js';
import { cliFailure, registryLoginFix } from '../../src/docker/failures.js';
import { CheckFailedError, EnvironmentError, exitCodeOf } from '../../src/errors.js';
import { attemptError } from '../helpers/failed-attempt.js';
import { fakeDocker } from '../helpers/fakes.js';

/** Where the target pushes and where its base image is (the fallback when buildx names neither). */
const REGISTRIES = { write: 'ghcr.io', read: 'nvcr.io' };

/** The error a failed build of LOG ends with. */
const refused = (log: string) => attemptError(log, { elapsed: '130.0', registries: REGISTRIES });

// The ends of real build logs (buildx 0.10 to 0.21, the docker and docker-container drivers).
const REFUSED: [string, string, string, 'read' | 'write'][] = [
  [
    'GHCR, a token without packages: write',
    '#12 exporting to image\n#12 pushing layers 0.4s done\n#12 ERROR: failed to push ghcr.io/o/m:ml-image-build-cpu-amd64: denied: permission_denied: write_package\n------\n > exporting to image:\n------\nERROR: failed to solve: failed to push ghcr.io/o/m:ml-image-build-cpu-amd64: denied: permission_denied: write_package',
    'ghcr.io',
    'write',
  ],
  [
    'GHCR, a push by digest answered 403',
    '#14 exporting to image\n#14 pushing layers\n#14 ERROR: unexpected status from POST request to https://ghcr.io/v2/o/m/blobs/uploads/: 403 Forbidden\nERROR: failed to solve: failed to push ghcr.io/o/m: unexpected status from POST request to https://ghcr.io/v2/o/m/blobs/uploads/: 403 Forbidden',
    'ghcr.io',
    'write',
  ],
  [
    'Docker Hub, no login',
    '#12 pushing layers\nERROR: failed to solve: failed to push docker.io/someone/model:1.0: push access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    'docker.io',
    'write',
  ],
  [
    "an old buildx naming no image: the target's registry",
    '#12 exporting to image\n#12 pushing layers\nerror: failed to solve: server message: insufficient_scope: authorization failed',
    'ghcr.io',
    'write',
  ],
  [
    'ECR, an expired login',
    '#12 exporting to image\n#12 pushing layers\nERROR: failed to solve: failed to push 123456789012.dkr.ecr.us-east-1.amazonaws.com/model:cpu: unexpected status from HEAD request to https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/model/blobs/sha256:1: 401 Unauthorized',
    '123456789012.dkr.ecr.us-east-1.amazonaws.com',
    'write',
  ],
  [
    "ECR, a role without ecr:InitiateLayerUpload (no image named: the target's registry)",
    '#12 exporting to image\n#12 pushing layers\nERROR: failed to solve: denied: User: arn:aws:sts::1:assumed-role/ci is not authorized to perform: ecr:InitiateLayerUpload',
    'ghcr.io',
    'write',
  ],
  [
    "distribution's own 401 (htpasswd, no login)",
    '#10 exporting to image\n#10 pushing layers\nERROR: failed to solve: failed to push localhost:5000/o/m:ml-image-build-cpu-amd64: unauthorized: authentication required',
    'localhost:5000',
    'write',
  ],
  [
    "the docker driver's push with no login (buildx 0.13, dockerd 20.10): the pushed image's registry",
    '#13 pushing localhost:5093/o/m:ml-image-build-cpu-amd64 with docker\n#13 pushing layer 5f70bf18a086 done\n#13 pushing layer 4a9766803235 done\n#13 ERROR: no basic auth credentials\n------\n > importing cache manifest from localhost:5093/o/m:ml-image-build-cpu-amd64:\n------\n------\n > pushing localhost:5093/o/m:ml-image-build-cpu-amd64 with docker:\n------\nERROR: no basic auth credentials',
    'localhost:5093',
    'write',
  ],
  [
    "the docker driver's push answered 403, its layers already pushed",
    '#13 pushing layer 4a9766803235 done\n#13 pushing layer b441f5f040f2 done\n#13 ERROR: denied: requested access to the resource is denied\nERROR: denied: requested access to the resource is denied',
    'ghcr.io',
    'write',
  ],
  [
    "the docker driver's push answered 403: the engine says the error's code alone",
    '#13 pushing localhost:5093/o/m:ml-image-build-cpu-amd64 with docker\n#13 pushing layer 4508b39545f4 0.1s done\n#13 ERROR: denied\n------\n > pushing localhost:5093/o/m:ml-image-build-cpu-amd64 with docker:\n------\nERROR: denied',
    'localhost:5093',
    'write',
  ],
  [
    'a registry cache export refused',
    '#15 exporting cache to registry\n#15 ERROR: error writing layer blob: unexpected status from PUT request to https://ghcr.io/v2/o/m/blobs/uploads/x: 403 Forbidden\nERROR: failed to solve: failed to export cache: unexpected status: 403 Forbidden',
    'ghcr.io',
    'write',
  ],
  [
    'a private base on GHCR, no login',
    '#3 [internal] load metadata for ghcr.io/org/base:1\n#3 ERROR: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Aorg%2Fbase%3Apull&service=ghcr.io: 401 Unauthorized\nERROR: failed to solve: ghcr.io/org/base:1: failed to resolve source metadata for ghcr.io/org/base:1: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Aorg%2Fbase%3Apull&service=ghcr.io: 401 Unauthorized',
    'ghcr.io',
    'read',
  ],
  [
    "a private base, an old frontend naming no image: the base's registry",
    'failed to solve with frontend dockerfile.v0: failed to create LLB definition: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    'nvcr.io',
    'read',
  ],
  [
    'a private NGC base, its layer refused',
    '#5 [1/4] FROM nvcr.io/nvidia/private:24.01\nERROR: failed to solve: failed to copy: httpReadSeeker: failed open: unexpected status code https://nvcr.io/v2/nvidia/private/blobs/sha256:1: 403 Forbidden',
    'nvcr.io',
    'read',
  ],
];

describe('a refused push or pull in a build', () => {
  it.each(REFUSED)('%s: exit 3 with the login fix', (_what, log, host, access) => {
    const err = refused(log);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(exitCodeOf(err)).toBe(3);
    expect((err as EnvironmentError).message).toMatch(
      new RegExp(
        `^build cpu/amd64: the registry ${host.replace(/\./g, '\\.')} refused the ${access === 'write' ? 'push' : 'pull'}: `,
      ),
    );
    expect((err as EnvironmentError).fix).toBe(registryLoginFix(host, access));
    expect((err as EnvironmentError).fix).not.toContain('Dockerfile');
  });

  it.each([
    [
      'a RUN step whose wget a server refused',
      '#8 [3/4] RUN wget https://example.com/model.bin\n#8 0.5 HTTP request sent, awaiting response... 403 Forbidden\n#8 0.5 ERROR 403: Forbidden.\nERROR: failed to solve: process "/bin/sh -c wget https://example.com/model.bin" did not complete successfully: exit code: 8',
    ],
    [
      'pip refused by its index',
      '#9 2.0 ERROR: 401 Unauthorized for url https://pypi.example.com/simple/x/\nERROR: failed to solve: process "/bin/sh -c pip install -r /tmp/r.txt" did not complete successfully: exit code: 1',
    ],
    [
      'a Dockerfile error',
      'ERROR: failed to solve: dockerfile parse error on line 3: unknown instruction: FRM',
    ],
  ])('%s: still the build (exit 1)', (_what, log) => {
    expect(refused(log)).toBeInstanceOf(CheckFailedError);
  });
});

// A push refused for a reason no login changes: a repository the registry creates none of on a
// push (404), a layer over its or a proxy's body limit (413). The registry's, not the Dockerfile's.
const PUSH_REFUSED: [string, string, string, RegExp][] = [
  [
    "the docker driver's push to a repository that does not exist",
    '#13 pushing localhost:5093/o/m:ml-image-build-cpu-amd64 with docker\n#13 pushing layer 4508b39545f4 0.0s done\n#13 ERROR: name unknown\n------\n > pushing localhost:5093/o/m:ml-image-build-cpu-amd64 with docker:\n------\nERROR: name unknown',
    'localhost:5093',
    /repository does not exist on localhost:5093/,
  ],
  [
    'ECR, no repository created',
    "#12 exporting to image\n#12 pushing layers\nERROR: failed to solve: failed to push 1.dkr.ecr.us-east-1.amazonaws.com/model:cpu: name unknown: The repository with name 'model' does not exist in the registry with id '1'",
    '1.dkr.ecr.us-east-1.amazonaws.com',
    /create-repository/,
  ],
  [
    "the docker-container driver's blob upload answered 404 (a status alone): the URL's registry",
    '#12 exporting to image\n#12 pushing layers\nERROR: failed to solve: failed to push registry.corp:5000/o/m:cpu: unexpected status from POST request to https://registry.corp:5000/v2/o/m/blobs/uploads/: 404 Not Found',
    'registry.corp:5000',
    /repository does not exist on registry\.corp:5000/,
  ],
  [
    "the docker driver's push over a proxy's body limit",
    '#13 pushing localhost:5093/o/m:ml-image-build-cpu-amd64 with docker\n#13 pushing layer 4508b39545f4 0.0s done\n#13 ERROR: error parsing HTTP 413 response body: invalid character \'<\' looking for beginning of value: "<html>413 Request Entity Too Large</html>"\nERROR: error parsing HTTP 413 response body: invalid character \'<\' looking for beginning of value: "<html>413 Request Entity Too Large</html>"',
    'localhost:5093',
    /client_max_body_size/,
  ],
];

describe('a push refused for no login', () => {
  it.each(PUSH_REFUSED)('%s: exit 3 naming the registry', (_what, log, host, fix) => {
    const err = refused(log);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(exitCodeOf(err)).toBe(3);
    expect((err as EnvironmentError).message).toMatch(
      new RegExp(`^build cpu/amd64: the registry ${host.replace(/\./g, '\\.')} refused the push: `),
    );
    expect((err as EnvironmentError).fix).toMatch(fix);
    expect((err as EnvironmentError).fix).not.toContain('Dockerfile');
  });

  it('a push refused for another reason, of an image whose name holds 413, is no body limit', () => {
    const log =
      '#12 exporting to image\n#12 pushing layers\nERROR: failed to solve: failed to push ghcr.io/o/model-413:ml-image-build-cpu-amd64: unexpected status from PUT request to https://ghcr.io/v2/o/model-413/manifests/ml-image-build-cpu-amd64: 400 Bad Request';
    const err = refused(log);
    expect((err as EnvironmentError).fix ?? '').not.toMatch(/client_max_body_size/);
    expect((err as Error).message).not.toMatch(/refused the push/);
  });

  it('a RUN step whose download answered 404 stays the build (exit 1)', () => {
    const log =
      '#8 [3/4] RUN curl -f https://example.com/x\n#8 0.5 curl: (22) The requested URL returned error: 404 Not Found name unknown\nERROR: failed to solve: process "/bin/sh -c curl -f https://example.com/x" did not complete successfully: exit code: 22';
    expect(refused(log)).toBeInstanceOf(CheckFailedError);
  });
});

describe('a refused merge', () => {
  const TAGS = ['ghcr.io/o/m:1.0-cpu', 'ghcr.io/o/m:sha-abc-cpu'];
  it.each([
    [
      'GHCR without packages: write',
      'ERROR: failed to push ghcr.io/o/m:1.0-cpu: denied: permission_denied: write_package',
      'ghcr.io',
    ],
    [
      'a 401 naming no image: the tags registry',
      'ERROR: unexpected status from HEAD request to https://ghcr.io/v2/o/m/manifests/sha256:1: 401 Unauthorized',
      'ghcr.io',
    ],
    ['insufficient scope', 'ERROR: insufficient_scope: authorization failed', 'ghcr.io'],
  ])('%s: exit 3 with the write login fix', async (_what, stderr, host) => {
    let calls = 0;
    const docker = fakeDocker({
      imagetoolsCreate: async () => {
        calls++;
        throw cliFailure('merging 2 digest(s)', { exitCode: 1, stdout: '', stderr });
      },
    });
    const err = await mergeVariant({ docker, progress: () => {}, sleep: async () => {} }, 'cpu', TAGS, [
      'ghcr.io/o/m@sha256:1',
      'ghcr.io/o/m@sha256:2',
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(exitCodeOf(err)).toBe(3);
    expect((err as EnvironmentError).message).toMatch(
      /^merge cpu into ghcr\.io\/o\/m:1\.0-cpu, .*: the registry ghcr\.io refused the push: /,
    );
    expect((err as EnvironmentError).fix).toBe(registryLoginFix(host, 'write'));
    expect(calls).toBe(1);
  });

  it.each([
    [
      '404: no such repository',
      'ERROR: failed commit on ref "index-sha256:1": unexpected status from PUT request to http://localhost:5093/v2/o/m/manifests/1.0-cpu: 404 Not Found',
      /repository does not exist on localhost:5093/,
    ],
    [
      '413: over a body limit',
      'ERROR: failed commit on ref "index-sha256:1": unexpected status from PUT request to http://localhost:5093/v2/o/m/manifests/1.0-cpu: 413 Payload Too Large',
      /client_max_body_size/,
    ],
  ])("imagetools create's push answered %s: exit 3 naming the registry", async (_what, stderr, fix) => {
    const docker = fakeDocker({
      imagetoolsCreate: async () => {
        throw cliFailure('merging 2 digest(s)', { exitCode: 1, stdout: '', stderr });
      },
    });
    const tags = ['localhost:5093/o/m:1.0-cpu'];
    const err = await mergeVariant({ docker, progress: () => {}, sleep: async () => {} }, 'cpu', tags, [
      'localhost:5093/o/m@sha256:1',
    ]).catch((e: unknown) => e);
    expect(exitCodeOf(err)).toBe(3);
    expect((err as EnvironmentError).message).toMatch(
      /^merge cpu into localhost:5093\/o\/m:1\.0-cpu: the registry localhost:5093 refused the push: /,
    );
    expect((err as EnvironmentError).fix).toMatch(fix);
  });
});
