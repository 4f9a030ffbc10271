// docker/build-push-action's inputs, table-driven against BPA's documented semantics: the list
// cases are docker/actions-toolkit's own getInputList tests (__tests__/util.test.ts), the secret,
// cache and annotation forms those of BPA's src/context.ts and actions-toolkit's Build helpers
// (resolveSecretString: `--secret id=ID,src=FILE`, resolveSecretEnv: `--secret id=ID,env=NAME`).
// Each case runs the inputs through our parser and argv builder and asserts the argv.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyToPlan,
  type BuildInputOptions,
  buildOptionsFromInputs,
  indexAnnotations,
  parseAnnotation,
  registryHost,
  tagsByRepository,
  variantTags,
} from '../../src/build/action-inputs.js';
import { type BuilderInfo, type BuildRequest, buildxBuildArgs } from '../../src/build/buildx-args.js';
import { parseBpaList } from '../../src/config/bpa-list.js';
import { CONFIG_INPUTS, overridesFromInputs, parseInputValue } from '../../src/config/inputs.js';
import { validateConfigData } from '../../src/config/load.js';
import { applyOverrides } from '../../src/config/overrides.js';
import { EnvironmentError, InputError } from '../../src/errors.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { container, dockerDriver, inputs, targetRequest, values } from '../helpers/bpa.js';

const req = targetRequest({ type: 'gha', scope: 'ml-image-cpu-amd64' });

describe('BPA list inputs (actions-toolkit getInputList cases)', () => {
  it.each<[string, string, boolean, string[]]>([
    ['single line', 'bar', false, ['bar']],
    ['empty', '', false, []],
    ['multiline', 'bar\nbaz', false, ['bar', 'baz']],
    ['empty lines', 'bar\n\nbaz', false, ['bar', 'baz']],
    ['comma', 'bar,baz', false, ['bar', 'baz']],
    ['trailing comma', 'bar,baz,', false, ['bar', 'baz']],
    ['CRLF', 'bar\r\nbaz', false, ['bar', 'baz']],
    ['CRLF and comma', 'bar\r\nbaz,bat', false, ['bar', 'baz', 'bat']],
    [
      'cache specs keep their commas',
      'user/app:cache\ntype=local,src=path/to/dir',
      true,
      ['user/app:cache', 'type=local,src=path/to/dir'],
    ],
    ['# is no comment', 'foo=bar\nbar=qux#baz', true, ['foo=bar', 'bar=qux#baz']],
    [
      'quoted platforms are split',
      'linux/amd64\n"linux/arm64,linux/arm/v7"',
      false,
      ['linux/amd64', 'linux/arm64', 'linux/arm/v7'],
    ],
    [
      'multiline quoted secret',
      'GIT_AUTH_TOKEN=abcdefgh,ijklmno=0123456789\n"MYSECRET=aaaaaaaa\nbbbbbbb\nccccccccc"\nFOO=bar',
      true,
      ['GIT_AUTH_TOKEN=abcdefgh,ijklmno=0123456789', 'MYSECRET=aaaaaaaa\nbbbbbbb\nccccccccc', 'FOO=bar'],
    ],
    [
      'multiline quoted secret with an empty line',
      'FOO=bar\n"EMPTYLINE=aaaa\n\nbbbb\nccc"',
      true,
      ['FOO=bar', 'EMPTYLINE=aaaa\n\nbbbb\nccc'],
    ],
    [
      'unquoted multiline values are separate items',
      'MYSECRET=aaaaaaaa\nbbbbbbb\nFOO=bar',
      true,
      ['MYSECRET=aaaaaaaa', 'bbbbbbb', 'FOO=bar'],
    ],
    ['escaped quotes', '"MYSECRET=aa\nbb""bb"\nFOO=bar', true, ['MYSECRET=aa\nbb"bb', 'FOO=bar']],
    [
      'metadata-action label with a comma, quoted',
      '"org.opencontainers.image.description=Fast, small"\norg.opencontainers.image.version=1.2.0',
      true,
      ['org.opencontainers.image.description=Fast, small', 'org.opencontainers.image.version=1.2.0'],
    ],
  ])('%s', (_name, raw, ignoreComma, expected) => {
    expect(parseBpaList(raw, { ignoreComma })).toEqual(expected);
  });

  it('keeps trailing newlines of a quoted secret when not trimming (an SSH key)', () => {
    expect(parseBpaList('"KEY=AAAA\nBBBB\n\n"\n', { ignoreComma: true, trim: false })).toEqual([
      'KEY=AAAA\nBBBB\n\n',
    ]);
  });
});

