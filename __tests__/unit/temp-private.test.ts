// The run's temp root must be this user's own, closed to others: on native Windows, where libuv
// reports every writable directory as mode 0666 and node no uid, only the is-a-directory test holds
// (the per-user %TEMP% is the user's own); elsewhere the uid and mode tests stay. Platform, uid and
// the directory's stat are injected, never this machine's.
import { describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/errors.js';
import { checkPrivate } from '../../src/util/temp.js';

const dir = (mode: number, uid = 1000) => ({ isDirectory: () => true, uid, mode });
const file = (mode: number, uid = 1000) => ({ isDirectory: () => false, uid, mode });

describe('checkPrivate', () => {
  it.each<[string, ReturnType<typeof dir>, NodeJS.Platform, number | undefined, RegExp | undefined]>([
    // Native Windows: libuv's mode of a writable directory, node's uid 0 (no process.getuid).
    ['win32: a directory, mode 0666 (libuv)', dir(0o40666, 0), 'win32', undefined, undefined],
    ['win32: mode 0777, another uid', dir(0o40777, 42), 'win32', undefined, undefined],
    ['win32: not a directory', file(0o100666, 0), 'win32', undefined, /is not a directory/],
    // Linux and macOS: as before.
    ['linux: mode 0700, this user', dir(0o40700), 'linux', 1000, undefined],
    ['linux: mode 0755', dir(0o40755), 'linux', 1000, /may be entered by other users \(mode 755\)/],
    ['linux: mode 0666', dir(0o40666), 'linux', 1000, /may be entered by other users \(mode 666\)/],
    ['linux: another user', dir(0o40700, 42), 'linux', 1000, /belongs to another user \(uid 42\)/],
    ['darwin: mode 0755', dir(0o40755), 'darwin', 501, /belongs to another user \(uid 1000\)/],
    ['linux: not a directory', file(0o100600), 'linux', 1000, /is not a directory/],
  ])('%s', (_what, st, platform, uid, refused) => {
    const check = () => checkPrivate('/t/ml-image-1-a', st, platform, uid);
    if (refused === undefined) expect(check).not.toThrow();
    else {
      expect(check).toThrow(EnvironmentError);
      expect(check).toThrow(refused);
    }
  });
});
