// A USB stick for tests: as root, a real size-limited tmpfs mount that can be filled or
// pulled out (lazy unmount); where mounting is refused, a plain folder, and the test says so.

import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import os from 'node:os';
import { after } from 'node:test';
import { tempDir } from './tmp.ts';

export interface Stick {
  dir: string;
  /** A real mount; false when this machine refused to mount and a folder stands in. */
  mounted: boolean;
  /** Pulls the stick out: its files vanish for every new open. */
  pull(): void;
}

/** A stick of `sizeMiB`, mounted in a new folder below `parent` (a place the kiosk watches, say). */
export function stick(sizeMiB: number, log: (message: string) => void, parent = os.tmpdir()): Stick {
  const dir = tempDir('olifant-stick-', parent);
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m`, 'tmpfs', dir], { encoding: 'utf8' });
  const mounted = mount.status === 0;
  if (!mounted) log(`mounting a tmpfs was refused (${(mount.stderr || mount.error?.message || '').trim()}); a plain folder stands in for the stick`);
  let inPlace = true;
  const pull = () => {
    if (!inPlace) return;
    inPlace = false;
    if (mounted) spawnSync('umount', ['-l', dir]);
    else rmSync(dir, { recursive: true, force: true });
  };
  // Pulled after the file's tests (the folder itself goes with the other test folders, at the end).
  after(pull);
  return { dir, mounted, pull };
}
