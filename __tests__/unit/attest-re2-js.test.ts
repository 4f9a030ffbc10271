// RE2 patterns (cosign's --certificate-identity-regexp) read as RE2 reads them: the guard against
// an identity that accepts the reusable workflow's signatures sees \A, \z, [[:alnum:]], \pL, (?i)
// and \Q...\E as cosign does, and refuses a pattern whose syntax it cannot read.
import { describe, expect, it } from 'vitest';
import { re2ToJs } from '../../src/attest/re2-js.js';
import { cliFlagNaming, parseVerifyFlags } from '../../src/attest/verify.js';
import { acceptsSharedWorkflow, identityMatcher, withoutFlagGroups } from '../../src/attest/verify-inputs.js';
import { InputError } from '../../src/errors.js';

const SHARED =
  'https://github.com/ml-image-action/ml-image-action/.github/workflows/ml-image.yml@refs/tags/v0';
const OWN = 'https://github.com/acme/model/.github/workflows/build.yml@refs/heads/main';

const refusal = (regexp: string, repository?: string): InputError | undefined => {
  try {
    parseVerifyFlags(
      {
        'certificate-identity-regexp': regexp,
        ...(repository !== undefined && { 'certificate-github-workflow-repository': repository }),
      },
      cliFlagNaming('verify'),
    );
    return undefined;
  } catch (e) {
    return e as InputError;
  }
};

const ACCEPTS =
  "verify: --certificate-identity-regexp accepts the reusable workflow's signatures, which any repository that calls it can make: say whose run signed";

