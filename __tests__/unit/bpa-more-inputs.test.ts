// docker/build-push-action's remaining inputs, table-driven against BPA's own argv
// (src/context.ts getBuildArgs and docker/actions-toolkit's Build.resolveSecretFile): each case runs
// the inputs through our parser (buildOptionsFromInputs), the per-target request
// (requestFromOptions) and the argv builder, and asserts the argv; each refused form asserts exit 2
// (InputError) naming the input and the value.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyToPlan,
  buildOptionsFromInputs,
  checkOutput,
  requestFromOptions,
} from '../../src/build/action-inputs.js';
import { type BuildRequest, buildxBuildArgs } from '../../src/build/buildx-args.js';
import { INPUT_STAGES } from '../../src/action/inputs.js';
import { csvFields, parseBpaList } from '../../src/config/bpa-list.js';
import { BUILD_INPUTS, CONFIG_INPUTS, overridesFromInputs } from '../../src/config/inputs.js';
import { validateConfigData } from '../../src/config/load.js';
import { EnvironmentError, InputError } from '../../src/errors.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { container, dockerDriver, inputs, targetRequest, values } from '../helpers/bpa.js';

const req = targetRequest({ type: 'none' });
const ws = mkdtempSync(path.join(os.tmpdir(), 'bpa-more-'));
writeFileSync(path.join(ws, 'npmrc'), 'x');
writeFileSync(path.join(ws, 'my key'), 'x');
for (const key of ['id_ed25519', 'agent.sock', 'k', 'keys/deploy_key']) {
  mkdirSync(path.dirname(path.join(ws, key)), { recursive: true });
  writeFileSync(path.join(ws, key), 'x');
}
afterAll(() => rmSync(ws, { recursive: true, force: true }));

const argvFor = (map: Record<string, string>, builder = container, extra: Partial<BuildRequest> = {}) =>
  buildxBuildArgs(
    { ...req, ...requestFromOptions(buildOptionsFromInputs(inputs(map), ws), 'cpu', 'amd64'), ...extra },
    builder,
  );

