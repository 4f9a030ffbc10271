import { describe, expect, it } from 'vitest';
import { archOf, normalizePlatform, sameMachine } from '../../src/config/platform.js';
import { PLATFORMS } from '../../src/config/schema.js';

describe('archOf', () => {
  it.each([
    ['linux/amd64', 'amd64'],
    ['linux/arm64', 'arm64'],
    ['linux/arm/v7', 'arm'],
    ['linux', undefined],
    ['', undefined],
  ])('%j -> %j', (platform, arch) => {
    expect(archOf(platform)).toBe(arch);
  });

  it('names every platform a config may name by its architecture', () => {
    expect(PLATFORMS.map((p) => archOf(p))).toEqual(['amd64', 'arm64']);
  });
});

describe('sameMachine: the same OS and architecture once normalized, any variant', () => {
  const rows: [string, string, boolean][] = [
    ['linux/amd64', 'linux/amd64', true],
    ['linux/arm64', 'linux/arm64/v8', true],
    ['linux/arm64', 'linux/aarch64', true],
    ['linux/amd64', 'linux/x86_64', true],
    ['linux/amd64/v3', 'linux/amd64', true],
    ['LINUX/ARM64', 'linux/arm64', true],
    ['linux/amd64', 'linux/arm64', false],
    ['linux/arm64', 'linux/arm', false],
    ['linux/amd64', 'windows/amd64', false],
  ];
  it.each(rows)('%s and %s: %s', (a, b, same) => {
    expect(sameMachine(a, b)).toBe(same);
    expect(sameMachine(b, a)).toBe(same);
  });
});

describe('normalizePlatform', () => {
  it.each([
    ['linux/aarch64', 'linux/arm64'],
    ['linux/arm64/v8', 'linux/arm64'],
    ['linux/x86_64', 'linux/amd64'],
    ['linux/amd64/v1', 'linux/amd64'],
    ['linux/armhf', 'linux/arm/v7'],
    ['macos/arm64', 'darwin/arm64'],
  ])('%s is %s', (raw, normal) => {
    expect(normalizePlatform(raw)).toBe(normal);
  });
});
