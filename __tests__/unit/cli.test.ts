import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { doctorReport } from '../../src/cli/commands/doctor.js';
import { outputLine } from '../../src/cli/commands/run.js';
import { asksHelp, COMMANDS, runCli, splitCommandLine } from '../../src/cli/main.js';
import { ConfigError, EnvironmentError, InputError } from '../../src/errors.js';
import { closedPort } from '../helpers/net.js';
import { captureIo, fakeDocker } from '../helpers/fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const GOOD = 'image:\n  name: my-org/model\nvariants: [cpu, cuda12.8]\nplatforms: [linux/amd64]\n';
const BAD =
  'image:\n  name: my-org/model\nvariants: [cpu, {cuda: cu128}]\nplatforms: [linux/amd64, linux/mips]\n';

describe('ml-image CLI', () => {
  it('prints the command list for --help and no arguments', async () => {
    for (const argv of [[], ['--help'], ['help']]) {
      const io = captureIo(dir);
      expect(await runCli(argv, io)).toBe(0);
      for (const c of COMMANDS) expect(io.out()).toContain(`  ${c.name}`);
      expect(io.out()).toContain('Exit codes: 0 success; 1 the checked thing failed; 2 bad usage');
    }
  });

  it.each(COMMANDS.map((c) => [c.name, c]))('%s loads the command of that name', async (name, entry) => {
    expect((await entry.load()).name).toBe(name);
  });

  it.each(COMMANDS.map((c) => [c.name]))('%s --help prints usage and exits 0', async (name) => {
    const io = captureIo(dir);
    expect(await runCli([name, '--help'], io)).toBe(0);
    expect(io.out()).toMatch(new RegExp(`^Usage: ml-image ${name}`));
    expect(io.out()).toContain('Exit codes');
  });

  // Audit: export's help listed verify's --platform, which export refuses with or without --verify.
  it.each([
    ['verify', true],
    ['export', false],
  ])('%s --help offers --platform P: %s', async (name, offered) => {
    const io = captureIo(dir);
    await runCli([name, '--help'], io);
    expect(/^ {2}--platform P /m.test(io.out())).toBe(offered);
  });

  // A group of short flags holding -h is help too: `build -hv` must not build and push.
  it.each([
    [['build', '-hv', '--config', 'nowhere.yml']],
    [['run', '-vh', '--stages', 'plan']],
    [['plan', '-h']],
  ])('%j prints usage and exits 0 without running', async (argv) => {
    const io = captureIo(dir);
    expect(await runCli(argv, io)).toBe(0);
    expect(io.out()).toMatch(new RegExp(`^Usage: ml-image ${argv[0]}`));
    expect(io.err()).toBe('');
  });

  it.each([
    [['--help'], true],
    [['-h'], true],
    [['-vh'], true],
    [['-hv', '--json'], true],
    [['-v'], false],
    [['--config', 'x.yml'], false],
    [['--', '-h'], false],
    [['--hv'], false],
    // The word after a flag that takes a value is that value (parseArgs refuses it as a flag that
    // lacks its value), after a boolean flag it is help.
    [['--config', '-h'], false],
    [['--config', '--help'], false],
    [['--config', '-vh'], false],
    [['--out', '-h'], false],
    [['--config=-h'], false],
    [['--config', 'x.yml', '-h'], true],
    [['--load', '-h'], true],
    [['--json', '--help'], true],
  ])('asksHelp(%j) is %s', (args, expected) => {
    expect(asksHelp(args, { config: { type: 'string' }, load: { type: 'boolean' } })).toBe(expected);
  });

  // `build --config -h` printed the help (exit 0) where `build --config --json` is refused: a flag
  // that lacks its value. Plain -h and --help are still help.
  it.each([
    [
      ['build', '--config', '-h'],
      ['build', '--config', '--json'],
    ],
    [
      ['build', '--config', '--help'],
      ['build', '--config', '--json'],
    ],
    [
      ['build', '--platforms', '-vh'],
      ['build', '--platforms', '--quiet'],
    ],
    [
      ['plan', '--out', '-h'],
      ['plan', '--out', '--json'],
    ],
    [
      ['verify', `localhost:5000/acme/model@sha256:${'a'.repeat(64)}`, '--key', '-h'],
      ['verify', `localhost:5000/acme/model@sha256:${'a'.repeat(64)}`, '--key', '--json'],
    ],
  ])('%j is refused as %j is, not help', async (argv, like) => {
    const io = captureIo(dir);
    expect(await runCli(argv, io)).toBe(2);
    expect(io.out()).not.toContain('Usage:');
    expect(io.err()).toMatch(/^error: [a-z]+: --[a-z]+ lacks its value: the word after it begins with "-"\n/);
    const other = captureIo(dir);
    expect(await runCli(like, other)).toBe(2);
    expect(io.err()).toBe(other.err());
  });

  // `verify IMG --out --json` is refused (--out lacks its value), but its record of a stopped verify
  // was written into ./--json, the flag read as the directory; `build --out --json` with a file
  // ./--json was refused for that file instead. A refused --out leaves nothing behind.
  const DIGEST_REF = `localhost:5000/acme/model@sha256:${'0'.repeat(64)}`;
  it.each([
    [['verify', DIGEST_REF, '--out', '--json']],
    [['verify', DIGEST_REF, '--out', '-h']],
    [['verify', DIGEST_REF, '--key', 'cosign.pub', '--out', '--']],
    [['build', '--out', '--json']],
  ])('%j: --out lacks its value, nothing is written', async (argv) => {
    writeFileSync(path.join(dir, 'keep'), '');
    const io = captureIo(dir);
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err()).toMatch(/^error: [a-z]+: --out lacks its value/);
    expect(readdirSync(dir)).toEqual(['keep']);
    // Whatever ./--json is, the refusal is the missing value.
    writeFileSync(path.join(dir, '--json'), 'a file\n');
    const again = captureIo(dir);
    expect(await runCli(argv, again)).toBe(2);
    expect(again.err()).toBe(io.err());
    expect(readFileSync(path.join(dir, '--json'), 'utf8')).toBe('a file\n');
  });

  // --out=-x names the directory -x (parseArgs's form for a value with a dash): a verify refused
  // after it (a misspelt flag) still writes its stopped record there, no earlier "ok": true kept.
  it('verify --out=-x, refused for another flag, writes ok false into ./-x', async () => {
    const io = captureIo(dir);
    const argv = ['verify', DIGEST_REF, '--key', 'cosign.pub', '--out=-x', '--platfrom', 'linux/amd64'];
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err()).toContain("Unknown option '--platfrom'");
    const written = JSON.parse(readFileSync(path.join(dir, '-x', 'verify.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(written).toMatchObject({ ok: false });
    expect(String(written.error)).toContain('--platfrom');
  });

  it.each([[['-h']], [['build', '-h']], [['build', '--help']], [['export', '--slurm', '-h']]])(
    '%j still prints the help',
    async (argv) => {
      const io = captureIo(dir);
      expect(await runCli(argv, io)).toBe(0);
      expect(io.out()).toMatch(
        argv.length === 1 ? /^ml-image \S+: / : new RegExp(`^Usage: ml-image ${argv[0]}`),
      );
      expect(io.err()).toBe('');
    },
  );

  // What a command declares it parses (asksHelp reads it) is what it parses: the word after each of
  // its flags that takes a value is refused as that flag's missing value, not help nor an unknown flag.
  it.each(COMMANDS.map((c) => [c.name, c]))(
    '%s: -h after each flag that takes a value is refused',
    async (name, entry) => {
      const command = await entry.load();
      const valued = Object.entries(command.options).filter(([, spec]) => spec.type === 'string');
      for (const [flag] of valued) {
        const io = captureIo(dir);
        expect(await runCli([name, `--${flag}`, '-h'], io)).toBe(2);
        expect(io.err()).toContain(`error: ${name}: --${flag} lacks its value`);
      }
      expect(valued.length).toBeGreaterThan(0);
    },
  );

  // A stage's refusal worded about its flag alone is printed under the command's name, once.
  const IMAGE = `localhost:5000/acme/model@sha256:${'a'.repeat(64)}`;
  it.each<[string[], string]>([
    [
      ['export', '--slurm', '--image', IMAGE, '--nodes', '0', '--out', '/srv/jobs'],
      'error: export: --nodes: expected a whole number from 1 to 4096, got 0',
    ],
    [
      ['export', '--slurm', '--image', IMAGE, '--account', 'a/b', '--out', '/srv/jobs'],
      'error: export: --account: expected letters, digits and ._-, got "a/b"',
    ],
    [
      ['export', '--k8s', '--image', IMAGE, '--node-selector', 'pool=a b', '--out', 'jobs'],
      'error: export: --node-selector: "a b" is not a valid label value for pool',
    ],
    [
      // A plain object's assignment would drop it: the Job would run on any node, exit 0.
      ['export', '--k8s', '--image', IMAGE, '--node-selector', '__proto__=gpu', '--out', 'jobs'],
      'error: export: --node-selector: "__proto__" cannot be a key here (JavaScript reserves the name: the entry would be dropped without a word); rename it',
    ],
    [
      // The last value won without a word: the Job ran on other nodes than were typed, exit 0.
      ['export', '--k8s', '--image', IMAGE, '--node-selector', 'pool=a,zone=x, pool=b', '--out', 'jobs'],
      'error: export: --node-selector: pool is given twice (a pod matches one value of a label)',
    ],
    [
      ['export', '--slurm', '--image', IMAGE, '--out', 'a', '--out', 'b'],
      'error: export: --out is given more than once',
    ],
  ])('%j names the command first', async (argv, line) => {
    const io = captureIo(dir);
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err().split('\n')[0]).toBe(line);
    expect(existsSync(path.join(dir, 'jobs'))).toBe(false);
    const json = captureIo(dir);
    expect(await runCli([...argv, '--json'], json)).toBe(2);
    expect((JSON.parse(json.out()) as { error: { message: string } }).error.message).toBe(
      line.replace(/^error: /, ''),
    );
  });

  it("--verbose shows the stage's own stack and cause under the named message", async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), GOOD);
    const io = captureIo(dir);
    const long = 'x'.repeat(300); // mkdir fails: ENAMETOOLONG, the stage's cause
    expect(await runCli(['plan', `--out=${long}`, '--verbose'], io)).toBe(2);
    const err = io.err();
    expect(err).toMatch(new RegExp(`^error: plan: --out ${long}: cannot write `));
    expect(err).toMatch(new RegExp(`\\nInputError: plan: --out ${long}: cannot write [^\\n]*\\n\\s+at `));
    expect(err).toMatch(/\ncaused by: Error: ENAMETOOLONG/);
  });

  it('rejects an unknown command with exit 2 and the list of commands', async () => {
    const io = captureIo(dir);
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(io.err()).toContain('error: unknown command "frobnicate"');
    expect(io.err()).toContain(
      'fix: available commands: validate, plan, resolve, build, capture, smoke, diff, report, run, export, collect, devcontainer, sbom, verify, doctor',
    );
  });

  it.each<[string[], string]>([
    [['help', 'nonesuch'], 'error: unknown command "nonesuch"\nfix: available commands: validate,'],
    [['help', 'plna'], 'error: unknown command "plna" (did you mean "plan"?)'],
    [['valdate'], 'error: unknown command "valdate" (did you mean "validate"?)'],
    [
      ['--out', 'o', 'plan'],
      'error: unknown command "--out": options other than --json and --verbose go after the command\nfix: write "ml-image <command> --out ..."',
    ],
  ])('%j: exit 2 naming the command, with the nearest one', async (argv, message) => {
    const io = captureIo(dir);
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err()).toContain(message);
    expect(io.out()).toBe('');
  });

  it("help NAME prints that command's help; help alone the main help", async () => {
    const one = captureIo(dir);
    expect(await runCli(['help', 'plan'], one)).toBe(0);
    expect(one.out()).toMatch(/^Usage: ml-image plan/);
    const all = captureIo(dir);
    expect(await runCli(['help'], all)).toBe(0);
    expect(all.out()).toMatch(/^ml-image \S+: /);
  });

  it.each([[['--json', 'plan']], [['--verbose', '--json', 'plan']], [['-v', 'plan', '--json']]])(
    "%j: --json and --verbose before the command are the command's (its error as JSON)",
    async (argv) => {
      // No config here: the plan's own error, not "unknown command".
      const io = captureIo(dir);
      expect(await runCli(argv, io)).toBe(2);
      const parsed = JSON.parse(io.out()) as { error: { message: string } };
      expect(parsed.error.message).toMatch(/^no config: neither ml-image\.yml nor ml-image\.yaml/);
      expect(io.err()).not.toContain('unknown command');
    },
  );

  it('--json before an unknown command: the error as JSON too', async () => {
    const io = captureIo(dir);
    expect(await runCli(['--json', 'nonesuch'], io)).toBe(2);
    expect(JSON.parse(io.out())).toMatchObject({
      error: { exitCode: 2, message: 'unknown command "nonesuch"' },
    });
  });

  it.each<[string[], { name: string | undefined; rest: string[] }]>([
    [['--json', 'plan', '--', 'x'], { name: 'plan', rest: ['--json', '--', 'x'] }],
    [['plan', '--json'], { name: 'plan', rest: ['--json'] }],
    [['-v', '--json'], { name: undefined, rest: ['-v', '--json'] }],
    [['--out', 'o', 'plan'], { name: '--out', rest: ['o', 'plan'] }],
  ])('splitCommandLine(%j)', (argv, expected) => {
    expect(splitCommandLine(argv)).toEqual(expected);
  });

  it('rejects an unknown option with exit 2', async () => {
    const io = captureIo(dir);
    expect(await runCli(['validate', '--frob'], io)).toBe(2);
    expect(io.err()).toContain("error: validate: Unknown option '--frob'");
    expect(io.err()).not.toContain('did you mean');
  });

  it.each<[string[], string]>([
    [
      ['plan', '--platfroms', 'linux/amd64'],
      "plan: Unknown option '--platfroms' (did you mean --platforms?)",
    ],
    [['run', '--quite'], "run: Unknown option '--quite' (did you mean --quiet?)"],
    [['validate', '--josn'], "validate: Unknown option '--josn' (did you mean --json?)"],
  ])('an unknown option near one of the command: %j says which was meant', async (argv, message) => {
    const io = captureIo(dir);
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err()).toContain(`error: ${message}\n`);
  });

  it.each([
    [['plan', '--variants', 'cpu', '--variants', 'cuda12.8'], 'plan: --variants is given more than once'],
    [['validate', '--out', 'a', '--out=b'], 'validate: --out is given more than once'],
    [
      ['verify', 'x@sha256:' + 'a'.repeat(64), '--key', 'a.pub', '--key', 'b.pub'],
      'verify: --key is given more than once',
    ],
  ])('%j: a value flag given twice is exit 2 (the last one would win silently)', async (argv, message) => {
    writeFileSync(path.join(dir, 'ml-image.yml'), GOOD);
    const io = captureIo(dir);
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err()).toContain(`error: ${message}`);
  });

  it.each([
    [['run', '--stages', '', '--out', 'o'], 'run: --stages is empty'],
    [['validate', '--config', ''], 'validate: --config is empty'],
    [['report', '--results', ' '], 'report: --results is empty'],
    [['run', '--stages', ' , ', '--out', 'o'], 'run: --stages: " , " names no stage'],
    [['run', '--stages', ', ,', '--out', 'o'], 'run: --stages: ", ," names no stage'],
    [['smoke', '--image', 'x:1', '--suites', '', '--out', 'o'], 'smoke: --suites is empty'],
    [
      ['export', '--k8s', '--image', `x@sha256:${'a'.repeat(64)}`, '--suites', ',', '--out', 'o'],
      'export: --suites is empty',
    ],
    [
      ['smoke', '--image', 'x:1', '--suites', 'imports,gpu,imports', '--out', 'o'],
      'smoke: --suites: duplicate suite(s) "imports": give each once',
    ],
  ])(
    '%j: an empty list (an unset variable), or one naming a suite twice, is exit 2',
    async (argv, message) => {
      writeFileSync(path.join(dir, 'ml-image.yml'), GOOD);
      const io = captureIo(dir);
      expect(await runCli(argv, io)).toBe(2);
      expect(io.err()).toContain(`error: ${message}`);
    },
  );

  it.each([
    [['devcontainer', '--from', ''], 'devcontainer: --from is empty', 'give it a value'],
    [['sbom', '--record='], 'sbom: --record is empty', 'give it a value'],
    [['capture', '--image', ' '], 'capture: --image is empty', 'give it a value'],
    [['smoke', '--image', ''], 'smoke: --image is empty', 'give it a value'],
    [
      ['resolve', '--image', 'python:3.12-slim', '--requirements', ''],
      'resolve: --requirements is empty',
      'give it a value',
    ],
    [['validate', '--config', ''], 'validate: --config is empty', 'give it a value, or leave --config out'],
    [
      ['devcontainer', '--from', 'o', '--variant', ''],
      'devcontainer: --variant is empty',
      'give it a value, or leave --variant out',
    ],
  ])(
    '%j: an empty value is exit 2, and leaving the flag out is offered only where the command runs without it',
    async (argv, message, fix) => {
      const io = captureIo(dir);
      expect(await runCli(argv, io)).toBe(2);
      expect(io.err()).toContain(`error: ${message}\nfix: ${fix}\n`);
    },
  );

  it.each([
    [['verify', `localhost:5000/x@sha256:${'a'.repeat(64)}?token=plantedQ7tok`, '--key', 'KEY']],
    [['smoke', '--image', 'r.example/x:1?access_token=plantedQ7tok', '--out', 'o']],
  ])(
    '%j: a ?token= typed into a reference is masked where the refusal quotes it (text and --json)',
    async (argv) => {
      const pub = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
      writeFileSync(path.join(dir, 'a.pub'), pub.export({ type: 'spki', format: 'pem' }));
      const args = argv.map((a) => (a === 'KEY' ? path.join(dir, 'a.pub') : a));
      for (const json of [false, true]) {
        const io = captureIo(dir);
        expect(await runCli(json ? [...args, '--json'] : args, io)).toBe(2);
        const shown = json ? JSON.parse(io.out()).error.message : io.err();
        expect(shown).toContain('not a valid image reference');
        expect(shown).toContain('token=***');
        expect(io.out() + io.err()).not.toContain('plantedQ7tok');
      }
    },
  );

  it('a 10,000-character value is cut in the error, saying how much (text and --json)', async () => {
    const long = `x${'y'.repeat(10_000)}`;
    const io = captureIo(dir);
    expect(await runCli(['capture', '--image', `UPPER/${long}`, '--out', 'o'], io)).toBe(2);
    expect(io.err().length).toBeLessThan(1500);
    expect(io.err()).toMatch(/\.\.\. \(\d+ more characters\)/);
    const json = captureIo(dir);
    expect(await runCli(['capture', '--image', `UPPER/${long}`, '--out', 'o', '--json'], json)).toBe(2);
    expect(JSON.parse(json.out()).error.message.length).toBeLessThan(1100);
  });

  it('a flag that takes a list by repeating it (--requirements, --extra-index-url) may repeat', async () => {
    const io = captureIo(dir);
    await runCli(['resolve', '--requirements', 'a.txt', '--requirements', 'b.txt'], io);
    expect(io.err()).not.toContain('more than once');
    expect(io.err()).toContain('resolve: --image is required');
  });

  it.each([
    ['validate', ['--out', '']],
    ['sbom', ['--out=', '--record', 'r.json']],
    ['diff', ['--out', '  ']],
  ])(
    '%s with an empty --out (an unset variable): exit 2, nothing written in the current directory',
    async (cmd, args) => {
      writeFileSync(path.join(dir, 'ml-image.yml'), GOOD);
      const io = captureIo(dir);
      expect(await runCli([cmd, ...args], io)).toBe(2);
      expect(io.err()).toContain(`error: ${cmd}: --out is empty`);
      expect(existsSync(path.join(dir, 'config.json'))).toBe(false);
    },
  );

  it('validate prints the normalized config as JSON with --json and writes --out', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), GOOD);
    const io = captureIo(dir);
    expect(await runCli(['validate', '--json', '--out', 'out'], io)).toBe(0);
    const config = JSON.parse(io.out());
    expect(config.variants.map((v: { name: string }) => v.name)).toEqual(['cpu', 'cuda12.8']);
    expect(config.image.registry).toBe('ghcr.io');
    expect(JSON.parse(readFileSync(path.join(dir, 'out', 'config.json'), 'utf8'))).toEqual(config);
  });

  it('validate prints YAML for humans, headed by the file and the matrix size', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), GOOD);
    const io = captureIo(dir);
    expect(await runCli(['validate'], io)).toBe(0);
    expect(io.out()).toContain('valid — 2 variant(s) x 1 platform(s)');
    expect(io.out()).toContain('registry: ghcr.io');
  });

  it('validate rejects a broken config: exit 2, every problem, no stack trace', async () => {
    writeFileSync(path.join(dir, 'bad.yml'), BAD);
    const io = captureIo(dir);
    expect(await runCli(['validate', '--config', 'bad.yml'], io)).toBe(2);
    expect(io.err()).toContain('variants[1].cuda: expected a version like "12.8", got "cu128"');
    expect(io.err()).toContain(
      'platforms[1]: expected one of "linux/amd64", "linux/arm64", got "linux/mips"',
    );
    expect(io.err()).not.toMatch(/\n\s+at /);
    expect(io.out()).toBe('');
  });

  it('validate --platforms overrides the file and is named in errors', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), GOOD);
    const io = captureIo(dir);
    expect(await runCli(['validate', '--platforms', 'linux/arm64,linux/sparc'], io)).toBe(2);
    expect(io.err()).toContain(
      'platforms[1]: expected one of "linux/amd64", "linux/arm64", got "linux/sparc" (from flag --platforms)',
    );
  });

  it('--verbose alone shows stack traces', async () => {
    writeFileSync(path.join(dir, 'bad.yml'), BAD);
    const quiet = captureIo(dir);
    await runCli(['validate', '--config', 'nope.yml'], quiet);
    expect(quiet.err()).not.toMatch(/\n\s+at /);
    const loud = captureIo(dir);
    expect(await runCli(['validate', '--config', 'nope.yml', '--verbose'], loud)).toBe(2);
    expect(loud.err()).toMatch(/\n\s+at /);
  });

  it('an internal error exits 1 and suggests --verbose', async () => {
    const io = captureIo(dir, fakeDocker({ ping: () => Promise.reject(new TypeError('boom')) }));
    expect(await runCli(['doctor'], io)).toBe(1);
    expect(io.err()).toContain('internal error: boom');
    expect(io.err()).toContain('--verbose');
  });
});

