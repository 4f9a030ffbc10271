// The custom suite's metadata tests: a failing check says what differs, and never shows the value
// of a label whose key names a secret (the record masks it; the reason reaches the PR comment).
import { describe, expect, it } from 'vitest';
import type { CustomTestSpec } from '../../src/config/schema.js';
import type { ImageDetails } from '../../src/docker/adapter.js';
import { customTest } from '../../src/smoke/custom.js';
import type { SmokeSession } from '../../src/smoke/session.js';

const details: ImageDetails = {
  id: 'sha256:1',
  repoDigests: [],
  os: 'linux',
  architecture: 'amd64',
  sizeBytes: 1,
  layers: 1,
  labels: {
    'com.acme.api_key': 'prod-9f8e7d6c5b4a',
    'com.acme.team': 'vision',
    'org.opencontainers.image.authors': 'ml',
  },
  user: 'app',
  entrypoint: null,
  cmd: null,
  env: ['HF_TOKEN=hf_plantedvalue1234'],
};
const session = { details } as unknown as SmokeSession;
const run = (labels: Record<string, string>) =>
  customTest(session, { name: 'labels', metadata: { labels } } as CustomTestSpec, () => undefined);

describe('metadata tests', () => {
  it.each([
    [
      'a secret-named label that differs: no value shown',
      { 'com.acme.api_key': 'other' },
      'label com.acme.api_key is different',
    ],
    ['a secret-named label that is unset', { 'deploy.token': 'x' }, 'label deploy.token is unset'],
    [
      'an ordinary label: both values shown',
      { 'com.acme.team': 'nlp' },
      'label com.acme.team is "vision", expected "nlp"',
    ],
    [
      'a standard label (authors holds AUTH, yet is no secret)',
      { 'org.opencontainers.image.authors': 'x' },
      'label org.opencontainers.image.authors is "ml", expected "x"',
    ],
  ])('%s', async (_what, labels, reason) => {
    const t = await run(labels);
    expect(t.status).toBe('fail');
    expect(t.reason).toBe(reason);
    expect(JSON.stringify(t)).not.toContain('prod-9f8e7d6c5b4a');
  });

  it('passes when the labels match, the secret-named one included', async () => {
    const t = await run({ 'com.acme.api_key': 'prod-9f8e7d6c5b4a', 'com.acme.team': 'vision' });
    expect(t.status).toBe('pass');
  });
});

describe('metadata tests: what the image has is masked as its record masks it', () => {
  const key = 'QUtJQXBsYW50ZWQxMjM0NTY3ODkwYWJjZGVmZ2hpamtsbW5vcHFy';
  const leaky: ImageDetails = {
    ...details,
    labels: { ...details.labels, 'com.acme.source': 'https://ci:s3cretPw@git.acme.dev/r.git' },
    entrypoint: ['/app/start', '--key', key],
    cmd: ['serve', '--index', 'https://u:s3cretPw@pypi.acme.dev/simple'],
  };
  const runOn = (metadata: CustomTestSpec['metadata']) =>
    customTest(
      { details: leaky } as unknown as SmokeSession,
      { name: 'm', metadata } as CustomTestSpec,
      () => undefined,
    );
  it.each<[string, CustomTestSpec['metadata']]>([
    ['an entrypoint with a long base64-like argument', { entrypoint: ['/app/start'] }],
    ['a cmd with a URL login', { cmd: ['serve'] }],
    ['a label with a URL login', { labels: { 'com.acme.source': 'x' } }],
  ])('%s: the reason shows it masked', async (_what, metadata) => {
    const t = await runOn(metadata);
    expect(t.status).toBe('fail');
    expect(t.reason).toMatch(/\[redacted\]/);
    for (const secret of [key, 's3cretPw']) expect(JSON.stringify(t)).not.toContain(secret);
  });
});
