// Noticing sticks: mounts below the watched roots, from a real /proc/mounts where this
// machine lets a test mount a tmpfs, else from a mount table the test writes (said so).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DriveWatcher, mountsUnder, type DriveEvent } from '../../electron/core/platform/usb.ts';
import { stick } from '../helpers/stick.ts';

const TABLE = [
  'sysfs /sys sysfs rw 0 0',
  '/dev/sda1 / ext4 rw 0 0',
  '/dev/sdb1 /media/kiosk/OLIFANT\\040STICK vfat rw 0 0',
  '/dev/sdc1 /run/media/crew/TOUR vfat rw 0 0',
  '/dev/sdd1 /mnt/usb exfat rw 0 0',
  '/dev/sde1 /media vfat rw 0 0',
  '/dev/sdf1 /mediate/x vfat rw 0 0',
].join('\n');

test('mounts below /media, /run/media and /mnt are drives; the roots themselves and look-alikes are not', () => {
  assert.deepEqual(mountsUnder(TABLE, ['/media', '/run/media', '/mnt']), ['/media/kiosk/OLIFANT STICK', '/mnt/usb', '/run/media/crew/TOUR']);
});

test('a stick mounted below a watched root is noticed at the next look, and its removal too', (t) => {
  const usb = stick(1, (m) => t.diagnostic(m));
  // Without a real mount, a mount table the test writes stands in for /proc/mounts.
  let table = `tmpfs ${usb.dir} tmpfs rw 0 0`;
  const readMounts = usb.mounted ? () => readFileSync('/proc/mounts', 'utf8') : () => table;
  const watcher = new DriveWatcher({ roots: () => [path.dirname(usb.dir)], readMounts, platform: 'linux' });
  const events: DriveEvent[] = [];
  watcher.onEvent((e) => events.push(e));
  watcher.poll();
  assert.deepEqual(events.filter((e) => e.drive.root === usb.dir), [{ type: 'added', drive: { root: usb.dir } }]);
  assert.ok(watcher.drives().some((d) => d.root === usb.dir));
  usb.pull();
  table = '';
  watcher.poll();
  assert.deepEqual(events.at(-1), { type: 'removed', drive: { root: usb.dir } });
});
