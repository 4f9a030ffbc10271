// `ml-image`: dispatch to a subcommand, map errors to the exit-code contract, no stack traces
// unless --verbose.

import type { DockerAdapter } from '../docker/adapter.js';
import { createDefaultDockerAdapter } from '../docker/engine.js';
import { redactUrls } from '../capture/redact.js';
import { describeError, exitCodeOf, InputError } from '../errors.js';
import { VERSION } from '../version.js';
import { buildCommand } from './commands/build.js';
import { captureCommand } from './commands/capture.js';
import { diffCommand } from './commands/diff.js';
import { doctorCommand } from './commands/doctor.js';
import { exportCommand } from './commands/export.js';
import { planCommand } from './commands/plan.js';
import { reportCommand } from './commands/report.js';
import { resolveCommand } from './commands/resolve.js';
import { runCommand } from './commands/run.js';
import { smokeCommand } from './commands/smoke.js';
import type { Command } from './commands/types.js';
import { validateCommand } from './commands/validate.js';
import type { CliIo } from './io.js';

export const COMMANDS: readonly Command[] = [
  validateCommand,
  planCommand,
  resolveCommand,
  buildCommand,
  captureCommand,
  smokeCommand,
  diffCommand,
  reportCommand,
  runCommand,
  exportCommand,
  doctorCommand,
];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `ml-image ${VERSION}: multi-arch CPU/GPU ML images with dependency-conflict checks and smoke tests

Usage: ml-image <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Every command takes --json (machine output), --out DIR (result files), --verbose (stack traces)
and --help.

Exit codes: 0 success; 1 the checked thing failed; 2 bad usage, config or input;
3 environment problem (no Docker daemon, no buildx, registry unreachable).
`;
}

export function commandHelp(c: Command): string {
  return `Usage: ${c.usage}\n\n${c.summary}\n\n${c.help}\n`;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
      io.stdout(topic ? commandHelp(topic) : mainHelp());
      return 0;
    }
    if (name === '--version' || name === 'version') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) {
      throw new InputError(
        `unknown command "${name}"`,
        `available commands: ${COMMANDS.map((c) => c.name).join(', ')} (see "ml-image --help")`,
      );
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(commandHelp(command));
      return 0;
    }
    return await command.run(rest, io);
  } catch (err) {
    io.stderr(`${describeError(err, verbose)}\n`);
    return exitCodeOf(err);
  }
}

export function processIo(): CliIo {
  let docker: DockerAdapter | undefined;
  return {
    // Last line of defence: userinfo in any URL is masked in everything the CLI prints.
    stdout: (t) => process.stdout.write(redactUrls(t)),
    stderr: (t) => process.stderr.write(redactUrls(t)),
    cwd: process.cwd(),
    env: process.env,
    docker: () => {
      docker ??= createDefaultDockerAdapter();
      return docker;
    },
  };
}