describe("the reusable workflow's identity guard reads RE2 as cosign does", () => {
  it.each([
    ['\\A for the start', '\\Ahttps://github\\.com/'],
    ['\\z for the end', '^https://github\\.com/.+\\z'],
    ['POSIX classes', '^https://github\\.com/[[:alnum:]-]+/[[:alnum:]-]+/\\.github/workflows/'],
    ['a negated POSIX class', '^https://github\\.com/[[:^space:]]+/\\.github/'],
    ['\\pL', '^https://github\\.com/\\pL+-\\pL+-\\pL+/'],
    ['\\p{L} and \\PN', '^https://github\\.com/\\p{L}+-[\\PN]+-\\p{Latin}+/'],
    ['(?i) mid-pattern', '^HTTPS://(?i)GITHUB\\.COM/ML-'],
    ['(?i:...) group', '^https://github\\.com/(?i:ML-IMAGE-ACTION)/'],
    ['\\Q...\\E', '^\\Qhttps://github.com/\\E'],
    ['hex and octal escapes', '^https://github\\.com/ml\\x2dimage\\x{2D}action\\057'],
    ['(?P<name>...)', '^https://github\\.com/(?P<owner>[^/]+)/'],
    ['(?s) and \\S', '(?s)^https://github\\.com/\\S+\\z'],
  ])('%s: exit 2 without the repository', (_what, regexp) => {
    const e = refusal(regexp);
    expect(e).toBeInstanceOf(InputError);
    expect(e!.message).toBe(ACCEPTS);
    expect(e!.fix).toBe('add --certificate-github-workflow-repository OWNER/REPO (your repository)');
    // With the repository that ran it, the same pattern is accepted.
    expect(refusal(regexp, 'acme/model')).toBeUndefined();
  });

  it.each([
    ['an unknown POSIX class', '^https://github\\.com/[[:letters:]]+/', '[:letters:]'],
    ['a lookahead', '^https://github\\.com/(?=acme)', '(?='],
    ['an escape RE2 does not know', '^https://github\\.com/\\e', '\\e'],
    ['a Unicode class JavaScript does not know', '^https://github\\.com/\\p{Klingon}+/', '\\p{Klingon}'],
    ['a backreference', '^https://github\\.com/(a)\\1', '\\1'],
  ])('%s: exit 2 saying which syntax it cannot read', (_what, regexp, syntax) => {
    const e = refusal(regexp);
    expect(e).toBeInstanceOf(InputError);
    expect(e!.message).toBe(
      `verify: --certificate-identity-regexp ${JSON.stringify(regexp)} holds ${syntax}, which this check does not read as cosign (Go's RE2) does: it may accept the reusable workflow's signatures, which any repository that calls it can make: say whose run signed`,
    );
    expect(refusal(regexp, 'acme/model')).toBeUndefined();
  });

  // Any identity of the shared workflow (any file, at any tag, commit or branch) may be the one
  // signed: a pattern is safe without the repository only when it starts with an owner of its own.
  it.each([
    [
      'any owner, at one tag',
      '^https://github\\.com/[^/]+/[^/]+/\\.github/workflows/ml-image\\.yml@refs/tags/v9\\.9\\.9$',
    ],
    [
      'any owner, at one commit',
      `^https://github\\.com/[^/]+/[^/]+/\\.github/workflows/ml-image\\.yml@${'3d'.repeat(20)}$`,
    ],
    [
      'a pinned owner, or anything (top-level |)',
      '^https://github\\.com/acme/|^https://github\\.com/[^/]+/[^/]+/.+@refs/tags/v9$',
    ],
    [
      // \\Q is a backslash and a Q, no quote: the | after it is at the top level.
      'an escaped backslash before Q hiding a top-level |',
      '^https://github\\.com/acme/\\\\Qa|^https://github\\.com/ml-image-actio[n]/ml-image-action/.*@refs/tags/v9\\.9\\.9$',
    ],
    [
      'a negated class under a scoped (?i)',
      '^https://github\\.com/[^A-Z]+/[^A-Z]+/\\.github/workflows/ml-image\\.yml(?i:@)refs/tags/v9',
    ],
    ['not anchored', 'github\\.com/acme/model/'],
    ["the shared workflow's owner in capitals", '(?i)^https://github\\.com/ML-IMAGE-ACTION/other/'],
    // A repeat of the owner's `/` leaves it out: the owner's letters run on into the next part, and
    // ml-image-actio/?n/ml-image-action/ is the shared workflow's ml-image-action/ml-image-action/.
    ...[
      ['/?', 'ml-image-actio/?n/ml-image-action'],
      ['/*', 'ml-image-actio/*n/ml-image-action'],
      ['/{0}', 'ml-image-actio/{0}n/ml-image-action'],
      ['/{0,1}', 'ml-image-actio/{0,1}n/ml-image-action'],
      ['\\/?', 'ml\\/?-image-action/ml-image-action'],
      ['\\/*', 'ml\\/*-image-action/ml-image-action'],
      ['\\/{0}', 'ml\\-image\\/{0}\\-action/ml-image-action'],
      ['/+ (a repeat all the same)', 'acme/+model'],
      ['\\Q...\\E? (the ? repeats its last /)', '\\Qml-image-actio/\\E?n/ml-image-action'],
      // A flag group matches nothing: the repeat after it repeats the /.
      ['(?i)?', 'ml-image-actio/(?i)?n/ml-image-action'],
      ['(?U)?', 'ml-image-actio/(?U)?n/ml-image-action'],
      ['(?-s)*', 'ml/(?-s)*-image-action/ml-image-action'],
      ['(?m){0}', 'ml-image-actio/(?m){0}n/ml-image-action'],
      ['\\/(?i)?', 'ml-image-actio\\/(?i)?n/ml-image-action'],
      ['(?i)?(?s)?', 'ml-image-actio/(?i)?(?s)?n/ml-image-action'],
    ].map(([repeat, path]) => [
      `the owner's / repeated by ${repeat}`,
      `^https://github\\.com/${path}/\\.github/workflows/ml-image\\.yml@refs/tags/v9\\.9\\.9$`,
    ]),
  ])('%s: exit 2 without the repository, saying the start names no owner', (_what, regexp) => {
    const e = refusal(regexp);
    expect(e).toBeInstanceOf(InputError);
    expect(e!.message).toMatch(
      /does not start with \^https:\/\/github\\\.com\/OWNER\/ .* may accept the reusable workflow's signatures/,
    );
    expect(refusal(regexp, 'acme/model')).toBeUndefined();
  });

  it.each([
    ['a pinned owner, alternatives inside a group', '^https://github\\.com/acme/(model|trainer)/'],
    ['a pinned owner only (an organization)', '^https://github\\.com/acme/'],
    ['a pinned owner/repo', '^https://github\\.com/acme/model/'],
    [
      'a pinned owner/repo with \\A and \\z',
      '\\Ahttps://github\\.com/acme/model/\\.github/workflows/build\\.yml@refs/heads/main\\z',
    ],
    ['a pinned owner with POSIX classes', '^https://github\\.com/acme/[[:alnum:]_.-]+/\\.github/workflows/'],
    ['a pinned owner with \\pL', '^https://github\\.com/acme/\\pL+/'],
    ['\\Q...\\E around the pin', '^\\Qhttps://github.com/acme/model/\\E'],
    ['(?i) with a pinned owner', '(?i)^https://github\\.com/ACME/model/'],
    ['{ not a repeat, a literal', '^https://github\\.com/acme/model/\\.github/workflows/x\\{y}'],
    ['the owner and its / escaped', '\\Ahttps:\\/\\/github\\.com\\/acme\\-corp\\/model\\/'],
    ["a repeat after the owner's /", '^https://github\\.com/acme//?model/'],
    ['the repository optional', '^https://github\\.com/acme/(?:model)?/'],
    [
      'any repository of the owner',
      '^https://github\\.com/acme/[^/]+/\\.github/workflows/build\\.yml@refs/tags/.*$',
    ],
    ['a / repeated after the repository', '^https://github\\.com/acme/model/?$'],
    ['a flag group after the pinned owner', '^https://github\\.com/acme/(?i)MODEL/'],
    ['an escaped backslash and a Q in the path', '^https://github\\.com/acme/model\\\\Q/'],
  ])('%s: accepted without the repository', (_what, regexp) => {
    expect(refusal(regexp)).toBeUndefined();
  });
});