describe('BPA inputs -> buildx argv (secret-files, ssh, build-contexts, outputs, attests, add-hosts, shm-size, ulimit)', () => {
  it.each<[string, Record<string, string>, Record<string, string[]>]>([
    [
      'secret-files: id=path relative to the workspace -> --secret id=ID,src=ABSPATH',
      { 'secret-files': 'npmrc=npmrc' },
      { '--secret': [`id=npmrc,src=${ws}/npmrc`] },
    ],
    [
      'secret-files: a path with a space, quoted as buildx reads CSV; an absolute path as given',
      { 'secret-files': `key=my key\nabs=${ws}/npmrc` },
      { '--secret': [`id=key,src=${ws}/my key`, `id=abs,src=${ws}/npmrc`] },
    ],
    ['ssh: default', { ssh: 'default' }, { '--ssh': ['default'] }],
    [
      'ssh: id=path lines and comma-separated (BPA splits ssh on commas)',
      { ssh: `github=${ws}/id_ed25519\ndefault=${ws}/agent.sock,gitlab=${ws}/k` },
      { '--ssh': [`github=${ws}/id_ed25519`, `default=${ws}/agent.sock`, `gitlab=${ws}/k`] },
    ],
    [
      'ssh: a key path relative to the workspace -> absolute (the build keeps the key out of its context)',
      { ssh: 'github=keys/deploy_key' },
      { '--ssh': [`github=${ws}/keys/deploy_key`] },
    ],
    [
      'build-contexts: path, docker-image:// and a Git URL, one a line',
      {
        'build-contexts':
          'alpine=docker-image://alpine:3.20\nproject=./src\nrepo=https://github.com/o/r.git#main',
      },
      {
        '--build-context': [
          'alpine=docker-image://alpine:3.20',
          'project=./src',
          'repo=https://github.com/o/r.git#main',
        ],
      },
    ],
    [
      'outputs: a local and a tar exporter next to the push-by-digest one',
      { outputs: 'type=local,dest=out/{variant}-{arch}\ntype=tar,dest=img-{arch}.tar' },
      {
        '--output': [
          'type=image,name=ghcr.io/o/r,push-by-digest=true,name-canonical=true,push=true',
          'type=local,dest=out/cpu-amd64',
          'type=tar,dest=img-amd64.tar',
        ],
      },
    ],
    [
      "cache-from / cache-to: {variant} and {arch} are the target's (a gha scope each), a spec without them as given",
      {
        'cache-from': 'type=gha,scope=my-model-{variant}-{arch}\ntype=registry,ref=ghcr.io/o/r:cache',
        'cache-to': 'type=gha,scope=my-model-{variant}-{arch},mode=max',
      },
      {
        '--cache-from': ['type=gha,scope=my-model-cpu-amd64', 'type=registry,ref=ghcr.io/o/r:cache'],
        '--cache-to': ['type=gha,scope=my-model-cpu-amd64,mode=max'],
      },
    ],
    [
      'outputs: a bare path is type=local,dest=PATH (as buildx reads it)',
      { outputs: 'out' },
      {
        '--output': [
          'type=image,name=ghcr.io/o/r,push-by-digest=true,name-canonical=true,push=true',
          'type=local,dest=out',
        ],
      },
    ],
    [
      'outputs: quotes kept for buildx (BPA reads outputs with quote: false)',
      { outputs: 'type=oci,dest=a.tar,"annotation.x=a,b"' },
      {
        '--output': [
          'type=image,name=ghcr.io/o/r,push-by-digest=true,name-canonical=true,push=true',
          'type=oci,dest=a.tar,"annotation.x=a,b"',
        ],
      },
    ],
    [
      'attests: sbom with a generator and a custom type',
      { attests: 'type=sbom,generator=docker/buildkit-syft-scanner:1\ntype=vex,src=x' },
      { '--attest': ['type=sbom,generator=docker/buildkit-syft-scanner:1', 'type=vex,src=x'] },
    ],
    [
      'add-hosts: HOST:IP, comma-separated or a line each',
      { 'add-hosts': 'docker:10.180.0.1,pypi.internal=10.0.0.5' },
      { '--add-host': ['docker:10.180.0.1', 'pypi.internal=10.0.0.5'] },
    ],
    [
      'add-hosts: IPv6 (bare, in brackets, with a zone) and host-gateway',
      { 'add-hosts': 'a:::1\nb=[fe80::1]\nc=fe80::1%eth0\nd:host-gateway' },
      { '--add-host': ['a:::1', 'b=[fe80::1]', 'c=fe80::1%eth0', 'd:host-gateway'] },
    ],
    ['shm-size', { 'shm-size': '2g' }, { '--shm-size': ['2g'] }],
    ['shm-size: one space, KiB', { 'shm-size': '1.5 GiB' }, { '--shm-size': ['1.5 GiB'] }],
    ['shm-size: bytes', { 'shm-size': '67108864b' }, { '--shm-size': ['67108864b'] }],
    [
      'ulimit: unlimited hard, int64 bounds',
      { ulimit: 'memlock=-1:-1\nstack=67108864:-1\nnofile=9223372036854775807' },
      { '--ulimit': ['memlock=-1:-1', 'stack=67108864:-1', 'nofile=9223372036854775807'] },
    ],
    [
      'ulimit: TYPE=SOFT:HARD a line',
      { ulimit: 'nofile=1024:1024\nnproc=-1' },
      { '--ulimit': ['nofile=1024:1024', 'nproc=-1'] },
    ],
    [
      'allow: entitlements, comma-separated or a line each',
      { allow: 'network.host,security.insecure' },
      { '--allow': ['network.host', 'security.insecure'] },
    ],
    ['cgroup-parent', { 'cgroup-parent': '/actions_job' }, { '--cgroup-parent': ['/actions_job'] }],
    [
      'no-cache-filters: stages',
      { 'no-cache-filters': 'deps\ntest' },
      { '--no-cache-filter': ['deps', 'test'] },
    ],
    ['call: build (the default) adds nothing', { call: 'build' }, { '--call': [] }],
  ])('%s', (_name, map, expected) => {
    const { args } = argvFor(map);
    for (const [flag, want] of Object.entries(expected)) expect(values(args, flag), flag).toEqual(want);
    // The context stays the last argument.
    expect(args.at(-1)).toBe('/src');
  });

  it('push: false loads the image and adds the outputs as a second exporter', () => {
    const { args } = argvFor({ outputs: 'type=local,dest=out' }, container, {
      push: false,
      loadTag: 'ghcr.io/o/r:local',
    });
    expect(args).toContain('--load');
    expect(values(args, '--output')).toEqual(['type=local,dest=out']);
  });

  it('outputs need buildx >= 0.13 (two exporters): exit 3 naming the version', () => {
    const old = { buildxVersion: '0.12.1', driver: 'docker-container' };
    expect(() => argvFor({ outputs: 'type=local,dest=out' }, old)).toThrow(EnvironmentError);
    expect(() => argvFor({ outputs: 'type=local,dest=out' }, old)).toThrow(
      /buildx >= 0\.13\.0 \(found 0\.12\.1\)/,
    );
  });

  it("outputs on a builder whose BuildKit exports once (dockerd 20.10's 0.8): exit 3 naming it", () => {
    const d = { ...dockerDriver, buildkitVersion: '0.8' };
    expect(() => argvFor({ outputs: 'type=local,dest=out' }, d)).toThrow(EnvironmentError);
    expect(() => argvFor({ outputs: 'type=local,dest=out' }, d)).toThrow(/BuildKit 0\.8 .* exports once/);
    expect(
      argvFor({ outputs: 'type=local,dest=out' }, { ...container, buildkitVersion: '0.16.0' }).args,
    ).toContain('type=local,dest=out');
  });

  it('attests are left out with a warning on the docker driver and before buildx 0.10', () => {
    const d = argvFor({ attests: 'type=sbom' }, dockerDriver);
    expect(d.args).not.toContain('--attest');
    expect(d.warnings.join('\n')).toMatch(/docker driver: attestations are not supported/);
    const old = argvFor({ attests: 'type=sbom' }, { buildxVersion: '0.9.1', driver: 'docker-container' });
    expect(old.args).not.toContain('--attest');
    expect(old.warnings.join('\n')).toMatch(/attests: need buildx >= 0\.10\.0/);
  });

  it('a secret id given by two inputs (or one the action mounts itself) is refused', () => {
    expect(() => argvFor({ 'secret-files': 'npmrc=npmrc' }, container, { secrets: ['npmrc'] })).toThrow(
      /secret id npmrc is given twice/,
    );
    expect(() =>
      buildOptionsFromInputs(inputs({ secrets: 'npmrc=v', 'secret-files': 'npmrc=npmrc' }), ws),
    ).toThrow(/secret id npmrc is given twice/);
  });
});

