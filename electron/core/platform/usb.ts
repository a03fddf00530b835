// Removable drives, as the kiosk sees them: on Linux the mounts under /media, /run/media and
// /mnt (read from /proc/mounts, where the desktop's automounter puts sticks), on Windows the
// drive letters from D: on; `usbRoots` in settings adds places to watch. One small interface
// with a real, polling implementation; tests give it their own mount table and roots.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const LINUX_ROOTS = ['/media', '/run/media', '/mnt'];
/** How often the mounts are read again: a stick is noticed within this long (plus a read). */
export const POLL_MS = 1000;

/** A drive: where it is mounted. */
interface Drive {
  root: string;
}

export type DriveEvent = { type: 'added'; drive: Drive } | { type: 'removed'; drive: Drive };

/** `\040` and friends in /proc/mounts are octal escapes for spaces, tabs and backslashes. */
const unescape = (field: string) => field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));

/** The mount points in a /proc/mounts text that lie below one of the roots (never a root itself). */
export function mountsUnder(procMounts: string, roots: string[]): string[] {
  const points = procMounts.split('\n').map((line) => line.split(' ')[1]).filter(Boolean).map(unescape);
  return points.filter((point) => roots.some((root) => point.startsWith(root.endsWith('/') ? root : `${root}/`))).sort();
}

export interface DriveWatcherOptions {
  /** Extra places below which mounts count as drives (settings' usbRoots). */
  roots?: () => string[];
  /** The mount table; /proc/mounts on Linux. */
  readMounts?: () => string;
  platform?: NodeJS.Platform;
  pollMs?: number;
}

export class DriveWatcher {
  private readonly options: Required<DriveWatcherOptions>;
  private known = new Set<string>();
  private readonly listeners = new Set<(event: DriveEvent) => void>();
  private timer: NodeJS.Timeout | null = null;

  constructor(options: DriveWatcherOptions = {}) {
    this.options = {
      roots: options.roots ?? (() => []),
      readMounts: options.readMounts ?? (() => readFileSync('/proc/mounts', 'utf8')),
      platform: options.platform ?? process.platform,
      pollMs: options.pollMs ?? POLL_MS,
    };
  }

  /** The drives there are now, in the order they came (the newest last: the stick just put in). */
  drives(): Drive[] {
    return [...this.known].map((root) => ({ root }));
  }

  onEvent(listener: (event: DriveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.timer) return;
    this.poll();
    this.timer = setInterval(() => this.poll(), this.options.pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Looks once; emits what came and went since the last look. */
  poll(): void {
    const now = new Set(this.scan());
    const gone = [...this.known].filter((root) => !now.has(root));
    const added = [...now].filter((root) => !this.known.has(root));
    this.known = new Set([...[...this.known].filter((root) => now.has(root)), ...added]);
    for (const root of added) this.emit({ type: 'added', drive: { root } });
    for (const root of gone) this.emit({ type: 'removed', drive: { root } });
  }

  private scan(): string[] {
    const extra = this.options.roots().map((root) => path.resolve(root));
    if (this.options.platform === 'win32') {
      const letters = 'DEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((letter) => `${letter}:\\`).filter((root) => existsSync(root));
      return [...letters, ...this.mounts(extra)];
    }
    return this.mounts([...LINUX_ROOTS, ...extra]);
  }

  private mounts(roots: string[]): string[] {
    if (roots.length === 0) return [];
    try {
      return mountsUnder(this.options.readMounts(), roots);
    } catch {
      return [];
    }
  }

  private emit(event: DriveEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
