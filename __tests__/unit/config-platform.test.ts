import { describe, expect, it } from 'vitest';
import { archOf } from '../../src/config/platform.js';
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
