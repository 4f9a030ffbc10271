// The dockerode client, loaded on first use, and every call through it: a connection failure
// becomes EnvironmentError (exit 3) naming the daemon and the fix.
import type Dockerode from 'dockerode';
import { connectionError } from './failures.js';

export interface EngineClient {
  /** The engine client (dockerode is only loaded when a container is needed). */
  docker(): Promise<Dockerode>;
  /** Run `fn` against the engine; a connection failure is rethrown as EnvironmentError. */
  call<T>(fn: (docker: Dockerode) => Promise<T>): Promise<T>;
}

export function engineClient(source: Dockerode | (() => Promise<Dockerode>)): EngineClient {
  let client: Promise<Dockerode> | undefined;
  const docker = () => (client ??= typeof source === 'function' ? source() : Promise.resolve(source));
  return {
    docker,
    async call<T>(fn: (docker: Dockerode) => Promise<T>): Promise<T> {
      const d = await docker();
      try {
        return await fn(d);
      } catch (e) {
        throw connectionError(e, d) ?? e;
      }
    },
  };
}