describe('refused forms: exit 2 naming the input and the value', () => {
  it.each<[string, Record<string, string>, RegExp]>([
    [
      'a secret file that does not exist (BPA: "secret file ... not found")',
      { 'secret-files': 'npmrc=missing/.npmrc' },
      new RegExp(`input "secret-files": npmrc=missing/.npmrc: secret file ${ws}/missing/.npmrc not found`),
    ],
    [
      'a secret file that is a directory',
      { 'secret-files': 'd=.' },
      /secret file .* is no regular file \(a directory\?\)/,
    ],
    [
      'a secret file without id',
      { 'secret-files': 'npmrc' },
      /input "secret-files": "npmrc" is not a secret file/,
    ],
    ['an ssh item with a space', { ssh: 'my key=/k' }, /input "ssh": "my key=\/k"/],
    // buildx failed on it only at the build, after the resolve stage: exit 1, "fix the Dockerfile" (finding).
    [
      'an ssh key file that is not there',
      { ssh: 'github=keys/missing_key' },
      new RegExp(`^input "ssh": github=keys/missing_key: ${ws}/keys/missing_key not found`),
    ],
    [
      'an ssh agent socket that is not there',
      { ssh: 'default=/nonexistent/agent.sock' },
      /input "ssh": default=/,
    ],
    ['a build context without =', { 'build-contexts': 'alpine' }, /input "build-contexts": "alpine"/],
    [
      "BPA's {{defaultContext}} (its Git context)",
      { 'build-contexts': 'base={{defaultContext}}:base' },
      /defaultContext/,
    ],
    [
      "a Git context's login (on buildx's command line, in the provenance)",
      {
        'build-contexts':
          'lib=https://x-access-token:ghs_plantedLogin0123456789abcdefABCDEF@github.com/o/lib.git',
      },
      /^input "build-contexts": lib: its value carries URL credentials .*; a build context is on buildx's command line/,
    ],
    [
      "a Git context's token in its query",
      { 'build-contexts': 'lib=https://git.example/o/lib.git?token=plantedQueryTok9' },
      /^input "build-contexts": lib: its value holds/,
    ],
    // A quoted item may span lines: buildx took the rest as part of the path or reference and failed
    // only at the build. The item is shown escaped, so it forges no line of the log.
    [
      'build-contexts: a value over two lines',
      { 'build-contexts': '"lib=./vendor\nlib"' },
      /^input "build-contexts": "lib=\.\/vendor\\nlib" holds a line break$/,
    ],
    [
      'build-contexts: a carriage return in an image reference',
      { 'build-contexts': '"base=docker-image://alpine\r:3.20"' },
      /^input "build-contexts": "base=docker-image:\/\/alpine\\r:3\.20" holds a line break$/,
    ],
    [
      'build-contexts: a name over two lines',
      { 'build-contexts': '"li\nb=./vendor"' },
      /^input "build-contexts": "li\\nb=\.\/vendor" holds a line break$/,
    ],
    [
      'build-contexts: an escape sequence in a path',
      { 'build-contexts': 'lib=./vendor\u001b[31m' },
      /^input "build-contexts": "lib=\.\/vendor\\u001b\[31m" holds a control character \(U\+001B\)$/,
    ],
    [
      'build-contexts: a C1 control (NEL) in a path',
      { 'build-contexts': 'lib=./ven\u0085dor' },
      /^input "build-contexts": "lib=\.\/ven\\u0085dor" holds a control character \(U\+0085\)$/,
    ],
    ['outputs type=registry: the action pushes', { outputs: 'type=registry' }, /pushes an image.*/],
    [
      'outputs type=image,push=true',
      { outputs: 'type=image,name=x/y,push=true' },
      /use the tags input|pushes an image/,
    ],
    [
      'outputs type=docker without dest: use load',
      { outputs: 'type=docker' },
      /loads the image into the engine/,
    ],
    ['outputs type=cacheonly', { outputs: 'type=cacheonly' }, /exports nothing/],
    ['outputs to stdout (the log)', { outputs: 'type=tar,dest=-' }, /stdout/],
    ['outputs -', { outputs: '-' }, /stdout/],
    ['outputs without dest', { outputs: 'type=local' }, /has no dest=/],
    ['outputs of an unknown type', { outputs: 'type=s3,dest=x' }, /unknown type s3/],
    ['attests without type', { attests: 'generator=x' }, /input "attests": "generator=x" has no type=/],
    [
      'attests type=provenance: the provenance input',
      { attests: 'type=provenance,mode=max' },
      /provenance input/,
    ],
    ['sbom and attests type=sbom together', { sbom: 'true', attests: 'type=sbom' }, /SBOM attestation twice/],
    // buildx reads an --attest as one line: the rest of a value that spans lines was its part.
    [
      'attests: a quoted item over two lines',
      { attests: '"type=sbom,generator=a\nb"' },
      /input "attests": .* holds a line break/,
    ],
    [
      'sbom: attributes over two lines',
      { sbom: 'generator=img\ndisabled=true' },
      /input "sbom": .* holds a line break/,
    ],
    ['add-hosts without an address', { 'add-hosts': 'pypi.internal' }, /input "add-hosts": "pypi.internal"/],
    // buildx refuses these at the build (netip.ParseAddr), after the resolve stage: taken before.
    [
      'add-hosts: a name for the IP',
      { 'add-hosts': 'pypi:internal-ip' },
      /"pypi:internal-ip" has "internal-ip", which is no IP/,
    ],
    [
      'add-hosts: an IPv4 cut short',
      { 'add-hosts': 'pypi=10.0.0' },
      /"pypi=10.0.0" has "10.0.0", which is no IP/,
    ],
    ['add-hosts: a leading zero', { 'add-hosts': 'pypi:010.0.0.1' }, /which is no IP address/],
    ['add-hosts: = splits first (host a:b)', { 'add-hosts': 'a:b=10.0.0.1' }, /its host holds a ":"/],
    ['shm-size not a size', { 'shm-size': 'lots' }, /input "shm-size": "lots"/],
    ['ulimit not TYPE=SOFT[:HARD]', { ulimit: 'nofile 1024' }, /input "ulimit": "nofile 1024"/],
    // What buildx refuses on its command line (docker/go-units RAMInBytes, ParseUlimit), after the
    // resolve stage: these passed the check before.
    [
      'shm-size: two spaces before the unit',
      { 'shm-size': '1  g' },
      /input "shm-size": "1 {2}g" is not a size/,
    ],
    ['shm-size: a tab before the unit', { 'shm-size': '1\tg' }, /input "shm-size": "1\\tg" is not a size/],
    ['shm-size: b before another b', { 'shm-size': '1bb' }, /input "shm-size": "1bb" is not a size/],
    ['shm-size: ib without a unit', { 'shm-size': '512ib' }, /input "shm-size": "512ib" is not a size/],
    ['shm-size: -1', { 'shm-size': '-1' }, /input "shm-size": "-1" is not a size/],
    [
      'ulimit of an unknown type',
      { ulimit: 'files=1024' },
      /input "ulimit": "files=1024" has an unknown type files/,
    ],
    [
      'ulimit soft above hard',
      { ulimit: 'nofile=2048:1024' },
      /"nofile=2048:1024" has a soft limit above its hard limit/,
    ],
    ['ulimit soft unlimited, hard not', { ulimit: 'nofile=-1:1024' }, /soft limit above its hard limit/],
    ['ulimit beyond int64', { ulimit: 'nofile=9223372036854775808' }, /beyond a 64-bit integer/],
    [
      'allow: not an entitlement',
      { allow: 'network host' },
      /input "allow": "network host" is not an entitlement/,
    ],
    ['cgroup-parent with a space', { 'cgroup-parent': 'a b' }, /input "cgroup-parent": "a b" holds a space/],
    [
      'call: check (no image to push or smoke-test)',
      { call: 'check' },
      /input "call": "check" makes buildx evaluate/,
    ],
  ])('%s', (_name, map, message) => {
    let err: unknown;
    try {
      buildOptionsFromInputs(inputs(map), ws);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).exitCode).toBe(2);
    expect((err as Error).message).toMatch(message);
    // A planted credential is refused without being repeated.
    expect((err as Error).message).not.toContain('planted');
  });

  it.each([
    [
      'type=provenance,mode=max,version=v1',
      'move it to the provenance input: provenance: mode=max,version=v1',
    ],
    ['mode=max, type=provenance', 'move it to the provenance input: provenance: mode=max'],
    ['type=provenance', 'move it to the provenance input'],
  ])('attests %j: the fix says what to write in the provenance input', (attest, fix) => {
    expect(() => buildOptionsFromInputs(inputs({ attests: attest }), ws)).toThrow(
      expect.objectContaining({
        message: `input "attests": ${JSON.stringify(attest)}: provenance is set by the provenance input (true, false, or attributes mode=min|max and version=v0.2|v1)`,
        fix,
      }),
    );
  });

  it('checkOutput keeps a valid spec and normalises a bare path', () => {
    expect(checkOutput('type=docker,dest=img.tar')).toBe('type=docker,dest=img.tar');
    expect(checkOutput('out/dir')).toBe('type=local,dest=out/dir');
    expect(checkOutput('"type=local","dest=a,b"')).toBe('"type=local","dest=a,b"');
  });

  // buildx lowercases and trims keys and takes a key's last value: what the check reads must be that.
  it.each([
    ['type=local,dest=out,TYPE=registry,name=ghcr.io/o/x', /gives type twice/],
    ['type=tar,dest=x.tar,dest=-', /gives dest twice/],
    [' Type =registry,name=ghcr.io/o/x', /pushes an image/],
    ['type=tar,DEST=-', /writes to stdout/],
    ['"type=registry",name=x', /pushes an image/],
  ])('checkOutput reads %j as buildx does: refused', (spec, message) => {
    expect(() => checkOutput(spec)).toThrow(message);
  });

  it.each<[string, string[]]>([
    ['a,b,c', ['a', 'b', 'c']],
    ['"a,b",c', ['a,b', 'c']],
    ['"say ""hi""",x', ['say "hi"', 'x']],
    ['', ['']],
    ['a,', ['a', '']],
  ])('csvFields(%j)', (line, fields) => {
    expect(csvFields(line)).toEqual(fields);
  });

  it('outputs with several targets need {variant} and {arch} in dest (each would overwrite it)', () => {
    const config = validateConfigData(
      {
        image: { name: 'o/r', registry: 'ghcr.io' },
        variants: ['cpu', { name: 'cpu2', python: '3.11' }],
        platforms: ['linux/amd64', 'linux/arm64'],
      },
      'x',
    );
    const plan = planBuild(config, { catalog: bundledCatalog(), git: { sha: 'abc' }, now: new Date(0) });
    const opts = (outputs: string) => buildOptionsFromInputs(inputs({ outputs }), ws);
    const fixOf = (outputs: string) => {
      try {
        applyToPlan(plan, opts(outputs));
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        expect((e as Error).message).toMatch(/2 variants x 2 platforms .* each would overwrite dest/);
        return (e as InputError).fix;
      }
      return 'not refused';
    };
    expect(fixOf('type=local,dest=out')).toMatch(/put \{variant\} and \{arch\} in dest/);
    expect(fixOf('type=local,dest=out/{variant}')).toMatch(/^put \{arch\} in dest/);
    expect(applyToPlan(plan, opts('type=local,dest=out/{variant}-{arch}'))).toBe(plan);
    const o = requestFromOptions(opts('type=local,dest=out/{variant}-{arch}'), 'cpu2', 'arm64');
    expect(o.outputs).toEqual(['type=local,dest=out/cpu2-arm64']);
  });
});

