import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ActionIo, parseActionInputs, run } from '../../src/action/run.js';
import { InputError } from '../../src/errors.js';
import { STAGES } from '../../src/pipeline/pipeline.js';
import { UNREPORTED_VERDICT } from '../../src/report/render/run.js';
import { openResultDir } from '../../src/results/results.js';
import { fakeDocker } from '../helpers/fakes.js';
import { makeRecord, makeSmoke, pipEntry } from '../helpers/records.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-action-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fakeActionIo(given: Record<string, string>, env: Record<string, string> = {}) {
  // build: false keeps these unit tests to config + plan (the build runs in the integration tests);
  // stages as the runner gives it when unset: action.yml's default (an empty value is refused).
  const inputs: Record<string, string> = { build: 'false', stages: STAGES.join(','), ...given };
  const outputs: Record<string, string> = {};
  const errors: { message: string; file?: string; startLine?: number; startColumn?: number }[] = [];
  const failed: string[] = [];
  const warnings: string[] = [];
  const io: ActionIo = {
    getInput: (n) => inputs[n] ?? '',
    setOutput: (n, v) => {
      outputs[n] = v;
    },
    setFailed: (m) => failed.push(m),
    error: (m, p) =>
      errors.push({
        message: m,
        ...(p?.file !== undefined && { file: p.file }),
        ...(p?.startLine !== undefined && { startLine: p.startLine }),
        ...(p?.startColumn !== undefined && { startColumn: p.startColumn }),
      }),
    warning: (m) => warnings.push(m),
    info: () => undefined,
    group: (_n, fn) => fn(),
    cwd: dir,
    env,
    docker: () => fakeDocker(),
  };
  return { io, outputs, errors, failed, warnings };
}

