// Block devices for tests: a /sys and /dev laid out as Linux lays them out for a kiosk's disks
// (a USB stick, a memory card, a card reader, a SATA disk, the virtual system disk), below a
// folder of the test's own, since a test cannot plug in a stick.

import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './tmp.ts';

/** The stick's label, as /dev/disk/by-label gives it for /dev/sdb1. */
export const STICK_LABEL = 'OLIFANT STICK';

/** A /sys and /dev as Linux lays them out for a kiosk's disks, below a folder of the test's own. */
export function deviceTree(): string {
  const root = tempDir('olifant-devices-');
  const devices: Array<[string, string, string | null]> = [
    // name, where sysfs puts it, the disk's "removable" flag (a partition's disk is the folder above)
    ['vda', 'devices/pci0000:00/0000:00:02.0/virtio1/block/vda', '0'],
    ['sdb1', 'devices/pci0000:00/0000:00:14.0/usb1/1-2/1-2:1.0/host6/target6:0:0/6:0:0:0/block/sdb/sdb1', '0'],
    ['mmcblk0p1', 'devices/platform/fe320000.mmc/mmc_host/mmc0/mmc0:aaaa/block/mmcblk0/mmcblk0p1', '0'],
    ['sdc1', 'devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sdc/sdc1', '0'],
    ['sdd', 'devices/pci0000:00/0000:00:17.0/ata2/host1/target1:0:0/1:0:0:0/block/sdd', '1'],
  ];
  mkdirSync(path.join(root, 'sys', 'class', 'block'), { recursive: true });
  mkdirSync(path.join(root, 'dev', 'disk', 'by-label'), { recursive: true });
  for (const [name, where, removable] of devices) {
    const dir = path.join(root, 'sys', where);
    mkdirSync(dir, { recursive: true });
    const partition = /\d$/.test(name); // sdb1, mmcblk0p1: a partition; sdd, vda: a whole disk
    if (partition) writeFileSync(path.join(dir, 'partition'), '1\n');
    writeFileSync(path.join(partition ? path.dirname(dir) : dir, 'removable'), `${removable}\n`);
    symlinkSync(path.join('..', '..', where), path.join(root, 'sys', 'class', 'block', name));
    writeFileSync(path.join(root, 'dev', name), '');
  }
  symlinkSync('../../sdb1', path.join(root, 'dev', 'disk', 'by-label', STICK_LABEL.replace(' ', '\\x20')));
  return root;
}