describe('ml-image version', () => {
  it('prints the version; with --json, one JSON object', async () => {
    const plain = captureIo(process.cwd());
    expect(await runCli(['version'], plain)).toBe(0);
    expect(plain.out()).toMatch(/^\d+\.\d+\.\d+\S*\n$/);
    const json = captureIo(process.cwd());
    expect(await runCli(['version', '--json'], json)).toBe(0);
    expect(JSON.parse(json.out())).toEqual({ version: plain.out().trim() });
  });

  // Finding: version and help took any flag and argument (exit 0), where every command refuses them.
  it.each([
    [['version', '--bogus'], /^error: version: unknown option "--bogus"/],
    [['version', 'extra'], /^error: version: unexpected argument "extra"/],
    [['--version', 'extra'], /^error: --version: unexpected argument "extra"/],
    [['help', 'validate', 'extra'], /^error: help: unexpected argument "extra"/],
    [['help', '--bogus'], /^error: help: unknown option "--bogus"/],
  ])('%j: exit 2 naming what is too much, one JSON error with --json', async (argv, message) => {
    const io = captureIo(process.cwd());
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err()).toMatch(message);
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(
      /\nfix: run "ml-image (help \[COMMAND\]|--version|version)"( with --json or --verbose only)?\n|for one command/,
    );
    const json = captureIo(process.cwd());
    expect(await runCli([...argv, '--json'], json)).toBe(2);
    expect(JSON.parse(json.out()).error.message).toMatch(new RegExp(message.source.replace('^error: ', '^')));
  });

  it('help help and help --help are the main help; version --help its usage', async () => {
    const main = captureIo(process.cwd());
    expect(await runCli(['help'], main)).toBe(0);
    for (const argv of [
      ['help', 'help'],
      ['help', '--help'],
      ['help', '--json'],
    ]) {
      const io = captureIo(process.cwd());
      expect(await runCli(argv, io), argv.join(' ')).toBe(0);
      expect(io.out()).toBe(main.out());
    }
    const v = captureIo(process.cwd());
    expect(await runCli(['version', '--help'], v)).toBe(0);
    expect(v.out()).toMatch(/^usage: ml-image version \[--json\]/);
  });
});

