// Removable drives, as the kiosk sees them: on Linux the USB sticks and memory cards mounted
// under /media, /run/media and /mnt (read from /proc/mounts, where the desktop's automounter
// puts sticks; a data disk or a tmpfs mounted there is no stick), on Windows the drive letters
// from D: on. `usbRoots` in settings names more folders where sticks get mounted: whatever is
// mounted on or below one counts, and one with nothing mounted is said (a plain folder of files
// is not a stick). One small interface with a real, polling implementation; tests give it
// their own mount table, roots and device tree.

import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { systemClock, type Clock, type Timer } from '../../time/clock.ts';

const LINUX_ROOTS = ['/media', '/run/media', '/mnt'];
/** How often the mounts are read again: a stick is noticed within this long (plus a read). */
export const POLL_MS = 1000;

/** A drive: where it is mounted, and its name (the file system's label) when it has one. */
export interface Drive {
  root: string;
  label: string | null;
}

export type DriveEvent = { type: 'added'; drive: Drive } | { type: 'removed'; drive: Drive };

/** `\040` and friends in /proc/mounts are octal escapes for spaces, tabs and backslashes. */
const unescape = (field: string) => field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));

/** Each mount in a /proc/mounts text: the device (or what stands for one) and the mount point. */
function parseMounts(procMounts: string): Array<{ source: string; point: string }> {
  return procMounts.split('\n').map((line) => line.split(' ')).filter((fields) => fields.length > 1 && fields[1]).map(([source, point]) => ({ source: unescape(source), point: unescape(point) }));
}

const below = (point: string, root: string) => point.startsWith(root.endsWith('/') ? root : `${root}/`);

/** The mount points in a /proc/mounts text that lie below one of the roots (never a root itself). */
export function mountsUnder(procMounts: string, roots: string[]): string[] {
  return parseMounts(procMounts).map((m) => m.point).filter((point) => roots.some((root) => below(point, root))).sort();
}

/** What the system knows of the device a mount comes from. */
export interface BlockDevices {
  /** A USB stick or a memory card; a disk inside the computer, a tmpfs or a network share is not. */
  removable(source: string): boolean;
  /** The file system's label, the stick's name as a desktop shows it; null when it has none. */
  label(source: string): string | null;
}

/** Linux's view of its block devices, from /sys and /dev below `root` (a test hands in its own tree). */
export function linuxBlockDevices(root = '/'): BlockDevices {
  const real = (file: string) => {
    try {
      return realpathSync(file);
    } catch {
      return null;
    }
  };
  const device = (source: string) => (source.startsWith('/dev/') ? real(path.join(root, source)) : null);
  return {
    removable(source) {
      const dev = device(source);
      const sys = dev && real(path.join(root, 'sys', 'class', 'block', path.basename(dev)));
      if (!sys) return false;
      if (/\/(usb\d+|mmc_host)\//.test(sys)) return true;
      // A partition's disk is the folder above it; the disk says whether its medium can be taken out.
      const disk = existsSync(path.join(sys, 'partition')) ? path.dirname(sys) : sys;
      try {
        return readFileSync(path.join(disk, 'removable'), 'utf8').trim() === '1';
      } catch {
        return false;
      }
    },
    label(source) {
      const dev = device(source);
      const byLabel = path.join(root, 'dev', 'disk', 'by-label');
      if (!dev || !existsSync(byLabel)) return null;
      const name = readdirSync(byLabel).find((entry) => real(path.join(byLabel, entry)) === dev);
      // udev writes a space and other unsafe characters as \x20 and the like.
      return name === undefined ? null : name.replace(/\\x([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    },
  };
}

export interface DriveWatcherOptions {
  /** Extra places on or below which mounts count as drives (settings' usbRoots). */
  roots?: () => string[];
  /** The mount table; /proc/mounts on Linux. */
  readMounts?: () => string;
  /** Which devices are removable, and their labels; Linux's /sys and /dev. */
  devices?: BlockDevices;
  platform?: NodeJS.Platform;
  pollMs?: number;
  /** What the polls are timed on. */
  clock?: Clock;
}

export class DriveWatcher {
  private readonly options: Required<DriveWatcherOptions>;
  private known = new Map<string, Drive>();
  private unmounted: string[] = [];
  private readonly listeners = new Set<(event: DriveEvent) => void>();
  private timer: Timer | null = null;

  constructor(options: DriveWatcherOptions = {}) {
    this.options = {
      roots: options.roots ?? (() => []),
      readMounts: options.readMounts ?? (() => readFileSync('/proc/mounts', 'utf8')),
      devices: options.devices ?? linuxBlockDevices(),
      platform: options.platform ?? process.platform,
      pollMs: options.pollMs ?? POLL_MS,
      clock: options.clock ?? systemClock,
    };
  }

  /** The drives there are now, in the order they came (the newest last: the stick just put in). */
  drives(): Drive[] {
    return [...this.known.values()];
  }

  /** The usbRoots folders with nothing mounted on or below them, at the last look. */
  unmountedRoots(): string[] {
    return [...this.unmounted];
  }

  onEvent(listener: (event: DriveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.timer) return;
    this.poll();
    this.timer = this.options.clock.setInterval(() => this.poll(), this.options.pollMs);
    this.timer.unref();
  }

  stop(): void {
    this.options.clock.clear(this.timer);
    this.timer = null;
  }

  /** Looks once; emits what came and went since the last look. */
  poll(): void {
    const now = this.scan();
    const gone = [...this.known.values()].filter((drive) => !now.has(drive.root));
    const added = [...now].filter(([root]) => !this.known.has(root)).map(([root, source]) => ({ root, label: source === null ? null : this.options.devices.label(source) }));
    for (const drive of gone) this.known.delete(drive.root);
    for (const drive of added) this.known.set(drive.root, drive);
    for (const drive of added) this.emit({ type: 'added', drive });
    for (const drive of gone) this.emit({ type: 'removed', drive });
  }

  /** The drives' mount points, each with the device it comes from (null: a drive letter). */
  private scan(): Map<string, string | null> {
    const extra = this.options.roots().map((root) => path.resolve(root));
    const onExtra = (point: string) => extra.some((root) => point === root || below(point, root));
    const mounts = this.mountTable();
    this.unmounted = extra.filter((root) => !mounts.some((m) => m.point === root || below(m.point, root)));
    const found = new Map<string, string | null>();
    if (this.options.platform === 'win32') {
      for (const letter of 'DEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((l) => `${l}:\\`)) if (existsSync(letter)) found.set(letter, null);
    }
    const sticks = mounts.filter((m) => onExtra(m.point) || (this.options.platform !== 'win32' && LINUX_ROOTS.some((root) => below(m.point, root)) && this.options.devices.removable(m.source)));
    for (const m of sticks.sort((a, b) => a.point.localeCompare(b.point))) found.set(m.point, m.source);
    return found;
  }

  private mountTable(): Array<{ source: string; point: string }> {
    try {
      return parseMounts(this.options.readMounts());
    } catch {
      return [];
    }
  }

  private emit(event: DriveEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