describe('root action (config stage)', () => {
  it('merges the config file with inputs and publishes the normalized config', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), 'image: {name: a/b}\nvariants: [cpu]\n');
    const f = fakeActionIo({ config: 'ml-image.yml', variants: 'cpu, cuda12.8', platforms: 'linux/arm64' });
    await run(f.io);
    expect(f.failed).toEqual([]);
    expect(JSON.parse(f.outputs.variants!)).toEqual(['cpu', 'cuda12.8']);
    expect(JSON.parse(f.outputs.platforms!)).toEqual(['linux/arm64']);
    expect(JSON.parse(f.outputs.config!).image.name).toBe('a/b');
    const plan = JSON.parse(f.outputs.plan!);
    expect(plan.variants.map((v: { name: string }) => v.name)).toEqual(['cpu', 'cuda12.8']);
    expect(JSON.parse(f.outputs.matrix!).include).toHaveLength(2);
    expect(readFileSync(path.join(f.outputs['result-dir']!, 'plan.json'), 'utf8')).toContain(
      '"schemaVersion": 1',
    );
    expect(f.outputs.digests).toBeUndefined();
  });

  it("an issue_comment (/ok-to-test) run tags what its checkout holds, not GITHUB_SHA, the default branch's head (finding)", async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), 'image: {name: a/b}\nvariants: [cpu]\n');
    const event = path.join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ repository: { default_branch: 'main' }, issue: { number: 5 } }));
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'issue_comment',
      GITHUB_EVENT_PATH: event,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: 'a'.repeat(40),
      GITHUB_REPOSITORY: 'o/r',
    };
    const f = fakeActionIo({ config: 'ml-image.yml' }, env);
    f.io.checkoutHead = async () => `9876543${'b'.repeat(33)}`;
    await run(f.io);
    expect(f.failed).toEqual([]);
    const tags: string[] = JSON.parse(f.outputs.plan!).variants[0].tags;
    expect(tags.some((t) => t.endsWith(':sha-9876543-cpu'))).toBe(true);
    expect(tags.join(' ')).not.toContain('sha-aaaaaaa');
  });

  it('turns plan warnings into warning annotations and refusals into errors', async () => {
    const warn = fakeActionIo({ image: 'a/b', variants: 'cuda12.8', platforms: 'linux/amd64' });
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image: {name: a/b}\nvariants: [{cuda: "12.8", torch: "2.99"}]\nplatforms: [linux/amd64]\n',
    );
    const w = fakeActionIo({ config: 'ml-image.yml' });
    await run(w.io);
    expect(w.warnings[0]).toContain('torch 2.99 is not in the catalog');
    // A combination the catalog knows cannot work is a refusal, not a warning.
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image: {name: a/b}\nvariants: [{cuda: "12.8", torch: "2.5"}]\nplatforms: [linux/amd64]\n',
    );
    const k = fakeActionIo({ config: 'ml-image.yml' });
    await run(k.io);
    expect(k.warnings).toEqual([]);
    expect(k.errors[0]!.message).toContain('torch 2.5 has no CUDA 12.8 wheels');
    expect(k.failed[0]).toContain('plan of ml-image.yml: 1 problem');
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image: {name: a/b}\nvariants: [{name: pt, base: "pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime"}]\n',
    );
    const e = fakeActionIo({ config: 'ml-image.yml' });
    await run(e.io);
    expect(e.errors[0]!.message).toContain('has no linux/arm64 image');
    expect(e.failed[0]).toContain('plan of ml-image.yml: 1 problem');
    expect(warn).toBeDefined();
  });

  it('works from inputs alone when the default config file is absent', async () => {
    const f = fakeActionIo({ config: 'ml-image.yml', image: 'a/b' });
    await run(f.io);
    expect(f.failed).toEqual([]);
    expect(JSON.parse(f.outputs.platforms!)).toEqual(['linux/amd64', 'linux/arm64']);
  });

  it('no config file and inputs that are no whole config: says first that no file was found', async () => {
    const f = fakeActionIo({ config: 'ml-image.yml', platforms: 'linux/amd64' });
    await run(f.io);
    expect(f.failed).toHaveLength(1);
    expect(f.failed[0]).toMatch(
      /^no config: neither ml-image\.yml nor ml-image\.yaml in \S+; the flags or inputs given are not a whole config: 1 problem\n {2}- image: required/,
    );
    expect(f.failed[0]).toContain('check out the repository (actions/checkout) before this step');
    // The annotation names no file: there is none.
    expect(f.errors).toEqual([{ message: expect.stringMatching(/^image: required/) }]);
  });

  it('fails with one annotation per problem, on the config file', async () => {
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image: {name: a/b}\nvariants: [{cuda: cu128}]\nplatforms: [linux/ppc]\n',
    );
    const f = fakeActionIo({ config: 'ml-image.yml' });
    await run(f.io);
    expect(f.failed).toHaveLength(1);
    expect(f.failed[0]).toContain('ml-image.yml: 2 problems');
    expect(f.errors).toEqual([
      {
        message: 'line 2: variants[0].cuda: expected a version like "12.8", got "cu128"',
        file: 'ml-image.yml',
        startLine: 2,
      },
      {
        message: 'line 3: platforms[0]: expected one of "linux/amd64", "linux/arm64", got "linux/ppc"',
        file: 'ml-image.yml',
        startLine: 3,
      },
    ]);
    expect(f.outputs).toEqual({});
  });

  it('a problem of a value an input set is annotated on no file (finding: on ml-image.yml, with no line)', async () => {
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image: {name: a/b}\nvariants: [cpu]\nplatforms: [linux/amd64]\n',
    );
    const f = fakeActionIo({ config: 'ml-image.yml', context: 'no-such-dir' });
    await run(f.io);
    expect(f.failed).toHaveLength(1);
    expect(f.errors).toEqual([
      { message: expect.stringMatching(/^build\.context: directory not found: .*\(from input "context"\)$/) },
    ]);
  });

  it.each([
    [
      'the config file',
      'attest:\n  sign: key\n',
      {},
      { file: 'ml-image.yml', startLine: 5 },
      /^line 5: attest\.sign: key, but there is no key/,
    ],
    [
      'the sign input',
      '',
      { sign: 'key' },
      {},
      /^attest\.sign: key, but there is no key .*\(from input "sign"\)$/,
    ],
  ] as const)(
    'attest.sign key without a key (from %s) is bad input at its line or input, before the registry is asked',
    async (_from, attest, given, place, message) => {
      writeFileSync(
        path.join(dir, 'ml-image.yml'),
        `image: {name: a/b, registry: localhost:1}\nvariants: [cpu]\nplatforms: [linux/amd64]\n${attest}`,
      );
      const f = fakeActionIo({ config: 'ml-image.yml', build: 'true', ...given });
      await run(f.io);
      expect(f.failed).toHaveLength(1);
      expect(f.errors).toEqual([{ message: expect.stringMatching(message), ...place }]);
    },
  );

  it('names the input a bad value came from', async () => {
    const f = fakeActionIo({ image: 'a/b', 'require-gpu': 'perhaps' });
    await run(f.io);
    expect(f.failed).toEqual(['input "require-gpu": expected true or false, got "perhaps"']);
  });

  it('a smoke.baseline that is no throughput table fails before the engine or registry is asked', async () => {
    writeFileSync(
      path.join(dir, 'floors.json'),
      '{"schemaVersion": 1, "floorFraction": 0.75, "gpus": "H100"}',
    );
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image: {name: a/b}\nvariants: [cpu]\nplatforms: [linux/amd64]\nsmoke: {baseline: floors.json}\n',
    );
    const f = fakeActionIo({ config: 'ml-image.yml', build: 'true', stages: 'smoke' });
    await run(f.io);
    expect(f.failed).toHaveLength(1);
    expect(f.failed[0]).toContain(`smoke.baseline: ${path.join(dir, 'floors.json')}`);
    expect(f.failed[0]).toContain('gpus');
    expect(f.failed[0]).not.toContain('unexpected call');
    expect(f.outputs['result-dir']).toBeUndefined();
  });

  it.each([
    ['the default result-dir', {}, 'ml-image-results', 'ml-image-results'],
    ['a result-dir under a linked directory', { 'result-dir': 'out/res' }, 'out', 'out'],
  ])(
    '%s a link in the workspace (a checkout put it there): exit 2 naming it, before any stage, nothing written there',
    async (_n, given, linked, named) => {
      writeFileSync(path.join(dir, 'ml-image.yml'), 'image: {name: a/b}\nvariants: [cpu]\n');
      const elsewhere = mkdtempSync(path.join(tmpdir(), 'ml-image-elsewhere-'));
      try {
        symlinkSync(elsewhere, path.join(dir, linked));
        const f = fakeActionIo({ config: 'ml-image.yml', ...given });
        const codes: number[] = [];
        f.io.setExitCode = (c) => codes.push(c);
        await run(f.io);
        expect(f.failed).toHaveLength(1);
        expect(f.failed[0]).toContain(
          `input "result-dir": ${path.join(dir, named)} is a link (to ${elsewhere}) in the workspace`,
        );
        expect(f.failed[0]).toContain('remove the link');
        expect(codes).toEqual([2]);
        expect(readdirSync(elsewhere)).toEqual([]);
        expect(f.outputs['result-dir']).toBeUndefined();
      } finally {
        rmSync(elsewhere, { recursive: true, force: true });
      }
    },
  );

  it('a result-dir outside the workspace (the runner temp directory) may be a link: the workflow chose it', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), 'image: {name: a/b}\nvariants: [cpu]\n');
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'ml-image-elsewhere-'));
    const outside = `${elsewhere}-link`;
    try {
      symlinkSync(elsewhere, outside);
      const f = fakeActionIo({ config: 'ml-image.yml', 'result-dir': outside });
      await run(f.io);
      expect(f.failed).toEqual([]);
      expect(readdirSync(elsewhere)).toContain('plan.json');
    } finally {
      rmSync(outside, { force: true });
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it("stages smoke without build.json in result-dir fails before the plan, with the action's fix", async () => {
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image: {name: a/b}\nvariants: [cpu]\nplatforms: [linux/amd64]\n',
    );
    const f = fakeActionIo({ config: 'ml-image.yml', stages: 'smoke', 'result-dir': 'res' });
    await run(f.io);
    expect(f.failed).toHaveLength(1);
    expect(f.failed[0]).toContain(
      `stages smoke: the smoke stage reads the build's build.json, and result-dir (${path.join(dir, 'res')}) has none`,
    );
    expect(f.failed[0]).toContain("download the build job's build.json into result-dir before this step");
    expect(f.failed[0]).not.toContain('--stages');
    // Nothing ran: no plan.json written, no output set.
    expect(existsSync(path.join(dir, 'res', 'plan.json'))).toBe(false);
    expect(f.outputs['result-dir']).toBeUndefined();
  });

  it.each<[string, Record<string, string>, string]>([
    [
      'result-dir',
      { 'result-dir': '/proc/self/x' },
      'pass the "result-dir" input naming a directory on disk',
    ],
    [
      'baseline',
      { baseline: '/proc/self', stages: 'plan,report' },
      'pass the "baseline" input (cache, none, or a directory) naming a directory on disk',
    ],
  ])(
    "a %s on a pseudo filesystem: the fix names the action's input, not a CLI flag",
    async (_, given, fix) => {
      writeFileSync(path.join(dir, 'ml-image.yml'), 'image: {name: a/b}\nvariants: [cpu]\n');
      const f = fakeActionIo({ config: 'ml-image.yml', ...given });
      await run(f.io);
      expect(f.failed).toHaveLength(1);
      expect(f.failed[0]).toContain('pseudo filesystem');
      expect(f.failed[0]).toContain(fix);
      expect(f.failed[0]).not.toContain('--out');
    },
  );

  // The reusable workflow refuses pull_request_target; so does the action (docs/workflows.md).
  it.each([
    ['pull_request_target', true],
    ['pull_request', false],
    ['push', false],
    ['workflow_run', false],
  ])('on %s the stages are refused: %s', async (event, refused) => {
    const f = fakeActionIo({ image: 'a/b' }, { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: event });
    await run(f.io);
    if (refused) {
      expect(f.failed).toHaveLength(1);
      expect(f.failed[0]).toMatch(/^the action does not run its stages on pull_request_target: /);
      expect(f.failed[0]).toMatch(/fix: trigger the workflow on pull_request/);
      expect(f.outputs).toEqual({});
    } else {
      expect(f.failed).toEqual([]);
      expect(f.outputs.plan).toBeDefined();
    }
  });

  it('a secret-envs variable that is not set fails at the edge, before any stage or the engine', async () => {
    const f = fakeActionIo({ image: 'a/b', build: 'true', 'secret-envs': 'npm=NPM_TOKEN' });
    f.io.docker = () => {
      throw new Error('the engine was asked');
    };
    await run(f.io);
    expect(f.failed).toEqual([
      'input "secret-envs": npm=NPM_TOKEN: NPM_TOKEN is not set in the environment\nfix: set it in the step\'s env: (e.g. NPM_TOKEN: ${{ secrets.NPM_TOKEN }})',
    ]);
    expect(f.outputs).toEqual({});
    // A plan-only run (build: false) mounts nothing: not refused.
    const plan = fakeActionIo({ image: 'a/b', 'secret-envs': 'npm=NPM_TOKEN' });
    await run(plan.io);
    expect(plan.failed).toEqual([]);
  });

  it.each(['', ' ', ', ,', ' , '])(
    'stages %j (an unset variable) names no stage: refused, not every stage',
    (stages) => {
      const f = fakeActionIo({ image: 'a/b', stages });
      expect(() => parseActionInputs(f.io)).toThrow(
        new InputError(
          `input "stages": ${JSON.stringify(stages)} names no stage`,
          'give some of plan, resolve, build, smoke, attest, report, or all',
        ),
      );
      expect(parseActionInputs(fakeActionIo({ image: 'a/b', stages: 'all' }).io)).toMatchObject({
        kind: 'stages',
      });
    },
  );

  // A keyword miswritten was read as a directory: `None` saved the baseline in ./None, `CACHE`
  // left the Actions cache unused, without a word (finding).
  it.each<[string, string | undefined, string]>([
    ['None', 'none', ''],
    ['NONE', 'none', ''],
    ['Cache', 'cache', ''],
    [' cahce ', 'cache', ''],
    ['noen', 'none', ''],
    ['none', undefined, 'none'],
    ['cache', undefined, 'cache'],
    ['', undefined, ''],
    ['./None', undefined, './None'],
    ['baselines', undefined, 'baselines'],
    ['None', undefined, 'an existing directory'],
  ])('baseline %j: refused with a hint %s, else taken as %j', (baseline, near, taken) => {
    if (taken === 'an existing directory') mkdirSync(path.join(dir, baseline));
    const f = fakeActionIo({ image: 'a/b', stages: 'plan,report', baseline });
    if (near !== undefined) {
      expect(() => parseActionInputs(f.io)).toThrow(InputError);
      expect(() => parseActionInputs(f.io)).toThrow(
        `input "baseline": ${JSON.stringify(baseline.trim())} is neither cache nor none (they are lower case) and no directory: did you mean ${near}?`,
      );
      return;
    }
    const parsed = parseActionInputs(f.io);
    expect(parsed.kind === 'stages' && parsed.baseline).toBe(
      taken === 'an existing directory' ? baseline : taken,
    );
  });

  // build-push-action's file: the runner exports it though action.yml declares none (it warns).
  it.each([['plan,build'], ['plan'], ['all']])(
    "stages %s: build-push-action's file input (INPUT_FILE) is refused (exit 2), pointing to dockerfile",
    (stages) => {
      const f = fakeActionIo({ image: 'a/b', stages }, { INPUT_FILE: 'Dockerfile.gpu' });
      expect(() => parseActionInputs(f.io)).toThrow(InputError);
      expect(() => parseActionInputs(f.io)).toThrow(
        'input "file" ("Dockerfile.gpu"): the file input is build-push-action\'s: use dockerfile: PATH',
      );
      expect(parseActionInputs(fakeActionIo({ image: 'a/b', stages }, { INPUT_FILE: '' }).io)).toMatchObject({
        kind: 'stages',
      });
    },
  );

  it('a merge job (merge-from) mounts no secret: an unset secret-envs variable is not refused', () => {
    mkdirSync(path.join(dir, 'digests'));
    const merge = fakeActionIo({
      image: 'a/b',
      build: 'true',
      'secret-envs': 'npm=NPM_TOKEN',
      'merge-from': 'digests',
    });
    const parsed = parseActionInputs(merge.io);
    expect(parsed.kind === 'stages' && parsed.mergeFrom).toBe('digests');
    // The same inputs without merge-from are refused at the edge.
    const build = fakeActionIo({ image: 'a/b', build: 'true', 'secret-envs': 'npm=NPM_TOKEN' });
    expect(() => parseActionInputs(build.io)).toThrow(/NPM_TOKEN is not set/);
  });

  it('a merge job whose digests directory is missing: exit 2 naming it, before the registry is asked', async () => {
    // The registry would be unreachable (nothing listens on port 1): it is never asked.
    writeFileSync(path.join(dir, 'ml-image.yml'), 'image: {name: a/b, registry: 127.0.0.1:1}\n');
    const f = fakeActionIo({ build: 'true', stages: 'build', 'merge-from': 'digests' });
    expect(() => parseActionInputs(f.io)).toThrow(InputError);
    await run(f.io);
    expect(f.failed[0]).toMatch(new RegExp(`^merge-from ${path.join(dir, 'digests')}: cannot read`));
    expect(f.failed.join('\n')).not.toMatch(/unreachable/);
  });

  it('merge-from with build: false is ignored, as the pipeline ignores it: no digests read (finding: ENOENT)', () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), 'image: {name: a/b}\n');
    const f = fakeActionIo({ build: 'false', 'merge-from': 'digests' });
    const parsed = parseActionInputs(f.io);
    expect(parsed.kind === 'stages' && [...parsed.stages]).toEqual(['plan']);
  });

  it('a missing explicit config file fails and names it', async () => {
    const f = fakeActionIo({ config: 'conf/ml.yml' });
    await run(f.io);
    expect(f.failed[0]).toContain(`config file not found: ${path.join(dir, 'conf/ml.yml')}`);
  });
});