// Bad quoting, side by side with what actions-toolkit's getList (csv-parse 7.0.3: relaxQuotes,
// relaxColumnCount, skipEmptyLines) returns for the same text, recorded by running it.
describe('BPA list inputs: bad quoting as csv-parse reads it', () => {
  it.each<[string, string, { ignoreComma: boolean; trim?: boolean }, string[]]>([
    // Text after a closing quote: the field as written, quotes and all (`""` before it read as `"`).
    [
      'a quoted JSON value holding quotes',
      '"gcp={"type": "sa", "k": "v"}"',
      { ignoreComma: true, trim: false },
      ['"gcp={"type": "sa", "k": "v"}"'],
    ],
    [
      'quotes inside an unquoted value',
      'gcp="{"type": "sa"}"',
      { ignoreComma: true },
      ['gcp="{"type": "sa"}"'],
    ],
    ['text and a comma after the quote', '"a=1"x,y\nb=2', { ignoreComma: true }, ['"a=1"x,y', 'b=2']],
    ['an escaped quote before it', '"a=""b"x', { ignoreComma: true }, ['"a="b"x']],
    ['a space after the quote', '"a=1" \nb=2', { ignoreComma: true, trim: false }, ['"a=1" ', 'b=2']],
    [
      'a quoted line break, then text',
      '"a=1\n2"x\nb=2',
      { ignoreComma: true, trim: false },
      ['"a=1\n2"x', 'b=2'],
    ],
    ['each field of a line', '"a"b,"c"d', { ignoreComma: false }, ['"a"b', '"c"d']],
    ['quoted fields that close well', '"a=1",b=2\n"c=3"', { ignoreComma: true }, ['a=1,b=2', 'c=3']],
  ])('%s: as csv-parse', (_name, raw, opts, csvParse) => {
    expect(parseBpaList(raw, opts)).toEqual(csvParse);
  });

  // csv-parse: CSV_QUOTE_NOT_CLOSED "Quote Not Closed: the parsing is finished with an opening quote".
  it.each<[string, string, string, number]>([
    [
      'a PEM key whose quote is never closed swallows the next secret',
      'secrets',
      '"ssh_key=-----BEGIN KEY-----\nMIIE\n-----END KEY-----\nnpm_token=npm_abc',
      1,
    ],
    ['build-args: a quote opened on line 2', 'build-args', 'A=1\n"B=2\nC=3', 2],
    ['after a good quoted item', 'labels', '"a=1"\n"b', 2],
    ['blank lines trimmed off the start count', 'secrets', '\n\n"s=x\ny', 3],
  ])('%s: refused (exit 2), naming the input and the line, never the text', (_name, input, raw, line) => {
    const read = () =>
      input === 'build-args'
        ? overridesFromInputs(inputs({ [input]: raw }))
        : buildOptionsFromInputs(inputs({ [input]: raw }));
    expect(read).toThrow(InputError);
    expect(read).toThrow(`input "${input}": the item on line ${line} opens a quote (") that is never closed`);
    const message = (() => {
      try {
        read();
      } catch (e) {
        return `${(e as InputError).message} ${(e as InputError).fix ?? ''}`;
      }
    })();
    expect(message).not.toMatch(/BEGIN|MIIE|npm_abc|B=2|C=3|s=x/);
  });

  it('secrets: a value quoted with text after its closing quote is refused, not mounted altered', () => {
    expect(() => buildOptionsFromInputs(inputs({ secrets: '"gcp={"type": "sa"}"' }))).toThrow(
      /input "secrets": item 1 starts with a quote that text follows after its closing quote/,
    );
    expect(() => buildOptionsFromInputs(inputs({ secrets: 'a=1\n"gcp={"type": "sa"}"' }))).toThrow(
      /item 2 starts with a quote [^;]*$/,
    );
  });
});

/** Inputs -> our options -> the argv of one target (the options as target.ts maps them). */
function argvFor(
  map: Record<string, string>,
  builder: BuilderInfo = container,
  extra: Partial<BuildRequest> = {},
) {
  const o: BuildInputOptions = buildOptionsFromInputs(inputs(map));
  const fileSecrets = Object.fromEntries(Object.keys(o.secrets ?? {}).map((id) => [id, `/tmp/s/${id}`]));
  return buildxBuildArgs(
    {
      ...req,
      ...(o.target !== undefined && { target: o.target }),
      ...(o.noCache !== undefined && { noCache: o.noCache }),
      ...(o.secretEnvs && { secretEnvs: o.secretEnvs }),
      ...(o.cacheFrom && { cacheFrom: o.cacheFrom }),
      ...(o.cacheTo && { cacheTo: o.cacheTo }),
      ...(o.sbom !== undefined && { sbom: o.sbom }),
      ...(o.load && { load: true, loadTag: 'ghcr.io/o/r:local' }),
      ...(o.annotations && {
        annotations: o.annotations
          .filter((a) => !a.types.includes('index'))
          .map((a) => `${a.types.length ? `${a.types.join(',')}:` : ''}${a.key}=${a.value}`),
      }),
      fileSecrets,
      ...extra,
    },
    { ...builder, ...(o.builder && { name: o.builder }) },
  );
}