describe('network (a config key BPA shares)', () => {
  it('overrides build.network; a value buildx does not know is refused by the config schema', () => {
    expect(CONFIG_INPUTS.find((c) => c.input === 'network')?.path).toEqual(['build', 'network']);
    const [o] = overridesFromInputs(inputs({ network: 'host' }));
    expect(o).toMatchObject({ path: ['build', 'network'], value: 'host' });
    const { args } = buildxBuildArgs({ ...req, network: 'host' }, container);
    expect(values(args, '--network')).toEqual(['host']);
  });
});

describe('declared and routed', () => {
  const added = [
    'secret-files',
    'ssh',
    'build-contexts',
    'outputs',
    'attests',
    'add-hosts',
    'shm-size',
    'ulimit',
  ];
  it('every new input is read here, read by the build stage, and listed in quote: false only for outputs', () => {
    for (const name of added) {
      expect(BUILD_INPUTS as readonly string[], name).toContain(name);
      expect(INPUT_STAGES[name], name).toEqual(['build']);
    }
    expect(INPUT_STAGES.network).toContain('build');
    expect(parseBpaList('type=oci,dest=a,"x=1,2"', { ignoreComma: true, quote: false })).toEqual([
      'type=oci,dest=a,"x=1,2"',
    ]);
  });
});