describe('the secrets input is masked before it is parsed', () => {
  const PEM = ['-----BEGIN PRIVATE KEY-----', 'MIIEvQIBADANBgkq+hkiG9w0/BAQEFAASC', 'MIIEvk+/Qw=='];
  it.each<[string, string, string[], string]>([
    [
      'an unquoted PEM key: every line masked, the refusal names item 3',
      `TOKEN=ghp_abc\nKEY=${PEM.join('\n')}\n-----END PRIVATE KEY-----`,
      ['TOKEN=ghp_abc', 'ghp_abc', `KEY=${PEM[0]}`, ...PEM, '-----END PRIVATE KEY-----'],
      'input "secrets": item 3',
    ],
    [
      'a base64 tail: the line masked, never its "=" alone',
      'KEY=aGVsbG8gd29y\n  AbCd12==  ',
      ['KEY=aGVsbG8gd29y', 'aGVsbG8gd29y', 'AbCd12=='],
      'input "secrets": item 2',
    ],
    [
      'a quoted value, then a bad line: each line masked without its quote as well',
      '"KEY=line-one\nline-two"\nbad line',
      ['"KEY=line-one', 'KEY=line-one', 'line-one', 'line-two"', 'line-two', 'bad line'],
      'input "secrets": item 2',
    ],
  ])('%s', async (_name, secrets, masked, refusal) => {
    writeFileSync(path.join(dir, 'ml-image.yml'), 'image: {name: a/b}\nvariants: [cpu]\n');
    const f = fakeActionIo({ config: 'ml-image.yml', secrets });
    const secretsSet: string[] = [];
    f.io.setSecret = (v) => secretsSet.push(v);
    await run(f.io);
    expect(f.failed[0]).toContain(refusal);
    for (const m of masked) expect(secretsSet).toContain(m);
    expect(secretsSet).not.toContain('=');
    expect(secretsSet).not.toContain('"');
    for (const m of masked) expect(f.failed[0]).not.toContain(m);
  });
});