describe('BPA inputs -> buildx argv', () => {
  it.each<[string, Record<string, string>, Record<string, string[]>, BuilderInfo?]>([
    [
      'secrets: id=value lines become file secrets, never build args',
      { secrets: 'github_token=ghp_abc\n"MULTI=a\nb"' },
      {
        '--secret': ['id=github_token,src=/tmp/s/github_token', 'id=MULTI,src=/tmp/s/MULTI'],
        '--build-arg': [],
      },
    ],
    [
      'secret-envs: id=ENVNAME, comma-separated too (BPA splits secret-envs on commas)',
      { 'secret-envs': 'npm_token=NPM_TOKEN,pip=PIP_TOKEN' },
      { '--secret': ['id=npm_token,env=NPM_TOKEN', 'id=pip,env=PIP_TOKEN'] },
    ],
    [
      'cache-from / cache-to CSV specs replace the per-variant gha scope',
      { 'cache-from': 'type=gha,scope=x', 'cache-to': 'type=gha,scope=x,mode=max' },
      { '--cache-from': ['type=gha,scope=x'], '--cache-to': ['type=gha,scope=x,mode=max'] },
    ],
    [
      'registry cache spec with a quoted ref',
      { 'cache-from': '"type=registry,ref=ghcr.io/o/r:buildcache"' },
      { '--cache-from': ['type=registry,ref=ghcr.io/o/r:buildcache'], '--cache-to': [] },
    ],
    [
      'docker driver: cache-from kept, a gha cache-to left out, inline kept',
      { 'cache-from': 'type=registry,ref=ghcr.io/o/r:c', 'cache-to': 'type=gha,mode=max\ntype=inline' },
      { '--cache-from': ['type=registry,ref=ghcr.io/o/r:c'], '--cache-to': ['type=inline'] },
      dockerDriver,
    ],
    [
      'target, no-cache and builder',
      { target: 'runtime', 'no-cache': 'true', builder: 'builder-3f2a' },
      { '--target': ['runtime'], '--builder': ['builder-3f2a'] },
    ],
    [
      'manifest annotations on the build (metadata-action prefixes them manifest:)',
      {
        annotations:
          'manifest:org.opencontainers.image.description=My model\nindex:org.opencontainers.image.description=My model\norg.opencontainers.image.licenses=MIT',
      },
      {
        '--annotation': [
          'manifest:org.opencontainers.image.description=My model',
          'org.opencontainers.image.licenses=MIT',
        ],
      },
    ],
    [
      'load with push: a second exporter into the engine',
      { load: 'true' },
      {
        '--output': [
          'type=image,name=ghcr.io/o/r,push-by-digest=true,name-canonical=true,push=true',
          'type=docker,name=ghcr.io/o/r:local',
        ],
      },
    ],
  ])('%s', (_name, map, expected, builder) => {
    const { args } = argvFor(map, builder);
    for (const [flag, want] of Object.entries(expected)) expect(values(args, flag), flag).toEqual(want);
    if (map['no-cache'] === 'true') expect(args).toContain('--no-cache');
  });

  it("a pull request's build writes no cache other branches read: registry and local cache-to left out, gha and inline kept", () => {
    const given = {
      'cache-from': 'type=registry,ref=ghcr.io/o/r:buildcache',
      'cache-to':
        'type=registry,ref=ghcr.io/o/r:buildcache,mode=max\ntype=local,dest=/tmp/c\ntype=gha,mode=max\ntype=inline',
    };
    const pr = argvFor(given, container, {
      cacheReadOnly: "may build a pull request's code",
      ghaCacheOwnScope: true,
    });
    expect(values(pr.args, '--cache-from')).toEqual(['type=registry,ref=ghcr.io/o/r:buildcache']);
    expect(values(pr.args, '--cache-to')).toEqual(['type=gha,mode=max', 'type=inline']);
    expect(pr.notes.join('\n')).toMatch(/may build a pull request's code: cache-to registry left out/);
    expect(pr.notes.join('\n')).toMatch(/may build a pull request's code: cache-to local left out/);
    // pull_request_target, workflow_run, issue_comment: GITHUB_REF is the default branch, so gha
    // entries would land in its scope: gha is left out too.
    const target = argvFor(given, container, { cacheReadOnly: "may build a pull request's code" });
    expect(values(target.args, '--cache-to')).toEqual(['type=inline']);
    expect(target.notes.join('\n')).toMatch(/may build a pull request's code: cache-to gha left out/);
    // A branch's build writes them all.
    expect(values(argvFor(given, container).args, '--cache-to')).toHaveLength(4);
  });

  // buildx reads a cache spec's fields with keys lowercased, the last type= winning
  // (buildflags.CacheOptionsEntry): the type the read-only filter decides on must be that one.
  it.each<[string, string]>([
    ['type given twice, a registry last', 'type=inline,type=registry,ref=ghcr.io/o/r:cache,mode=max'],
    ['type given twice, in upper case the second time', 'type=gha,TYPE=registry,ref=ghcr.io/o/r:cache'],
    ['type given twice, spaces before the second', 'type=inline, type=registry,ref=ghcr.io/o/r:cache'],
  ])("a pull request's cache-to with %s is refused (exit 2), never read as its first type", (_name, spec) => {
    const request = {
      ...req,
      cacheReadOnly: "may build a pull request's code",
      ghaCacheOwnScope: true,
      cacheTo: [spec],
    };
    let err: unknown;
    try {
      buildxBuildArgs(request, container);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).exitCode).toBe(2);
    expect((err as Error).message).toMatch(
      /^input "cache-to": ".*ref=ghcr\.io\/o\/r:cache.*" gives type twice/,
    );
  });

  it('cache specs buildx reads as a different spec are refused at the inputs, values of secret keys masked', () => {
    const refused = (map: Record<string, string>) => () => buildOptionsFromInputs(inputs(map));
    expect(refused({ 'cache-to': 'type=inline,type=registry,ref=ghcr.io/o/r:c' })).toThrow(
      /^input "cache-to": "type=inline,type=registry,ref=ghcr\.io\/o\/r:c" gives type twice/,
    );
    expect(refused({ 'cache-from': 'type=registry,ref=ghcr.io/o/r:a,REF=ghcr.io/o/r:b' })).toThrow(
      /^input "cache-from": .* gives ref twice/,
    );
    // A quoted field may end in a line break: go-csvvalue reads it as a character, so buildx would
    // see type=registry last where the first line alone says inline.
    expect(refused({ 'cache-to': '"type=inline\n",type=registry,ref=ghcr.io/o/r:c' })).toThrow(
      /^input "cache-to": .* holds a line break/,
    );
    const token = 'ghp_0123456789abcdefghij0123456789';
    expect(refused({ 'cache-to': `type=gha,token=${token},type=registry,ref=x` })).toThrow(InputError);
    expect(refused({ 'cache-to': `type=gha,token=${token},type=registry,ref=x` })).not.toThrow(token);
    expect(refused({ 'cache-to': `type=gha,token=${token},type=registry,ref=x` })).toThrow(
      /token=\[redacted\]/,
    );
    // Image references alone (no =) are registry cache; one spec given once is kept as written.
    expect(buildOptionsFromInputs(inputs({ 'cache-from': 'ghcr.io/o/r:a,ghcr.io/o/r:a' })).cacheFrom).toEqual(
      ['ghcr.io/o/r:a,ghcr.io/o/r:a'],
    );
  });

  it('a docker driver warning names the cache type it leaves out, never the rest of the spec', () => {
    // (A credential in a spec is refused before: bpa-cache-credentials.test.ts.)
    const url = 'https://cache.internal.example/_apis/artifactcache/';
    const r = buildxBuildArgs({ ...req, cacheTo: [`url=${url},type=gha,scope=x`] }, dockerDriver);
    expect(values(r.args, '--cache-to')).toEqual([]);
    expect(r.warnings.join('\n')).toContain('cannot export cache type=gha');
    expect([...r.notes, ...r.warnings].join('\n')).not.toContain('cache.internal');
  });

  it('sbom: --sbom=true on a container builder, left out with a warning on the docker driver', () => {
    expect(argvFor({ sbom: 'true' }).args).toContain('--sbom=true');
    expect(argvFor({ sbom: 'false' }).args).toContain('--sbom=false');
    const docker = argvFor({ sbom: 'true' }, dockerDriver);
    expect(docker.args.some((a) => a.startsWith('--sbom'))).toBe(false);
    expect(docker.warnings.join('\n')).toMatch(/SBOM attestations are not supported/);
    // sbom: false where buildx has no --sbom left nothing out: no warning.
    const old = { buildxVersion: '0.9.1', driver: 'docker-container' };
    expect(argvFor({ sbom: 'false' }, old).warnings).toEqual([]);
    expect(argvFor({ sbom: 'true' }, old).warnings).toEqual([
      expect.stringMatching(/^sbom: needs buildx >= 0\.10\.0/),
    ]);
  });

  it.each([
    ['generator=docker/buildkit-syft-scanner', ['type=sbom,generator=docker/buildkit-syft-scanner']],
    ['generator=IMG,scan-stage=true', ['type=sbom,generator=IMG,scan-stage=true']],
  ])(
    "sbom with attributes (%s) is the SBOM attestation's, as attests gives it (finding: exit 2)",
    (raw, attests) => {
      const o = buildOptionsFromInputs(inputs({ sbom: raw }));
      expect(o.sbom).toBeUndefined();
      expect(o.attests).toEqual(attests);
      expect(() => buildOptionsFromInputs(inputs({ sbom: raw, attests: 'type=sbom' }))).toThrow(
        /inputs "sbom" and "attests": both set the SBOM attestation/,
      );
      // Any other word is still refused, and so is an attribute the SBOM attestation has not.
      expect(() => buildOptionsFromInputs(inputs({ sbom: 'maybe' }))).toThrow(
        /input "sbom": expected true or false/,
      );
      expect(() => buildOptionsFromInputs(inputs({ sbom: 'type=provenance,mode=max' }))).toThrow(
        /input "sbom": "type" is no attribute of the SBOM attestation/,
      );
      expect(() => buildOptionsFromInputs(inputs({ sbom: 'SBOM=true' }))).toThrow(/"SBOM" is no attribute/);
    },
  );

  it('annotations are left out with a warning before buildx 0.12; load with push needs buildx 0.13', () => {
    const old = argvFor({ annotations: 'a=b' }, { buildxVersion: '0.11.2', driver: 'docker-container' });
    expect(old.args).not.toContain('--annotation');
    expect(old.warnings.join('\n')).toMatch(/buildx >= 0\.12\.0/);
    expect(() => argvFor({ load: 'true' }, { buildxVersion: '0.12.1', driver: 'docker-container' })).toThrow(
      EnvironmentError,
    );
  });

  it('secret inputs on a buildx that cannot mount secrets: refused, never a build arg', () => {
    expect(() =>
      argvFor({ 'secret-envs': 'a=B' }, { buildxVersion: '0.5.1', driver: 'docker-container' }),
    ).toThrow(EnvironmentError);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['a secret without =', { secrets: 'ghp_abc' }, /^input "secrets": item 1 is not a secret \(ID=VALUE\)$/],
    // An empty value (`tok=`) is skipped with a warning, as build-push-action does (below).
    ['a secret with no id', { secrets: '=abc' }, /^input "secrets": item 1 is not a secret/],
    [
      'a secret id with a space',
      { secrets: 'my tok=1' },
      /^input "secrets": item 1 has an id with characters/,
    ],
    [
      'a secret id that is a path',
      { secrets: '..=1' },
      /^input "secrets": item 1 has an id .*or is \. or \.\./,
    ],
    ['a secret-env naming no variable', { 'secret-envs': 'a=1X' }, /"1X" is no environment variable name/],
    ['a label without =', { labels: 'org.opencontainers.image.title' }, /input "labels"/],
    ['an annotation of an unknown type', { annotations: 'blob:a=b' }, /unknown type blob/],
    // Accepted once, then dropped by both the build and the merge without a word.
    [
      'an index-descriptor annotation (no OCI layout index.json is written)',
      { annotations: 'index-descriptor:org.example.k=v' },
      /^input "annotations": "index-descriptor:org\.example\.k=\.\.\.": index-descriptor annotates the descriptor of an index/,
    ],
    [
      'an index-descriptor annotation among other types',
      { annotations: 'manifest,index-descriptor:org.example.k=v' },
      /^input "annotations": "manifest,index-descriptor:org\.example\.k=\.\.\.": index-descriptor/,
    ],
    // Labels and annotations are in the image for anyone who pulls it: no credential in them.
    [
      'a label whose URL carries a login',
      { labels: 'org.opencontainers.image.source=https://x-access-token:abcd1234@github.com/o/r' },
      /^input "labels": org\.opencontainers\.image\.source: its value carries URL credentials/,
    ],
    [
      'an annotation holding a token',
      { annotations: `index:build.token=ghp_${'a1B2'.repeat(9)}` },
      /^input "annotations": build\.token: its value holds a token \(\[redacted\]\)/,
    ],
    [
      'a label whose URL carries a signature in its query',
      {
        labels:
          'org.opencontainers.image.url=https://acct.blob.core.windows.net/c/m?sv=1&sig=PLANTEDsas0123456789',
      },
      /^input "labels": org\.opencontainers\.image\.url: its value holds a token in the query parameter sig/,
    ],
    [
      'an annotation whose URL carries an Anaconda token',
      { annotations: 'index:build.channel=https://conda.anaconda.org/t/PLANTEDconda-0123456789/ch' },
      /^input "annotations": build\.channel: its value holds an Anaconda token/,
    ],
    ['a digest as a tag', { tags: `ghcr.io/o/r@sha256:${'a'.repeat(64)}` }, /is a digest reference/],
    // Docker's grammar: a digest's encoded part is 32 hex digits or more. A shorter one is no digest,
    // and the '@' may be a login's: never quoted.
    [
      'a digest too short to be one',
      { tags: 'ghcr.io/o/r@sha256:abc' },
      /^input "tags": a tag holds a login \(an '@' not before a digest: USER:PASSWORD@ before the registry\)/,
    ],
    // Finding: TOKEN@host:tag was read as NAME@algorithm:encoded and quoted whole.
    [
      'a token before host:tag',
      { tags: 's3cr3tpass@registry.example.com:latest' },
      /^input "tags": a tag holds a login \(an '@' not before a digest/,
    ],
    // Never quoted: the password is not said back.
    [
      'a tag with a login before the registry',
      { tags: 'ci:ghp_abc0123456789@ghcr.io/o/r:1' },
      /^input "tags": a tag holds a login \(an '@' not before a digest: USER:PASSWORD@ before the registry\)/,
    ],
    // Findings: a password holding '/' (or a scheme before the login) was taken for a digest
    // reference and quoted; a digest reference without a registry was taken for a login.
    [
      "a tag with a login whose password holds '/'",
      { tags: 'user:pa/ssw0rd@ghcr.io/o/r:1' },
      /^input "tags": a tag holds a login \(an '@' not before a digest: USER:PASSWORD@ before the registry\); a tag never/,
    ],
    [
      'a tag with a URL login',
      { tags: 'https://user:tok/en99@ghcr.io/o/r:1' },
      /^input "tags": a tag holds a login \(an '@' not before a digest: USER:PASSWORD@ before the registry\); a tag never/,
    ],
    [
      'a digest reference without a registry',
      { tags: `python@sha256:${'a'.repeat(64)}` },
      /is a digest reference/,
    ],
    // A login before a registry with a port and no path: the port is no digest.
    [
      'a tag that is a login before host:port',
      { tags: 'user:s3cretPw@registry.local:5000' },
      /^input "tags": a tag holds a login \(an '@' not before a digest: USER:PASSWORD@ before the registry\); a tag never/,
    ],
    ['an upper-case repository', { tags: 'ghcr.io/O/r:1' }, /not a valid image name/],
    ['a registry host with an empty label', { tags: 'ghcr..io/o/r:1' }, /not a valid image name/],
    ['a registry host label ending in -', { tags: 'ghcr-.io/o/r:1' }, /not a valid image name/],
    ['a tag starting with -', { tags: 'ghcr.io/o/r:-1' }, /has an invalid tag "-1"/],
    ['two tags', { tags: 'ghcr.io/o/r:1.0:2.0' }, /not a valid image name .*: more than one tag/],
    ['two tags, no registry', { tags: 'r:1.0:2.0' }, /not a valid image name .*: more than one tag/],
    ['a cache spec without type=', { 'cache-to': 'mode=max,scope=x' }, /input "cache-to".*has no type=/],
    [
      'an unknown cache type',
      { 'cache-to': 'type=bogus,mode=max' },
      /input "cache-to": type=bogus is no cache backend/,
    ],
    [
      'an unknown cache-from type',
      { 'cache-from': 'type=gh' },
      /^input "cache-from": type=gh \(did you mean "gha"\?\) is no cache backend \(registry, inline, local, gha, s3, azblob\)$/,
    ],
    [
      // The rest of a password a ',' split off, written as type=: never quoted.
      'a cache type that is no word',
      { 'cache-from': 'ref=user:pa,type=ss@host/o/c' },
      /^input "cache-from": (?!.*ss@host)its type= \(not quoted: no word\) is no cache backend/,
    ],
    ['no-cache not a boolean', { 'no-cache': 'sometimes' }, /input "no-cache": expected true or false/],
  ])('refuses %s (exit 2, naming the input)', (_name, map, message) => {
    const go = () => buildOptionsFromInputs(inputs(map));
    expect(go).toThrow(InputError);
    expect(go).toThrow(message);
    try {
      go();
    } catch (e) {
      expect((e as InputError).exitCode).toBe(2);
      expect(String((e as Error).message)).not.toContain('ghp_abc');
    }
  });
});

describe('the secrets input: an unquoted multi-line value', () => {
  const PEM = ['-----BEGIN PRIVATE KEY-----', 'MIIEvQIBADANBgkq+hkiG9w0/BAQEFAASC', 'AbCd12=='];
  // Every line of a secret that could end up in an error message or on buildx's command line.
  const secretText = [
    ...PEM,
    'MIIEvQIBADANBgkq',
    'hkiG9w0',
    'AbCd12',
    'MIIEvk',
    'Qw',
    'sa@proj',
    'service_account',
  ];
  it.each<[string, string, RegExp]>([
    [
      'a PEM key: its second line has no =',
      `KEY=${PEM.join('\n')}`,
      /^input "secrets": item 2 is not a secret/,
    ],
    [
      'a base64 tail whose id has + and /',
      'KEY=-----BEGIN PRIVATE KEY-----\nMIIEvk+/Qw==',
      /^input "secrets": item 2 has an id with characters/,
    ],
    [
      'a base64 tail with a valid-looking id',
      'KEY=aGVsbG8gd29y\nAbCd12==',
      /^input "secrets": item 2 has a value of only "="/,
    ],
    [
      'a line without =',
      'TOKEN=ghp_abc\nKEY=line1\nline two',
      /^input "secrets": item 3 is not a secret \(ID=VALUE\)/,
    ],
    [
      'a JSON key file',
      'GCP={\n  "type": "service_account",\n  "client_email": "sa@proj"\n}',
      /^input "secrets": item 2 is not a secret/,
    ],
  ])('%s: refused by position, the quoting named, no secret text shown', (_name, raw, message) => {
    const go = () => buildOptionsFromInputs(inputs({ secrets: raw }));
    let err: unknown;
    try {
      go();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const e = err as InputError;
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(message);
    expect(e.message).toMatch(/a multi-line value, which must be quoted as in docker\/build-push-action/);
    expect(e.fix).toMatch(/double quotes/);
    for (const t of secretText) expect(`${e.message}\n${e.fix}`).not.toContain(t);
  });

  it('a lone base64 tail is no secret either (its value would be "=")', () => {
    expect(() => buildOptionsFromInputs(inputs({ secrets: 'AbCd12==' }))).toThrow(
      /^input "secrets": item 1 has a value of only "="/,
    );
  });
});

describe('the secrets input: an empty value (a secret the run does not have)', () => {
  // Finding: `s2=${{ secrets.UNSET }}` on a fork's run exited 2 as "not a secret ... a line of a
  // multi-line value"; docker/build-push-action warns and builds without it.
  it.each([
    ['one of two', 's1=abc\ns2=', { s1: 'abc' }, ['item 2']],
    ['the only one', 's1=', undefined, ['item 1']],
    ['two of three', 'a=\nb=x\nc=', { b: 'x' }, ['item 1', 'item 3']],
  ])('%s: skipped with a warning naming its place, as BPA does', (_what, raw, secrets, items) => {
    const warnings: string[] = [];
    const opts = buildOptionsFromInputs(inputs({ secrets: raw }), process.cwd(), (m) => warnings.push(m));
    expect(opts.secrets).toEqual(secrets ?? {});
    expect(warnings).toEqual(
      items.map(
        (i) =>
          `input "secrets": ${i} has an empty value (a secret this run does not have, as \${{ secrets.NAME }} is on a fork's run?): not mounted, as docker/build-push-action skips it`,
      ),
    );
  });

  // Finding: a line of spaces between two secrets (an editor's indentation left on a blank line of
  // the YAML block) exited 2 as "not a secret ... a line of a multi-line value"; build-push-action
  // (actions-toolkit Util.getList keeps it, parseSecretKvp fails, context.ts warns) mounts both.
  it.each([
    ['between two', 'A=1\n  \nB=2', { A: '1', B: '2' }],
    ['a tab, last', 'A= x \n\t', { A: ' x ' }],
    ['first', '   \nA=1', { A: '1' }],
  ])('a line of spaces only (%s) is a blank line: the others mounted as given', (_what, raw, secrets) => {
    const warnings: string[] = [];
    const opts = buildOptionsFromInputs(inputs({ secrets: raw }), process.cwd(), (m) => warnings.push(m));
    expect(opts.secrets).toEqual(secrets);
    expect(warnings).toEqual([]);
  });

  it('the last line of an unquoted base64 value, ending with one "=", is refused, not skipped (review finding: the value was mounted cut short)', () => {
    const warnings: string[] = [];
    const go = () =>
      buildOptionsFromInputs(
        inputs({ secrets: 'GCP_SA_B64=ZXlKaGJHY2lPaUpTVXpJMU5pSXNJbXRwWkNJNklqRXlNeUo5\nV1Y5Cg=' }),
        process.cwd(),
        (m) => warnings.push(m),
      );
    expect(go).toThrow(
      /^input "secrets": item 2 is not a secret \(ID=VALUE\); it looks like a line of a multi-line value/,
    );
    expect(warnings).toEqual([]);
  });

  it('a base64 line that ends with one "=" after a multi-line value is still refused by the line after it', () => {
    const warnings: string[] = [];
    const go = () =>
      buildOptionsFromInputs(
        inputs({ secrets: 'KEY=-----BEGIN PRIVATE KEY-----\nMIIEvQIBADAN=\n-----END PRIVATE KEY-----' }),
        process.cwd(),
        (m) => warnings.push(m),
      );
    expect(go).toThrow(/^input "secrets": item 3 is not a secret/);
    expect(warnings.join('\n')).not.toContain('MIIEvQIBADAN');
  });
});

describe('config keys BPA shares (build-args, pull, provenance)', () => {
  const spec = (input: string) => CONFIG_INPUTS.find((s) => s.input === input)!;
  it.each<[string, string, unknown]>([
    ['build-args', 'A=1\nB=x=y\n"C=a,b"', { A: '1', B: 'x=y', C: 'a,b' }],
    ['pull', 'true', true],
    ['provenance', 'true', 'min'],
    ['provenance', 'false', 'false'],
    ['provenance', 'mode=max', 'max'],
    ['provenance', 'mode=min,inline-only=true', 'min'],
    ['provenance', 'builder-id=https://x,mode=max', 'max'],
    // disabled=true turns it off wherever it stands, as buildx reads the attributes.
    ['provenance', 'mode=max,disabled=true', 'false'],
    ['provenance', 'disabled=true,mode=max', 'false'],
    ['provenance', 'disabled=false,mode=max', 'max'],
    ['provenance', 'disabled=true,disabled=false', 'min'],
    // version=: the SLSA provenance version BuildKit writes (Docker's docs: version=[v0.2,v1]).
    ['provenance', 'mode=max,version=v1', { mode: 'max', version: 'v1' }],
    ['provenance', 'version=v1,mode=max', { mode: 'max', version: 'v1' }],
    ['provenance', 'version=v1', { mode: 'min', version: 'v1' }],
    ['provenance', 'mode=min,version=v0.2', { mode: 'min', version: 'v0.2' }],
    ['provenance', 'mode=max, version=V1', { mode: 'max', version: 'v1' }],
    ['provenance', 'builder-id=https://x,version=v1,inline-only=true', { mode: 'min', version: 'v1' }],
    ['provenance', 'version=v1,disabled=true', 'false'],
  ])('%s = %j', (input, raw, expected) => {
    expect(parseInputValue(spec(input), raw)).toEqual(expected);
  });

  const ACCEPTED = 'expected true, false, or attributes mode=min|max and version=v0.2|v1';
  it.each([
    ['mode=full', `input "provenance": ${ACCEPTED}, got "mode=full"`, undefined],
    [
      'mode=max,version=v2',
      `input "provenance": ${ACCEPTED}, got "mode=max,version=v2"`,
      'write version=v1 (SLSA provenance v1) or version=v0.2, the versions BuildKit writes',
    ],
    ['version=', `input "provenance": ${ACCEPTED}, got "version="`, expect.stringContaining('version=v1')],
    [
      'version=1',
      `input "provenance": ${ACCEPTED}, got "version=1"`,
      expect.stringContaining('version=v0.2'),
    ],
    ['reproducible=true', `input "provenance": ${ACCEPTED}, got "reproducible=true"`, undefined],
    // An attribute without "=": its name cut by one character was read (builder-idx: builder-id).
    ['builder-idx', `input "provenance": ${ACCEPTED}, got "builder-idx"`, undefined],
    ['mode=max,inline-onlyz', `input "provenance": ${ACCEPTED}, got "mode=max,inline-onlyz"`, undefined],
    ['mode=max,', `input "provenance": ${ACCEPTED}, got "mode=max,"`, undefined],
  ])('provenance %j is refused (exit 2), naming the input and what it takes', (raw, message, fix) => {
    const err = (() => {
      try {
        parseInputValue(spec('provenance'), raw);
      } catch (e) {
        return e as InputError;
      }
      throw new Error('not refused');
    })();
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ message, fix, exitCode: 2 });
  });

  it('provenance: mode=max,version=v1 overrides build.provenance as the mapping the config writes', () => {
    const o = overridesFromInputs(inputs({ provenance: 'mode=max,version=v1' }));
    expect(o).toEqual([
      { path: ['build', 'provenance'], value: { mode: 'max', version: 'v1' }, source: 'input "provenance"' },
    ]);
    expect(validateConfigData(applyOverrides({ image: { name: 'a/b' } }, o), 'x').build.provenance).toEqual({
      mode: 'max',
      version: 'v1',
    });
  });

  it('refuses a build arg without = and an unknown provenance form', () => {
    expect(() => parseInputValue(spec('build-args'), 'NOVALUE')).toThrow(
      /input "build-args": item 1 is no KEY=VALUE line$/,
    );
    expect(() => parseInputValue(spec('provenance'), 'mode=full')).toThrow(InputError);
  });

  it('build-args replaces build.args; a credential-looking name is still refused at build time', () => {
    const o = overridesFromInputs(inputs({ 'build-args': 'PY=3.12' }));
    expect(o).toEqual([{ path: ['build', 'args'], value: { PY: '3.12' }, source: 'input "build-args"' }]);
  });
});

describe('tags: the per-variant rule', () => {
  const tags = ['ghcr.io/o/r:1.2.0', 'ghcr.io/o/r:1.2', 'ghcr.io/o/r:latest', 'ghcr.io/o/r:sha-abc1234'];
  it.each<[string, number, number, string[]]>([
    ['cpu', 0, 1, tags],
    [
      'cpu',
      0,
      2,
      [
        'ghcr.io/o/r:1.2.0-cpu',
        'ghcr.io/o/r:1.2-cpu',
        'ghcr.io/o/r:cpu',
        'ghcr.io/o/r:latest',
        'ghcr.io/o/r:sha-abc1234-cpu',
      ],
    ],
    [
      'cuda12.8',
      1,
      2,
      [
        'ghcr.io/o/r:1.2.0-cuda12.8',
        'ghcr.io/o/r:1.2-cuda12.8',
        'ghcr.io/o/r:cuda12.8',
        'ghcr.io/o/r:sha-abc1234-cuda12.8',
      ],
    ],
  ])('%s (variant %i of %i)', (variant, i, n, expected) => {
    expect(variantTags(tags, variant, i, n)).toEqual(expected);
  });

  it('a tag too long once -<variant> is added is refused when the plan is made (exit 2, naming the input and the tag)', () => {
    const ref = `ghcr.io/o/r:${'v'.repeat(122)}`;
    // One variant: the tag as given (122 characters) is fine.
    expect(variantTags([ref], 'cuda12.8', 0, 1)).toEqual([ref]);
    // 128 characters exactly is still a tag.
    expect(variantTags([`ghcr.io/o/r:${'v'.repeat(124)}`], 'cpu', 0, 2)).toEqual([
      `ghcr.io/o/r:${'v'.repeat(124)}-cpu`,
    ]);
    const go = () => variantTags([ref], 'cuda12.8', 1, 2);
    expect(go).toThrow(InputError);
    expect(go).toThrow(
      `input "tags": "${ref}" gives variant cuda12.8 the tag "${'v'.repeat(122)}-cuda12.8", 131 characters long (a tag is at most 128)`,
    );
    try {
      go();
    } catch (e) {
      expect((e as InputError).exitCode).toBe(2);
      expect((e as InputError).fix).toMatch(/^shorten the tag to at most 119 characters/);
    }
    // Through the door the pipeline uses: the plan with the inputs applied, before any build.
    const config = validateConfigData(
      { image: { name: 'o/r', registry: 'ghcr.io' }, variants: ['cpu', { name: 'cpu2', python: '3.11' }] },
      'x',
    );
    const plan = planBuild(config, { catalog: bundledCatalog(), git: {}, now: new Date(0) });
    expect(() =>
      applyToPlan(plan, buildOptionsFromInputs(inputs({ tags: `ghcr.io/o/r:${'v'.repeat(125)}` }))),
    ).toThrow(/^input "tags": .* gives variant cpu the tag "v+-cpu", 129 characters long/);
  });

  it('a name without a tag is :latest, a registry port is no tag', () => {
    expect(variantTags(['localhost:5000/o/r'], 'cpu', 0, 2)).toEqual([
      'localhost:5000/o/r:cpu',
      'localhost:5000/o/r:latest',
    ]);
    expect(variantTags(['localhost:5000/o/r:v1'], 'gpu', 1, 2)).toEqual(['localhost:5000/o/r:v1-gpu']);
  });

  it("the tags and labels inputs replace the plan's (comma-separated tags too)", () => {
    const config = validateConfigData(
      { image: { name: 'o/r', registry: 'ghcr.io' }, variants: ['cpu', { name: 'cpu2', python: '3.11' }] },
      'x',
    );
    const plan = planBuild(config, {
      catalog: bundledCatalog(),
      git: { sha: 'abcdef1234' },
      now: new Date(0),
    });
    const o = buildOptionsFromInputs(
      inputs({
        tags: 'ghcr.io/o/r:1.0,ghcr.io/o/r:latest',
        labels: 'org.opencontainers.image.title=Mine\nteam=ml',
      }),
    );
    const out = applyToPlan(plan, o);
    expect(out.variants.map((v) => v.tags)).toEqual([
      ['ghcr.io/o/r:1.0-cpu', 'ghcr.io/o/r:cpu', 'ghcr.io/o/r:latest'],
      ['ghcr.io/o/r:1.0-cpu2', 'ghcr.io/o/r:cpu2'],
    ]);
    expect(out.variants[0]!.labels['org.opencontainers.image.title']).toBe('Mine');
    expect(out.variants[1]!.labels.team).toBe('ml');
    // Computed labels not given stay.
    expect(out.variants[0]!.labels['org.opencontainers.image.revision']).toBe('abcdef1234');
    expect(applyToPlan(plan, {})).toBe(plan);
  });

  it('takes the empty values docker/metadata-action writes (a repository without a description or license)', () => {
    const o = buildOptionsFromInputs(
      inputs({
        labels:
          'org.opencontainers.image.title=repo\norg.opencontainers.image.description=\norg.opencontainers.image.licenses=',
        annotations:
          'manifest:org.opencontainers.image.description=\nindex:org.opencontainers.image.title=repo',
      }),
    );
    expect(o.labels).toEqual({
      'org.opencontainers.image.title': 'repo',
      'org.opencontainers.image.description': '',
      'org.opencontainers.image.licenses': '',
    });
    expect(o.annotations).toEqual([
      { types: ['manifest'], key: 'org.opencontainers.image.description', value: '' },
      { types: ['index'], key: 'org.opencontainers.image.title', value: 'repo' },
    ]);
    // A secret's value may not be empty (BPA's parseSecretKvp), nor a label's key.
    expect(() => buildOptionsFromInputs(inputs({ labels: '=x' }))).toThrow(/input "labels"/);
  });
});

describe('annotations', () => {
  it.each<[string, { types: string[]; platform?: string; key: string; value: string }]>([
    ['a=b', { types: [], key: 'a', value: 'b' }],
    [
      'index:org.opencontainers.image.description=x=y',
      { types: ['index'], key: 'org.opencontainers.image.description', value: 'x=y' },
    ],
    ['manifest,index:k=v', { types: ['manifest', 'index'], key: 'k', value: 'v' }],
    ['manifest[linux/amd64]:k=v', { types: ['manifest'], platform: 'linux/amd64', key: 'k', value: 'v' }],
  ])('parses %s', (raw, expected) => {
    expect(parseAnnotation(raw)).toEqual(expected);
  });

  it('the merged index gets the given index: annotations, then the OCI labels not given', () => {
    const got = indexAnnotations(
      {
        'org.opencontainers.image.title': 'T',
        'org.opencontainers.image.description': 'from label',
        'io.github.ml-image-action.variant': 'cpu',
      },
      [parseAnnotation('index:org.opencontainers.image.description=given'), parseAnnotation('manifest:x=y')],
    );
    expect(got).toEqual([
      'index:org.opencontainers.image.description=given',
      'index:org.opencontainers.image.title=T',
    ]);
  });
});

describe('action.yml', () => {
  it('declares every BPA input this module reads and the BPA outputs', () => {
    const yml = readFileSync('action.yml', 'utf8');
    for (const name of [
      'tags',
      'labels',
      'annotations',
      'build-args',
      'secrets',
      'secret-envs',
      'cache-from',
      'cache-to',
      'target',
      'builder',
      'no-cache',
      'pull',
      'provenance',
      'sbom',
      'platforms',
      'push',
      'load',
      'secret-files',
      'ssh',
      'build-contexts',
      'outputs',
      'attests',
      'add-hosts',
      'network',
      'shm-size',
      'ulimit',
    ])
      expect(yml, name).toMatch(new RegExp(`^  ${name}:\\n    description:`, 'm'));
    for (const name of ['digest', 'imageid', 'metadata'])
      expect(yml).toMatch(new RegExp(`^  ${name}:\\n    description:`, 'm'));
  });
});

describe('pushing where the tags point', () => {
  it("pushes to the first tag's repository; the merge copies into other repositories one tag first", () => {
    expect(
      tagsByRepository('ghcr.io/o/r', [
        'docker.io/o/r:1',
        'ghcr.io/o/r:1',
        'docker.io/o/r:latest',
        'ghcr.io/o/r:2',
      ]),
    ).toEqual([['ghcr.io/o/r:1', 'ghcr.io/o/r:2'], ['docker.io/o/r:1'], ['docker.io/o/r:latest']]);
    expect(registryHost('ghcr.io/o/r')).toBe('ghcr.io');
    expect(registryHost('localhost:5000/o/r')).toBe('localhost:5000');
    expect(registryHost('myorg/app')).toBe('docker.io');
    // As distribution/reference (and buildx's push): capitals in the first component name a host.
    expect(registryHost('MyOrg/model')).toBe('MyOrg');
    expect(registryHost('app')).toBe('docker.io');
    const config = validateConfigData({ image: { name: 'o/r', registry: 'ghcr.io' } }, 'x');
    const plan = planBuild(config, { catalog: bundledCatalog(), git: {}, now: new Date(0) });
    expect(applyToPlan(plan, { tags: ['registry.corp:5000/team/img:1'] }).repository).toBe(
      'registry.corp:5000/team/img',
    );
    expect(applyToPlan(plan, { labels: { a: 'b' } }).repository).toBe('ghcr.io/o/r');
  });

  it('annotated images are pushed as OCI manifests; the docker driver leaves annotations out with a warning', () => {
    const oci = buildxBuildArgs({ ...req, annotations: ['k=v'], ociMediatypes: true }, container);
    expect(values(oci.args, '--output')).toEqual([
      'type=image,name=ghcr.io/o/r,push-by-digest=true,name-canonical=true,push=true,oci-mediatypes=true',
    ]);
    const docker = buildxBuildArgs({ ...req, annotations: ['k=v'] }, dockerDriver);
    expect(docker.args).not.toContain('--annotation');
    expect(docker.warnings.join('\n')).toMatch(/Docker manifests, which carry no annotations/);
  });
});