// The compiled pattern is tried on the shared workflow's identity at the refs callers pin it at
// (a tag, a commit, a branch, a pull request's merge ref): one that matches any accepts.
describe('acceptsSharedWorkflow tries the shared workflow at several refs', () => {
  const ANY = '^https://github\\.com/[^/]+/[^/]+/\\.github/workflows/ml-image\\.yml@';
  it.each<[string, string, 'accepts' | 'open' | undefined]>([
    ['a tag', `${ANY}refs/tags/v0\\.4\\.2$`, 'accepts'],
    ['any tag', `${ANY}refs/tags/.*$`, 'accepts'],
    ['a commit', `${ANY}[0-9a-f]{40}$`, 'accepts'],
    ['a branch', `${ANY}refs/heads/main$`, 'accepts'],
    ["a pull request's merge ref", `${ANY}refs/pull/[0-9]+/merge$`, 'accepts'],
    ['a tag matching none of those tried', `${ANY}refs/tags/v9$`, 'open'],
    [
      "the owner's / left out, at a tag",
      '^https://github\\.com/ml-image-actio/?n/ml-image-action/\\.github/workflows/ml-image\\.yml@refs/tags/v0\\.4\\.2$',
      'accepts',
    ],
    [
      "the owner's / left out, at any tag",
      '^https://github\\.com/ml-image-actio/{0}n/ml-image-action/\\.github/workflows/ml-image\\.yml@refs/tags/.*$',
      'accepts',
    ],
    [
      "the owner's \\/ left out, at any tag",
      '^https://github\\.com/ml\\/*-image-action/ml-image-action/\\.github/workflows/ml-image\\.yml@refs/tags/.*$',
      'accepts',
    ],
    [
      'an owner of its own',
      '^https://github\\.com/acme/model/\\.github/workflows/build\\.yml@refs/tags/.*$',
      undefined,
    ],
    [
      // A class holding a flag group's characters is a class (audit): read as an empty one, it ran
      // on over the `|` after it, and the second branch (the shared workflow at v1.0.0) was missed.
      'a class of "(?i)" before a top-level |',
      '^https://github\\.com/acme/[(?i)]|^https://github\\.com/ml-image-actio[n]/ml-image-action/\\.github/workflows/ml-image\\.yml@refs/tags/v1\\.0\\.0$',
      'open',
    ],
    ['a class of "(?i)" in an owner of its own', '^https://github\\.com/acme/[(?i)]+/', undefined],
  ])('%s', (_what, regexp, why) => {
    expect(acceptsSharedWorkflow(undefined, regexp)?.why).toBe(why);
  });
});

describe('withoutFlagGroups keeps escapes and classes whole', () => {
  it.each([
    ['(?i)^https://x/', '^https://x/'],
    ['a(?-s)b(?im-sU)c', 'abc'],
    ['[(?i)]|x', '[(?i)]|x'],
    ['[](?i)]a', '[](?i)]a'],
    ['\\(?i)', '\\(?i)'],
    ['[[:alpha:](?s)]b(?s)', '[[:alpha:](?s)]b'],
    ['[(?i)', '[(?i)'],
  ])('%s -> %s', (pattern, want) => {
    expect(withoutFlagGroups(pattern)).toBe(want);
  });
});