describe('the values build.secrets and secret-envs name are masked for the rest of the job', () => {
  it('each value from the environment is registered; short or absent ones are not', async () => {
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image: {name: a/b}\nvariants: [cpu]\nbuild:\n  secrets: [SAS, SHORT, UNSET]\n',
    );
    const f = fakeActionIo({ config: 'ml-image.yml', 'secret-envs': 'hf=HF_TOKEN_VAR' });
    f.io.env = { SAS: 'sv=2024&sig=QUERYSECRET', SHORT: '1', HF_TOKEN_VAR: 'hf_notreallyatoken' };
    const secretsSet: string[] = [];
    f.io.setSecret = (v) => secretsSet.push(v);
    await run(f.io);
    expect(secretsSet).toEqual(expect.arrayContaining(['sv=2024&sig=QUERYSECRET', 'hf_notreallyatoken']));
    expect(secretsSet).not.toContain('1');
    expect(f.warnings).toEqual([
      "build.secrets: SHORT's value is shorter than 4 characters: too short to mask in the log (a mask that short would replace that text in every line), so it is not masked; use a real secret there",
    ]);
  });

  it('the text of each secret-files file is registered too; a binary one is left unread', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), 'image: {name: a/b}\nvariants: [cpu]\n');
    writeFileSync(path.join(dir, 'netrc'), 'machine pkgs.example.com login ci password FILESECRET42\n');
    writeFileSync(path.join(dir, 'blob'), Buffer.from([0x41, 0x00, 0x42, 0x43, 0x44]));
    writeFileSync(path.join(dir, 'key.json'), '{\n  "private_key": "KEYSECRET-0123456789",\n  "n": 1\n}\n');
    const f = fakeActionIo({
      config: 'ml-image.yml',
      'secret-files': `netrc=${path.join(dir, 'netrc')}\nblob=${path.join(dir, 'blob')}\nkey=${path.join(dir, 'key.json')}`,
    });
    const secretsSet: string[] = [];
    f.io.setSecret = (v) => secretsSet.push(v);
    await run(f.io);
    expect(f.failed).toEqual([]);
    expect(secretsSet).toContain('machine pkgs.example.com login ci password FILESECRET42');
    expect(secretsSet.filter((v) => v.includes('\u0000'))).toEqual([]);
    // Line by line, as a runner registers a masked value: never a bare "{" or "}" (every brace in
    // the log would be masked), nor a line under 4 characters.
    expect(secretsSet).toContain('"private_key": "KEYSECRET-0123456789",');
    expect(secretsSet.filter((v) => v.replace(/["=]/g, '').trim().length < 4)).toEqual([]);
    expect(secretsSet.filter((v) => v.includes('\n'))).toEqual([]);
    expect(f.warnings).toEqual([]);
  });

  // One threshold for every value: the secrets input's too (INPUT_SECRETS=debug=1 masked "1" for
  // the whole job), and secret-envs' (a value under 4 characters went unmasked without a word).
  it.each([
    [{ secrets: 'debug=1\ntok=s3cr3t-value' }, {}, 'input "secrets": the value of debug'],
    [{ 'secret-envs': 'pin=PIN' }, { PIN: '42' }, 'input "secret-envs": pin=PIN: PIN\'s value'],
  ])('%j: a value under 4 characters is not masked, and a warning says so', async (inputs, env, what) => {
    writeFileSync(path.join(dir, 'ml-image.yml'), 'image: {name: a/b}\nvariants: [cpu]\n');
    const f = fakeActionIo({ config: 'ml-image.yml', ...inputs }, env);
    const secretsSet: string[] = [];
    f.io.setSecret = (v) => secretsSet.push(v);
    await run(f.io);
    expect(f.failed).toEqual([]);
    expect(secretsSet.filter((v) => v.replace(/["=]/g, '').length < 4)).toEqual([]);
    expect(f.warnings).toEqual([
      expect.stringMatching(
        new RegExp(`^${what.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&')} is shorter than 4 characters`),
      ),
    ]);
    // The whole ID=VALUE line, and a long value, are masked as before.
    if ('secrets' in inputs) expect(secretsSet).toEqual(expect.arrayContaining(['debug=1', 's3cr3t-value']));
  });
});

describe('the secret parts of the index URLs are masked for the rest of the job', () => {
  it('a login, a query token and an Anaconda /t/ token, as written and decoded; no ${NAME}', async () => {
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      [
        'image: {name: a/b}',
        'variants: [cpu]',
        'python:',
        '  indexUrl: https://pkgs.example.com/simple?token=abcd1234',
        '  extraIndexUrls:',
        '    - https://conda.example.com/t/tk-5678/simple',
        '    - "https://h.example.com/simple?sv=2024&sig=${AZ_SAS}"',
        '  torchIndexUrl: https://ci:p%40ss-w0rd@h.example.com/whl?X-Amz-Signature=s1g%2Fvalue',
      ].join('\n'),
    );
    const f = fakeActionIo({ config: 'ml-image.yml' });
    const secretsSet: string[] = [];
    f.io.setSecret = (v) => secretsSet.push(v);
    await run(f.io);
    expect(f.failed).toEqual([]);
    // pip and buildx print these URLs as they are: only the runner's mask hides the token there.
    expect(new Set(secretsSet)).toEqual(
      new Set(['abcd1234', 'tk-5678', 'p@ss-w0rd', 'p%40ss-w0rd', 's1g/value', 's1g%2Fvalue']),
    );
  });

  it('the environment index URLs (PIP_INDEX_URL, PIP_EXTRA_INDEX_URL) when the config gives none', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), 'image: {name: a/b}\nvariants: [cpu]\n');
    const f = fakeActionIo(
      { config: 'ml-image.yml' },
      {
        PIP_INDEX_URL: 'https://h.example.com/simple?private_token=glpat0123',
        PIP_EXTRA_INDEX_URL: 'https://x.example.com/s#access_token=atok5678 https://ok.example.com/s',
      },
    );
    const secretsSet: string[] = [];
    f.io.setSecret = (v) => secretsSet.push(v);
    await run(f.io);
    expect(f.failed).toEqual([]);
    expect(secretsSet.sort()).toEqual(['atok5678', 'glpat0123']);
  });
});