describe('usage lines', () => {
  // A flag shown bare is one the command cannot run without; --out is optional where the code
  // only writes files when it is given (resolve, capture, smoke) or has a default (run).
  it.each(['resolve', 'capture', 'smoke', 'run', 'build'])('%s shows --out DIR as optional', async (name) => {
    const { usage } = await COMMANDS.find((c) => c.name === name)!.load();
    expect(usage).toContain('[--out DIR]');
    expect(usage.replace(/\[[^\]]*\]/g, '')).not.toContain('--out');
  });
});

describe('--json on failure: one JSON error object on stdout, the text on stderr', () => {
  it('validate with a bad config: exit 2, every problem listed', async () => {
    writeFileSync(path.join(dir, 'bad.yml'), BAD);
    const io = captureIo(dir);
    expect(await runCli(['validate', '--config', 'bad.yml', '--json'], io)).toBe(2);
    const { error } = JSON.parse(io.out());
    expect(error).toEqual({
      exitCode: 2,
      message: 'bad.yml: 2 problems',
      problems: [
        'line 3: variants[1].cuda: expected a version like "12.8", got "cu128"',
        'line 4: platforms[1]: expected one of "linux/amd64", "linux/arm64", got "linux/mips"',
      ],
    });
    expect(io.err()).toContain('error: bad.yml: 2 problems');
  });

  it('an unknown flag: exit 2 with the fix', async () => {
    const io = captureIo(dir);
    expect(await runCli(['validate', '--json', '--frob'], io)).toBe(2);
    expect(JSON.parse(io.out())).toEqual({
      error: {
        exitCode: 2,
        message: "validate: Unknown option '--frob'",
        problems: [],
        fix: 'run "ml-image validate --help" for usage',
      },
    });
    expect(io.err()).toContain("error: validate: Unknown option '--frob'");
  });

  it('an environment error: exit 3 with the fix', async () => {
    const io = captureIo(
      dir,
      fakeDocker({
        daemonFeatures: () =>
          Promise.reject(
            new EnvironmentError('cannot reach the Docker daemon at unix:///x (ENOENT)', 'start dockerd'),
          ),
      }),
    );
    expect(await runCli(['smoke', '--image', 'python:3.12-slim', '--suites', 'imports', '--json'], io)).toBe(
      3,
    );
    expect(JSON.parse(io.out())).toEqual({
      error: {
        exitCode: 3,
        message: 'cannot reach the Docker daemon at unix:///x (ENOENT)',
        problems: [],
        fix: 'start dockerd',
      },
    });
  });

  it('an internal error: exit 1, marked internal, no stack', async () => {
    const io = captureIo(dir, fakeDocker({ daemonFeatures: () => Promise.reject(new TypeError('boom')) }));
    expect(await runCli(['smoke', '--image', 'python:3.12-slim', '--json'], io)).toBe(1);
    const { error } = JSON.parse(io.out());
    expect(error).toMatchObject({ exitCode: 1, message: 'internal error: boom', problems: [] });
    expect(io.out()).not.toMatch(/\n\s+at /);
  });

  it('--json=VALUE: refused, and refused as JSON (the script asked for it)', async () => {
    const io = captureIo(dir);
    expect(await runCli(['validate', '--json=1'], io)).toBe(2);
    expect(JSON.parse(io.out()).error).toMatchObject({
      exitCode: 2,
      message: "validate: Option '--json' does not take an argument",
    });
  });

  it('without --json stdout stays empty on failure, also with "--json" after "--"', async () => {
    for (const argv of [
      ['validate', '--frob'],
      ['validate', '--frob', '--', '--json'],
    ]) {
      const io = captureIo(dir);
      expect(await runCli(argv, io)).toBe(2);
      expect(io.out()).toBe('');
    }
  });
});

