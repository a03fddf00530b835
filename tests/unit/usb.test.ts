// Noticing sticks: mounts below the watched roots, from a real /proc/mounts where this
// machine lets a test mount a tmpfs, else from a mount table the test writes (said so); which
// of them are sticks, and their names, from a /sys and /dev laid out as Linux lays them out.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DriveWatcher, linuxBlockDevices, mountsUnder, POLL_MS, type DriveEvent } from '../../electron/platform/usb.ts';
import { TestClock } from '../helpers/clock.ts';
import { stick, type Stick } from '../helpers/stick.ts';
import { deviceTree } from '../helpers/devices.ts';
import { tempDir } from '../helpers/tmp.ts';

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

test('a stick mounted below a watched root is noticed at the next look, and its removal too', async (t) => {
  // The watched root is the test's own folder: other tests' sticks are mounted elsewhere.
  const root = tempDir('olifant-drives-');
  const clock = new TestClock();
  let usb: Stick | null = null;
  // Without a real mount, a mount table the test writes stands in for /proc/mounts.
  let table = '';
  const readMounts = () => (usb?.mounted ? readFileSync('/proc/mounts', 'utf8') : table);
  const watcher = new DriveWatcher({ roots: () => [root], readMounts, platform: 'linux', clock });
  const events: DriveEvent[] = [];
  watcher.onEvent((e) => events.push(e));
  watcher.start();
  t.after(() => watcher.stop());
  usb = stick(1, (m) => t.diagnostic(m), root);
  table = `tmpfs ${usb.dir} tmpfs rw 0 0`;
  await clock.advance(POLL_MS - 1);
  assert.deepEqual(events, [], 'not before the next look');
  await clock.advance(1);
  assert.deepEqual(events, [{ type: 'added', drive: { root: usb.dir, label: null } }]);
  assert.deepEqual(watcher.drives(), [{ root: usb.dir, label: null }]);
  usb.pull();
  table = '';
  await clock.advance(POLL_MS);
  assert.deepEqual(events.at(-1), { type: 'removed', drive: { root: usb.dir, label: null } });
  assert.deepEqual(watcher.drives(), []);
});

test('below /media, /run/media and /mnt only USB sticks and memory cards are drives, named by their label; a data disk or a tmpfs there is not', () => {
  const table = [
    '/dev/vda /mnt/data ext4 rw 0 0',
    'tmpfs /mnt/sandboxing/tools tmpfs ro 0 0',
    '/dev/sdb1 /media/kiosk/OLIFANT\\040STICK vfat rw 0 0',
    '/dev/mmcblk0p1 /media/kiosk/CARD vfat rw 0 0',
    '/dev/sdc1 /run/media/crew/BACKUP ext4 rw 0 0',
    '/dev/sdd /mnt/reader vfat rw 0 0',
  ].join('\n');
  const watcher = new DriveWatcher({ readMounts: () => table, devices: linuxBlockDevices(deviceTree()), platform: 'linux' });
  watcher.poll();
  assert.deepEqual(watcher.drives(), [
    { root: '/media/kiosk/CARD', label: null },
    { root: '/media/kiosk/OLIFANT STICK', label: 'OLIFANT STICK' },
    { root: '/mnt/reader', label: null },
  ]);
  // This machine's own system disk is no stick either.
  const system = readFileSync('/proc/mounts', 'utf8').split('\n').map((l) => l.split(' ')).find((f) => f[1] === '/');
  assert.equal(linuxBlockDevices().removable(system?.[0] ?? 'none'), false, `the disk the system runs from (${system?.[0]})`);
});

test('usbRoots: whatever is mounted on or below one counts; one with nothing mounted is reported, to say what the setting expects', () => {
  const table = ['tmpfs /srv/usb/stick tmpfs rw 0 0', '/dev/sdx1 /srv/own vfat rw 0 0'].join('\n');
  const watcher = new DriveWatcher({ roots: () => ['/srv/usb', '/srv/own', '/srv/files'], readMounts: () => table, devices: linuxBlockDevices(deviceTree()), platform: 'linux' });
  watcher.poll();
  assert.deepEqual(watcher.drives().map((d) => d.root), ['/srv/own', '/srv/usb/stick']);
  assert.deepEqual(watcher.unmountedRoots(), ['/srv/files']);
});