describe('re2ToJs', () => {
  it.each<[string, string, boolean]>([
    ['\\Aab', 'ab', true],
    ['\\Aab', 'xab', false],
    ['ab\\z', 'ab', true],
    ['ab\\z', 'abc', false],
    ['^a$', 'a\nb', false],
    ['(?m)^b$', 'a\nb', true],
    ['a.b', 'a\nb', false],
    ['a.b', 'a\rb', true], // RE2's . is all but \n (JavaScript's leaves out \r too)
    ['(?s:a.b)', 'a\nb', true],
    ['(?s:a).b', 'a\nb', false],
    ['[[:upper:]][[:digit:]]', 'Q7', true],
    ['^[[:^alpha:]]$', 'q', false],
    ['^[]a]+$', ']a', true],
    ['^[a-]+$', 'a-a', true],
    ['^\\pN+$', '123', true],
    ['^\\p{^N}$', '1', false],
    ['^\\PL$', 'x', false],
    ['^\\p{Greek}$', 'λ', true],
    ['^\\s$', '\v', false], // RE2's \s is [\t\n\f\r ]
    ['^[\\S]$', ' ', false],
    ['^\\Qa.b\\E$', 'a.b', true],
    ['^\\Qa.b\\E$', 'axb', false],
    ['^a{2}$', 'aa', true],
    ['^a{$', 'a{', true],
    ['^x\\-\\@y$', 'x-@y', true],
    ['^\\x41\\x{42}\\103$', 'ABC', true],
    ['^(?i)abc$', 'ABC', true],
    ['^(?P<n>a)(?<m>b)$', 'ab', true],
  ])('%s on %j: %s', (pattern, text, match) => {
    const js = re2ToJs(pattern);
    if ('unread' in js) throw new Error(`unread: ${js.unread}`);
    expect(new RegExp(js.source, js.flags).test(text)).toBe(match);
  });

  it.each([
    ['(?=a)', '(?='],
    ['(?<=a)', '(?<'],
    ['(?x)a', '(?x'],
    ['[[:nope:]]', '[:nope:]'],
    ['\\C', '\\C'],
    ['\\Z', '\\Z'],
    ['a\\', 'a \\ at the end'],
    ['[a', 'a [ without its ]'],
    ['(a', 'a ( without its )'],
    ['a)', 'a ) without its ('],
    ['[z-a]', 'the range \\u{7a}-\\u{61}'],
    ['\\p{L', '\\p without its class'],
    ['\\p{Greek}|\\p{x}', '\\p{x}'],
  ])('%s is not read: %s', (pattern, unread) => {
    expect(re2ToJs(pattern)).toEqual({ unread });
  });

  it('identityMatcher reads the regexp as RE2 does', () => {
    const m = identityMatcher({ certificateIdentityRegexp: '\\Ahttps://github\\.com/[[:alpha:]]+/model/' });
    expect(m(OWN)).toBe(true);
    expect(m(SHARED)).toBe(false);
    expect(identityMatcher({ certificateIdentityRegexp: '(?=x)' })(SHARED)).toBe(true);
  });

  // V8 says "Regular expression too large" at the first match, not at new RegExp: once an
  // internal error (exit 1) out of verify's flag checks. RE2 may hold it: unread, fail safe.
  it('a pattern too large for JavaScript: unread, never thrown', () => {
    const pattern = `^https://github\\.com/acme/model/${'x'.repeat(40_000)}`;
    expect(acceptsSharedWorkflow(undefined, pattern)).toEqual({
      why: 'unread',
      syntax: "a pattern too large for JavaScript's regular expression engine",
    });
    expect(identityMatcher({ certificateIdentityRegexp: pattern })(SHARED)).toBe(true);
  });

  // Each construct once cost the length of the rest of the pattern (its code points joined again):
  // 8,000 classes took 24 s, 20,000 minutes, in verify's flag checks.
  it('a pattern of 20,000 classes is read, its JavaScript pattern made (a read of the old cost runs into the timeout of the test)', () => {
    const pattern = `^https://github\\.com/acme/${'[a-z]'.repeat(20_000)}`;
    const js = re2ToJs(pattern);
    expect(js).not.toHaveProperty('unread');
    expect(acceptsSharedWorkflow(undefined, pattern)).toBeUndefined();
  });
});
