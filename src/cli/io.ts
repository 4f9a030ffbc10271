// What a command may touch, passed in so tests drive commands with plain objects.
import type { Signer } from '../attest/cosign.js';
import type { CommandRunner, DockerAdapter } from '../docker/adapter.js';
import type { OciFetch } from '../docker/oci-types.js';
import type { HostLookup } from '../resolve/network-lookup.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Created on first use: commands that never touch Docker never connect. */
  docker: () => DockerAdapter;
  /** Sign, attest, verify; default: the built-in key signer where it can (src/attest/signers.ts), else cosign. */
  signer?: () => Signer;
  /** The built-in registry client's HTTP (verify's reads; default node:http(s)): tests script it. */
  registryFetch?: OciFetch;
  /** stdout is a terminal: the report is printed with bold headings (unless NO_COLOR). */
  stdoutIsTTY?: boolean;
  /** This machine's resolver, for `resolve`'s index host names (default: the system's): tests script it. */
  lookupHost?: HostLookup;
  /** Runs git for the checkout's commit, tag and branch (gitContextFor; default: git itself): tests script it. */
  git?: CommandRunner;
}
