import { describe, expect, it } from 'vitest';
import { compareVersions, majorMinor } from '../../src/util/versions.js';

describe('compareVersions', () => {
  it.each([
    ['2.10', '2.9', 1],
    ['2.9', '2.10', -1],
    ['2.7', '2.7.0', 0],
    ['2.7.1', '2.7', 1],
    ['12.8.1', '12.8.1', 0],
    ['0.30.0+cu128', '0.30.0', 0],
    // A local label that is not a number ("+cu128") counts as 0: local labels do not order.
    ['0.30.0+cu128', '0.30.0+cu126', 0],
    ['1.0+2', '1.0+1', 1],
    ['1.x', '1.0', 0],
    ['', '0', 0],
    ['v2', '1', -1],
  ])('%s vs %s -> sign %i', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});

describe('majorMinor', () => {
  it.each([
    ['2.7.1', '2.7'],
    ['12.8.1', '12.8'],
    ['12.8', '12.8'],
    ['3', '3'],
    ['2.7.1.post1', '2.7'],
  ])('%s -> %s', (v, mm) => {
    expect(majorMinor(v)).toBe(mm);
  });
});
