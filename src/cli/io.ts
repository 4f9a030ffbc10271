// What a command may touch, passed in so tests drive commands with plain objects.
import type { Signer } from '../attest/cosign.js';
import type { DockerAdapter } from '../docker/adapter.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Created on first use: commands that never touch Docker never connect. */
  docker: () => DockerAdapter;
  /** cosign (sign, attest, verify); default: the real binary with the key password from env. */
  signer?: () => Signer;
  /** stdout is a terminal: the report is printed with bold headings (unless NO_COLOR). */
  stdoutIsTTY?: boolean;
}

export interface GlobalFlags {
  json: boolean;
  verbose: boolean;
  out: string | undefined;
}