describe('--json on failure masks what stderr masks (finding: a token in a message reached stdout)', () => {
  const TOKEN = 'ghp_LitTok0123456789abcdefghij';
  const URL_TOKEN = `https://pkgs.example.com/${TOKEN}/simple`;
  const URL_LOGIN = 'https://alice:LitPw0123@pkgs.example.com/simple';
  const BARE_LOGIN = 'alice:LitPw0123@pkgs.example.com';
  it.each([
    [
      'an environment error',
      new EnvironmentError(`cannot reach ${URL_TOKEN} or ${URL_LOGIN}`, `check ${URL_TOKEN}`),
      3,
    ],
    ['an input error', new InputError(`--index-url ${BARE_LOGIN}: refused`, `not ${URL_LOGIN}`), 2],
    [
      'a config error',
      new ConfigError(`x.yml (${TOKEN})`, [`line 1: ${URL_TOKEN}`, `line 2: ${URL_LOGIN}`], { fix: TOKEN }),
      2,
    ],
    ['an internal error', new TypeError(`boom at ${URL_TOKEN} ${URL_LOGIN}`), 1],
  ])('%s: the token and the password on neither channel, each field masked', async (_what, err, code) => {
    const io = captureIo(dir, fakeDocker({ daemonFeatures: () => Promise.reject(err) }));
    expect(await runCli(['smoke', '--image', 'python:3.12-slim', '--suites', 'imports', '--json'], io)).toBe(
      code,
    );
    const { error } = JSON.parse(io.out()) as {
      error: { message: string; problems: string[]; fix?: string };
    };
    for (const shown of [io.out(), io.err()]) {
      expect(shown).not.toContain('LitTok0123');
      expect(shown).not.toContain('LitPw0123');
    }
    const fields = [error.message, ...error.problems, error.fix ?? ''].join('\n');
    expect(fields).toContain('[redacted]');
    expect(fields).toContain('pkgs.example.com');
  });
});

