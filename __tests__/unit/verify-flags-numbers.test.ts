// The numbers the verify flags take are finite: digits that make Infinity (hundreds of nines) are
// bad input naming the flag and the item (exit 2), as NaN or -1 are, not a floor no image meets.
import { describe, expect, it } from 'vitest';
import { type FlagNaming, parseMinTflops, parseVerifyFlags } from '../../src/attest/verify-flags.js';
import { InputError } from '../../src/errors.js';

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('verify flags: numbers too large to be numbers', () => {
  it.each([
    ['bf16', `bf16=${'9'.repeat(400)}`],
    ['fp32', `bf16=600,fp32=${'9'.repeat(309)}.5`],
  ])('--min-tflops: a %s floor that is Infinity is bad input (exit 2)', (dtype, raw) => {
    const e = thrown(() => parseMinTflops(raw, '--min-tflops'));
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).exitCode).toBe(2);
    expect((e as Error).message).toMatch(
      new RegExp(`^--min-tflops: ${dtype}=9{20}\\.\\.\\. \\(\\d+ characters\\) is too large to be a number`),
    );
    // Not the whole item: a 400-character flag is not echoed.
    expect((e as Error).message.length).toBeLessThan(200);
  });

  it('the largest finite floor is still a floor', () => {
    expect(parseMinTflops(`bf16=${'9'.repeat(300)}`).bf16).toBe(Number(`${'9'.repeat(300)}`));
  });

  it('through parseVerifyFlags (the CLI and the sub-action): named as the flag is', () => {
    const naming: FlagNaming = { prefix: '', flag: (f) => `--${f}` };
    const e = thrown(() =>
      parseVerifyFlags({ key: 'cosign.pub', 'min-tflops': `bf16=${'9'.repeat(400)}` }, naming),
    );
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toMatch(/^--min-tflops: bf16=/);
  });

  it('--timeout of hundreds of nines stays bad input (exit 2)', () => {
    const naming: FlagNaming = { prefix: '', flag: (f) => `--${f}` };
    const e = thrown(() => parseVerifyFlags({ key: 'cosign.pub', timeout: '9'.repeat(400) }, naming));
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toMatch(/^--timeout: expected seconds/);
  });
});