// A failure after the push and the reports (a size-budget breach here; an attest error the same
// way, report-failures.test.ts): the outputs say what the run produced, as after a smoke failure,
// then the step fails with the error and exit code it failed with before.
describe('a size-budget breach: the outputs are set, then the step fails (exit 1)', () => {
  const DIGEST = `sha256:${'d'.repeat(64)}`;
  function overBudget(extra = '') {
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      `image: {name: acme/model}\nvariants: [cpu]\nplatforms: [linux/amd64]\nsize: {budget: 1GB}\n${extra}`,
    );
    const res = openResultDir(path.join(dir, 'ml-image-results'));
    res.writeEnv('cpu', 'linux/amd64', makeRecord({ sizeBytes: 2e9 }));
    res.writeSmoke('cpu', 'linux/amd64', makeSmoke([{ id: 'import', status: 'pass' }]));
    return res;
  }
  function failing(given: Record<string, string>) {
    const f = fakeActionIo({ config: 'ml-image.yml', build: 'true', baseline: 'none', ...given });
    const codes: number[] = [];
    f.io.setExitCode = (c) => codes.push(c);
    return { ...f, codes };
  }

  it('the report sub-action: verdict, report-path, plan and matrix', async () => {
    overBudget();
    const f = failing({ stages: 'report' });
    await run(f.io);
    expect(f.failed).toHaveLength(1);
    expect(f.failed[0]).toMatch(/^the image is over its size budget \(config size\.budget\):\n {2}cpu: /);
    expect(f.codes).toEqual([1]);
    expect(f.outputs.verdict).toMatch(/^cpu: .*size budget 1GB exceeded/);
    expect(f.outputs['report-path']!.split('\n')).toEqual([
      path.join(dir, 'ml-image-results', 'report.md'),
      path.join(dir, 'ml-image-results', 'report-cpu.md'),
    ]);
    expect(JSON.parse(f.outputs.plan!).repository).toBe('ghcr.io/acme/model');
    expect(JSON.parse(f.outputs.matrix!).include).toHaveLength(1);
  });

  it('the verdict output names a variant with no report too, as report.md and the comment do', async () => {
    // cpu has records, cuda12.8 none (its capture failed): its line was left out of the output.
    overBudget();
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image: {name: acme/model}\nvariants: [cpu, cuda12.8]\nplatforms: [linux/amd64]\nsize: {budget: 1GB}\n',
    );
    const f = failing({ stages: 'report' });
    await run(f.io);
    expect(f.outputs.verdict!.split('\n')).toEqual([
      expect.stringMatching(/^cpu: .*size budget 1GB exceeded/),
      `cuda12.8: ${UNREPORTED_VERDICT}`,
    ]);
  });

  it('a report step with no record of any variant warns and says each is not reported (it passed silently)', async () => {
    // The reusable workflow's report job after every build failed: nothing downloaded, no pull request.
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image: {name: acme/model}\nvariants: [cpu, cuda12.8]\nplatforms: [linux/amd64]\n',
    );
    mkdirSync(path.join(dir, 'ml-image-results'));
    const f = fakeActionIo({ config: 'ml-image.yml', build: 'true', baseline: 'none', stages: 'report' });
    await run(f.io);
    expect(f.outputs.verdict!.split('\n')).toEqual([
      `cpu: ${UNREPORTED_VERDICT}`,
      `cuda12.8: ${UNREPORTED_VERDICT}`,
    ]);
    expect(f.warnings).toEqual([
      expect.stringMatching(
        /^no variant of this run was reported: .*ml-image-results holds no environment record \(env-<variant>-<arch>\.json\) of cpu, cuda12\.8: /,
      ),
    ]);
    expect(f.outputs['report-path']).toBeUndefined();
  });

  it("the verdict output neutralizes a workflow command the image's text carries (finding: templates echo it)", async () => {
    // The biggest package is named: a version a pull request's image wrote (torch/version.py).
    overBudget().writeEnv(
      'cpu',
      'linux/amd64',
      makeRecord({
        sizeBytes: 2e9,
        pip: [{ ...pipEntry('torch', '2.4.0+cpu##[add-mask]ml-image'), sizeBytes: 1.5e9 }],
      }),
    );
    const f = failing({ stages: 'report' });
    await run(f.io);
    expect(f.outputs.verdict).toMatch(/^cpu: /);
    expect(f.outputs.verdict).not.toContain('##[');
  });

  it('after a build (build.json): digests, tags, digest, metadata and platform-digests too', async () => {
    overBudget('attest: {sign: off, types: [sbom]}\n').writeBuild({
      schemaVersion: 1,
      variants: [
        {
          variant: 'cpu',
          repository: 'ghcr.io/acme/model',
          digest: DIGEST,
          tags: ['ghcr.io/acme/model:1.0-cpu'],
          baseImage: 'python:3.12-slim',
          platforms: [{ platform: 'linux/amd64', digest: DIGEST, durationMs: 1, attempts: 1, metadata: {} }],
        },
      ],
    });
    // The smoke stage captures a pushed image by its digest: the report takes a record of build.json's.
    const ref = `ghcr.io/acme/model@${DIGEST}`;
    openResultDir(path.join(dir, 'ml-image-results')).writeEnv(
      'cpu',
      'linux/amd64',
      makeRecord({ sizeBytes: 2e9, ref }),
    );
    const f = failing({ stages: 'attest,report' });
    await run(f.io);
    expect(f.failed[0]).toMatch(/^the image is over its size budget/);
    expect(f.codes).toEqual([1]);
    expect(JSON.parse(f.outputs.digests!)).toEqual({ cpu: DIGEST });
    expect(JSON.parse(f.outputs.tags!)).toEqual({ cpu: ['ghcr.io/acme/model:1.0-cpu'] });
    expect(f.outputs.digest).toBe(DIGEST);
    expect(JSON.parse(f.outputs.metadata!)['containerimage.digest']).toBe(DIGEST);
    expect(JSON.parse(f.outputs['platform-digests']!)).toEqual({ cpu: { 'linux/amd64': DIGEST } });
    expect(f.outputs.verdict).toMatch(/^cpu: .*size budget 1GB exceeded/);
  });

  // A matrix build job (merge: false) pushes by digest alone: the merge job pushes the tags.
  it('after a build pushed by digest without a merge: no tags pushed, image.name the repository', async () => {
    const platform = { platform: 'linux/amd64', digest: DIGEST, durationMs: 1, attempts: 1, metadata: {} };
    overBudget('attest: {sign: off, types: [sbom]}\n').writeBuild({
      schemaVersion: 1,
      variants: [
        {
          variant: 'cpu',
          repository: 'ghcr.io/acme/model',
          tags: ['ghcr.io/acme/model:1.0-cpu'],
          baseImage: 'python:3.12-slim',
          platforms: [{ ...platform, pushed: true }],
        },
      ],
    });
    const f = failing({ stages: 'attest,report' });
    await run(f.io);
    expect(JSON.parse(f.outputs.tags!)).toEqual({ cpu: [] });
    expect(f.outputs.digest).toBe(DIGEST);
    expect(JSON.parse(f.outputs.metadata!)['image.name']).toBe('ghcr.io/acme/model');
  });
});
