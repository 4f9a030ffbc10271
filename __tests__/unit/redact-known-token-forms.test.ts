// Every token form the requirements door refuses as "a token of a known form" (credential-values.ts
// tokensIn: the shared rules' secretValues, images/probe/redaction-rules.json) is masked where free
// text is redacted too: the image's history in env.json (and the report's size section, which quotes the biggest
// layers' instructions), a smoke test's output, a summary or comment cell. hf_ is the control.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureImage } from '../../src/capture/capture.js';
import { tokensIn } from '../../src/requirements/credential-values.js';
import { tail } from '../../src/smoke/output.js';
import { md } from '../../src/util/markdown.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { fakeDocker, imageDetails } from '../helpers/fakes.js';
import { makeRecord } from '../helpers/records.js';

const HF = 'hf_plantedAbCdEfGhIjKlMnOpQrStUvWxYz01';
// A PyPI API token's shape (a macaroon): what `twine upload -p` / `uv publish --token` take.
const PYPI = 'pypi-AgEIcHlwaS5vcmcCJGE0ZjE2YjQ3LTk2ZDktNDk1plantedMacaroon0123456789abcdefABCDEF';
// npm's access token, Docker Hub's personal access token, a Google API key and OAuth access token.
const NPM = 'npm_plantedAbCdEfGhIjKlMnOpQrStUvWxYz012';
const DOCKER_HUB = 'dckr_pat_plantedAbCdEfGhIjKlMnOpQr';
const GOOGLE_KEY = 'AIzaSyPlanted0123456789abcdefghijklmnop';
const GOOGLE_OAUTH = 'ya29.a0plantedAbCdEfGhIjKlMnOpQrStUvWxYz0123';

/** env.json's image.history for one layer made by INSTRUCTION (captureImage, a fake engine). */
async function historyOf(instruction: string): Promise<string> {
  const { image: _image, schemaVersion: _v, ...probed } = makeRecord();
  const docker = fakeDocker({
    inspectImage: () => Promise.resolve(imageDetails()),
    imageHistory: () => Promise.resolve([{ createdBy: instruction, sizeBytes: 1_000_000, empty: false }]),
    runContainer: () =>
      Promise.resolve({
        containerId: 'c',
        exitCode: 0,
        timedOut: false,
        stdout: JSON.stringify({ ...probed, schemaVersion: 1 }),
        stderr: '',
        durationMs: 5,
      }),
  });
  const r = await captureImage(
    { image: 'ghcr.io/o/r:1', imagesDir: path.join(REPO_ROOT, 'images') },
    { docker },
  );
  return r.image.history![0]!.createdBy;
}

describe('a token of a form the requirements door knows is masked in every free-text sink', () => {
  const sinks: [string, (token: string) => Promise<string> | string][] = [
    [
      "env.json image.history (a layer's instruction)",
      (t) => historyOf(`RUN /bin/sh -c twine upload -u __token__ -p ${t} dist/*`),
    ],
    ["a smoke test's kept output", (t) => tail(`Uploading with ${t}\n`)],
    ['a summary / comment cell', (t) => md(`layer: RUN uv publish --token ${t}`)],
  ];
  it.each([
    ['hf_ (control)', HF],
    ['PyPI API token', PYPI],
    ['npm token', NPM],
    ['Docker Hub token', DOCKER_HUB],
    ['Google API key', GOOGLE_KEY],
    ['Google OAuth access token', GOOGLE_OAUTH],
  ])('%s', async (_name, token) => {
    // The door names it a token of a known form (a line holding it is refused, exit 2) ...
    expect(tokensIn(`x ${token} y`)).toHaveLength(1);
    // ... and so every sink masks it.
    for (const [sink, shown] of sinks)
      expect.soft(await shown(token), sink).not.toContain(token.slice(0, 24));
  });
});