describe('ml-image doctor (with a plain-object Docker adapter)', () => {
  const healthy = {
    ping: async () => ({ version: '27.0.0', apiVersion: '1.46', os: 'linux', arch: 'amd64' }),
    buildxVersion: async () => '0.13.1',
    buildxInspect: async () => ({
      name: 'default',
      driver: 'docker',
      platforms: ['linux/amd64', 'linux/arm64', 'linux/386'],
    }),
  };

  it('exits 0 when every check passes', async () => {
    const io = captureIo(dir, fakeDocker(healthy));
    expect(await runCli(['doctor', '--json', '--out', 'o'], io)).toBe(0);
    const report = JSON.parse(io.out());
    expect(report.ok).toBe(true);
    expect(report.checks.map((c: { name: string }) => c.name)).toEqual(['daemon', 'buildx', 'platforms']);
    expect(existsSync(path.join(dir, 'o', 'doctor.json'))).toBe(true);
  });

  it('--json when every check passes: ok and the checks only, as printed so written', async () => {
    const io = captureIo(dir, fakeDocker(healthy));
    expect(await runCli(['doctor', '--json', '--out', 'o'], io)).toBe(0);
    const report = JSON.parse(io.out());
    expect(Object.keys(report)).toEqual(['ok', 'checks']);
    expect(JSON.parse(readFileSync(path.join(dir, 'o', 'doctor.json'), 'utf8'))).toEqual(report);
  });

  it('--json when checks fail: ok and the checks, and the error object every command prints (exit 3)', async () => {
    const io = captureIo(
      dir,
      fakeDocker({
        ...healthy,
        ping: () =>
          Promise.reject(
            new EnvironmentError(
              'cannot reach the Docker daemon at admin:hunter2@dockerhost:2376 (ECONNREFUSED)',
              'start dockerd',
            ),
          ),
        buildxVersion: () =>
          Promise.reject(
            new EnvironmentError('docker buildx is not installed', 'apt-get install docker-buildx'),
          ),
      }),
    );
    expect(await runCli(['doctor', '--json', '--out', 'o'], io)).toBe(3);
    const report = JSON.parse(io.out());
    expect(report.ok).toBe(false);
    expect(report.checks.map((c: { name: string; ok: boolean }) => [c.name, c.ok])).toEqual([
      ['daemon', false],
      ['buildx', false],
    ]);
    expect(report.error).toEqual({
      exitCode: 3,
      message: '2 of 2 checks failed: daemon, buildx',
      problems: [
        'daemon: cannot reach the Docker daemon at ***@dockerhost:2376 (ECONNREFUSED)',
        'buildx: docker buildx is not installed',
      ],
      fix: 'daemon: start dockerd; buildx: apt-get install docker-buildx',
    });
    expect(io.out()).not.toContain('hunter2');
    expect(JSON.parse(readFileSync(path.join(dir, 'o', 'doctor.json'), 'utf8'))).toEqual(report);
    // The text on stderr, as every command's failure (audit: doctor's went nowhere).
    expect(io.err()).toBe(
      'error: 2 of 2 checks failed: daemon, buildx\nfix: daemon: start dockerd; buildx: apt-get install docker-buildx\n',
    );
  });

  it('--json when one check fails: its fix as written', async () => {
    const io = captureIo(
      dir,
      fakeDocker({
        ...healthy,
        buildxInspect: async () => ({ name: 'default', driver: 'docker', platforms: ['linux/amd64'] }),
      }),
    );
    expect(await runCli(['doctor', '--json'], io)).toBe(3);
    const { error } = JSON.parse(io.out());
    expect(error.exitCode).toBe(3);
    expect(error.message).toBe('1 of 3 checks failed: platforms');
    expect(error.problems).toEqual([
      'platforms: the builder cannot build for linux/arm64 (it supports: linux/amd64)',
    ]);
    expect(error.fix).toMatch(/^register QEMU binfmt handlers: /);
    expect(io.err()).toMatch(/^error: 1 of 3 checks failed: platforms\nfix: register QEMU binfmt handlers: /);
  });

  // error.fix: each fix once, after the names of every check it fixes; bare only when one check failed.
  it.each<[string, [string, string | undefined][], string | undefined]>([
    [
      'two checks share a fix, a third has its own',
      [
        ['buildx', 'install docker'],
        ['registry', 'install docker'],
        ['platforms', 'run binfmt'],
      ],
      'buildx, registry: install docker; platforms: run binfmt',
    ],
    [
      'a shared fix keeps the place of its first check',
      [
        ['daemon', 'install docker'],
        ['platforms', 'run binfmt'],
        ['registry', 'install docker'],
      ],
      'daemon, registry: install docker; platforms: run binfmt',
    ],
    [
      'several checks failed, one has a fix: its check named',
      [
        ['daemon', undefined],
        ['buildx', 'install buildx'],
      ],
      'buildx: install buildx',
    ],
    ['one check failed: its fix as written', [['buildx', 'install buildx']], 'install buildx'],
    ['one check failed without a fix: none', [['buildx', undefined]], undefined],
    [
      'several checks failed, none has a fix: none',
      [
        ['daemon', undefined],
        ['buildx', undefined],
      ],
      undefined,
    ],
  ])('doctorReport: %s', (_what, failing, fix) => {
    const checks = [
      { name: 'credential', ok: true, detail: 'none' },
      ...failing.map(([name, f]) => ({
        name,
        ok: false,
        detail: `${name} failed`,
        ...(f !== undefined && { fix: f }),
      })),
    ];
    const { error } = doctorReport(checks);
    expect(error?.fix).toBe(fix);
    expect(error !== undefined && 'fix' in error).toBe(fix !== undefined);
    expect(error?.message).toBe(
      `${failing.length} of ${checks.length} checks failed: ${failing.map(([n]) => n).join(', ')}`,
    );
  });

  it('exits 3 with the fix when the daemon is unreachable', async () => {
    const io = captureIo(
      dir,
      fakeDocker({
        ...healthy,
        ping: () =>
          Promise.reject(
            new EnvironmentError('cannot reach the Docker daemon at unix:///x (ENOENT)', 'start dockerd'),
          ),
      }),
    );
    expect(await runCli(['doctor'], io)).toBe(3);
    expect(io.out()).toContain('FAIL daemon: cannot reach the Docker daemon');
    expect(io.out()).toContain('fix: start dockerd');
  });

  it('exits 3 when the builder cannot emulate arm64', async () => {
    const io = captureIo(
      dir,
      fakeDocker({
        ...healthy,
        buildxInspect: async () => ({ name: 'default', driver: 'docker', platforms: ['linux/amd64'] }),
      }),
    );
    expect(await runCli(['doctor'], io)).toBe(3);
    expect(io.out()).toContain('FAIL platforms: the builder cannot build for linux/arm64');
    expect(io.out()).toContain('qemu-user-static');
  });

  it('exits 3 when the registry is unreachable (a real closed port)', async () => {
    const port = await closedPort();
    const io = captureIo(dir, fakeDocker(healthy));
    expect(await runCli(['doctor', '--registry', `127.0.0.1:${port}`], io)).toBe(3);
    expect(io.out()).toContain(
      `FAIL registry: registry 127.0.0.1:${port} is unreachable (http://127.0.0.1:${port}/v2/: ECONNREFUSED)`,
    );
    expect(io.out()).toContain(
      `fix: start the registry at 127.0.0.1:${port}, or, if that host or port is wrong`,
    );
  });
});

// ml-image run streams each build's own output under its progress lines with the build's
// [variant/arch], as ml-image build does: two platforms build side by side.
describe('run: the output lines', () => {
  it.each<[string, string | undefined, string]>([
    ['#5 [2/4] RUN pip install', 'cpu/arm64', '           [cpu/arm64] #5 [2/4] RUN pip install\n'],
    ['collected 3 items', undefined, '           collected 3 items\n'],
  ])('%j of %j', (line, target, expected) => {
    expect(outputLine(line, target)).toBe(expected);
  });
});
